# Shared settings; sourced by the other scripts (not executed on its own).
# Sets ROOT (repo root), CARGO_TARGET_DIR (exported), NODE_BIN and PRODUCTION_WASM.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# One target dir outside the clone, shared by the scripts and CI, unless the caller chose one.
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/commons-chain/target}"
case "$CARGO_TARGET_DIR" in
	/*) ;;
	*) CARGO_TARGET_DIR="$PWD/$CARGO_TARGET_DIR" ;; # cargo would resolve it against the cwd
esac
export CARGO_TARGET_DIR

NODE_BIN="$CARGO_TARGET_DIR/release/commons-node"
# The runtime a network runs (crate commons-runtime-production, built with the node): the code
# of production chain specs, and the upgrade the end-to-end suite votes in.
PRODUCTION_WASM="$CARGO_TARGET_DIR/release/wbuild/commons-runtime-production/commons_runtime_production.compact.compressed.wasm"

# frame-benchmarking-cli carries a test runtime for `benchmark storage --mode validate-block`
# (a parachain measurement this chain does not use); skipping its wasm saves a whole runtime
# build. Our own runtime's wasm is always built.
export SKIP_FRAME_STORAGE_ACCESS_TEST_RUNTIME_WASM_BUILD=1

# The runtime's wasm is built with the workspace's Cargo.lock (the target dir is outside the clone,
# so the wasm builder cannot find it by itself).
export WASM_BUILD_WORKSPACE_HINT="$ROOT"

# rustup installs cargo here; make sure it is on PATH even in a non-login shell.
_cargo_bin="${CARGO_HOME:-$HOME/.cargo}/bin"
case ":$PATH:" in
	*":$_cargo_bin:"*) ;;
	*) [ -d "$_cargo_bin" ] && PATH="$_cargo_bin:$PATH" ;;
esac
unset _cargo_bin
export PATH
