//! The weights of every pallet, of a block and of an extrinsic, and of a database read and write,
//! all measured on one machine by `scripts/benchmark.sh` (see `docs/BENCHMARKS.md`). The files
//! are generated: regenerate them, never edit them.

pub mod block_weights;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_assets;
pub mod pallet_balances;
pub mod pallet_collator_selection;
pub mod pallet_commons;
pub mod pallet_grandpa;
pub mod pallet_preimage;
pub mod pallet_scheduler;
pub mod pallet_session;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;
#[allow(unused_doc_comments, reason = "generated: the storage benchmark documents its figures")]
pub mod paritydb_weights;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use paritydb_weights::constants::ParityDbWeight;

use frame_support::{traits::Get, weights::Weight};

/// GRANDPA's weights, made of what its benchmarks measure on this machine. Its benchmarks
/// measure the check of an equivocation proof and `note_stalled`, not the calls of its trait: a
/// report is that check plus the reads of the key-owner proof and of the set's session. This
/// runtime takes no equivocation reports (`KeyOwnerProof` is `Void`: the call cannot even be
/// decoded), so the report's weight is only what a decoded report would cost.
pub struct GrandpaWeightInfo<T>(core::marker::PhantomData<T>);
impl<T: ::frame_system::Config> ::pallet_grandpa::WeightInfo for GrandpaWeightInfo<T> {
	fn report_equivocation(validator_count: u32, _max_nominators_per_validator: u32) -> Weight {
		pallet_grandpa::WeightInfo::<T>::check_equivocation_proof(validator_count)
			.saturating_add(T::DbWeight::get().reads(7))
	}

	fn note_stalled() -> Weight {
		pallet_grandpa::WeightInfo::<T>::note_stalled()
	}
}
