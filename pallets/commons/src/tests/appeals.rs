//! Decisions a project's vote takes about contributions: appeals of rejections, revocation of
//! fraud, and moving a member's units to a new key.

use super::{governance::*, *};
use crate::{
	weights::WeightInfo, Appeals, Config, Error, Event, Forfeited, Holdings, MoveRecord, Proposals,
	UnitMoves,
};
use frame_support::assert_noop;
use sp_runtime::{DispatchError, Perbill};

/// Eve's 3 hours, rejected by Alice and Bob: her deposit goes to the treasury.
fn rejected(p: ProjectId) -> ContributionId {
	let c = submit(&eve(), p, 0, 3);
	reject(&alice(), c);
	reject(&bob(), c);
	assert_eq!(status(c), ContributionStatus::Rejected);
	c
}

fn pass(id: ProposalId) {
	for who in [dave(), eve(), ferdie()] {
		vote(&who, id, true, 1);
	}
	run_to(Proposals::<Test>::get(id).unwrap().ends + 1);
	assert_ok!(Commons::close(RuntimeOrigin::signed(alice()), id));
	run_to(System::block_number() + ENACTMENT_DELAY);
}

#[test]
fn a_passed_appeal_accepts_the_contribution_and_returns_the_deposit() {
	test(|| {
		let p = members_project();
		// Bob approves, assessing 2 hours; Alice and Charlie reject.
		let c = submit(&eve(), p, 0, 3);
		approve(&bob(), c, Some(2));
		reject(&alice(), c);
		reject(&charlie(), c);
		assert_eq!(status(c), ContributionStatus::Rejected);
		let treasury = Commons::treasury_account(p);
		let before = (free(&eve()), free(&treasury));
		// This project votes for 30 blocks.
		let params = GovernanceParams {
			budget: Budget::Equal(CREDITS),
			quorum: Perbill::from_percent(50),
			voting_period: 30,
			enactment_delay: ENACTMENT_DELAY,
			min_voters: 1,
		};
		assert_ok!(Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), params));
		assert_eq!(Forfeited::<Test>::get(c), Some(FORFEIT));

		assert_noop!(
			Commons::appeal(RuntimeOrigin::signed(dave()), c, 1, description()),
			Error::<Test>::NotContributor
		);
		// The appeal asks for at most the claim, and for something.
		assert_noop!(
			Commons::appeal(RuntimeOrigin::signed(eve()), c, 4, description()),
			Error::<Test>::BadAssessment
		);
		assert_noop!(
			Commons::appeal(RuntimeOrigin::signed(eve()), c, 0, description()),
			Error::<Test>::ZeroQuantity
		);
		// The contributor appeals for the whole claim, member or not, with the proposal
		// deposit.
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(eve()), c, 3, description()));
		let id = Appeals::<Test>::get(c).unwrap();
		assert!(commons_events().contains(&Event::Appealed {
			contribution: c,
			proposal: id,
			scope: Scope::Project(p),
			quantity: 3,
		}));
		assert_eq!(Proposals::<Test>::get(id).unwrap().appeal, Some(c));
		assert_eq!(held(&eve()), PROPOSAL_DEPOSIT + RECORD_DEPOSIT);
		assert_noop!(
			Commons::appeal(RuntimeOrigin::signed(eve()), c, 1, description()),
			Error::<Test>::AlreadyAppealed
		);
		// The record stays while the appeal is open, even past the retention period.
		run_to(2 + RETENTION);
		assert_noop!(
			Commons::remove_contribution(RuntimeOrigin::signed(dave()), c),
			Error::<Test>::NotRemovable
		);

		pass(id);
		// The 3 hours asked, not Bob's assessment of 2, at the equation's 10 units, and the
		// reward of the reviewer who approved.
		assert_eq!(
			status(c),
			ContributionStatus::Accepted {
				assessed: 3,
				units: 30,
				reviewer_units: 3,
				equation_version: 1
			}
		);
		assert_eq!(Commons::units_of(p, &eve()), 100 + 30);
		assert_eq!(Commons::units_of(p, &bob()), 3);
		// Bob's first units are a new holding, paid for out of the refund.
		let refunded = FORFEIT - HOLDING_FEE;
		assert!(commons_events().contains(&Event::AppealAccepted {
			contribution: c,
			units: 30,
			reviewer_units: 3,
			refunded
		}));
		// The records of the contribution and of the closed appeal, and Eve's vote on it, keep
		// their deposits until removed.
		let kept = 2 * RECORD_DEPOSIT + VOTE_DEPOSIT;
		assert_eq!(free(&eve()), before.0 + refunded - (kept - RECORD_DEPOSIT));
		assert_eq!(free(&treasury), before.1 - FORFEIT);
		assert_eq!(held(&eve()), kept);
		assert_eq!(Forfeited::<Test>::get(c), None);
		// Accepting twice is refused.
		assert_noop!(
			Commons::accept_appeal(RuntimeOrigin::root(), c, 1),
			Error::<Test>::NotRejected
		);
		assert_ok!(Commons::remove_contribution(RuntimeOrigin::signed(eve()), c));
		assert_eq!(Appeals::<Test>::get(c), None);
	});
}

#[test]
fn appeals_are_bounded_in_time_and_only_for_rejections() {
	test(|| {
		let p = members_project();
		let c = rejected(p);
		let accepted = submit(&eve(), p, 0, 1);
		approve(&alice(), accepted, None);
		approve(&bob(), accepted, None);
		assert_noop!(
			Commons::appeal(RuntimeOrigin::signed(eve()), accepted, 1, description()),
			Error::<Test>::NotRejected
		);
		assert_noop!(
			Commons::appeal(RuntimeOrigin::signed(eve()), 99, 1, description()),
			Error::<Test>::UnknownContribution
		);
		assert_noop!(
			Commons::accept_appeal(RuntimeOrigin::signed(eve()), c, 1),
			DispatchError::BadOrigin
		);
		// Even the project's vote credits at most the claim.
		assert_noop!(Commons::accept_appeal(project_origin(p), c, 4), Error::<Test>::BadAssessment);
		run_to(System::block_number() + APPEAL_WINDOW + 1);
		assert_noop!(
			Commons::appeal(RuntimeOrigin::signed(eve()), c, 1, description()),
			Error::<Test>::AppealWindowClosed
		);
	});
}

#[test]
fn a_failed_appeal_changes_nothing_but_the_deposit_comes_back() {
	test(|| {
		let p = members_project();
		let c = rejected(p);
		assert_ok!(Commons::appeal(RuntimeOrigin::signed(eve()), c, 1, description()));
		let id = Appeals::<Test>::get(c).unwrap();
		vote(&dave(), id, false, 3);
		vote(&ferdie(), id, true, 1);
		run_to(Proposals::<Test>::get(id).unwrap().ends + 1);
		assert_ok!(Commons::close(RuntimeOrigin::signed(alice()), id));
		assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Failed);
		assert_eq!(status(c), ContributionStatus::Rejected);
		assert_eq!(held(&eve()), 2 * RECORD_DEPOSIT);
		assert_eq!(Forfeited::<Test>::get(c), Some(FORFEIT));
		// One appeal per contribution.
		assert_noop!(
			Commons::appeal(RuntimeOrigin::signed(eve()), c, 1, description()),
			Error::<Test>::AlreadyAppealed
		);
	});
}

#[test]
fn revoking_a_fraudulent_contribution_burns_its_units() {
	test(|| {
		let p = members_project();
		let c = submit(&eve(), p, 0, 5);
		approve(&alice(), c, None);
		approve(&bob(), c, None);
		// 50 units to Eve and a reward of 5 shared by Alice and Bob (2 each, rounded down).
		assert_eq!(
			status(c),
			ContributionStatus::Accepted {
				assessed: 5,
				units: 50,
				reviewer_units: 4,
				equation_version: 1
			}
		);
		assert_ok!(Commons::pay_income(RuntimeOrigin::signed(charlie()), p, 3_540));
		let pending = Commons::pending_income(p, &eve());
		assert!(pending > 0);
		// Bob has since lost one of his two units.
		assert_ok!(Commons::burn(p, &bob(), 1));

		let call = RuntimeCall::Commons(crate::Call::revoke_contribution { contribution: c });
		let id = propose(&dave(), Scope::Project(p), call);
		pass(id);
		assert_eq!(status(c), ContributionStatus::Revoked { burned: 50 + 2 + 1 });
		assert!(
			commons_events().contains(&Event::ContributionRevoked { contribution: c, burned: 53 })
		);
		assert_eq!(Commons::units_of(p, &eve()), 100);
		assert_eq!(Commons::units_of(p, &alice()), 0);
		assert_eq!(Commons::units_of(p, &bob()), 0);
		// Income already earned stays earned.
		assert_eq!(Commons::pending_income(p, &eve()), pending);
		assert_noop!(
			Commons::revoke_contribution(RuntimeOrigin::root(), c),
			Error::<Test>::NotAccepted
		);
	});
}

#[test]
fn a_members_units_and_income_move_to_a_new_key() {
	test(|| {
		let p = members_project();
		assert_ok!(Commons::pay_income(RuntimeOrigin::signed(charlie()), p, 1_000));
		let income = Commons::pending_income(p, &dave());
		let since = Holdings::<Test>::get(p, dave()).unwrap().member_since;
		let new_key = account("Dave-new");
		let call = RuntimeCall::Commons(crate::Call::move_units {
			project: p,
			from: dave(),
			to: new_key.clone(),
		});
		let id = propose(&eve(), Scope::Project(p), call);
		pass(id);
		assert_eq!(Commons::units_of(p, &dave()), 0);
		assert_eq!(Commons::units_of(p, &new_key), 100);
		assert_eq!(Commons::pending_income(p, &new_key), income);
		// The new key is a member from the move on: it cannot vote again on open proposals.
		assert_eq!(
			Holdings::<Test>::get(p, &new_key).unwrap().member_since,
			System::block_number()
		);
		assert!(since < System::block_number());
		assert!(Holdings::<Test>::get(p, dave()).is_none());
		assert!(commons_events().contains(&Event::UnitsMoved {
			project: p,
			from: dave(),
			to: new_key.clone(),
			units: 100
		}));

		// Into an existing holding: the two merge.
		assert_ok!(Commons::move_units(RuntimeOrigin::root(), p, new_key.clone(), eve()));
		assert_eq!(Commons::units_of(p, &eve()), 200);
		assert_eq!(crate::Projects::<Test>::get(p).unwrap().holders, 2);
		assert_noop!(
			Commons::move_units(RuntimeOrigin::root(), p, eve(), eve()),
			Error::<Test>::SameAccount
		);
		assert_noop!(
			Commons::move_units(RuntimeOrigin::root(), p, dave(), eve()),
			Error::<Test>::NoUnits
		);
		assert_noop!(
			Commons::move_units(RuntimeOrigin::signed(eve()), p, eve(), dave()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn a_revocation_follows_the_units_the_vote_moved() {
	test(|| {
		let p = members_project();
		let c = submit(&eve(), p, 0, 5);
		approve(&alice(), c, None);
		approve(&bob(), c, None);
		// Eve holds 100 + 50; Alice and Bob 2 each of the reward.
		assert_eq!(Commons::units_of(p, &eve()), 150);
		let (k1, k2, k3, k4) =
			(account("Eve-1"), account("Eve-2"), account("Eve-3"), account("Eve-4"));
		// Eve's units move to a new key, and on to another: the fraud tries to outrun the
		// revocation. Alice's reward moves too.
		assert_ok!(Commons::move_units(RuntimeOrigin::root(), p, eve(), k1.clone()));
		assert_ok!(Commons::move_units(RuntimeOrigin::root(), p, k1.clone(), k2.clone()));
		assert_ok!(Commons::move_units(RuntimeOrigin::root(), p, alice(), k3.clone()));
		assert_eq!(UnitMoves::<Test>::get(p, eve()).moved_to, Some(k1.clone()));
		assert_eq!(UnitMoves::<Test>::get(p, &k2), MoveRecord { moved_to: None, depth: 2 });

		let info = Commons::revoke_contribution(RuntimeOrigin::root(), c).unwrap();
		// 50 from the second new key (two moves on), 2 from Alice's new key (one), 2 from Bob.
		assert_eq!(status(c), ContributionStatus::Revoked { burned: 54 });
		assert_eq!(Commons::units_of(p, &k2), 100);
		assert_eq!(Commons::units_of(p, &k3), 0);
		assert_eq!(Commons::units_of(p, &bob()), 0);
		assert_eq!(crate::Projects::<Test>::get(p).unwrap().total_units, 300);
		// Charged for the three moves it followed, not the most it might have.
		let charged = <Test as Config>::WeightInfo::revoke_contribution(3);
		assert_eq!(info.actual_weight, Some(charged));
		let most =
			<Test as Config>::WeightInfo::revoke_contribution(Commons::max_revocation_hops());
		assert!(charged.ref_time() < most.ref_time());

		// No chain of moves is longer than a revocation follows.
		assert_ok!(Commons::move_units(RuntimeOrigin::root(), p, k2.clone(), k4.clone()));
		assert_eq!(UnitMoves::<Test>::get(p, &k4).depth, 3);
		assert_noop!(
			Commons::move_units(RuntimeOrigin::root(), p, k4.clone(), eve()),
			Error::<Test>::TooManyMoves
		);
		// Units moved back to a key that moved them away: it holds them again, and a
		// revocation burns there instead of going round.
		let k5 = account("Dave-1");
		assert_ok!(Commons::move_units(RuntimeOrigin::root(), p, dave(), k5.clone()));
		assert_ok!(Commons::move_units(RuntimeOrigin::root(), p, k5.clone(), dave()));
		assert_eq!(UnitMoves::<Test>::get(p, dave()), MoveRecord { moved_to: None, depth: 2 });
		assert_eq!(UnitMoves::<Test>::get(p, &k5).moved_to, Some(dave()));
		assert_eq!(Commons::units_of(p, &dave()), 100);
		// A key whose units were moved away is lost: units minted to it since stay there, so
		// that the trail a revocation follows is never overwritten.
		assert_ok!(Commons::mint(p, &k1, 7));
		assert_noop!(
			Commons::move_units(RuntimeOrigin::root(), p, k1.clone(), k5.clone()),
			Error::<Test>::AlreadyMoved
		);
	});
}
