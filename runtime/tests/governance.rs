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
