//! Storage migrations.

/// Version 2 (governance): the chain recognises the founding project.
///
/// Version 1 stored no governance; every governance item is new and starts empty, which is
/// right for all of them but one: with no recognised project the chain has no members and
/// could never vote again. A chain upgraded from version 1 recognises its first project (id 0),
/// as genesis does on a new chain.
pub mod v2 {
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};

	use crate::{Config, Pallet, Projects, RecognisedProjects};

	/// The unversioned step; use [`MigrateV1ToV2`].
	pub struct RecogniseFoundingProject<T>(PhantomData<T>);

	impl<T: Config> UncheckedOnRuntimeUpgrade for RecogniseFoundingProject<T> {
		fn on_runtime_upgrade() -> Weight {
			let db = T::DbWeight::get();
			if !RecognisedProjects::<T>::get().is_empty() || !Projects::<T>::contains_key(0) {
				return db.reads(2);
			}
			RecognisedProjects::<T>::put(BoundedVec::truncate_from(alloc::vec![0]));
			db.reads_writes(2, 1)
		}
	}

	/// Runs [`RecogniseFoundingProject`] once, from storage version 1 to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		RecogniseFoundingProject<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}
