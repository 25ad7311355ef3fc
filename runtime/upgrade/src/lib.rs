//! The Commons Chain runtime with `spec_version` one higher (`commons-runtime` with the
//! `spec-bump` feature). Nothing else differs: the end-to-end suite proposes its code hash to
//! the chain's vote and submits it with `system.apply_authorized_upgrade`.

#![cfg_attr(not(feature = "std"), no_std)]

pub use commons_runtime::*;

#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));
