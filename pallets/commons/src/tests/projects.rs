use super::*;
use crate::{Error, Event, ProjectStatus, Projects, ReviewPolicies, ValueEquations};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::{DispatchError, FixedU128, Perbill};

#[test]
fn create_project_holds_deposit_and_records_rules() {
	test(|| {
		let p = create_project(&alice());
		assert_eq!(p, 0);
		let project = Projects::<Test>::get(p).unwrap();
		assert_eq!(project.creator, alice());
		assert_eq!(project.maintainers.to_vec(), vec![alice()]);
		assert_eq!(project.status, ProjectStatus::Active);
		assert_eq!(project.deposit, PROJECT_HELD);
		assert_eq!(
			Balances::balance_on_hold(&crate::HoldReason::ProjectDeposit.into(), &alice()),
			PROJECT_HELD
		);
		assert_eq!(free(&alice()), ENDOWMENT - PROJECT_DEPOSIT);
		// The income pot and the treasury are endowed with the existential deposit.
		assert_eq!(free(&Commons::income_account(p)), ED);
		assert_eq!(free(&Commons::treasury_account(p)), ED);
		let eq = ValueEquations::<Test>::get(p).unwrap();
		assert_eq!((eq.version, eq.kinds.len()), (1, 2));
		assert_eq!(ReviewPolicies::<Test>::get(p).unwrap().version, 1);
		assert_eq!(
			commons_events(),
			vec![Event::ProjectCreated { project: 0, creator: alice(), deposit: PROJECT_HELD }]
		);
		assert_eq!(create_project(&bob()), 1);
	});
}

#[test]
fn create_project_rejects_bad_input() {
	test(|| {
		let origin = || RuntimeOrigin::signed(alice());
		assert_noop!(
			Commons::create_project(
				origin(),
				name("x"),
				Default::default(),
				Default::default(),
				default_rules()
			),
			Error::<Test>::NoKinds
		);
		let mut kinds = default_kinds();
		kinds[0].rate = FixedU128::from_u32(0);
		assert_noop!(
			Commons::create_project(
				origin(),
				name("x"),
				Default::default(),
				kinds,
				default_rules()
			),
			Error::<Test>::ZeroRate
		);
		for bad in [
			ReviewRules { min_approvals: 0, ..default_rules() },
			ReviewRules { min_approvals: 6, ..default_rules() },
			ReviewRules { threshold: Perbill::zero(), ..default_rules() },
			ReviewRules { review_period: 0, ..default_rules() },
			ReviewRules { review_period: 101, ..default_rules() },
		] {
			assert_noop!(
				Commons::create_project(
					origin(),
					name("x"),
					Default::default(),
					default_kinds(),
					bad
				),
				Error::<Test>::InvalidPolicy
			);
		}
		let poor = account("Poor");
		assert_noop!(
			Commons::create_project(
				RuntimeOrigin::signed(poor),
				name("x"),
				Default::default(),
				default_kinds(),
				default_rules()
			),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_noop!(
			Commons::create_project(
				RuntimeOrigin::none(),
				name("x"),
				Default::default(),
				default_kinds(),
				default_rules()
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn project_origin_changes_equation_policy_and_maintainers() {
	test(|| {
		let p = create_project(&alice());
		// A non-maintainer is not the project origin.
		assert_noop!(
			Commons::set_value_equation(RuntimeOrigin::signed(bob()), p, default_kinds()),
			DispatchError::BadOrigin
		);
		let mut kinds = default_kinds();
		kinds[0].rate = FixedU128::from_u32(20);
		assert_ok!(Commons::set_value_equation(RuntimeOrigin::signed(alice()), p, kinds.clone()));
		let eq = ValueEquations::<Test>::get(p).unwrap();
		assert_eq!((eq.version, &eq.kinds), (2, &kinds));

		let rules = ReviewRules { optimistic: true, ..default_rules() };
		assert_ok!(Commons::set_review_policy(RuntimeOrigin::root(), p, rules));
		let policy = ReviewPolicies::<Test>::get(p).unwrap();
		assert_eq!((policy.version, policy.rules), (2, rules));

		set_maintainers(p, &[bob(), charlie()]);
		assert_eq!(Projects::<Test>::get(p).unwrap().maintainers.to_vec(), vec![bob(), charlie()]);
		// Alice is no longer a maintainer, so no longer the project origin.
		assert_noop!(
			Commons::set_review_policy(RuntimeOrigin::signed(alice()), p, rules),
			DispatchError::BadOrigin
		);
		assert_eq!(
			commons_events()[1..],
			[
				Event::ValueEquationSet { project: p, version: 2, kinds },
				Event::ReviewPolicySet { project: p, version: 2, rules },
				Event::MaintainersSet {
					project: p,
					maintainers: vec![bob(), charlie()].try_into().unwrap()
				},
			]
		);
	});
}

#[test]
fn project_calls_reject_bad_input() {
	test(|| {
		let p = create_project(&alice());
		let root = RuntimeOrigin::root;
		assert_noop!(
			Commons::set_value_equation(root(), 9, default_kinds()),
			Error::<Test>::UnknownProject
		);
		assert_noop!(
			Commons::set_value_equation(root(), p, Default::default()),
			Error::<Test>::NoKinds
		);
		assert_noop!(
			Commons::set_review_policy(root(), 9, default_rules()),
			Error::<Test>::UnknownProject
		);
		assert_noop!(
			Commons::set_review_policy(
				root(),
				p,
				ReviewRules { min_approvals: 0, ..default_rules() }
			),
			Error::<Test>::InvalidPolicy
		);
		assert_noop!(
			Commons::set_maintainers(root(), p, Default::default()),
			Error::<Test>::NoMaintainers
		);
		assert_noop!(
			Commons::set_maintainers(root(), p, vec![bob(), bob()].try_into().unwrap()),
			Error::<Test>::DuplicateMaintainer
		);
		assert_noop!(
			Commons::set_maintainers(root(), 9, vec![bob()].try_into().unwrap()),
			Error::<Test>::UnknownProject
		);
		assert_noop!(Commons::close_project(root(), 9), Error::<Test>::UnknownProject);
	});
}

#[test]
fn close_project_needs_no_pending_and_keeps_units() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 3);
		assert_noop!(
			Commons::close_project(RuntimeOrigin::signed(alice()), p),
			Error::<Test>::PendingContributions
		);
		approve(&bob(), c, None);
		approve(&charlie(), c, None);
		assert_ok!(Commons::close_project(project_origin(p), p));
		let project = Projects::<Test>::get(p).unwrap();
		assert_eq!(project.status, ProjectStatus::Closed);
		assert_eq!(project.deposit, 0);
		assert_eq!(held(&alice()), 0);
		assert_eq!(free(&alice()), ENDOWMENT - 2 * ED);
		// Units stay recorded.
		assert_eq!(Commons::units_of(p, &dave()), 30);
		assert_noop!(
			Commons::submit_contribution(RuntimeOrigin::signed(dave()), p, 0, 1, evidence("e")),
			Error::<Test>::ProjectClosed
		);
		assert_noop!(
			Commons::close_project(RuntimeOrigin::root(), p),
			Error::<Test>::ProjectClosed
		);
		assert_eq!(commons_events().last(), Some(&Event::ProjectClosed { project: p }));
	});
}
