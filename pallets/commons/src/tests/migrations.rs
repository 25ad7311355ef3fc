//! Storage migrations on state the pallet made: the state is written back in the old
//! encoding, migrated, and checked by the migration's own checks and the invariants.

use super::{governance::*, *};
use crate::{
	migrations::v3::{self, old, OldGovernanceParams, OldProposal},
	Appeals, ChainGovernance, Error, Event, LiveProjectAppeals, LiveProposals, OpenProposals,
	ProjectGovernance, Proposals,
};
use codec::Encode;
use frame_support::{
	assert_noop,
	traits::{Bounded, GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use sp_runtime::Perbill;

/// `call` as version 2 encoded it: `accept_appeal` had no quantity (the 16 bytes at the end).
fn old_encoding(call: &RuntimeCall) -> BoundedCallOf<Test> {
	let mut bytes = call.encode();
	if let RuntimeCall::Commons(crate::Call::accept_appeal { .. }) = call {
		bytes.truncate(bytes.len() - 16);
	}
	Bounded::Inline(bytes.try_into().unwrap())
}

/// Writes every proposal back as version 2 stored it, with its call in the old encoding, and
/// its counts as version 2 kept them (a project's appeals among its proposals, no count per
/// proposer).
fn downgrade_proposals(calls: &[(ProposalId, RuntimeCall)]) {
	let _ = OpenProposals::<Test>::clear(u32::MAX, None);
	for (project, n) in LiveProjectAppeals::<Test>::drain() {
		LiveProposals::<Test>::mutate(Scope::Project(project), |live| *live += n);
	}
	for (id, p) in Proposals::<Test>::iter().collect::<Vec<_>>() {
		let call = calls.iter().find(|(c, _)| *c == id).map(|(_, call)| old_encoding(call));
		let call = call.unwrap_or_else(|| p.call.clone());
		old::Proposals::<Test>::insert(id, OldProposal::<Test>::downgraded(p, call));
	}
}

fn downgrade_governance(p: ProjectId) -> OldGovernanceParams<u64> {
	let params = OldGovernanceParams {
		budget: Budget::Equal(CREDITS),
		quorum: Perbill::from_percent(40),
		voting_period: VOTING_PERIOD,
		enactment_delay: ENACTMENT_DELAY,
	};
	old::ChainGovernance::<Test>::put(params);
	old::DefaultProjectGovernance::<Test>::put(params);
	old::ProjectGovernance::<Test>::insert(p, params);
	params
}

fn migrate() {
	let state = v3::SnapshotElectorates::<Test>::pre_upgrade_state().expect("pre");
	v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
	v3::SnapshotElectorates::<Test>::post_upgrade_check(state).expect("post");
	assert_eq!(Commons::on_chain_storage_version(), 3);
}

/// Eve's 3 hours, approved by Bob at 2 and rejected by Alice and Charlie.
fn rejected(p: ProjectId) -> ContributionId {
	let c = submit(&eve(), p, 0, 3);
	approve(&bob(), c, Some(2));
	reject(&alice(), c);
	reject(&charlie(), c);
	c
}

/// Dave, Eve and Ferdie's project, Eve's rejected contribution, her appeal for 3 hours, and
/// the `accept_appeal` call it carries.
fn appealed() -> (ProjectId, ContributionId, ProposalId, RuntimeCall) {
	let p = members_project();
	let c = rejected(p);
	assert_ok!(Commons::appeal(RuntimeOrigin::signed(eve()), c, 3, description()));
	let appeal = Appeals::<Test>::get(c).unwrap();
	let accept = RuntimeCall::Commons(crate::Call::accept_appeal { contribution: c, quantity: 3 });
	(p, c, appeal, accept)
}

#[test]
fn proposals_opened_before_the_upgrade_are_carried_over_or_voided() {
	test(|| {
		// Opened before the upgrade: Eve's appeal, Dave's direct proposal to accept it (a call
		// whose encoding changes), and Dave's proposal to change the equation (unchanged).
		let (p, c, appeal, accept) = appealed();
		let direct = propose(&dave(), Scope::Project(p), accept.clone());
		let equation = propose(&dave(), Scope::Project(p), set_equation_call(p));
		vote(&ferdie(), direct, true, 2);
		vote(&ferdie(), appeal, true, 2);
		let unchanged = Proposals::<Test>::get(equation).unwrap();
		let held_before = held(&dave());
		downgrade_proposals(&[(appeal, accept.clone()), (direct, accept)]);
		let params = downgrade_governance(p);
		StorageVersion::new(2).put::<Commons>();

		migrate();

		// The appeal asks what the old call would have credited: Bob's assessment of 2.
		let carried = Proposals::<Test>::get(appeal).unwrap();
		assert_eq!(carried.status, ProposalStatus::Open);
		assert_eq!(carried.call, Commons::accept_appeal_call(c, 2).unwrap());
		assert_eq!(carried.min_voters, 1);
		// The direct proposal no longer decodes: voided, its deposit released, its slot free.
		let voided = Proposals::<Test>::get(direct).unwrap();
		assert_eq!(voided.status, ProposalStatus::Voided);
		assert_eq!(voided.deposit, RECORD_DEPOSIT);
		assert_eq!(held(&dave()), held_before - PROPOSAL_DEPOSIT + RECORD_DEPOSIT);
		assert!(commons_events().contains(&Event::ProposalVoided { proposal: direct }));
		// The equation's proposal in the project's count, the appeal in its appeals', Dave's
		// one open proposal in his.
		assert_eq!(LiveProposals::<Test>::get(Scope::Project(p)), 1);
		assert_eq!(LiveProjectAppeals::<Test>::get(p), 1);
		assert_eq!(OpenProposals::<Test>::get(Scope::Project(p), dave()), 1);
		assert_noop!(
			Commons::vote(RuntimeOrigin::signed(eve()), direct, true, 1),
			Error::<Test>::ProposalNotOpen
		);
		// The rest is as it was, with the new fields.
		let same = Proposals::<Test>::get(equation).unwrap();
		assert_eq!((same.call, same.chambers, same.votes), (unchanged.call, unchanged.chambers, 0));
		let expected = GovernanceParams {
			budget: params.budget,
			quorum: params.quorum,
			voting_period: params.voting_period,
			enactment_delay: params.enactment_delay,
			min_voters: 1,
		};
		assert_eq!(ChainGovernance::<Test>::get(), expected);
		assert_eq!(ProjectGovernance::<Test>::get(p), Some(expected));

		// The carried-over appeal passes and credits 2 hours at 10 units.
		for who in [dave(), eve()] {
			vote(&who, appeal, true, 1);
		}
		close_after_voting(appeal);
		run_to(System::block_number() + ENACTMENT_DELAY);
		assert!(matches!(status(c), ContributionStatus::Accepted { assessed: 2, units: 20, .. }));
		// A second run changes nothing.
		v3::MigrateV2ToV3::<Test>::on_runtime_upgrade();
		assert_eq!(
			Proposals::<Test>::get(appeal).unwrap().call,
			Commons::accept_appeal_call(c, 2).unwrap()
		);
	});
}

#[test]
fn a_passed_appeal_awaiting_enactment_is_scheduled_again() {
	test(|| {
		let (p, c, appeal, accept) = appealed();
		for who in [dave(), eve(), ferdie()] {
			vote(&who, appeal, true, 1);
		}
		close_after_voting(appeal);
		let ProposalStatus::Passed { enactment } = Proposals::<Test>::get(appeal).unwrap().status
		else {
			panic!("passed");
		};
		// The agenda and the proposal hold the old encoding.
		pallet_scheduler::Agenda::<Test>::mutate(enactment, |agenda| {
			for task in agenda.iter_mut().flatten() {
				task.call = old_encoding(&accept);
			}
		});
		downgrade_proposals(&[(appeal, accept)]);
		downgrade_governance(p);
		StorageVersion::new(2).put::<Commons>();

		migrate();

		assert_eq!(
			Proposals::<Test>::get(appeal).unwrap().call,
			Commons::accept_appeal_call(c, 2).unwrap()
		);
		run_to(enactment);
		// The old task no longer decodes and is dropped; the new one credits the appeal once.
		assert!(System::events().iter().any(|r| matches!(
			r.event,
			RuntimeEvent::Scheduler(pallet_scheduler::Event::CallUnavailable { .. })
		)));
		assert!(matches!(status(c), ContributionStatus::Accepted { assessed: 2, units: 20, .. }));
		assert_eq!(Commons::units_of(p, &eve()), 100 + 20);
	});
}

#[test]
fn the_post_upgrade_check_catches_a_migration_that_did_not_run() {
	test(|| {
		let (_, _, appeal, accept) = appealed();
		downgrade_proposals(&[(appeal, accept)]);
		StorageVersion::new(2).put::<Commons>();
		let state = v3::SnapshotElectorates::<Test>::pre_upgrade_state().expect("pre");
		// No upgrade: the check must fail.
		assert!(v3::SnapshotElectorates::<Test>::post_upgrade_check(state).is_err());
		// Migrated, it passes (and the invariants hold after the test).
		migrate();
	});
}

/// Version 4: payers by what they paid (the old records, which kept no amount, go), list
/// entries with deposits held from the treasury, proposals with a tenure, the recent holders.
#[test]
fn membership_records_of_version_3_are_migrated() {
	use crate::{
		migrations::v4::{self, Raw},
		ChamberList, ChamberListCount, PayerCount, Payers, RecentHolders,
	};
	test(|| {
		let p = members_project();
		// Written in version 3's layout: a payer of a planck, a listed account, a proposal.
		v4::old::Payers::<Test>::insert(p, bob(), 2u64);
		PayerCount::<Test>::insert(p, 1);
		v4::old::ChamberList::<Test>::insert(p, eve(), 2u64);
		v4::old::ChamberList::<Test>::insert(p, ferdie(), 2u64);
		ChamberListCount::<Test>::insert(p, 2);
		// The treasury pays for one entry, not for the second.
		let treasury = Commons::treasury_account(p);
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<_>>::mint_into(
			&treasury,
			LIST_DEPOSIT
		));
		// Its proposals have a chamber of payers (one, by the old count).
		let chambers: ChambersOf<Test> = vec![
			Chamber { rule: ChamberRule::Holders, quorum: Perbill::from_percent(50) },
			Chamber { rule: ChamberRule::Payers, quorum: Perbill::from_percent(50) },
		]
		.try_into()
		.unwrap();
		assert_ok!(Commons::set_chambers(RuntimeOrigin::root(), p, chambers));
		let old = propose(&dave(), Scope::Project(p), set_equation_call(p));
		// One proposal in version 3's layout, one already in version 4's (as the version 3
		// step of the same upgrade writes it).
		let kept = propose(&eve(), Scope::Project(p), set_equation_call(p));
		let proposal = Proposals::<Test>::get(old).unwrap();
		v4::old::Proposals::<Test>::insert(
			old,
			Raw(v4::OldProposal::<Test>::downgraded(proposal.clone()).encode()),
		);
		assert!(Proposals::<Test>::try_get(old).is_err(), "not in the new layout");
		let recent = RecentHolders::<Test>::take(p);
		StorageVersion::new(3).put::<Commons>();

		let state = v4::PaidMembership::<Test>::pre_upgrade_state().expect("pre");
		v4::MigrateV3ToV4::<Test>::on_runtime_upgrade();
		v4::PaidMembership::<Test>::post_upgrade_check(state).expect("post");
		assert_eq!(Commons::on_chain_storage_version(), 4);

		assert_eq!(Payers::<Test>::get(p, bob()), None);
		assert_eq!(PayerCount::<Test>::get(p), 0);
		let entries: Vec<_> = [eve(), ferdie()]
			.iter()
			.map(|who| ChamberList::<Test>::get(p, who).unwrap().deposit)
			.collect();
		assert_eq!(entries.iter().sum::<Balance>(), LIST_DEPOSIT);
		assert_eq!(list_held(&treasury), LIST_DEPOSIT);
		assert_eq!(ChamberList::<Test>::get(p, eve()).unwrap().since, 2);
		// The payers are gone: their chamber keeps those who voted (none), so it does not
		// block the proposal nor make it forfeit; the rest is as it was.
		let mut expected = proposal;
		assert_eq!(expected.chambers[1].1.members, 1);
		expected.chambers[1].1.members = 0;
		assert_eq!(Proposals::<Test>::get(old).unwrap(), expected);
		assert_eq!(Proposals::<Test>::get(kept).unwrap().tenure, 0);
		assert_eq!(RecentHolders::<Test>::get(p), recent);
		// Leaving releases what the entry holds.
		assert_ok!(Commons::leave_chamber(RuntimeOrigin::signed(eve()), p, ChamberRule::Listed));
		assert_ok!(Commons::leave_chamber(RuntimeOrigin::signed(ferdie()), p, ChamberRule::Listed));
		assert_eq!(list_held(&treasury), 0);
	});
}

#[test]
fn votes_of_version_4_are_kept_and_empty_closed_projects_removed() {
	use crate::{
		migrations::v5::{self, OldVote},
		HoldReason, Projects, Votes,
	};
	use frame_support::traits::{fungible::MutateHold, tokens::Precision};
	test(|| {
		let p = members_project();
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		vote(&eve(), id, true, 3);
		// Written back as version 4 stored it: no deposit, none held.
		let key = Votes::<Test>::hashed_key_for(id, eve());
		frame_support::storage::unhashed::put_raw(
			&key,
			&OldVote { aye: true, votes: 3, chambers: 1 }.encode(),
		);
		assert_ok!(<Balances as MutateHold<_>>::release(
			&HoldReason::VoteDeposit.into(),
			&eve(),
			VOTE_DEPOSIT,
			Precision::Exact
		));
		assert!(Votes::<Test>::try_get(id, eve()).is_err(), "not in the new layout");
		// A project closed before version 5 with nothing in it, and one with a holding.
		let empty = create_project(&alice());
		let kept = create_project(&alice());
		assert_ok!(Commons::mint(kept, &dave(), 1));
		assert_ok!(Commons::close_project(project_origin(kept), kept));
		// (Closed as version 4 closed it: the deposit released, the records left.)
		Projects::<Test>::mutate(empty, |x| {
			let x = x.as_mut().unwrap();
			x.status = ProjectStatus::Closed;
			x.deposit = 0;
		});
		assert_ok!(<Balances as MutateHold<_>>::release(
			&HoldReason::ProjectDeposit.into(),
			&alice(),
			PROJECT_HELD,
			Precision::Exact
		));
		StorageVersion::new(4).put::<Commons>();

		let state = v5::PaidRecords::<Test>::pre_upgrade_state().expect("pre");
		v5::MigrateV4ToV5::<Test>::on_runtime_upgrade();
		v5::PaidRecords::<Test>::post_upgrade_check(state).expect("post");
		assert_eq!(Commons::on_chain_storage_version(), 5);

		assert_eq!(
			Votes::<Test>::get(id, eve()),
			Some(Vote { aye: true, votes: 3, chambers: 1, deposit: 0 })
		);
		assert!(Projects::<Test>::get(empty).is_none());
		assert!(crate::ValueEquations::<Test>::get(empty).is_none());
		assert!(Projects::<Test>::get(kept).is_some());
		// The vote counts and is removed as before, holding nothing.
		assert_eq!(Proposals::<Test>::get(id).unwrap().chambers[0].1.ayes, 3);
		close_after_voting(id);
		assert_ok!(Commons::remove_vote(RuntimeOrigin::signed(eve()), id, eve()));
	});
}

#[test]
fn kinds_contributions_and_policies_of_version_5_get_their_terms() {
	use crate::{
		migrations::v6::{
			self, OldApproval, OldContribution, OldEquation, OldIncomePolicy, OldKind, OldValuation,
		},
		Contributions, IncomePolicies, ValueEquations,
	};
	use sp_runtime::FixedU128;
	test(|| {
		let p = members_project();
		let upstream = create_project(&bob());
		let c = submit(&dave(), p, 1, 4);
		approve(&alice(), c, Some(3));
		// A proposal to set the equation, and its call as version 5 encoded it.
		let id = propose(&dave(), Scope::Project(p), set_equation_call(p));
		let new_bytes = set_equation_call(p).encode();
		let old_kinds: Vec<OldKind<LabelOf<Test>>> = doubled_kinds()
			.into_iter()
			.map(|k| OldKind { name: k.name, unit: k.unit, rate: k.rate })
			.collect();
		let old_call = [&new_bytes[..2], &p.encode()[..], &old_kinds.encode()[..]].concat();
		Proposals::<Test>::mutate(id, |x| {
			x.as_mut().unwrap().call = Bounded::Inline(old_call.try_into().unwrap())
		});

		// Everything written back as version 5 stored it.
		let kinds: Vec<OldKind<LabelOf<Test>>> = default_kinds()
			.into_iter()
			.map(|k| OldKind { name: k.name, unit: k.unit, rate: k.rate })
			.collect();
		frame_support::storage::unhashed::put_raw(
			&ValueEquations::<Test>::hashed_key_for(p),
			&OldEquation::<Test> { version: 1, kinds: kinds.try_into().unwrap() }.encode(),
		);
		let new = Contributions::<Test>::get(c).unwrap();
		let old = OldContribution::<Test> {
			project: new.project,
			contributor: new.contributor.clone(),
			depositor: new.depositor.clone(),
			deposit: new.deposit,
			kind: new.kind,
			valuation: OldValuation { version: 1, rate: new.valuation.rate },
			quantity: new.quantity,
			evidence: new.evidence.clone(),
			submitted: new.submitted,
			policy: new.policy,
			approvals: vec![OldApproval { reviewer: alice(), assessed: 3 }].try_into().unwrap(),
			rejections: 0,
			status: new.status,
			decided: None,
		};
		frame_support::storage::unhashed::put_raw(
			&Contributions::<Test>::hashed_key_for(c),
			&old.encode(),
		);
		frame_support::storage::unhashed::put_raw(
			&IncomePolicies::<Test>::hashed_key_for(p),
			&OldIncomePolicy::<Test> {
				treasury: Perbill::from_percent(10),
				upstream: vec![(upstream, Perbill::from_percent(5))].try_into().unwrap(),
			}
			.encode(),
		);
		assert!(ValueEquations::<Test>::try_get(p).is_err(), "not in the new layout");
		assert!(Contributions::<Test>::try_get(c).is_err(), "not in the new layout");
		assert!(IncomePolicies::<Test>::try_get(p).is_err(), "not in the new layout");
		StorageVersion::new(5).put::<Commons>();

		let state = v6::ClaimKinds::<Test>::pre_upgrade_state().expect("pre");
		v6::MigrateV5ToV6::<Test>::on_runtime_upgrade();
		v6::ClaimKinds::<Test>::post_upgrade_check(state).expect("post");
		assert_eq!(Commons::on_chain_storage_version(), 6);

		let equation = ValueEquations::<Test>::get(p).unwrap();
		assert_eq!(equation.kinds, default_kinds());
		let migrated = Contributions::<Test>::get(c).unwrap();
		assert_eq!(migrated, new, "the same terms, spelled out");
		assert_eq!(
			migrated.valuation,
			Valuation {
				version: 1,
				rate: FixedU128::from_rational(3, 2),
				max_rate: FixedU128::from_rational(3, 2),
				claim: ClaimKind::Equity,
			}
		);
		assert_eq!(
			IncomePolicies::<Test>::get(p).unwrap(),
			IncomePolicy {
				version: 1,
				buckets: vec![
					Bucket { to: BucketTarget::Treasury, share: Perbill::from_percent(10) },
					Bucket {
						to: BucketTarget::Upstream(upstream),
						share: Perbill::from_percent(5)
					},
				]
				.try_into()
				.unwrap(),
			}
		);
		// The proposal whose call no longer decodes is void, its deposit back but the record's.
		assert_eq!(Proposals::<Test>::get(id).unwrap().status, ProposalStatus::Voided);
		assert!(commons_events().contains(&Event::ProposalVoided { proposal: id }));
		assert_eq!(LiveProposals::<Test>::get(Scope::Project(p)), 0);
		// The contribution is decided under its terms: the lower median of 3 and 4, at 1.5.
		approve(&bob(), c, None);
		assert!(matches!(status(c), ContributionStatus::Accepted { units: 4, .. }));
	});
}
