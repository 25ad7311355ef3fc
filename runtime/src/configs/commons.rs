//! `pallet-commons`: projects, contributions, review and value units.

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::traits::Verify;

use super::{Balances, OriginCaller, Runtime, RuntimeCall, RuntimeHoldReason};
use crate::{BlockNumber, Preimage, Scheduler, Signature, DAYS, UNIT};

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
	/// The largest preimage pallet-preimage stores (4 MiB): room for runtime code.
	type MaxCallLen = ConstU32<{ 4 * 1024 * 1024 }>;
	type MaxChambers = ConstU32<4>;
	type MaxRecognised = ConstU32<8>;
	type EpochLength = EpochLength;
	type VoteRetention = VoteRetention;
	type AppealWindow = AppealWindow;
	type WeightInfo = pallet_commons::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
