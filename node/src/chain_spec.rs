//! Chain specifications: the test chains from the runtime's genesis presets, and a real
//! network's from the file its operator writes (`--chain production:<file>`).

use std::{path::Path, str::FromStr};

use commons_runtime::{
	genesis_config_presets::{self, Network},
	AccountId, WASM_BINARY,
};
use sc_network::config::MultiaddrWithPeerId;
use sc_service::{ChainType, Properties};
use serde::Deserialize;
use sp_core::{
	crypto::{DeriveJunction, Pair, Ss58Codec},
	ed25519, sr25519,
};

/// The chain specification of Commons Chain.
pub type ChainSpec = sc_service::GenericChainSpec;

/// Token symbol, decimals and address format, shown by wallets (polkadot.js reads them).
fn properties() -> Properties {
	let mut properties = Properties::new();
	properties.insert("tokenSymbol".into(), commons_runtime::TOKEN_SYMBOL.into());
	properties.insert("tokenDecimals".into(), commons_runtime::TOKEN_DECIMALS.into());
	properties.insert("ss58Format".into(), commons_runtime::SS58_PREFIX.into());
	properties
}

fn from_preset(
	name: &str,
	id: &str,
	preset: &str,
	chain_type: ChainType,
) -> Result<ChainSpec, String> {
	let wasm =
		WASM_BINARY.ok_or_else(|| "the node was built without the runtime's wasm".to_string())?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name(name)
		.with_id(id)
		.with_chain_type(chain_type)
		.with_genesis_config_preset_name(preset)
		.with_properties(properties())
		.build())
}

/// `--dev`: one validator (Alice), funded development accounts.
pub fn development() -> Result<ChainSpec, String> {
	from_preset(
		"Commons Development",
		"commons_dev",
		genesis_config_presets::DEVELOPMENT,
		ChainType::Development,
	)
}

/// `--chain load`: the development chain with `COMMONS_LOAD_ACCOUNTS` (default 1,000) more
/// accounts, `//load//0`, `//load//1`, ... of the dev phrase, each funded in CMN and the test
/// dollar and a founder of the founding project (see `scripts/load.sh`).
pub fn load() -> Result<ChainSpec, String> {
	let count: u32 = match std::env::var("COMMONS_LOAD_ACCOUNTS") {
		Ok(v) => v.parse().map_err(|e| format!("COMMONS_LOAD_ACCOUNTS `{v}`: {e}"))?,
		Err(_) => 1_000,
	};
	let root = sr25519::Pair::from_string("//load", None)
		.map_err(|e| format!("the load accounts' root key: {e:?}"))?;
	let accounts = (0..count)
		.map(|i| {
			let junction = DeriveJunction::from(i.to_string()).harden();
			root.derive(core::iter::once(junction), None)
				.map(|(pair, _)| AccountId::from(pair.public()))
				.map_err(|e| format!("load account {i}: {e:?}"))
		})
		.collect::<Result<Vec<_>, _>>()?;
	let wasm =
		WASM_BINARY.ok_or_else(|| "the node was built without the runtime's wasm".to_string())?;
	Ok(ChainSpec::builder(wasm, None)
		.with_name("Commons Load Test")
		.with_id("commons_load")
		.with_chain_type(ChainType::Development)
		.with_genesis_config_patch(genesis_config_presets::load(accounts))
		.with_properties(properties())
		.build())
}

/// `--chain local`: four invulnerable validators, a fifth funded operator (Eve).
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Commons Local Testnet",
		"commons_local_testnet",
		genesis_config_presets::LOCAL_TESTNET,
		ChainType::Local,
	)
}

/// The file an operator writes to launch a network (see `docs/network.example.json`).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NetworkFile {
	/// The network's name, shown by wallets.
	name: String,
	/// Its id (also the directory of its database).
	id: String,
	/// The libp2p protocol id (default: the id).
	protocol_id: Option<String>,
	/// Multiaddresses of nodes to connect to first, with their peer ids.
	#[serde(default)]
	boot_nodes: Vec<String>,
	founding_project: FoundingProjectFile,
	founders: Vec<FounderFile>,
	validators: Vec<ValidatorFile>,
	#[serde(default)]
	balances: Vec<BalanceFile>,
	#[serde(default)]
	desired_candidates: u32,
	/// In plancks, as a string (10^12 plancks = 1 CMN).
	candidacy_bond: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FoundingProjectFile {
	creator: String,
	name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FounderFile {
	account: String,
	units: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct ValidatorFile {
	account: String,
	aura: String,
	grandpa: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct BalanceFile {
	account: String,
	balance: String,
}

fn ss58<T: Ss58Codec>(what: &str, s: &str) -> Result<T, String> {
	T::from_ss58check_with_version(s)
		.map(|(key, _)| key)
		.map_err(|e| format!("{what} `{s}` is not an SS58 address: {e:?}"))
}

fn amount(what: &str, s: &str) -> Result<u128, String> {
	u128::from_str(s).map_err(|_| format!("{what} `{s}` is not a whole number of plancks"))
}

/// The chain spec of a real network, from the operator's file: a live chain with the
/// production governance and the production runtime (no benchmarks, the metadata hash);
/// refused if it holds a well-known development key.
pub fn production(path: &Path) -> Result<ChainSpec, String> {
	let shown = path.display();
	let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
	let file: NetworkFile =
		serde_json::from_str(&text).map_err(|e| format!("invalid network file `{shown}`: {e}"))?;
	let network = Network {
		creator: ss58::<AccountId>("the creator", &file.founding_project.creator)?,
		project_name: file.founding_project.name.into_bytes(),
		founders: file
			.founders
			.iter()
			.map(|f| Ok((ss58("a founder", &f.account)?, amount("units", &f.units)?)))
			.collect::<Result<_, String>>()?,
		validators: file
			.validators
			.iter()
			.map(|v| {
				Ok((
					ss58("a validator", &v.account)?,
					ss58::<sr25519::Public>("an Aura key", &v.aura)?.into(),
					ss58::<ed25519::Public>("a GRANDPA key", &v.grandpa)?.into(),
				))
			})
			.collect::<Result<_, String>>()?,
		balances: file
			.balances
			.iter()
			.map(|b| Ok((ss58("an account", &b.account)?, amount("a balance", &b.balance)?)))
			.collect::<Result<_, String>>()?,
		desired_candidates: file.desired_candidates,
		candidacy_bond: amount("the candidacy bond", &file.candidacy_bond)?,
	};
	let patch = genesis_config_presets::production(&network)
		.map_err(|e| format!("network file `{shown}`: {e}"))?;
	let boot_nodes = file
		.boot_nodes
		.iter()
		.map(|a| MultiaddrWithPeerId::from_str(a).map_err(|e| format!("boot node `{a}`: {e}")))
		.collect::<Result<Vec<_>, String>>()?;
	// The production build (`runtime/production`), not the development one of the test chains.
	let wasm = commons_runtime_production::WASM_BINARY
		.ok_or_else(|| "the node was built without the production runtime's wasm".to_string())?;
	let protocol_id = file.protocol_id.unwrap_or_else(|| file.id.clone());
	Ok(ChainSpec::builder(wasm, None)
		.with_name(&file.name)
		.with_id(&file.id)
		.with_protocol_id(&protocol_id)
		.with_chain_type(ChainType::Live)
		.with_boot_nodes(boot_nodes)
		.with_genesis_config_patch(patch)
		.with_properties(properties())
		.build())
}

#[cfg(test)]
mod tests {
	use super::*;
	use sc_service::ChainSpec as _;

	fn hex(bytes: &[u8]) -> String {
		bytes.iter().map(|b| format!("{b:02x}")).collect()
	}

	fn example() -> std::path::PathBuf {
		Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/network.example.json")
	}

	#[test]
	fn the_example_network_builds_a_live_spec_with_production_governance() {
		let spec = production(&example()).expect("the example builds");
		assert_eq!(spec.chain_type(), ChainType::Live);
		assert_eq!(spec.id(), "commons_example");
		let json: serde_json::Value =
			serde_json::from_str(&spec.as_json(false).expect("serializes")).expect("JSON");
		let patch = &json["genesis"]["runtimeGenesis"]["patch"];
		let commons = &patch["commons"];
		assert_eq!(commons["founders"].as_array().map(Vec::len), Some(7));
		assert_eq!(commons["chainGovernance"]["minVoters"], 7);
		assert_eq!(
			commons["chainGovernance"]["votingPeriod"],
			7 * commons_runtime::DAYS,
			"votes of days"
		);
		assert_eq!(commons["governanceFloor"]["minVoters"], 3);
		assert_eq!(patch["session"]["keys"].as_array().map(Vec::len), Some(4));
		// It carries the production build, not the development one the node runs `--dev` on.
		let code = json["genesis"]["runtimeGenesis"]["code"].as_str().expect("code");
		let production = commons_runtime_production::WASM_BINARY.expect("built");
		assert_eq!(code, format!("0x{}", hex(production)));
		assert_ne!(Some(production), WASM_BINARY, "the development build differs");
		// The raw spec builds too: the genesis is valid.
		spec.as_json(true).expect("a raw spec builds from the genesis");
	}

	fn with_alice(edit: impl Fn(&mut serde_json::Value, String)) -> Result<ChainSpec, String> {
		let mut json: serde_json::Value =
			serde_json::from_str(&std::fs::read_to_string(example()).expect("reads"))
				.expect("JSON");
		edit(&mut json, sp_keyring::Sr25519Keyring::Alice.to_account_id().to_ss58check());
		// Tests run in parallel: a file of their own for each call.
		static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
		let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
		let path = std::env::temp_dir().join(format!("network-{}-{n}.json", std::process::id()));
		std::fs::write(&path, json.to_string()).expect("writes");
		let spec = production(&path);
		let _ = std::fs::remove_file(&path);
		spec
	}

	#[test]
	fn a_network_with_a_development_key_is_refused() {
		let edits: [fn(&mut serde_json::Value, String); 4] = [
			|j, alice| j["founders"][0]["account"] = alice.into(),
			|j, alice| j["foundingProject"]["creator"] = alice.into(),
			|j, alice| j["validators"][1]["aura"] = alice.into(),
			|j, alice| j["balances"][3]["account"] = alice.into(),
		];
		for edit in edits {
			let error = with_alice(edit).err().expect("refused");
			assert!(error.contains("well-known development key"), "{error}");
		}
		let grandpa = sp_keyring::Ed25519Keyring::Alice.public().to_ss58check();
		let error = with_alice(|j, _| j["validators"][0]["grandpa"] = grandpa.clone().into())
			.err()
			.expect("refused");
		assert!(error.contains("GRANDPA key is a well-known development key"), "{error}");
	}

	#[test]
	fn a_network_that_could_not_govern_itself_is_refused() {
		let error = with_alice(|j, _| {
			j["founders"].as_array_mut().expect("a list").truncate(3);
		})
		.err()
		.expect("refused");
		assert!(error.contains("at least 7 voters"), "{error}");
		// Seven entries of one account are one founder, one voter.
		let error = with_alice(|j, _| {
			let first = j["founders"][0].clone();
			for founder in j["founders"].as_array_mut().expect("a list") {
				*founder = first.clone();
			}
		})
		.err()
		.expect("refused");
		assert!(error.contains("(found 1)"), "{error}");
		let error = with_alice(|j, _| j["founders"][0]["bogus"] = 1.into()).err().expect("refused");
		assert!(error.contains("unknown field"), "{error}");
	}
}
