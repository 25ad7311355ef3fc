//! Quadratic voting: costs, budgets, membership snapshots, quorum, enactment with both
//! origins, chambers, vote removal, parameters, and every error.

use super::*;
use crate::{
	Error, Event, LiveProposals, ProjectChambers, Proposals, RecognisedProjects, VoiceCredits,
	Votes,
};
use codec::Encode;
use frame_support::{assert_noop, traits::Bounded};
use sp_runtime::{DispatchError, FixedU128, Perbill};

pub(crate) fn inline(call: RuntimeCall) -> Box<BoundedCallOf<Test>> {
	Box::new(Bounded::Inline(call.encode().try_into().unwrap()))
}

pub(crate) fn description() -> DescriptionOf<Test> {
	b"why".to_vec().try_into().unwrap()
}

/// The value equation the proposals of these tests vote in: work at 20 units an hour.
pub(crate) fn doubled_kinds() -> KindsOf<Test> {
	let mut kinds = default_kinds();
	kinds[0].rate = FixedU128::from_u32(20);
	kinds
}

pub(crate) fn set_equation_call(p: ProjectId) -> RuntimeCall {
	RuntimeCall::Commons(crate::Call::set_value_equation { project: p, kinds: doubled_kinds() })
}

/// A project with three members: Dave, Eve and Ferdie hold 100 units each (from block 1).
pub(crate) fn members_project() -> ProjectId {
	let p = project_with_three_maintainers();
	for who in [dave(), eve(), ferdie()] {
		assert_ok!(Commons::mint(p, &who, 100));
	}
	run_to(2);
	p
}

pub(crate) fn propose(who: &AccountId, scope: Scope, call: RuntimeCall) -> ProposalId {
	let id = crate::NextProposalId::<Test>::get();
	assert_ok!(Commons::propose(
		RuntimeOrigin::signed(who.clone()),
		scope,
		inline(call),
		description()
	));
	id
}

pub(crate) fn vote(who: &AccountId, id: ProposalId, aye: bool, votes: u32) {
	assert_ok!(Commons::vote(RuntimeOrigin::signed(who.clone()), id, aye, votes));
}

fn spent(scope: Scope, epoch: Epoch, who: &AccountId) -> Credits {
	VoiceCredits::<Test>::get((scope, epoch), who).map_or(0, |c| c.spent)
}

fn tally(id: ProposalId) -> Tally {
	Proposals::<Test>::get(id).unwrap().chambers[0].1
}

pub(crate) fn close_after_voting(id: ProposalId) {
	run_to(Proposals::<Test>::get(id).unwrap().ends + 1);
	assert_ok!(Commons::close(RuntimeOrigin::signed(alice()), id));
}

fn equation_version(p: ProjectId) -> Version {
	crate::ValueEquations::<Test>::get(p).unwrap().version
}

#[test]
fn votes_cost_their_square_and_credits_are_shared_by_the_epoch() {
	test(|| {
		let p = members_project();
		let scope = Scope::Project(p);
		let a = propose(&dave(), scope, set_equation_call(p));
		let b = propose(&dave(), scope, set_equation_call(p));

		vote(&dave(), a, true, 10);
		assert_eq!(spent(scope, 0, &dave()), 100);
		assert_eq!(Commons::credits_left(scope, 0, &dave()), 0);
		assert!(commons_events().contains(&Event::Voted {
			proposal: a,
			who: dave(),
			aye: true,
			votes: 10,
			spent: 100
		}));
		// The budget is shared by the epoch's proposals: nothing is left for the other one.
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(dave()), b, true, 1),
			Error::<Test>::NotEnoughCredits
		);

		// Changing a vote refunds the old cost: 10 votes (100) become 5 (25).
		vote(&dave(), a, false, 5);
		assert_eq!(spent(scope, 0, &dave()), 25);
		assert_eq!((tally(a).ayes, tally(a).nays, tally(a).voters), (0, 5, 1));
		// 8 votes (64) fit beside 25; 9 (81) do not.
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(dave()), b, true, 9),
			Error::<Test>::NotEnoughCredits
		);
		vote(&dave(), b, true, 8);
		assert_eq!(spent(scope, 0, &dave()), 89);

		// Withdrawing refunds everything and removes the record.
		vote(&dave(), a, true, 0);
		assert_eq!(spent(scope, 0, &dave()), 64);
		assert_eq!(tally(a), Tally { ayes: 0, nays: 0, voters: 0, members: 3 });
		assert!(!Votes::<Test>::contains_key(a, dave()));
		assert_eq!(Proposals::<Test>::get(a).unwrap().votes, 0);

		// A proposal of the next epoch has its own budget.
		run_to(EPOCH);
		let c = propose(&eve(), scope, set_equation_call(p));
		assert_eq!(Proposals::<Test>::get(c).unwrap().epoch, 1);
		vote(&dave(), c, true, 10);
		assert_eq!(spent(scope, 1, &dave()), 100);
		assert_eq!(spent(scope, 0, &dave()), 64);
	});
}

#[test]
fn who_votes_and_how_many_members_count_are_fixed_at_creation() {
	test(|| {
		let p = members_project();
		let scope = Scope::Project(p);
		// Alice maintains but holds no units: not a member.
		assert_noop!(
			Commons::propose(
				RuntimeOrigin::signed(alice()),
				scope,
				inline(set_equation_call(p)),
				description()
			),
			Error::<Test>::NotMember
		);
		let id = propose(&dave(), scope, set_equation_call(p));
		assert_eq!(tally(id).members, 3);
		// Alice earns units during the vote: she may not vote on it, and the count stays.
		run_to(3);
		assert_ok!(Commons::mint(p, &alice(), 1_000));
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(alice()), id, true, 1),
			Error::<Test>::NotMember
		);
		assert_eq!(tally(id).members, 3);
		// A member who lost every unit no longer counts.
		assert_ok!(Commons::burn(p, &ferdie(), 100));
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(ferdie()), id, true, 1),
			Error::<Test>::NotMember
		);
		// Her next proposal counts her (and no longer Ferdie).
		run_to(4);
		let next = propose(&alice(), scope, set_equation_call(p));
		assert_eq!(tally(next).members, 3);
	});
}

#[test]
fn a_passed_project_proposal_is_enacted_with_the_project_origin() {
	test(|| {
		let p = members_project();
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		assert_eq!(held(&dave()), PROPOSAL_DEPOSIT);
		vote(&dave(), id, true, 3);
		vote(&eve(), id, false, 2);
		assert_noop!(
			Commons::close(RuntimeOrigin::signed(alice()), id),
			Error::<Test>::VotingOngoing
		);

		close_after_voting(id);
		let now = System::block_number();
		let enactment = now + ENACTMENT_DELAY;
		assert_eq!(
			Proposals::<Test>::get(id).unwrap().status,
			ProposalStatus::Passed { enactment }
		);
		assert!(commons_events().contains(&Event::ProposalClosed {
			proposal: id,
			passed: true,
			early: false,
			enactment: Some(enactment),
			tallies: vec![Tally { ayes: 3, nays: 2, voters: 2, members: 3 }].try_into().unwrap(),
		}));
		// The closed record and Dave's vote keep their deposits until removed.
		assert_eq!(held(&dave()), RECORD_DEPOSIT + VOTE_DEPOSIT);
		assert_eq!(LiveProposals::<Test>::get(Scope::Project(p)), 0);
		assert_eq!(equation_version(p), 1);
		run_to(enactment);
		assert_eq!(equation_version(p), 2);
		assert_eq!(crate::ValueEquations::<Test>::get(p).unwrap().kinds, doubled_kinds());
		// Later work is valued under the new version.
		let c = submit(&eve(), p, 0, 2);
		assert_eq!(
			crate::Contributions::<Test>::get(c).unwrap().valuation,
			Valuation {
				version: 2,
				rate: FixedU128::from_u32(20),
				max_rate: FixedU128::from_u32(20),
				claim: ClaimKind::Equity,
			}
		);
		assert_noop!(
			Commons::close(RuntimeOrigin::signed(alice()), id),
			Error::<Test>::ProposalNotOpen
		);
	});
}

#[test]
fn a_proposal_fails_without_quorum_or_majority_and_nothing_is_dispatched() {
	test(|| {
		let p = members_project();
		// One voter of three: below the quorum of half (two voters).
		let lone = propose(&dave(), Scope::Project(p), set_equation_call(p));
		vote(&dave(), lone, true, 10);
		// A tie: ayes must exceed nays.
		let tie = propose(&eve(), Scope::Project(p), set_equation_call(p));
		vote(&eve(), tie, true, 2);
		vote(&ferdie(), tie, false, 2);
		close_after_voting(lone);
		assert_ok!(Commons::close(RuntimeOrigin::signed(alice()), tie));
		for id in [lone, tie] {
			assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Failed);
		}
		run_to(System::block_number() + 10);
		assert_eq!(equation_version(p), 1);
		// Two closed records and two votes stay backed until removed.
		assert_eq!(held(&dave()) + held(&eve()), 2 * (RECORD_DEPOSIT + VOTE_DEPOSIT));
	});
}

#[test]
fn the_chain_votes_with_the_holders_of_recognised_projects_and_dispatches_root() {
	test(|| {
		let p = members_project();
		let remark = RuntimeCall::System(frame_system::Call::remark_with_event {
			remark: b"hello".to_vec(),
		});
		// Not recognised yet: nobody is a chain member.
		assert_noop!(
			Commons::propose(
				RuntimeOrigin::signed(dave()),
				Scope::Chain,
				inline(remark.clone()),
				description()
			),
			Error::<Test>::NotMember
		);
		assert_noop!(
			Commons::set_recognised(RuntimeOrigin::signed(dave()), p, true),
			DispatchError::BadOrigin
		);
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, true));
		assert_eq!(RecognisedProjects::<Test>::get().into_inner(), vec![p]);

		let id = propose(&dave(), Scope::Chain, remark);
		assert_eq!(tally(id).members, 3);
		vote(&dave(), id, true, 1);
		vote(&eve(), id, true, 1);
		close_after_voting(id);
		run_to(System::block_number() + ENACTMENT_DELAY);
		// `remark_with_event` needs a signed origin: the chain's Root dispatch fails, the
		// scheduler records the error, and the proposal's record stays.
		let failed = System::events().into_iter().any(|r| {
			matches!(
				r.event,
				RuntimeEvent::Scheduler(pallet_scheduler::Event::Dispatched { result: Err(e), .. })
					if e == DispatchError::BadOrigin
			)
		});
		assert!(failed, "the dispatch result is recorded");
		assert!(matches!(
			Proposals::<Test>::get(id).unwrap().status,
			ProposalStatus::Passed { .. }
		));

		// The chain's vote recognises projects: here it stops recognising this one.
		let stop = propose(
			&dave(),
			Scope::Chain,
			RuntimeCall::Commons(crate::Call::set_recognised { project: p, recognised: false }),
		);
		vote(&dave(), stop, true, 1);
		vote(&ferdie(), stop, true, 1);
		close_after_voting(stop);
		run_to(System::block_number() + ENACTMENT_DELAY);
		assert!(RecognisedProjects::<Test>::get().is_empty());
	});
}

#[test]
fn maintainers_act_for_a_project_only_until_it_has_members() {
	test(|| {
		let p = create_project(&alice());
		assert_ok!(Commons::set_value_equation(RuntimeOrigin::signed(alice()), p, doubled_kinds()));
		assert_ok!(Commons::mint(p, &dave(), 1));
		assert_noop!(
			Commons::set_value_equation(RuntimeOrigin::signed(alice()), p, default_kinds()),
			DispatchError::BadOrigin
		);
		// Another project's vote does not act for this one.
		let other = create_project(&bob());
		assert_noop!(
			Commons::set_value_equation(crate::Origin::Project(other).into(), p, default_kinds()),
			DispatchError::BadOrigin
		);
		assert_ok!(Commons::set_value_equation(
			crate::Origin::Project(p).into(),
			p,
			default_kinds()
		));
	});
}

#[test]
fn proposal_errors_change_nothing() {
	test(|| {
		let p = members_project();
		let scope = Scope::Project(p);
		let signed = |who: AccountId| RuntimeOrigin::signed(who);
		assert_noop!(
			Commons::propose(
				signed(dave()),
				Scope::Project(9),
				inline(set_equation_call(p)),
				description()
			),
			Error::<Test>::UnknownProject
		);
		let garbage: Box<BoundedCallOf<Test>> =
			Box::new(Bounded::Inline(vec![0xff, 0xff].try_into().unwrap()));
		assert_noop!(
			Commons::propose(signed(dave()), scope, garbage, description()),
			Error::<Test>::UndecodableCall
		);
		let missing = Box::new(Bounded::Lookup { hash: Default::default(), len: 100 });
		assert_noop!(
			Commons::propose(signed(dave()), scope, missing, description()),
			Error::<Test>::PreimageMissing
		);
		let large = Box::new(Bounded::Lookup { hash: Default::default(), len: 1025 });
		assert_noop!(
			Commons::propose(signed(dave()), scope, large, description()),
			Error::<Test>::CallTooLarge
		);

		let id = propose(&dave(), scope, set_equation_call(p));
		assert_noop!(Commons::vote(signed(dave()), 7, true, 1), Error::<Test>::UnknownProposal);
		assert_noop!(Commons::vote(signed(dave()), id, true, 0), Error::<Test>::NotVoted);
		assert_noop!(Commons::vote(signed(dave()), id, true, 11), Error::<Test>::NotEnoughCredits);
		assert_noop!(
			Commons::vote(signed(dave()), id, true, u32::MAX),
			Error::<Test>::NotEnoughCredits
		);
		assert_noop!(Commons::cancel(signed(eve()), id), Error::<Test>::NotProposer);
		vote(&eve(), id, true, 1);
		assert_noop!(Commons::cancel(signed(dave()), id), Error::<Test>::VotesCast);
		assert_noop!(Commons::remove_vote(signed(dave()), id, eve()), Error::<Test>::VoteRetained);
		propose(&dave(), scope, set_equation_call(p));
		assert_noop!(
			Commons::propose(signed(dave()), scope, inline(set_equation_call(p)), description()),
			Error::<Test>::TooManyOpenProposals
		);
		propose(&eve(), scope, set_equation_call(p));
		assert_noop!(
			Commons::propose(signed(ferdie()), scope, inline(set_equation_call(p)), description()),
			Error::<Test>::TooManyProposals
		);
		run_to(Proposals::<Test>::get(id).unwrap().ends + 1);
		assert_noop!(Commons::vote(signed(ferdie()), id, true, 1), Error::<Test>::VotingOver);
		assert_noop!(Commons::close(signed(dave()), 7), Error::<Test>::UnknownProposal);
	});
}

#[test]
fn cancel_releases_the_deposit_before_any_vote() {
	test(|| {
		let p = members_project();
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		assert_ok!(Commons::cancel(RuntimeOrigin::signed(dave()), id));
		assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Cancelled);
		assert_eq!(held(&dave()), RECORD_DEPOSIT);
		assert_eq!(LiveProposals::<Test>::get(Scope::Project(p)), 0);
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(eve()), id, true, 1),
			Error::<Test>::ProposalNotOpen
		);
		assert_noop!(
			Commons::cancel(RuntimeOrigin::signed(dave()), id),
			Error::<Test>::ProposalNotOpen
		);
	});
}

#[test]
fn vote_records_are_removed_lazily_after_closing() {
	test(|| {
		let p = members_project();
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		for who in [dave(), eve(), ferdie()] {
			vote(&who, id, true, 2);
		}
		// While open, removing one's own record withdraws the vote, refunded.
		assert_ok!(Commons::remove_vote(RuntimeOrigin::signed(ferdie()), id, ferdie()));
		assert_eq!(spent(Scope::Project(p), 0, &ferdie()), 0);
		close_after_voting(id);
		let ends = Proposals::<Test>::get(id).unwrap().ends;
		// The voter removes theirs at once; the credits stay spent.
		assert_ok!(Commons::remove_vote(RuntimeOrigin::signed(dave()), id, dave()));
		assert_eq!(spent(Scope::Project(p), 0, &dave()), 4);
		assert_noop!(
			Commons::remove_vote(RuntimeOrigin::signed(dave()), id, eve()),
			Error::<Test>::VoteRetained
		);
		run_to(ends + VOTE_RETENTION + 1);
		assert_ok!(Commons::remove_vote(RuntimeOrigin::signed(dave()), id, eve()));
		assert!(commons_events().contains(&Event::VoteRemoved { proposal: id, who: eve() }));
		assert_eq!(Proposals::<Test>::get(id).unwrap().votes, 0);
		assert_noop!(
			Commons::remove_vote(RuntimeOrigin::signed(dave()), id, eve()),
			Error::<Test>::NotVoted
		);
		// The tally, the record of the decision, stays.
		assert_eq!(tally(id).voters, 3 - 1);
	});
}

#[test]
fn every_chamber_must_consent() {
	test(|| {
		let p = members_project();
		// Holders (half must vote) and payers (all must vote).
		let chambers: ChambersOf<Test> = vec![
			Chamber { rule: ChamberRule::Holders, quorum: Perbill::from_percent(50) },
			Chamber { rule: ChamberRule::Payers, quorum: Perbill::from_percent(100) },
		]
		.try_into()
		.unwrap();
		assert_ok!(Commons::set_chambers(RuntimeOrigin::root(), p, chambers.clone()));
		assert_eq!(ProjectChambers::<Test>::get(p), chambers);
		assert_ok!(Commons::pay_income(RuntimeOrigin::signed(bob()), p, 1_000));
		run_to(3);

		let blocked = propose(&dave(), Scope::Project(p), set_equation_call(p));
		let consented = propose(&bob(), Scope::Project(p), set_equation_call(p));
		for id in [blocked, consented] {
			let chambers = Proposals::<Test>::get(id).unwrap().chambers;
			assert_eq!((chambers[0].1.members, chambers[1].1.members), (3, 1));
			vote(&dave(), id, true, 2);
			vote(&eve(), id, true, 2);
		}
		// Bob counts only among the payers.
		vote(&bob(), consented, true, 1);
		assert_eq!(Votes::<Test>::get(consented, bob()).unwrap().chambers, 0b10);
		close_after_voting(blocked);
		assert_ok!(Commons::close(RuntimeOrigin::signed(alice()), consented));
		assert_eq!(Proposals::<Test>::get(blocked).unwrap().status, ProposalStatus::Failed);
		assert!(matches!(
			Proposals::<Test>::get(consented).unwrap().status,
			ProposalStatus::Passed { .. }
		));
	});
}

#[test]
fn listed_and_maintainer_chambers() {
	test(|| {
		let p = members_project();
		let chambers: ChambersOf<Test> = vec![
			Chamber { rule: ChamberRule::Maintainers, quorum: Perbill::from_percent(100) },
			Chamber { rule: ChamberRule::Listed, quorum: Perbill::from_percent(50) },
		]
		.try_into()
		.unwrap();
		assert_ok!(Commons::set_chambers(RuntimeOrigin::root(), p, chambers));
		// Each entry holds a deposit from the treasury while the vote (here Root) lists.
		let treasury = Commons::treasury_account(p);
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(alice()),
			treasury.clone(),
			1_000
		));
		assert_ok!(Commons::set_chamber_member(RuntimeOrigin::root(), p, eve(), true));
		assert_ok!(Commons::set_chamber_member(RuntimeOrigin::root(), p, ferdie(), true));
		assert_eq!(list_held(&treasury), 2 * LIST_DEPOSIT);
		assert_ok!(Commons::set_chamber_member(RuntimeOrigin::root(), p, ferdie(), false));
		assert_eq!(list_held(&treasury), LIST_DEPOSIT);
		assert_eq!(crate::ChamberListCount::<Test>::get(p), 1);
		run_to(3);
		// Dave holds units but sits in neither chamber.
		assert_noop!(
			Commons::propose(
				RuntimeOrigin::signed(dave()),
				Scope::Project(p),
				inline(set_equation_call(p)),
				description()
			),
			Error::<Test>::NotMember
		);
		let id = propose(&eve(), Scope::Project(p), set_equation_call(p));
		let members: Vec<u32> = Proposals::<Test>::get(id)
			.unwrap()
			.chambers
			.iter()
			.map(|(_, t)| t.members)
			.collect();
		assert_eq!(members, vec![3, 1]);
		vote(&eve(), id, true, 1);
		for m in [alice(), bob(), charlie()] {
			vote(&m, id, true, 1);
		}
		close_after_voting(id);
		assert!(matches!(
			Proposals::<Test>::get(id).unwrap().status,
			ProposalStatus::Passed { .. }
		));
		// A chamber rule twice is refused.
		let twice: ChambersOf<Test> = vec![
			Chamber { rule: ChamberRule::Listed, quorum: Perbill::one() },
			Chamber { rule: ChamberRule::Listed, quorum: Perbill::one() },
		]
		.try_into()
		.unwrap();
		assert_noop!(
			Commons::set_chambers(RuntimeOrigin::root(), p, twice),
			Error::<Test>::InvalidGovernance
		);
	});
}

#[test]
fn share_budgets_use_the_units_at_the_epochs_start() {
	test(|| {
		let p = members_project();
		let params = GovernanceParams {
			budget: Budget::ByShare { min: 10, max: 110 },
			quorum: Perbill::from_percent(50),
			voting_period: VOTING_PERIOD,
			enactment_delay: ENACTMENT_DELAY,
			min_voters: 1,
		};
		assert_ok!(Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), params));
		let scope = Scope::Project(p);
		// Units minted during epoch 0 were not held at its start: the minimum.
		assert_eq!(Commons::budget_of(scope, 0, &dave()), 10);
		// Dave holds a third at the start of epoch 1: 10 + ⌊100 × 1/3⌋ = 43.
		run_to(EPOCH);
		assert_eq!(Commons::budget_of(scope, 1, &dave()), 43);
		// Minting during the epoch changes nobody's budget for it.
		assert_ok!(Commons::mint(p, &dave(), 300));
		assert_eq!(Commons::budget_of(scope, 1, &dave()), 43);
		assert_eq!(Commons::budget_of(scope, 1, &eve()), 43);
		let id = propose(&dave(), scope, set_equation_call(p));
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(dave()), id, true, 7),
			Error::<Test>::NotEnoughCredits
		);
		vote(&dave(), id, true, 6);
		assert_eq!(
			VoiceCredits::<Test>::get((scope, 1), dave()),
			Some(CreditAccount { budget: 43, spent: 36 })
		);
		// The next epoch starts from the new shares: Dave holds 400 of 600, Eve 100.
		run_to(2 * EPOCH);
		assert_eq!(Commons::budget_of(scope, 2, &dave()), 76);
		assert_eq!(Commons::budget_of(scope, 2, &eve()), 26);
		// Epoch 1 is still known after a change in epoch 2.
		assert_ok!(Commons::mint(p, &eve(), 1));
		assert_eq!(Commons::budget_of(scope, 1, &eve()), 43);
		assert_eq!(Commons::budget_of(scope, 2, &eve()), 26);
	});
}

#[test]
fn governance_parameters_are_checked() {
	test(|| {
		let p = members_project();
		let good = GovernanceParams {
			budget: Budget::Equal(9),
			quorum: Perbill::from_percent(10),
			voting_period: 5,
			enactment_delay: 0,
			min_voters: 1,
		};
		let bad = [
			GovernanceParams { budget: Budget::Equal(0), ..good },
			GovernanceParams { voting_period: 0, ..good },
			GovernanceParams { voting_period: 3 * EPOCH + 1, ..good },
			GovernanceParams { budget: Budget::ByShare { min: 5, max: 4 }, ..good },
			GovernanceParams { budget: Budget::ByShare { min: 0, max: 4 }, ..good },
			GovernanceParams { min_voters: 0, ..good },
		];
		for params in bad {
			assert_noop!(
				Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), params),
				Error::<Test>::InvalidGovernance
			);
		}
		let share = GovernanceParams { budget: Budget::ByShare { min: 1, max: 4 }, ..good };
		assert_noop!(
			Commons::set_governance(RuntimeOrigin::root(), Scope::Chain, share),
			Error::<Test>::InvalidGovernance
		);
		assert_noop!(
			Commons::set_governance(RuntimeOrigin::signed(dave()), Scope::Chain, good),
			DispatchError::BadOrigin
		);
		assert_ok!(Commons::set_governance(RuntimeOrigin::root(), Scope::Chain, good));
		assert_eq!(Commons::governance_of(Scope::Chain), good);
		assert_ok!(Commons::set_default_governance(RuntimeOrigin::root(), good));
		assert_eq!(Commons::governance_of(Scope::Project(p)), good);
		// A zero enactment delay still enacts in a later block.
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		vote(&dave(), id, true, 1);
		close_after_voting(id);
		let now = System::block_number();
		assert_eq!(
			Proposals::<Test>::get(id).unwrap().status,
			ProposalStatus::Passed { enactment: now + 1 }
		);
	});
}

#[test]
fn the_migration_to_v2_recognises_the_first_project_once() {
	use frame_support::traits::{GetStorageVersion, OnRuntimeUpgrade, StorageVersion};
	test(|| {
		let p = members_project();
		StorageVersion::new(1).put::<Commons>();
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert_eq!(RecognisedProjects::<Test>::get().into_inner(), vec![p]);
		assert_eq!(Commons::on_chain_storage_version(), 2);
		// Once: a chain that stopped recognising it is not overruled.
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, false));
		crate::migrations::v2::MigrateV1ToV2::<Test>::on_runtime_upgrade();
		assert!(RecognisedProjects::<Test>::get().is_empty());
	});
}

#[test]
fn an_empty_chamber_does_not_block_and_a_moved_key_does_not_vote_twice() {
	test(|| {
		let p = members_project();
		let chambers: ChambersOf<Test> = vec![
			Chamber { rule: ChamberRule::Holders, quorum: Perbill::from_percent(50) },
			Chamber { rule: ChamberRule::Listed, quorum: Perbill::one() },
		]
		.try_into()
		.unwrap();
		assert_ok!(Commons::set_chambers(RuntimeOrigin::root(), p, chambers));
		// Nobody is listed: that chamber has no members to consent.
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		assert_eq!(Proposals::<Test>::get(id).unwrap().chambers[1].1.members, 0);
		vote(&dave(), id, true, 5);
		// Dave's units move to a new key during the vote: the new key is a member from now on,
		// so it cannot vote a second time on this proposal.
		let new_key = account("Dave-new");
		assert_ok!(Commons::move_units(RuntimeOrigin::root(), p, dave(), new_key.clone()));
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(new_key), id, true, 5),
			Error::<Test>::NotMember
		);
		// Joining in the proposal's own block is too late as well.
		let late = propose(&eve(), Scope::Project(p), set_equation_call(p));
		assert_ok!(Commons::mint(p, &alice(), 1));
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(alice()), late, true, 1),
			Error::<Test>::NotMember
		);
		vote(&eve(), id, true, 1);
		close_after_voting(id);
		assert!(matches!(
			Proposals::<Test>::get(id).unwrap().status,
			ProposalStatus::Passed { .. }
		));
	});
}

/// What the pallet holds from `who` for list entries.
pub fn list_held(who: &AccountId) -> Balance {
	use frame_support::traits::fungible::InspectHold;
	Balances::balance_on_hold(&crate::HoldReason::ListDeposit.into(), who)
}
