#!/usr/bin/env bash
# Installs what a fresh Debian machine lacks to build Commons Chain. Safe to run again.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

say() { echo "setup: $*"; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo "$@"
	else
		say "need root (or sudo) to run: $*" >&2
		exit 1
	fi
}

deb_installed() {
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

# --- system packages -------------------------------------------------------
missing=()
command -v cc >/dev/null || missing+=(build-essential)
command -v protoc >/dev/null || missing+=(protobuf-compiler)
command -v clang >/dev/null || missing+=(clang)
if [ -z "${LIBCLANG_PATH:-}" ] && ! deb_installed libclang-dev; then
	missing+=(libclang-dev)
fi
# The fault tests' hosts: network namespaces and veth links (iproute2), sysctl (procps).
command -v ip >/dev/null || missing+=(iproute2)
command -v sysctl >/dev/null || missing+=(procps)
if ! command -v rustup >/dev/null && ! command -v curl >/dev/null; then
	missing+=(curl ca-certificates)
fi

if [ ${#missing[@]} -gt 0 ]; then
	if ! command -v apt-get >/dev/null; then
		say "missing ${missing[*]} and no apt-get here; install them and run again" >&2
		exit 1
	fi
	say "installing ${missing[*]}"
	as_root apt-get update -qq
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
	say "system packages present (protoc, clang, libclang-dev)"
fi

# --- Rust toolchain pinned in rust-toolchain.toml ---------------------------
if ! command -v rustup >/dev/null; then
	say "installing rustup"
	curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs |
		sh -s -- -y --profile minimal --default-toolchain none --no-modify-path
	PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
	export PATH
fi

channel="$(sed -n 's/^[[:space:]]*channel[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' rust-toolchain.toml)"
if [ -z "$channel" ]; then
	say "no channel found in rust-toolchain.toml" >&2
	exit 1
fi

if ! rustup toolchain list | grep -q "^$channel-"; then
	say "installing Rust $channel"
	rustup toolchain install "$channel" --profile minimal \
		-c rust-src -c clippy -c rustfmt -t wasm32-unknown-unknown
fi
if ! rustup target list --installed --toolchain "$channel" | grep -qx wasm32-unknown-unknown; then
	say "adding target wasm32-unknown-unknown"
	rustup target add --toolchain "$channel" wasm32-unknown-unknown
fi
installed=$(rustup component list --installed --toolchain "$channel")
for component in rust-src clippy rustfmt; do
	if ! grep -q "^$component" <<<"$installed"; then
		say "adding component $component"
		rustup component add --toolchain "$channel" "$component"
	fi
done
say "Rust $channel ready (wasm32-unknown-unknown, rust-src, clippy, rustfmt)"
