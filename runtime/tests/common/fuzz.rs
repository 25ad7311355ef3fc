//! The fuzzer's machinery (see `tests/fuzz.rs`): signing accounts, blocks built as the node
//! builds them, calls shaped by the shared generator, and the invariants checked after every
//! block. `tests/upgrade.rs` runs it on the upgraded fixture too.

use codec::{DecodeLimit, Encode};
use commons_runtime::{
	genesis_config_presets::TEST_DOLLAR, AccountId, Assets, Balances, Commons, Executive, Header,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, Signature, SignedPayload, System,
	TxExtension, UncheckedExtrinsic, EXISTENTIAL_DEPOSIT, SLOT_DURATION, UNIT,
};
use frame_support::{
	dispatch::{DispatchClass, GetDispatchInfo, PostDispatchInfo},
	storage::{with_transaction, TransactionOutcome},
	traits::{fungible::Inspect, fungible::Mutate, fungibles, Bounded, Get},
	BoundedVec,
};
use pallet_commons::{
	generator::Rng,
	signing::{
		content_hash, AttestationPayloadOf, ContributionPayloadOf, SignedAttestationOf,
		ATTESTATION_TAG, CONTRIBUTION_TAG,
	},
	Bucket, BucketTarget, Budget, Chamber, ChamberRule, ClaimKind, ContributionKind,
	GovernanceFloor, GovernanceParams, MembershipRules, ReviewFloor, ReviewRules, ReviewerSet,
	Scope, Verdict,
};
use sp_core::{sr25519, Pair};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::Era,
	traits::{Dispatchable, Header as _},
	transaction_validity::{InvalidTransaction, TransactionValidityError},
	Digest, DigestItem, DispatchError, Perbill,
};

type Config = Runtime;

/// Blocks in a case.
pub const BLOCKS: u32 = 80;
/// Extrinsics at most in a block.
const PER_BLOCK: u64 = 24;

/// What the runs reached, so that a test that reaches nothing fails.
#[derive(Default, Debug)]
pub struct Reached {
	pub applied: u64,
	pub succeeded: u64,
	pub refused: u64,
	pub projects: u64,
	pub contributions: u64,
	pub accepted: u64,
	pub rejected: u64,
	pub proposals: u64,
	pub passed: u64,
	pub enacted: u64,
	pub payments: u64,
	pub claims: u64,
}

/// The accounts that sign: the well-known keys and ten more, all funded in CMN and test dollars.
pub fn keys() -> Vec<sr25519::Pair> {
	let mut keys: Vec<sr25519::Pair> = Sr25519Keyring::iter().map(|k| k.pair()).collect();
	keys.extend(
		(0..10).map(|i| {
			sr25519::Pair::from_string(&format!("//Fuzz{i}"), None).expect("a derivation")
		}),
	);
	keys
}

/// A chain being built block by block, and the keys that sign on it.
pub struct Chain {
	rng: Rng,
	/// The number of the next block.
	next: u32,
	keys: Vec<sr25519::Pair>,
	accounts: Vec<AccountId>,
	parent: sp_core::H256,
	genesis: sp_core::H256,
}

/// One case: `BLOCKS` blocks of random calls from a fresh `development` genesis.
pub fn run_case(seed: u64, reached: &mut Reached) {
	super::development().execute_with(|| {
		let mut chain = Chain::new(seed);
		check_invariants(0);
		chain.run(BLOCKS, reached);
	});
}

impl Chain {
	/// A chain from a genesis state: the first block is 1.
	pub fn new(seed: u64) -> Self {
		// `development()` leaves the number at 1 for tests that call pallets directly; here
		// block 1 is built.
		System::set_block_number(0);
		let genesis = System::block_hash(0);
		Self::on(seed, 1, genesis)
	}

	/// A chain on the state in force, whose next block is `next` and last block's hash
	/// `parent`: the keys funded with CMN and test dollars.
	pub fn on(seed: u64, next: u32, parent: sp_core::H256) -> Self {
		let keys = keys();
		let accounts: Vec<AccountId> = keys.iter().map(|k| k.public().into()).collect();
		for who in &accounts {
			let cmn = 1_000_000 * UNIT;
			if Balances::balance(who) < cmn {
				assert!(Balances::mint_into(who, cmn - Balances::balance(who)).is_ok());
			}
			let usd = <Assets as fungibles::Inspect<AccountId>>::balance(TEST_DOLLAR, who);
			if usd == 0 {
				assert!(<Assets as fungibles::Mutate<AccountId>>::mint_into(
					TEST_DOLLAR,
					who,
					1_000_000_000_000
				)
				.is_ok());
			}
		}
		let genesis = System::block_hash(0);
		Chain { rng: Rng::new(seed), next, keys, accounts, parent, genesis }
	}

	/// `blocks` blocks of random calls, sometimes with time passing between them.
	pub fn run(&mut self, blocks: u32, reached: &mut Reached) {
		for _ in 0..blocks {
			self.block(reached);
			// Sometimes time passes without calls: review periods and votes end.
			if self.rng.chance(10) {
				for _ in 0..self.rng.below(12) {
					self.empty_block();
				}
			}
		}
	}
}

impl Chain {
	fn begin(&mut self) -> u32 {
		let n = self.next;
		let slot = pallet_aura::CurrentSlot::<Runtime>::get() + 1;
		let digest = Digest {
			logs: vec![DigestItem::PreRuntime(sp_consensus_aura::AURA_ENGINE_ID, slot.encode())],
		};
		let header = Header::new(n, Default::default(), Default::default(), self.parent, digest);
		Executive::initialize_block(&header);
		let now = u64::from(slot) * SLOT_DURATION;
		let inherent =
			UncheckedExtrinsic::new_bare(RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now,
			}));
		assert_eq!(Executive::apply_extrinsic(inherent), Ok(Ok(())), "the timestamp inherent");
		n
	}

	fn end(&mut self, n: u32, issuance_before: u128) {
		let header = Executive::finalize_block();
		assert_eq!(*header.number(), n);
		self.parent = header.hash();
		self.next = n + 1;
		// What the balances say was burned, minted or lost as dust, and what the pallet says
		// it burned (holding fees and forfeited deposits).
		let (mut burned, mut minted, mut dust, mut declared) = (0u128, 0u128, 0u128, 0u128);
		for record in System::events() {
			use pallet_balances::Event as B;
			use pallet_commons::Event as E;
			match record.event {
				RuntimeEvent::Balances(B::Burned { amount, .. } | B::BurnedHeld { amount, .. }) => {
					burned += amount
				},
				RuntimeEvent::Balances(
					B::Minted { amount, .. } | B::Issued { amount } | B::MintedCredit { amount },
				) => minted += amount,
				RuntimeEvent::Balances(B::DustLost { amount, .. }) => dust += amount,
				RuntimeEvent::Commons(
					E::HoldingFeesBurned { amount, .. }
					| E::ProposalDepositForfeited { amount, .. },
				) => declared += amount,
				_ => {},
			}
		}
		assert_eq!(minted, 0, "block {n}: CMN minted");
		assert!(burned <= declared, "block {n}: {burned} burned, {declared} declared burned");
		let issuance = Balances::total_issuance();
		assert_eq!(
			issuance_before.checked_sub(issuance),
			Some(burned + dust),
			"block {n}: total issuance changed by other than the burned and the dust lost"
		);
		check_invariants(n);
	}

	/// A block with nothing but its inherent.
	pub fn empty_block(&mut self) {
		let issuance = Balances::total_issuance();
		let n = self.begin();
		self.end(n, issuance);
	}

	/// A block of random calls.
	pub fn block(&mut self, reached: &mut Reached) {
		let issuance = Balances::total_issuance();
		let n = self.begin();
		let count = self.rng.below(PER_BLOCK + 1);
		for _ in 0..count {
			let who = self.signer();
			let call = self.call(who);
			self.check_weight(who, &call);
			let outcome = self.apply(who, call);
			match outcome {
				Applied::Included(ok) => {
					reached.applied += 1;
					if ok {
						reached.succeeded += 1;
					}
				},
				Applied::Refused => reached.refused += 1,
				Applied::Full => break,
			}
		}
		self.count(reached);
		self.end(n, issuance);
	}

	fn count(&self, reached: &mut Reached) {
		for record in System::events() {
			let RuntimeEvent::Commons(e) = record.event else {
				if let RuntimeEvent::Scheduler(pallet_scheduler::Event::Dispatched {
					result: Ok(()),
					..
				}) = record.event
				{
					reached.enacted += 1;
				}
				continue;
			};
			use pallet_commons::Event as E;
			match e {
				E::ProjectCreated { .. } => reached.projects += 1,
				E::ContributionSubmitted { .. } => reached.contributions += 1,
				E::ContributionAccepted { .. } => reached.accepted += 1,
				E::ContributionRejected { .. } => reached.rejected += 1,
				E::Proposed { .. } => reached.proposals += 1,
				E::ProposalClosed { passed: true, .. } => reached.passed += 1,
				E::IncomePaid { .. } => reached.payments += 1,
				E::IncomeClaimed { .. } => reached.claims += 1,
				_ => {},
			}
		}
	}

	fn signer(&mut self) -> usize {
		self.rng.below(self.keys.len() as u64) as usize
	}

	fn account(&mut self) -> AccountId {
		if self.rng.chance(95) {
			self.accounts[self.rng.below(self.accounts.len() as u64) as usize].clone()
		} else {
			let mut raw = [0u8; 32];
			raw.iter_mut().for_each(|b| *b = self.rng.below(256) as u8);
			AccountId::from(raw)
		}
	}

	/// The extension a wallet sends, immortal, at `nonce`.
	fn extension(nonce: u32) -> TxExtension {
		(
			frame_system::AuthorizeCall::<Runtime>::new(),
			frame_system::CheckNonZeroSender::<Runtime>::new(),
			frame_system::CheckSpecVersion::<Runtime>::new(),
			frame_system::CheckTxVersion::<Runtime>::new(),
			frame_system::CheckGenesis::<Runtime>::new(),
			frame_system::CheckEra::<Runtime>::from(Era::Immortal),
			frame_system::CheckNonce::<Runtime>::from(nonce),
			frame_system::CheckWeight::<Runtime>::new(),
			pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
			frame_metadata_hash_extension::CheckMetadataHash::<Runtime>::new(false),
			frame_system::WeightReclaim::<Runtime>::new(),
		)
	}

	fn sign(&self, who: usize, call: RuntimeCall, nonce: u32) -> UncheckedExtrinsic {
		let extension = Self::extension(nonce);
		let payload =
			SignedPayload::new(call.clone(), extension.clone()).expect("the implicit data");
		let signature = payload.using_encoded(|e| self.keys[who].sign(e));
		UncheckedExtrinsic::new_signed(
			call,
			self.accounts[who].clone().into(),
			Signature::Sr25519(signature),
			extension,
		)
	}

	/// Dispatches `call` directly in a transaction that is rolled back, and checks that the
	/// weight it declares having used is at most what it was charged.
	fn check_weight(&self, who: usize, call: &RuntimeCall) {
		let charged = call.get_dispatch_info().call_weight;
		let post: PostDispatchInfo = with_transaction(|| {
			let result = call.clone().dispatch(RuntimeOrigin::signed(self.accounts[who].clone()));
			TransactionOutcome::Rollback(Ok::<_, DispatchError>(match result {
				Ok(post) => post,
				Err(e) => e.post_info,
			}))
		})
		.expect("rolled back");
		if let Some(actual) = post.actual_weight {
			assert!(
				actual.all_lte(charged),
				"{call:?} declared {actual:?}, above the {charged:?} it was charged"
			);
		}
	}

	/// Signs and applies `call`, sometimes mangled: a bad signature, a stale or future nonce,
	/// or flipped bytes.
	fn apply(&mut self, who: usize, call: RuntimeCall) -> Applied {
		let nonce = System::account_nonce(&self.accounts[who]);
		let mangle = self.rng.below(100);
		let (xt, expect) = match mangle {
			0..=1 => {
				let mut xt = self.sign(who, call, nonce);
				if let sp_runtime::generic::Preamble::Signed(_, sig, _) = &mut xt.preamble {
					*sig = Signature::Sr25519(sr25519::Signature::from_raw([7; 64]));
				}
				(xt, Some(InvalidTransaction::BadProof))
			},
			2 if nonce > 0 => (self.sign(who, call, nonce - 1), Some(InvalidTransaction::Stale)),
			3 => (self.sign(who, call, nonce + 1), Some(InvalidTransaction::Future)),
			6 => {
				// Signed for another chain (another genesis) or another runtime version: the
				// signature does not verify here.
				let extension = Self::extension(nonce);
				let implicit = (
					(),
					(),
					commons_runtime::VERSION.spec_version + u32::from(self.rng.flip()),
					commons_runtime::VERSION.transaction_version,
					sp_core::H256::repeat_byte(7),
					sp_core::H256::repeat_byte(7),
					(),
					(),
					(),
					None,
					(),
				);
				let payload = SignedPayload::from_raw(call.clone(), extension.clone(), implicit);
				let signature = payload.using_encoded(|e| self.keys[who].sign(e));
				let xt = UncheckedExtrinsic::new_signed(
					call,
					self.accounts[who].clone().into(),
					Signature::Sr25519(signature),
					extension,
				);
				(xt, Some(InvalidTransaction::BadProof))
			},
			7 => {
				// A signed call sent bare. The pool refuses it (no unsigned validator); a block
				// author may still put it in a block, where it dispatches with no origin and
				// fails (a batch fails each call inside): with `BadOrigin`, or, for the calls
				// that find their project from a contribution before asking whether the origin
				// is the project's (`accept_appeal`, `revoke_contribution`), with that lookup's
				// error (found by seed 1796239002).
				let batch = matches!(call, RuntimeCall::Utility(_));
				let result = Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(call));
				return match result {
					Ok(Err(_)) => Applied::Included(false),
					Ok(Ok(())) if batch => Applied::Included(false),
					Err(TransactionValidityError::Unknown(
						sp_runtime::transaction_validity::UnknownTransaction::NoUnsignedValidator,
					))
					| Err(TransactionValidityError::Invalid(InvalidTransaction::Call)) => Applied::Refused,
					Err(TransactionValidityError::Invalid(
						InvalidTransaction::ExhaustsResources,
					)) => Applied::Full,
					other => panic!("a bare signed call gave {other:?}"),
				};
			},
			4..=5 => {
				// Flipped bytes: whatever still decodes is applied and must not panic.
				let mut bytes = self.sign(who, call, nonce).encode();
				for _ in 0..=self.rng.below(4) {
					let at = self.rng.below(bytes.len() as u64) as usize;
					bytes[at] ^= 1 << self.rng.below(8);
				}
				let Ok(xt) = UncheckedExtrinsic::decode_all_with_depth_limit(
					frame_support::MAX_EXTRINSIC_DEPTH,
					&mut &bytes[..],
				) else {
					return Applied::Refused;
				};
				return match Executive::apply_extrinsic(xt) {
					Ok(r) => Applied::Included(r.is_ok()),
					Err(TransactionValidityError::Invalid(
						InvalidTransaction::ExhaustsResources,
					)) => Applied::Full,
					Err(_) => Applied::Refused,
				};
			},
			_ => (self.sign(who, call, nonce), None),
		};
		let result = Executive::apply_extrinsic(xt);
		match (result, expect) {
			(Err(TransactionValidityError::Invalid(got)), Some(want)) => {
				assert_eq!(got, want, "a mangled transaction refused for the wrong reason");
				assert_eq!(System::account_nonce(&self.accounts[who]), nonce, "nonce moved");
				Applied::Refused
			},
			(r, Some(want)) => panic!("a transaction that should fail with {want:?} gave {r:?}"),
			(Ok(r), None) => Applied::Included(r.is_ok()),
			(
				Err(TransactionValidityError::Invalid(InvalidTransaction::ExhaustsResources)),
				None,
			) => Applied::Full,
			(Err(TransactionValidityError::Invalid(InvalidTransaction::Payment)), None) => {
				Applied::Refused
			},
			(Err(e), None) => panic!("a well-formed transaction refused: {e:?}"),
		}
	}
}

enum Applied {
	Included(bool),
	Refused,
	Full,
}

// ---------------------------------------------------------------------------------------------
// Calls
// ---------------------------------------------------------------------------------------------

fn bounded<S: Get<u32>>(rng: &mut Rng) -> BoundedVec<u8, S> {
	rng.bytes(S::get()).try_into().expect("at most the bound")
}

fn bounded_of<I: core::fmt::Debug, S: Get<u32>>(
	rng: &mut Rng,
	mut item: impl FnMut(&mut Rng) -> I,
) -> BoundedVec<I, S> {
	let len = match rng.below(4) {
		0 => 0,
		1 => S::get(),
		_ => rng.below(u64::from(S::get()) + 1) as u32,
	};
	(0..len)
		.map(|_| item(rng))
		.collect::<Vec<_>>()
		.try_into()
		.expect("at most the bound")
}

impl Chain {
	fn project(&mut self) -> u32 {
		self.rng.id(u64::from(pallet_commons::NextProjectId::<Runtime>::get())) as u32
	}

	fn contribution(&mut self) -> u64 {
		// Mostly one still pending, where the deep paths start.
		if self.rng.chance(70) {
			let pending: Vec<u64> = pallet_commons::PendingContributions::<Runtime>::iter()
				.map(|(_, id, ())| id)
				.take(64)
				.collect();
			if let Some(id) = self.rng.pick(&pending) {
				return *id;
			}
		}
		self.rng.id(pallet_commons::NextContributionId::<Runtime>::get())
	}

	fn proposal(&mut self) -> u32 {
		self.rng.id(u64::from(pallet_commons::NextProposalId::<Runtime>::get())) as u32
	}

	fn quantity(&mut self) -> u128 {
		if self.rng.chance(80) {
			u128::from(self.rng.below(1_000)) + 1
		} else {
			self.rng.edge_u128()
		}
	}

	fn amount(&mut self) -> u128 {
		self.rng.amount(100 * UNIT)
	}

	fn asset(&mut self) -> u32 {
		if self.rng.chance(85) {
			TEST_DOLLAR
		} else {
			self.rng.edge_u32()
		}
	}

	fn kinds(&mut self) -> pallet_commons::KindsOf<Runtime> {
		let mut kinds: Vec<_> = Vec::new();
		let count = if self.rng.chance(10) {
			<Config as pallet_commons::Config>::MaxKinds::get()
		} else {
			self.rng.below(4) as u32 + 1
		};
		for _ in 0..count {
			let claim = match self.rng.below(6) {
				0..=1 => ClaimKind::Equity,
				2 => ClaimKind::Reimbursable { price: self.amount() },
				3 => ClaimKind::OneTime { price: self.amount() },
				4 => ClaimKind::ReimbursableIn { asset: self.asset(), price: self.amount() },
				_ => ClaimKind::OneTimeIn { asset: self.asset(), price: self.amount() },
			};
			let rate = self.rng.rate();
			let max_rate = if self.rng.chance(30) { Some(self.rng.rate()) } else { None };
			kinds.push(ContributionKind {
				name: bounded(&mut self.rng),
				unit: bounded(&mut self.rng),
				rate,
				max_rate,
				claim,
			});
		}
		kinds.try_into().expect("at most MaxKinds")
	}

	fn rules(&mut self) -> ReviewRules<u32> {
		let max: u32 = <Config as pallet_commons::Config>::MaxReviewers::get();
		ReviewRules {
			reviewers: match self.rng.below(3) {
				0 => ReviewerSet::Maintainers,
				1 => ReviewerSet::Holders,
				_ => ReviewerSet::Anyone,
			},
			min_approvals: if self.rng.chance(85) {
				self.rng.below(3) as u32 + 1
			} else {
				self.rng.below(u64::from(max) + 2) as u32
			},
			threshold: self.rng.perbill(),
			review_period: if self.rng.chance(85) {
				self.rng.below(8) as u32
			} else {
				self.rng.edge_u32()
			},
			optimistic: self.rng.flip(),
			reviewer_reward: self.rng.perbill(),
		}
	}

	fn governance(&mut self) -> GovernanceParams<u32> {
		GovernanceParams {
			budget: if self.rng.flip() {
				Budget::Equal(self.rng.below(200) as u32)
			} else {
				let min = self.rng.below(50) as u32;
				Budget::ByShare { min, max: min + self.rng.below(200) as u32 }
			},
			quorum: self.rng.perbill(),
			voting_period: if self.rng.chance(85) {
				self.rng.below(12) as u32 + 1
			} else {
				self.rng.edge_u32()
			},
			enactment_delay: self.rng.below(4) as u32,
			min_voters: self.rng.below(4) as u32,
		}
	}

	fn verdict(&mut self) -> Verdict {
		if self.rng.chance(70) {
			Verdict::Approve
		} else {
			Verdict::Reject
		}
	}

	/// A wallet-signed attestation of a contribution by one of the keys, mostly valid.
	fn signed_attestation(&mut self) -> SignedAttestationOf<Runtime> {
		let id = self.contribution();
		let reviewer = self.signer();
		let (contributor, content) = match pallet_commons::Contributions::<Runtime>::get(id) {
			Some(c) if self.rng.chance(90) => {
				(c.contributor, content_hash(c.project, c.kind, c.quantity, &c.evidence[..]))
			},
			_ => (self.account(), [self.rng.below(256) as u8; 32]),
		};
		let payload: AttestationPayloadOf<Runtime> = pallet_commons::AttestationPayload {
			genesis_hash: if self.rng.chance(95) { self.genesis } else { Default::default() },
			tag: ATTESTATION_TAG,
			contribution: id,
			contributor,
			content,
			verdict: self.verdict(),
			assessed_quantity: if self.rng.chance(20) { Some(self.quantity()) } else { None },
			assessed_rate: if self.rng.chance(10) { Some(self.rng.rate()) } else { None },
			expires_at: System::block_number() + self.rng.below(20) as u32,
		};
		let signature = self.signature(reviewer, &payload.encode());
		SignedAttestationOf::<Runtime> {
			reviewer: self.accounts[reviewer].clone(),
			payload,
			signature,
		}
	}

	/// A signature by key `who` over `message`: bare, `<Bytes>`-wrapped, or wrong.
	fn signature(&mut self, who: usize, message: &[u8]) -> Signature {
		match self.rng.below(10) {
			0 => Signature::Sr25519(sr25519::Signature::from_raw([1; 64])),
			1..=3 => {
				let mut wrapped = b"<Bytes>".to_vec();
				wrapped.extend_from_slice(message);
				wrapped.extend_from_slice(b"</Bytes>");
				Signature::Sr25519(self.keys[who].sign(&wrapped))
			},
			_ => Signature::Sr25519(self.keys[who].sign(message)),
		}
	}

	/// A call only a project's own origin (or Root) may make: as its maintainers may while it
	/// bootstraps, or as a vote enacts.
	fn project_call(&mut self, project: u32) -> pallet_commons::Call<Runtime> {
		use pallet_commons::Call as C;
		match self.rng.below(17) {
			0 => C::set_value_equation { project, kinds: self.kinds() },
			1 => C::set_review_policy { project, rules: self.rules() },
			2 => C::set_maintainers {
				project,
				maintainers: {
					let mut m: Vec<AccountId> =
						(0..self.rng.below(4) + 1).map(|_| self.account()).collect();
					m.sort();
					m.dedup();
					m.try_into().expect("at most four")
				},
			},
			3 => C::close_project { project },
			4 => C::set_income_policy {
				project,
				treasury: self.rng.perbill(),
				upstream: {
					let p = self.project();
					let share = self.rng.perbill();
					bounded_of(&mut self.rng, |_| (p, share))
				},
			},
			5 => C::spend_treasury { project, to: self.account(), amount: self.amount() },
			6 => C::set_min_paid { project, min_paid: self.amount() },
			7 => C::set_chambers {
				project,
				chambers: bounded_of(&mut self.rng, |rng| Chamber {
					rule: match rng.below(4) {
						0 => ChamberRule::Holders,
						1 => ChamberRule::Payers,
						2 => ChamberRule::Maintainers,
						_ => ChamberRule::Listed,
					},
					quorum: rng.perbill(),
				}),
			},
			8 => C::set_chamber_member { project, who: self.account(), listed: self.rng.flip() },
			9 => C::set_governance { scope: Scope::Project(project), params: self.governance() },
			10 => C::set_income_buckets {
				project,
				buckets: {
					let p = self.project();
					bounded_of(&mut self.rng, |rng| Bucket {
						to: match rng.below(3) {
							0 => BucketTarget::Treasury,
							1 => BucketTarget::Upstream(p),
							_ => BucketTarget::Debts,
						},
						share: Perbill::from_percent(rng.below(60) as u32),
					})
				},
			},
			11 => C::repay_debts { project, amount: self.amount() },
			12 => C::set_accepted_assets {
				project,
				assets: {
					let asset = self.asset();
					bounded_of(&mut self.rng, |_| asset)
				},
			},
			13 => C::repay_debts_in { project, asset: self.asset(), amount: self.amount() },
			14 => C::spend_treasury_in {
				project,
				asset: self.asset(),
				to: self.account(),
				amount: self.amount(),
			},
			15 => C::move_units { project, from: self.account(), to: self.account() },
			_ => {
				let contribution = self.contribution();
				if self.rng.flip() {
					C::accept_appeal { contribution, quantity: self.quantity() }
				} else {
					C::revoke_contribution { contribution }
				}
			},
		}
	}

	/// A call only Root may make: what the chain's vote enacts.
	fn chain_call(&mut self) -> RuntimeCall {
		use pallet_commons::Call as C;
		RuntimeCall::Commons(match self.rng.below(7) {
			0 => C::set_recognised { project: self.project(), recognised: self.rng.flip() },
			1 => C::set_default_governance { params: self.governance() },
			2 => C::set_governance_floor {
				floor: GovernanceFloor {
					voting_period: self.rng.below(5) as u32,
					enactment_delay: self.rng.below(3) as u32,
					quorum: self.rng.perbill(),
					min_voters: self.rng.below(3) as u32,
				},
			},
			3 => C::set_membership_rules {
				rules: MembershipRules {
					tenure: self.rng.below(3) as u32,
					min_paid: self.amount(),
					review: ReviewFloor {
						min_approvals: self.rng.below(3) as u32,
						threshold: self.rng.perbill(),
						review_period: self.rng.below(5) as u32,
						optimistic: self.rng.flip(),
						open_review: self.rng.flip(),
					},
				},
			},
			4 => C::register_asset {
				asset: self.rng.below(4) as u32 + 2,
				min_balance: self.rng.amount(1_000),
				max_debt: self.amount(),
			},
			5 => C::set_governance { scope: Scope::Chain, params: self.governance() },
			_ => {
				let project = self.project();
				C::set_recognised { project, recognised: true }
			},
		})
	}

	/// A call signed by key `who`.
	fn call(&mut self, who: usize) -> RuntimeCall {
		use pallet_commons::Call as C;
		let roll = self.rng.below(100);
		let call = match roll {
			0..=3 => C::create_project {
				name: bounded(&mut self.rng),
				metadata: bounded(&mut self.rng),
				kinds: self.kinds(),
				rules: self.rules(),
			},
			4..=17 => {
				let project = self.project();
				let kinds = pallet_commons::ValueEquations::<Runtime>::get(project)
					.map(|e| e.kinds.len() as u64)
					.unwrap_or(1);
				C::submit_contribution {
					project,
					kind: if self.rng.chance(90) {
						self.rng.below(kinds) as u8
					} else {
						self.rng.below(256) as u8
					},
					quantity: self.quantity(),
					evidence: bounded(&mut self.rng),
				}
			},
			18..=20 => {
				let contributor = self.signer();
				let project = self.project();
				let payload: ContributionPayloadOf<Runtime> = pallet_commons::ContributionPayload {
					genesis_hash: self.genesis,
					tag: CONTRIBUTION_TAG,
					project,
					kind: self.rng.below(3) as u8,
					quantity: self.quantity(),
					evidence: bounded(&mut self.rng),
					nonce: pallet_commons::SignedContributionNonce::<Runtime>::get(
						&self.accounts[contributor],
					) + if self.rng.chance(90) { 0 } else { 1 },
					expires_at: System::block_number() + self.rng.below(10) as u32,
				};
				let signature = self.signature(contributor, &payload.encode());
				C::submit_signed_contribution {
					contributor: self.accounts[contributor].clone(),
					payload,
					signature,
				}
			},
			21 => C::withdraw_contribution { contribution: self.contribution() },
			22..=33 => {
				let contribution = self.contribution();
				let verdict = self.verdict();
				let assessed_quantity =
					if self.rng.chance(20) { Some(self.quantity()) } else { None };
				let note = bounded(&mut self.rng);
				if self.rng.chance(25) {
					C::attest_assessing {
						contribution,
						verdict,
						assessed_quantity,
						assessed_rate: Some(self.rng.rate()),
						note,
					}
				} else {
					C::attest { contribution, verdict, assessed_quantity, note }
				}
			},
			34..=37 => C::relay_attestations {
				items: {
					let len = if self.rng.chance(10) {
						<Config as pallet_commons::Config>::MaxRelayBatch::get()
					} else {
						self.rng.below(4) as u32 + 1
					};
					(0..len)
						.map(|_| self.signed_attestation())
						.collect::<Vec<_>>()
						.try_into()
						.expect("at most MaxRelayBatch")
				},
			},
			38..=40 => C::finalize { contribution: self.contribution() },
			41 => C::remove_contribution { contribution: self.contribution() },
			42..=46 => C::pay_income { project: self.project(), amount: self.amount() },
			47..=49 => C::claim { project: self.project() },
			50 => C::claim_for { project: self.project(), who: self.account() },
			51..=55 => {
				let (scope, inner) = if self.rng.chance(70) {
					let project = self.project();
					(Scope::Project(project), RuntimeCall::Commons(self.project_call(project)))
				} else {
					(Scope::Chain, self.chain_call())
				};
				let inner = if self.rng.chance(5) {
					RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 64] })
				} else {
					inner
				};
				// Inline if short; otherwise by hash, of a preimage nobody noted.
				let encoded = inner.encode();
				let call = match encoded.clone().try_into() {
					Ok(inline) => Bounded::Inline(inline),
					Err(_) => Bounded::Lookup {
						hash: sp_io::hashing::blake2_256(&encoded).into(),
						len: encoded.len() as u32,
					},
				};
				C::propose { scope, call: Box::new(call), description: bounded(&mut self.rng) }
			},
			56..=62 => C::vote {
				proposal: self.proposal(),
				aye: self.rng.chance(75),
				votes: if self.rng.chance(90) {
					self.rng.below(10) as u32 + 1
				} else {
					self.rng.edge_u32()
				},
			},
			63 => C::remove_vote { proposal: self.proposal(), who: self.account() },
			64 => C::cancel { proposal: self.proposal() },
			65..=67 => C::close { proposal: self.proposal() },
			68 => C::appeal {
				contribution: self.rng.id(pallet_commons::NextContributionId::<Runtime>::get()),
				quantity: self.quantity(),
				description: bounded(&mut self.rng),
			},
			69 => C::leave_chamber {
				project: self.project(),
				rule: if self.rng.flip() { ChamberRule::Payers } else { ChamberRule::Listed },
			},
			70 => C::remove_proposal { proposal: self.proposal() },
			71 => C::remove_project { project: self.project() },
			72 => C::remove_voice_credits {
				scope: if self.rng.flip() { Scope::Chain } else { Scope::Project(self.project()) },
				epoch: self.rng.below(3) as u32,
				who: self.account(),
			},
			73 => C::claim_debt {
				contribution: self.rng.id(pallet_commons::NextContributionId::<Runtime>::get()),
			},
			74 => C::forward_income { project: self.project() },
			75..=77 => C::pay_income_in {
				project: self.project(),
				asset: self.asset(),
				amount: self.rng.amount(1_000_000_000),
			},
			78 => C::claim_asset { project: self.project(), asset: self.asset() },
			79 => C::claim_assets_for {
				project: self.project(),
				who: self.account(),
				assets: {
					let asset = self.asset();
					bounded_of(&mut self.rng, |_| asset)
				},
			},
			80..=87 => {
				// As the project's maintainer where it has one among the keys (bootstrap).
				let project = self.project();
				let _ = who;
				self.project_call(project)
			},
			88..=89 => return self.chain_call(),
			90..=93 => {
				return RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
					dest: self.account().into(),
					value: self.amount(),
				})
			},
			94 => {
				return RuntimeCall::Balances(pallet_balances::Call::transfer_allow_death {
					dest: self.account().into(),
					value: self.rng.amount(2 * EXISTENTIAL_DEPOSIT),
				})
			},
			_ => {
				let calls: Vec<RuntimeCall> =
					(0..self.rng.below(4) + 1).map(|_| self.call(who)).collect();
				return RuntimeCall::Utility(match self.rng.below(3) {
					0 => pallet_utility::Call::batch { calls },
					1 => pallet_utility::Call::batch_all { calls },
					_ => pallet_utility::Call::force_batch { calls },
				});
			},
		};
		RuntimeCall::Commons(call)
	}
}

// ---------------------------------------------------------------------------------------------
// Invariants
// ---------------------------------------------------------------------------------------------

/// Everything that must hold after block `n`.
pub fn check_invariants(n: u32) {
	if let Err(e) = Commons::do_try_state() {
		panic!("block {n}: a pallet-commons invariant fails: {e:?}");
	}
	// Every planck is in some account.
	let mut total = 0u128;
	for (who, info) in frame_system::Account::<Runtime>::iter() {
		let held = info.data.free.saturating_add(info.data.reserved);
		total = total.checked_add(held).expect("no overflow");
		// The pallet's accounts (`modl…`) never fall below the existential deposit.
		if AsRef::<[u8]>::as_ref(&who).starts_with(b"modl") && held > 0 {
			assert!(
				info.data.free >= EXISTENTIAL_DEPOSIT,
				"block {n}: pallet account {who} holds {} below the existential deposit",
				info.data.free
			);
		}
	}
	assert_eq!(total, Balances::total_issuance(), "block {n}: issuance differs from the balances");
	// Every test dollar is in some account.
	let supply = <Assets as fungibles::Inspect<AccountId>>::total_issuance(TEST_DOLLAR);
	let held: u128 = pallet_assets::Account::<Runtime>::iter_prefix(TEST_DOLLAR)
		.map(|(_, a)| a.balance)
		.sum();
	assert_eq!(supply, held, "block {n}: the test dollar's supply differs from its balances");
	// The block within its weight: what transactions used (normal and operational) within its
	// class's limit. (Mandatory weight, the inherents and hooks, may go beyond, by design.)
	let consumed = System::block_weight();
	let limits = <Runtime as frame_system::Config>::BlockWeights::get();
	for class in [DispatchClass::Normal, DispatchClass::Operational] {
		let used = *consumed.get(class);
		if let Some(max) = limits.get(class).max_total {
			assert!(used.all_lte(max), "block {n}: {class:?} weight {used:?} above its {max:?}");
		}
	}
	assert!(
		consumed.total().ref_time() < limits.max_block.ref_time().saturating_mul(2),
		"block {n}: weight {consumed:?}"
	);
}
