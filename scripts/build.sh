#!/usr/bin/env bash
# Installs what is missing, then builds the node (release; default features).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

"$ROOT/scripts/setup.sh"
echo "build: cargo build --release --locked -p commons-node (target dir $CARGO_TARGET_DIR)"
cargo build --release --locked -p commons-node
echo "build: $NODE_BIN"
