//! Genesis presets: `development` (one validator) and `local_testnet` (four invulnerable
//! validators and a fifth funded operator), for tests; and [`production`], the genesis of a
//! real network from what its operator chose ([`Network`]). No sudo key: root is the chain's
//! governance.

use alloc::{format, string::String, vec, vec::Vec};
use frame_support::build_struct_json_patch;
use serde_json::Value;
use sp_consensus_aura::sr25519::AuthorityId as AuraId;
use sp_consensus_grandpa::AuthorityId as GrandpaId;
use sp_genesis_builder::{self, PresetId};
use sp_keyring::{Ed25519Keyring, Sr25519Keyring};

use sp_runtime::Perbill;

use pallet_commons::{
	Budget, Founder, FoundingProject, GenesisAsset, GovernanceFloor, GovernanceParams,
	MembershipRules, ReviewFloor,
};

use crate::{
	AccountId, Balance, BalancesConfig, BlockNumber, CollatorSelectionConfig, CommonsConfig,
	RuntimeGenesisConfig, SessionConfig, SessionKeys, DAYS, EXISTENTIAL_DEPOSIT, HOURS, MINUTES,
	UNIT,
};

/// The `development` preset: Alice validates alone.
pub const DEVELOPMENT: &str = sp_genesis_builder::DEV_RUNTIME_PRESET;
/// The `local_testnet` preset: Alice, Bob, Charlie and Dave validate; Eve may join.
pub const LOCAL_TESTNET: &str = sp_genesis_builder::LOCAL_TESTNET_RUNTIME_PRESET;

/// What every dev account starts with.
const ENDOWMENT: u128 = 1_000_000 * UNIT;
/// The test chains' stablecoin: asset 1, six decimals, registered at genesis.
pub const TEST_DOLLAR: crate::configs::AssetId = 1;
/// One test dollar.
pub const DOLLAR: u128 = 1_000_000;

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

/// Test chains vote fast: 100 voice credits an epoch, a quorum of half the members and at
/// least two voters, ten blocks (a minute) of voting, enactment in the next block.
fn test_governance() -> Option<GovernanceParams<BlockNumber>> {
	Some(GovernanceParams {
		budget: Budget::Equal(100),
		quorum: Perbill::from_percent(50),
		voting_period: MINUTES,
		enactment_delay: 1,
		min_voters: 2,
	})
}

/// Test chains' membership: a tenure of one epoch (a day), so that a key minted units today votes
/// on the chain's proposals from the day after tomorrow (a whole day held); a payer joins a chamber after paying 10 CMN; a
/// recognised project needs two approvals of half the verdicts, reviewed by its holders or
/// maintainers, without optimistic acceptance.
fn test_membership() -> Option<MembershipRules<u128, BlockNumber>> {
	Some(MembershipRules {
		tenure: 1,
		min_paid: 10 * UNIT,
		review: ReviewFloor {
			min_approvals: 2,
			threshold: Perbill::from_percent(50),
			review_period: MINUTES,
			optimistic: false,
			open_review: false,
		},
	})
}

fn genesis(
	invulnerables: Vec<(AccountId, SessionKeys)>,
	endowed: Vec<AccountId>,
	desired_candidates: u32,
) -> Value {
	genesis_with(invulnerables, endowed, desired_candidates, founders(), dev_accounts())
}

fn genesis_with(
	invulnerables: Vec<(AccountId, SessionKeys)>,
	endowed: Vec<AccountId>,
	desired_candidates: u32,
	founders: Vec<Founder<AccountId>>,
	dollar_holders: Vec<AccountId>,
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
			founders,
			chain_governance: test_governance(),
			project_governance: test_governance(),
			governance_floor: None,
			membership: test_membership(),
			// A test stablecoin (a cent is its minimum balance), a million for each account.
			assets: vec![GenesisAsset {
				id: TEST_DOLLAR,
				min_balance: DOLLAR / 100,
				// Ten thousand dollars at most owed for one contribution.
				max_debt: 10_000 * DOLLAR,
				balances: dollar_holders.into_iter().map(|a| (a, 1_000_000 * DOLLAR)).collect(),
			}],
		},
		session: SessionConfig {
			keys: invulnerables
				.into_iter()
				.map(|(a, keys)| (a.clone(), a, keys))
				.collect::<Vec<_>>(),
		},
	})
}

/// The dev keyring's accounts.
fn dev_accounts() -> Vec<AccountId> {
	Sr25519Keyring::well_known().map(|k| k.to_account_id()).collect()
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

/// The genesis of a load test (the node's `--chain load`): the development chain, where each of
/// `accounts` also holds a million CMN and a million test dollars and is a founder of the
/// founding project with 100 value units. The node derives the accounts (`//load//0`, ...).
pub fn load(accounts: Vec<AccountId>) -> Value {
	let mut endowed = dev_accounts();
	endowed.extend(accounts.iter().cloned());
	let mut founders = founders();
	founders.extend(accounts.into_iter().map(|who| Founder { who, units: 100 }));
	genesis_with(
		vec![validator(Sr25519Keyring::Alice, Ed25519Keyring::Alice)],
		endowed.clone(),
		0,
		founders,
		endowed,
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

/// What the operator of a real network chooses for its genesis (the node reads it from a file:
/// `--chain production:<file>`, see `docs/network.example.json`).
#[derive(Clone, Debug)]
pub struct Network {
	/// The founding project's creator (its first maintainer; pays its deposit).
	pub creator: AccountId,
	/// The founding project's name.
	pub project_name: Vec<u8>,
	/// The founders and their value units in the founding project: the chain's first members.
	pub founders: Vec<(AccountId, u128)>,
	/// The validators: account, Aura (sr25519) and GRANDPA (ed25519) session keys.
	pub validators: Vec<(AccountId, AuraId, GrandpaId)>,
	/// Balances at genesis, in plancks.
	pub balances: Vec<(AccountId, Balance)>,
	/// Seats for validator candidates beyond the invulnerable validators.
	pub desired_candidates: u32,
	/// The bond a candidate reserves, in plancks.
	pub candidacy_bond: Balance,
}

/// How a real network's chain votes: a week of voting, two days before enactment, a third of
/// the members and at least [`PRODUCTION_MIN_VOTERS`] of them.
pub fn production_chain_governance() -> GovernanceParams<BlockNumber> {
	GovernanceParams {
		budget: Budget::Equal(100),
		quorum: Perbill::from_percent(33),
		voting_period: 7 * DAYS,
		enactment_delay: 2 * DAYS,
		min_voters: PRODUCTION_MIN_VOTERS,
	}
}

/// The least number of voters of a chain proposal on a real network (so at least as many
/// founders).
pub const PRODUCTION_MIN_VOTERS: u32 = 7;

/// How a real network's projects vote by default: three days, one day before enactment, a
/// fifth of the members and at least three.
pub fn production_project_governance() -> GovernanceParams<BlockNumber> {
	GovernanceParams {
		budget: Budget::Equal(100),
		quorum: Perbill::from_percent(20),
		voting_period: 3 * DAYS,
		enactment_delay: DAYS,
		min_voters: 3,
	}
}

/// The floor under every project's governance on a real network: a day of voting, twelve hours
/// before enactment, a tenth of the members and three voters.
pub fn production_floor() -> GovernanceFloor<BlockNumber> {
	GovernanceFloor {
		voting_period: DAYS,
		enactment_delay: 12 * HOURS,
		quorum: Perbill::from_percent(10),
		min_voters: 3,
	}
}

/// A real network's membership: a chain member has held units in a recognised project for 14
/// whole epochs (days) after the day it joined; a payer joins a project's `Payers` chamber after paying it 100 CMN; a
/// recognised project needs two approvals of two thirds of the verdicts over at least three
/// days, reviewed by its holders or maintainers, and never accepts unreviewed work.
pub fn production_membership() -> MembershipRules<u128, BlockNumber> {
	MembershipRules {
		tenure: 14,
		min_paid: 100 * UNIT,
		review: ReviewFloor {
			min_approvals: 2,
			threshold: Perbill::from_rational(2u32, 3u32),
			review_period: 3 * DAYS,
			optimistic: false,
			open_review: false,
		},
	}
}

/// The public keys anyone can sign with: the dev keyrings' (`//Alice` ... `//Ferdie`, their
/// stashes, `//One`, `//Two`), sr25519 and ed25519.
fn well_known_keys() -> Vec<[u8; 32]> {
	Sr25519Keyring::iter()
		.map(|k| k.public().0)
		.chain(Ed25519Keyring::iter().map(|k| k.public().0))
		.collect()
}

/// The genesis of a real network: the operator's founders, validators and balances, with the
/// production governance and floors. Refuses well-known development keys anywhere, and a
/// genesis that could not govern itself or start.
pub fn production(network: &Network) -> Result<Value, String> {
	let known = well_known_keys();
	let check = |what: &str, key: &[u8; 32]| {
		if known.contains(key) {
			Err(format!(
				"{what} is a well-known development key (//Alice and the like): anyone could \
			 sign with it; generate your own with `commons-node key generate`"
			))
		} else {
			Ok(())
		}
	};
	check("the founding project's creator", network.creator.as_ref())?;
	for (who, _) in &network.founders {
		check("a founder", who.as_ref())?;
	}
	for (who, _) in &network.balances {
		check("an endowed account", who.as_ref())?;
	}
	for (who, aura, grandpa) in &network.validators {
		check("a validator's account", who.as_ref())?;
		check("a validator's Aura key", &aura.clone().into_inner().0)?;
		check("a validator's GRANDPA key", &grandpa.clone().into_inner().0)?;
	}
	if network.validators.is_empty() {
		return Err("a network needs at least one validator".into());
	}
	// Distinct accounts: a founder listed twice is one holder, one voter.
	let founders = network
		.founders
		.iter()
		.filter(|(_, units)| *units > 0)
		.map(|(who, _)| who)
		.collect::<alloc::collections::BTreeSet<_>>()
		.len();
	let distinct = |accounts: Vec<&AccountId>| {
		accounts.iter().collect::<alloc::collections::BTreeSet<_>>().len() == accounts.len()
	};
	if !distinct(network.validators.iter().map(|(a, _, _)| a).collect()) {
		return Err("a validator is listed twice".into());
	}
	if !distinct(network.balances.iter().map(|(a, _)| a).collect()) {
		return Err("an account is given a balance twice".into());
	}
	if network.balances.iter().any(|(_, b)| *b < EXISTENTIAL_DEPOSIT) {
		return Err(format!(
			"a balance is below the existential deposit ({EXISTENTIAL_DEPOSIT} plancks)"
		));
	}
	if founders < PRODUCTION_MIN_VOTERS as usize {
		return Err(format!(
			"the chain's vote needs at least {PRODUCTION_MIN_VOTERS} voters: list at least \
			 {PRODUCTION_MIN_VOTERS} founders with units (found {founders})"
		));
	}
	let deposit = <crate::Runtime as pallet_commons::Config>::ProjectDeposit::get();
	let funded = network
		.balances
		.iter()
		.filter(|(who, _)| *who == network.creator)
		.fold(0u128, |sum, (_, b)| sum.saturating_add(*b));
	if funded < deposit.saturating_add(EXISTENTIAL_DEPOSIT) {
		return Err(format!(
			"the founding project's creator needs a balance of at least {} plancks (the project \
			 deposit and the existential deposit)",
			deposit.saturating_add(EXISTENTIAL_DEPOSIT)
		));
	}
	Ok(build_struct_json_patch!(RuntimeGenesisConfig {
		balances: BalancesConfig { balances: network.balances.clone() },
		collator_selection: CollatorSelectionConfig {
			invulnerables: network.validators.iter().map(|(a, _, _)| a.clone()).collect::<Vec<_>>(),
			candidacy_bond: network.candidacy_bond,
			desired_candidates: network.desired_candidates,
		},
		commons: CommonsConfig {
			founding_project: Some(FoundingProject {
				creator: network.creator.clone(),
				name: network.project_name.clone(),
			}),
			founders: network
				.founders
				.iter()
				.map(|(who, units)| Founder { who: who.clone(), units: *units })
				.collect::<Vec<_>>(),
			chain_governance: Some(production_chain_governance()),
			project_governance: Some(production_project_governance()),
			governance_floor: Some(production_floor()),
			membership: Some(production_membership()),
			// The chain's vote registers the currencies it trusts.
			assets: Vec::new(),
		},
		session: SessionConfig {
			keys: network
				.validators
				.iter()
				.map(|(a, aura, grandpa)| {
					(
						a.clone(),
						a.clone(),
						SessionKeys { aura: aura.clone(), grandpa: grandpa.clone() },
					)
				})
				.collect::<Vec<_>>(),
		},
	}))
}
