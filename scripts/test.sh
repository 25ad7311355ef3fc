#!/usr/bin/env bash
# Runs every test: Rust unit/integration tests, then the node tests against the release binary.
# All cargo steps share one profile (release) and feature set, so dependencies compile once.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

start_all=$(date +%s)
minutes() { awk -v s="$(($(date +%s) - $1))" 'BEGIN { printf "%.1f", s / 60 }'; }

stage() { # stage NAME CMD... : runs CMD, prints its elapsed minutes, stops everything on failure
	local name=$1 t0 rc
	shift
	echo "==> $name"
	t0=$(date +%s)
	if "$@"; then
		echo "<== $name: ok in $(minutes "$t0") min"
	else
		rc=$?
		echo "<== $name: FAILED (exit $rc) after $(minutes "$t0") min" >&2
		exit "$rc"
	fi
}

node_tests() {
	shopt -s nullglob
	local files=(tests/*.test.mjs)
	shopt -u nullglob
	if [ ${#files[@]} -eq 0 ]; then
		echo "no tests/*.test.mjs found" >&2
		return 1
	fi
	COMMONS_NODE="$NODE_BIN" node --test "${files[@]}"
}

# The suites mostly wait for blocks, each on nodes of its own (a dev node each for the
# lifecycle, the attacks and the upgrade; five validators for the network; four validators on
# hosts of their own and a node on a small disk for the faults): all at once. One after another
# they took 6.1 (the first two side by side), 3.6, 1.5 and 4.3 minutes.
e2e_tests() {
	(cd tests/e2e && npm ci --no-audit --no-fund &&
		export COMMONS_NODE="$NODE_BIN" COMMONS_PRODUCTION_WASM="$PRODUCTION_WASM" &&
		node --test --test-concurrency=5 lifecycle.test.mjs attacks.test.mjs network.test.mjs \
			upgrade.test.mjs faults.test.mjs)
}

# Formatting, then clippy on the workspace's own crates (dependencies are only checked, not
# linted), in the build's profile and target dir. Not with SKIP_WASM_BUILD: the runtime's build
# script would then run with another environment than the build's, and every run would rebuild
# the runtime and relink the node (4 minutes warm). As it is, the wasm that clippy's check of
# the runtime builds is the one the build stage uses.
lint() {
	cargo fmt --all --check &&
		cargo clippy --release --locked --workspace --all-targets -- -D warnings
}

stage "setup" "$ROOT/scripts/setup.sh"
stage "lint (cargo fmt --check, cargo clippy -D warnings)" lint
# The node, with the development runtime and the production one (runtime/production).
stage "build node (cargo build --release -p commons-node)" \
	cargo build --release --locked -p commons-node
stage "rust tests (cargo test --release --workspace)" cargo test --release --locked --workspace
stage "node tests (tests/*.test.mjs)" node_tests
if [ -f tests/e2e/package.json ]; then
	stage "e2e tests (tests/e2e)" e2e_tests
fi

echo "all tests passed in $(minutes "$start_all") min"
