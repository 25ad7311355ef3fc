//! Fuzzing the runtime: random sequences of every `pallet-commons` call, balances transfers and
//! utility batches, from many accounts, signed and applied through the real runtime block by
//! block (`Executive::initialize_block`, the timestamp inherent, `apply_extrinsic`,
//! `finalize_block`), with the scheduler enacting what passes. Inputs are shaped to reach deep
//! states (ids that exist most of the time, the edges of every number, full vectors, valid and
//! invalid signatures, stale and future nonces, mangled bytes) by the generator the pallet's
//! property tests share ([`pallet_commons::generator`]).
//!
//! Checked for every dispatch: the actual weight and proof size it declares are at most what it
//! was charged before dispatch. Checked after every block: no panic; every invariant of
//! `pallet-commons` (`do_try_state`: units, pending index, deposits held for live items, pots
//! covering holders and creditors, debts, assets, governance); total issuance equals the sum of
//! all balances and changes only by dust lost; the test dollar's supply equals the sum of its
//! balances; no pallet account below the existential deposit; the block within its weight.
//!
//! Run by the test command for about a minute (`COMMONS_FUZZ_CASES`, default below, from
//! `COMMONS_FUZZ_SEED`, default 1); `scripts/fuzz.sh` runs it for as long as asked, from a new
//! seed. A failing case prints its seed: `COMMONS_FUZZ_SEED=<seed> COMMONS_FUZZ_CASES=1`
//! replays it.

use std::{
	panic::{catch_unwind, AssertUnwindSafe},
	time::{Duration, Instant},
};

mod common;
use common::fuzz::{run_case, Reached};

/// Cases the test command runs (each from a fresh genesis): about a minute on the reference
/// machine (2 cores).
const DEFAULT_CASES: u64 = 150;

#[test]
fn the_runtime_survives_random_sequences_of_every_call() {
	let seed: u64 = env("COMMONS_FUZZ_SEED").unwrap_or(1);
	let cases: u64 = env("COMMONS_FUZZ_CASES").unwrap_or(DEFAULT_CASES);
	let seconds: Option<u64> = env("COMMONS_FUZZ_SECONDS");
	let started = Instant::now();
	let mut reached = Reached::default();
	let mut case = 0;
	loop {
		let done = match seconds {
			Some(s) => started.elapsed() >= Duration::from_secs(s),
			None => case >= cases,
		};
		if done {
			break;
		}
		let case_seed = seed.wrapping_add(case);
		let result = catch_unwind(AssertUnwindSafe(|| run_case(case_seed, &mut reached)));
		if let Err(e) = result {
			eprintln!(
				"fuzz: case with seed {case_seed} failed; replay it with \
				 COMMONS_FUZZ_SEED={case_seed} COMMONS_FUZZ_CASES=1 cargo test --release \
				 --workspace --test fuzz (the test command's features: no rebuild)"
			);
			std::panic::resume_unwind(e);
		}
		case += 1;
	}
	eprintln!(
		"fuzz: {case} cases from seed {seed} in {:.1} s: {reached:?}",
		started.elapsed().as_secs_f64()
	);
	// Not vacuous: the sequences reached deep states.
	if case >= 8 {
		assert!(reached.succeeded > reached.applied / 10, "too few calls succeeded: {reached:?}");
		for (what, n) in [
			("projects created", reached.projects),
			("contributions", reached.contributions),
			("acceptances", reached.accepted),
			("rejections", reached.rejected),
			("proposals", reached.proposals),
			("payments", reached.payments),
			("claims", reached.claims),
		] {
			assert!(n > 0, "no {what} in {case} cases: {reached:?}");
		}
	}
}

fn env<V: std::str::FromStr>(name: &str) -> Option<V> {
	std::env::var(name).ok().and_then(|v| v.parse().ok())
}
