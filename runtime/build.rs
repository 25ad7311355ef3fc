#[cfg(all(feature = "std", feature = "metadata-hash", not(feature = "spec-bump")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("CMN", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash"), not(feature = "spec-bump")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

// The `spec-bump` variant is built to wasm by `commons-runtime-upgrade`, into its own
// directory, so that it never replaces the node's runtime.
#[cfg(any(not(feature = "std"), feature = "spec-bump"))]
fn main() {}
