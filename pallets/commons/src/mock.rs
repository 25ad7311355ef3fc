//! A test runtime: System, Balances and Commons, with `AccountId32` accounts and
//! `MultiSignature`, so that wallet signatures of every key type can be tested.

use frame_support::{
	derive_impl, parameter_types,
	traits::{ConstU128, ConstU32, ConstU64},
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

pub const ED: Balance = 10;
pub const PROJECT_DEPOSIT: Balance = 1_000;
pub const CONTRIBUTION_DEPOSIT: Balance = 100;
/// What stays held of the project deposit: two existential deposits endow the pot and treasury.
pub const PROJECT_HELD: Balance = PROJECT_DEPOSIT - 2 * ED;
pub const REVIEW_PERIOD: u64 = 10;
pub const RETENTION: u64 = 20;
pub const ENDOWMENT: Balance = 1_000_000;

parameter_types! {
	pub const CommonsPalletId: PalletId = PalletId(*b"py/cmmns");
}

impl pallet_commons::Config for Test {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type ProjectOrigin = pallet_commons::EnsureMaintainerOrRoot<Test>;
	type OffchainSignature = MultiSignature;
	type OffchainPublic = <MultiSignature as Verify>::Signer;
	type PalletId = CommonsPalletId;
	type ProjectDeposit = ConstU128<PROJECT_DEPOSIT>;
	type ContributionDeposit = ConstU128<CONTRIBUTION_DEPOSIT>;
	type MaxNameLen = ConstU32<16>;
	type MaxMetadataLen = ConstU32<32>;
	type MaxEvidenceLen = ConstU32<32>;
	type MaxNoteLen = ConstU32<16>;
	type MaxLabelLen = ConstU32<8>;
	type MaxKinds = ConstU32<4>;
	type MaxMaintainers = ConstU32<4>;
	type MaxReviewers = ConstU32<5>;
	type MaxRelayBatch = ConstU32<4>;
	type MaxReviewPeriod = ConstU64<100>;
	type RetentionPeriod = ConstU64<RETENTION>;
	type MaxUpstreams = ConstU32<3>;
	type MaxPageSize = ConstU32<3>;
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
		},
		ContributionKind {
			name: b"money".to_vec().try_into().unwrap(),
			unit: b"EUR".to_vec().try_into().unwrap(),
			rate: FixedU128::from_rational(3, 2),
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

/// Advances to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
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
	ext.register_extension(sp_keystore::KeystoreExt::new(sp_keystore::testing::MemoryKeystore::new()));
	ext
}
