#!/usr/bin/env bash
# Refreshes the upgrade fixture (runtime/tests/fixtures/state.json, checked by
# runtime/tests/upgrade.rs): a dev chain with history, exported at a finalized block by the node
# of the runtime *before* a storage change. So, before changing what the runtime stores:
#   scripts/build.sh && scripts/fixture.sh && git add runtime/tests/fixtures/state.json
# then make the change (with its migration) and bump spec_version; the test upgrades the fixture.
# Takes about three minutes (it waits for votes to end).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
if [ ! -x "${COMMONS_NODE:-$NODE_BIN}" ]; then
	echo "fixture.sh: no node binary at ${COMMONS_NODE:-$NODE_BIN}: build it first (scripts/build.sh)" >&2
	exit 1
fi
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
COMMONS_NODE="${COMMONS_NODE:-$NODE_BIN}" node scripts/fixture.mjs runtime/tests/fixtures/state.json
