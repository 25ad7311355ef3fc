//! Membership that costs real value: no `Payers` chamber for a planck, list entries that hold
//! deposits, chain members only past a tenure (and only they in the quorum), a review floor
//! for recognised projects, reviewer rewards past the tenure and capped per epoch. Each attack
//! is performed and fails.

use super::{governance::*, *};
use crate::{
	ChamberList, Error, Event, Holdings, Membership, MinPaid, PayerCount, Payers, Projects,
	Proposals, RecentHolders, RecognisedProjects, ReviewRewards,
};
use frame_support::{
	assert_noop,
	traits::fungible::{Inspect, Mutate},
};
use sp_runtime::{DispatchError, Perbill, TokenError};

fn signed(who: &AccountId) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.clone())
}

fn remark(n: u8) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![n] })
}

/// Dave, Eve and Ferdie's project with one chamber: its payers, half of whom must vote.
fn payers_project() -> ProjectId {
	let p = members_project();
	let chambers: ChambersOf<Test> =
		vec![Chamber { rule: ChamberRule::Payers, quorum: Perbill::from_percent(50) }]
			.try_into()
			.unwrap();
	assert_ok!(Commons::set_chambers(RuntimeOrigin::root(), p, chambers));
	p
}

/// The membership rules in force, with this tenure.
fn with_tenure(tenure: u32) -> MembershipRules<Balance, u64> {
	MembershipRules { tenure, ..Membership::<Test>::get() }
}

/// A funded account no test key has.
fn fresh(i: u32) -> AccountId {
	let mut bytes = [7u8; 32];
	bytes[..4].copy_from_slice(&i.to_le_bytes());
	let who = AccountId::new(bytes);
	assert_ok!(Balances::mint_into(&who, 10_000));
	who
}

fn chamber_members(id: ProposalId) -> u32 {
	Proposals::<Test>::get(id).unwrap().chambers[0].1.members
}

#[test]
fn one_planck_of_income_makes_nobody_a_payer() {
	test(|| {
		let p = payers_project();
		// The attack: a planck (below the existential deposit) leaves no record at all.
		assert_ok!(Commons::pay_income(signed(&bob()), p, 1));
		assert_eq!(Payers::<Test>::get(p, bob()), None);
		// Payments below `min_paid` (a proposal deposit until the chain sets another) add up
		// but make no member.
		assert_eq!(Commons::min_paid_of(p), PROPOSAL_DEPOSIT);
		assert_ok!(Commons::pay_income(signed(&bob()), p, PROPOSAL_DEPOSIT - ED));
		assert_eq!(
			Payers::<Test>::get(p, bob()),
			Some(Payer { paid: PROPOSAL_DEPOSIT - ED, member_since: None })
		);
		assert_eq!(PayerCount::<Test>::get(p), 0);
		run_to(3);
		assert_noop!(
			Commons::propose(
				signed(&bob()),
				Scope::Project(p),
				inline(set_equation_call(p)),
				description()
			),
			Error::<Test>::NotMember
		);
		// Reaching it makes Bob a member from this block on.
		assert_ok!(Commons::pay_income(signed(&bob()), p, ED));
		assert!(commons_events().contains(&Event::PayerJoined {
			project: p,
			who: bob(),
			paid: PROPOSAL_DEPOSIT
		}));
		assert_eq!(Payers::<Test>::get(p, bob()).unwrap().member_since, Some(3));
		assert_eq!(PayerCount::<Test>::get(p), 1);
		run_to(4);
		let id = propose(&bob(), Scope::Project(p), set_equation_call(p));
		assert_eq!(chamber_members(id), 1);
	});
}

#[test]
fn a_thousand_small_payers_do_not_inflate_a_quorum() {
	test(|| {
		let p = payers_project();
		assert_ok!(Commons::pay_income(signed(&bob()), p, PROPOSAL_DEPOSIT));
		// A thousand accounts pay a planck, then the existential deposit.
		let small: Vec<AccountId> = (0..1_000).map(fresh).collect();
		for who in &small {
			assert_ok!(Commons::pay_income(signed(who), p, 1));
			assert_ok!(Commons::pay_income(signed(who), p, ED));
		}
		assert_eq!(PayerCount::<Test>::get(p), 1);
		run_to(3);
		// The chamber has one member: Bob alone meets its quorum, and none of them may vote.
		let id = propose(&bob(), Scope::Project(p), set_equation_call(p));
		assert_eq!(chamber_members(id), 1);
		assert_noop!(Commons::vote(signed(&small[0]), id, true, 1), Error::<Test>::NotMember);
		vote(&bob(), id, true, 1);
		close_after_voting(id);
		assert!(matches!(
			Proposals::<Test>::get(id).unwrap().status,
			ProposalStatus::Passed { .. }
		));
	});
}

#[test]
fn a_payer_may_leave_and_the_record_goes() {
	test(|| {
		let p = payers_project();
		assert_ok!(Commons::pay_income(signed(&bob()), p, PROPOSAL_DEPOSIT));
		assert_noop!(
			Commons::leave_chamber(signed(&charlie()), p, ChamberRule::Payers),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Commons::leave_chamber(signed(&dave()), p, ChamberRule::Holders),
			Error::<Test>::CannotLeave
		);
		assert_noop!(
			Commons::leave_chamber(signed(&alice()), p, ChamberRule::Maintainers),
			Error::<Test>::CannotLeave
		);
		assert_ok!(Commons::leave_chamber(signed(&bob()), p, ChamberRule::Payers));
		assert_eq!(Payers::<Test>::get(p, bob()), None);
		assert_eq!(PayerCount::<Test>::get(p), 0);
		assert!(commons_events().contains(&Event::ChamberLeft {
			project: p,
			who: bob(),
			rule: ChamberRule::Payers
		}));
	});
}

#[test]
fn forwarded_income_never_makes_a_payer() {
	test(|| {
		let upstream = payers_project();
		let p = create_project(&alice());
		let share = vec![(upstream, Perbill::from_percent(50))].try_into().unwrap();
		assert_ok!(Commons::set_income_policy(signed(&alice()), p, Perbill::zero(), share));
		assert_ok!(Commons::pay_income(signed(&bob()), p, 4 * PROPOSAL_DEPOSIT));
		// Bob paid the downstream project; the upstream one received half of it from it.
		assert!(Payers::<Test>::get(p, bob()).unwrap().member_since.is_some());
		assert_eq!(Payers::<Test>::get(upstream, bob()), None);
		assert_eq!(PayerCount::<Test>::get(upstream), 0);
		// Nor does forwarding it, by anyone.
		assert_ok!(Commons::forward_income(signed(&bob()), upstream));
		assert_eq!(Payers::<Test>::get(upstream, bob()), None);
		assert_eq!(PayerCount::<Test>::get(upstream), 0);
		assert!(commons_events().contains(&Event::UpstreamPaid {
			from: p,
			to: upstream,
			amount: 2 * PROPOSAL_DEPOSIT
		}));
	});
}

#[test]
fn a_project_asks_more_than_the_chains_floor_never_less() {
	test(|| {
		let p = payers_project();
		assert_noop!(
			Commons::set_min_paid(project_origin(p), p, PROPOSAL_DEPOSIT - 1),
			Error::<Test>::BelowFloor
		);
		assert_noop!(
			Commons::set_min_paid(signed(&dave()), p, 2 * PROPOSAL_DEPOSIT),
			DispatchError::BadOrigin
		);
		// A project's vote may enact it.
		let call = crate::Call::<Test>::set_min_paid { project: p, min_paid: 2 * PROPOSAL_DEPOSIT };
		assert_eq!(Commons::project_of_call(&call), Some(p));
		assert_ok!(Commons::set_min_paid(project_origin(p), p, 2 * PROPOSAL_DEPOSIT));
		assert_eq!(MinPaid::<Test>::get(p), Some(2 * PROPOSAL_DEPOSIT));
		assert_ok!(Commons::pay_income(signed(&bob()), p, PROPOSAL_DEPOSIT));
		assert_eq!(PayerCount::<Test>::get(p), 0);
		assert_ok!(Commons::pay_income(signed(&bob()), p, PROPOSAL_DEPOSIT));
		assert_eq!(PayerCount::<Test>::get(p), 1);
		// The chain raising its floor raises what every project asks of new payers.
		let rules = MembershipRules { min_paid: 3 * PROPOSAL_DEPOSIT, ..Membership::<Test>::get() };
		assert_ok!(Commons::set_membership_rules(RuntimeOrigin::root(), rules));
		assert_eq!(Commons::min_paid_of(p), 3 * PROPOSAL_DEPOSIT);
		// Bob joined under the lower amount and stays.
		assert_eq!(PayerCount::<Test>::get(p), 1);
	});
}

#[test]
fn list_entries_hold_a_deposit_until_removed() {
	test(|| {
		// Bootstrap: Alice maintains a project without holders and lists Eve: Alice pays.
		let p = create_project(&alice());
		let chambers: ChambersOf<Test> =
			vec![Chamber { rule: ChamberRule::Listed, quorum: Perbill::from_percent(50) }]
				.try_into()
				.unwrap();
		assert_ok!(Commons::set_chambers(signed(&alice()), p, chambers));
		assert_ok!(Commons::set_chamber_member(signed(&alice()), p, eve(), true));
		assert_eq!(list_held(&alice()), LIST_DEPOSIT);
		assert_eq!(
			ChamberList::<Test>::get(p, eve()),
			Some(ListEntry { since: 1, depositor: alice(), deposit: LIST_DEPOSIT })
		);
		// Eve leaves: Alice gets the deposit back.
		assert_ok!(Commons::leave_chamber(signed(&eve()), p, ChamberRule::Listed));
		assert_eq!(list_held(&alice()), 0);
		assert_eq!(ChamberList::<Test>::get(p, eve()), None);
		assert_noop!(
			Commons::leave_chamber(signed(&eve()), p, ChamberRule::Listed),
			Error::<Test>::NotMember
		);
		// The vote lists from the treasury, which must be able to pay.
		let treasury = Commons::treasury_account(p);
		assert_eq!(Balances::balance(&treasury), ED);
		assert_noop!(
			Commons::set_chamber_member(project_origin(p), p, ferdie(), true),
			DispatchError::Token(TokenError::FundsUnavailable)
		);
		assert_ok!(Balances::mint_into(&treasury, LIST_DEPOSIT));
		assert_ok!(Commons::set_chamber_member(project_origin(p), p, ferdie(), true));
		assert_eq!(list_held(&treasury), LIST_DEPOSIT);
		// Listing again changes nothing and holds nothing more.
		assert_ok!(Commons::set_chamber_member(project_origin(p), p, ferdie(), true));
		assert_eq!(list_held(&treasury), LIST_DEPOSIT);
		assert_ok!(Commons::set_chamber_member(project_origin(p), p, ferdie(), false));
		assert_eq!(list_held(&treasury), 0);
	});
}

/// A recognised project reviewed by its holders (two approvals), whose colluding holders Dave
/// and Eve hold units from block 1, and a tenure of two epochs.
fn colluders_project() -> ProjectId {
	assert_ok!(Commons::set_membership_rules(RuntimeOrigin::root(), with_tenure(2)));
	let p = create_project_with(
		&alice(),
		ReviewRules { reviewers: ReviewerSet::Holders, ..default_rules() },
	);
	for who in [dave(), eve()] {
		assert_ok!(Commons::mint(p, &who, 100));
	}
	assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, true));
	p
}

#[test]
fn two_colluders_cannot_mint_chain_members() {
	test(|| {
		let p = colluders_project();
		run_to(3 * EPOCH + 1);
		// The attack: Dave and Eve approve the work of five fresh keys.
		let keys: Vec<AccountId> = (0..5).map(fresh).collect();
		for k in &keys {
			let c = submit(k, p, 0, 10);
			approve(&dave(), c, None);
			approve(&eve(), c, None);
			assert!(matches!(status(c), ContributionStatus::Accepted { units: 100, .. }));
		}
		assert_eq!(Projects::<Test>::get(p).unwrap().holders, 7);
		assert_eq!(RecentHolders::<Test>::get(p).into_inner(), vec![(0, 2), (3, 5)]);
		run_to(3 * EPOCH + 2);
		// The new keys are holders but not chain members within the tenure: they neither vote
		// nor propose, and the quorum counts only Dave and Eve.
		let id = propose(&dave(), Scope::Chain, remark(1));
		assert_eq!(chamber_members(id), 2);
		assert_eq!(Proposals::<Test>::get(id).unwrap().tenure, 2);
		for k in &keys {
			assert_noop!(Commons::vote(signed(k), id, true, 1), Error::<Test>::NotMember);
		}
		assert_noop!(
			Commons::propose(signed(&keys[0]), Scope::Chain, inline(remark(2)), description()),
			Error::<Test>::NotMember
		);
		// Nor do they farm rewards: approving each other's work pays no reviewer within it.
		let c = submit(&keys[0], p, 0, 10);
		approve(&keys[1], c, None);
		approve(&keys[2], c, None);
		assert!(matches!(status(c), ContributionStatus::Accepted { reviewer_units: 0, .. }));
		assert_eq!(Commons::units_of(p, &keys[1]), 100);
		// Past the tenure they are members like any other.
		// (Two whole epochs: from epoch 6 on.)
		run_to(5 * EPOCH + 1);
		assert_noop!(
			Commons::propose(signed(&keys[0]), Scope::Chain, inline(remark(3)), description()),
			Error::<Test>::NotMember
		);
		run_to(6 * EPOCH + 1);
		let later = propose(&dave(), Scope::Chain, remark(3));
		assert_eq!(chamber_members(later), 7);
		vote(&keys[0], later, true, 1);
	});
}

#[test]
fn the_chains_tenure_is_snapshotted_and_founders_are_past_it() {
	test(|| {
		let p = colluders_project();
		run_to(2);
		// Dave and Eve joined in epoch 0 of a chain with a tenure of two: not members yet.
		assert_noop!(
			Commons::propose(signed(&dave()), Scope::Chain, inline(remark(1)), description()),
			Error::<Test>::NotMember
		);
		// Holdings from genesis are past any tenure (minted in block 0, as genesis does).
		System::set_block_number(0);
		assert_ok!(Commons::mint(p, &ferdie(), 100));
		System::set_block_number(2);
		assert_eq!(RecentHolders::<Test>::get(p).into_inner(), vec![(0, 2)]);
		let id = propose(&ferdie(), Scope::Chain, remark(1));
		assert_eq!(chamber_members(id), 1);
		// A tenure set during the vote changes nothing about it.
		assert_ok!(Commons::set_membership_rules(RuntimeOrigin::root(), with_tenure(0)));
		assert_noop!(Commons::vote(signed(&dave()), id, true, 1), Error::<Test>::NotMember);
		assert_noop!(
			Commons::set_membership_rules(RuntimeOrigin::root(), with_tenure(MAX_TENURE + 1)),
			Error::<Test>::InvalidMembershipRules
		);
		assert_noop!(
			Commons::set_membership_rules(signed(&dave()), with_tenure(1)),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_reward_ring_is_capped_per_epoch() {
	test(|| {
		let p = project_with_three_maintainers();
		// Alice and Bob approve Charlie's work again and again in one epoch.
		let mut accepted = vec![];
		for _ in 0..MAX_REWARDED_REVIEWS + 2 {
			let c = submit(&charlie(), p, 0, 10);
			approve(&alice(), c, None);
			approve(&bob(), c, None);
			accepted.push(c);
		}
		let rewards: Vec<Units> = accepted
			.iter()
			.map(|c| match status(*c) {
				ContributionStatus::Accepted { reviewer_units, .. } => reviewer_units,
				_ => panic!("accepted"),
			})
			.collect();
		// 10% of 100 units, 5 each, for the first three reviews of each reviewer only.
		assert_eq!(rewards, vec![10, 10, 10, 0, 0]);
		assert_eq!(Commons::units_of(p, &alice()), 15);
		assert_eq!(
			ReviewRewards::<Test>::get(p, alice()),
			Some(RewardedReviews { epoch: 0, count: MAX_REWARDED_REVIEWS })
		);
		// A revocation burns a reward only from those who earned it.
		assert_ok!(Commons::revoke_contribution(project_origin(p), accepted[3]));
		assert_eq!(Commons::units_of(p, &alice()), 15);
		assert_ok!(Commons::revoke_contribution(project_origin(p), accepted[0]));
		assert_eq!(Commons::units_of(p, &alice()), 10);
		// The next epoch pays again.
		run_to(EPOCH + 1);
		let c = submit(&charlie(), p, 0, 10);
		approve(&alice(), c, None);
		approve(&bob(), c, None);
		assert!(matches!(status(c), ContributionStatus::Accepted { reviewer_units: 10, .. }));
	});
}

#[test]
fn a_revocation_follows_the_rewarded_reviewers_not_the_order_of_approval() {
	test(|| {
		let p = project_with_three_maintainers();
		// Alice uses up her rewards on Charlie's work; then she and Bob approve one more.
		for _ in 0..MAX_REWARDED_REVIEWS {
			let c = submit(&charlie(), p, 0, 10);
			approve(&alice(), c, None);
			approve(&bob(), c, None);
		}
		let c = submit(&dave(), p, 0, 10);
		approve(&alice(), c, None);
		approve(&charlie(), c, None);
		assert!(matches!(status(c), ContributionStatus::Accepted { reviewer_units: 5, .. }));
		// Charlie was rewarded; he comes first among the approvals.
		let first = crate::Contributions::<Test>::get(c).unwrap().approvals[0].reviewer.clone();
		assert_eq!(first, charlie());
		let (alice_before, charlie_before) =
			(Commons::units_of(p, &alice()), Commons::units_of(p, &charlie()));
		assert_ok!(Commons::revoke_contribution(project_origin(p), c));
		assert_eq!(Commons::units_of(p, &alice()), alice_before);
		assert_eq!(Commons::units_of(p, &charlie()), charlie_before - 5);
	});
}

#[test]
fn recognised_projects_keep_a_review_floor() {
	test(|| {
		// Anyone reviews: below the floor, the chain cannot recognise it.
		let open = create_project_with(
			&alice(),
			ReviewRules { reviewers: ReviewerSet::Anyone, ..default_rules() },
		);
		assert_noop!(
			Commons::set_recognised(RuntimeOrigin::root(), open, true),
			Error::<Test>::PolicyBelowFloor
		);
		let p = members_project();
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, true));
		// Going optimistic, it stops conferring chain membership.
		let optimistic = ReviewRules { optimistic: true, ..default_rules() };
		assert_ok!(Commons::set_review_policy(project_origin(p), p, optimistic));
		assert!(RecognisedProjects::<Test>::get().is_empty());
		assert!(
			commons_events().contains(&Event::ProjectRecognised { project: p, recognised: false })
		);
		// Back above the floor, recognised again; then the chain raises its floor past it.
		assert_ok!(Commons::set_review_policy(project_origin(p), p, default_rules()));
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, true));
		let strict = MembershipRules {
			review: ReviewFloor { min_approvals: 3, ..Default::default() },
			..Membership::<Test>::get()
		};
		assert_ok!(Commons::set_membership_rules(RuntimeOrigin::root(), strict));
		assert!(RecognisedProjects::<Test>::get().is_empty());
		assert_noop!(
			Commons::set_membership_rules(
				RuntimeOrigin::root(),
				MembershipRules {
					review: ReviewFloor { min_approvals: 6, ..Default::default() },
					..Membership::<Test>::get()
				}
			),
			Error::<Test>::InvalidMembershipRules
		);
	});
}

#[test]
fn holders_leaving_and_moving_keep_the_recent_count_true() {
	test(|| {
		let p = members_project();
		assert_eq!(RecentHolders::<Test>::get(p).into_inner(), vec![(0, 3)]);
		// A moved key joins anew (epoch 1), the old one leaves.
		run_to(EPOCH + 1);
		assert_ok!(Commons::move_units(project_origin(p), p, dave(), alice()));
		assert_eq!(RecentHolders::<Test>::get(p).into_inner(), vec![(0, 2), (1, 1)]);
		assert_eq!(Holdings::<Test>::get(p, alice()).unwrap().member_since, EPOCH + 1);
		// Entries a tenure can no longer reach are dropped when the next is written.
		run_to((MAX_TENURE as u64 + 1) * EPOCH);
		assert_ok!(Commons::mint(p, &bob(), 1));
		assert_eq!(RecentHolders::<Test>::get(p).into_inner(), vec![(1, 1), (MAX_TENURE + 1, 1)]);
	});
}

#[test]
fn a_project_the_chain_does_not_recognise_rewards_its_reviewers_without_tenure() {
	test(|| {
		assert_ok!(Commons::set_membership_rules(RuntimeOrigin::root(), with_tenure(2)));
		// Alice and Bob maintain a new project and hold no units: they are rewarded at once,
		// as its policy says (its units make no chain members).
		let p = project_with_three_maintainers();
		let c = submit(&charlie(), p, 0, 10);
		approve(&alice(), c, None);
		approve(&bob(), c, None);
		assert!(matches!(status(c), ContributionStatus::Accepted { reviewer_units: 10, .. }));
		// Recognised, the same review pays nobody within the tenure.
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, true));
		let c = submit(&charlie(), p, 0, 10);
		approve(&alice(), c, None);
		approve(&bob(), c, None);
		assert!(matches!(status(c), ContributionStatus::Accepted { reviewer_units: 0, .. }));
	});
}

#[test]
fn the_runtime_api_says_what_makes_an_account_a_member() {
	test(|| {
		let p = colluders_project();
		let view = Commons::membership_view(p, &dave());
		assert_eq!(
			view,
			MembershipView {
				min_paid: PROPOSAL_DEPOSIT,
				paid: 0,
				payer: false,
				listed: false,
				holder: true,
				chain_member: false,
				tenure: 2,
			}
		);
		assert_ok!(Commons::pay_income(signed(&dave()), p, PROPOSAL_DEPOSIT));
		run_to(3 * EPOCH);
		let view = Commons::membership_view(p, &dave());
		assert_eq!((view.paid, view.payer, view.chain_member), (PROPOSAL_DEPOSIT, true, true));
	});
}
