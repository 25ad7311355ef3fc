//! Every stored item paid for until it is removed, and cleanup that pays: record deposits,
//! vote deposits, holding fees, and the removal of what is left behind.

use super::{governance::*, *};
use crate::{
	Error, Event, Holdings, Projects, Proposals, ReviewPolicies, ValueEquations, VoiceCredits,
	Votes,
};
use frame_support::{assert_noop, dispatch::Pays, traits::fungible::Inspect};

fn issuance() -> Balance {
	<Balances as Inspect<AccountId>>::total_issuance()
}

#[test]
fn a_decided_contribution_keeps_its_record_deposit_until_removed_and_pays_for_new_holdings() {
	test(|| {
		let p = project_with_three_maintainers();
		let before = (free(&dave()), issuance());
		let c = submit(&dave(), p, 0, 3);
		approve(&alice(), c, None);
		approve(&bob(), c, None);
		assert!(matches!(status(c), ContributionStatus::Accepted { .. }));
		// Dave's and both reviewers' first units in the project: three new holdings, each
		// paid for for good out of the deposit, and the record's deposit stays held.
		assert!(commons_events().contains(&Event::HoldingFeesBurned {
			contribution: c,
			holdings: 3,
			amount: 3 * HOLDING_FEE
		}));
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
		assert_eq!(free(&dave()), before.0 - RECORD_DEPOSIT - 3 * HOLDING_FEE);
		assert_eq!(issuance(), before.1 - 3 * HOLDING_FEE);

		// A second acceptance creates no holding and pays no fee.
		let again = submit(&dave(), p, 0, 1);
		approve(&alice(), again, None);
		approve(&bob(), again, None);
		assert_eq!(held(&dave()), 2 * RECORD_DEPOSIT);
		assert_eq!(free(&dave()), before.0 - 2 * RECORD_DEPOSIT - 3 * HOLDING_FEE);

		// Dave may remove it after the retention period, anyone a retention later: free, and
		// paid a fifth of the record's deposit; the rest goes back to Dave.
		run_to(1 + RETENTION);
		assert_noop!(
			Commons::remove_contribution(RuntimeOrigin::signed(eve()), c),
			Error::<Test>::NotRemovable
		);
		run_to(1 + 2 * RETENTION);
		let eves = free(&eve());
		let info = Commons::remove_contribution(RuntimeOrigin::signed(eve()), c).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		let reward = RECORD_DEPOSIT / 5;
		assert_eq!(free(&eve()), eves + reward);
		assert!(commons_events().contains(&Event::CleanupRewarded { who: eve(), amount: reward }));
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
		// Its depositor removing it gets all of it back.
		let daves = free(&dave());
		assert_ok!(Commons::remove_contribution(RuntimeOrigin::signed(dave()), again));
		assert_eq!((held(&dave()), free(&dave())), (0, daves + RECORD_DEPOSIT));
	});
}

#[test]
fn a_rejection_forfeits_all_but_the_records_deposit() {
	test(|| {
		let p = project_with_three_maintainers();
		let treasury = Commons::treasury_account(p);
		let c = submit(&dave(), p, 0, 3);
		reject(&alice(), c);
		reject(&bob(), c);
		assert_eq!(free(&treasury), ED + CONTRIBUTION_DEPOSIT - RECORD_DEPOSIT);
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
		assert_eq!(crate::Contributions::<Test>::get(c).unwrap().deposit, RECORD_DEPOSIT);
		// Withdrawn and expired contributions keep theirs too.
		let w = submit(&dave(), p, 0, 1);
		assert_ok!(Commons::withdraw_contribution(RuntimeOrigin::signed(dave()), w));
		assert_eq!(held(&dave()), 2 * RECORD_DEPOSIT);
	});
}

#[test]
fn a_vote_holds_a_deposit_and_whoever_removes_a_left_vote_is_paid() {
	test(|| {
		let p = members_project();
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		let eves = (free(&eve()), held(&eve()));
		vote(&eve(), id, true, 3);
		assert_eq!(held(&eve()), eves.1 + VOTE_DEPOSIT);
		assert_eq!(Votes::<Test>::get(id, eve()).unwrap().deposit, VOTE_DEPOSIT);
		// Changing a vote holds nothing more; withdrawing it releases the deposit and, with
		// nothing spent, the credit record goes too.
		vote(&eve(), id, false, 2);
		assert_eq!(held(&eve()), eves.1 + VOTE_DEPOSIT);
		assert_ok!(Commons::remove_vote(RuntimeOrigin::signed(eve()), id, eve()));
		assert_eq!((free(&eve()), held(&eve())), eves);
		assert!(!VoiceCredits::<Test>::contains_key((Scope::Project(p), 0), eve()));

		vote(&eve(), id, true, 1);
		vote(&ferdie(), id, true, 1);
		close_after_voting(id);
		// After the retention, anyone removes a vote its voter left, free, for a fifth of its
		// deposit.
		assert_noop!(
			Commons::remove_vote(RuntimeOrigin::signed(charlie()), id, eve()),
			Error::<Test>::VoteRetained
		);
		run_to(Proposals::<Test>::get(id).unwrap().ends + VOTE_RETENTION + 1);
		let charlies = free(&charlie());
		let info = Commons::remove_vote(RuntimeOrigin::signed(charlie()), id, eve()).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		assert_eq!(free(&charlie()), charlies + VOTE_DEPOSIT / 5);
		assert_eq!(free(&eve()), eves.0 - VOTE_DEPOSIT / 5);
		assert_eq!(held(&eve()), eves.1);
		// The voter's own removal returns all of it.
		let ferdies = free(&ferdie());
		assert_ok!(Commons::remove_vote(RuntimeOrigin::signed(ferdie()), id, ferdie()));
		assert_eq!(free(&ferdie()), ferdies + VOTE_DEPOSIT);
	});
}

#[test]
fn a_closed_proposal_is_removed_after_its_votes_and_the_retention() {
	test(|| {
		let p = members_project();
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		let held_open = held(&dave());
		assert_noop!(
			Commons::remove_proposal(RuntimeOrigin::signed(eve()), id),
			Error::<Test>::NotRemovableYet
		);
		vote(&eve(), id, true, 1);
		vote(&ferdie(), id, true, 1);
		close_after_voting(id);
		// Closed, it keeps only the record's deposit.
		assert_eq!(held(&dave()), held_open - PROPOSAL_DEPOSIT + RECORD_DEPOSIT);
		let ends = Proposals::<Test>::get(id).unwrap().ends;
		run_to(ends + VOTE_RETENTION + 1);
		// Its votes go first.
		assert_noop!(
			Commons::remove_proposal(RuntimeOrigin::signed(dave()), id),
			Error::<Test>::NotRemovableYet
		);
		for who in [eve(), ferdie()] {
			assert_ok!(Commons::remove_vote(RuntimeOrigin::signed(who.clone()), id, who));
		}
		// Then the proposer may remove it; anyone else only a retention later.
		assert_noop!(
			Commons::remove_proposal(RuntimeOrigin::signed(eve()), id),
			Error::<Test>::NotRemovableYet
		);
		run_to(ends + 2 * VOTE_RETENTION + 1);
		let (eves, daves) = (free(&eve()), free(&dave()));
		let info = Commons::remove_proposal(RuntimeOrigin::signed(eve()), id).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		assert!(Proposals::<Test>::get(id).is_none());
		assert_eq!(free(&eve()), eves + RECORD_DEPOSIT / 5);
		assert_eq!(free(&dave()), daves + RECORD_DEPOSIT - RECORD_DEPOSIT / 5);
		assert!(commons_events().contains(&Event::ProposalRemoved { proposal: id }));
		assert_noop!(
			Commons::remove_proposal(RuntimeOrigin::signed(eve()), id),
			Error::<Test>::UnknownProposal
		);
	});
}

#[test]
fn past_voice_credits_are_removed_free_once_their_epoch_cannot_vote() {
	test(|| {
		let p = members_project();
		let scope = Scope::Project(p);
		let id = propose(&dave(), scope, set_equation_call(p));
		vote(&eve(), id, true, 2);
		assert!(VoiceCredits::<Test>::contains_key((scope, 0), eve()));
		let remove =
			|| Commons::remove_voice_credits(RuntimeOrigin::signed(alice()), scope, 0, eve());
		assert_noop!(remove(), Error::<Test>::NotRemovableYet);
		// A proposal of epoch 0 may vote until `MaxVotingPeriod` after the epoch ends.
		run_to(EPOCH + 3 * EPOCH - 1);
		assert_noop!(remove(), Error::<Test>::NotRemovableYet);
		run_to(EPOCH + 3 * EPOCH);
		let info = remove().unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		assert!(!VoiceCredits::<Test>::contains_key((scope, 0), eve()));
		assert_noop!(remove(), Error::<Test>::NoSuchRecord);
		// Its vote is still there, to be removed on its own.
		assert!(Votes::<Test>::contains_key(id, eve()));
	});
}

#[test]
fn creating_and_closing_an_empty_project_leaves_nothing_behind() {
	test(|| {
		let before = free(&alice());
		let p = create_project(&alice());
		assert_ok!(Commons::close_project(RuntimeOrigin::signed(alice()), p));
		assert!(commons_events().contains(&Event::ProjectRemoved { project: p }));
		assert!(Projects::<Test>::get(p).is_none());
		assert!(ValueEquations::<Test>::get(p).is_none());
		assert!(ReviewPolicies::<Test>::get(p).is_none());
		// The creator got all of it back, the accounts' existential deposits too.
		assert_eq!((held(&alice()), free(&alice())), (0, before));
		assert_noop!(
			Commons::submit_contribution(RuntimeOrigin::signed(dave()), p, 0, 1, evidence("x")),
			Error::<Test>::UnknownProject
		);

		// A project with a holding, even an emptied one, is the record of the commons: closed,
		// it stays.
		let q = create_project(&alice());
		assert_ok!(Commons::mint(q, &dave(), 1));
		assert_ok!(Commons::burn(q, &dave(), 1));
		assert_ok!(Commons::close_project(RuntimeOrigin::signed(alice()), q));
		assert!(Projects::<Test>::get(q).is_some());
		assert!(Holdings::<Test>::contains_key(q, dave()));
		// A planck (or more) sent to its accounts does not keep an empty project: it goes to the
		// creator with the accounts' existential deposits.
		let r = create_project(&alice());
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(dave()),
			Commons::treasury_account(r),
			100
		));
		let before = free(&alice());
		assert_ok!(Commons::close_project(RuntimeOrigin::signed(alice()), r));
		assert!(Projects::<Test>::get(r).is_none());
		assert_eq!(free(&alice()), before + PROJECT_HELD + 2 * ED + 100);
		assert_eq!(free(&Commons::treasury_account(r)), 0);

		// One with a listed account stays when it closes, and anyone removes it once empty.
		let s = create_project(&alice());
		assert_ok!(Commons::set_chamber_member(RuntimeOrigin::signed(alice()), s, eve(), true));
		assert_ok!(Commons::close_project(RuntimeOrigin::signed(alice()), s));
		assert!(Projects::<Test>::get(s).is_some());
		assert_noop!(
			Commons::remove_project(RuntimeOrigin::signed(ferdie()), s),
			Error::<Test>::NotRemovableYet
		);
		assert_ok!(Commons::leave_chamber(RuntimeOrigin::signed(eve()), s, ChamberRule::Listed));
		let info = Commons::remove_project(RuntimeOrigin::signed(ferdie()), s).unwrap();
		assert_eq!(info.pays_fee, Pays::No);
		assert!(Projects::<Test>::get(s).is_none());
		assert_noop!(
			Commons::remove_project(RuntimeOrigin::signed(ferdie()), q),
			Error::<Test>::NotRemovableYet
		);
	});
}

#[test]
fn an_accepted_record_stays_while_a_revocation_may_need_it() {
	test(|| {
		let p = members_project();
		let c = submit(&eve(), p, 0, 5);
		approve(&alice(), c, None);
		approve(&bob(), c, None);
		// A vote to revoke it runs past the end of its retention period.
		run_to(15);
		let call = RuntimeCall::Commons(crate::Call::revoke_contribution { contribution: c });
		let id = propose(&dave(), Scope::Project(p), call);
		run_to(2 + RETENTION);
		let remove = || Commons::remove_contribution(RuntimeOrigin::signed(eve()), c);
		assert_noop!(remove(), Error::<Test>::NotRemovable);
		// Dave, Ferdie and Alice (a rewarded reviewer, so a holder) of the five holders.
		for who in [dave(), ferdie(), alice()] {
			vote(&who, id, true, 1);
		}
		close_after_voting(id);
		// Passed, and still to be enacted: the record stays.
		let ProposalStatus::Passed { enactment } = Proposals::<Test>::get(id).unwrap().status
		else {
			panic!("passed")
		};
		assert_noop!(remove(), Error::<Test>::NotRemovable);
		run_to(enactment);
		assert_eq!(status(c), ContributionStatus::Revoked { burned: 50 + 4 });
		assert_ok!(remove());
	});
}
