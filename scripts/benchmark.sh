#!/usr/bin/env bash
# Regenerates every weight the runtime uses, on this machine, in one go (see docs/BENCHMARKS.md):
#   runtime/src/weights/<pallet>.rs     every pallet of the runtime (`benchmark pallet`)
#   pallets/commons/src/weights.rs      the pallet's trait and reference weights, from the same run
#   runtime/src/weights/block_weights.rs, extrinsic_weights.rs   (`benchmark overhead`)
#   runtime/src/weights/paritydb_weights.rs   ParityDB reads and writes (`benchmark storage`), on
#                                       the state of `--chain load` with 100,000 funded holders
#
#   scripts/benchmark.sh [pallet ...]        (default: all; `overhead` and `storage` are names too)
#   STEPS=50 REPEAT=20 scripts/benchmark.sh  (default 20 and 5)
#
# Run it on a quiet machine: nothing else should use the CPU while it runs. Then rebuild the node
# (scripts/build.sh) so that the runtime uses the new weights.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

steps=${STEPS:-20}
repeat=${REPEAT:-5}
# Accounts (and holders of the founding project) in the state the storage benchmark measures.
storage_accounts=${STORAGE_ACCOUNTS:-100000}
out=runtime/src/weights

all_pallets=(
	frame_system
	frame_system_extensions
	pallet_assets
	pallet_balances
	pallet_collator_selection
	pallet_commons
	pallet_grandpa
	pallet_preimage
	pallet_scheduler
	pallet_session
	pallet_timestamp
	pallet_transaction_payment
	pallet_utility
)
if [ $# -gt 0 ]; then targets=("$@"); else targets=("${all_pallets[@]}" overhead storage); fi

[ -x "$NODE_BIN" ] || "$ROOT/scripts/build.sh"
mkdir -p "$out"

start_all=$(date +%s)
minutes() { awk -v s="$(($(date +%s) - $1))" 'BEGIN { printf "%.1f", s / 60 }'; }
# The raw results (JSON) are kept beside the build; the storage benchmark's database is not.
results="$CARGO_TARGET_DIR/benchmarks"
mkdir -p "$results"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

bench_pallet() {
	local pallet=$1 file="$out/$1.rs"
	"$NODE_BIN" benchmark pallet \
		--chain dev \
		--pallet "$pallet" \
		--extrinsic '*' \
		--steps "$steps" \
		--repeat "$repeat" \
		--wasm-execution compiled \
		--heap-pages 4096 \
		--header scripts/weights-header.txt \
		--json-file "$results/$pallet.json" \
		--output "$file"
	case "$pallet" in
	# The extensions' weights implement frame_system's trait of that name.
	frame_system_extensions)
		sed -i 's/frame_system_extensions::WeightInfo for/frame_system::ExtensionsWeightInfo for/' "$file" ;;
	# GRANDPA's benchmarks measure the parts its trait's weights are made of (runtime/src/weights
	# composes them): the measured functions, public.
	pallet_grandpa)
		sed -i -e 's/^impl<T: frame_system::Config> pallet_grandpa::WeightInfo for WeightInfo<T> {/impl<T: frame_system::Config> WeightInfo<T> {/' \
			-e 's/^\tfn /\tpub fn /' "$file" ;;
	# The pallet's own trait and reference weights (used by its tests), from the same results.
	pallet_commons)
		"$NODE_BIN" benchmark pallet \
			--chain dev \
			--pallet pallet_commons \
			--extrinsic '*' \
			--steps "$steps" \
			--repeat "$repeat" \
			--json-input "$results/$pallet.json" \
			--template scripts/pallet-weight-template.hbs \
			--output pallets/commons/src/weights.rs ;;
	esac
}

bench_overhead() {
	"$NODE_BIN" benchmark overhead \
		--chain dev \
		--wasm-execution compiled \
		--header scripts/weights-header.txt \
		--weight-path "$out"
}

bench_storage() {
	# A state with many accounts and holders, so that the trie is as deep as a used chain's.
	COMMONS_LOAD_ACCOUNTS="$storage_accounts" "$NODE_BIN" benchmark storage \
		--chain load \
		--base-path "$work/storage-db" \
		--database paritydb \
		--state-version 1 \
		--header scripts/weights-header.txt \
		--weight-path "$out"
}

for target in "${targets[@]}"; do
	t0=$(date +%s)
	echo "==> $target"
	case "$target" in
	overhead) bench_overhead ;;
	storage) bench_storage ;;
	*) bench_pallet "$target" ;;
	esac
	echo "<== $target: $(minutes "$t0") min"
done
echo "benchmarks took $(minutes "$start_all") min (steps $steps, repeat $repeat); rebuild the node to use them"
