//! `pallet-commons`: projects, contributions, review and value units.

use frame_support::{parameter_types, traits::ConstU32, PalletId};
use sp_runtime::traits::Verify;

use super::{Balances, Runtime, RuntimeEvent, RuntimeHoldReason};
use crate::{BlockNumber, Signature, DAYS, UNIT};

parameter_types! {
	pub const CommonsPalletId: PalletId = PalletId(*b"py/cmmns");
	pub const ProjectDeposit: crate::Balance = 10 * UNIT;
	pub const ContributionDeposit: crate::Balance = UNIT;
	pub const MaxReviewPeriod: BlockNumber = 30 * DAYS;
	pub const RetentionPeriod: BlockNumber = 7 * DAYS;
}

impl pallet_commons::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	/// Until project governance lands: the project's maintainers, or the chain's root.
	type ProjectOrigin = pallet_commons::EnsureMaintainerOrRoot<Runtime>;
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
	type WeightInfo = pallet_commons::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
