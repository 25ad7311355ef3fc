//! A test runtime: System, Balances and Commons, with `AccountId32` accounts and
//! `MultiSignature`, so that wallet signatures of every key type can be tested.

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64, EqualPrivilegeOnly, Hooks},
	weights::Weight,
	PalletId,
};
use sp_core::{ecdsa, ed25519, sr25519, Pair};
use sp_runtime::{
	traits::{IdentifyAccount, IdentityLookup, Verify},
	AccountId32, BuildStorage, FixedU128, MultiSignature, Perbill,
};

use crate::{self as pallet_commons, types::*};

pub type AccountId = AccountId32;
pub type Balance = u128;
type Block = frame_system::mocking::MockBlock<Test>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Test;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(2)]
	pub type Commons = pallet_commons;
	#[runtime::pallet_index(3)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(4)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(5)]
	pub type Assets = pallet_assets;
}

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountId = AccountId;
	type Lookup = IdentityLookup<AccountId>;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type Balance = Balance;
	type ExistentialDeposit = ConstU128<ED>;
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// Nobody creates assets but the chain's vote (Root), through `register_asset`.
#[derive_impl(pallet_assets::config_preludes::TestDefaultConfig)]
impl pallet_assets::Config for Test {
	type Balance = Balance;
	type Currency = Balances;
	type CreateOrigin = frame_support::traits::AsEnsureOriginWithArg<
		frame_support::traits::NeverEnsureOrigin<AccountId>,
	>;
	type ForceOrigin = frame_system::EnsureRoot<AccountId>;
}

pub const ED: Balance = 10;
pub const PROJECT_DEPOSIT: Balance = 1_000;
pub const CONTRIBUTION_DEPOSIT: Balance = 100;
/// What stays held of the project deposit: two existential deposits endow the pot and treasury.
pub const PROJECT_HELD: Balance = PROJECT_DEPOSIT - 2 * ED;
pub const REVIEW_PERIOD: u64 = 10;
pub const RETENTION: u64 = 20;
pub const ENDOWMENT: Balance = 1_000_000;
pub const PROPOSAL_DEPOSIT: Balance = 500;
pub const EPOCH: u64 = 100;
pub const VOTE_RETENTION: u64 = 30;
pub const APPEAL_WINDOW: u64 = 15;
/// Voting period and enactment delay of the default governance in the tests.
pub const VOTING_PERIOD: u64 = 10;
pub const ENACTMENT_DELAY: u64 = 2;
pub const CREDITS: u32 = 100;
/// Project enactments per block (of the scheduler's 10 tasks).
pub const MAX_PROJECT_ENACTMENTS: u32 = 2;
/// Held for each entry of a project's list.
pub const LIST_DEPOSIT: Balance = 50;
/// The longest tenure, in epochs.
pub const MAX_TENURE: u32 = 4;
/// Rewarded reviews per reviewer, project and epoch.
pub const MAX_REWARDED_REVIEWS: u32 = 3;
/// Moves of units in a row a revocation follows.
pub const MAX_MOVE_HOPS: u32 = 3;
/// Kept of a decided contribution's or a closed proposal's deposit until it is removed.
pub const RECORD_DEPOSIT: Balance = 20;
/// Held for each vote record.
pub const VOTE_DEPOSIT: Balance = 5;
/// Burned for each holding an acceptance creates.
pub const HOLDING_FEE: Balance = 5;
/// The most a contribution may be owed or paid.
pub const MAX_DEBT: Balance = 100_000;
/// What a rejection forfeits of a contribution's deposit: all but the record's.
pub const FORFEIT: Balance = CONTRIBUTION_DEPOSIT - RECORD_DEPOSIT;

parameter_types! {
	pub const MaxUpstreamShare: Perbill = Perbill::from_percent(50);
	pub const CommonsPalletId: PalletId = PalletId(*b"py/cmmns");
	pub const ProposalForfeit: Perbill = Perbill::from_percent(50);
	pub const CleanupShare: Perbill = Perbill::from_percent(20);
	pub MaxSchedulerWeight: Weight = Weight::from_parts(1_000_000_000_000, u64::MAX);
	// Settable per test (thread-local), so that the configuration checks can be tested.
	pub static TestProjectDeposit: Balance = PROJECT_DEPOSIT;
	pub static TestContributionDeposit: Balance = CONTRIBUTION_DEPOSIT;
	pub static TestMaxMaintainers: u32 = 4;
	pub static TestAppealWindow: u64 = APPEAL_WINDOW;
	/// 5% of the scheduler's weight for a project's enactment, half of it for the chain's.
	pub static TestProjectEnactmentWeight: Weight = Weight::from_parts(50_000_000_000, u64::MAX);
	pub static TestChainEnactmentWeight: Weight = Weight::from_parts(500_000_000_000, u64::MAX);
}

/// A project's vote may enact the pallet's calls for that project.
pub struct ProjectCalls;
impl pallet_commons::EnactableCalls<RuntimeCall> for ProjectCalls {
	fn project_may_enact(project: ProjectId, call: &RuntimeCall) -> bool {
		matches!(call, RuntimeCall::Commons(c) if Commons::project_of_call(c) == Some(project))
	}
}

impl pallet_scheduler::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type RuntimeOrigin = RuntimeOrigin;
	type PalletsOrigin = OriginCaller;
	type RuntimeCall = RuntimeCall;
	type MaximumWeight = MaxSchedulerWeight;
	type ScheduleOrigin = frame_system::EnsureRoot<AccountId>;
	type OriginPrivilegeCmp = EqualPrivilegeOnly;
	type MaxScheduledPerBlock = ConstU32<10>;
	type WeightInfo = ();
	type Preimages = Preimage;
	type BlockNumberProvider = System;
}

impl pallet_preimage::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = ();
	type Currency = Balances;
	type ManagerOrigin = frame_system::EnsureRoot<AccountId>;
	type Consideration = ();
}

impl pallet_commons::Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProjectOrigin = pallet_commons::EnsureProjectOrRoot<Test>;
	type OffchainSignature = MultiSignature;
	type OffchainPublic = <MultiSignature as Verify>::Signer;
	type PalletId = CommonsPalletId;
	type ProjectDeposit = TestProjectDeposit;
	type ContributionDeposit = TestContributionDeposit;
	type MaxNameLen = ConstU32<16>;
	type MaxMetadataLen = ConstU32<32>;
	type MaxEvidenceLen = ConstU32<32>;
	type MaxNoteLen = ConstU32<16>;
	type MaxLabelLen = ConstU32<8>;
	type MaxKinds = ConstU32<4>;
	type MaxMaintainers = TestMaxMaintainers;
	type MaxReviewers = ConstU32<5>;
	type MaxRelayBatch = ConstU32<4>;
	type MaxReviewPeriod = ConstU64<100>;
	type RetentionPeriod = ConstU64<RETENTION>;
	type MaxUpstreams = ConstU32<3>;
	type MaxPageSize = ConstU32<3>;
	type RuntimeCall = RuntimeCall;
	type PalletsOrigin = OriginCaller;
	type Scheduler = Scheduler;
	type Preimages = Preimage;
	type ProposalDeposit = ConstU128<PROPOSAL_DEPOSIT>;
	type MaxLiveProposals = ConstU32<3>;
	type MaxProposalsPerProposer = ConstU32<2>;
	type ProposalForfeit = ProposalForfeit;
	type MaxCallLen = ConstU32<1024>;
	type MaxChambers = ConstU32<4>;
	type MaxRecognised = ConstU32<2>;
	type EpochLength = ConstU64<EPOCH>;
	type MaxVotingPeriod = ConstU64<{ 3 * EPOCH }>;
	type ProjectCalls = ProjectCalls;
	type MaxProjectEnactmentWeight = TestProjectEnactmentWeight;
	type MaxChainEnactmentWeight = TestChainEnactmentWeight;
	type MaxProjectCallLen = ConstU32<128>;
	type MaxProjectEnactmentsPerBlock = ConstU32<MAX_PROJECT_ENACTMENTS>;
	type VoteRetention = ConstU64<VOTE_RETENTION>;
	type AppealWindow = TestAppealWindow;
	type ListDeposit = ConstU128<LIST_DEPOSIT>;
	type MaxTenure = ConstU32<MAX_TENURE>;
	type MaxRewardedReviews = ConstU32<MAX_REWARDED_REVIEWS>;
	type MaxMoveHops = ConstU32<MAX_MOVE_HOPS>;
	type MaxDebt = ConstU128<MAX_DEBT>;
	type MaxUpstreamShare = MaxUpstreamShare;
	type AssetId = u32;
	type Assets = Assets;
	type MaxProjectAssets = ConstU32<3>;
	type RecordDeposit = ConstU128<RECORD_DEPOSIT>;
	type VoteDeposit = ConstU128<VOTE_DEPOSIT>;
	type HoldingFee = ConstU128<HOLDING_FEE>;
	type CleanupShare = CleanupShare;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}

/// The account of a well-known sr25519 test key (`//Alice`, `//Bob`, ...).
pub fn account(name: &str) -> AccountId {
	sr25519_pair(name).public().into()
}

/// The sr25519 pair of a test key.
pub fn sr25519_pair(name: &str) -> sr25519::Pair {
	sr25519::Pair::from_string(&alloc::format!("//{name}"), None).expect("valid test seed")
}

/// The ed25519 pair of a test key.
pub fn ed25519_pair(name: &str) -> ed25519::Pair {
	ed25519::Pair::from_string(&alloc::format!("//{name}"), None).expect("valid test seed")
}

/// The ecdsa pair of a test key.
pub fn ecdsa_pair(name: &str) -> ecdsa::Pair {
	ecdsa::Pair::from_string(&alloc::format!("//{name}"), None).expect("valid test seed")
}

/// The account of any public key, as the runtime derives it.
pub fn account_of(signer: impl Into<sp_runtime::MultiSigner>) -> AccountId {
	signer.into().into_account()
}

pub fn alice() -> AccountId {
	account("Alice")
}
pub fn bob() -> AccountId {
	account("Bob")
}
pub fn charlie() -> AccountId {
	account("Charlie")
}
pub fn dave() -> AccountId {
	account("Dave")
}
pub fn eve() -> AccountId {
	account("Eve")
}
pub fn ferdie() -> AccountId {
	account("Ferdie")
}

/// Work in hours at 10 units an hour, and money at 1.5 units per currency unit.
pub fn default_kinds() -> KindsOf<Test> {
	alloc::vec![
		ContributionKind {
			name: b"work".to_vec().try_into().unwrap(),
			unit: b"hour".to_vec().try_into().unwrap(),
			rate: FixedU128::from_u32(10),
			max_rate: None,
			claim: ClaimKind::Equity,
		},
		ContributionKind {
			name: b"money".to_vec().try_into().unwrap(),
			unit: b"EUR".to_vec().try_into().unwrap(),
			rate: FixedU128::from_rational(3, 2),
			max_rate: None,
			claim: ClaimKind::Equity,
		},
	]
	.try_into()
	.unwrap()
}

/// Maintainers review; two approvals of two thirds of the verdicts; no optimism; a 10% reward.
pub fn default_rules() -> ReviewRules<u64> {
	ReviewRules {
		reviewers: ReviewerSet::Maintainers,
		min_approvals: 2,
		threshold: Perbill::from_rational(2u32, 3u32),
		review_period: REVIEW_PERIOD,
		optimistic: false,
		reviewer_reward: Perbill::from_percent(10),
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut t = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [alice(), bob(), charlie(), dave(), eve(), ferdie()]
			.into_iter()
			.map(|a| (a, ENDOWMENT))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let governance = Some(GovernanceParams {
		budget: Budget::Equal(CREDITS),
		quorum: Perbill::from_percent(50),
		voting_period: VOTING_PERIOD,
		enactment_delay: ENACTMENT_DELAY,
		min_voters: 1,
	});
	pallet_commons::GenesisConfig::<Test> {
		chain_governance: governance,
		project_governance: governance,
		..Default::default()
	}
	.assimilate_storage(&mut t)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(t);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

/// Runs a test, then checks the pallet's invariants.
pub fn test(f: impl FnOnce()) {
	new_test_ext().execute_with(|| {
		f();
		Commons::do_try_state().expect("invariants hold");
	});
}

/// Advances to block `n`, running the scheduler in each block (enacting passed proposals).
pub fn run_to(n: u64) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Commons::on_initialize(next);
		Scheduler::on_initialize(next);
	}
}

/// The pallet's events so far, oldest first.
pub fn commons_events() -> alloc::vec::Vec<crate::Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::Commons(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// Test externalities with a keystore, for the benchmarks' signing keys.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_bench_ext() -> sp_io::TestExternalities {
	let mut ext = new_test_ext();
	ext.register_extension(sp_keystore::KeystoreExt::new(
		sp_keystore::testing::MemoryKeystore::new(),
	));
	ext
}
