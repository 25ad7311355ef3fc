//! The runtime's storage migrations on a real genesis, with their own pre- and post-upgrade
//! checks: a chain at an older storage version is migrated once, checked, and a second run
//! changes nothing.

use codec::Encode;
use commons_runtime::{
	Commons, Migrations, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};
use frame_support::{
	assert_ok,
	traits::{fungible::InspectHold, Bounded, GetStorageVersion, OnRuntimeUpgrade, StorageVersion},
};
use pallet_commons::{
	migrations::{
		v2::RecogniseFoundingProject,
		v3::{old, OldGovernanceParams, OldProposal, SnapshotElectorates},
	},
	ChainGovernance, HoldReason, ProposalStatus, Proposals, RecognisedProjects, Scope,
};
use sp_keyring::Sr25519Keyring;

mod common;
use common::development;

#[test]
fn v1_to_v2_recognises_the_founding_project_and_checks_itself() {
	development().execute_with(|| {
		// The chain as version 1 left it: a founding project, no governance stored.
		RecognisedProjects::<Runtime>::kill();
		StorageVersion::new(1).put::<Commons>();
		let state = RecogniseFoundingProject::<Runtime>::pre_upgrade_state().expect("pre");

		Migrations::on_runtime_upgrade();

		RecogniseFoundingProject::<Runtime>::post_upgrade_check(state).expect("post");
		assert_eq!(RecognisedProjects::<Runtime>::get().into_inner(), vec![0]);
		assert_eq!(Commons::on_chain_storage_version(), StorageVersion::new(6));
		assert_eq!(Commons::on_chain_storage_version(), Commons::in_code_storage_version());
	});
}

#[test]
fn migrations_do_nothing_on_a_chain_already_migrated() {
	development().execute_with(|| {
		assert_eq!(Commons::on_chain_storage_version(), StorageVersion::new(6));
		let before = RecognisedProjects::<Runtime>::get();
		let state = RecogniseFoundingProject::<Runtime>::pre_upgrade_state().expect("pre");
		Migrations::on_runtime_upgrade();
		RecogniseFoundingProject::<Runtime>::post_upgrade_check(state).expect("post");
		assert_eq!(RecognisedProjects::<Runtime>::get(), before);
	});
}

#[test]
fn the_post_upgrade_check_catches_a_migration_that_did_not_run() {
	development().execute_with(|| {
		RecognisedProjects::<Runtime>::kill();
		StorageVersion::new(1).put::<Commons>();
		let state = RecogniseFoundingProject::<Runtime>::pre_upgrade_state().expect("pre");
		// No upgrade: the check must fail.
		assert!(RecogniseFoundingProject::<Runtime>::post_upgrade_check(state).is_err());
	});
}

#[test]
fn v2_to_v3_voids_a_chain_proposal_whose_call_no_longer_decodes() {
	development().execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		// Alice proposed, before the upgrade, a call whose encoding the upgrade changes.
		let call = RuntimeCall::Commons(pallet_commons::Call::accept_appeal {
			contribution: 0,
			quantity: 1,
		});
		let bounded = Bounded::Inline(call.encode().try_into().expect("a short call"));
		assert_ok!(Commons::propose(
			RuntimeOrigin::signed(alice.clone()),
			Scope::Chain,
			Box::new(bounded),
			Default::default()
		));
		let deposit = <Runtime as pallet_commons::Config>::ProposalDeposit::get();
		let hold = HoldReason::ProposalDeposit.into();
		assert_eq!(commons_runtime::Balances::balance_on_hold(&hold, &alice), deposit);
		// The state as version 2 stored it: the call without its quantity, governance without
		// a least number of voters.
		let p = Proposals::<Runtime>::get(0).expect("proposed");
		let mut bytes = call.encode();
		bytes.truncate(bytes.len() - 16);
		old::Proposals::<Runtime>::insert(
			0,
			OldProposal::<Runtime>::downgraded(
				p,
				Bounded::Inline(bytes.try_into().expect("short")),
			),
		);
		let before = ChainGovernance::<Runtime>::get();
		old::ChainGovernance::<Runtime>::put(OldGovernanceParams {
			budget: before.budget,
			quorum: before.quorum,
			voting_period: before.voting_period,
			enactment_delay: before.enactment_delay,
		});
		// Version 2 kept no count of open proposals per proposer.
		let _ = pallet_commons::OpenProposals::<Runtime>::clear(u32::MAX, None);
		StorageVersion::new(2).put::<Commons>();
		let state = SnapshotElectorates::<Runtime>::pre_upgrade_state().expect("pre");

		Migrations::on_runtime_upgrade();

		SnapshotElectorates::<Runtime>::post_upgrade_check(state).expect("post");
		let voided = Proposals::<Runtime>::get(0).expect("kept");
		assert_eq!(voided.status, ProposalStatus::Voided);
		// Only what backs the voided record stays held (version 5).
		assert_eq!(
			commons_runtime::Balances::balance_on_hold(&hold, &alice),
			<Runtime as pallet_commons::Config>::RecordDeposit::get()
		);
		assert_eq!(pallet_commons::LiveProposals::<Runtime>::get(Scope::Chain), 0);
		assert_eq!(pallet_commons::OpenProposals::<Runtime>::get(Scope::Chain, &alice), 0);
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Commons(pallet_commons::Event::ProposalVoided { proposal: 0 })));
		// Governance keeps its parameters and gets the old rule of one voter at least.
		assert_eq!(ChainGovernance::<Runtime>::get().min_voters, 1);
		assert_eq!(ChainGovernance::<Runtime>::get().quorum, before.quorum);
		assert_eq!(Commons::on_chain_storage_version(), StorageVersion::new(6));
	});
}
