//! The runtime's storage migrations on a real genesis, with their own pre- and post-upgrade
//! checks: a chain at an older storage version is migrated once, checked, and a second run
//! changes nothing.

use commons_runtime::{Commons, Migrations, Runtime};
use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
use pallet_commons::{migrations::v2::RecogniseFoundingProject, RecognisedProjects};

mod common;
use common::development;

#[test]
fn v1_to_v2_recognises_the_founding_project_and_checks_itself() {
	development().execute_with(|| {
		// The chain as version 1 left it: a founding project, no governance stored.
		RecognisedProjects::<Runtime>::kill();
		StorageVersion::new(1).put::<Commons>();
		let state = RecogniseFoundingProject::<Runtime>::pre_upgrade_state().expect("pre");

		Migrations::on_runtime_upgrade();

		RecogniseFoundingProject::<Runtime>::post_upgrade_check(state).expect("post");
		assert_eq!(RecognisedProjects::<Runtime>::get().into_inner(), vec![0]);
		assert_eq!(Commons::on_chain_storage_version(), StorageVersion::new(2));
		assert_eq!(Commons::on_chain_storage_version(), Commons::in_code_storage_version());
	});
}

#[test]
fn migrations_do_nothing_on_a_chain_already_migrated() {
	development().execute_with(|| {
		assert_eq!(Commons::on_chain_storage_version(), StorageVersion::new(2));
		let before = RecognisedProjects::<Runtime>::get();
		let state = RecogniseFoundingProject::<Runtime>::pre_upgrade_state().expect("pre");
		Migrations::on_runtime_upgrade();
		RecogniseFoundingProject::<Runtime>::post_upgrade_check(state).expect("post");
		assert_eq!(RecognisedProjects::<Runtime>::get(), before);
	});
}

#[test]
fn the_post_upgrade_check_catches_a_migration_that_did_not_run() {
	development().execute_with(|| {
		RecognisedProjects::<Runtime>::kill();
		StorageVersion::new(1).put::<Commons>();
		let state = RecogniseFoundingProject::<Runtime>::pre_upgrade_state().expect("pre");
		// No upgrade: the check must fail.
		assert!(RecogniseFoundingProject::<Runtime>::post_upgrade_check(state).is_err());
	});
}
