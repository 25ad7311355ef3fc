//! Builds `commons-runtime` with the `spec-bump` feature to wasm, into
//! `<target>/release/wbuild/commons-runtime-upgrade/`.
//!
//! The wasm builder gives every project its own target directory; this one shares the
//! runtime's (`wbuild/commons-runtime/target`, through a symlink), where every dependency is
//! already compiled for wasm with the same features: only the runtime crate is compiled again.

#[cfg(feature = "std")]
fn main() {
	share_wasm_target_dir();
	// The runtime's sources are dependencies of the wasm only: rebuild when they change.
	for path in ["../src", "../Cargo.toml", "../../pallets"] {
		println!("cargo:rerun-if-changed={path}");
	}
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_feature("runtime")
		.enable_feature("runtime-benchmarks")
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
	let link = wbuild.join("commons-runtime-upgrade").join("target");
	if fs::symlink_metadata(&link).is_ok() {
		return;
	}
	let created = fs::create_dir_all(&shared)
		.and_then(|()| fs::create_dir_all(wbuild.join("commons-runtime-upgrade")))
		.and_then(|()| std::os::unix::fs::symlink(&shared, &link));
	if let Err(e) = created {
		println!("cargo:warning=could not share the runtime's wasm target directory: {e}");
	}
}

#[cfg(not(feature = "std"))]
fn main() {}
