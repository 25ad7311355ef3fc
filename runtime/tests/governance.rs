//! The chain's vote at runtime level, from the `development` genesis: the founders of the
//! recognised founding project authorize a runtime upgrade by quadratic vote, and the
//! authorization is for exactly that code.

use codec::Encode;
use commons_runtime::{Commons, Runtime, RuntimeCall, RuntimeOrigin, System};
use frame_support::{assert_noop, assert_ok, traits::Bounded};
use pallet_commons::{ProposalStatus, Scope};
use sp_keyring::Sr25519Keyring;

mod common;
use common::{development, run_to};

#[test]
fn the_chain_authorizes_a_runtime_upgrade_by_quadratic_vote() {
	development().execute_with(|| {
		let [alice, bob, eve] = [Sr25519Keyring::Alice, Sr25519Keyring::Bob, Sr25519Keyring::Eve]
			.map(|k| k.to_account_id());
		// The founding project is recognised; its founders are the chain's members.
		assert_eq!(pallet_commons::RecognisedProjects::<Runtime>::get().into_inner(), vec![0]);
		assert_eq!(Commons::units_of(0, &alice), 100);

		let code = b"the next runtime".to_vec();
		let code_hash = sp_io::hashing::blake2_256(&code);
		let call = RuntimeCall::System(frame_system::Call::authorize_upgrade {
			code_hash: code_hash.into(),
		});
		let bounded = Bounded::Inline(call.encode().try_into().expect("a short call"));
		// Eve holds no units in a recognised project: she may not propose.
		assert_noop!(
			Commons::propose(
				RuntimeOrigin::signed(eve.clone()),
				Scope::Chain,
				Box::new(bounded.clone()),
				Default::default()
			),
			pallet_commons::Error::<Runtime>::NotMember
		);
		assert_ok!(Commons::propose(
			RuntimeOrigin::signed(alice.clone()),
			Scope::Chain,
			Box::new(bounded),
			Default::default()
		));
		assert_ok!(Commons::vote(RuntimeOrigin::signed(alice.clone()), 0, true, 3));
		assert_ok!(Commons::vote(RuntimeOrigin::signed(bob), 0, true, 2));

		let proposal = pallet_commons::Proposals::<Runtime>::get(0).expect("proposed");
		run_to(proposal.ends + 1);
		assert_ok!(Commons::close(RuntimeOrigin::signed(eve.clone()), 0));
		let ProposalStatus::Passed { enactment } =
			pallet_commons::Proposals::<Runtime>::get(0).expect("kept").status
		else {
			panic!("the proposal passed");
		};
		assert!(System::authorized_upgrade().is_none());
		run_to(enactment);
		let authorized = System::authorized_upgrade().expect("authorized by Root");
		assert_eq!(authorized.code_hash(), &code_hash.into());
		// Only that code may be applied, by anyone.
		assert_noop!(
			System::apply_authorized_upgrade(RuntimeOrigin::signed(eve), b"other code".to_vec()),
			frame_system::Error::<Runtime>::Unauthorized
		);
	});
}

/// A call, bounded as a proposal carries it (noted as a preimage when it is long).
fn bounded(call: RuntimeCall) -> Box<pallet_commons::BoundedCallOf<Runtime>> {
	Box::new(
		<commons_runtime::Preimage as frame_support::traits::StorePreimage>::bound(call)
			.expect("notes"),
	)
}

#[test]
fn a_project_may_enact_a_short_batch_of_its_own_calls_and_nothing_else() {
	development().execute_with(|| {
		let alice = Sr25519Keyring::Alice.to_account_id();
		let eve = Sr25519Keyring::Eve.to_account_id();
		run_to(2);
		// Project 0's own calls; another project's; another pallet's.
		let own = |listed| {
			RuntimeCall::Commons(pallet_commons::Call::set_chamber_member {
				project: 0,
				who: eve.clone(),
				listed,
			})
		};
		let other = RuntimeCall::Commons(pallet_commons::Call::set_chamber_member {
			project: 1,
			who: eve.clone(),
			listed: true,
		});
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![1] });
		let batch_all = |calls: Vec<RuntimeCall>| {
			RuntimeCall::Utility(pallet_utility::Call::batch_all { calls })
		};
		let propose = |call: RuntimeCall| {
			Commons::propose(
				RuntimeOrigin::signed(alice.clone()),
				Scope::Project(0),
				bounded(call),
				Default::default(),
			)
			.map(|_| ())
			.map_err(|e| e.error)
		};
		let refused = pallet_commons::Error::<Runtime>::CallNotAllowed.into();
		let max = commons_runtime::configs::MAX_PROJECT_BATCH;
		assert_eq!(propose(batch_all(vec![own(true); max + 1])), Err(refused));
		assert_eq!(propose(batch_all(vec![own(true), remark.clone()])), Err(refused));
		assert_eq!(propose(batch_all(vec![own(true), other.clone()])), Err(refused));
		assert_eq!(propose(batch_all(vec![batch_all(vec![own(true)])])), Err(refused));
		assert_eq!(
			propose(RuntimeCall::Utility(pallet_utility::Call::batch { calls: vec![own(true)] })),
			Err(refused)
		);
		assert_eq!(propose(remark), Err(refused));
		assert_eq!(propose(other), Err(refused));
		assert_eq!(propose(batch_all(vec![])), Err(refused));
		assert_ok!(propose(own(true)));
		assert_ok!(propose(batch_all(vec![own(true); max])));
		assert_ok!(propose(batch_all(vec![own(true), own(false)])));
		// Its ordered income policy is its own call too.
		let buckets = vec![pallet_commons::Bucket {
			to: pallet_commons::BucketTarget::Debts,
			share: sp_runtime::Perbill::from_percent(60),
		}];
		let set_buckets = RuntimeCall::Commons(pallet_commons::Call::set_income_buckets {
			project: 0,
			buckets: buckets.try_into().expect("one bucket fits"),
		});
		assert_ok!(propose(batch_all(vec![set_buckets, own(false)])));
	});
}

#[test]
fn every_enactment_fits_what_the_scheduler_runs_in_a_block() {
	use commons_runtime::configs::{MaxChainEnactmentWeight, MaxProjectEnactmentWeight};
	use frame_support::traits::Get;
	use pallet_scheduler::WeightInfo as _;
	type SchedulerWeights = <Runtime as pallet_scheduler::Config>::WeightInfo;
	let scheduler = <Runtime as pallet_scheduler::Config>::MaximumWeight::get();
	let tasks: u32 = <Runtime as pallet_scheduler::Config>::MaxScheduledPerBlock::get();
	// The scheduler's own work in a block with a full agenda, and one task's.
	let overhead = SchedulerWeights::service_agendas_base()
		.saturating_add(SchedulerWeights::service_agenda_base(tasks))
		.saturating_add(SchedulerWeights::service_task_fetched(4 * 1024 * 1024))
		.saturating_add(SchedulerWeights::service_task_named())
		.saturating_add(SchedulerWeights::service_task_periodic())
		.saturating_add(SchedulerWeights::execute_dispatch_unsigned());
	for limit in [MaxChainEnactmentWeight::get(), MaxProjectEnactmentWeight::get()] {
		assert!(limit.saturating_add(overhead).all_lte(scheduler), "{limit:?} + {overhead:?}");
	}
	let projects: u32 = <Runtime as pallet_commons::Config>::MaxProjectEnactmentsPerBlock::get();
	assert!(projects < tasks, "the chain keeps room in every agenda");
}
