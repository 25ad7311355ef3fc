//! Builds `commons-runtime` with the `production` feature, without benchmarks, to wasm with
//! its metadata hash, into `<target>/release/wbuild/commons-runtime-production/`. The wasm
//! builder compiles the runtime crate twice: once to read its metadata, once with the hash.
//!
//! The wasm builder gives every project its own target directory; this one shares the
//! development runtime's (`wbuild/commons-runtime/target`, through a symlink), so that one
//! directory holds every wasm dependency (cargo keeps each feature set apart).

/// What the metadata hash commits to besides the metadata: the token of the chain's
/// properties (`commons_runtime::TOKEN_SYMBOL` and `TOKEN_DECIMALS`; the upgrade test's
/// transaction in mode 1 is refused if they disagree).
#[cfg(feature = "std")]
const TOKEN_SYMBOL: &str = "CMN";
#[cfg(feature = "std")]
const TOKEN_DECIMALS: u8 = 12;

#[cfg(feature = "std")]
fn main() {
	share_wasm_target_dir();
	// The runtime's sources are dependencies of the wasm only: rebuild when they change.
	for path in ["../src", "../Cargo.toml", "../../pallets"] {
		println!("cargo:rerun-if-changed={path}");
	}
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_feature("runtime")
		.enable_metadata_hash(TOKEN_SYMBOL, TOKEN_DECIMALS)
		.build();
}

#[cfg(feature = "std")]
fn share_wasm_target_dir() {
	use std::{env, fs, path::PathBuf};
	let out_dir = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
	// OUT_DIR is <target>/<profile>/build/<package>/out; the wasm builder works in
	// <target>/<profile>/wbuild/<project>.
	let Some(profile_dir) =
		out_dir.ancestors().find(|p| p.ends_with("build")).and_then(|p| p.parent())
	else {
		return;
	};
	let wbuild = profile_dir.join("wbuild");
	let shared = wbuild.join("commons-runtime").join("target");
	let link = wbuild.join("commons-runtime-production").join("target");
	if fs::symlink_metadata(&link).is_ok() {
		return;
	}
	let created = fs::create_dir_all(&shared)
		.and_then(|()| fs::create_dir_all(wbuild.join("commons-runtime-production")))
		.and_then(|()| std::os::unix::fs::symlink(&shared, &link));
	if let Err(e) = created {
		println!("cargo:warning=could not share the runtime's wasm target directory: {e}");
	}
}

#[cfg(not(feature = "std"))]
fn main() {}
