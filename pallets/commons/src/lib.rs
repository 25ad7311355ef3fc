//! # Commons: open value accounting
//!
//! Anyone opens a **project** (a commons) with its own value rules; contributors log
//! **contributions**; peers **review** them; accepted work mints **value units**, a
//! non-transferable share of the project.
//!
//! ## Process flow
//!
//! 1. [`create_project`](Pallet::create_project): a deposit is held from the creator, who
//!    becomes the first maintainer. The project starts with a value equation (the kinds of
//!    contribution it accepts and the value units per unit of each) and a review policy.
//! 2. [`submit_contribution`](Pallet::submit_contribution): a contributor logs work, money,
//!    materials, design or code with evidence (a hash or URI) and a deposit. A newcomer without
//!    tokens signs the same in a wallet and anyone relays it with
//!    [`submit_signed_contribution`](Pallet::submit_signed_contribution), paying the fee and the
//!    deposit.
//! 3. [`attest`](Pallet::attest): reviewers approve or reject, optionally assessing the quantity
//!    down. Reviewers may also sign attestations in a wallet; anyone relays a batch of them with
//!    [`relay_attestations`](Pallet::relay_attestations).
//! 4. The outcome (table below) is decided as soon as the verdicts allow, or after the review
//!    period by [`finalize`](Pallet::finalize), callable by anyone.
//! 5. Accepted: units are minted to the contributor (assessed quantity × rate of the kind) and
//!    a reward on top to the approving reviewers. Decided records are removed by anyone after
//!    the retention period with [`remove_contribution`](Pallet::remove_contribution).
//! 6. The project origin ([`Config::ProjectOrigin`]) changes the value equation, the review
//!    policy and the maintainers, and closes the project.
//!
//! ## Outcome rules
//!
//! With `a` approvals, `r` rejections, the policy's minimum `N` and threshold `t`, and `m` the
//! reviewers who may still attest (the current maintainers, other than the contributor, who
//! have not attested, when only maintainers review; otherwise the seats left of
//! [`Config::MaxReviewers`]):
//!
//! | when                               | condition                                                              | outcome  |
//! |------------------------------------|------------------------------------------------------------------------|----------|
//! | a verdict is counted               | `a ≥ N` and `a / (a + r) ≥ t`                                          | Accepted |
//! | a verdict is counted               | `r > 0` and, even if all `m` approved, `a + m ≥ N` and `(a + m) / (a + m + r) ≥ t` would not both hold | Rejected |
//! | `finalize` after the review period | optimistic acceptance on and `r = 0`                                   | Accepted |
//! | `finalize` after the review period | otherwise                                                              | Expired  |
//!
//! Maintainers may always review, whatever the policy says, so a new project can accept its
//! first contributions; nobody reviews their own contribution, and each reviewer counts once.
//! The review rules and the value equation are those in force when the contribution was
//! submitted: a contribution records the equation version it is valued under.
//!
//! The credited quantity is the lower median of the approving reviewers' assessments, where an
//! approval without an assessment assesses the claim (so with no assessments it is the claim).
//! Units minted = ⌊credited quantity × rate⌋. The reviewer reward ⌊reward × minted⌋ is shared
//! equally (rounded down) by the reviewers who approved, and minted on top: the contributor's
//! units are not reduced. Deposits are released on acceptance, withdrawal and expiry; a
//! rejected contribution's deposit goes to the project's treasury account.
//!
//! ## Wallet-signed payloads
//!
//! See [`signing`]: an attestation payload is the SCALE encoding of
//! `(genesis_hash: [u8; 32], tag: *b"cmns:att", contribution: u64, verdict: u8,
//! assessed_quantity: Option<u128>, expires_at: u32)`. With polkadot.js:
//! `api.createType('PalletCommonsSigningAttestationPayload', {...}).toU8a()` gives the bytes,
//! and `pair.sign(bytes)` (or an extension's `signRaw`, which wraps them in `<Bytes>…</Bytes>`)
//! signs them. The runtime API `CommonsApi::attestation_payload` returns the same bytes. A
//! bad, expired, foreign-chain or repeated signature never counts.
//!
//! ## Value units
//!
//! Units are per project and cannot be transferred: the common work cannot be privately
//! appropriated. An account's share is its units over the project's total.
//!
//! ## Income
//!
//! Anyone pays income to a project with [`pay_income`](Pallet::pay_income). The project's
//! income policy ([`set_income_policy`](Pallet::set_income_policy), project origin) keeps a
//! share in the project's treasury (spent with [`spend_treasury`](Pallet::spend_treasury),
//! project origin), pays shares to upstream projects (the commons this one builds on; each
//! distributes its share to its own holders and forwards nothing), and the rest, rounding
//! included, goes to the holders pro-rata to the units they hold at the moment of payment. A
//! project without units yet receives everything in its treasury.
//!
//! Paying and claiming cost the same with one holder or a million: with `P = 10^12`
//! ([`INCOME_PRECISION`]), each payment of `x` to holders of `U` units in all does
//!
//! ```text
//! scaled            = x × P + carried
//! income_per_unit  += scaled / U          (rounded down)
//! carried           = scaled mod U        (what rounding leaves, carried to the next payment)
//! ```
//!
//! and a holder of `u` units with checkpoint `c` and remainder `r` can claim
//!
//! ```text
//! unclaimed + (u × (income_per_unit − c) + r) / P      (rounded down)
//! ```
//!
//! where `unclaimed` and `r` (below `P`, a fraction of a planck) are what was settled when the
//! holder's units last changed; settling sets `c` to the current income per unit. Units minted
//! after a payment take no part in it. Conservation is exact: scaled by `P`, what the income
//! pot holds above its existential deposit equals the sum over holders of
//! `unclaimed × P + r + u × (income_per_unit − c)` plus `carried`; nothing is created or lost,
//! and sub-planck fractions stay owed to their holder. `do_try_state` checks this.
//! Claim with [`claim`](Pallet::claim), or for someone with [`claim_for`](Pallet::claim_for);
//! the runtime API shows what is pending.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod contributions;
mod income;
mod invariants;
mod issuance;
mod origins;
mod projects;
mod review;
mod queries;
pub mod signing;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use origins::EnsureMaintainerOrRoot;
pub use queries::{ContributionView, ProjectView};
pub use signing::{AttestationPayload, ContributionPayload, SignatureProblem, SignedAttestation};
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			EnsureOriginWithArg,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{IdentifyAccount, Verify},
		Perbill,
	};

	use crate::signing::{ContributionPayloadOf, SignedAttestationOf};

	/// The most holders the income benchmarks measure: their weight does not grow with the
	/// number of holders, which the benchmarks show; calls are charged at this point.
	pub const HOLDERS_BENCHMARKED: u32 = 1_000;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;

		/// The native currency, in which deposits are held.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The origin that acts for a project: changes its rules and maintainers, closes it.
		type ProjectOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ProjectId>;

		/// The signature of wallet-signed payloads (`MultiSignature`: sr25519, ed25519, ecdsa).
		type OffchainSignature: Verify<Signer = Self::OffchainPublic>
			+ Parameter
			+ MaxEncodedLen
			+ DecodeWithMemTracking;

		/// The signer of wallet-signed payloads.
		type OffchainPublic: IdentifyAccount<AccountId = Self::AccountId>;

		/// From which the treasury account of every project is derived.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Paid by the creator of a project: two existential deposits of it endow the project's
		/// income pot and treasury for good; the rest is held until the project is closed.
		#[pallet::constant]
		type ProjectDeposit: Get<BalanceOf<Self>>;

		/// Held from whoever logs a contribution until it is decided. At least the existential
		/// deposit, since a forfeited deposit is paid to the project's treasury.
		#[pallet::constant]
		type ContributionDeposit: Get<BalanceOf<Self>>;

		/// Longest project name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Longest project description (or its hash or URI), in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// Longest evidence (a hash or URI), in bytes.
		#[pallet::constant]
		type MaxEvidenceLen: Get<u32>;

		/// Longest reviewer's note, in bytes.
		#[pallet::constant]
		type MaxNoteLen: Get<u32>;

		/// Longest name or unit of a contribution kind, in bytes.
		#[pallet::constant]
		type MaxLabelLen: Get<u32>;

		/// Most contribution kinds in a value equation.
		#[pallet::constant]
		type MaxKinds: Get<u32>;

		/// Most maintainers of a project.
		#[pallet::constant]
		type MaxMaintainers: Get<u32>;

		/// Most attestations on one contribution. The outcome rules decide every contribution
		/// before this many verdicts are cast.
		#[pallet::constant]
		type MaxReviewers: Get<u32>;

		/// Most wallet-signed attestations relayed in one extrinsic.
		#[pallet::constant]
		type MaxRelayBatch: Get<u32>;

		/// Longest review period a policy may set, in blocks.
		#[pallet::constant]
		type MaxReviewPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks after its decision before anyone may remove a contribution's record.
		#[pallet::constant]
		type RetentionPeriod: Get<BlockNumberFor<Self>>;

		/// Most upstream projects in an income policy.
		#[pallet::constant]
		type MaxUpstreams: Get<u32>;

		/// Most items in a page of the runtime API.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// Signs payloads in the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<
			Self::AccountId,
			Self::OffchainSignature,
		>;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A project's creation deposit.
		ProjectDeposit,
		/// A contribution's deposit.
		ContributionDeposit,
	}

	/// The id the next project gets.
	#[pallet::storage]
	pub type NextProjectId<T> = StorageValue<_, ProjectId, ValueQuery>;

	/// Projects, by id. Kept after closing: the record of value units stays.
	#[pallet::storage]
	pub type Projects<T: Config> = StorageMap<_, Blake2_128Concat, ProjectId, Project<T>>;

	/// The current value equation of each project.
	#[pallet::storage]
	pub type ValueEquations<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, ValueEquation<T>>;

	/// The current review policy of each project.
	#[pallet::storage]
	pub type ReviewPolicies<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, ReviewPolicy<BlockNumberFor<T>>>;

	/// The id the next contribution gets.
	#[pallet::storage]
	pub type NextContributionId<T> = StorageValue<_, ContributionId, ValueQuery>;

	/// Contributions, by id, until their record is removed after the retention period.
	#[pallet::storage]
	pub type Contributions<T: Config> =
		StorageMap<_, Blake2_128Concat, ContributionId, Contribution<T>>;

	/// Pending contributions of each project (an index for reviewers and clients).
	#[pallet::storage]
	pub type PendingContributions<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ProjectId, Twox64Concat, ContributionId, ()>;

	/// Attestations, by contribution and reviewer. Removed with their contribution.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ContributionId,
		Blake2_128Concat,
		T::AccountId,
		Attestation<T>,
	>;

	/// Value units of each account in each project.
	#[pallet::storage]
	pub type Holdings<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		Holding<BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// How each project splits its income (none: everything to the holders).
	#[pallet::storage]
	pub type IncomePolicies<T: Config> = StorageMap<_, Blake2_128Concat, ProjectId, IncomePolicy<T>>;

	/// The income accounting of each project.
	#[pallet::storage]
	pub type IncomeStates<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, IncomeState<BalanceOf<T>>, ValueQuery>;

	/// The nonce a contributor's next wallet-signed contribution must carry.
	#[pallet::storage]
	pub type SignedContributionNonce<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A project was created.
		ProjectCreated { project: ProjectId, creator: T::AccountId, deposit: BalanceOf<T> },
		/// A project's value equation changed.
		ValueEquationSet { project: ProjectId, version: Version, kinds: KindsOf<T> },
		/// A project's review policy changed.
		ReviewPolicySet { project: ProjectId, version: Version, rules: ReviewRules<BlockNumberFor<T>> },
		/// A project's maintainers changed.
		MaintainersSet { project: ProjectId, maintainers: MaintainersOf<T> },
		/// A project was closed and its deposit released.
		ProjectClosed { project: ProjectId },
		/// A contribution was logged.
		ContributionSubmitted {
			contribution: ContributionId,
			project: ProjectId,
			contributor: T::AccountId,
			kind: KindIndex,
			quantity: Quantity,
			depositor: T::AccountId,
		},
		/// A contribution was withdrawn by its contributor.
		ContributionWithdrawn { contribution: ContributionId },
		/// A reviewer's attestation counted.
		Attested {
			contribution: ContributionId,
			reviewer: T::AccountId,
			verdict: Verdict,
			assessed_quantity: Option<Quantity>,
			relayed: bool,
		},
		/// A relayed attestation did not count.
		AttestationFailed { index: u32, reviewer: T::AccountId, reason: AttestationFailure },
		/// A contribution was accepted and units minted.
		ContributionAccepted {
			contribution: ContributionId,
			assessed: Quantity,
			units: Units,
			reviewer_units: Units,
			equation_version: Version,
		},
		/// A contribution was rejected; its deposit went to the project's treasury.
		ContributionRejected { contribution: ContributionId, forfeited: BalanceOf<T> },
		/// A contribution's review period ended without a decision.
		ContributionExpired { contribution: ContributionId },
		/// A decided contribution's record and attestations were removed.
		ContributionRemoved { contribution: ContributionId },
		/// Value units were minted.
		UnitsMinted { project: ProjectId, who: T::AccountId, units: Units },
		/// A project's income policy changed.
		IncomePolicySet { project: ProjectId, treasury: Perbill, upstream: UpstreamOf<T> },
		/// Income was paid to a project, and split.
		IncomePaid {
			project: ProjectId,
			payer: T::AccountId,
			amount: BalanceOf<T>,
			to_holders: BalanceOf<T>,
			to_treasury: BalanceOf<T>,
			to_upstream: BalanceOf<T>,
		},
		/// Part of a project's income went to the holders of an upstream project.
		UpstreamPaid { from: ProjectId, to: ProjectId, amount: BalanceOf<T> },
		/// A holder's income was paid out.
		IncomeClaimed { project: ProjectId, who: T::AccountId, amount: BalanceOf<T> },
		/// A project's treasury paid an account.
		TreasurySpent { project: ProjectId, to: T::AccountId, amount: BalanceOf<T> },
	}

	/// Why a relayed attestation did not count.
	#[derive(
		Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
	)]
	pub enum AttestationFailure {
		/// The signature is bad, expired, or for another chain or domain.
		Signature(SignatureProblem),
		/// The attestation itself was refused; the index is that of the pallet error.
		Refused(ReviewRefusal),
	}

	/// Why an attestation is refused (each mirrors a pallet error).
	#[derive(
		Clone, Copy, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
	)]
	pub enum ReviewRefusal {
		/// No such contribution.
		UnknownContribution,
		/// The contribution is decided or its review period is over.
		ReviewClosed,
		/// The contributor cannot review their own contribution.
		SelfReview,
		/// The policy does not let this account review.
		NotAllowedToReview,
		/// This reviewer already counted on this contribution.
		AlreadyAttested,
		/// The assessed quantity is zero or above the claim.
		BadAssessment,
	}

	/// Errors of the pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// No project with this id.
		UnknownProject,
		/// The project is closed.
		ProjectClosed,
		/// The project still has pending contributions.
		PendingContributions,
		/// No kind with this index in the project's value equation.
		UnknownKind,
		/// A value equation needs at least one kind.
		NoKinds,
		/// A kind's rate must be above zero.
		ZeroRate,
		/// The review policy is invalid: a minimum of zero approvals or more than
		/// `MaxReviewers`, a zero threshold, a zero review period or one above the maximum.
		InvalidPolicy,
		/// A project needs at least one maintainer.
		NoMaintainers,
		/// An account appears twice among the maintainers.
		DuplicateMaintainer,
		/// No contribution with this id.
		UnknownContribution,
		/// The quantity must be above zero.
		ZeroQuantity,
		/// The contribution is not pending.
		NotPending,
		/// Only the contributor may do this.
		NotContributor,
		/// The contributor cannot review their own contribution.
		SelfReview,
		/// The review policy does not let this account review.
		NotAllowedToReview,
		/// This reviewer already counted on this contribution.
		AlreadyAttested,
		/// The contribution is decided, or its review period is over.
		ReviewClosed,
		/// The review period is not over yet.
		ReviewOngoing,
		/// The assessed quantity is zero or above the claim.
		BadAssessment,
		/// The record is still within its retention period, or not decided.
		NotRemovable,
		/// The signature was made for another chain.
		ForeignChain,
		/// The signed payload is not of the expected kind.
		WrongDomain,
		/// The signed payload has expired.
		SignatureExpired,
		/// The signature does not match the payload and the signer.
		BadSignature,
		/// The nonce of a signed contribution is not the contributor's current one.
		BadNonce,
		/// No relayed attestation counted. (The failed call's events are discarded: dry-run the
		/// batch to read the `AttestationFailed` reason of each item.)
		NoValidAttestation,
		/// The amount must be above zero.
		ZeroAmount,
		/// No income is pending for this account in this project.
		NothingToClaim,
		/// The income policy is invalid: shares above 100% in total, the project itself or a
		/// project twice among the upstream.
		InvalidIncomePolicy,
		/// An arithmetic overflow: the amounts are too large.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Opens a project. Holds [`Config::ProjectDeposit`] from the caller, who becomes its
		/// first maintainer. `kinds` is the initial value equation and `rules` the initial
		/// review policy (both version 1).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_project())]
		pub fn create_project(
			origin: OriginFor<T>,
			name: NameOf<T>,
			metadata: MetadataOf<T>,
			kinds: KindsOf<T>,
			rules: ReviewRules<BlockNumberFor<T>>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_create_project(creator, name, metadata, kinds, rules).map(|_| ())
		}

		/// Replaces a project's value equation (its version goes up by one). Project origin.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_value_equation())]
		pub fn set_value_equation(
			origin: OriginFor<T>,
			project: ProjectId,
			kinds: KindsOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_value_equation(project, kinds)
		}

		/// Replaces a project's review policy (its version goes up by one). Contributions
		/// already pending keep the rules they were submitted under. Project origin.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_review_policy())]
		pub fn set_review_policy(
			origin: OriginFor<T>,
			project: ProjectId,
			rules: ReviewRules<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_review_policy(project, rules)
		}

		/// Replaces a project's maintainers. Project origin.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_maintainers())]
		pub fn set_maintainers(
			origin: OriginFor<T>,
			project: ProjectId,
			maintainers: MaintainersOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_maintainers(project, maintainers)
		}

		/// Closes a project: it takes no new contributions and needs none pending. Units stay
		/// recorded; the creation deposit is released. Project origin.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::close_project())]
		pub fn close_project(origin: OriginFor<T>, project: ProjectId) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_close_project(project)
		}

		/// Logs a contribution to a project for review, holding [`Config::ContributionDeposit`]
		/// from the caller.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::submit_contribution())]
		pub fn submit_contribution(
			origin: OriginFor<T>,
			project: ProjectId,
			kind: KindIndex,
			quantity: Quantity,
			evidence: EvidenceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit(who.clone(), who, project, kind, quantity, evidence).map(|_| ())
		}

		/// Logs a contribution that `contributor` signed in a wallet (see [`signing`]). The
		/// caller relays it and pays the fee and the deposit; the contributor gets the units.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::submit_signed_contribution())]
		pub fn submit_signed_contribution(
			origin: OriginFor<T>,
			contributor: T::AccountId,
			payload: ContributionPayloadOf<T>,
			signature: T::OffchainSignature,
		) -> DispatchResult {
			let relayer = ensure_signed(origin)?;
			Self::do_submit_signed(relayer, contributor, payload, signature)
		}

		/// Withdraws a pending contribution and releases its deposit. Contributor only.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::withdraw_contribution())]
		pub fn withdraw_contribution(
			origin: OriginFor<T>,
			contribution: ContributionId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw(who, contribution)
		}

		/// Reviews a pending contribution: approve or reject, optionally assessing the quantity
		/// (at most the claim). May decide the contribution (see the outcome rules).
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::attest())]
		pub fn attest(
			origin: OriginFor<T>,
			contribution: ContributionId,
			verdict: Verdict,
			assessed_quantity: Option<Quantity>,
			note: NoteOf<T>,
		) -> DispatchResult {
			let reviewer = ensure_signed(origin)?;
			let checked = Self::check_attestation(contribution, &reviewer, assessed_quantity)
				.map_err(Self::refusal_error)?;
			Self::apply_attestation(checked, reviewer, verdict, assessed_quantity, note, false)
		}

		/// Relays attestations that reviewers signed in their wallets (see [`signing`]). Each
		/// whose signature or review is refused gets an `AttestationFailed` event with its
		/// reason; the call fails with `NoValidAttestation` if none counts, and with the error
		/// if counting one fails (an arithmetic overflow).
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::relay_attestations(items.len() as u32))]
		pub fn relay_attestations(
			origin: OriginFor<T>,
			items: BoundedVec<SignedAttestationOf<T>, T::MaxRelayBatch>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_relay_attestations(items)
		}

		/// Decides a contribution whose review period is over: accepted if optimistic
		/// acceptance is on and nobody rejected it, expired otherwise. Anyone may call.
		#[pallet::call_index(10)]
		#[pallet::weight(T::WeightInfo::finalize())]
		pub fn finalize(origin: OriginFor<T>, contribution: ContributionId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_finalize(contribution)
		}

		/// Removes a decided contribution's record and attestations after the retention
		/// period. Anyone may call. Units stay minted. (Deposits are released, or forfeited,
		/// when the contribution is decided.)
		#[pallet::call_index(11)]
		#[pallet::weight(T::WeightInfo::remove_contribution())]
		pub fn remove_contribution(
			origin: OriginFor<T>,
			contribution: ContributionId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_remove_contribution(contribution)
		}

		/// Sets how the project's income is split: `treasury` kept in its treasury, each
		/// upstream project's share paid to that project's holders, the rest to this project's
		/// holders. The shares together may not exceed 100%. Project origin.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_income_policy())]
		pub fn set_income_policy(
			origin: OriginFor<T>,
			project: ProjectId,
			treasury: Perbill,
			upstream: UpstreamOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_income_policy(project, treasury, upstream)
		}

		/// Pays from the project's treasury. Project origin.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::spend_treasury())]
		pub fn spend_treasury(
			origin: OriginFor<T>,
			project: ProjectId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_spend_treasury(project, to, amount)
		}

		/// Pays `amount` of income to a project, split by its income policy; the holders' part
		/// is shared pro-rata to the units held now. Anyone may pay. Costs the same with one
		/// holder or a million.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::pay_income(HOLDERS_BENCHMARKED))]
		pub fn pay_income(
			origin: OriginFor<T>,
			project: ProjectId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			let payer = ensure_signed(origin)?;
			Self::do_pay_income(payer, project, amount)
		}

		/// Pays the caller the income pending for them in a project.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::claim(HOLDERS_BENCHMARKED))]
		pub fn claim(origin: OriginFor<T>, project: ProjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(project, who)
		}

		/// Pays `who` the income pending for them in a project. Anyone may call.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::claim(HOLDERS_BENCHMARKED))]
		pub fn claim_for(
			origin: OriginFor<T>,
			project: ProjectId,
			who: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim(project, who)
		}
	}
}
