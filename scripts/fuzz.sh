#!/usr/bin/env bash
# The runtime fuzzer's long form (runtime/tests/fuzz.rs): random sequences of every call through
# the real runtime, checked after every block, for as long as asked and from a new seed each time.
# The test command runs its short form (a fixed number of cases from seed 1, about a minute).
#   scripts/fuzz.sh [MINUTES] [SEED]    defaults: 30 minutes, a seed from the clock
# A failing case prints its seed; `COMMONS_FUZZ_SEED=<seed> COMMONS_FUZZ_CASES=1` replays it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
minutes=${1:-30}
seed=${2:-$(date +%s)}
echo "fuzzing for $minutes minutes from seed $seed"
COMMONS_FUZZ_SEED="$seed" COMMONS_FUZZ_SECONDS=$((minutes * 60)) \
	cargo test --release --locked --workspace --test fuzz -- --nocapture
