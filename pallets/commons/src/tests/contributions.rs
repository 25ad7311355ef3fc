use super::*;
use crate::{Contributions, Error, Event, PendingContributions, Projects};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn submit_holds_deposit_and_indexes_pending() {
	test(|| {
		let p = create_project(&alice());
		let c = submit(&dave(), p, 1, 250);
		let rec = Contributions::<Test>::get(c).unwrap();
		assert_eq!(rec.contributor, dave());
		assert_eq!(rec.depositor, dave());
		assert_eq!((rec.kind, rec.quantity, rec.deposit), (1, 250, CONTRIBUTION_DEPOSIT));
		assert_eq!(rec.status, ContributionStatus::Pending);
		assert_eq!(rec.policy.version, 1);
		assert_eq!(rec.review_ends(), 1 + REVIEW_PERIOD);
		assert!(PendingContributions::<Test>::contains_key(p, c));
		assert_eq!(Projects::<Test>::get(p).unwrap().pending, 1);
		assert_eq!(held(&dave()), CONTRIBUTION_DEPOSIT);
		assert_eq!(
			commons_events().last(),
			Some(&Event::ContributionSubmitted {
				contribution: c,
				project: p,
				contributor: dave(),
				kind: 1,
				quantity: 250,
				depositor: dave(),
			})
		);
	});
}

#[test]
fn submit_rejects_bad_input() {
	test(|| {
		let p = create_project(&alice());
		let signed = || RuntimeOrigin::signed(dave());
		assert_noop!(
			Commons::submit_contribution(signed(), 7, 0, 1, evidence("e")),
			Error::<Test>::UnknownProject
		);
		assert_noop!(
			Commons::submit_contribution(signed(), p, 2, 1, evidence("e")),
			Error::<Test>::UnknownKind
		);
		assert_noop!(
			Commons::submit_contribution(signed(), p, 0, 0, evidence("e")),
			Error::<Test>::ZeroQuantity
		);
		assert_noop!(
			Commons::submit_contribution(
				RuntimeOrigin::signed(account("Poor")),
				p,
				0,
				1,
				evidence("e")
			),
			sp_runtime::TokenError::FundsUnavailable
		);
		assert_noop!(
			Commons::submit_contribution(RuntimeOrigin::none(), p, 0, 1, evidence("e")),
			DispatchError::BadOrigin
		);
		// Evidence longer than the bound does not even decode into the call.
		let long: Result<EvidenceOf<Test>, _> = vec![0u8; 33].try_into();
		assert!(long.is_err());
	});
}

#[test]
fn contributor_withdraws_pending_contribution() {
	test(|| {
		let p = create_project(&alice());
		let c = submit(&dave(), p, 0, 2);
		assert_noop!(
			Commons::withdraw_contribution(RuntimeOrigin::signed(eve()), c),
			Error::<Test>::NotContributor
		);
		assert_noop!(
			Commons::withdraw_contribution(RuntimeOrigin::signed(dave()), 9),
			Error::<Test>::UnknownContribution
		);
		assert_ok!(Commons::withdraw_contribution(RuntimeOrigin::signed(dave()), c));
		assert_eq!(status(c), ContributionStatus::Withdrawn);
		// The deposit comes back, but for what backs the record until it is removed.
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
		assert_eq!(free(&dave()), ENDOWMENT - RECORD_DEPOSIT);
		assert!(!PendingContributions::<Test>::contains_key(p, c));
		assert_eq!(Projects::<Test>::get(p).unwrap().pending, 0);
		assert_eq!(
			commons_events().last(),
			Some(&Event::ContributionWithdrawn { contribution: c })
		);
		assert_noop!(
			Commons::withdraw_contribution(RuntimeOrigin::signed(dave()), c),
			Error::<Test>::NotPending
		);
	});
}

#[test]
fn decided_records_are_removed_after_retention() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 2);
		assert_noop!(
			Commons::remove_contribution(RuntimeOrigin::signed(eve()), c),
			Error::<Test>::NotRemovable
		);
		approve(&bob(), c, None);
		approve(&charlie(), c, None);
		assert_eq!(crate::Attestations::<Test>::iter_prefix(c).count(), 2);
		run_to(1 + RETENTION - 1);
		assert_noop!(
			Commons::remove_contribution(RuntimeOrigin::signed(eve()), c),
			Error::<Test>::NotRemovable
		);
		run_to(1 + RETENTION);
		// Its depositor first; anyone else a retention later.
		assert_noop!(
			Commons::remove_contribution(RuntimeOrigin::signed(eve()), c),
			Error::<Test>::NotRemovable
		);
		assert_ok!(Commons::remove_contribution(RuntimeOrigin::signed(dave()), c));
		assert!(Contributions::<Test>::get(c).is_none());
		assert_eq!(crate::Attestations::<Test>::iter_prefix(c).count(), 0);
		// What was minted stays minted.
		assert_eq!(Commons::units_of(p, &dave()), 20);
		assert_eq!(commons_events().last(), Some(&Event::ContributionRemoved { contribution: c }));
		assert_noop!(
			Commons::remove_contribution(RuntimeOrigin::signed(eve()), c),
			Error::<Test>::UnknownContribution
		);
	});
}
