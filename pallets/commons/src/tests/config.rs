//! The configuration checks: `integrity_test` refuses a runtime whose constants break an
//! assumption of the pallet, naming it, instead of letting users hit the consequences.

use super::*;
use frame_support::traits::IntegrityTest;

/// The message `integrity_test` fails with, if it fails.
fn integrity_failure() -> Option<String> {
	let outcome = std::panic::catch_unwind(<Commons as IntegrityTest>::integrity_test);
	outcome.err().map(|e| {
		e.downcast_ref::<String>()
			.cloned()
			.or_else(|| e.downcast_ref::<&str>().map(|s| s.to_string()))
			.unwrap_or_default()
	})
}

#[test]
fn the_test_runtime_passes_its_configuration_checks() {
	assert_eq!(integrity_failure(), None);
}

#[test]
fn a_project_deposit_that_cannot_endow_its_accounts_is_refused() {
	// Two existential deposits endow the pot and the treasury.
	TestProjectDeposit::set(2 * ED - 1);
	let failure = integrity_failure().expect("refused");
	assert!(failure.contains("ProjectDeposit"), "{failure}");
	TestProjectDeposit::set(2 * ED);
	assert_eq!(integrity_failure(), None);
}

#[test]
fn a_contribution_deposit_below_the_existential_deposit_is_refused() {
	TestContributionDeposit::set(ED - 1);
	let failure = integrity_failure().expect("refused");
	assert!(failure.contains("ContributionDeposit"), "{failure}");
}

#[test]
fn a_runtime_without_maintainers_is_refused() {
	TestMaxMaintainers::set(0);
	let failure = integrity_failure().expect("refused");
	assert!(failure.contains("maintainer"), "{failure}");
}

#[test]
fn an_appeal_window_beyond_the_retention_period_is_refused() {
	TestAppealWindow::set(RETENTION + 1);
	let failure = integrity_failure().expect("refused");
	assert!(failure.contains("retention"), "{failure}");
}
