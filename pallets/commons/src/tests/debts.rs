//! Claim kinds, ordered income buckets and debts: money and materials paid back first.

use super::*;
use crate::{DebtLedgers, Debts, Error, Event, IncomeStates};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{FixedU128, Perbill};

fn label(s: &str) -> LabelOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn kind(
	name: &str,
	rate: u32,
	max_rate: Option<u32>,
	claim: ClaimKind<Balance>,
) -> ContributionKind<LabelOf<Test>, Balance> {
	ContributionKind {
		name: label(name),
		unit: label("u"),
		rate: FixedU128::from_u32(rate),
		max_rate: max_rate.map(FixedU128::from_u32),
		claim,
	}
}

/// Work (equity, 10 to 20 units an hour), materials (reimbursable at 1 planck a unit, no
/// units) and a bounty (one-time, 5 planck a unit, and one unit each).
fn sensorica_kinds() -> KindsOf<Test> {
	vec![
		kind("work", 10, Some(20), ClaimKind::Equity),
		kind("material", 0, None, ClaimKind::Reimbursable { price: 1 }),
		kind("bounty", 1, None, ClaimKind::OneTime { price: 5 }),
	]
	.try_into()
	.unwrap()
}

const WORK: KindIndex = 0;
const MATERIAL: KindIndex = 1;
const BOUNTY: KindIndex = 2;

/// A project maintained by Alice, Bob and Charlie with the kinds above, and no reviewers'
/// reward (so that the contributors' shares are round).
fn project() -> ProjectId {
	let p = project_with_three_maintainers();
	assert_ok!(Commons::set_value_equation(project_origin(p), p, sensorica_kinds()));
	set_reward(p, 0);
	p
}

fn set_reward(p: ProjectId, percent: u32) {
	let rules = ReviewRules { reviewer_reward: Perbill::from_percent(percent), ..default_rules() };
	assert_ok!(Commons::set_review_policy(project_origin(p), p, rules));
}

fn buckets(list: &[(BucketTarget, u32)]) -> BucketsOf<Test> {
	list.iter()
		.map(|(to, percent)| Bucket { to: *to, share: Perbill::from_percent(*percent) })
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

fn set_buckets(p: ProjectId, list: &[(BucketTarget, u32)]) {
	assert_ok!(Commons::set_income_buckets(project_origin(p), p, buckets(list)));
}

/// Logs a contribution by `who` and has Bob and Charlie approve it.
fn accepted(who: &AccountId, p: ProjectId, kind: KindIndex, quantity: Quantity) -> ContributionId {
	let id = submit(who, p, kind, quantity);
	approve(&bob(), id, None);
	approve(&charlie(), id, None);
	assert!(matches!(status(id), ContributionStatus::Accepted { .. }));
	id
}

fn pay(p: ProjectId, amount: Balance) {
	assert_ok!(Commons::pay_income(RuntimeOrigin::signed(ferdie()), p, amount));
}

fn claimable(who: &AccountId, id: ContributionId) -> Balance {
	let d = Debts::<Test>::get(who, id).unwrap();
	Commons::repaid_of(&d, &DebtLedgers::<Test>::get(d.project)) - d.claimed
}

fn last_split() -> (Balance, Balance, Balance, Balance) {
	commons_events()
		.into_iter()
		.rev()
		.find_map(|e| match e {
			Event::IncomePaid { to_holders, to_treasury, to_upstream, to_debts, .. } => {
				Some((to_treasury, to_upstream, to_debts, to_holders))
			},
			_ => None,
		})
		.unwrap()
}

#[test]
fn materials_are_paid_back_across_three_payments_before_the_work_is_shared() {
	test(|| {
		let p = project();
		set_buckets(p, &[(BucketTarget::Debts, 60)]);
		let work = accepted(&dave(), p, WORK, 3);
		assert_eq!(crate::Holdings::<Test>::get(p, dave()).unwrap().units, 30);
		let materials = accepted(&eve(), p, MATERIAL, 1_500);
		// Eve is owed 1 500 and holds no units.
		assert!(commons_events().contains(&Event::DebtRecorded {
			project: p,
			contribution: materials,
			creditor: eve(),
			amount: 1_500,
			asset: None,
		}));
		assert!(crate::Holdings::<Test>::get(p, eve()).is_none());
		assert_eq!(DebtLedgers::<Test>::get(p), DebtLedger { owed: 1_500, repaid: 0, claimed: 0 });

		// First and second payments: 60% to the debt.
		pay(p, 1_000);
		assert_eq!(last_split(), (0, 0, 600, 400));
		pay(p, 1_000);
		assert_eq!(last_split(), (0, 0, 600, 400));
		assert_eq!(claimable(&eve(), materials), 1_200);
		// Eve takes what is repaid so far.
		let before = free(&eve());
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(alice()), materials));
		assert_eq!(free(&eve()), before + 1_200);
		assert_eq!(Debts::<Test>::get(eve(), materials).unwrap().claimed, 1_200);
		// Third: 300 ends the debt, the rest of the bucket falls through to the holders.
		pay(p, 1_000);
		assert_eq!(last_split(), (0, 0, 300, 700));
		assert_eq!(Commons::pending_income(p, &dave()), 400 + 400 + 700);
		// Nothing more to the debts: they are paid.
		pay(p, 1_000);
		assert_eq!(last_split(), (0, 0, 0, 1_000));

		// Until it is claimed, the record that backs the debt stays.
		run_to(100);
		assert_noop!(
			Commons::remove_contribution(RuntimeOrigin::signed(eve()), materials),
			Error::<Test>::DebtOutstanding
		);
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(eve()), materials));
		assert_eq!(free(&eve()), before + 1_500);
		assert!(commons_events().contains(&Event::DebtSettled { contribution: materials }));
		assert!(Debts::<Test>::get(eve(), materials).is_none());
		assert_eq!(
			DebtLedgers::<Test>::get(p),
			DebtLedger { owed: 1_500, repaid: 1_500, claimed: 1_500 }
		);
		assert_noop!(
			Commons::claim_debt(RuntimeOrigin::signed(eve()), materials),
			Error::<Test>::NoDebt
		);
		assert_ok!(Commons::remove_contribution(RuntimeOrigin::signed(eve()), materials));
		assert_ok!(Commons::remove_contribution(RuntimeOrigin::signed(dave()), work));
	});
}

#[test]
fn debts_are_repaid_oldest_first_at_constant_cost() {
	test(|| {
		let p = project();
		set_buckets(p, &[(BucketTarget::Debts, 100)]);
		let first = accepted(&eve(), p, MATERIAL, 500);
		let second = accepted(&dave(), p, MATERIAL, 500);
		assert_eq!(Debts::<Test>::get(dave(), second).unwrap().start, 500);
		assert_noop!(
			Commons::claim_debt(RuntimeOrigin::signed(dave()), second),
			Error::<Test>::NothingToClaim
		);
		// Without holders the rest goes to the treasury.
		pay(p, 600);
		assert_eq!(last_split(), (0, 0, 600, 0));
		assert_eq!(claimable(&eve(), first), 500);
		assert_eq!(claimable(&dave(), second), 100);
		let views = Commons::debts_of(p, &dave());
		assert_eq!(views.len(), 1);
		assert_eq!(
			(views[0].contribution, views[0].repaid, views[0].claimable),
			(second, 100, 100)
		);
		// More than is owed: the rest goes on (to the treasury, with no holders).
		let treasury = free(&Commons::treasury_account(p));
		pay(p, 1_000);
		assert_eq!(last_split(), (600, 0, 400, 0));
		assert_eq!(free(&Commons::treasury_account(p)), treasury + 600);
		assert_eq!(claimable(&dave(), second), 500);
	});
}

#[test]
fn a_bucket_with_nothing_to_pay_falls_through_to_the_next() {
	test(|| {
		let upstream = create_project(&bob());
		assert_ok!(Commons::mint(upstream, &eve(), 1));
		let closed = create_project(&bob());
		assert_ok!(Commons::mint(closed, &eve(), 1));
		assert_ok!(Commons::close_project(project_origin(closed), closed));
		let p = project();
		assert_ok!(Commons::mint(p, &dave(), 1));
		// No debts: their 50% goes to the treasury after them; the closed upstream's 10% to
		// the open one; the open one's 10% as well.
		set_buckets(
			p,
			&[
				(BucketTarget::Debts, 50),
				(BucketTarget::Treasury, 10),
				(BucketTarget::Upstream(closed), 10),
				(BucketTarget::Upstream(upstream), 10),
			],
		);
		let preview = Commons::preview_payment(p, 1_000).unwrap();
		pay(p, 1_000);
		assert_eq!(last_split(), (600, 200, 0, 200));
		assert_eq!(
			preview,
			IncomeSplit { treasury: 600, upstream: vec![(upstream, 200)], debts: 0, holders: 200 }
		);
		assert_ok!(Commons::forward_income(RuntimeOrigin::signed(ferdie()), upstream));
		assert_eq!(Commons::pending_income(upstream, &eve()), 200);
		assert_eq!(Commons::pending_income(p, &dave()), 200);
		// Rounding goes to the holders: 7 planck in shares of 50/10/10/10%.
		pay(p, 7);
		assert_eq!(last_split(), (3, 0, 0, 4));
	});
}

#[test]
fn a_one_time_bounty_is_paid_from_the_treasury_or_owed() {
	test(|| {
		let p = project();
		// An empty treasury (its existential deposit apart): the bounty is owed.
		let owed = accepted(&dave(), p, BOUNTY, 10);
		assert!(commons_events().contains(&Event::DebtRecorded {
			project: p,
			contribution: owed,
			creditor: dave(),
			amount: 50,
			asset: None,
		}));
		assert_eq!(crate::Holdings::<Test>::get(p, dave()).unwrap().units, 10);
		// A funded treasury pays at acceptance.
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
			&ferdie(),
			&Commons::treasury_account(p),
			1_000,
			frame_support::traits::tokens::Preservation::Preserve,
		));
		assert_eq!(Commons::preview_contribution(p, BOUNTY, 20).unwrap().paid, 100);
		let before = free(&eve());
		let paid = accepted(&eve(), p, BOUNTY, 20);
		// The bounty, less the record's deposit and the fee of Eve's new holding.
		assert_eq!(free(&eve()), before + 100 - RECORD_DEPOSIT - HOLDING_FEE);
		assert!(commons_events().contains(&Event::BountyPaid {
			project: p,
			contribution: paid,
			to: eve(),
			amount: 100,
			asset: None,
		}));
		assert!(Debts::<Test>::get(eve(), paid).is_none());
		assert_eq!(free(&Commons::treasury_account(p)), ED + 900);
		// More than the treasury holds: owed in full, the treasury untouched.
		let big = accepted(&eve(), p, BOUNTY, 200);
		assert_eq!(Debts::<Test>::get(eve(), big).unwrap().amount, 1_000);
		assert_eq!(free(&Commons::treasury_account(p)), ED + 900);
	});
}

#[test]
fn reviewers_assess_the_rate_within_the_kinds_range() {
	test(|| {
		let p = project();
		let id = submit(&dave(), p, WORK, 2);
		let assess = |who: &AccountId, rate: u32| {
			Commons::attest_assessing(
				RuntimeOrigin::signed(who.clone()),
				id,
				Verdict::Approve,
				None,
				Some(FixedU128::from_u32(rate)),
				note("ok"),
			)
		};
		assert_noop!(assess(&bob(), 21), Error::<Test>::BadRateAssessment);
		assert_noop!(assess(&bob(), 9), Error::<Test>::BadRateAssessment);
		assert_ok!(assess(&bob(), 18));
		assert_ok!(assess(&charlie(), 14));
		// The lower median of 14 and 18: 14 units an hour.
		assert_eq!(crate::Holdings::<Test>::get(p, dave()).unwrap().units, 28);
		// An approval without a rate assesses the lowest: the lower median of 10 and 18.
		let other = submit(&eve(), p, WORK, 2);
		approve(&bob(), other, None);
		assert_ok!(Commons::attest_assessing(
			RuntimeOrigin::signed(charlie()),
			other,
			Verdict::Approve,
			None,
			Some(FixedU128::from_u32(18)),
			note("ok"),
		));
		assert_eq!(crate::Holdings::<Test>::get(p, eve()).unwrap().units, 20);
		// A fixed rate admits only itself.
		let fixed = submit(&eve(), p, BOUNTY, 1);
		assert_noop!(
			Commons::attest_assessing(
				RuntimeOrigin::signed(bob()),
				fixed,
				Verdict::Approve,
				None,
				Some(FixedU128::from_u32(2)),
				note("ok"),
			),
			Error::<Test>::BadRateAssessment
		);
	});
}

#[test]
fn bad_kinds_and_buckets_are_refused() {
	test(|| {
		let p = project();
		let set = |kinds: Vec<ContributionKind<LabelOf<Test>, Balance>>| {
			Commons::set_value_equation(project_origin(p), p, kinds.try_into().unwrap())
		};
		assert_noop!(set(vec![kind("w", 0, None, ClaimKind::Equity)]), Error::<Test>::ZeroRate);
		assert_noop!(
			set(vec![kind("m", 0, None, ClaimKind::Reimbursable { price: 0 })]),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(
			set(vec![kind("b", 1, None, ClaimKind::OneTime { price: 0 })]),
			Error::<Test>::ZeroPrice
		);
		assert_noop!(
			set(vec![kind("w", 10, Some(10), ClaimKind::Equity)]),
			Error::<Test>::InvalidRateRange
		);
		assert_noop!(
			set(vec![kind("w", 10, Some(5), ClaimKind::Equity)]),
			Error::<Test>::InvalidRateRange
		);

		let upstream = create_project(&bob());
		let try_set = |list: &[(BucketTarget, u32)]| {
			Commons::set_income_buckets(project_origin(p), p, buckets(list))
		};
		use BucketTarget::*;
		for bad in [
			&[(Treasury, 60), (Debts, 41)][..],
			&[(Treasury, 10), (Treasury, 10)],
			&[(Debts, 10), (Debts, 10)],
			&[(Upstream(upstream), 10), (Upstream(upstream), 10)],
			&[(Upstream(p), 10)],
			&[(Treasury, 0)],
		] {
			assert_noop!(try_set(bad), Error::<Test>::InvalidIncomePolicy);
		}
		assert_noop!(try_set(&[(Upstream(99), 10)]), Error::<Test>::UnknownProject);
		// Only the project's vote sets them.
		assert_noop!(
			Commons::set_income_buckets(RuntimeOrigin::signed(dave()), p, buckets(&[(Debts, 10)])),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(try_set(&[(Treasury, 60), (Debts, 40)]));
		assert_eq!(crate::IncomePolicies::<Test>::get(p).unwrap().version, 1);
		assert_ok!(try_set(&[(Debts, 40)]));
		assert_eq!(crate::IncomePolicies::<Test>::get(p).unwrap().version, 2);
	});
}

#[test]
fn a_contribution_keeps_the_terms_it_was_submitted_under() {
	test(|| {
		let p = project();
		let id = submit(&eve(), p, MATERIAL, 100);
		// The price doubles before it is reviewed.
		let mut kinds = sensorica_kinds();
		kinds[MATERIAL as usize].claim = ClaimKind::Reimbursable { price: 2 };
		assert_ok!(Commons::set_value_equation(project_origin(p), p, kinds));
		approve(&bob(), id, None);
		approve(&charlie(), id, None);
		assert_eq!(Debts::<Test>::get(eve(), id).unwrap().amount, 100);
		// Assessed down, the debt is the credited quantity times the price.
		let later = submit(&eve(), p, MATERIAL, 100);
		approve(&bob(), later, Some(40));
		approve(&charlie(), later, Some(60));
		assert_eq!(Debts::<Test>::get(eve(), later).unwrap().amount, 80);
	});
}

#[test]
fn a_revoked_debt_is_owed_to_the_treasury_and_forgiven_once_the_queue_reaches_it() {
	test(|| {
		let p = project();
		set_buckets(p, &[(BucketTarget::Debts, 50)]);
		assert_ok!(Commons::mint(p, &dave(), 1));
		// A fraudulent claim of 400 heads the queue; an honest one of 100 waits behind it.
		let fraud = accepted(&eve(), p, MATERIAL, 400);
		let honest = accepted(&ferdie(), p, MATERIAL, 100);
		pay(p, 200);
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(eve()), fraud));
		assert_eq!(Debts::<Test>::get(eve(), fraud).unwrap().claimed, 100);
		// Revoked: what Eve claimed stays hers, the rest of her claim is forgiven at once (the
		// queue had reached it), and the honest debt is repaid next.
		assert_ok!(Commons::revoke_contribution(project_origin(p), fraud));
		assert!(commons_events().contains(&Event::DebtForgiven {
			contribution: fraud,
			amount: 300,
			asset: None
		}));
		assert!(commons_events().contains(&Event::DebtSettled { contribution: fraud }));
		assert!(Debts::<Test>::get(eve(), fraud).is_none());
		assert_eq!(
			DebtLedgers::<Test>::get(p),
			DebtLedger { owed: 500, repaid: 400, claimed: 400 }
		);
		pay(p, 1_000);
		assert_eq!(last_split(), (0, 0, 100, 900));
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(ferdie()), honest));
		assert!(Debts::<Test>::get(ferdie(), honest).is_none());
		assert!(!Commons::owes_debts(p));
	});
}

#[test]
fn a_revoked_debt_behind_others_is_repaid_to_the_treasury_until_forgiven() {
	test(|| {
		let p = project();
		set_buckets(p, &[(BucketTarget::Debts, 100)]);
		assert_ok!(Commons::mint(p, &dave(), 1));
		let first = accepted(&ferdie(), p, MATERIAL, 100);
		let fraud = accepted(&eve(), p, MATERIAL, 400);
		let last = accepted(&ferdie(), p, MATERIAL, 100);
		assert_ok!(Commons::revoke_contribution(project_origin(p), fraud));
		// Not reached yet: owed to the treasury, nothing forgiven.
		let d = Debts::<Test>::get(eve(), fraud).unwrap();
		assert_eq!(d.creditor, Commons::treasury_account(p));
		assert_eq!(d.claimed, 0);
		// 150 repaid: the first debt and 50 of the revoked one.
		pay(p, 150);
		let treasury = free(&Commons::treasury_account(p));
		// Anyone claims it: the 50 go to the treasury, the rest is forgiven.
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(dave()), fraud));
		assert_eq!(free(&Commons::treasury_account(p)), treasury + 50);
		assert!(commons_events().contains(&Event::DebtForgiven {
			contribution: fraud,
			amount: 350,
			asset: None
		}));
		assert!(Debts::<Test>::get(eve(), fraud).is_none());
		// The last debt is next.
		pay(p, 100);
		assert_eq!(last_split(), (0, 0, 100, 0));
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(ferdie()), first));
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(ferdie()), last));
		assert_eq!(
			DebtLedgers::<Test>::get(p),
			DebtLedger { owed: 600, repaid: 600, claimed: 600 }
		);
	});
}

#[test]
fn previews_match_what_happens() {
	test(|| {
		let p = project();
		set_reward(p, 10);
		assert_eq!(Commons::preview_contribution(p, 9, 1), None);
		assert_eq!(Commons::preview_payment(99, 1), None);
		assert_eq!(
			Commons::preview_contribution(p, WORK, 3),
			Some(ContributionPreview {
				equation_version: 2,
				asset: None,
				units: 30,
				max_units: 60,
				reviewer_units: 3,
				debt: 0,
				paid: 0,
			})
		);
		assert_eq!(
			Commons::preview_contribution(p, MATERIAL, 70).map(|x| (x.units, x.debt, x.paid)),
			Some((0, 70, 0))
		);
		// The treasury has only its existential deposit: a bounty would be owed.
		assert_eq!(
			Commons::preview_contribution(p, BOUNTY, 3).map(|x| (x.units, x.debt, x.paid)),
			Some((3, 15, 0))
		);
		set_buckets(p, &[(BucketTarget::Treasury, 10), (BucketTarget::Debts, 60)]);
		accepted(&eve(), p, MATERIAL, 100);
		accepted(&dave(), p, WORK, 1);
		let preview = Commons::preview_payment(p, 1_000).unwrap();
		assert_eq!(
			preview,
			IncomeSplit { treasury: 100, upstream: vec![], debts: 100, holders: 800 }
		);
		pay(p, 1_000);
		assert_eq!(last_split(), (100, 0, 100, 800));
	});
}

/// Random sequences of contributions of every kind, payments, claims of income and of debts,
/// revocations and policy changes: after every step the invariants hold (exact conservation of
/// the income pot between holders and creditors, debts tiling their queue), every payment is
/// split to the planck, and in the end everything repaid is claimable and claimed.
#[test]
fn conservation_over_random_sequences_of_every_kind() {
	let people = [dave(), eve(), ferdie()];
	// What the sequences reached, over all seeds: the test is not vacuous.
	let (mut repaid, mut bounties, mut revoked_debts) = (0u128, 0u32, 0u32);
	let mut repaid_in_usd = 0u128;
	for seed in 1u64..=30 {
		test(|| {
			let mut rng = crate::generator::Rng::new(seed);
			let mut next = |m: u64| rng.below(m);
			let upstream = create_project(&bob());
			assert_ok!(Commons::mint(upstream, &alice(), 1));
			let p = project();
			// Expenses in a stablecoin too, repaid from payments in it.
			const USD: u32 = 7;
			assert_ok!(Commons::register_asset(RuntimeOrigin::root(), USD, 3, MAX_DEBT));
			assert_ok!(<crate::mock::Assets as frame_support::traits::fungibles::Mutate<
				AccountId,
			>>::mint_into(USD, &alice(), 10_000_000));
			// The creditors hold some already, so that any claim of theirs can be paid.
			for who in &people {
				assert_ok!(<crate::mock::Assets as frame_support::traits::fungibles::Mutate<
					AccountId,
				>>::mint_into(USD, who, 1_000));
			}
			let accept = vec![USD].try_into().unwrap();
			assert_ok!(Commons::set_accepted_assets(project_origin(p), p, accept));
			let mut kinds = sensorica_kinds();
			kinds
				.try_push(kind(
					"expense",
					0,
					None,
					ClaimKind::ReimbursableIn { asset: USD, price: 2 },
				))
				.unwrap();
			assert_ok!(Commons::set_value_equation(project_origin(p), p, kinds));
			let mut accepted_ids: Vec<ContributionId> = Vec::new();
			for _ in 0..50 {
				let who = &people[next(people.len() as u64) as usize];
				match next(7) {
					6 => {
						let amount = next(5_000) as u128 + 1;
						assert_ok!(Commons::pay_income_in(
							RuntimeOrigin::signed(alice()),
							p,
							USD,
							amount
						));
					},
					0 | 1 => {
						let kind = next(4) as KindIndex;
						let quantity = next(300) as u128 + 1;
						let id = submit(who, p, kind, quantity);
						approve(&bob(), id, Some(next(quantity as u64) as u128 + 1));
						assert_ok!(Commons::attest_assessing(
							RuntimeOrigin::signed(charlie()),
							id,
							Verdict::Approve,
							None,
							(kind == WORK).then(|| FixedU128::from_u32(10 + next(11) as u32)),
							note("ok"),
						));
						accepted_ids.push(id);
					},
					2 => {
						let amount = next(5_000) as u128 + 1;
						assert_ok!(Commons::pay_income(RuntimeOrigin::signed(alice()), p, amount));
						let (t, u, d, h) = last_split();
						assert_eq!(t + u + d + h, amount, "seed {seed}: a payment split exactly");
					},
					3 => {
						let _ = Commons::claim(RuntimeOrigin::signed(who.clone()), p);
						if let Some(id) =
							accepted_ids.get(next(accepted_ids.len().max(1) as u64) as usize)
						{
							let _ = Commons::claim_debt(RuntimeOrigin::signed(who.clone()), *id);
						}
					},
					4 => {
						use BucketTarget::*;
						let a = next(70) as u32 + 1;
						let b = next(100 - u64::from(a)) as u32 + 1;
						let c = (100 - a - b).min(next(20) as u32 + 1);
						let mut list = vec![(Debts, a), (Treasury, b), (Upstream(upstream), c)];
						let k = next(3) as usize;
						list.rotate_left(k);
						list.retain(|(_, share)| *share > 0);
						// Refused only if it would cut what the creditors are owed a share of.
						match Commons::set_income_buckets(project_origin(p), p, buckets(&list)) {
							Ok(()) => {},
							Err(e) => {
								assert_eq!(e, Error::<Test>::DebtsOwed.into());
								assert!(Commons::owes_debts(p));
							},
						}
					},
					_ => {
						if next(4) == 0 {
							if let Some(id) =
								accepted_ids.get(next(accepted_ids.len().max(1) as u64) as usize)
							{
								if Commons::revoke_contribution(project_origin(p), *id).is_ok() {
									let c = crate::Contributions::<Test>::get(id).unwrap();
									if let Some(d) = Debts::<Test>::get(&c.contributor, id) {
										assert_eq!(d.creditor, Commons::treasury_account(p));
										revoked_debts += 1;
									}
								}
							}
						}
					},
				}
				Commons::do_try_state().expect("invariants hold after every step");
			}
			// Everything repaid can be claimed, and is.
			for id in &accepted_ids {
				let _ = Commons::claim_debt(RuntimeOrigin::signed(alice()), *id);
			}
			let ledger = DebtLedgers::<Test>::get(p);
			assert_eq!(ledger.claimed, ledger.repaid, "seed {seed}: repaid debts left unclaimed");
			repaid += ledger.repaid;
			let in_usd = crate::AssetDebtLedgers::<Test>::get(p, USD);
			assert_eq!(in_usd.claimed, in_usd.repaid, "seed {seed}: debts in USD left unclaimed");
			repaid_in_usd += in_usd.repaid;
			let events = commons_events();
			bounties +=
				events.iter().filter(|e| matches!(e, Event::BountyPaid { .. })).count() as u32;

			let holders = [alice(), bob(), charlie(), dave(), eve(), ferdie()];
			for who in &holders {
				let _ = Commons::claim(RuntimeOrigin::signed(who.clone()), p);
			}
			let state = IncomeStates::<Test>::get(p);
			let left = free(&Commons::income_account(p)) - ED;
			assert_eq!(left, state.distributed - state.claimed);
			assert!(left <= holders.len() as u128 + 1, "seed {seed}: {left} planck left");
		});
	}
	assert!(
		repaid > 0 && repaid_in_usd > 0 && bounties > 0 && revoked_debts > 0,
		"{repaid} {repaid_in_usd} {bounties} {revoked_debts}"
	);
}

#[test]
fn creditors_keep_a_bucket_and_an_open_project_until_they_are_repaid() {
	test(|| {
		let p = project();
		let id = accepted(&eve(), p, MATERIAL, 300);
		// A project that owes may neither drop the debts from its policy nor close.
		assert_noop!(
			Commons::set_income_buckets(
				project_origin(p),
				p,
				buckets(&[(BucketTarget::Treasury, 50)])
			),
			Error::<Test>::DebtsOwed
		);
		assert_noop!(
			Commons::set_income_policy(
				project_origin(p),
				p,
				Perbill::from_percent(50),
				Default::default()
			),
			Error::<Test>::DebtsOwed
		);
		assert_noop!(Commons::close_project(project_origin(p), p), Error::<Test>::DebtsOwed);
		set_buckets(p, &[(BucketTarget::Treasury, 50), (BucketTarget::Debts, 10)]);
		// Nor cut the debts' share to a planck's worth.
		assert_noop!(
			Commons::set_income_buckets(
				project_origin(p),
				p,
				buckets(&[(BucketTarget::Treasury, 50), (BucketTarget::Debts, 5)])
			),
			Error::<Test>::DebtsOwed
		);
		// An empty treasury repays nothing.
		assert_noop!(
			Commons::repay_debts(project_origin(p), p, 100),
			sp_runtime::TokenError::FundsUnavailable
		);
		// The treasury repays them by the project's vote, at most what is owed.
		assert_noop!(
			Commons::repay_debts(RuntimeOrigin::signed(dave()), p, 100),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::transfer(
			&ferdie(),
			&Commons::treasury_account(p),
			1_000,
			frame_support::traits::tokens::Preservation::Preserve,
		));
		assert_ok!(Commons::repay_debts(project_origin(p), p, 5_000));
		assert!(commons_events().contains(&Event::DebtsRepaid { project: p, amount: 300 }));
		assert_eq!(free(&Commons::treasury_account(p)), ED + 700);
		assert_noop!(Commons::repay_debts(project_origin(p), p, 1), Error::<Test>::NoDebt);
		// Repaid (claimed or not), the policy and the project are free again.
		set_buckets(p, &[(BucketTarget::Treasury, 50)]);
		assert_eq!(claimable(&eve(), id), 300);
		assert_ok!(Commons::close_project(project_origin(p), p));
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(eve()), id));
		assert!(Debts::<Test>::get(eve(), id).is_none());
	});
}

#[test]
fn no_claim_is_owed_or_paid_more_than_the_largest_debt() {
	test(|| {
		let p = project();
		// 1 planck a unit: the most is MAX_DEBT units.
		assert_noop!(
			Commons::submit_contribution(
				RuntimeOrigin::signed(eve()),
				p,
				MATERIAL,
				MAX_DEBT + 1,
				evidence("x")
			),
			Error::<Test>::DebtTooLarge
		);
		assert_noop!(
			Commons::submit_contribution(
				RuntimeOrigin::signed(eve()),
				p,
				BOUNTY,
				MAX_DEBT / 5 + 1,
				evidence("x")
			),
			Error::<Test>::DebtTooLarge
		);
		submit(&eve(), p, MATERIAL, MAX_DEBT);
	});
}

#[test]
fn an_appealed_bounty_keeps_the_refund_and_is_credited_at_the_lowest_rate() {
	test(|| {
		let p = project();
		// Rejected by two of three, Bob approving at the highest rate.
		let work = submit(&dave(), p, WORK, 2);
		assert_ok!(Commons::attest_assessing(
			RuntimeOrigin::signed(bob()),
			work,
			Verdict::Approve,
			None,
			Some(FixedU128::from_u32(20)),
			note("ok"),
		));
		reject(&alice(), work);
		reject(&charlie(), work);
		assert_eq!(status(work), ContributionStatus::Rejected);
		assert_ok!(Commons::accept_appeal(project_origin(p), work, 2));
		// The vote decides the quantity; the rate is the kind's lowest.
		assert_eq!(crate::Holdings::<Test>::get(p, dave()).unwrap().units, 20);

		// A bounty of 50 rejected: its forfeited deposit is in the treasury.
		let bounty = submit(&eve(), p, BOUNTY, 10);
		reject(&alice(), bounty);
		reject(&bob(), bounty);
		assert_eq!(status(bounty), ContributionStatus::Rejected);
		// The treasury holds that deposit, more than the bounty but not the bounty and the
		// deposit it owes back: the bounty is owed rather than paid, and the refund goes through.
		let treasury = Commons::treasury_account(p);
		assert_eq!(free(&treasury) - ED, FORFEIT);
		const { assert!(FORFEIT >= 50, "the treasury alone could pay the bounty") };
		let before = free(&eve());
		assert_ok!(Commons::accept_appeal(project_origin(p), bounty, 10));
		assert_eq!(Debts::<Test>::get(eve(), bounty).unwrap().amount, 50);
		// The refund, less the fee of Eve's new holding.
		assert_eq!(free(&eve()), before + FORFEIT - HOLDING_FEE);
		assert_eq!(free(&treasury), ED);
		assert!(matches!(status(bounty), ContributionStatus::Accepted { .. }));
	});
}
