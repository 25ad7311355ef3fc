//! Chain specifications, built from the runtime's genesis presets.

use commons_runtime::{genesis_config_presets, WASM_BINARY};
use sc_service::{ChainType, Properties};

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

/// `--chain local`: four invulnerable validators, a fifth funded operator (Eve).
pub fn local_testnet() -> Result<ChainSpec, String> {
	from_preset(
		"Commons Local Testnet",
		"commons_local_testnet",
		genesis_config_presets::LOCAL_TESTNET,
		ChainType::Local,
	)
}
