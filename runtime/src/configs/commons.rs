//! `pallet-commons`: projects, contributions, review and value units.

use frame_support::{parameter_types, traits::ConstU32, weights::Weight, PalletId};
use sp_runtime::{traits::Verify, Perbill};

use super::{Balances, OriginCaller, Runtime, RuntimeBlockWeights, RuntimeCall, RuntimeHoldReason};
use crate::{BlockNumber, Commons, Preimage, Scheduler, Signature, DAYS, UNIT};

/// Most calls in a `utility.batch_all` a project's vote may enact.
pub const MAX_PROJECT_BATCH: usize = 8;

/// What a project's vote may enact: `pallet-commons` calls for that project, or a
/// `utility.batch_all` of at most [`MAX_PROJECT_BATCH`] of them (no nesting). Nothing else a
/// project origin could not dispatch anyway, and nothing that costs more than it says.
pub struct ProjectEnactable;

impl pallet_commons::EnactableCalls<RuntimeCall> for ProjectEnactable {
	fn project_may_enact(project: pallet_commons::ProjectId, call: &RuntimeCall) -> bool {
		let own = |call: &RuntimeCall| matches!(call, RuntimeCall::Commons(c) if Commons::project_of_call(c) == Some(project));
		match call {
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls }) => {
				!calls.is_empty() && calls.len() <= MAX_PROJECT_BATCH && calls.iter().all(own)
			},
			call => own(call),
		}
	}
}

parameter_types! {
	pub const CommonsPalletId: PalletId = PalletId(*b"py/cmmns");
	pub const ProjectDeposit: crate::Balance = 10 * UNIT;
	pub const ContributionDeposit: crate::Balance = UNIT;
	pub const MaxReviewPeriod: BlockNumber = 30 * DAYS;
	pub const RetentionPeriod: BlockNumber = 7 * DAYS;
	pub const ProposalDeposit: crate::Balance = 10 * UNIT;
	pub const EpochLength: BlockNumber = DAYS;
	pub const VoteRetention: BlockNumber = 7 * DAYS;
	pub const AppealWindow: BlockNumber = 3 * DAYS;
	pub const MaxVotingPeriod: BlockNumber = 30 * DAYS;
	pub const ProposalForfeit: Perbill = Perbill::from_percent(50);
	pub const ListDeposit: crate::Balance = UNIT;
	pub const RecordDeposit: crate::Balance = UNIT / 10;
	pub const VoteDeposit: crate::Balance = UNIT / 100;
	pub const HoldingFee: crate::Balance = UNIT / 100;
	pub const CleanupShare: Perbill = Perbill::from_percent(20);
	pub const MaxDebt: crate::Balance = 10_000_000 * UNIT;
	/// Half of a payment at most goes upstream: a cycle of projects passes on at most half of
	/// what it receives at each hop.
	pub const MaxUpstreamShare: Perbill = Perbill::from_percent(50);
	/// A project's enactment may take 5% of a block, the chain's half of one (the scheduler
	/// runs up to 80%, so a passed call is never permanently overweight).
	pub MaxProjectEnactmentWeight: Weight = Perbill::from_percent(5) * RuntimeBlockWeights::get().max_block;
	pub MaxChainEnactmentWeight: Weight = Perbill::from_percent(50) * RuntimeBlockWeights::get().max_block;
}

impl pallet_commons::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// The project's own vote, the chain's vote (Root), or its maintainers while it has no
	/// value-unit holders to vote.
	type ProjectOrigin = pallet_commons::EnsureProjectOrRoot<Runtime>;
	type OffchainSignature = Signature;
	type OffchainPublic = <Signature as Verify>::Signer;
	type PalletId = CommonsPalletId;
	type ProjectDeposit = ProjectDeposit;
	type ContributionDeposit = ContributionDeposit;
	type MaxNameLen = ConstU32<64>;
	type MaxMetadataLen = ConstU32<256>;
	type MaxEvidenceLen = ConstU32<256>;
	type MaxNoteLen = ConstU32<256>;
	type MaxLabelLen = ConstU32<32>;
	type MaxKinds = ConstU32<16>;
	type MaxMaintainers = ConstU32<16>;
	type MaxReviewers = ConstU32<16>;
	type MaxRelayBatch = ConstU32<16>;
	type MaxReviewPeriod = MaxReviewPeriod;
	type RetentionPeriod = RetentionPeriod;
	type MaxUpstreams = ConstU32<8>;
	type MaxPageSize = ConstU32<64>;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type ProposalDeposit = ProposalDeposit;
	type MaxLiveProposals = ConstU32<16>;
	/// A member may hold 4 of a scope's 16 slots; each costs 10 CMN more than the last.
	type MaxProposalsPerProposer = ConstU32<4>;
	/// Half the deposit of a proposal nobody turned out for.
	type ProposalForfeit = ProposalForfeit;
	/// The largest preimage pallet-preimage stores (4 MiB): room for runtime code.
	type MaxCallLen = ConstU32<{ 4 * 1024 * 1024 }>;
	type MaxChambers = ConstU32<4>;
	type MaxRecognised = ConstU32<8>;
	type EpochLength = EpochLength;
	type MaxVotingPeriod = MaxVotingPeriod;
	type ProjectCalls = ProjectEnactable;
	type MaxProjectEnactmentWeight = MaxProjectEnactmentWeight;
	type MaxChainEnactmentWeight = MaxChainEnactmentWeight;
	/// Eight calls of a value equation of 16 kinds fit.
	type MaxProjectCallLen = ConstU32<{ 16 * 1024 }>;
	/// Of the scheduler's 50 tasks a block: 40 for projects, the rest kept for the chain.
	type MaxProjectEnactmentsPerBlock = ConstU32<40>;
	type VoteRetention = VoteRetention;
	type AppealWindow = AppealWindow;
	/// One CMN for each account a project lists, from its treasury.
	type ListDeposit = ListDeposit;
	/// A tenure of up to 60 epochs (days): each project counts its joiners of the last 60 days.
	type MaxTenure = ConstU32<60>;
	/// Twenty rewarded reviews a day per reviewer and project.
	type MaxRewardedReviews = ConstU32<20>;
	/// A revocation follows a member's units through up to four moves to new keys.
	type MaxMoveHops = ConstU32<4>;
	/// A contribution is owed or paid at most ten million CMN.
	type MaxDebt = MaxDebt;
	type MaxUpstreamShare = MaxUpstreamShare;
	type AssetId = super::AssetId;
	type Assets = crate::Assets;
	/// Every change of units settles each accepted asset: four reads at most.
	type MaxProjectAssets = ConstU32<4>;
	/// A tenth of a CMN backs a decided contribution (up to 17 attestations) or a closed
	/// proposal until it is removed; a hundredth each vote record.
	type RecordDeposit = RecordDeposit;
	type VoteDeposit = VoteDeposit;
	/// A hundredth of a CMN (ten existential deposits) burned for each holding an acceptance
	/// creates: 17 of them and the record's tenth fit in the 1 CMN contribution deposit.
	type HoldingFee = HoldingFee;
	/// A fifth of a record's deposit to whoever cleans up what its owner left.
	type CleanupShare = CleanupShare;
	type WeightInfo = crate::weights::pallet_commons::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
