//! Enactment is bounded and paid for, and governance has floors: what a project may enact,
//! what an enactment may cost and who pays, how passed calls are scheduled, and the chain's
//! floors under every project's parameters.

use super::{governance::*, *};
use crate::{
	Error, Event, GovernanceFloors, ProjectEnactments, Proposals, VoiceCredits, WeightInfo,
};
use frame_support::{
	assert_noop,
	dispatch::{GetDispatchInfo, Pays, PostDispatchInfo},
	traits::{Get, StorePreimage},
	weights::Weight,
};
use sp_runtime::{DispatchError, FixedU128, Perbill};

fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![] })
}

fn propose_err(who: &AccountId, scope: Scope, call: RuntimeCall) -> DispatchError {
	Commons::propose(RuntimeOrigin::signed(who.clone()), scope, inline(call), description())
		.unwrap_err()
		.error
}

fn passed(id: ProposalId) -> u64 {
	match Proposals::<Test>::get(id).unwrap().status {
		ProposalStatus::Passed { enactment } => enactment,
		other => panic!("not passed: {other:?}"),
	}
}

#[test]
fn a_project_may_enact_only_its_own_calls() {
	test(|| {
		let p = members_project();
		let other = create_project(&bob());
		let scope = Scope::Project(p);
		// Another pallet's call, another project's call, a Root call: refused, nothing held.
		let recognise =
			RuntimeCall::Commons(crate::Call::set_recognised { project: p, recognised: true });
		for call in [remark(), set_equation_call(other), recognise] {
			assert_eq!(propose_err(&dave(), scope, call), Error::<Test>::CallNotAllowed.into());
		}
		assert_eq!(held(&dave()), 0);
		// Its own calls, including deciding its own contributions, are allowed.
		propose(&dave(), scope, set_equation_call(p));
		let c = submit(&eve(), p, 0, 1);
		propose(
			&dave(),
			scope,
			RuntimeCall::Commons(crate::Call::revoke_contribution { contribution: c }),
		);
		// The chain may enact anything.
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, true));
		run_to(3);
		propose(&dave(), Scope::Chain, remark());
	});
}

#[test]
fn the_proposer_pays_for_the_weight_of_the_enactment() {
	test(|| {
		let p = members_project();
		let call = set_equation_call(p);
		let call_weight = call.get_dispatch_info().call_weight;
		let scope = Scope::Project(p);
		// Charged before dispatch: the scope's whole limit; after: exactly the call's weight.
		let pre = crate::Call::<Test>::propose {
			scope,
			call: inline(call.clone()),
			description: description(),
		}
		.get_dispatch_info()
		.call_weight;
		let limit = TestProjectEnactmentWeight::get();
		assert_eq!(pre, <() as WeightInfo>::propose().saturating_add(limit));
		let post =
			Commons::propose(RuntimeOrigin::signed(dave()), scope, inline(call), description())
				.unwrap();
		assert_eq!(
			post,
			PostDispatchInfo {
				actual_weight: Some(<() as WeightInfo>::propose() + call_weight),
				pays_fee: Pays::Yes
			}
		);
		assert!(call_weight.ref_time() > 0);
	});
}

#[test]
fn a_self_governed_project_cannot_buy_free_block_space_with_heavy_proposals() {
	test(|| {
		// Alice's project whose only holder is Dave, one of her accounts: a one-block vote and a
		// zero quorum, then a heavy proposal every block.
		let p = create_project(&alice());
		assert_ok!(Commons::mint(p, &dave(), 100));
		let fast = GovernanceParams {
			budget: Budget::Equal(CREDITS),
			quorum: Perbill::zero(),
			voting_period: 1,
			enactment_delay: 0,
			min_voters: 1,
		};
		assert_ok!(Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), fast));
		run_to(2);
		// A call heavier than a project's enactment may be is refused at `propose`.
		let call = set_equation_call(p);
		TestProjectEnactmentWeight::set(
			call.get_dispatch_info().call_weight - Weight::from_parts(1, 0),
		);
		assert_eq!(
			propose_err(&dave(), Scope::Project(p), call.clone()),
			Error::<Test>::EnactmentTooHeavy.into()
		);
		// So is a call longer than a project's proposal may carry (a noted preimage).
		let label = |s: &str| -> LabelOf<Test> { s.as_bytes().to_vec().try_into().unwrap() };
		let kind = ContributionKind {
			name: label("abcdefgh"),
			unit: label("abcdefgh"),
			rate: FixedU128::from(1),
			max_rate: None,
			claim: ClaimKind::Equity,
		};
		let long = RuntimeCall::Commons(crate::Call::set_value_equation {
			project: p,
			kinds: vec![kind; 4].try_into().unwrap(),
		});
		let bound = <Preimage as StorePreimage>::bound(long).unwrap();
		let limit: u32 = <<Test as crate::Config>::MaxProjectCallLen as Get<u32>>::get();
		assert!(bound.len().unwrap() > limit);
		assert_noop!(
			Commons::propose(
				RuntimeOrigin::signed(dave()),
				Scope::Project(p),
				Box::new(bound),
				description()
			),
			Error::<Test>::CallTooLarge
		);
		// And with the chain's floors, the one-block vote is gone.
		let floor = GovernanceFloor {
			voting_period: 5,
			enactment_delay: 2,
			quorum: Perbill::from_percent(20),
			min_voters: 2,
		};
		assert_ok!(Commons::set_governance_floor(RuntimeOrigin::root(), floor));
		assert_noop!(
			Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), fast),
			Error::<Test>::BelowFloor
		);
		assert_eq!(Commons::governance_of(Scope::Project(p)).voting_period, 5);
		assert_eq!(Commons::governance_of(Scope::Project(p)).min_voters, 2);
	});
}

#[test]
fn a_chain_call_heavier_than_the_chains_limit_is_refused_at_propose() {
	test(|| {
		let p = members_project();
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, true));
		run_to(3);
		// The runtime keeps the chain's limit below what the scheduler runs in a block, so a
		// passed call is never dropped as permanently overweight; a heavier call is refused now.
		let call =
			RuntimeCall::Commons(crate::Call::set_recognised { project: p, recognised: false });
		TestChainEnactmentWeight::set(
			call.get_dispatch_info().call_weight - Weight::from_parts(1, 0),
		);
		assert_eq!(
			propose_err(&dave(), Scope::Chain, call),
			Error::<Test>::EnactmentTooHeavy.into()
		);
		assert_eq!(held(&dave()), 0);
	});
}

#[test]
fn a_full_agenda_does_not_block_the_chains_governance() {
	test(|| {
		let p = members_project();
		assert_ok!(Commons::set_recognised(RuntimeOrigin::root(), p, true));
		run_to(3);
		let params =
			GovernanceParams { budget: Budget::Equal(7), ..Commons::governance_of(Scope::Chain) };
		let call = RuntimeCall::Commons(crate::Call::set_default_governance { params });
		let id = propose(&dave(), Scope::Chain, call);
		vote(&dave(), id, true, 1);
		vote(&eve(), id, true, 1);
		let ends = Proposals::<Test>::get(id).unwrap().ends;
		// Someone fills the agenda of the enactment block (10 tasks).
		let target = ends + 1 + ENACTMENT_DELAY;
		for _ in 0..10 {
			assert_ok!(Scheduler::schedule(
				RuntimeOrigin::root(),
				target,
				None,
				0,
				Box::new(remark())
			));
		}
		assert_eq!(pallet_scheduler::Agenda::<Test>::get(target).len(), 10);
		close_after_voting(id);
		// Scheduled in the next block with room, and enacted there.
		assert_eq!(passed(id), target + 1);
		run_to(target);
		assert_eq!(crate::DefaultProjectGovernance::<Test>::get().budget, Budget::Equal(CREDITS));
		run_to(target + 1);
		assert_eq!(crate::DefaultProjectGovernance::<Test>::get(), params);
	});
}

#[test]
fn project_enactments_leave_every_agenda_room_for_the_chain() {
	test(|| {
		let projects: Vec<_> = (0..3).map(|_| members_project()).collect();
		run_to(3);
		let ids: Vec<_> = projects
			.iter()
			.map(|p| {
				let id = propose(&dave(), Scope::Project(*p), set_equation_call(*p));
				vote(&dave(), id, true, 1);
				vote(&eve(), id, true, 1);
				id
			})
			.collect();
		run_to(Proposals::<Test>::get(ids[0]).unwrap().ends + 1);
		for id in &ids {
			assert_ok!(Commons::close(RuntimeOrigin::signed(alice()), *id));
		}
		let target = System::block_number() + ENACTMENT_DELAY;
		// Two project enactments a block: the third goes to the next block.
		assert_eq!(
			ids.iter().map(|id| passed(*id)).collect::<Vec<_>>(),
			vec![target, target, target + 1]
		);
		assert_eq!(ProjectEnactments::<Test>::get(target), MAX_PROJECT_ENACTMENTS);
		// The agenda keeps the rest of its 10 tasks for the chain's enactments.
		assert_eq!(pallet_scheduler::Agenda::<Test>::get(target).len(), 2);
		// The count is forgotten when the block begins, and every call is enacted.
		run_to(target + 1);
		assert_eq!(ProjectEnactments::<Test>::get(target), 0);
		for p in &projects {
			assert_eq!(crate::ValueEquations::<Test>::get(p).unwrap().version, 2);
		}
	});
}

#[test]
fn floors_hold_for_every_project_and_the_default() {
	test(|| {
		let p = members_project();
		// Set before any floor: a one-block vote and one voter.
		let low = GovernanceParams {
			budget: Budget::Equal(CREDITS),
			quorum: Perbill::from_percent(10),
			voting_period: 1,
			enactment_delay: 0,
			min_voters: 1,
		};
		assert_ok!(Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), low));
		let floor = GovernanceFloor {
			voting_period: 5,
			enactment_delay: 2,
			quorum: Perbill::from_percent(30),
			min_voters: 2,
		};
		assert_noop!(
			Commons::set_governance_floor(RuntimeOrigin::signed(dave()), floor),
			DispatchError::BadOrigin
		);
		assert_ok!(Commons::set_governance_floor(RuntimeOrigin::root(), floor));
		assert_eq!(GovernanceFloors::<Test>::get(), floor);
		assert!(commons_events().contains(&Event::GovernanceFloorSet { floor }));
		// Below the floor is refused for a project, for the default, and for a chamber.
		for params in [
			GovernanceParams { voting_period: 4, ..floor.raise(low) },
			GovernanceParams { enactment_delay: 1, ..floor.raise(low) },
			GovernanceParams { quorum: Perbill::from_percent(29), ..floor.raise(low) },
			GovernanceParams { min_voters: 1, ..floor.raise(low) },
		] {
			assert_noop!(
				Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), params),
				Error::<Test>::BelowFloor
			);
			assert_noop!(
				Commons::set_default_governance(RuntimeOrigin::root(), params),
				Error::<Test>::BelowFloor
			);
		}
		let weak: ChambersOf<Test> =
			vec![Chamber { rule: ChamberRule::Holders, quorum: Perbill::from_percent(10) }]
				.try_into()
				.unwrap();
		assert_noop!(
			Commons::set_chambers(RuntimeOrigin::root(), p, weak),
			Error::<Test>::BelowFloor
		);
		// Also while maintainers act for a project without holders.
		let empty = create_project(&alice());
		assert_noop!(
			Commons::set_governance(RuntimeOrigin::signed(alice()), Scope::Project(empty), low),
			Error::<Test>::BelowFloor
		);
		assert_ok!(Commons::set_governance(
			RuntimeOrigin::signed(alice()),
			Scope::Project(empty),
			floor.raise(low)
		));
		// Parameters set before the floor are read as raised to it: one vote no longer decides.
		assert_eq!(Commons::governance_of(Scope::Project(p)), floor.raise(low));
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		let proposal = Proposals::<Test>::get(id).unwrap();
		assert_eq!((proposal.min_voters, proposal.ends), (2, System::block_number() + 5));
		assert_eq!(proposal.chambers[0].0.quorum, Perbill::from_percent(30));
		vote(&dave(), id, true, 1);
		close_after_voting(id);
		assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Failed);
		// The chain's own parameters are its own.
		assert_ok!(Commons::set_governance(RuntimeOrigin::root(), Scope::Chain, low));
	});
}

#[test]
fn a_vote_may_last_longer_than_an_epoch_without_drawing_on_two_budgets() {
	test(|| {
		let p = members_project();
		let long = GovernanceParams {
			budget: Budget::Equal(CREDITS),
			quorum: Perbill::from_percent(50),
			voting_period: 2 * EPOCH,
			enactment_delay: ENACTMENT_DELAY,
			min_voters: 1,
		};
		let too_long = GovernanceParams { voting_period: 3 * EPOCH + 1, ..long };
		assert_noop!(
			Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), too_long),
			Error::<Test>::InvalidGovernance
		);
		assert_ok!(Commons::set_governance(RuntimeOrigin::root(), Scope::Project(p), long));
		let scope = Scope::Project(p);
		let id = propose(&dave(), scope, set_equation_call(p));
		let epoch = Proposals::<Test>::get(id).unwrap().epoch;
		vote(&dave(), id, true, 10);
		// In the next epoch Dave's budget is new, but this proposal's votes are still charged to
		// the epoch it was made in: he cannot vote more on it.
		run_to(EPOCH + 1);
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(dave()), id, true, 11),
			Error::<Test>::NotEnoughCredits
		);
		assert_eq!(VoiceCredits::<Test>::get((scope, epoch), dave()).unwrap().spent, 100);
		// A proposal of the new epoch draws on the new budget.
		let next = propose(&eve(), scope, set_equation_call(p));
		vote(&dave(), next, true, 10);
		assert_eq!(VoiceCredits::<Test>::get((scope, epoch + 1), dave()).unwrap().spent, 100);
		// Eve votes on it in the new epoch, from the old epoch's budget.
		vote(&eve(), id, true, 1);
		assert_eq!(VoiceCredits::<Test>::get((scope, epoch), eve()).unwrap().spent, 1);
		close_after_voting(id);
		assert!(matches!(
			Proposals::<Test>::get(id).unwrap().status,
			ProposalStatus::Passed { .. }
		));
	});
}

/// The noter of a proposal's preimage removes it during the vote, so that the passed proposal
/// cannot be enacted (or a different call noted under another proposal's eyes): it stays
/// requested while the vote runs, and the scheduler keeps it until the dispatch.
#[test]
fn a_proposals_preimage_stays_for_its_vote() {
	use codec::Encode;
	use frame_support::traits::{Bounded, QueryPreimage};
	use sp_runtime::traits::Hash;
	test(|| {
		let p = members_project();
		let bytes = set_equation_call(p).encode();
		let hash = <Test as frame_system::Config>::Hashing::hash(&bytes);
		let lookup = || Box::new(Bounded::Lookup { hash, len: bytes.len() as u32 });
		assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(dave()), bytes.clone()));
		let id = crate::NextProposalId::<Test>::get();
		assert_ok!(Commons::propose(
			RuntimeOrigin::signed(dave()),
			Scope::Project(p),
			lookup(),
			description()
		));
		assert!(<Preimage as QueryPreimage>::is_requested(&hash));
		assert_ok!(Preimage::unnote_preimage(RuntimeOrigin::signed(dave()), hash));
		assert_eq!(<Preimage as QueryPreimage>::len(&hash), Some(bytes.len() as u32));
		vote(&dave(), id, true, 1);
		vote(&eve(), id, true, 1);
		close_after_voting(id);
		run_to(System::block_number() + ENACTMENT_DELAY);
		assert_eq!(crate::ValueEquations::<Test>::get(p).unwrap().version, 2);
		// Dispatched, it is dropped.
		assert_eq!(<Preimage as QueryPreimage>::len(&hash), None);

		// A cancelled proposal no longer requests it: its noter may remove it.
		assert_ok!(Preimage::note_preimage(RuntimeOrigin::signed(dave()), bytes.clone()));
		let id = crate::NextProposalId::<Test>::get();
		assert_ok!(Commons::propose(
			RuntimeOrigin::signed(dave()),
			Scope::Project(p),
			lookup(),
			description()
		));
		assert_ok!(Commons::cancel(RuntimeOrigin::signed(dave()), id));
		assert!(!<Preimage as QueryPreimage>::is_requested(&hash));
		assert_ok!(Preimage::unnote_preimage(RuntimeOrigin::signed(dave()), hash));
		assert_eq!(<Preimage as QueryPreimage>::len(&hash), None);
	});
}
