//! What the runtime's integration tests share: a chain from a genesis preset, and blocks.

#![allow(dead_code, reason = "each test file uses part of it")]

use commons_runtime::{genesis_config_presets, RuntimeGenesisConfig, Scheduler, System};
use frame_support::traits::Hooks;

/// The `development` genesis, built as the node builds it: the preset is a patch over the
/// default genesis.
pub fn development() -> sp_io::TestExternalities {
	let preset = genesis_config_presets::get_preset(&genesis_config_presets::DEVELOPMENT.into())
		.expect("the development preset exists");
	let mut config = serde_json::to_value(RuntimeGenesisConfig::default()).expect("serializes");
	merge(&mut config, serde_json::from_slice(&preset).expect("a JSON preset"));
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| {
		frame_support::genesis_builder_helper::build_state::<RuntimeGenesisConfig>(
			serde_json::to_vec(&config).expect("serializes"),
		)
		.expect("the development preset builds");
		System::set_block_number(1);
	});
	ext
}

fn merge(base: &mut serde_json::Value, patch: serde_json::Value) {
	match (base, patch) {
		(serde_json::Value::Object(base), serde_json::Value::Object(patch)) => {
			for (key, value) in patch {
				merge(base.entry(key).or_insert(serde_json::Value::Null), value);
			}
		},
		(base, patch) => *base = patch,
	}
}

/// Advances to block `n`, running the scheduler in each block (enacting passed proposals).
pub fn run_to(n: u32) {
	while System::block_number() < n {
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Scheduler::on_initialize(next);
	}
}

pub mod fuzz;
