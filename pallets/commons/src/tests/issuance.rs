//! Value units, shares and the queries behind the runtime API.

use super::*;
use crate::{Holdings, Projects};
use codec::Encode;
use sp_runtime::{FixedU128, Perbill};

#[test]
fn units_accumulate_and_shares_follow() {
	test(|| {
		let p = project_with_three_maintainers();
		let c1 = submit(&dave(), p, 0, 6);
		approve(&bob(), c1, None);
		run_to(3);
		approve(&charlie(), c1, None);
		let c2 = submit(&eve(), p, 0, 2);
		approve(&alice(), c2, None);
		approve(&bob(), c2, None);
		// Dave 60, Eve 20; rewards: c1 6/2 = 3 to Bob and Charlie, c2 2/2 = 1 to Alice and Bob.
		assert_eq!(Commons::units_of(p, &dave()), 60);
		assert_eq!(Commons::units_of(p, &eve()), 20);
		assert_eq!(Commons::units_of(p, &bob()), 4);
		assert_eq!(Commons::units_of(p, &charlie()), 3);
		assert_eq!(Commons::units_of(p, &alice()), 1);
		let project = Projects::<Test>::get(p).unwrap();
		assert_eq!((project.total_units, project.holders), (88, 5));
		assert_eq!(Commons::share_of(p, &dave()), Perbill::from_rational(60u32, 88u32));
		assert_eq!(Commons::share_of(p, &ferdie()), Perbill::zero());
		assert_eq!(
			Commons::units_view(p, &eve()),
			UnitsView { units: 20, total: 88, share: Perbill::from_rational(20u32, 88u32) }
		);
		// Membership starts with the first units.
		assert_eq!(Holdings::<Test>::get(p, dave()).unwrap().member_since, 3);
		assert!(commons_events().contains(&crate::Event::UnitsMinted {
			project: p,
			who: dave(),
			units: 60
		}));
	});
}

#[test]
fn units_are_per_project() {
	test(|| {
		let p = project_with_three_maintainers();
		let q = create_project(&bob());
		let c = submit(&dave(), p, 0, 1);
		approve(&bob(), c, None);
		approve(&charlie(), c, None);
		assert_eq!(Commons::units_of(p, &dave()), 10);
		assert_eq!(Commons::units_of(q, &dave()), 0);
		assert_eq!(Commons::share_of(q, &dave()), Perbill::zero());
	});
}

#[test]
fn project_and_contribution_views() {
	test(|| {
		let p = project_with_three_maintainers();
		let c = submit(&dave(), p, 0, 1);
		approve(&bob(), c, Some(1));
		let ProjectView { project, equation, policy } = Commons::project_view(p).unwrap();
		assert_eq!((project.pending, equation.version, policy.version), (1, 1, 1));
		let ContributionView { contribution, attestations } =
			Commons::contribution_view(c).unwrap();
		assert_eq!(contribution.quantity, 1);
		assert_eq!(attestations.len(), 1);
		assert_eq!(attestations[0].reviewer, bob());
		assert_eq!(attestations[0].attestation.assessed_quantity, Some(1));
		assert!(Commons::project_view(5).is_none());
		assert!(Commons::contribution_view(5).is_none());
	});
}

#[test]
fn reviewable_pages_through_pending_contributions() {
	test(|| {
		let p = project_with_three_maintainers();
		let mine = submit(&bob(), p, 0, 1);
		let ids: Vec<_> = (0..5).map(|_| submit(&dave(), p, 0, 1)).collect();
		approve(&bob(), ids[0], None);
		// Bob may review the other four of Dave's, not his own nor one he attested.
		let mut seen = Vec::new();
		let mut cursor = None;
		loop {
			let ReviewablePage { contributions: page, next } =
				Commons::reviewable(p, &bob(), cursor, 10);
			assert!(page.len() <= 3, "pages are capped at MaxPageSize");
			seen.extend(page);
			match next {
				Some(n) => cursor = Some(n),
				None => break,
			}
		}
		seen.sort();
		assert_eq!(seen, ids[1..].to_vec());
		assert!(!seen.contains(&mine));
		// Eve is no maintainer: nothing to review under this policy.
		assert_eq!(Commons::reviewable(p, &eve(), None, 10), ReviewablePage::default());
		// After the review period nothing is reviewable.
		run_to(1 + REVIEW_PERIOD);
		assert_eq!(Commons::reviewable(p, &charlie(), None, 10), ReviewablePage::default());
	});
}

#[test]
fn attestation_payload_is_the_documented_encoding() {
	test(|| {
		assert!(Commons::attestation_payload(0, Verdict::Reject, Some(3), 42).is_empty());
		let p = create_project(&alice());
		let c = submit(&dave(), p, 0, 3);
		let bytes = Commons::attestation_payload(c, Verdict::Reject, Some(3), 42);
		let mut expected = Commons::genesis_hash().as_bytes().to_vec();
		expected.extend(b"cmns:att");
		expected.extend(c.to_le_bytes());
		expected.extend(dave().encode());
		// The content: BLAKE2b-256 of (project u32, kind u8, quantity u128, evidence Vec<u8>).
		let mut content = p.to_le_bytes().to_vec();
		content.push(0);
		content.extend(3u128.to_le_bytes());
		let evidence = crate::Contributions::<Test>::get(c).unwrap().evidence.into_inner();
		content.extend(evidence.encode());
		expected.extend(sp_io::hashing::blake2_256(&content));
		expected.push(1);
		expected.push(1);
		expected.extend(3u128.to_le_bytes());
		// No rate assessed.
		expected.push(0);
		expected.extend(42u64.to_le_bytes());
		assert_eq!(bytes, expected);
		// A rate assessed: 0x01 and the rate × 10^18 as u128.
		let bytes = Commons::attestation_payload_assessing(
			c,
			Verdict::Approve,
			None,
			Some(FixedU128::from_rational(3, 2)),
			42,
		);
		let tail = [&[1u8][..], &1_500_000_000_000_000_000u128.to_le_bytes(), &42u64.to_le_bytes()]
			.concat();
		assert!(bytes.ends_with(&tail));
	});
}
