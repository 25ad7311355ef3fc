//! Wallet-signed attestations and contributions, with all three key types.

use super::*;
use crate::{
	signing::{
		AttestationPayload, ContributionPayload, SignedAttestation, ATTESTATION_TAG,
		CONTRIBUTION_TAG,
	},
	Attestations, Contributions, Error, Event, SignedContributionNonce,
};
use codec::Encode;
use frame_support::{
	assert_noop, assert_ok, dispatch::GetDispatchInfo, traits::Get, weights::Weight,
};
use sp_core::{ecdsa, ed25519, sr25519, Pair, H256};
use sp_runtime::MultiSignature;

type Item = crate::signing::SignedAttestationOf<Test>;
type Payload = crate::signing::AttestationPayloadOf<Test>;

/// A key of any of the three types, as a wallet holds it.
#[derive(Clone)]
#[allow(clippy::large_enum_variant, reason = "a handful of test keys")]
enum Key {
	Sr(sr25519::Pair),
	Ed(ed25519::Pair),
	Ecdsa(ecdsa::Pair),
}

impl Key {
	fn account(&self) -> AccountId {
		match self {
			Key::Sr(p) => account_of(p.public()),
			Key::Ed(p) => account_of(p.public()),
			Key::Ecdsa(p) => account_of(p.public()),
		}
	}

	fn sign(&self, message: &[u8]) -> MultiSignature {
		match self {
			Key::Sr(p) => p.sign(message).into(),
			Key::Ed(p) => p.sign(message).into(),
			Key::Ecdsa(p) => p.sign(message).into(),
		}
	}
}

/// The payload a reviewer signs for `contribution` (for one that does not exist, naming Dave
/// and no content).
fn payload(contribution: ContributionId, verdict: Verdict) -> Payload {
	Commons::attestation_payload_of(contribution, verdict, None, None, 100).unwrap_or(
		AttestationPayload {
			genesis_hash: Commons::genesis_hash(),
			tag: ATTESTATION_TAG,
			contribution,
			contributor: dave(),
			content: [0; 32],
			verdict,
			assessed_quantity: None,
			assessed_rate: None,
			expires_at: 100,
		},
	)
}

fn signed(key: &Key, payload: Payload) -> Item {
	let signature = key.sign(&payload.encode());
	SignedAttestation { reviewer: key.account(), payload, signature }
}

fn relay(items: Vec<Item>) -> sp_runtime::DispatchResult {
	Commons::relay_attestations(RuntimeOrigin::signed(ferdie()), items.try_into().unwrap())
		.map(|_| ())
		.map_err(|e| e.error)
}

/// A project whose maintainers are the given wallet keys, with one pending contribution by Dave.
fn setup(keys: &[Key]) -> (ProjectId, ContributionId) {
	let p = create_project(&alice());
	let maintainers: Vec<AccountId> = keys.iter().map(Key::account).collect();
	set_maintainers(p, &maintainers);
	(p, submit(&dave(), p, 0, 3))
}

#[test]
fn relayed_attestations_count_for_every_key_type() {
	test(|| {
		let keys = [
			Key::Sr(sr25519_pair("Rev1")),
			Key::Ed(ed25519_pair("Rev2")),
			Key::Ecdsa(ecdsa_pair("Rev3")),
		];
		let p = create_project(&alice());
		let maintainers: Vec<AccountId> = keys.iter().map(Key::account).collect();
		set_maintainers(p, &maintainers);
		// Three approvals needed, so that all three count before the decision.
		assert_ok!(Commons::set_review_policy(
			RuntimeOrigin::root(),
			p,
			ReviewRules { min_approvals: 3, ..default_rules() }
		));
		let c = submit(&dave(), p, 0, 3);
		let items = keys.iter().map(|k| signed(k, payload(c, Verdict::Approve))).collect();
		// The relayer pays the fee only: it needs no units and no role.
		assert_ok!(relay(items));
		for k in &keys {
			let a = Attestations::<Test>::get(c, k.account()).unwrap();
			assert!(a.relayed);
			assert_eq!(a.verdict, Verdict::Approve);
			assert!(commons_events().contains(&Event::Attested {
				contribution: c,
				reviewer: k.account(),
				verdict: Verdict::Approve,
				assessed_quantity: None,
				assessed_rate: None,
				relayed: true,
			}));
		}
		assert!(matches!(status(c), ContributionStatus::Accepted { units: 30, .. }));
	});
}

/// A relay pays for what its attestations did: the relay of attestations that decide nothing,
/// plus, for each that decided, what deciding adds to an attestation; never more than was
/// charged before dispatch.
#[test]
fn a_relay_pays_for_the_decisions_it_made() {
	use crate::WeightInfo;
	type W = <Test as crate::Config>::WeightInfo;
	test(|| {
		let keys = [Key::Sr(sr25519_pair("Rev1")), Key::Ed(ed25519_pair("Rev2"))];
		let p = create_project(&alice());
		let maintainers: Vec<AccountId> = keys.iter().map(Key::account).collect();
		set_maintainers(p, &maintainers);
		assert_ok!(Commons::set_review_policy(
			RuntimeOrigin::root(),
			p,
			ReviewRules { min_approvals: 2, ..default_rules() }
		));
		let (c1, c2) = (submit(&dave(), p, 0, 3), submit(&dave(), p, 0, 3));
		// Rev1 approves c2 on chain; then Rev1's approval of c1 (not deciding) and Rev2's of
		// c2 (deciding) are relayed together.
		let rev1 = keys[0].account();
		assert_ok!(Commons::attest(
			RuntimeOrigin::signed(rev1),
			c2,
			Verdict::Approve,
			None,
			note("")
		));
		let items: BoundedVec<Item, _> = vec![
			signed(&keys[0], payload(c1, Verdict::Approve)),
			signed(&keys[1], payload(c2, Verdict::Approve)),
		]
		.try_into()
		.unwrap();
		let charged = crate::Call::<Test>::relay_attestations { items: items.clone() }
			.get_dispatch_info()
			.call_weight;
		let post = Commons::relay_attestations(RuntimeOrigin::signed(ferdie()), items).unwrap();
		assert_eq!(status(c1), ContributionStatus::Pending);
		assert!(matches!(status(c2), ContributionStatus::Accepted { .. }));
		assert_eq!(charged, Commons::relay_charge(2));
		// Both contributions are reviewed by the two maintainers: two attestations read each.
		// c2 was accepted with two approvals: minted to them and the contributor.
		let deciding = W::attest(2)
			.saturating_add(Commons::acceptance_extra_weight(3))
			.saturating_sub(W::attest_pending(0));
		let reads = W::attest_pending(4).saturating_sub(W::attest_pending(0));
		let expected = W::relay_pending_attestations(2)
			.saturating_add(reads)
			.saturating_add(deciding)
			.min(charged);
		assert_eq!(post.actual_weight, Some(expected));
		assert!(expected.all_lte(charged));
		assert!(expected.any_lt(charged), "one that did not decide pays less");
	});
}

/// Whatever a relay's attestations decide, it is never charged more after dispatch than
/// before.
#[test]
fn a_relay_is_never_charged_more_than_before_dispatch() {
	use crate::WeightInfo;
	type W = <Test as crate::Config>::WeightInfo;
	let max = <Test as crate::Config>::MaxRelayBatch::get();
	let maintainers = <Test as crate::Config>::MaxMaintainers::get();
	let reviewers = <Test as crate::Config>::MaxReviewers::get();
	let decisions = (1..=reviewers)
		.map(|approvals| crate::Decided::Accepted { approvals })
		.chain([crate::Decided::Rejected]);
	for relayed in 1..=max {
		let charged = Commons::relay_charge(relayed);
		assert!(charged.all_gte(W::relay_attestations(relayed)));
		for each in decisions.clone() {
			let deciding = Commons::deciding_weight(each, W::attest);
			let mut last = Weight::zero();
			for decided in 0..=relayed {
				for read in [0, relayed, relayed * maintainers] {
					let deciding = deciding.saturating_mul(decided.into());
					let outcome = crate::RelayOutcome { decided, read, deciding };
					let actual = Commons::relay_weight(relayed, outcome);
					assert!(
						actual.all_lte(charged),
						"{relayed} relayed, {decided} decided ({each:?}), {read} read"
					);
					assert!(actual.all_gte(last), "more decisions or reads never cost less");
					last = actual;
				}
				let outcome = crate::RelayOutcome {
					decided,
					read: 0,
					deciding: deciding.saturating_mul(decided.into()),
				};
				last = Commons::relay_weight(relayed, outcome);
			}
		}
	}
}

#[test]
fn extension_wrapped_signatures_count() {
	test(|| {
		let key = Key::Sr(sr25519_pair("Rev1"));
		let (_, c) = setup(&[key.clone(), Key::Sr(sr25519_pair("Rev2"))]);
		let payload = payload(c, Verdict::Reject);
		let mut wrapped = b"<Bytes>".to_vec();
		wrapped.extend(payload.encode());
		wrapped.extend(b"</Bytes>");
		let item =
			SignedAttestation { reviewer: key.account(), signature: key.sign(&wrapped), payload };
		assert_ok!(relay(vec![item]));
		assert_eq!(Attestations::<Test>::get(c, key.account()).unwrap().verdict, Verdict::Reject);
	});
}

#[test]
fn bad_items_get_a_reason_and_good_ones_count() {
	test(|| {
		let good = Key::Ed(ed25519_pair("Rev1"));
		let other = Key::Sr(sr25519_pair("Rev2"));
		let (_, c) = setup(&[good.clone(), other.clone()]);

		let mut forged = signed(&other, payload(c, Verdict::Approve));
		forged.payload.verdict = Verdict::Reject;
		let mut foreign = payload(c, Verdict::Approve);
		foreign.genesis_hash = H256::repeat_byte(7);
		let mut wrong_tag = payload(c, Verdict::Approve);
		wrong_tag.tag = CONTRIBUTION_TAG;

		assert_ok!(relay(vec![
			forged,
			signed(&other, foreign),
			signed(&good, payload(c, Verdict::Approve)),
			signed(&other, wrong_tag),
		]));
		let failed = |index, reviewer: &Key, error: Error<Test>| Event::AttestationFailed {
			index,
			reviewer: reviewer.account(),
			error: error.into(),
		};
		let events = commons_events();
		assert!(events.contains(&failed(0, &other, Error::BadSignature)));
		assert!(events.contains(&failed(1, &other, Error::ForeignChain)));
		assert!(events.contains(&failed(3, &other, Error::WrongDomain)));
		assert!(Attestations::<Test>::get(c, good.account()).is_some());
		assert!(Attestations::<Test>::get(c, other.account()).is_none());
	});
}

#[test]
fn replayed_expired_and_refused_signatures_never_count() {
	test(|| {
		let a = Key::Sr(sr25519_pair("Rev1"));
		let b = Key::Ecdsa(ecdsa_pair("Rev2"));
		let (_, c) = setup(&[a.clone(), b.clone()]);
		let item = signed(&a, payload(c, Verdict::Approve));
		assert_ok!(relay(vec![item.clone()]));
		// The same signature again: the reviewer already counted.
		assert_noop!(relay(vec![item.clone()]), Error::<Test>::NoValidAttestation);
		// In a batch with a good item, the replay gets its reason.
		let outsider = Key::Sr(sr25519_pair("Outsider"));
		let mut expiring = payload(c, Verdict::Approve);
		expiring.expires_at = 4;
		let late = signed(&b, expiring);
		run_to(5);
		assert_noop!(relay(vec![late]), Error::<Test>::NoValidAttestation);
		assert_ok!(relay(vec![
			item,
			signed(&outsider, payload(c, Verdict::Approve)),
			signed(&Key::Sr(sr25519_pair("Dave")), payload(c, Verdict::Approve)),
			signed(&b, payload(c, Verdict::Approve)),
		]));
		let events = commons_events();
		assert!(events.contains(&Event::AttestationFailed {
			index: 0,
			reviewer: a.account(),
			error: Error::<Test>::AlreadyAttested.into(),
		}));
		assert!(events.contains(&Event::AttestationFailed {
			index: 1,
			reviewer: outsider.account(),
			error: Error::<Test>::NotAllowedToReview.into(),
		}));
		assert!(events.contains(&Event::AttestationFailed {
			index: 2,
			reviewer: dave(),
			error: Error::<Test>::SelfReview.into(),
		}));
		assert!(matches!(status(c), ContributionStatus::Accepted { .. }));
	});
}

#[test]
fn relay_with_none_counting_fails_and_changes_nothing() {
	test(|| {
		let a = Key::Sr(sr25519_pair("Rev1"));
		let (_, c) = setup(std::slice::from_ref(&a));
		let mut expired = payload(c, Verdict::Approve);
		expired.expires_at = 0;
		assert_noop!(relay(vec![signed(&a, expired)]), Error::<Test>::NoValidAttestation);
		let mut unknown = payload(99, Verdict::Approve);
		unknown.expires_at = 10;
		assert_noop!(relay(vec![signed(&a, unknown)]), Error::<Test>::NoValidAttestation);
		assert_noop!(
			Commons::relay_attestations(RuntimeOrigin::none(), Default::default()),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(relay(vec![]), Error::<Test>::NoValidAttestation);
	});
}

fn contribution_payload(
	project: ProjectId,
	nonce: u32,
) -> crate::signing::ContributionPayloadOf<Test> {
	ContributionPayload {
		genesis_hash: Commons::genesis_hash(),
		tag: CONTRIBUTION_TAG,
		project,
		kind: 0,
		quantity: 6,
		evidence: evidence("ipfs://work"),
		nonce,
		expires_at: 50,
	}
}

#[test]
fn newcomer_contribution_signed_in_a_wallet_is_relayed() {
	for key in [
		Key::Sr(sr25519_pair("Newcomer")),
		Key::Ed(ed25519_pair("Newcomer")),
		Key::Ecdsa(ecdsa_pair("Newcomer")),
	] {
		test(|| {
			let p = project_with_three_maintainers();
			let newcomer = key.account();
			assert_eq!(free(&newcomer), 0);
			let payload = contribution_payload(p, 0);
			let signature = key.sign(&payload.encode());
			let id = crate::NextContributionId::<Test>::get();
			assert_ok!(Commons::submit_signed_contribution(
				RuntimeOrigin::signed(alice()),
				newcomer.clone(),
				payload.clone(),
				signature.clone(),
			));
			let c = Contributions::<Test>::get(id).unwrap();
			assert_eq!((c.contributor.clone(), c.depositor.clone()), (newcomer.clone(), alice()));
			assert_eq!(held(&alice()), PROJECT_HELD + CONTRIBUTION_DEPOSIT);
			assert_eq!(SignedContributionNonce::<Test>::get(&newcomer), 1);
			// The same signature cannot log the work twice.
			assert_noop!(
				Commons::submit_signed_contribution(
					RuntimeOrigin::signed(bob()),
					newcomer.clone(),
					payload,
					signature
				),
				Error::<Test>::BadNonce
			);
			approve(&bob(), id, None);
			approve(&charlie(), id, None);
			// Units go to the newcomer; the deposit back to the relayer.
			assert_eq!(Commons::units_of(p, &newcomer), 60);
			assert_eq!(held(&alice()), PROJECT_HELD + RECORD_DEPOSIT);
		});
	}
}

#[test]
fn signed_contribution_rejects_bad_signatures() {
	test(|| {
		let p = create_project(&alice());
		let key = Key::Sr(sr25519_pair("Newcomer"));
		let submit = |payload: crate::signing::ContributionPayloadOf<Test>, signer: &Key| {
			let signature = signer.sign(&payload.encode());
			Commons::submit_signed_contribution(
				RuntimeOrigin::signed(alice()),
				key.account(),
				payload,
				signature,
			)
		};
		let mut foreign = contribution_payload(p, 0);
		foreign.genesis_hash = H256::repeat_byte(1);
		assert_noop!(submit(foreign, &key), Error::<Test>::ForeignChain);
		let mut tag = contribution_payload(p, 0);
		tag.tag = ATTESTATION_TAG;
		assert_noop!(submit(tag, &key), Error::<Test>::WrongDomain);
		let mut expired = contribution_payload(p, 0);
		expired.expires_at = 0;
		assert_noop!(submit(expired, &key), Error::<Test>::SignatureExpired);
		assert_noop!(
			submit(contribution_payload(p, 0), &Key::Sr(sr25519_pair("Other"))),
			Error::<Test>::BadSignature
		);
		assert_noop!(submit(contribution_payload(p, 1), &key), Error::<Test>::BadNonce);
		assert_noop!(submit(contribution_payload(9, 0), &key), Error::<Test>::UnknownProject);
	});
}

#[test]
fn a_presigned_approval_counts_for_no_other_contribution_that_takes_its_id() {
	test(|| {
		let reviewer = Key::Sr(sr25519_pair("Rev1"));
		let p = create_project(&alice());
		set_maintainers(p, &[reviewer.account()]);
		// The reviewer approves Dave's 3 hours before Dave has logged them, signing the id his
		// contribution will get, his account and its content.
		let id = crate::NextContributionId::<Test>::get();
		let evidence = evidence("ipfs://evidence");
		let mut approval = payload(id, Verdict::Approve);
		approval.contributor = dave();
		approval.content = crate::signing::content_hash(p, 0, 3, &evidence);
		let item = signed(&reviewer, approval);
		// Eve takes the id first with a claim of her own.
		let eves = submit(&eve(), p, 0, 300);
		assert_eq!(eves, id);
		assert_noop!(relay(vec![item.clone()]), Error::<Test>::NoValidAttestation);
		assert_ok!(Commons::relay_attestations(
			RuntimeOrigin::signed(ferdie()),
			vec![
				item.clone(),
				signed(&Key::Sr(sr25519_pair("Rev1")), payload(eves, Verdict::Reject))
			]
			.try_into()
			.unwrap()
		));
		assert!(commons_events().contains(&Event::AttestationFailed {
			index: 0,
			reviewer: reviewer.account(),
			error: Error::<Test>::ContentMismatch.into(),
		}));
		// The reviewer's own rejection of Eve's claim, signed for it, counted; the approval
		// did not.
		assert_eq!(
			Attestations::<Test>::get(eves, reviewer.account()).unwrap().verdict,
			Verdict::Reject
		);
		// Dave's contribution, once logged, gets another id: the pre-signed approval names the
		// id it was signed for and counts for nothing else. Signed anew it counts; signed with
		// Dave's content but another contributor it does not.
		let daves = submit(&dave(), p, 0, 3);
		let mut wrong = payload(daves, Verdict::Approve);
		wrong.contributor = eve();
		assert_noop!(relay(vec![signed(&reviewer, wrong)]), Error::<Test>::NoValidAttestation);
		assert_ok!(relay(vec![signed(&reviewer, payload(daves, Verdict::Approve))]));
		assert!(Attestations::<Test>::contains_key(daves, reviewer.account()));
	});
}

#[test]
fn a_relayed_attestation_assesses_the_rate_within_the_kinds_range() {
	test(|| {
		use sp_runtime::FixedU128;
		let keys = [
			Key::Sr(sr25519_pair("Rev1")),
			Key::Sr(sr25519_pair("Rev2")),
			Key::Sr(sr25519_pair("Rev3")),
		];
		let p = create_project(&alice());
		let maintainers: Vec<AccountId> = keys.iter().map(Key::account).collect();
		set_maintainers(p, &maintainers);
		let mut kinds = default_kinds();
		kinds[0].max_rate = Some(FixedU128::from_u32(20));
		assert_ok!(Commons::set_value_equation(RuntimeOrigin::root(), p, kinds));
		let c = submit(&dave(), p, 0, 3);
		let at = |rate: u32| {
			let mut payload = payload(c, Verdict::Approve);
			payload.assessed_rate = Some(FixedU128::from_u32(rate));
			payload
		};
		let items =
			vec![signed(&keys[0], at(16)), signed(&keys[1], at(30)), signed(&keys[2], at(12))];
		assert_ok!(relay(items));
		assert!(commons_events().contains(&Event::AttestationFailed {
			index: 1,
			reviewer: keys[1].account(),
			error: Error::<Test>::BadRateAssessment.into(),
		}));
		// The lower median of 16 and 12: 3 hours at 12.
		assert!(matches!(status(c), ContributionStatus::Accepted { units: 36, .. }));
		// A signature binds the rate: the same payload at another rate does not verify.
		let c2 = submit(&eve(), p, 0, 3);
		let mut forged = signed(&keys[0], {
			let mut x = payload(c2, Verdict::Approve);
			x.assessed_rate = Some(FixedU128::from_u32(11));
			x
		});
		forged.payload.assessed_rate = Some(FixedU128::from_u32(20));
		assert_noop!(relay(vec![forged]), Error::<Test>::NoValidAttestation);
	});
}
