//! Commons funding commons at every hop: an upstream project's share is paid into its inbox and
//! split there by its own policy, passing its own upstream share on, one hop per call.

use super::*;
use crate::{Error, Event, IncomeStates, UpstreamInbox};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::Perbill;

use BucketTarget::{Treasury, Upstream};

fn set_buckets(p: ProjectId, list: &[(BucketTarget, u32)]) -> sp_runtime::DispatchResult {
	let buckets: BucketsOf<Test> = list
		.iter()
		.map(|(to, percent)| Bucket { to: *to, share: Perbill::from_percent(*percent) })
		.collect::<Vec<_>>()
		.try_into()
		.unwrap();
	Commons::set_income_buckets(project_origin(p), p, buckets)
}

fn pay(project: ProjectId, amount: Balance) {
	assert_ok!(Commons::pay_income(RuntimeOrigin::signed(ferdie()), project, amount));
}

fn forward(project: ProjectId) {
	assert_ok!(Commons::forward_income(RuntimeOrigin::signed(ferdie()), project));
}

/// A project with one holder of one unit.
fn project_held_by(who: &AccountId) -> ProjectId {
	let p = create_project(&alice());
	assert_ok!(Commons::mint(p, who, 1));
	p
}

/// What a project's treasury holds above its existential deposit.
fn treasury(p: ProjectId) -> Balance {
	free(&Commons::treasury_account(p)) - ED
}

fn forwarded(project: ProjectId) -> Vec<(Balance, Balance, Balance, Balance)> {
	commons_events()
		.into_iter()
		.filter_map(|e| match e {
			Event::IncomeForwarded {
				project: p,
				amount,
				to_holders,
				to_treasury,
				to_upstream,
				..
			} if p == project => Some((amount, to_holders, to_treasury, to_upstream)),
			_ => None,
		})
		.collect()
}

#[test]
fn income_flows_on_at_every_hop_down_a_chain_of_four() {
	test(|| {
		let [a, b, c, d] = [bob(), charlie(), dave(), eve()].map(|who| project_held_by(&who));
		// Each hop under its own policy: B keeps 10% in its treasury and passes 40% on.
		assert_ok!(set_buckets(a, &[(Upstream(b), 50)]));
		assert_ok!(set_buckets(b, &[(Treasury, 10), (Upstream(c), 40)]));
		assert_ok!(set_buckets(c, &[(Upstream(d), 50)]));
		pay(a, 1_000);
		assert_eq!(Commons::pending_income(a, &bob()), 500);
		assert_eq!(UpstreamInbox::<Test>::get(b), 500);
		// One hop per call, by anyone: the cost of one payment stays bounded.
		assert_eq!(UpstreamInbox::<Test>::get(c), 0);
		forward(b);
		assert_eq!(forwarded(b), vec![(500, 250, 50, 200)]);
		assert_eq!(UpstreamInbox::<Test>::get(b), 0);
		assert_eq!(UpstreamInbox::<Test>::get(c), 200);
		forward(c);
		forward(d);
		assert_eq!(forwarded(d), vec![(100, 100, 0, 0)]);
		assert!(commons_events().contains(&Event::UpstreamPaid { from: c, to: d, amount: 100 }));
		// Nothing created or lost: 500 + 250 + 50 + 100 + 100.
		assert_eq!(Commons::pending_income(b, &charlie()), 250);
		assert_eq!(treasury(b), 50);
		assert_eq!(Commons::pending_income(c, &dave()), 100);
		assert_eq!(Commons::pending_income(d, &eve()), 100);
		for p in [a, b, c, d] {
			assert_eq!(UpstreamInbox::<Test>::get(p), 0);
		}
		assert_eq!(free(&eve()), ENDOWMENT);
		assert_ok!(Commons::claim(RuntimeOrigin::signed(eve()), d));
		assert_eq!(free(&eve()), ENDOWMENT + 100);
		assert_noop!(
			Commons::forward_income(RuntimeOrigin::signed(ferdie()), d),
			Error::<Test>::NothingToForward
		);
		assert_noop!(
			Commons::forward_income(RuntimeOrigin::signed(ferdie()), 99),
			Error::<Test>::UnknownProject
		);
	});
}

#[test]
fn a_projects_next_payment_splits_its_inbox_first() {
	test(|| {
		let [a, b, c] = [bob(), charlie(), dave()].map(|who| project_held_by(&who));
		assert_ok!(set_buckets(a, &[(Upstream(b), 50)]));
		assert_ok!(set_buckets(b, &[(Upstream(c), 50)]));
		pay(a, 1_000);
		pay(b, 100);
		// The inbox's 500, then the payment's 100, each split by B's policy.
		assert_eq!(forwarded(b), vec![(500, 250, 0, 250)]);
		let events = commons_events();
		let forwarded_at = events.iter().position(|e| matches!(e, Event::IncomeForwarded { .. }));
		let paid_at = events
			.iter()
			.position(|e| matches!(e, Event::IncomePaid { project, .. } if *project == b));
		assert!(forwarded_at < paid_at);
		assert_eq!(Commons::pending_income(b, &charlie()), 250 + 50);
		assert_eq!(UpstreamInbox::<Test>::get(c), 250 + 50);
	});
}

#[test]
fn a_new_policy_splits_what_arrived_under_the_old_one_first() {
	test(|| {
		let [a, b, c] = [bob(), charlie(), dave()].map(|who| project_held_by(&who));
		assert_ok!(set_buckets(a, &[(Upstream(b), 50)]));
		assert_ok!(set_buckets(b, &[(Upstream(c), 50)]));
		pay(a, 1_000);
		// B's vote drops its upstream share: the 500 that arrived before go on under the old.
		assert_ok!(set_buckets(b, &[(Treasury, 10)]));
		assert_eq!(forwarded(b), vec![(500, 250, 0, 250)]);
		assert_eq!(UpstreamInbox::<Test>::get(c), 250);
	});
}

#[test]
fn a_cycle_of_two_converges_to_the_holders() {
	test(|| {
		let [a, b] = [bob(), charlie()].map(|who| project_held_by(&who));
		// The chain caps what a policy passes upstream below 100%, so that a cycle converges.
		assert_noop!(set_buckets(a, &[(Upstream(b), 60)]), Error::<Test>::UpstreamShareTooHigh);
		assert_ok!(set_buckets(a, &[(Upstream(b), 50)]));
		assert_ok!(set_buckets(b, &[(Upstream(a), 50)]));
		pay(a, 1_000);
		let mut hops = 0;
		let mut at = b;
		while UpstreamInbox::<Test>::get(at) > 0 {
			forward(at);
			hops += 1;
			at = if at == a { b } else { a };
		}
		// Each hop passes on at most half of what it received, rounded down: B's inbox gets
		// 500, A's 250, then 125, 62, 31, 15, 7, 3, 1 and then nothing: nine hops.
		assert_eq!(hops, 9);
		assert_eq!(UpstreamInbox::<Test>::get(a) + UpstreamInbox::<Test>::get(b), 0);
		let (to_bob, to_charlie) =
			(Commons::pending_income(a, &bob()), Commons::pending_income(b, &charlie()));
		assert_eq!(to_bob + to_charlie, 1_000);
		// Bob's project keeps 500 + 125 + 31 + 8 + 2 (the rounding goes to the holders).
		assert_eq!(to_bob, 666);
	});
}

#[test]
fn a_closed_project_in_the_middle_passes_on_what_it_had_and_takes_nothing_more() {
	test(|| {
		let [a, b, c] = [bob(), charlie(), dave()].map(|who| project_held_by(&who));
		assert_ok!(set_buckets(a, &[(Upstream(b), 50)]));
		assert_ok!(set_buckets(b, &[(Upstream(c), 50)]));
		pay(a, 1_000);
		// B closes by its vote: what waits in its inbox is split first, under its policy.
		assert_ok!(Commons::close_project(project_origin(b), b));
		assert_eq!(forwarded(b), vec![(500, 250, 0, 250)]);
		assert_eq!(UpstreamInbox::<Test>::get(b), 0);
		assert_eq!(UpstreamInbox::<Test>::get(c), 250);
		// From now on B takes nothing: its share falls through to A's holders.
		pay(a, 1_000);
		assert_eq!(Commons::pending_income(a, &bob()), 500 + 1_000);
		assert_eq!(UpstreamInbox::<Test>::get(b), 0);
		assert_noop!(
			Commons::forward_income(RuntimeOrigin::signed(ferdie()), b),
			Error::<Test>::NothingToForward
		);
		// C, further upstream, still gets what B passed on before it closed.
		forward(c);
		assert_eq!(Commons::pending_income(c, &dave()), 250);
		// B's holders claim from a closed project as before.
		assert_ok!(Commons::claim(RuntimeOrigin::signed(charlie()), b));
		assert_eq!(free(&charlie()), ENDOWMENT + 250);
	});
}

#[test]
fn an_upstream_project_without_holders_keeps_forwarded_income_in_its_treasury() {
	test(|| {
		let a = project_held_by(&bob());
		let b = create_project(&alice());
		assert_ok!(set_buckets(a, &[(Upstream(b), 50)]));
		pay(a, 101);
		forward(b);
		assert_eq!(forwarded(b), vec![(50, 0, 50, 0)]);
		assert_eq!(treasury(b), 50);
		assert_eq!(IncomeStates::<Test>::get(b).distributed, 0);
	});
}

/// Random sequences of payments, forwards, mints, claims and policies (upstream links, cycles
/// included) over four projects: after every step the invariants hold (each pot holds exactly
/// what its holders can claim, plus its inbox), and nothing is created or lost across the
/// projects: everything paid is in a pot, a treasury, or claimed.
#[test]
fn conservation_across_projects_linked_upstream() {
	let people = [alice(), bob(), charlie(), dave(), eve()];
	let (mut forwards, mut refused) = (0u32, 0u32);
	for seed in 1u64..=30 {
		test(|| {
			let mut rng = crate::generator::Rng::new(seed);
			let mut next = |m: u64| rng.below(m);
			let projects: Vec<ProjectId> = (0..4).map(|_| create_project(&alice())).collect();
			let (mut paid, mut claimed) = (0u128, 0u128);
			for _ in 0..60 {
				let p = projects[next(4) as usize];
				let who = &people[next(people.len() as u64) as usize];
				match next(7) {
					0 => {
						assert_ok!(Commons::mint(p, who, next(5) as u128 + 1));
					},
					1 | 2 => {
						let amount = next(10_000) as u128 + 1;
						let before = free(&ferdie());
						pay(p, amount);
						paid += before - free(&ferdie());
						assert_eq!(before - free(&ferdie()), amount);
					},
					3 => {
						if UpstreamInbox::<Test>::get(p) > 0 {
							forward(p);
							forwards += 1;
						}
					},
					4 => {
						let before = free(who);
						if Commons::claim(RuntimeOrigin::signed(who.clone()), p).is_ok() {
							claimed += free(who) - before;
						}
					},
					_ => {
						let up = projects[next(4) as usize];
						let (t, u) = (next(40) as u32, next(70) as u32 + 1);
						let mut list = vec![(Upstream(up), u)];
						if t > 0 {
							list.insert(next(2) as usize, (Treasury, t));
						}
						match set_buckets(p, &list) {
							Ok(()) => {},
							Err(_) => refused += 1,
						}
					},
				}
				Commons::do_try_state().expect("invariants hold after every step");
				let held: u128 = projects
					.iter()
					.map(|p| {
						free(&Commons::income_account(*p)) - ED
							+ free(&Commons::treasury_account(*p))
							- ED
					})
					.sum();
				assert_eq!(paid, held + claimed, "nothing created or lost");
			}
			// Forwarding every inbox until none is left ends with the holders and treasuries.
			let mut rounds = 0;
			while let Some(p) = projects.iter().copied().find(|p| UpstreamInbox::<Test>::get(p) > 0)
			{
				forward(p);
				rounds += 1;
				assert!(rounds < 500, "income does not circulate for ever");
			}
			Commons::do_try_state().expect("invariants hold");
		});
	}
	assert!(forwards > 20, "the sequences forwarded income ({forwards})");
	assert!(refused > 5, "some policies were above the cap ({refused})");
}
