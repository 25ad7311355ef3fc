//! Proposal slots: one member cannot jam a scope, unattended proposals cost their proposer,
//! and appeals keep slots of their own.

use super::{governance::*, *};
use crate::{Error, Event, LiveProjectAppeals, LiveProposals, OpenProposals, Proposals};
use frame_support::assert_noop;

fn remark(n: u8) -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![n] })
}

/// Dave, Eve and Ferdie are chain members (holders of a recognised project), from block 3.
fn chain_members() -> ProjectId {
	let p = members_project();
	assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, true));
	run_to(3);
	p
}

#[test]
fn one_member_cannot_squat_a_scopes_proposal_slots() {
	test(|| {
		chain_members();
		// Dave's first proposal holds the deposit, his second twice as much.
		propose(&dave(), Scope::Chain, remark(1));
		assert_eq!(held(&dave()), PROPOSAL_DEPOSIT);
		propose(&dave(), Scope::Chain, remark(2));
		assert_eq!(held(&dave()), PROPOSAL_DEPOSIT + 2 * PROPOSAL_DEPOSIT);
		assert_eq!(OpenProposals::<Test>::get(Scope::Chain, dave()), 2);
		// A third is refused: the scope's last slot stays for another member.
		assert_noop!(
			Commons::propose(
				RuntimeOrigin::signed(dave()),
				Scope::Chain,
				inline(remark(3)),
				description()
			),
			Error::<Test>::TooManyOpenProposals
		);
		propose(&eve(), Scope::Chain, remark(4));
		assert_eq!(held(&eve()), PROPOSAL_DEPOSIT);
		assert_eq!(LiveProposals::<Test>::get(Scope::Chain), 3);
		assert_noop!(
			Commons::propose(
				RuntimeOrigin::signed(ferdie()),
				Scope::Chain,
				inline(remark(5)),
				description()
			),
			Error::<Test>::TooManyProposals
		);
	});
}

#[test]
fn a_squatters_unattended_proposals_cost_them() {
	test(|| {
		let p = chain_members();
		let before = (free(&dave()), Balances::total_issuance());
		let first = propose(&dave(), Scope::Chain, remark(1));
		let second = propose(&dave(), Scope::Chain, remark(2));
		// Nobody votes: closed, each burns half its deposit.
		close_after_voting(first);
		assert_ok!(Commons::close(RuntimeOrigin::signed(eve()), second));
		let burned = PROPOSAL_DEPOSIT / 2 + PROPOSAL_DEPOSIT;
		// Each closed record keeps its deposit until removed.
		assert_eq!(held(&dave()), 2 * RECORD_DEPOSIT);
		assert_eq!(free(&dave()), before.0 - burned - 2 * RECORD_DEPOSIT);
		assert_eq!(Balances::total_issuance(), before.1 - burned);
		assert!(commons_events().contains(&Event::ProposalDepositForfeited {
			proposal: second,
			amount: PROPOSAL_DEPOSIT
		}));
		assert_eq!(OpenProposals::<Test>::get(Scope::Chain, dave()), 0);
		assert!(!OpenProposals::<Test>::contains_key(Scope::Chain, dave()));
		// At project scope the forfeit goes to the project's treasury.
		let treasury = Commons::treasury_account(p);
		let funds = free(&treasury);
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		close_after_voting(id);
		assert_eq!(free(&treasury), funds + PROPOSAL_DEPOSIT / 2);
	});
}

#[test]
fn a_proposal_voted_down_with_its_quorum_forfeits_nothing() {
	test(|| {
		let p = members_project();
		let before = free(&dave());
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		vote(&eve(), id, false, 2);
		vote(&ferdie(), id, false, 1);
		close_after_voting(id);
		assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Failed);
		assert_eq!((free(&dave()), held(&dave())), (before - RECORD_DEPOSIT, RECORD_DEPOSIT));
		assert!(!commons_events()
			.iter()
			.any(|e| matches!(e, Event::ProposalDepositForfeited { .. })));
	});
}

#[test]
fn appeals_keep_their_own_slots() {
	test(|| {
		let p = members_project();
		let c = submit(&eve(), p, 0, 3);
		reject(&alice(), c);
		reject(&bob(), c);
		// The project's proposal slots are all taken.
		propose(&dave(), Scope::Project(p), set_equation_call(p));
		propose(&dave(), Scope::Project(p), set_equation_call(p));
		propose(&ferdie(), Scope::Project(p), set_equation_call(p));
		assert_eq!(LiveProposals::<Test>::get(Scope::Project(p)), 3);
		// The appeal still opens, in a slot of the appeals, at the base deposit.
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(eve()), c, 3, description()));
		assert_eq!(LiveProjectAppeals::<Test>::get(p), 1);
		assert_eq!(held(&eve()), PROPOSAL_DEPOSIT + RECORD_DEPOSIT);
		assert_eq!(OpenProposals::<Test>::get(Scope::Project(p), eve()), 0);
	});
}
