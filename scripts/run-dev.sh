#!/usr/bin/env bash
# Builds the node if needed and starts a single-node dev chain with RPC at ws://127.0.0.1:9944.
# Extra arguments go to commons-node, e.g. `scripts/run-dev.sh --base-path /tmp/commons-dev`
# to keep the chain between runs (the default is a throwaway --tmp chain).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

"$ROOT/scripts/build.sh"

has_arg() { # has_arg NAME... : true when any argument in "$args" is one of NAME or NAME=...
	local a n
	for a in "${args[@]}"; do
		for n in "$@"; do
			case "$a" in "$n" | "$n"=*) return 0 ;; esac
		done
	done
	return 1
}

args=("$@")
extra=()
has_arg --rpc-port || extra+=(--rpc-port 9944)
has_arg --rpc-cors || extra+=(--rpc-cors all)
has_arg --tmp --base-path -d || extra+=(--tmp)

if has_arg --rpc-port; then
	echo "run-dev: starting dev chain (Ctrl-C to stop)"
else
	# Say so before starting rather than leave it to the node's bind error.
	if (exec 3<>/dev/tcp/127.0.0.1/9944) 2>/dev/null; then
		echo "run-dev: port 9944 is already in use (another node running?)" >&2
		exit 1
	fi
	echo "run-dev: starting dev chain; RPC at ws://127.0.0.1:9944 (Ctrl-C to stop)"
fi
exec "$NODE_BIN" --dev "${extra[@]}" "$@"
