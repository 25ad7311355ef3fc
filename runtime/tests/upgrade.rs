//! The upgrade checked on real state: `fixtures/state.json` is a dev chain exported at the
//! previous `spec_version` with history in it (made by `scripts/fixture.sh`: projects, pending,
//! accepted and rejected contributions, holdings with income in CMN and dollars, a debt, an
//! appeal, open, passed and failed proposals, an enactment still scheduled). The test loads it,
//! lets the first block run the current runtime's migrations, checks that nothing was lost and
//! every invariant holds, sees the scheduled enactment dispatched, and runs blocks of random
//! calls on the result with the fuzzer's checks after each.

use std::collections::BTreeMap;

use commons_runtime::{Commons, Executive, Runtime, System, VERSION};
use frame_support::traits::{GetStorageVersion, PalletInfoAccess};

mod common;
use common::fuzz::{check_invariants, Chain, Reached};

/// The fixture: its spec version, last block and its hash, and every storage pair but the code.
struct Fixture {
	spec_version: u32,
	block: u32,
	hash: sp_core::H256,
}

fn hex(s: &serde_json::Value) -> Vec<u8> {
	sp_core::bytes::from_hex(s.as_str().expect("a hex string")).expect("hex in the fixture")
}

fn fixture() -> (Fixture, sp_io::TestExternalities) {
	let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/state.json");
	let text = std::fs::read_to_string(path)
		.expect("runtime/tests/fixtures/state.json (scripts/fixture.sh makes it)");
	let json: serde_json::Value = serde_json::from_str(&text).expect("JSON");
	let number = |key: &str| json[key].as_u64().expect("a number") as u32;
	let fixture = Fixture {
		spec_version: number("specVersion"),
		block: number("block"),
		hash: sp_core::H256::from_slice(&hex(&json["hash"])),
	};
	let top: BTreeMap<Vec<u8>, Vec<u8>> = json["pairs"]
		.as_array()
		.expect("pairs")
		.iter()
		.map(|pair| (hex(&pair[0]), hex(&pair[1])))
		.collect();
	let storage = sp_core::storage::Storage { top, children_default: Default::default() };
	(fixture, sp_io::TestExternalities::new(storage))
}

/// What must survive the upgrade, counted before and after.
#[derive(Debug, PartialEq)]
struct Census {
	projects: usize,
	contributions: usize,
	pending: usize,
	holdings: usize,
	total_units: Vec<(u32, u128)>,
	proposals: usize,
	votes: usize,
	debts: usize,
	appeals: usize,
	issuance: u128,
}

fn census() -> Census {
	Census {
		projects: pallet_commons::Projects::<Runtime>::iter().count(),
		contributions: pallet_commons::Contributions::<Runtime>::iter().count(),
		pending: pallet_commons::PendingContributions::<Runtime>::iter().count(),
		holdings: pallet_commons::Holdings::<Runtime>::iter().count(),
		total_units: pallet_commons::Projects::<Runtime>::iter()
			.map(|(id, p)| (id, p.total_units))
			.collect::<BTreeMap<_, _>>()
			.into_iter()
			.collect(),
		proposals: pallet_commons::Proposals::<Runtime>::iter().count(),
		votes: pallet_commons::Votes::<Runtime>::iter().count(),
		debts: pallet_commons::Debts::<Runtime>::iter().count(),
		appeals: pallet_commons::Appeals::<Runtime>::iter().count(),
		issuance: pallet_balances::TotalIssuance::<Runtime>::get(),
	}
}

#[test]
fn the_upgrade_keeps_a_real_chains_history_and_runs_on_it() {
	let (fixture, mut ext) = fixture();
	ext.execute_with(|| {
		assert_eq!(System::block_number(), fixture.block, "the fixture's last block");
		let last = frame_system::LastRuntimeUpgrade::<Runtime>::get().expect("recorded");
		assert_eq!(last.spec_version.0, fixture.spec_version);
		assert!(
			fixture.spec_version < VERSION.spec_version,
			"the fixture is of the previous spec_version ({} here): refresh it \
			 (scripts/fixture.sh) with the node of the spec before a storage change",
			VERSION.spec_version
		);
		// The history the fixture was made with.
		let before = census();
		assert!(before.projects >= 2 && before.pending >= 1 && before.proposals >= 3, "{before:?}");
		assert!(before.debts >= 1 && before.appeals >= 1 && before.votes >= 1, "{before:?}");
		let agenda: Vec<(u32, usize)> = pallet_scheduler::Agenda::<Runtime>::iter()
			.map(|(n, a)| (n, a.iter().flatten().count()))
			.filter(|(_, n)| *n > 0)
			.collect();
		let recognised = pallet_commons::RecognisedProjects::<Runtime>::get();

		// The upgrade, as the first block after it runs it: the migrations, then the spec
		// recorded. Within one block's weight.
		let weight = Executive::execute_on_runtime_upgrade();
		let max = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		assert!(weight.all_lte(max), "the migrations weigh {weight:?}, above a block's {max:?}");
		frame_system::LastRuntimeUpgrade::<Runtime>::put(
			frame_system::LastRuntimeUpgradeInfo::from(VERSION),
		);
		assert_eq!(
			Commons::on_chain_storage_version(),
			Commons::in_code_storage_version(),
			"{} migrated to its storage version",
			Commons::name()
		);
		assert_eq!(census(), before, "nothing lost");
		check_invariants(fixture.block);

		// The next blocks, on the upgraded state.
		let mut chain = Chain::on(7, fixture.block + 1, fixture.hash);
		let mut dispatched = Vec::new();
		let mut block = |chain: &mut Chain| {
			chain.empty_block();
			dispatched.extend(System::events().into_iter().filter_map(|r| match r.event {
				commons_runtime::RuntimeEvent::Scheduler(pallet_scheduler::Event::Dispatched {
					result,
					..
				}) => Some(result),
				_ => None,
			}));
		};
		block(&mut chain);
		let last = frame_system::LastRuntimeUpgrade::<Runtime>::get().expect("recorded");
		assert_eq!(last.spec_version.0, VERSION.spec_version);

		// What was scheduled before the upgrade is enacted after it.
		let until = agenda.iter().map(|(n, _)| *n).max().unwrap_or(0);
		while System::block_number() < until {
			block(&mut chain);
		}
		assert_eq!(dispatched.len(), agenda.iter().map(|(_, n)| n).sum::<usize>());
		assert!(dispatched.iter().all(|r| r.is_ok()), "the enactments succeeded: {dispatched:?}");
		for (n, _) in &agenda {
			let left = pallet_scheduler::Agenda::<Runtime>::get(n).iter().flatten().count();
			assert_eq!(left, 0, "the enactments scheduled for block {n} ran");
		}
		if !agenda.is_empty() {
			assert!(
				pallet_commons::RecognisedProjects::<Runtime>::get().len() > recognised.len(),
				"the chain's scheduled decision (recognising a project) was enacted"
			);
		}

		// And the chain goes on: random calls, every invariant after every block.
		let mut reached = Reached::default();
		chain.run(40, &mut reached);
		assert!(reached.succeeded > 0, "{reached:?}");
	});
}
