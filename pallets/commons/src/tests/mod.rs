//! Unit tests, by concern. Every test ends by checking the pallet's invariants.

mod appeals;
mod asset_debts;
mod assets;
mod cleanup;
mod config;
mod consent;
mod contributions;
mod debts;
mod enactment;
mod governance;
mod hops;
mod income;
mod issuance;
mod membership;
mod migrations;
mod projects;
mod review;
mod signed;
mod slots;

use crate::{mock::*, types::*};
use frame_support::{assert_ok, BoundedVec};

pub(crate) fn name(s: &str) -> NameOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}

pub(crate) fn evidence(s: &str) -> EvidenceOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}

pub(crate) fn note(s: &str) -> NoteOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}

/// Creates a project with the default kinds and rules; `creator` is its maintainer.
pub(crate) fn create_project(creator: &AccountId) -> ProjectId {
	create_project_with(creator, default_rules())
}

pub(crate) fn create_project_with(creator: &AccountId, rules: ReviewRules<u64>) -> ProjectId {
	let id = crate::NextProjectId::<Test>::get();
	assert_ok!(Commons::create_project(
		RuntimeOrigin::signed(creator.clone()),
		name("fab-lab"),
		BoundedVec::default(),
		default_kinds(),
		rules,
	));
	id
}

/// The origin of a project's own vote (what its passed proposals are dispatched with).
pub(crate) fn project_origin(project: ProjectId) -> RuntimeOrigin {
	crate::Origin::Project(project).into()
}

/// Sets the maintainers of a project (as root).
pub(crate) fn set_maintainers(project: ProjectId, maintainers: &[AccountId]) {
	assert_ok!(Commons::set_maintainers(
		RuntimeOrigin::root(),
		project,
		maintainers.to_vec().try_into().unwrap()
	));
}

/// Logs `quantity` of kind `kind` by `who`.
pub(crate) fn submit(
	who: &AccountId,
	project: ProjectId,
	kind: KindIndex,
	quantity: Quantity,
) -> ContributionId {
	let id = crate::NextContributionId::<Test>::get();
	assert_ok!(Commons::submit_contribution(
		RuntimeOrigin::signed(who.clone()),
		project,
		kind,
		quantity,
		evidence("ipfs://evidence"),
	));
	id
}

pub(crate) fn approve(reviewer: &AccountId, id: ContributionId, assessed: Option<Quantity>) {
	assert_ok!(Commons::attest(
		RuntimeOrigin::signed(reviewer.clone()),
		id,
		Verdict::Approve,
		assessed,
		note("ok"),
	));
}

pub(crate) fn reject(reviewer: &AccountId, id: ContributionId) {
	assert_ok!(Commons::attest(
		RuntimeOrigin::signed(reviewer.clone()),
		id,
		Verdict::Reject,
		None,
		note("no"),
	));
}

pub(crate) fn status(id: ContributionId) -> ContributionStatus {
	crate::Contributions::<Test>::get(id).unwrap().status
}

pub(crate) fn free(who: &AccountId) -> Balance {
	<Balances as frame_support::traits::fungible::Inspect<AccountId>>::balance(who)
}

pub(crate) fn held(who: &AccountId) -> Balance {
	<Balances as frame_support::traits::fungible::InspectHold<AccountId>>::total_balance_on_hold(
		who,
	)
}

/// A project maintained by Alice, Bob and Charlie (maintainers review, 2 approvals needed).
pub(crate) fn project_with_three_maintainers() -> ProjectId {
	let p = create_project(&alice());
	set_maintainers(p, &[alice(), bob(), charlie()]);
	p
}
