//! Block production (Aura), finality (GRANDPA) and the permissionless validator set.
//!
//! Validators are chosen by `pallet-collator-selection`: the invulnerables (admitted by
//! governance) plus up to `DesiredCandidates` candidates who registered session keys and
//! reserved the candidacy bond. At every session boundary `pallet-session` hands the new set
//! to Aura and GRANDPA. Fees go to the pot of the validator-selection pallet, which pays each
//! block author half of the pot; candidates that author no block for a session are kicked.

use frame_support::{
	parameter_types,
	traits::{tokens::imbalance::ResolveTo, ConstBool, ConstU32, ConstU64},
	PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::traits::{AccountIdConversion, OpaqueKeys};

use super::{AccountId, Balances, Runtime, RuntimeEvent};
use crate::{Aura, BlockNumber, CollatorSelection, Session, SessionKeys, MINUTES};

/// Most authorities a session may have.
pub const MAX_AUTHORITIES: u32 = 32;

parameter_types! {
	/// Blocks per session: the validator set can change this often.
	pub const SessionPeriod: BlockNumber = MINUTES;
	pub const SessionOffset: BlockNumber = 0;
	/// Held for stored session keys.
	pub const KeyDeposit: crate::Balance = 10 * crate::UNIT;
	/// The account of the validator pot.
	pub const PotId: PalletId = PalletId(*b"PotStake");
	pub StakingPot: AccountId = PotId::get().into_account_truncating();
}

/// Where fees go: the validator pot.
pub type ToStakingPot = ResolveTo<StakingPot, Balances>;

impl pallet_aura::Config for Runtime {
	type AuthorityId = sp_consensus_aura::sr25519::AuthorityId;
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type DisabledValidators = ();
	type AllowMultipleBlocksPerSlot = ConstBool<false>;
	type SlotDuration = pallet_aura::MinimumPeriodTimesTwo<Runtime>;
}

impl pallet_grandpa::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type WeightInfo = crate::weights::GrandpaWeightInfo<Runtime>;
	type MaxAuthorities = ConstU32<MAX_AUTHORITIES>;
	type MaxNominators = ConstU32<0>;
	type MaxSetIdSessionEntries = ConstU64<0>;
	type KeyOwnerProof = sp_core::Void;
	type EquivocationReportSystem = ();
}

impl pallet_authorship::Config for Runtime {
	type FindAuthor = pallet_session::FindAccountFromAuthorIndex<Self, Aura>;
	/// Pays the author from the pot and records that the author is live.
	type EventHandler = (CollatorSelection,);
}

impl pallet_session::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ShouldEndSession = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type NextSessionRotation = pallet_session::PeriodicSessions<SessionPeriod, SessionOffset>;
	type SessionManager = CollatorSelection;
	type SessionHandler = <SessionKeys as OpaqueKeys>::KeyTypeIdProviders;
	type Keys = SessionKeys;
	type DisablingStrategy = ();
	type WeightInfo = crate::weights::pallet_session::WeightInfo<Runtime>;
	type Currency = Balances;
	/// Session keys are stored for 10 CMN, held until `session.purge_keys` (genesis keys hold
	/// none).
	type KeyDeposit = KeyDeposit;
}

impl pallet_collator_selection::Config for Runtime {
	type RuntimeEvent = RuntimeEvent;
	type Currency = Balances;
	/// Invulnerables, desired candidates and the bond are set by the chain's governance.
	type UpdateOrigin = EnsureRoot<AccountId>;
	type PotId = PotId;
	type MaxCandidates = ConstU32<20>;
	type MinEligibleCollators = ConstU32<1>;
	type MaxInvulnerables = ConstU32<20>;
	/// A candidate that authors no block for a whole session is kicked.
	type KickThreshold = SessionPeriod;
	type ValidatorId = AccountId;
	type ValidatorIdOf = pallet_collator_selection::IdentityCollator;
	type ValidatorRegistration = Session;
	type WeightInfo = crate::weights::pallet_collator_selection::WeightInfo<Runtime>;
}
