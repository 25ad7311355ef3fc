//! # Commons Chain runtime
//!
//! A permissionless Aura/GRANDPA chain for open value accounting. Pallets, by index:
//! System, Timestamp, Aura, Grandpa, Balances, TransactionPayment, Utility, Scheduler,
//! Preimage, Authorship, CollatorSelection (the validator set), Session, Assets (the currencies
//! projects take income in, registered by the chain's vote), Commons.
//!
//! There is no sudo: root comes only from the chain's own governance; until it exists, genesis
//! is the only way to set privileged values.

#![cfg_attr(not(feature = "std"), no_std)]
// `construct_runtime` expands to a large amount of code.
#![recursion_limit = "256"]

#[cfg(all(feature = "std", not(feature = "production")))]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

use alloc::vec::Vec;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod configs;
pub mod genesis_config_presets;
pub mod weights;

use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_system::Call as SystemCall;
pub use pallet_balances::Call as BalancesCall;
pub use pallet_timestamp::Call as TimestampCall;
#[cfg(any(feature = "std", test))]
pub use sp_runtime::BuildStorage;

/// Opaque types, for the node, which needs no knowledge of the runtime's extrinsic format.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// Opaque block header type.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// Opaque block type.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
	/// Opaque block identifier type.
	pub type BlockId = generic::BlockId<Block>;

	impl_opaque_keys! {
		/// The session keys of a validator: Aura for authoring, GRANDPA for finality.
		pub struct SessionKeys {
			pub aura: super::Aura,
			pub grandpa: super::Grandpa,
		}
	}
}
pub use opaque::SessionKeys;

/// The runtime's version. Bump `spec_version` with every change of runtime logic (both
/// below), and `transaction_version` when a call's encoding changes (2: `appeal` and
/// `accept_appeal` take a quantity; 3: a relayed attestation's payload names the contributor
/// and the content; 4: contribution kinds carry a rate range and a claim kind, a relayed
/// attestation an assessed rate).
///
/// This is the development build, the one the node carries for `--dev`, `--chain local` and
/// `--chain load` and benchmarks with (feature `runtime-benchmarks`).
#[cfg(not(feature = "production"))]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("commons"),
	impl_name: alloc::borrow::Cow::Borrowed("commons-node"),
	authoring_version: 1,
	spec_version: 111,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 4,
	system_version: 1,
};

/// The version of the build a network runs (feature `production`, crate
/// `commons-runtime-production`: no benchmarks, the metadata hash for `CheckMetadataHash`):
/// the same code one `spec_version` above the development build, so that a development chain
/// can vote it in as an upgrade (the end-to-end upgrade test does).
#[cfg(feature = "production")]
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: alloc::borrow::Cow::Borrowed("commons"),
	impl_name: alloc::borrow::Cow::Borrowed("commons-node"),
	authoring_version: 1,
	spec_version: 112,
	impl_version: 1,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 4,
	system_version: 1,
};

/// The largest block, in bytes (the node's block builder uses the same limit). Room for a
/// runtime upgrade's code in one extrinsic.
pub const MAX_BLOCK_LENGTH: u32 = 5 * 1024 * 1024;

/// Target block time. Blocks are produced at most this often.
pub const MILLI_SECS_PER_BLOCK: u64 = 6000;
/// The Aura slot: one block per slot. It cannot change once the chain has started.
pub const SLOT_DURATION: u64 = MILLI_SECS_PER_BLOCK;
/// Blocks per minute.
pub const MINUTES: BlockNumber = 60_000 / (MILLI_SECS_PER_BLOCK as BlockNumber);
/// Blocks per hour.
pub const HOURS: BlockNumber = MINUTES * 60;
/// Blocks per day.
pub const DAYS: BlockNumber = HOURS * 24;

/// Token symbol, shown by wallets.
pub const TOKEN_SYMBOL: &str = "CMN";
/// Decimals of the token: one CMN is 10^12 planck.
pub const TOKEN_DECIMALS: u8 = 12;
/// The SS58 address format of this chain (the generic Substrate prefix).
pub const SS58_PREFIX: u16 = 42;

/// One CMN, in planck.
pub const UNIT: Balance = 1_000_000_000_000;
/// A thousandth of a CMN.
pub const MILLI_UNIT: Balance = 1_000_000_000;
/// A millionth of a CMN.
pub const MICRO_UNIT: Balance = 1_000_000;
/// The smallest balance an account may hold.
pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

/// A block number.
pub type BlockNumber = u32;
/// A signature: sr25519, ed25519 or ecdsa.
pub type Signature = MultiSignature;
/// An account: the public key of the signing scheme (ecdsa keys are hashed).
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance, in planck.
pub type Balance = u128;
/// A transaction counter of an account.
pub type Nonce = u32;
/// A hash.
pub type Hash = sp_core::H256;
/// The address format of extrinsics.
pub type Address = MultiAddress<AccountId, ()>;
/// Block header type.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// Block type.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;
/// A block id.
pub type BlockId = generic::BlockId<Block>;

/// The transaction extensions, in order. Wallets sign over their implicit data.
pub type TxExtension = (
	frame_system::AuthorizeCall<Runtime>,
	frame_system::CheckNonZeroSender<Runtime>,
	frame_system::CheckSpecVersion<Runtime>,
	frame_system::CheckTxVersion<Runtime>,
	frame_system::CheckGenesis<Runtime>,
	frame_system::CheckEra<Runtime>,
	frame_system::CheckNonce<Runtime>,
	frame_system::CheckWeight<Runtime>,
	pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	frame_metadata_hash_extension::CheckMetadataHash<Runtime>,
	frame_system::WeightReclaim<Runtime>,
);

/// Unchecked extrinsic type.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;
/// The payload that is signed in transactions.
pub type SignedPayload = generic::SignedPayload<RuntimeCall, TxExtension>;

/// Storage migrations run at the next runtime upgrade, beyond those of the pallets.
pub type Migrations = (
	pallet_commons::migrations::v2::MigrateV1ToV2<Runtime>,
	pallet_commons::migrations::v3::MigrateV2ToV3<Runtime>,
	pallet_commons::migrations::v4::MigrateV3ToV4<Runtime>,
	pallet_commons::migrations::v5::MigrateV4ToV5<Runtime>,
	pallet_commons::migrations::v6::MigrateV5ToV6<Runtime>,
);

/// Dispatches calls to the pallets and runs their hooks.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// The runtime: pallet indices are part of the chain's format and never change.
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
	pub struct Runtime;

	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(2)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(3)]
	pub type Grandpa = pallet_grandpa;
	#[runtime::pallet_index(4)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(5)]
	pub type TransactionPayment = pallet_transaction_payment;
	#[runtime::pallet_index(6)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(7)]
	pub type Scheduler = pallet_scheduler;
	#[runtime::pallet_index(8)]
	pub type Preimage = pallet_preimage;
	#[runtime::pallet_index(9)]
	pub type Authorship = pallet_authorship;
	// The validator set: CollatorSelection must come before Session, whose genesis asks it for
	// the first validators.
	#[runtime::pallet_index(10)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(11)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(12)]
	pub type Assets = pallet_assets;
	#[runtime::pallet_index(20)]
	pub type Commons = pallet_commons;
}
