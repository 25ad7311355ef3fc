//! Storage migrations. Each checks itself: `pre_upgrade` records what the migration must
//! preserve or change and `post_upgrade` checks it (run by `try-runtime`); the same checks are
//! plain functions, so that the runtime's tests run them without the `try-runtime` feature.

/// Version 2 (governance): the chain recognises the founding project.
///
/// Version 1 stored no governance; every governance item is new and starts empty, which is
/// right for all of them but one: with no recognised project the chain has no members and
/// could never vote again. A chain upgraded from version 1 recognises its first project (id 0),
/// as genesis does on a new chain.
pub mod v2 {
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use core::marker::PhantomData;
	use frame_support::{
		ensure,
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};
	use sp_runtime::TryRuntimeError;

	use crate::{Config, Pallet, Projects, RecognisedProjects};

	/// The unversioned step; use [`MigrateV1ToV2`].
	pub struct RecogniseFoundingProject<T>(PhantomData<T>);

	impl<T: Config> RecogniseFoundingProject<T> {
		/// Before: whether the migration has a project to recognise (project 0 exists and no
		/// project is recognised yet), and how many projects there are.
		pub fn pre_upgrade_state() -> Result<Vec<u8>, TryRuntimeError> {
			let recognised = RecognisedProjects::<T>::get().into_inner();
			let to_recognise = recognised.is_empty() && Projects::<T>::contains_key(0);
			let projects = Projects::<T>::iter_keys().count() as u32;
			Ok((to_recognise, recognised, projects).encode())
		}

		/// After: project 0 is recognised if it was to be, other recognitions are untouched, and
		/// no project was created or removed.
		pub fn post_upgrade_check(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let (to_recognise, before, projects) =
				<(bool, Vec<crate::ProjectId>, u32)>::decode(&mut state.as_slice())
					.map_err(|_| "v2: pre-upgrade state does not decode")?;
			let after = RecognisedProjects::<T>::get().into_inner();
			if to_recognise {
				ensure!(after == alloc::vec![0], "v2: the founding project is not recognised");
			} else {
				ensure!(after == before, "v2: recognised projects changed");
			}
			ensure!(
				Projects::<T>::iter_keys().count() as u32 == projects,
				"v2: the number of projects changed"
			);
			Ok(())
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for RecogniseFoundingProject<T> {
		fn on_runtime_upgrade() -> Weight {
			let db = T::DbWeight::get();
			if !RecognisedProjects::<T>::get().is_empty() || !Projects::<T>::contains_key(0) {
				return db.reads(2);
			}
			RecognisedProjects::<T>::put(BoundedVec::truncate_from(alloc::vec![0]));
			db.reads_writes(2, 1)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			Self::pre_upgrade_state()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			Self::post_upgrade_check(state)
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
