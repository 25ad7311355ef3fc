//! Income: splits, pro-rata claims at constant cost, conservation.

use super::*;
use crate::{Error, Event, IncomeStates, UpstreamInbox};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Perbill, TokenError};

fn mint(project: ProjectId, who: &AccountId, units: Units) {
	assert_ok!(Commons::mint(project, who, units));
}

fn pay(payer: &AccountId, project: ProjectId, amount: Balance) {
	assert_ok!(Commons::pay_income(RuntimeOrigin::signed(payer.clone()), project, amount));
}

fn claim(who: &AccountId, project: ProjectId) -> Balance {
	let before = free(who);
	assert_ok!(Commons::claim(RuntimeOrigin::signed(who.clone()), project));
	free(who) - before
}

#[test]
fn income_is_shared_pro_rata_to_units() {
	test(|| {
		let p = create_project(&alice());
		mint(p, &bob(), 1);
		mint(p, &charlie(), 2);
		mint(p, &dave(), 3);
		pay(&ferdie(), p, 600);
		assert_eq!(free(&ferdie()), ENDOWMENT - 600);
		assert_eq!(Commons::pending_income(p, &bob()), 100);
		assert_eq!(claim(&bob(), p), 100);
		assert_eq!(claim(&charlie(), p), 200);
		assert_eq!(claim(&dave(), p), 300);
		assert_eq!(free(&Commons::income_account(p)), ED);
		assert_eq!(
			commons_events()
				.iter()
				.filter(|e| matches!(e, Event::IncomeClaimed { .. }))
				.count(),
			3
		);
		assert!(commons_events().contains(&Event::IncomePaid {
			project: p,
			payer: ferdie(),
			amount: 600,
			to_holders: 600,
			to_treasury: 0,
			to_upstream: 0,
			to_debts: 0,
		}));
		assert_noop!(
			Commons::claim(RuntimeOrigin::signed(bob()), p),
			Error::<Test>::NothingToClaim
		);
	});
}

#[test]
fn units_minted_after_a_payment_take_no_part_in_it() {
	test(|| {
		let p = create_project(&alice());
		mint(p, &bob(), 1);
		pay(&ferdie(), p, 100);
		mint(p, &charlie(), 1);
		assert_eq!(Commons::pending_income(p, &charlie()), 0);
		// Bob claims in between: it changes nothing for later payments.
		assert_eq!(claim(&bob(), p), 100);
		pay(&ferdie(), p, 100);
		mint(p, &bob(), 2);
		pay(&ferdie(), p, 400);
		// Second payment 50/50; third: Bob 3 of 4 units.
		assert_eq!(Commons::pending_income(p, &bob()), 50 + 300);
		assert_eq!(Commons::pending_income(p, &charlie()), 50 + 100);
	});
}

#[test]
fn rounding_is_carried_into_the_next_payment() {
	test(|| {
		let p = create_project(&alice());
		mint(p, &bob(), 1);
		mint(p, &charlie(), 2);
		pay(&ferdie(), p, 10);
		// 10 over 3 units: 3.33… each; 10 × 10^12 mod 3 = 1 is carried (scaled).
		assert_eq!(IncomeStates::<Test>::get(p).carried, 1);
		assert_eq!(Commons::pending_income(p, &bob()), 3);
		assert_eq!(Commons::pending_income(p, &charlie()), 6);
		pay(&ferdie(), p, 2);
		// 12 in all over 3 units: exactly 4 per unit, nothing carried, nothing lost.
		assert_eq!(IncomeStates::<Test>::get(p).carried, 0);
		assert_eq!(Commons::pending_income(p, &bob()), 4);
		assert_eq!(Commons::pending_income(p, &charlie()), 8);
	});
}

#[test]
fn sub_planck_remainders_stay_with_their_holder() {
	test(|| {
		let p = create_project(&alice());
		mint(p, &bob(), 1);
		mint(p, &charlie(), 2);
		pay(&ferdie(), p, 2);
		// Bob's units change: his 0.66… planck is settled as 0 and the fraction kept.
		mint(p, &bob(), 2);
		assert_eq!(Commons::pending_income(p, &bob()), 0);
		pay(&ferdie(), p, 5);
		// 3 of 5 units: 3 more, 3.66… in all.
		assert_eq!(Commons::pending_income(p, &bob()), 3);
		pay(&ferdie(), p, 1);
		// 0.6 more: 4.26… in all. Without the kept fraction it would be 3.
		assert_eq!(Commons::pending_income(p, &bob()), 4);
		assert_eq!(claim(&bob(), p), 4);
	});
}

#[test]
fn policy_splits_to_treasury_and_upstream() {
	test(|| {
		let upstream = create_project(&bob());
		let p = create_project(&alice());
		mint(upstream, &eve(), 1);
		mint(p, &dave(), 1);
		assert_ok!(Commons::set_income_policy(
			project_origin(p),
			p,
			Perbill::from_percent(10),
			vec![(upstream, Perbill::from_percent(20))].try_into().unwrap(),
		));
		pay(&ferdie(), p, 1_000);
		assert_eq!(Commons::pending_income(p, &dave()), 700);
		// The upstream project's part waits in its inbox until split by its own policy.
		assert_eq!(UpstreamInbox::<Test>::get(upstream), 200);
		assert_eq!(Commons::pending_income(upstream, &eve()), 0);
		assert_ok!(Commons::forward_income(RuntimeOrigin::signed(ferdie()), upstream));
		assert_eq!(UpstreamInbox::<Test>::get(upstream), 0);
		assert_eq!(Commons::pending_income(upstream, &eve()), 200);
		assert_eq!(free(&Commons::treasury_account(p)), ED + 100);
		assert_eq!(Commons::treasury_balance(p), 100);
		let events = commons_events();
		assert!(events.contains(&Event::UpstreamPaid { from: p, to: upstream, amount: 200 }));
		assert!(events.contains(&Event::IncomePaid {
			project: p,
			payer: ferdie(),
			amount: 1_000,
			to_holders: 700,
			to_treasury: 100,
			to_upstream: 200,
			to_debts: 0,
		}));
		// The treasury is spent by the project's vote only (its maintainers no longer act once
		// it has members).
		assert_noop!(
			Commons::spend_treasury(RuntimeOrigin::signed(dave()), p, dave(), 50),
			DispatchError::BadOrigin
		);
		assert_ok!(Commons::spend_treasury(project_origin(p), p, dave(), 50));
		assert_eq!(free(&dave()), ENDOWMENT + 50);
		assert_eq!(
			commons_events().last(),
			Some(&Event::TreasurySpent { project: p, to: dave(), amount: 50 })
		);
		// The treasury keeps its existential deposit.
		assert_noop!(
			Commons::spend_treasury(project_origin(p), p, dave(), 51),
			TokenError::NotExpendable
		);
	});
}

#[test]
fn income_of_a_project_without_units_goes_to_its_treasury() {
	test(|| {
		let p = create_project(&alice());
		pay(&ferdie(), p, 300);
		assert_eq!(free(&Commons::treasury_account(p)), ED + 300);
		assert_eq!(free(&Commons::income_account(p)), ED);
		assert!(commons_events().contains(&Event::IncomePaid {
			project: p,
			payer: ferdie(),
			amount: 300,
			to_holders: 0,
			to_treasury: 300,
			to_upstream: 0,
			to_debts: 0,
		}));
	});
}

#[test]
fn claim_for_pays_the_holder_and_closed_projects_stay_claimable() {
	test(|| {
		let p = create_project(&alice());
		mint(p, &bob(), 5);
		pay(&ferdie(), p, 50);
		assert_ok!(Commons::close_project(project_origin(p), p));
		assert_ok!(Commons::claim_for(RuntimeOrigin::signed(eve()), p, bob()));
		assert_eq!(free(&bob()), ENDOWMENT + 50);
		assert_eq!(free(&eve()), ENDOWMENT);
		assert_eq!(
			commons_events().last(),
			Some(&Event::IncomeClaimed { project: p, who: bob(), amount: 50 })
		);
	});
}

#[test]
fn income_calls_reject_bad_input() {
	test(|| {
		let p = create_project(&alice());
		let q = create_project(&bob());
		mint(p, &bob(), 1);
		let pay = |who: AccountId, project, amount| {
			Commons::pay_income(RuntimeOrigin::signed(who), project, amount)
		};
		assert_noop!(pay(ferdie(), p, 0), Error::<Test>::ZeroAmount);
		assert_noop!(pay(ferdie(), 9, 10), Error::<Test>::UnknownProject);
		assert_noop!(pay(account("Poor"), p, 10), TokenError::FundsUnavailable);
		assert_noop!(
			Commons::claim(RuntimeOrigin::signed(bob()), p),
			Error::<Test>::NothingToClaim
		);
		assert_noop!(
			Commons::claim(RuntimeOrigin::signed(eve()), p),
			Error::<Test>::NothingToClaim
		);
		assert_noop!(
			Commons::claim(RuntimeOrigin::signed(bob()), 9),
			Error::<Test>::UnknownProject
		);
		let policy = |treasury, upstream: Vec<(ProjectId, Perbill)>| {
			Commons::set_income_policy(
				RuntimeOrigin::root(),
				p,
				Perbill::from_percent(treasury),
				upstream.try_into().unwrap(),
			)
		};
		assert_noop!(
			policy(60, vec![(q, Perbill::from_percent(41))]),
			Error::<Test>::InvalidIncomePolicy
		);
		assert_noop!(
			policy(0, vec![(p, Perbill::from_percent(1))]),
			Error::<Test>::InvalidIncomePolicy
		);
		assert_noop!(
			policy(0, vec![(q, Perbill::from_percent(1)), (q, Perbill::from_percent(1))]),
			Error::<Test>::InvalidIncomePolicy
		);
		assert_noop!(policy(0, vec![(7, Perbill::from_percent(1))]), Error::<Test>::UnknownProject);
		assert_noop!(
			Commons::set_income_policy(
				RuntimeOrigin::signed(eve()),
				p,
				Perbill::zero(),
				Default::default()
			),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Commons::spend_treasury(RuntimeOrigin::root(), p, eve(), 0),
			Error::<Test>::ZeroAmount
		);
		assert_ok!(policy(60, vec![(q, Perbill::from_percent(40))]));
		assert_eq!(
			commons_events().last(),
			Some(&Event::IncomePolicySet {
				project: p,
				version: 1,
				buckets: vec![
					Bucket { to: BucketTarget::Treasury, share: Perbill::from_percent(60) },
					Bucket { to: BucketTarget::Upstream(q), share: Perbill::from_percent(40) },
				]
				.try_into()
				.unwrap(),
			})
		);
	});
}

/// Random interleavings of minting, payments and claims: after every step, the invariants
/// (exact conservation among them) hold, and in the end everything paid to the holders is
/// claimed but for sub-planck remainders and the carry.
#[test]
fn conservation_over_random_sequences() {
	let holders = [alice(), bob(), charlie(), dave(), eve()];
	for seed in 1u64..=40 {
		test(|| {
			let mut rng = seed;
			let mut next = |m: u64| {
				rng = rng.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
				(rng >> 33) % m
			};
			let p = create_project(&ferdie());
			let mut paid = 0u128;
			for _ in 0..60 {
				let who = &holders[next(holders.len() as u64) as usize];
				match next(3) {
					0 => mint(p, who, next(1_000) as u128 + 1),
					1 => {
						let amount = next(10_000) as u128 + 1;
						pay(&ferdie(), p, amount);
						paid += amount;
					},
					_ => {
						let _ = Commons::claim(RuntimeOrigin::signed(who.clone()), p);
					},
				}
				Commons::do_try_state().expect("invariants hold after every step");
			}
			let state = IncomeStates::<Test>::get(p);
			let to_treasury = free(&Commons::treasury_account(p)) - ED;
			assert_eq!(state.distributed + to_treasury, paid);
			for who in &holders {
				let _ = Commons::claim(RuntimeOrigin::signed(who.clone()), p);
			}
			let left = free(&Commons::income_account(p)) - ED;
			// What stays in the pot: the carry and each holder's fraction of a planck.
			assert!(left <= holders.len() as u128 + 1, "seed {seed}: {left} planck left");
			assert_eq!(left, state.distributed - IncomeStates::<Test>::get(p).claimed);
		});
	}
}

#[test]
fn a_closed_project_takes_no_income_and_a_closed_upstreams_share_falls_through() {
	test(|| {
		let upstream = create_project(&bob());
		let p = create_project(&alice());
		mint(p, &dave(), 1);
		assert_ok!(Commons::set_income_policy(
			project_origin(p),
			p,
			Perbill::zero(),
			vec![(upstream, Perbill::from_percent(20))].try_into().unwrap(),
		));
		// The upstream project, which has a holder, closes by its vote (a project with nothing
		// in it would be removed).
		mint(upstream, &eve(), 1);
		assert_ok!(Commons::close_project(project_origin(upstream), upstream));
		assert_noop!(
			Commons::pay_income(RuntimeOrigin::signed(ferdie()), upstream, 100),
			Error::<Test>::ProjectClosed
		);
		// Its share falls through to this project's holders.
		pay(&ferdie(), p, 1_000);
		assert_eq!(Commons::pending_income(p, &dave()), 1_000);
		assert!(commons_events().contains(&Event::IncomePaid {
			project: p,
			payer: ferdie(),
			amount: 1_000,
			to_holders: 1_000,
			to_treasury: 0,
			to_upstream: 0,
			to_debts: 0,
		}));
	});
}
