//! Benchmarks of every call, with worst-case inputs (frame-benchmarking v2).

#![allow(
	clippy::unwrap_used,
	clippy::expect_used,
	clippy::indexing_slicing,
	clippy::arithmetic_side_effects,
	clippy::panic,
	reason = "benchmarks build their own state and fail loudly if they cannot"
)]

use super::*;
use crate::{
	signing::{ContributionPayload, SignedAttestation, SignedAttestationOf, CONTRIBUTION_TAG},
	Pallet as Commons,
};
use alloc::vec::Vec;
use codec::Encode;
use frame_benchmarking::v2::*;
use frame_support::{
	traits::{
		fungible::{Inspect, Mutate},
		EnsureOriginWithArg, Get,
	},
	BoundedVec,
};
use frame_system::RawOrigin;
use sp_runtime::{
	traits::{Bounded, Saturating, Zero},
	FixedU128, Perbill,
};

/// Creates signing keys and signs with them in the benchmarks.
pub trait BenchmarkHelper<AccountId, Signature, AssetId> {
	/// The account of a new signing key, derived from `index`.
	fn signer(index: u32) -> AccountId;
	/// Signs `message` with the key of `signer`.
	fn sign(signer: &AccountId, message: &[u8]) -> Signature;
	/// The id of an asset not yet created, derived from `index`.
	fn asset(index: u32) -> AssetId;
}

/// sr25519 keys in the keystore of the benchmark (or test) environment.
impl BenchmarkHelper<sp_runtime::AccountId32, sp_runtime::MultiSignature, u32> for () {
	fn signer(index: u32) -> sp_runtime::AccountId32 {
		let seed = alloc::format!("//bench-{index}").into_bytes();
		sp_io::crypto::sr25519_generate(KEY_TYPE, Some(seed)).into()
	}

	fn sign(signer: &sp_runtime::AccountId32, message: &[u8]) -> sp_runtime::MultiSignature {
		let public = sp_core::sr25519::Public::from_raw(signer.clone().into());
		sp_io::crypto::sr25519_sign(KEY_TYPE, &public, message)
			.expect("the key was generated in the keystore")
			.into()
	}

	fn asset(index: u32) -> u32 {
		index.saturating_add(1_000)
	}
}

/// `MaxProjectAssets` registered assets, accepted by `projects`, with `payer` holding plenty of
/// each.
fn accepted_assets<T: Config>(projects: &[ProjectId], payer: &T::AccountId) -> AssetListOf<T> {
	use frame_support::traits::fungibles::Mutate as _;
	let assets: Vec<T::AssetId> = (0..T::MaxProjectAssets::get())
		.map(|i| {
			let asset = T::BenchmarkHelper::asset(i);
			Commons::<T>::do_register_asset(
				asset,
				T::Currency::minimum_balance(),
				T::MaxDebt::get(),
			)
			.expect("a new asset");
			T::Assets::mint_into(
				asset,
				payer,
				T::Currency::minimum_balance().saturating_mul(1_000_000_000u32.into()),
			)
			.expect("mints");
			asset
		})
		.collect();
	let list = AssetListOf::<T>::truncate_from(assets);
	for p in projects {
		Commons::<T>::do_set_accepted_assets(*p, list.clone()).expect("registered assets");
	}
	list
}

/// The upstream projects of `project`'s policy.
fn upstreams_of<T: Config>(project: ProjectId) -> Vec<ProjectId> {
	crate::IncomePolicies::<T>::get(project)
		.map(|policy| {
			policy
				.buckets
				.iter()
				.filter_map(|b| match b.to {
					BucketTarget::Upstream(up) => Some(up),
					_ => None,
				})
				.collect()
		})
		.unwrap_or_default()
}

const KEY_TYPE: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"cmns");

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	fund::<T>(&who);
	who
}

/// The signer of the benchmarked call, funded: `whitelisted_caller`, whose account the
/// benchmarks do not count as read or written, since every signed extrinsic's fee payment has
/// read and written it already (that access is in the extension weights).
fn caller<T: Config>() -> T::AccountId {
	let who: T::AccountId = whitelisted_caller();
	fund::<T>(&who);
	who
}

fn fund<T: Config>(who: &T::AccountId) {
	let amount = T::Currency::minimum_balance()
		.saturating_mul(1_000_000_000u32.into())
		.saturating_add(T::ProjectDeposit::get().saturating_mul(100u32.into()))
		.saturating_add(T::ContributionDeposit::get().saturating_mul(100u32.into()));
	T::Currency::set_balance(who, amount);
}

fn bytes<S: Get<u32>>(fill: u8) -> BoundedVec<u8, S> {
	BoundedVec::truncate_from(alloc::vec![fill; S::get() as usize])
}

fn kinds<T: Config>() -> KindsOf<T> {
	let kind = ContributionKind {
		name: bytes::<T::MaxLabelLen>(b'n'),
		unit: bytes::<T::MaxLabelLen>(b'u'),
		rate: FixedU128::from_u32(10),
		max_rate: None,
		claim: ClaimKind::Equity,
	};
	BoundedVec::truncate_from(alloc::vec![kind; T::MaxKinds::get() as usize])
}

/// Anyone reviews; every reviewer must approve; a reward, so that every approver is minted to.
/// A policy of every bucket: 10% to the treasury, 10% to the debts, then the upstream shares.
fn every_bucket<T: Config>(upstream: Vec<(ProjectId, Perbill)>) -> BucketsOf<T> {
	let fixed = [
		Bucket { to: BucketTarget::Treasury, share: Perbill::from_percent(10) },
		Bucket { to: BucketTarget::Debts, share: Perbill::from_percent(10) },
	];
	let upstream = upstream
		.into_iter()
		.map(|(up, share)| Bucket { to: BucketTarget::Upstream(up), share });
	BucketsOf::<T>::truncate_from(fixed.into_iter().chain(upstream).collect())
}

/// A project with `h` holders, a treasury bucket, a debts bucket with an outstanding debt and
/// `MaxUpstreams` upstream projects; returns it and an amount that pays every bucket.
fn paying_project<T: Config>(h: u32) -> (ProjectId, BalanceOf<T>) {
	let (p, _) = project::<T>(rules::<T>(1, false));
	for i in 0..h {
		Commons::<T>::mint(p, &account("holder", i, 0), 1_000).expect("mints");
	}
	let upstream: Vec<(ProjectId, Perbill)> = (0..T::MaxUpstreams::get())
		.map(|i| {
			let (up, _) = project::<T>(rules::<T>(1, false));
			Commons::<T>::mint(up, &account("upstream-holder", i, 0), 7).expect("mints");
			(up, Perbill::from_percent(1))
		})
		.collect();
	Commons::<T>::do_set_income_buckets(p, every_bucket::<T>(upstream)).expect("valid policy");
	// An outstanding debt, so that the debts' bucket pays too.
	let (id, creditor) = contribution::<T>(p, 0);
	let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
	Commons::<T>::record_debt(id, p, &creditor, amount, None).expect("records");
	(p, amount)
}

fn rules<T: Config>(min_approvals: u32, optimistic: bool) -> ReviewRules<BlockNumberOf<T>> {
	ReviewRules {
		reviewers: ReviewerSet::Anyone,
		min_approvals,
		threshold: Perbill::one(),
		review_period: T::MaxReviewPeriod::get(),
		optimistic,
		reviewer_reward: Perbill::from_percent(10),
	}
}

fn project<T: Config>(rules: ReviewRules<BlockNumberOf<T>>) -> (ProjectId, T::AccountId) {
	let creator = funded::<T>("creator", 0);
	let id = Commons::<T>::do_create_project(
		creator.clone(),
		bytes::<T::MaxNameLen>(b'p'),
		bytes::<T::MaxMetadataLen>(b'm'),
		kinds::<T>(),
		rules,
	)
	.expect("funded creator");
	(id, creator)
}

fn contribution<T: Config>(project: ProjectId, index: u32) -> (ContributionId, T::AccountId) {
	let contributor = funded::<T>("contributor", index);
	let id = Commons::<T>::do_submit_contribution(
		contributor.clone(),
		contributor.clone(),
		project,
		0,
		1_000,
		bytes::<T::MaxEvidenceLen>(b'e'),
	)
	.expect("funded contributor");
	(id, contributor)
}

/// `n` on-chain approvals of `id` by distinct reviewers.
fn approvals<T: Config>(id: ContributionId, n: u32, offset: u32) {
	for i in 0..n {
		let reviewer = funded::<T>("reviewer", offset + i);
		let assessment = Assessment { quantity: Some(999), rate: None };
		let checked =
			Commons::<T>::check_attestation(id, &reviewer, assessment).expect("may review");
		Commons::<T>::apply_attestation(
			checked,
			reviewer,
			Verdict::Approve,
			assessment,
			bytes::<T::MaxNoteLen>(b'x'),
			false,
		)
		.expect("counts");
	}
}

/// An on-chain rejection of `id` by a reviewer of its own.
fn rejection<T: Config>(id: ContributionId) {
	let rejecter = funded::<T>("rejecter", 0);
	let checked =
		Commons::<T>::check_attestation(id, &rejecter, Default::default()).expect("may review");
	Commons::<T>::apply_attestation(
		checked,
		rejecter,
		Verdict::Reject,
		Default::default(),
		Default::default(),
		false,
	)
	.expect("counts");
}

/// An approval of `c` that `reviewer` signed in a wallet.
fn signed_approval<T: Config>(c: ContributionId, reviewer: T::AccountId) -> SignedAttestationOf<T> {
	let payload = Commons::<T>::attestation_payload_of(
		c,
		Verdict::Approve,
		Some(999),
		None,
		BlockNumberOf::<T>::max_value(),
	)
	.expect("submitted");
	let mut wrapped = b"<Bytes>".to_vec();
	wrapped.extend(payload.encode());
	wrapped.extend(b"</Bytes>");
	let signature = T::BenchmarkHelper::sign(&reviewer, &wrapped);
	SignedAttestation { reviewer, payload, signature }
}

/// `count` contributions to a project, each needing `MaxReviewers` approvals and approved by
/// `MaxReviewers - 2` reviewers: an approval by `reviewer` decides none of them. With `m` above
/// zero, the project's `m` maintainers (`reviewer` first) are its contributions' reviewers, so
/// that counting who may still review reads each maintainer's attestation.
fn pending_reviews<T: Config>(
	reviewer: &T::AccountId,
	m: u32,
	count: u32,
) -> (ProjectId, Vec<ContributionId>) {
	let max = T::MaxReviewers::get();
	let (p, _) = project::<T>(rules::<T>(max, false));
	if m > 0 {
		let maintainers = core::iter::once(reviewer.clone())
			.chain((1..m).map(|i| funded::<T>("maintainer", i)))
			.collect();
		Commons::<T>::do_set_maintainers(p, BoundedVec::truncate_from(maintainers))
			.expect("valid maintainers");
	}
	let contributions = (0..count)
		.map(|i| {
			let (c, _) = contribution::<T>(p, i);
			approvals::<T>(c, max - 2, i * max);
			if m > 0 {
				// Approved by anyone so far; the maintainers review from now on.
				Contributions::<T>::mutate(c, |c| {
					if let Some(c) = c {
						c.policy.rules.reviewers = ReviewerSet::Maintainers;
					}
				});
			}
			c
		})
		.collect();
	(p, contributions)
}

/// A call a proposal carries in the benchmarks.
/// A call a project's vote may enact: listing an account in project `p`'s chamber.
fn project_call<T: Config>(p: ProjectId) -> BoundedCallOf<T> {
	let who: T::AccountId = account("listed", 0, 0);
	let call: <T as Config>::RuntimeCall =
		Call::<T>::set_chamber_member { project: p, who, listed: true }.into();
	frame_support::traits::Bounded::Inline(BoundedVec::truncate_from(call.encode()))
}

fn call<T: Config>() -> BoundedCallOf<T> {
	let call: <T as Config>::RuntimeCall =
		Call::<T>::set_recognised { project: 0, recognised: true }.into();
	frame_support::traits::Bounded::Inline(BoundedVec::truncate_from(call.encode()))
}

/// A call noted as a preimage: the proposal reads its length.
fn noted_call<T: Config>() -> BoundedCallOf<T> {
	use frame_support::traits::StorePreimage;
	let call: <T as Config>::RuntimeCall =
		Call::<T>::set_recognised { project: 0, recognised: true }.into();
	let bytes = call.encode();
	let len = bytes.len() as u32;
	let hash = T::Preimages::note(bytes.into()).expect("notes");
	frame_support::traits::Bounded::Lookup { hash, len }
}

/// A chain member (see [`chain_member`]) and a chain proposal of theirs.
fn chain_proposal<T: Config>() -> (T::AccountId, ProposalId) {
	let member = chain_member::<T>();
	let id =
		Commons::<T>::do_propose(member.clone(), Scope::Chain, call::<T>(), Default::default())
			.expect("member")
			.0;
	(member, id)
}

/// The worst case of chain membership: `MaxRecognised` recognised projects (those of genesis
/// included), the member holding units only in the last. The block moves on, so that the
/// member counts.
fn chain_member<T: Config>() -> T::AccountId {
	let member = caller::<T>();
	open_membership::<T>();
	while (RecognisedProjects::<T>::get().len() as u32) < T::MaxRecognised::get() {
		let (p, _) = project::<T>(rules::<T>(1, false));
		Commons::<T>::do_set_recognised(p, true).expect("room");
	}
	let last = *RecognisedProjects::<T>::get().last().expect("at least one");
	Commons::<T>::mint(last, &member, 1_000).expect("mints");
	next_block::<T>();
	member
}

/// Membership rules under which the benchmarks' projects (anyone reviews) may be recognised.
fn open_membership<T: Config>() {
	let mut rules = Membership::<T>::get();
	// Any review is admitted, whatever the chain's genesis set (the dev chain's floor asks two
	// approvals): the check costs the same.
	rules.review = ReviewFloor {
		min_approvals: 0,
		threshold: Perbill::zero(),
		review_period: Zero::zero(),
		optimistic: true,
		open_review: true,
	};
	Membership::<T>::put(rules);
}

fn next_block<T: Config>() {
	frame_system::Pallet::<T>::set_block_number(
		frame_system::Pallet::<T>::block_number() + 1u32.into(),
	);
}

/// One chamber of each rule (as many as `MaxChambers` allows), each needing every member.
fn all_chambers<T: Config>() -> ChambersOf<T> {
	let rules =
		[ChamberRule::Holders, ChamberRule::Payers, ChamberRule::Maintainers, ChamberRule::Listed];
	ChambersOf::<T>::truncate_from(
		rules.map(|rule| Chamber { rule, quorum: Perbill::one() }).to_vec(),
	)
}

/// A project with every chamber, whose creator is the only member of each: a holder, a payer,
/// its maintainer and on its list.
fn chambered_project<T: Config>() -> (ProjectId, T::AccountId) {
	let (p, creator) = project::<T>(rules::<T>(1, false));
	// One voter passes a proposal, whatever the genesis' governance asks.
	let mut governance = Commons::<T>::governance_of(Scope::Project(p));
	governance.min_voters = 1;
	Commons::<T>::do_set_governance(Scope::Project(p), governance).expect("valid governance");
	Commons::<T>::do_set_chambers(p, all_chambers::<T>()).expect("valid");
	Commons::<T>::mint(p, &creator, 1_000).expect("mints");
	Commons::<T>::do_pay_income(creator.clone(), p, Commons::<T>::min_paid_of(p)).expect("funded");
	fund::<T>(&Commons::<T>::treasury_account(p));
	Commons::<T>::do_set_chamber_member(p, creator.clone(), true, None).expect("exists");
	next_block::<T>();
	(p, creator)
}

/// A rejected contribution with `r` approvals (at most `MaxReviewers − 1`) and one rejection.
fn rejected_contribution<T: Config>(r: u32) -> (ProjectId, ContributionId, T::AccountId) {
	let max = T::MaxReviewers::get();
	let (p, _) = project::<T>(rules::<T>(max, false));
	let (c, contributor) = contribution::<T>(p, 0);
	approvals::<T>(c, r, 0);
	rejection::<T>(c);
	assert_eq!(Contributions::<T>::get(c).expect("kept").status, ContributionStatus::Rejected);
	(p, c, contributor)
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_project() {
		let creator = caller::<T>();
		let rules = rules::<T>(1, false);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(creator),
			bytes::<T::MaxNameLen>(b'p'),
			bytes::<T::MaxMetadataLen>(b'm'),
			kinds::<T>(),
			rules,
		);
		assert!(Projects::<T>::contains_key(0));
	}

	#[benchmark]
	fn set_value_equation() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, kinds::<T>());
		assert_eq!(ValueEquations::<T>::get(p).map(|e| e.version), Some(2));
		Ok(())
	}

	#[benchmark]
	fn set_review_policy() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, rules::<T>(2, true));
		assert_eq!(ReviewPolicies::<T>::get(p).map(|e| e.version), Some(2));
		Ok(())
	}

	#[benchmark]
	fn set_maintainers() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let maintainers: Vec<T::AccountId> =
			(0..T::MaxMaintainers::get()).map(|i| account("maintainer", i, 0)).collect();
		let maintainers = MaintainersOf::<T>::truncate_from(maintainers);
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, maintainers.clone());
		assert_eq!(Projects::<T>::get(p).map(|p| p.maintainers), Some(maintainers));
		Ok(())
	}

	#[benchmark]
	fn close_project() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p);
		// The worst case: nothing in it, so every record of it goes.
		assert!(Projects::<T>::get(p).is_none());
		Ok(())
	}

	#[benchmark]
	fn submit_contribution() {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let who = caller::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(who), p, 0, 1_000, bytes::<T::MaxEvidenceLen>(b'e'));
		assert!(Contributions::<T>::contains_key(0));
	}

	#[benchmark]
	fn submit_signed_contribution() {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let relayer = caller::<T>();
		let contributor = T::BenchmarkHelper::signer(0);
		let payload = ContributionPayload {
			genesis_hash: Commons::<T>::genesis_hash(),
			tag: CONTRIBUTION_TAG,
			project: p,
			kind: 0,
			quantity: 1_000,
			evidence: bytes::<T::MaxEvidenceLen>(b'e'),
			nonce: 0,
			expires_at: BlockNumberOf::<T>::max_value(),
		};
		// The `<Bytes>`-wrapped form: verification tries the bare payload first.
		let mut wrapped = b"<Bytes>".to_vec();
		wrapped.extend(payload.encode());
		wrapped.extend(b"</Bytes>");
		let signature = T::BenchmarkHelper::sign(&contributor, &wrapped);
		#[extrinsic_call]
		_(RawOrigin::Signed(relayer), contributor.clone(), payload, signature);
		assert_eq!(SignedContributionNonce::<T>::get(&contributor), 1);
	}

	#[benchmark]
	fn withdraw_contribution() {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let (c, who) = contribution::<T>(p, 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(who), c);
		assert!(!PendingContributions::<T>::contains_key(p, c));
	}

	/// The attestation that accepts a contribution with `r` approvals (its own included):
	/// units minted to the contributor and the `r` approvers.
	#[benchmark]
	fn attest(r: Linear<1, { T::MaxReviewers::get() }>) {
		let (p, _) = project::<T>(rules::<T>(r, false));
		let (c, contributor) = contribution::<T>(p, 0);
		approvals::<T>(c, r - 1, 0);
		let reviewer = caller::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(reviewer),
			c,
			Verdict::Approve,
			Some(999),
			bytes::<T::MaxNoteLen>(b'x'),
		);
		assert!(Commons::<T>::units_of(p, &contributor) > 0);
	}

	/// An attestation that decides nothing, of a contribution with `MaxReviewers - 1`
	/// approvals, after reading the attestations of `m` maintainers (to count who may still
	/// review: only when maintainers review; `m` is 0 when holders or anyone review).
	#[benchmark]
	fn attest_pending(m: Linear<0, { T::MaxMaintainers::get() }>) {
		let reviewer = caller::<T>();
		let (p, contributions) = pending_reviews::<T>(&reviewer, m, 1);
		let c = contributions[0];
		#[extrinsic_call]
		attest(
			RawOrigin::Signed(reviewer.clone()),
			c,
			Verdict::Approve,
			Some(999),
			bytes::<T::MaxNoteLen>(b'x'),
		);
		assert!(Attestations::<T>::contains_key(c, &reviewer));
		assert_eq!(Projects::<T>::get(p).map(|p| p.pending), Some(1));
	}

	/// `n` wallet-signed attestations by one reviewer, none deciding its contribution (see
	/// [`attest_pending`]; anyone reviews).
	#[benchmark]
	fn relay_pending_attestations(n: Linear<1, { T::MaxRelayBatch::get() }>) {
		let reviewer = T::BenchmarkHelper::signer(0);
		fund::<T>(&reviewer);
		let (p, contributions) = pending_reviews::<T>(&reviewer, 0, n);
		let items = BoundedVec::truncate_from(
			contributions
				.iter()
				.map(|c| signed_approval::<T>(*c, reviewer.clone()))
				.collect(),
		);
		let relayer = caller::<T>();
		#[extrinsic_call]
		relay_attestations(RawOrigin::Signed(relayer), items);
		assert_eq!(Projects::<T>::get(p).map(|p| p.pending), Some(n));
		assert!(contributions.iter().all(|c| Attestations::<T>::contains_key(c, &reviewer)));
	}

	/// The attestation that accepts, at an assessed rate, a contribution of a one-time kind
	/// with `r` approvals (its own included): units minted and a bounty paid from the
	/// treasury.
	#[benchmark]
	fn attest_assessing(r: Linear<1, { T::MaxReviewers::get() }>) {
		let (p, _) = project::<T>(rules::<T>(r, false));
		let ed = T::Currency::minimum_balance();
		let kind = ContributionKind {
			name: bytes::<T::MaxLabelLen>(b'n'),
			unit: bytes::<T::MaxLabelLen>(b'u'),
			rate: FixedU128::from_u32(10),
			max_rate: Some(FixedU128::from_u32(20)),
			claim: ClaimKind::OneTime { price: ed },
		};
		Commons::<T>::do_set_value_equation(p, BoundedVec::truncate_from(alloc::vec![kind]))
			.expect("valid kinds");
		fund::<T>(&Commons::<T>::treasury_account(p));
		let (c, contributor) = contribution::<T>(p, 0);
		approvals::<T>(c, r - 1, 0);
		let reviewer = caller::<T>();
		let before = T::Currency::balance(&contributor);
		#[extrinsic_call]
		_(
			RawOrigin::Signed(reviewer),
			c,
			Verdict::Approve,
			Some(999),
			Some(FixedU128::from_u32(15)),
			bytes::<T::MaxNoteLen>(b'x'),
		);
		assert!(Commons::<T>::units_of(p, &contributor) > 0);
		assert!(T::Currency::balance(&contributor) > before, "the bounty is paid");
	}

	/// `n` wallet-signed attestations, each accepting a contribution with `MaxReviewers`
	/// approvals.
	#[benchmark]
	fn relay_attestations(n: Linear<1, { T::MaxRelayBatch::get() }>) {
		let max = T::MaxReviewers::get();
		let (p, _) = project::<T>(rules::<T>(max, false));
		let mut items = Vec::new();
		for i in 0..n {
			let (c, _) = contribution::<T>(p, i);
			approvals::<T>(c, max - 1, i * max);
			items.push(signed_approval::<T>(c, T::BenchmarkHelper::signer(i)));
		}
		let items = BoundedVec::truncate_from(items);
		let relayer = caller::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(relayer), items);
		assert_eq!(Projects::<T>::get(p).map(|p| p.pending), Some(0));
	}

	/// Optimistic acceptance with `r` approvers to mint to (at most `MaxReviewers - 1`: a
	/// contribution with more would have been accepted).
	#[benchmark]
	fn finalize(r: Linear<0, { T::MaxReviewers::get() - 1 }>) {
		let max = T::MaxReviewers::get();
		let (p, _) = project::<T>(rules::<T>(max, true));
		let (c, contributor) = contribution::<T>(p, 0);
		approvals::<T>(c, r, 0);
		frame_system::Pallet::<T>::set_block_number(T::MaxReviewPeriod::get() + 1u32.into());
		let caller = caller::<T>();
		#[extrinsic_call]
		finalize(RawOrigin::Signed(caller), c);
		assert!(Commons::<T>::units_of(p, &contributor) > 0);
	}

	/// A finalization that rejects (heavier than one that expires: the forfeited deposit
	/// moves to the treasury): one rejection, the threshold missed, `MaxReviewers - 1`
	/// reviewers' seats still open when the period ended.
	#[benchmark]
	fn finalize_unaccepted() {
		let max = T::MaxReviewers::get();
		let mut rules = rules::<T>(max - 1, false);
		rules.threshold = Perbill::from_percent(50);
		let (p, _) = project::<T>(rules);
		let (c, _) = contribution::<T>(p, 0);
		rejection::<T>(c);
		assert!(Contributions::<T>::get(c).expect("kept").status.is_pending());
		frame_system::Pallet::<T>::set_block_number(T::MaxReviewPeriod::get() + 1u32.into());
		let caller = caller::<T>();
		#[extrinsic_call]
		finalize(RawOrigin::Signed(caller), c);
		assert_eq!(Contributions::<T>::get(c).expect("kept").status, ContributionStatus::Rejected);
		assert_eq!(Projects::<T>::get(p).map(|p| p.pending), Some(0));
	}

	/// A record with `MaxReviewers` attestations.
	#[benchmark]
	fn remove_contribution() {
		let max = T::MaxReviewers::get();
		let (p, _) = project::<T>(rules::<T>(max, false));
		let (c, _) = contribution::<T>(p, 0);
		approvals::<T>(c, max, 0);
		// Removed by someone else (the share of the deposit paid), a retention after its owner
		// could.
		let retention = T::RetentionPeriod::get();
		frame_system::Pallet::<T>::set_block_number(
			frame_system::Pallet::<T>::block_number() + retention + retention,
		);
		let caller = caller::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), c);
		assert!(!Contributions::<T>::contains_key(c));
	}

	#[benchmark]
	fn set_income_policy() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let upstream: Vec<(ProjectId, Perbill)> = (0..T::MaxUpstreams::get())
			.map(|_| (project::<T>(rules::<T>(1, false)).0, Perbill::from_percent(1)))
			.collect();
		let upstream = UpstreamOf::<T>::truncate_from(upstream);
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, Perbill::from_percent(10), upstream);
		assert!(IncomePolicies::<T>::contains_key(p));
		Ok(())
	}

	#[benchmark]
	fn spend_treasury() -> Result<(), BenchmarkError> {
		let (p, creator) = project::<T>(rules::<T>(1, false));
		let amount = T::Currency::minimum_balance();
		T::Currency::transfer(
			&creator,
			&Commons::<T>::treasury_account(p),
			amount,
			frame_support::traits::tokens::Preservation::Preserve,
		)
		.expect("funded creator");
		let to: T::AccountId = account("recipient", 0, 0);
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, to.clone(), amount);
		assert_eq!(T::Currency::balance(&to), amount);
		Ok(())
	}

	/// A payment split to a treasury, the debts and `MaxUpstreams` upstream projects, into a
	/// project of [`HOLDERS_BENCHMARKED`] holders.
	#[benchmark]
	fn pay_income() {
		let (p, amount) = paying_project::<T>(HOLDERS_BENCHMARKED);
		let payer = caller::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(payer), p, amount);
		assert!(IncomeStates::<T>::get(p).income_per_unit > 0);
		assert!(!crate::DebtLedgers::<T>::get(p).repaid.is_zero());
	}

	/// Income from downstream waiting in the inbox of a project with every bucket, split from
	/// its pot: its upstream projects' parts go on to their inboxes.
	#[benchmark]
	fn forward_income() {
		let (p, amount) = paying_project::<T>(HOLDERS_BENCHMARKED);
		let payer = caller::<T>();
		T::Currency::transfer(
			&payer,
			&Commons::<T>::income_account(p),
			amount,
			frame_support::traits::tokens::Preservation::Preserve,
		)
		.expect("funded");
		crate::UpstreamInbox::<T>::insert(p, amount);
		#[extrinsic_call]
		_(RawOrigin::Signed(payer), p);
		assert!(crate::UpstreamInbox::<T>::get(p).is_zero());
		assert!(IncomeStates::<T>::get(p).income_per_unit > 0);
		assert!(!crate::DebtLedgers::<T>::get(p).repaid.is_zero());
	}

	/// A claim of a debt repaid in full: paid out and retired.
	#[benchmark]
	fn claim_debt() {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let (id, creditor) = contribution::<T>(p, 0);
		let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		Commons::<T>::record_debt(id, p, &creditor, amount, None).expect("records");
		let payer = caller::<T>();
		Commons::<T>::pay_into_debts(&payer, p, amount).expect("funded payer");
		let before = T::Currency::balance(&creditor);
		#[extrinsic_call]
		_(RawOrigin::Signed(payer), id);
		assert_eq!(T::Currency::balance(&creditor), before.saturating_add(amount));
		assert!(!crate::Debts::<T>::contains_key(&creditor, id));
	}

	/// The treasury repays a project's debt.
	#[benchmark]
	fn repay_debts() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let (id, creditor) = contribution::<T>(p, 0);
		let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		Commons::<T>::record_debt(id, p, &creditor, amount, None).expect("records");
		fund::<T>(&Commons::<T>::treasury_account(p));
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, amount);
		assert_eq!(crate::DebtLedgers::<T>::get(p).repaid, amount);
		Ok(())
	}

	/// The most buckets: the treasury, the debts and `MaxUpstreams` upstream projects.
	#[benchmark]
	fn set_income_buckets() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let upstream: Vec<(ProjectId, Perbill)> = (0..T::MaxUpstreams::get())
			.map(|_| (project::<T>(rules::<T>(1, false)).0, Perbill::from_percent(1)))
			.collect();
		let buckets = every_bucket::<T>(upstream);
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, buckets);
		assert_eq!(
			IncomePolicies::<T>::get(p).map(|x| x.buckets.len() as u32),
			Some(T::MaxUpstreams::get() + 2)
		);
		Ok(())
	}

	#[benchmark]
	fn register_asset() {
		let asset = T::BenchmarkHelper::asset(0);
		#[extrinsic_call]
		_(RawOrigin::Root, asset, T::Currency::minimum_balance(), T::MaxDebt::get());
		assert!(crate::RegisteredAssets::<T>::contains_key(asset));
	}

	/// `n` assets accepted for the first time.
	#[benchmark]
	fn set_accepted_assets(
		n: Linear<1, { T::MaxProjectAssets::get() }>,
	) -> Result<(), BenchmarkError> {
		let (p, creator) = project::<T>(rules::<T>(1, false));
		let all = accepted_assets::<T>(&[], &creator);
		let list = AssetListOf::<T>::truncate_from(all.into_iter().take(n as usize).collect());
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, list);
		assert_eq!(crate::ProjectAssets::<T>::get(p).len(), n as usize);
		Ok(())
	}

	/// A payment in an asset to a project with every bucket (its upstream projects accept the
	/// asset too) and the most assets, with income in its inbox in that asset to forward first.
	#[benchmark]
	fn pay_income_in() {
		let (p, amount) = paying_project::<T>(1);
		let payer = caller::<T>();
		let mut projects = upstreams_of::<T>(p);
		projects.push(p);
		let assets = accepted_assets::<T>(&projects, &payer);
		let asset = *assets.last().expect("at least one asset");
		// Income from downstream waiting in the asset, forwarded first.
		let (down, _) = project::<T>(rules::<T>(1, false));
		Commons::<T>::do_set_accepted_assets(down, assets.clone()).expect("registered");
		Commons::<T>::do_set_income_buckets(
			down,
			every_bucket::<T>(alloc::vec![(p, Perbill::from_percent(10))]),
		)
		.expect("valid policy");
		Commons::<T>::do_pay_income_in(payer.clone(), down, asset, amount).expect("pays");
		assert!(!crate::AssetInboxes::<T>::get(p, asset).is_zero());
		#[extrinsic_call]
		_(RawOrigin::Signed(payer), p, asset, amount);
		assert!(crate::AssetInboxes::<T>::get(p, asset).is_zero());
		assert!(crate::AssetIncomeStates::<T>::get(p, asset).income_per_unit > 0);
	}

	/// A claim in one asset by a holder settled in the most assets.
	#[benchmark]
	fn claim_asset() {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let holder = caller::<T>();
		Commons::<T>::mint(p, &holder, 1_000).expect("mints");
		let payer = funded::<T>("payer", 0);
		let assets = accepted_assets::<T>(&[p], &payer);
		let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		for asset in assets.iter() {
			Commons::<T>::do_pay_income_in(payer.clone(), p, *asset, amount).expect("pays");
		}
		let asset = *assets.last().expect("at least one asset");
		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), p, asset);
		assert!(Commons::<T>::pending_income_in(p, asset, &holder).is_zero());
	}

	/// Claims in `n` assets for a holder.
	#[benchmark]
	fn claim_assets_for(n: Linear<1, { T::MaxProjectAssets::get() }>) {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let holder: T::AccountId = account("holder", 0, 0);
		Commons::<T>::mint(p, &holder, 1_000).expect("mints");
		let payer = caller::<T>();
		let assets = accepted_assets::<T>(&[p], &payer);
		let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		for asset in assets.iter() {
			Commons::<T>::do_pay_income_in(payer.clone(), p, *asset, amount).expect("pays");
		}
		let list = AssetListOf::<T>::truncate_from(assets.into_iter().take(n as usize).collect());
		let first = list[0];
		#[extrinsic_call]
		_(RawOrigin::Signed(payer), p, holder.clone(), list);
		assert!(Commons::<T>::pending_income_in(p, first, &holder).is_zero());
	}

	#[benchmark]
	fn spend_treasury_in() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let payer = funded::<T>("payer", 0);
		let assets = accepted_assets::<T>(&[p], &payer);
		let asset = assets[0];
		let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		// No holders yet: it all goes to the treasury.
		Commons::<T>::do_pay_income_in(payer, p, asset, amount).expect("pays");
		let to: T::AccountId = account("recipient", 0, 0);
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, asset, to, amount);
		assert!(crate::AssetTreasuries::<T>::get(p, asset).is_zero());
		Ok(())
	}

	/// Debts in an asset repaid from the treasury in it.
	#[benchmark]
	fn repay_debts_in() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let payer = funded::<T>("payer", 0);
		let asset = accepted_assets::<T>(&[p], &payer)[0];
		let amount = T::Currency::minimum_balance().saturating_mul(1_000u32.into());
		// No holders yet: the payment goes to the treasury.
		Commons::<T>::do_pay_income_in(payer, p, asset, amount).expect("pays");
		let (id, creditor) = contribution::<T>(p, 0);
		Commons::<T>::record_debt(id, p, &creditor, amount, Some(asset)).expect("records");
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, asset, amount);
		assert_eq!(crate::AssetDebtLedgers::<T>::get(p, asset).repaid, amount);
		Ok(())
	}

	/// A claim in a project of [`HOLDERS_BENCHMARKED`] holders.
	#[benchmark]
	fn claim() {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let holder = caller::<T>();
		Commons::<T>::mint(p, &holder, 1_000).expect("mints");
		for i in 1..HOLDERS_BENCHMARKED {
			Commons::<T>::mint(p, &account("holder", i, 0), 1_000).expect("mints");
		}
		let payer = funded::<T>("payer", 0);
		let amount = T::Currency::minimum_balance().saturating_mul(1_000_000u32.into());
		Commons::<T>::do_pay_income(payer, p, amount).expect("funded payer");
		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), p);
		assert!(Commons::<T>::pending_income(p, &holder).is_zero());
	}

	/// At chain scope, with `MaxRecognised` projects to search for membership, and a call
	/// noted as a preimage.
	#[benchmark]
	fn propose() {
		let member = chain_member::<T>();
		let call = noted_call::<T>();
		#[extrinsic_call]
		_(
			RawOrigin::Signed(member),
			Scope::Chain,
			alloc::boxed::Box::new(call),
			bytes::<T::MaxMetadataLen>(b'd'),
		);
		assert!(Proposals::<T>::contains_key(0));
	}

	/// A first vote at chain scope: membership searched in `MaxRecognised` projects, a new
	/// credit account.
	#[benchmark]
	fn vote() {
		let (member, id) = chain_proposal::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), id, true, 3);
		assert_eq!(Votes::<T>::get(id, &member).map(|v| v.votes), Some(3));
	}

	/// A withdrawal of a vote on an open proposal (heavier than removing a closed record).
	#[benchmark]
	fn remove_vote() {
		let (member, id) = chain_proposal::<T>();
		Commons::<T>::do_vote(member.clone(), id, true, 3).expect("credits");
		#[extrinsic_call]
		_(RawOrigin::Signed(member.clone()), id, member.clone());
		assert!(!Votes::<T>::contains_key(id, &member));
	}

	#[benchmark]
	fn cancel() {
		let (member, id) = chain_proposal::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(member), id);
		assert_eq!(Proposals::<T>::get(id).expect("kept").status, ProposalStatus::Cancelled);
	}

	/// A project proposal passing in every chamber, scheduled for enactment.
	#[benchmark]
	fn close() {
		let (p, member) = chambered_project::<T>();
		let id = Commons::<T>::do_propose(
			member.clone(),
			Scope::Project(p),
			project_call::<T>(p),
			Default::default(),
		)
		.expect("member")
		.0;
		Commons::<T>::do_vote(member.clone(), id, true, 1).expect("credits");
		let ends = Proposals::<T>::get(id).expect("kept").ends;
		frame_system::Pallet::<T>::set_block_number(ends + 1u32.into());
		#[extrinsic_call]
		_(RawOrigin::Signed(member), id);
		assert!(matches!(
			Proposals::<T>::get(id).expect("kept").status,
			ProposalStatus::Passed { .. }
		));
	}

	/// An appeal in a project with every chamber.
	#[benchmark]
	fn appeal() {
		let (p, c, contributor) = rejected_contribution::<T>(T::MaxReviewers::get() - 1);
		Commons::<T>::do_set_chambers(p, all_chambers::<T>()).expect("valid");
		#[extrinsic_call]
		_(RawOrigin::Signed(contributor), c, 1, bytes::<T::MaxMetadataLen>(b'd'));
		assert!(Appeals::<T>::contains_key(c));
	}

	/// Accepting a rejected contribution with `r` approvals (at most `MaxReviewers − 1`):
	/// as many mints, and the forfeited deposit returned.
	#[benchmark]
	fn accept_appeal(r: Linear<0, { T::MaxReviewers::get() - 1 }>) -> Result<(), BenchmarkError> {
		let (p, c, _) = rejected_contribution::<T>(r);
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		// The whole claim: the approvers' reward is then at least a unit each.
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c, 1_000);
		let ContributionStatus::Accepted { reviewer_units, .. } =
			Contributions::<T>::get(c).expect("kept").status
		else {
			panic!("accepted");
		};
		assert!(r == 0 || reviewer_units > 0, "the approvers are minted to");
		Ok(())
	}

	/// Revoking a contribution accepted with `MaxReviewers` approvals: as many burns.
	#[benchmark]
	fn revoke_contribution(h: Linear<0, { T::MaxMoveHops::get() }>) -> Result<(), BenchmarkError> {
		let max = T::MaxReviewers::get();
		let (p, _) = project::<T>(rules::<T>(max, false));
		let (c, contributor) = contribution::<T>(p, 0);
		approvals::<T>(c, max, 0);
		// The contributor's units moved `h` times: the revocation follows them.
		let mut at = contributor;
		for i in 0..h {
			let to: T::AccountId = account("moved", i, 0);
			Commons::<T>::do_move_units(p, at, to.clone()).expect("moves");
			at = to;
		}
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, c);
		assert_eq!(Commons::<T>::units_of(p, &at), 0);
		assert!(matches!(
			Contributions::<T>::get(c).expect("kept").status,
			ContributionStatus::Revoked { .. }
		));
		Ok(())
	}

	/// Moving units into an existing holding (two settlements and a merge).
	#[benchmark]
	fn move_units() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let from: T::AccountId = account("from", 0, 0);
		let to: T::AccountId = account("to", 0, 0);
		Commons::<T>::mint(p, &from, 1_000).expect("mints");
		Commons::<T>::mint(p, &to, 1_000).expect("mints");
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, from, to.clone());
		assert_eq!(Commons::<T>::units_of(p, &to), 2_000);
		Ok(())
	}

	#[benchmark]
	fn set_governance() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let params = GovernanceParams {
			budget: Budget::ByShare { min: 1, max: 100 },
			quorum: Perbill::from_percent(10),
			voting_period: T::EpochLength::get(),
			enactment_delay: T::EpochLength::get(),
			min_voters: 1,
		};
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, Scope::Project(p), params);
		assert_eq!(Commons::<T>::governance_of(Scope::Project(p)), params);
		Ok(())
	}

	#[benchmark]
	fn set_chambers() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let chambers = all_chambers::<T>();
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, chambers.clone());
		assert_eq!(ProjectChambers::<T>::get(p), chambers);
		Ok(())
	}

	#[benchmark]
	fn set_chamber_member() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		fund::<T>(&Commons::<T>::treasury_account(p));
		let who: T::AccountId = account("listed", 0, 0);
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, who.clone(), true);
		assert!(ChamberList::<T>::contains_key(p, &who));
		Ok(())
	}

	/// Recognising one more project beside `MaxRecognised − 1`.
	#[benchmark]
	fn set_recognised() {
		open_membership::<T>();
		while (RecognisedProjects::<T>::get().len() as u32) + 1 < T::MaxRecognised::get() {
			let (p, _) = project::<T>(rules::<T>(1, false));
			Commons::<T>::do_set_recognised(p, true).expect("room");
		}
		let (p, _) = project::<T>(rules::<T>(1, false));
		#[extrinsic_call]
		_(RawOrigin::Root, p, true);
		assert!(RecognisedProjects::<T>::get().contains(&p));
	}

	#[benchmark]
	fn set_governance_floor() {
		let floor = GovernanceFloor {
			voting_period: 1u32.into(),
			enactment_delay: 1u32.into(),
			quorum: Perbill::from_percent(10),
			min_voters: 2,
		};
		#[extrinsic_call]
		_(RawOrigin::Root, floor);
		assert_eq!(GovernanceFloors::<T>::get(), floor);
	}

	#[benchmark]
	fn set_default_governance() {
		let params = GovernanceParams {
			budget: Budget::Equal(7),
			quorum: Perbill::from_percent(10),
			voting_period: T::EpochLength::get(),
			enactment_delay: T::EpochLength::get(),
			min_voters: 1,
		};
		#[extrinsic_call]
		_(RawOrigin::Root, params);
		assert_eq!(DefaultProjectGovernance::<T>::get(), params);
	}

	#[benchmark]
	fn set_min_paid() -> Result<(), BenchmarkError> {
		let (p, _) = project::<T>(rules::<T>(1, false));
		let origin =
			T::ProjectOrigin::try_successful_origin(&p).map_err(|_| BenchmarkError::Weightless)?;
		let min_paid = Membership::<T>::get().min_paid.saturating_mul(2u32.into());
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, p, min_paid);
		assert_eq!(MinPaid::<T>::get(p), Some(min_paid));
		Ok(())
	}

	/// Rules whose review floor `r` recognised projects fall below: each stops being
	/// recognised.
	#[benchmark]
	fn set_membership_rules(r: Linear<1, { T::MaxRecognised::get() }>) {
		open_membership::<T>();
		RecognisedProjects::<T>::kill();
		for _ in 0..r {
			let (p, _) = project::<T>(rules::<T>(1, false));
			Commons::<T>::do_set_recognised(p, true).expect("room");
		}
		let rules = MembershipRules {
			tenure: T::MaxTenure::get(),
			min_paid: T::ProposalDeposit::get(),
			review: ReviewFloor { min_approvals: 2, ..Default::default() },
		};
		#[extrinsic_call]
		_(RawOrigin::Root, rules);
		assert!(RecognisedProjects::<T>::get().is_empty());
	}

	/// Leaving a list, whose entry's deposit the treasury gets back.
	#[benchmark]
	fn leave_chamber() {
		let (p, _) = project::<T>(rules::<T>(1, false));
		fund::<T>(&Commons::<T>::treasury_account(p));
		let who = caller::<T>();
		Commons::<T>::do_set_chamber_member(p, who.clone(), true, None).expect("funded");
		#[extrinsic_call]
		_(RawOrigin::Signed(who.clone()), p, ChamberRule::Listed);
		assert!(!ChamberList::<T>::contains_key(p, &who));
	}

	/// A cancelled proposal's record removed by someone else after the retention (the share of
	/// its deposit paid to the remover).
	#[benchmark]
	fn remove_proposal() {
		let (member, id) = chain_proposal::<T>();
		Commons::<T>::do_cancel(member, id).expect("proposer");
		let ends = Proposals::<T>::get(id).expect("kept").ends;
		let retention = T::VoteRetention::get();
		frame_system::Pallet::<T>::set_block_number(ends + retention + retention + 1u32.into());
		let caller = caller::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), id);
		assert!(!Proposals::<T>::contains_key(id));
	}

	#[benchmark]
	fn remove_voice_credits() {
		let (member, id) = chain_proposal::<T>();
		Commons::<T>::do_vote(member.clone(), id, true, 3).expect("credits");
		let epoch = Proposals::<T>::get(id).expect("kept").epoch;
		frame_system::Pallet::<T>::set_block_number(
			T::EpochLength::get() * (epoch + 1).into() + T::MaxVotingPeriod::get(),
		);
		let caller = caller::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), Scope::Chain, epoch, member.clone());
		assert!(!VoiceCredits::<T>::contains_key((Scope::Chain, epoch), &member));
	}

	/// A closed project that became empty after it closed, removed with all its records.
	#[benchmark]
	fn remove_project() {
		let (p, _) = project::<T>(rules::<T>(1, false));
		Projects::<T>::mutate(p, |x| {
			if let Some(x) = x.as_mut() {
				x.status = ProjectStatus::Closed;
			}
		});
		let caller = caller::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(caller), p);
		assert!(!Projects::<T>::contains_key(p));
	}

	impl_benchmark_test_suite!(Commons, crate::mock::new_bench_ext(), crate::mock::Test);
}
