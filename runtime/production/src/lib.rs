//! The Commons Chain runtime a network runs: `commons-runtime` with the `production` feature
//! and without `runtime-benchmarks`, its metadata hash compiled in (so that wallets and
//! hardware signers that send `CheckMetadataHash` in mode 1 are accepted), built to wasm by
//! this crate's build script into
//! `<target>/release/wbuild/commons-runtime-production/commons_runtime_production.compact.compressed.wasm`.
//!
//! The node carries it ([`WASM_BINARY`]) as the code of every `--chain production:<file>`
//! chain spec. Its `spec_version` is one above the development build's (the node's runtime for
//! `--dev`, `local` and `load`), so that the end-to-end suite votes it in as a runtime upgrade
//! and then signs a transaction in mode 1.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "runtime")]
pub use commons_runtime::*;

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));
