use super::*;
use crate::{
	review::{decide, lower_median},
	Attestations, Error, Event, Projects,
};
use frame_support::{assert_noop, assert_ok, traits::Get};
use sp_runtime::{ArithmeticError, Perbill};

/// An attestation that decides nothing pays the benchmarked attestation that decides nothing,
/// after the maintainers' attestations it read; one that decides pays the deciding path after
/// those reads; neither more than was charged before dispatch.
#[test]
fn an_attestation_pays_for_what_it_decided() {
	use crate::WeightInfo;
	use frame_support::dispatch::GetDispatchInfo;
	type W = <Test as crate::Config>::WeightInfo;
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 4);
		let call = crate::Call::<Test>::attest {
			contribution: c,
			verdict: Verdict::Approve,
			assessed_quantity: None,
			note: note(""),
		};
		let charged = call.get_dispatch_info().call_weight;
		let max = <Test as crate::Config>::MaxMaintainers::get();
		let reviewers = <Test as crate::Config>::MaxReviewers::get();
		let reads = |n| W::attest_pending(n).saturating_sub(W::attest_pending(0));
		let extra = Commons::acceptance_extra_weight;
		// The heaviest decision: an acceptance minting to `MaxReviewers` approvers and the
		// contributor.
		assert_eq!(charged, W::attest(reviewers) + reads(max) + extra(reviewers + 1));
		// The three maintainers review: counting who may still review reads three attestations.
		let post =
			Commons::attest(RuntimeOrigin::signed(bob()), c, Verdict::Approve, None, note(""))
				.unwrap();
		assert_eq!(status(c), ContributionStatus::Pending);
		assert_eq!(post.actual_weight, Some(W::attest_pending(3)));
		assert!(
			W::attest_pending(3).ref_time() < charged.ref_time(),
			"a pending attestation pays less"
		);
		let post =
			Commons::attest(RuntimeOrigin::signed(charlie()), c, Verdict::Approve, None, note(""))
				.unwrap();
		assert!(matches!(status(c), ContributionStatus::Accepted { .. }));
		// Accepted with two approvals: minted to them and the contributor.
		assert_eq!(post.actual_weight, Some(W::attest(2) + reads(3) + extra(3)));
		assert!(post.actual_weight.unwrap().all_lte(charged));
	});
}

#[test]
fn accepted_when_minimum_and_threshold_are_reached() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 4);
		approve(&bob(), c, None);
		assert_eq!(status(c), ContributionStatus::Pending);
		assert_eq!(held(&dave()), CONTRIBUTION_DEPOSIT);
		approve(&charlie(), c, None);
		// 4 hours × 10 = 40 units; reward 10% = 4, shared by two approvers: 2 each.
		assert_eq!(
			status(c),
			ContributionStatus::Accepted {
				assessed: 4,
				units: 40,
				reviewer_units: 4,
				equation_version: 1
			}
		);
		assert_eq!(Commons::units_of(p, &dave()), 40);
		assert_eq!(Commons::units_of(p, &bob()), 2);
		assert_eq!(Commons::units_of(p, &charlie()), 2);
		assert_eq!(Projects::<Test>::get(p).unwrap().total_units, 44);
		// The record's deposit stays held; three new holdings were paid for.
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
		assert_eq!(free(&dave()), ENDOWMENT - RECORD_DEPOSIT - 3 * HOLDING_FEE);
		assert!(commons_events().contains(&Event::ContributionAccepted {
			contribution: c,
			assessed: 4,
			units: 40,
			reviewer_units: 4,
			equation_version: 1
		}));
	});
}

#[test]
fn rejected_as_soon_as_the_threshold_is_unreachable() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 4);
		// One rejection: two approvals of three would still reach 2/3.
		reject(&bob(), c);
		assert_eq!(status(c), ContributionStatus::Pending);
		// Two rejections: at most one approval remains possible.
		reject(&charlie(), c);
		assert_eq!(status(c), ContributionStatus::Rejected);
		let treasury = Commons::treasury_account(p);
		assert_eq!(free(&treasury), ED + FORFEIT);
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
		assert_eq!(free(&dave()), ENDOWMENT - CONTRIBUTION_DEPOSIT);
		assert_eq!(Commons::units_of(p, &dave()), 0);
		assert_eq!(
			commons_events().last(),
			Some(&Event::ContributionRejected { contribution: c, forfeited: FORFEIT })
		);
	});
}

#[test]
fn mixed_verdicts_accept_once_the_ratio_holds() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 1);
		approve(&bob(), c, None);
		reject(&charlie(), c);
		assert_eq!(status(c), ContributionStatus::Pending);
		approve(&alice(), c, None);
		// 2 of 3 verdicts approve: exactly the threshold.
		assert!(matches!(status(c), ContributionStatus::Accepted { units: 10, .. }));
		// Only the approvers share the reward: 10% of 10 = 1, halved and rounded down = 0.
		assert_eq!(Commons::units_of(p, &charlie()), 0);
	});
}

#[test]
fn assessed_quantity_is_the_lower_median_of_approvals() {
	test(|| {
		let rules = ReviewRules {
			reviewers: ReviewerSet::Anyone,
			min_approvals: 4,
			reviewer_reward: Perbill::from_percent(10),
			..default_rules()
		};
		let p = create_project_with(&alice(), rules);
		let c = submit(&dave(), p, 0, 10);
		approve(&eve(), c, Some(5));
		approve(&ferdie(), c, Some(3));
		approve(&bob(), c, Some(8));
		approve(&charlie(), c, Some(4));
		// Sorted 3, 4, 5, 8: the lower median is 4; 4 × 10 = 40 units, reward 4 / 4 = 1 each.
		assert_eq!(
			status(c),
			ContributionStatus::Accepted {
				assessed: 4,
				units: 40,
				reviewer_units: 4,
				equation_version: 1
			}
		);
		for r in [eve(), ferdie(), bob(), charlie()] {
			assert_eq!(Commons::units_of(p, &r), 1);
		}
	});
}

#[test]
fn an_approval_without_assessment_assesses_the_claim() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 1, 10);
		approve(&bob(), c, None);
		approve(&charlie(), c, Some(2));
		// 10 and 2: lower median 2; money at 1.5 units each: 3 units.
		assert!(matches!(status(c), ContributionStatus::Accepted { assessed: 2, units: 3, .. }));
	});
}

#[test]
fn outcome_rules_table() {
	let rules = |n, t| ReviewRules {
		reviewers: ReviewerSet::Anyone,
		min_approvals: n,
		threshold: Perbill::from_percent(t),
		review_period: 1u64,
		optimistic: false,
		reviewer_reward: Perbill::zero(),
	};
	// (approvals, rejections, reviewers who may still attest, N, threshold %) → decision
	let cases = [
		(2, 0, 3, 2, 50, Decision::Accept),
		(1, 0, 4, 2, 50, Decision::Undecided),
		(2, 1, 2, 2, 67, Decision::Undecided),
		(2, 1, 2, 2, 66, Decision::Accept),
		(0, 2, 1, 2, 67, Decision::Reject),
		(0, 1, 2, 2, 66, Decision::Undecided),
		(0, 1, 2, 2, 67, Decision::Reject),
		(0, 1, 4, 1, 100, Decision::Reject),
		(3, 3, 4, 3, 60, Decision::Undecided),
		(0, 4, 1, 2, 50, Decision::Reject),
		(1, 0, 0, 2, 50, Decision::Undecided),
	];
	for (a, r, m, n, t, expected) in cases {
		assert_eq!(decide(a, r, m, &rules(n, t)), expected, "a={a} r={r} m={m} n={n} t={t}");
	}
	assert_eq!(lower_median(vec![7]), Some(7));
	assert_eq!(lower_median(vec![9, 1, 5]), Some(5));
	assert_eq!(lower_median(Vec::<u128>::new()), None);
}

#[test]
fn finalize_accepts_optimistically_or_rejects_what_was_objected_to() {
	test(|| {
		let optimistic = ReviewRules { optimistic: true, ..default_rules() };
		let p = create_project_with(&alice(), optimistic);
		let quiet = submit(&dave(), p, 0, 3);
		let objected = submit(&eve(), p, 0, 3);
		set_maintainers(p, &[alice(), bob(), charlie()]);
		reject(&bob(), objected);
		assert_noop!(
			Commons::finalize(RuntimeOrigin::signed(ferdie()), quiet),
			Error::<Test>::ReviewOngoing
		);
		run_to(1 + REVIEW_PERIOD);
		// Reviews close when the period ends.
		assert_noop!(
			Commons::attest(
				RuntimeOrigin::signed(alice()),
				quiet,
				Verdict::Approve,
				None,
				note("")
			),
			Error::<Test>::ReviewClosed
		);
		assert_ok!(Commons::finalize(RuntimeOrigin::signed(ferdie()), quiet));
		// Nobody approved: the claim is credited, and no reviewer reward.
		assert_eq!(
			status(quiet),
			ContributionStatus::Accepted {
				assessed: 3,
				units: 30,
				reviewer_units: 0,
				equation_version: 1
			}
		);
		assert_eq!(Commons::units_of(p, &dave()), 30);
		// The one verdict on it was a rejection: rejected, its deposit forfeit.
		assert_ok!(Commons::finalize(RuntimeOrigin::signed(ferdie()), objected));
		assert_eq!(status(objected), ContributionStatus::Rejected);
		assert_eq!(held(&eve()), RECORD_DEPOSIT);
		assert_eq!(free(&eve()), ENDOWMENT - CONTRIBUTION_DEPOSIT);
		assert_eq!(
			commons_events().last(),
			Some(&Event::ContributionRejected { contribution: objected, forfeited: FORFEIT })
		);
		assert_noop!(
			Commons::finalize(RuntimeOrigin::signed(ferdie()), quiet),
			Error::<Test>::NotPending
		);
		assert_noop!(
			Commons::finalize(RuntimeOrigin::signed(ferdie()), 99),
			Error::<Test>::UnknownContribution
		);
	});
}

#[test]
fn finalize_expires_without_optimism() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 3);
		approve(&bob(), c, None);
		run_to(1 + REVIEW_PERIOD);
		assert_ok!(Commons::finalize(RuntimeOrigin::signed(dave()), c));
		assert_eq!(status(c), ContributionStatus::Expired);
		assert_eq!(Commons::units_of(p, &dave()), 0);
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
	});
}

#[test]
fn attest_rejects_bad_input() {
	test(|| {
		let p = create_project(&alice());
		let c = submit(&dave(), p, 0, 5);
		let attest = |who: AccountId, id, q| {
			Commons::attest(RuntimeOrigin::signed(who), id, Verdict::Approve, q, note(""))
		};
		assert_noop!(attest(alice(), 42, None), Error::<Test>::UnknownContribution);
		assert_noop!(attest(dave(), c, None), Error::<Test>::SelfReview);
		assert_noop!(attest(eve(), c, None), Error::<Test>::NotAllowedToReview);
		assert_noop!(attest(alice(), c, Some(0)), Error::<Test>::BadAssessment);
		assert_noop!(attest(alice(), c, Some(6)), Error::<Test>::BadAssessment);
		assert_ok!(attest(alice(), c, Some(5)));
		assert_noop!(attest(alice(), c, None), Error::<Test>::AlreadyAttested);
		assert_noop!(
			Commons::attest(RuntimeOrigin::none(), c, Verdict::Approve, None, note("")),
			sp_runtime::DispatchError::BadOrigin
		);
		let a = Attestations::<Test>::get(c, alice()).unwrap();
		assert_eq!((a.verdict, a.assessed_quantity, a.relayed), (Verdict::Approve, Some(5), false));
		// Decided contributions take no more reviews.
		assert_ok!(Commons::withdraw_contribution(RuntimeOrigin::signed(dave()), c));
		set_maintainers(p, &[alice(), bob()]);
		assert_noop!(attest(bob(), c, None), Error::<Test>::ReviewClosed);
	});
}

#[test]
fn holders_policy_lets_holders_review_and_maintainers_always() {
	test(|| {
		let p = project_with_three_maintainers();
		let first = submit(&dave(), p, 0, 1);
		approve(&bob(), first, None);
		approve(&charlie(), first, None);
		let holders = ReviewRules { reviewers: ReviewerSet::Holders, ..default_rules() };
		assert_ok!(Commons::set_review_policy(RuntimeOrigin::root(), p, holders));
		let c = submit(&eve(), p, 0, 1);
		// Dave holds units; Ferdie holds none; Alice holds none but is a maintainer.
		assert_noop!(
			Commons::attest(RuntimeOrigin::signed(ferdie()), c, Verdict::Approve, None, note("")),
			Error::<Test>::NotAllowedToReview
		);
		approve(&dave(), c, None);
		approve(&alice(), c, None);
		assert!(matches!(status(c), ContributionStatus::Accepted { .. }));
	});
}

#[test]
fn pending_contributions_keep_the_rules_they_were_submitted_under() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 1);
		let one = ReviewRules { min_approvals: 1, ..default_rules() };
		assert_ok!(Commons::set_review_policy(RuntimeOrigin::root(), p, one));
		approve(&bob(), c, None);
		// Submitted under "two approvals": still pending.
		assert_eq!(status(c), ContributionStatus::Pending);
		let later = submit(&dave(), p, 0, 1);
		approve(&bob(), later, None);
		assert!(matches!(status(later), ContributionStatus::Accepted { .. }));
	});
}

#[test]
fn accepted_units_use_the_current_equation_version() {
	test(|| {
		let p = project_with_three_maintainers();
		let mut kinds = default_kinds();
		kinds[0].rate = sp_runtime::FixedU128::from_u32(25);
		assert_ok!(Commons::set_value_equation(RuntimeOrigin::root(), p, kinds));
		let c = submit(&dave(), p, 0, 2);
		approve(&bob(), c, None);
		approve(&charlie(), c, None);
		assert_eq!(
			status(c),
			ContributionStatus::Accepted {
				assessed: 2,
				units: 50,
				reviewer_units: 4,
				equation_version: 2
			}
		);
	});
}

#[test]
fn contributions_are_valued_under_the_equation_of_their_submission() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 2);
		let mut kinds = default_kinds();
		kinds[0].rate = sp_runtime::FixedU128::from_u32(99);
		kinds.truncate(1);
		assert_ok!(Commons::set_value_equation(RuntimeOrigin::root(), p, kinds));
		approve(&bob(), c, None);
		approve(&charlie(), c, None);
		assert_eq!(
			status(c),
			ContributionStatus::Accepted {
				assessed: 2,
				units: 20,
				reviewer_units: 2,
				equation_version: 1
			}
		);
		// Kind 1 no longer exists for new contributions.
		assert_noop!(
			Commons::submit_contribution(RuntimeOrigin::signed(dave()), p, 1, 1, evidence("e")),
			Error::<Test>::UnknownKind
		);
	});
}

#[test]
fn a_claim_too_large_to_value_is_refused() {
	test(|| {
		let p = create_project(&alice());
		assert_noop!(
			Commons::submit_contribution(
				RuntimeOrigin::signed(dave()),
				p,
				0,
				u128::MAX,
				evidence("e")
			),
			ArithmeticError::Overflow
		);
	});
}

#[test]
fn verdicts_of_removed_maintainers_do_not_shrink_the_remaining_reviewers() {
	test(|| {
		let p = create_project(&alice());
		set_maintainers(p, &[alice(), bob(), charlie(), eve()]);
		let rules = ReviewRules {
			min_approvals: 3,
			threshold: Perbill::from_percent(75),
			..default_rules()
		};
		assert_ok!(Commons::set_review_policy(RuntimeOrigin::root(), p, rules));
		let c = submit(&dave(), p, 0, 1);
		reject(&alice(), c);
		set_maintainers(p, &[bob(), charlie(), eve()]);
		approve(&bob(), c, None);
		// Charlie and Eve may still approve: 3 of 4 would reach 75%.
		assert_eq!(status(c), ContributionStatus::Pending);
		approve(&charlie(), c, None);
		approve(&eve(), c, None);
		assert!(matches!(status(c), ContributionStatus::Accepted { .. }));
	});
}

/// A finalization pays for what it decided: an acceptance for the approvers it minted to, a
/// rejection or an expiry the benchmarked rejection; never more than was charged.
#[test]
fn a_finalization_pays_for_what_it_decided() {
	use crate::WeightInfo;
	use frame_support::dispatch::GetDispatchInfo;
	type W = <Test as crate::Config>::WeightInfo;
	test(|| {
		let optimistic = ReviewRules { optimistic: true, ..default_rules() };
		let p = create_project_with(&alice(), optimistic);
		let approved = submit(&dave(), p, 0, 3);
		let objected = submit(&eve(), p, 0, 3);
		set_maintainers(p, &[alice(), bob(), charlie()]);
		approve(&bob(), approved, None);
		reject(&bob(), objected);
		let charged = crate::Call::<Test>::finalize { contribution: approved }
			.get_dispatch_info()
			.call_weight;
		let reviewers = <Test as crate::Config>::MaxReviewers::get();
		assert_eq!(
			charged,
			(W::finalize(reviewers - 1) + Commons::acceptance_extra_weight(reviewers))
				.max(W::finalize_unaccepted())
		);
		run_to(1 + REVIEW_PERIOD);

		let post = Commons::finalize(RuntimeOrigin::signed(ferdie()), approved).unwrap();
		assert!(matches!(status(approved), ContributionStatus::Accepted { units: 30, .. }));
		// One approver and the contributor minted to.
		let accepted = W::finalize(1) + Commons::acceptance_extra_weight(2);
		assert_eq!(post.actual_weight, Some(accepted));
		assert!(accepted.all_lte(charged));
		assert!(accepted.ref_time() < charged.ref_time(), "two accounts cost less than sixteen");

		let post = Commons::finalize(RuntimeOrigin::signed(ferdie()), objected).unwrap();
		assert_eq!(status(objected), ContributionStatus::Rejected);
		assert_eq!(post.actual_weight, Some(W::finalize_unaccepted()));
		assert!(W::finalize_unaccepted().all_lte(charged));
		// Refused before it does anything: charged in full (no post-dispatch weight).
		assert_noop!(
			Commons::finalize(RuntimeOrigin::signed(ferdie()), objected),
			Error::<Test>::NotPending
		);
	});
}
