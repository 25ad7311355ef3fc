//! Genesis presets: `development` (one validator) and `local_testnet` (four invulnerable
//! validators and a fifth funded operator). No sudo key: root is the chain's governance.

use alloc::{vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use sp_runtime::Perbill;

use pallet_commons::{Budget, Founder, FoundingProject, GovernanceParams};

use crate::{
	AccountId, BalancesConfig, BlockNumber, CollatorSelectionConfig, CommonsConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, MINUTES, UNIT,
};

/// The `development` preset: Alice validates alone.
pub const DEVELOPMENT: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;
/// The `local_testnet` preset: Alice, Bob, Charlie and Dave validate; Eve may join.
pub const LOCAL_TESTNET: &str = sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;

/// What every dev account starts with.
const ENDOWMENT: u128 = 1_000_000 * UNIT;
/// The bond a validator candidate reserves.
pub const CANDIDACY_BOND: u128 = 1_000 * UNIT;

/// A validator's account and session keys, from a dev keyring.
fn validator(sr: Sr25519Keyring, ed: Ed25519Keyring) -> (AccountId, SessionKeys) {
	let keys =
		SessionKeys { aura: AuraId::from(sr.public()), grandpa: GrandpaId::from(ed.public()) };
	(sr.to_account_id(), keys)
}

/// The founding project's founders (and the chain's first members) and their value units.
fn founders() -> Vec<Founder<AccountId>> {
	[Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Charlie]
		.into_iter()
		.map(|k| Founder { who: k.to_account_id(), units: 100 })
		.collect()
}

/// Test chains vote fast: 100 voice credits an epoch, a quorum of half the members, ten
/// blocks (a minute) of voting, enactment in the next block.
fn test_governance() -> Option<GovernanceParams<BlockNumber>> {
	Some(GovernanceParams {
		budget: Budget::Equal(100),
		quorum: Perbill::from_percent(50),
		voting_period: MINUTES,
		enactment_delay: 1,
	})
}

fn genesis(
	invulnerables: Vec<(AccountId, SessionKeys)>,
	endowed: Vec<AccountId>,
	desired_candidates: u32,
) -> Value {
	build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig {
			balances: endowed.into_iter().map(|a| (a, ENDOWMENT)).collect::<Vec<_>>(),
		},
		collator_selection: CollatorSelectionConfig {
			invulnerables: invulnerables.iter().map(|(a, _)| a.clone()).collect::<Vec<_>>(),
			candidacy_bond: CANDIDACY_BOND,
			desired_candidates,
		},
		commons: CommonsConfig {
			founding_project: Some(FoundingProject {
				creator: Sr25519Keyring::Alice.to_account_id(),
				name: b"Commons Chain".to_vec(),
			}),
			founders: founders(),
			chain_governance: test_governance(),
			project_governance: test_governance(),
		},
		session: SessionConfig {
			keys: invulnerables
				.into_iter()
				.map(|(a, keys)| (a.clone(), a, keys))
				.collect::<Vec<_>>(),
		},
	})
}

fn development() -> Value {
	genesis(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		// No candidate seats: the dev chain has one validator (governance may open seats).
		0,
	)
}

fn local_testnet() -> Value {
	genesis(
		vec![
			validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice),
			validator(Sr25519Keyring::Bob, Ed25519Keyring::Bob),
			validator(Sr25519Keyring::Charlie, Ed25519Keyring::Charlie),
			validator(Sr25519Keyring::Dave, Ed25519Keyring::Dave),
		],
		Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect(),
		// Four invulnerables and at most one candidate: invulnerables hold 4 of 5 seats (80%),
		// more than the two thirds GRANDPA needs.
		1,
	)
}

/// The preset with this id, as JSON.
pub fn get_preset(id: &PresetId) -> Option<Vec<u8>> {
	let patch = match id.as_ref() {
		DEVELOPMENT => development(),
		LOCAL_TESTNET => local_testnet(),
		_ => return None,
	};
	serde_json::to_vec(&patch).ok()
}

/// The ids of the presets.
pub fn preset_names() -> Vec<PresetId> {
	vec![PresetId::from(DEVELOPMENT), PresetId::from(LOCAL_TESTNET)]
}
