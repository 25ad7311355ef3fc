//! Builds `commons-runtime` with the `spec-bump` feature to wasm, into
//! `<target>/release/wbuild/commons-runtime-upgrade/`.

#[cfg(feature = "std")]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

#[cfg(not(feature = "std"))]
fn main() {}
