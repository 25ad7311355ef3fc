//! The Commons Chain runtime with `spec_version` one higher: `commons-runtime` with the
//! `spec-bump` feature, built to wasm by this crate's build script into
//! `<target>/release/wbuild/commons-runtime-upgrade/commons_runtime_upgrade.compact.compressed.wasm`.
//! Nothing else differs. The end-to-end suite proposes the code's hash to the chain's vote and
//! submits the code with `system.apply_authorized_upgrade`.

#![cfg_attr(not(feature = "std"), no_std)]

#[cfg(feature = "runtime")]
pub use commons_runtime::*;

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));
