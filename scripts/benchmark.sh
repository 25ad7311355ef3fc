#!/usr/bin/env bash
# Regenerates pallets/commons/src/weights.rs from the benchmarks, on this machine.
#   scripts/benchmark.sh [steps] [repeat]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
"$ROOT/scripts/build.sh"
steps=${1:-20}
repeat=${2:-5}
"$NODE_BIN" benchmark pallet \
	--chain dev \
	--pallet pallet_commons \
	--extrinsic '*' \
	--steps "$steps" \
	--repeat "$repeat" \
	--template scripts/pallet-weight-template.hbs \
	--output pallets/commons/src/weights.rs
echo "weights written to pallets/commons/src/weights.rs"
