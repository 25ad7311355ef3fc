#[cfg(all(feature = "std", feature = "metadata-hash", not(feature = "production")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::init_with_defaults()
		.enable_metadata_hash("CMN", 12)
		.build();
}

#[cfg(all(feature = "std", not(feature = "metadata-hash"), not(feature = "production")))]
fn main() {
	substrate_wasm_builder::WasmBuilder::build_using_defaults();
}

// The `production` build is built to wasm by `commons-runtime-production`, into its own
// directory, so that it never replaces the node's development runtime.
#[cfg(any(not(feature = "std"), feature = "production"))]
fn main() {}
