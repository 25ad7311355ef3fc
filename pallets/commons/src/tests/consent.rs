//! Nothing passes without consent. Each attack an outsider could make on a project with nobody
//! to vote, or on a review that nobody finishes, performed and shown to fail.

use super::{governance::*, *};
use crate::{Appeals, Error, Event, Forfeited, Projects, Proposal, Proposals};
use frame_support::{assert_noop, traits::Get};
use sp_runtime::Perbill;

/// A claim of 10^20 hours, as the attack on a dev node made.
const HUGE: Quantity = 100_000_000_000_000_000_000;

/// A project of Alice's (maintainers review, one approval), with no value-unit holders.
fn empty_project() -> ProjectId {
	create_project_with(&alice(), ReviewRules { min_approvals: 1, ..default_rules() })
}

/// Eve's claim in `p`, rejected by its maintainer Alice.
fn rejected_claim(p: ProjectId) -> ContributionId {
	let c = submit(&eve(), p, 0, HUGE);
	reject(&alice(), c);
	assert_eq!(status(c), ContributionStatus::Rejected);
	c
}

fn chambers(rules: &[ChamberRule]) -> ChambersOf<Test> {
	rules
		.iter()
		.map(|rule| Chamber { rule: *rule, quorum: Perbill::from_percent(50) })
		.collect::<Vec<_>>()
		.try_into()
		.unwrap()
}

#[test]
fn an_appeal_in_a_project_without_members_goes_to_the_chain_and_never_passes_empty() {
	test(|| {
		let p = empty_project();
		let c = rejected_claim(p);
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(eve()), c, HUGE, description()));
		let id = Appeals::<Test>::get(c).unwrap();
		let proposal = Proposals::<Test>::get(id).unwrap();
		// Not to the maintainer who rejected it: to the chain.
		assert_eq!(proposal.scope, Scope::Chain);
		assert!(commons_events().contains(&Event::Appealed {
			contribution: c,
			proposal: id,
			scope: Scope::Chain,
			quantity: HUGE,
		}));
		// The chain recognises no project here: it has no members, and nobody may vote.
		assert_eq!(proposal.chambers[0].1.members, 0);
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(eve()), id, true, 1),
			Error::<Test>::NotMember
		);
		run_to(proposal.ends + 1);
		assert_ok!(Commons::close(RuntimeOrigin::signed(eve()), id));
		assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Failed);
		run_to(System::block_number() + ENACTMENT_DELAY + 1);
		// Nothing was minted, the appellant's deposit came back, and the maintainer still acts.
		assert_eq!(status(c), ContributionStatus::Rejected);
		assert_eq!(Commons::units_of(p, &eve()), 0);
		assert_eq!(Projects::<Test>::get(p).unwrap().holders, 0);
		// What backs the records of the contribution and of the closed appeal stays held.
		assert_eq!(held(&eve()), 2 * RECORD_DEPOSIT);
		assert_ok!(Commons::set_maintainers(
			RuntimeOrigin::signed(alice()),
			p,
			vec![alice(), bob()].try_into().unwrap()
		));
	});
}

#[test]
fn an_escalated_appeal_is_decided_by_the_chain_and_dispatched_as_root() {
	test(|| {
		// Dave, Eve and Ferdie hold units in a project the chain recognises.
		let q = members_project();
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), q, true));
		let p = empty_project();
		let c = submit(&ferdie(), p, 0, 3);
		reject(&alice(), c);
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(ferdie()), c, 3, description()));
		let id = Appeals::<Test>::get(c).unwrap();
		assert_eq!(Proposals::<Test>::get(id).unwrap().scope, Scope::Chain);
		vote(&dave(), id, true, 1);
		vote(&eve(), id, true, 1);
		close_after_voting(id);
		run_to(System::block_number() + ENACTMENT_DELAY);
		// 3 hours at 10 units, credited in the project by the chain's vote.
		assert!(matches!(status(c), ContributionStatus::Accepted { units: 30, .. }));
		assert_eq!(Commons::units_of(p, &ferdie()), 30);
		assert_eq!(Forfeited::<Test>::get(c), None);
	});
}

#[test]
fn an_appeal_in_a_project_whose_chambers_are_all_empty_goes_to_the_chain() {
	test(|| {
		// The project has holders, but its chambers are its payers and its list: nobody.
		let p = members_project();
		assert_ok!(Commons::set_chambers(
			RuntimeOrigin::root(),
			p,
			chambers(&[ChamberRule::Payers, ChamberRule::Listed])
		));
		let c = submit(&eve(), p, 0, HUGE);
		reject(&alice(), c);
		reject(&bob(), c);
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(eve()), c, 1, description()));
		let id = Appeals::<Test>::get(c).unwrap();
		assert_eq!(Proposals::<Test>::get(id).unwrap().scope, Scope::Chain);
		close_after_voting(id);
		assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Failed);
		assert_eq!(Commons::units_of(p, &eve()), 100);
	});
}

#[test]
fn an_appeal_never_goes_to_the_maintainers_alone() {
	test(|| {
		// The only chamber with members is the maintainers', who rejected the work.
		let p = empty_project();
		set_maintainers(p, &[alice(), bob()]);
		assert_ok!(Commons::set_chambers(
			RuntimeOrigin::signed(alice()),
			p,
			chambers(&[ChamberRule::Maintainers])
		));
		let c = rejected_claim(p);
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(eve()), c, 1, description()));
		let id = Appeals::<Test>::get(c).unwrap();
		assert_eq!(Proposals::<Test>::get(id).unwrap().scope, Scope::Chain);
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(bob()), id, true, 1),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn an_appeal_in_a_project_with_members_stays_in_the_project() {
	test(|| {
		let p = members_project();
		let c = submit(&eve(), p, 0, 3);
		reject(&alice(), c);
		reject(&bob(), c);
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(eve()), c, 1, description()));
		let id = Appeals::<Test>::get(c).unwrap();
		assert_eq!(Proposals::<Test>::get(id).unwrap().scope, Scope::Project(p));
		assert!(commons_events().contains(&Event::Appealed {
			contribution: c,
			proposal: id,
			scope: Scope::Project(p),
			quantity: 1,
		}));
	});
}

/// A proposal in Alice's project with these chambers, `votes` voters and `min_voters`.
fn proposal_of(chambers: &[(Chamber, Tally)], votes: u32, min_voters: u32) -> Proposal<Test> {
	Proposal {
		scope: Scope::Project(0),
		proposer: alice(),
		deposit: 0,
		call: *inline(set_equation_call(0)),
		description: description(),
		created: 1,
		epoch: 0,
		ends: 11,
		chambers: chambers.to_vec().try_into().unwrap(),
		votes,
		status: ProposalStatus::Open,
		appeal: None,
		maintainers: Default::default(),
		recognised: Default::default(),
		min_voters,
		last_vote: 1,
		tenure: 0,
	}
}

#[test]
fn a_proposal_passes_only_with_consent_of_every_chamber_that_had_members() {
	let quorum = Perbill::from_percent(50);
	let tally = |ayes, nays, voters, members| Tally { ayes, nays, voters, members };
	let holders = Chamber { rule: ChamberRule::Holders, quorum };
	let listed = Chamber { rule: ChamberRule::Listed, quorum };
	let passes = |chambers: &[(Chamber, Tally)], votes| proposal_of(chambers, votes, 1).passes();
	// Nobody could vote: never passes.
	assert!(!passes(&[], 0));
	assert!(!passes(&[(holders, tally(0, 0, 0, 0))], 0));
	assert!(!passes(&[(holders, tally(0, 0, 0, 0)), (listed, tally(0, 0, 0, 0))], 0));
	// An empty chamber does not block one that consents.
	assert!(passes(&[(holders, tally(3, 1, 2, 4)), (listed, tally(0, 0, 0, 0))], 2));
	// Every chamber with members must consent: ayes above nays, and the quorum.
	assert!(!passes(&[(holders, tally(3, 1, 2, 4)), (listed, tally(1, 1, 2, 2))], 3));
	assert!(!passes(&[(holders, tally(3, 0, 1, 4))], 1));
	// A zero quorum still needs one voter.
	let any = Chamber { rule: ChamberRule::Holders, quorum: Perbill::zero() };
	assert!(!passes(&[(any, tally(0, 0, 0, 3))], 0));
	assert!(passes(&[(any, tally(1, 0, 1, 3))], 1));
	// A share alone lets two of three decide; a least number of voters does not.
	let two_of_three = [(holders, tally(2, 0, 2, 3))];
	assert!(proposal_of(&two_of_three, 2, 2).passes());
	assert!(!proposal_of(&two_of_three, 2, 3).passes());
}

#[test]
fn the_outcome_is_certain_only_when_the_members_who_have_not_voted_cannot_change_it() {
	let quorum = Perbill::from_percent(50);
	let tally = |ayes, nays, voters, members| Tally { ayes, nays, voters, members };
	let holders = Chamber { rule: ChamberRule::Holders, quorum };
	let listed = Chamber { rule: ChamberRule::Listed, quorum };
	// Each remaining member could cast 10 votes.
	let certain = |chambers: &[(Chamber, Tally)], votes, min| {
		proposal_of(chambers, votes, min).certain_outcome(10)
	};
	// 20 ayes of 2 voters in 3: the last member's 10 nays cannot catch up.
	assert_eq!(certain(&[(holders, tally(20, 0, 2, 3))], 2, 1), Some(true));
	// 10 ayes, 2 members left with 20 votes between them: open.
	assert_eq!(certain(&[(holders, tally(10, 0, 1, 3))], 1, 1), None);
	// A tie the last member could break either way is open; exactly caught up fails.
	assert_eq!(certain(&[(holders, tally(15, 5, 2, 3))], 2, 1), None);
	assert_eq!(certain(&[(holders, tally(0, 20, 2, 3))], 2, 1), Some(false));
	// The quorum must already be reached: 1 voter of 4 with 30 ayes is not enough.
	assert_eq!(certain(&[(holders, tally(30, 0, 1, 4))], 1, 1), None);
	// Every chamber with members must be certain; one certain to refuse decides it.
	let sure = (holders, tally(20, 0, 2, 3));
	assert_eq!(certain(&[sure, (listed, tally(5, 0, 1, 2))], 2, 1), None);
	assert_eq!(certain(&[sure, (listed, tally(5, 0, 2, 2))], 2, 1), Some(true));
	assert_eq!(certain(&[sure, (listed, tally(0, 5, 2, 2))], 2, 1), Some(false));
	// Not enough members left to reach `min_voters`: certain to fail; reached: certain.
	assert_eq!(certain(&[(holders, tally(20, 0, 2, 3))], 2, 4), Some(false));
	assert_eq!(certain(&[(holders, tally(20, 0, 2, 3))], 2, 3), None);
	// Nobody could vote: certain to fail.
	assert_eq!(certain(&[(holders, tally(0, 0, 0, 0))], 0, 1), Some(false));
}

#[test]
fn a_least_number_of_voters_keeps_two_of_three_from_deciding() {
	test(|| {
		let p = members_project();
		let params =
			GovernanceParams { min_voters: 3, ..Commons::governance_of(Scope::Project(p)) };
		assert_ok!(Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), params));
		// Two of the three holders vote for: a 50% quorum is met, the least number is not.
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		assert_eq!(Proposals::<Test>::get(id).unwrap().min_voters, 3);
		vote(&dave(), id, true, 5);
		vote(&eve(), id, true, 5);
		close_after_voting(id);
		assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Failed);
		assert_eq!(crate::ValueEquations::<Test>::get(p).unwrap().version, 1);
		// With the third, it passes.
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		for who in [dave(), eve(), ferdie()] {
			vote(&who, id, true, 1);
		}
		close_after_voting(id);
		assert!(matches!(
			Proposals::<Test>::get(id).unwrap().status,
			ProposalStatus::Passed { .. }
		));
		// The parameter changes only later proposals: the snapshot is the proposal's.
		let later = propose(&dave(), Scope::Project(p), set_equation_call(p));
		let params = GovernanceParams { min_voters: 1, ..params };
		assert_ok!(Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), params));
		vote(&dave(), later, true, 1);
		close_after_voting(later);
		assert_eq!(Proposals::<Test>::get(later).unwrap().status, ProposalStatus::Failed);
	});
}

#[test]
fn a_maintainer_change_during_a_vote_changes_nobody_who_votes_on_it() {
	test(|| {
		let p = members_project();
		let maintainers: ChambersOf<Test> =
			vec![Chamber { rule: ChamberRule::Maintainers, quorum: Perbill::from_percent(100) }]
				.try_into()
				.unwrap();
		assert_ok!(Commons::set_chambers(RuntimeOrigin::root(), p, maintainers));
		set_maintainers(p, &[alice(), bob()]);
		run_to(3);
		let id = propose(&alice(), Scope::Project(p), set_equation_call(p));
		assert_eq!(Proposals::<Test>::get(id).unwrap().maintainers.to_vec(), vec![alice(), bob()]);
		// A vote replaces Bob with Charlie while the proposal is open.
		set_maintainers(p, &[alice(), charlie()]);
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(charlie()), id, true, 1),
			Error::<Test>::NotMember
		);
		// Bob, a maintainer when it was made, still votes: both of its members consent.
		vote(&alice(), id, true, 1);
		vote(&bob(), id, true, 1);
		close_after_voting(id);
		let proposal = Proposals::<Test>::get(id).unwrap();
		assert!(matches!(proposal.status, ProposalStatus::Passed { .. }));
		assert_eq!(proposal.chambers[0].1.members, 2);
		// A proposal made after the change is Charlie's to vote on, not Bob's.
		let next = propose(&charlie(), Scope::Project(p), set_equation_call(p));
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(bob()), next, true, 1),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn recognising_a_project_during_a_chain_vote_changes_nobody_who_votes_on_it() {
	test(|| {
		let q = members_project();
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), q, true));
		// Another project whose holder is Charlie.
		let other = create_project(&bob());
		assert_ok!(Commons::mint(other, &charlie(), 100));
		run_to(3);
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		let id = propose(&dave(), Scope::Chain, remark);
		// During the vote, the chain recognises Charlie's project and stops recognising q.
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), other, true));
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), q, false));
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(charlie()), id, true, 1),
			Error::<Test>::NotMember
		);
		for who in [dave(), eve()] {
			vote(&who, id, true, 1);
		}
		let proposal = Proposals::<Test>::get(id).unwrap();
		assert_eq!(proposal.recognised.to_vec(), vec![q]);
		assert_eq!(proposal.chambers[0].1.members, 3);
		close_after_voting(id);
		assert!(matches!(
			Proposals::<Test>::get(id).unwrap().status,
			ProposalStatus::Passed { .. }
		));
	});
}

#[test]
fn a_proposal_closes_early_once_its_outcome_is_certain() {
	test(|| {
		let p = members_project();
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		// 10 ayes with two members left, each able to cast 10 nays: not certain.
		vote(&dave(), id, true, 10);
		assert_noop!(
			Commons::close(RuntimeOrigin::signed(alice()), id),
			Error::<Test>::VotingOngoing
		);
		// 20 ayes: Ferdie's 10 nays could not catch up. But the last voter cannot close on the
		// tally they just made: the others get the enactment delay to answer.
		vote(&eve(), id, true, 10);
		assert_noop!(
			Commons::close(RuntimeOrigin::signed(eve()), id),
			Error::<Test>::VotingOngoing
		);
		run_to(System::block_number() + ENACTMENT_DELAY);
		let ends = Proposals::<Test>::get(id).unwrap().ends;
		assert!(System::block_number() < ends);
		assert_ok!(Commons::close(RuntimeOrigin::signed(alice()), id));
		let now = System::block_number();
		assert!(commons_events().contains(&Event::ProposalClosed {
			proposal: id,
			passed: true,
			early: true,
			enactment: Some(now + ENACTMENT_DELAY),
			tallies: vec![Tally { ayes: 20, nays: 0, voters: 2, members: 3 }].try_into().unwrap(),
		}));
		run_to(now + ENACTMENT_DELAY);
		assert_eq!(crate::ValueEquations::<Test>::get(p).unwrap().version, 2);

		// Certain to fail: two members against with 20 nays (credits of the next epoch); closed
		// early, nothing enacted.
		run_to(EPOCH);
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		let before = (held(&dave()), free(&dave()));
		vote(&dave(), id, false, 10);
		vote(&eve(), id, false, 10);
		run_to(System::block_number() + ENACTMENT_DELAY);
		assert_ok!(Commons::close(RuntimeOrigin::signed(ferdie()), id));
		assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Failed);
		// Closed early, before turnout could be judged: the whole deposit comes back, but for
		// what backs the record (and Dave's vote) until removed.
		let kept = RECORD_DEPOSIT + VOTE_DEPOSIT;
		assert_eq!(
			(held(&dave()), free(&dave())),
			(before.0 - PROPOSAL_DEPOSIT + kept, before.1 + PROPOSAL_DEPOSIT - kept)
		);
	});
}

/// Alice's project reviewed by its holders: Bob and Charlie hold units; one approval of half
/// the verdicts accepts.
fn holders_project() -> ProjectId {
	let rules = ReviewRules {
		reviewers: ReviewerSet::Holders,
		min_approvals: 1,
		threshold: Perbill::from_percent(50),
		..default_rules()
	};
	let p = create_project_with(&alice(), rules);
	assert_ok!(Commons::mint(p, &bob(), 10));
	assert_ok!(Commons::mint(p, &charlie(), 10));
	p
}

#[test]
fn a_claim_rejected_by_every_holder_is_rejected_and_may_be_appealed() {
	test(|| {
		let p = holders_project();
		let treasury = Commons::treasury_account(p);
		let before = free(&treasury);
		let c = submit(&dave(), p, 0, HUGE);
		reject(&bob(), c);
		// Alice (maintainer) may still approve: 1 of 2 would meet the threshold.
		assert_eq!(status(c), ContributionStatus::Pending);
		reject(&charlie(), c);
		// Two holders and one maintainer, two rejections: one approval of three cannot win.
		assert_eq!(status(c), ContributionStatus::Rejected);
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
		assert_eq!(free(&treasury), before + FORFEIT);
		assert_eq!(Forfeited::<Test>::get(c), Some(FORFEIT));
		// The holders decide the appeal.
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(dave()), c, 1, description()));
		let id = Appeals::<Test>::get(c).unwrap();
		assert_eq!(Proposals::<Test>::get(id).unwrap().scope, Scope::Project(p));
	});
}

#[test]
fn a_holders_review_left_with_a_rejection_is_rejected_at_the_end_of_the_period() {
	test(|| {
		let p = holders_project();
		let c = submit(&dave(), p, 0, 3);
		reject(&bob(), c);
		run_to(1 + REVIEW_PERIOD);
		assert_ok!(Commons::finalize(RuntimeOrigin::signed(ferdie()), c));
		assert_eq!(status(c), ContributionStatus::Rejected);
		assert_eq!(Forfeited::<Test>::get(c), Some(FORFEIT));
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
	});
}

/// Alice's project that anyone reviews: one approval of half the verdicts accepts.
fn anyone_project(min_approvals: u32) -> ProjectId {
	let rules = ReviewRules {
		reviewers: ReviewerSet::Anyone,
		min_approvals,
		threshold: Perbill::from_percent(50),
		..default_rules()
	};
	create_project_with(&alice(), rules)
}

#[test]
fn a_claim_rejected_by_everyone_who_looked_is_rejected_when_the_review_ends() {
	test(|| {
		let p = anyone_project(1);
		let c = submit(&dave(), p, 0, HUGE);
		reject(&bob(), c);
		reject(&charlie(), c);
		// Anyone may still come: the review stays open.
		assert_eq!(status(c), ContributionStatus::Pending);
		assert_noop!(
			Commons::finalize(RuntimeOrigin::signed(ferdie()), c),
			Error::<Test>::ReviewOngoing
		);
		run_to(1 + REVIEW_PERIOD);
		assert_ok!(Commons::finalize(RuntimeOrigin::signed(ferdie()), c));
		assert_eq!(status(c), ContributionStatus::Rejected);
		assert_eq!(
			commons_events().last(),
			Some(&Event::ContributionRejected { contribution: c, forfeited: FORFEIT })
		);
		// Spam costs its deposit (the record's part until it is removed), and the contributor
		// may still appeal.
		assert_eq!(free(&dave()), ENDOWMENT - CONTRIBUTION_DEPOSIT);
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(dave()), c, 1, description()));
	});
}

#[test]
fn a_review_that_met_the_threshold_without_enough_approvals_expires() {
	test(|| {
		// Three approvals needed; two approve and one rejects: the threshold is met.
		let p = anyone_project(3);
		let c = submit(&dave(), p, 0, 3);
		approve(&bob(), c, None);
		approve(&charlie(), c, None);
		reject(&eve(), c);
		run_to(1 + REVIEW_PERIOD);
		assert_ok!(Commons::finalize(RuntimeOrigin::signed(ferdie()), c));
		assert_eq!(status(c), ContributionStatus::Expired);
		assert_eq!(free(&dave()), ENDOWMENT - RECORD_DEPOSIT);
		assert_eq!(Forfeited::<Test>::get(c), None);
	});
}

#[test]
fn escalated_appeals_cannot_crowd_out_the_chains_own_proposals() {
	test(|| {
		let q = members_project();
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), q, true));
		// An outsider's claims in a project without members, each rejected and appealed.
		let p = empty_project();
		let max = <Test as crate::Config>::MaxLiveProposals::get();
		let claims: Vec<_> = (0..=max).map(|_| rejected_claim(p)).collect();
		for c in &claims[..max as usize] {
			assert_ok!(Commons::appeal(RuntimeOrigin::signed(eve()), *c, 1, description()));
		}
		assert_eq!(crate::LiveChainAppeals::<Test>::get(), max);
		assert_noop!(
			Commons::appeal(RuntimeOrigin::signed(eve()), claims[max as usize], 1, description()),
			Error::<Test>::TooManyProposals
		);
		// The chain's members still propose, as many as ever.
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		for who in [dave(), eve(), ferdie()].iter().take(max as usize) {
			propose(who, Scope::Chain, remark.clone());
		}
		assert_eq!(crate::LiveProposals::<Test>::get(Scope::Chain), max);
		// A closed appeal frees its slot.
		let first = Appeals::<Test>::get(claims[0]).unwrap();
		close_after_voting(first);
		assert_eq!(crate::LiveChainAppeals::<Test>::get(), max - 1);
		assert_ok!(Commons::appeal(
			RuntimeOrigin::signed(eve()),
			claims[max as usize],
			1,
			description()
		));
	});
}
