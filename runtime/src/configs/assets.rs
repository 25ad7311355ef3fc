//! `pallet-assets`: the currencies projects take income in besides CMN. Nobody creates an
//! asset with a signed call: the chain's vote registers one with `commons.registerAsset`, which
//! creates it sufficient (a holder needs no CMN) with the commons pallet's keyless account as
//! owner, issuer, admin and freezer, so that only the vote (Root, through the force calls) can
//! mint, freeze or change it.

use frame_support::traits::{AsEnsureOriginWithArg, ConstU128, ConstU32, NeverEnsureOrigin};
use frame_system::EnsureRoot;

use super::{Balances, Runtime, RuntimeEvent};
use crate::{AccountId, Balance, UNIT};

/// The id of an asset.
pub type AssetId = u32;

impl pallet_assets::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Balance = Balance;
	type RemoveItemsLimit = ConstU32<1000>;
	type AssetId = AssetId;
	type AssetIdParameter = codec::Compact<AssetId>;
	type ReserveData = ();
	type Currency = Balances;
	type CreateOrigin = AsEnsureOriginWithArg<NeverEnsureOrigin<AccountId>>;
	type ForceOrigin = EnsureRoot<AccountId>;
	// Only Root creates assets (through the commons pallet, without a deposit).
	type AssetDeposit = ConstU128<{ 10 * UNIT }>;
	/// Held from whoever opens an account of an asset for another (`touch`): accounts of a
	/// sufficient asset otherwise cost its minimum balance, as accounts cost CMN's.
	type AssetAccountDeposit = ConstU128<{ UNIT / 10 }>;
	type MetadataDepositBase = ConstU128<{ UNIT / 10 }>;
	type MetadataDepositPerByte = ConstU128<{ UNIT / 1000 }>;
	/// Held for each approval to spend on someone's behalf until it is used or cancelled.
	type ApprovalDeposit = ConstU128<{ UNIT / 10 }>;
	type StringLimit = ConstU32<50>;
	type Freezer = ();
	type Holder = ();
	type Extra = ();
	type CallbackHandle = ();
	type AssetIdAllocator = ();
	type WeightInfo = crate::weights::pallet_assets::WeightInfo<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = ();
}
