#!/usr/bin/env bash
# Load generator: measures how many extrinsics of each kind one dev node includes per block
# (transfer_keep_alive, submit_contribution, non-deciding and deciding attest, relayed
# attestations, vote, pay_income, claim) on `commons-node --chain load`, and their block
# fullness, authoring and import times. See scripts/load/load.mjs for what it does.
#
#   scripts/load.sh --quick                       # a few minutes: checks that everything works
#   scripts/load.sh --out load-report.json        # the full run (about 15-20 minutes)
#   scripts/load.sh --help                        # options (counts, scenarios, accounts, ...)
#
# Needs the node built (scripts/build.sh; this script never builds) and Node.js with npm.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

if [ ! -x "${COMMONS_NODE:-$NODE_BIN}" ]; then
	echo "load.sh: no node binary at ${COMMONS_NODE:-$NODE_BIN}: build it first (scripts/build.sh)" >&2
	exit 1
fi
export COMMONS_NODE="${COMMONS_NODE:-$NODE_BIN}"

# Relative paths in the options (--out, --node) are the caller's.
export LOAD_CWD="$PWD"

# The npm packages, exactly as locked (the same @polkadot/* versions as tests/e2e).
cd "$ROOT/scripts/load"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npm ci --no-audit --no-fund --loglevel=error >&2
fi
# --max-old-space-size: tens of thousands of pre-signed extrinsics and decoded blocks.
exec node --max-old-space-size=4096 load.mjs "$@"
