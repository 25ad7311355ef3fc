//! The records the pallet stores, its genesis and the views its runtime API serves. (The
//! payloads wallets sign are in [`crate::signing`]: their path, `PalletCommonsSigning…` in
//! polkadot.js, is part of their public name.)

use alloc::vec::Vec;
use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use frame_support::{pallet_prelude::*, traits::fungible::Inspect, BoundedVec};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};
use sp_runtime::{traits::Saturating, FixedU128, Perbill};

use crate::Config;

/// Identifies a project. Assigned in creation order, from 0.
pub type ProjectId = u32;
/// Identifies a contribution, across all projects. Assigned in submission order, from 0.
pub type ContributionId = u64;
/// Index of a contribution kind in its project's value equation.
pub type KindIndex = u8;
/// An amount of a contribution kind, counted in the kind's unit (hours, currency units, ...).
pub type Quantity = u128;
/// Value units: a project's non-transferable shares.
pub type Units = u128;
/// A version of a value equation or review policy: 1 at creation, +1 per change.
pub type Version = u32;

/// The native balance type.
pub type BalanceOf<T> =
	<<T as Config>::Currency as Inspect<<T as frame_system::Config>::AccountId>>::Balance;
/// The block number type.
pub type BlockNumberOf<T> = frame_system::pallet_prelude::BlockNumberFor<T>;

/// A project's name.
pub type NameOf<T> = BoundedVec<u8, <T as Config>::MaxNameLen>;
/// A project's description, or the hash or URI of one.
pub type MetadataOf<T> = BoundedVec<u8, <T as Config>::MaxMetadataLen>;
/// Evidence of a contribution: a hash or a URI.
pub type EvidenceOf<T> = BoundedVec<u8, <T as Config>::MaxEvidenceLen>;
/// A reviewer's note.
pub type NoteOf<T> = BoundedVec<u8, <T as Config>::MaxNoteLen>;
/// A label: the name or the unit of a contribution kind.
pub type LabelOf<T> = BoundedVec<u8, <T as Config>::MaxLabelLen>;
/// A project's maintainers.
pub type MaintainersOf<T> =
	BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxMaintainers>;
/// The contribution kinds of a value equation.
pub type KindsOf<T> =
	BoundedVec<ContributionKind<LabelOf<T>, BalanceOf<T>, AssetIdOf<T>>, <T as Config>::MaxKinds>;

/// Whether a project takes contributions.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ProjectStatus {
	/// Takes contributions.
	Active,
	/// Closed by the project: no new contributions; units and unclaimed income remain.
	Closed,
}

/// A project: a commons with its own value rules.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Project<T: Config> {
	/// Who created the project and holds its deposit.
	pub creator: T::AccountId,
	/// The deposit held from the creator while the project is open.
	pub deposit: BalanceOf<T>,
	/// The project's name.
	pub name: NameOf<T>,
	/// A description, or the hash or URI of one.
	pub metadata: MetadataOf<T>,
	/// The maintainers: they may always review, and act for the project until its vote does.
	pub maintainers: MaintainersOf<T>,
	/// Open or closed.
	pub status: ProjectStatus,
	/// Value units issued, in total.
	pub total_units: Units,
	/// Accounts holding a non-zero number of units.
	pub holders: u32,
	/// Contributions awaiting a decision.
	pub pending: u32,
	/// The block the project was created in.
	pub created: BlockNumberOf<T>,
}

/// What accepting a contribution of a kind gives its contributor (see "Claim kinds" in the
/// crate docs).
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ClaimKind<Balance, AssetId = u32> {
	/// Value units at the credited rate: a share of future income.
	#[default]
	Equity,
	/// A debt the project owes the contributor, `price` per unit of quantity, repaid from the
	/// income policy's `Debts` bucket, oldest first, and retired when claimed in full; value
	/// units on top if the kind's rate is above zero.
	Reimbursable {
		/// Planck owed per unit of quantity.
		price: Balance,
	},
	/// A payment of `price` per unit of quantity from the project's treasury at acceptance
	/// (a bounty); what the treasury cannot pay becomes a debt, as for `Reimbursable`. Value
	/// units on top if the kind's rate is above zero.
	OneTime {
		/// Planck paid per unit of quantity.
		price: Balance,
	},
	/// As `Reimbursable`, priced and owed in `asset` (one the project accepts when the
	/// contribution is logged), and repaid only from income in it.
	ReimbursableIn {
		/// The asset it is owed in.
		asset: AssetId,
		/// Owed per unit of quantity, in the asset's smallest unit.
		price: Balance,
	},
	/// As `OneTime`, paid from the project's treasury in `asset` (owed in it if the treasury
	/// cannot pay).
	OneTimeIn {
		/// The asset it is paid in.
		asset: AssetId,
		/// Paid per unit of quantity, in the asset's smallest unit.
		price: Balance,
	},
}

impl<Balance: Copy, AssetId: Copy> ClaimKind<Balance, AssetId> {
	/// The price per unit of quantity of a kind that is paid in money, if it is.
	pub fn price(&self) -> Option<Balance> {
		match self {
			ClaimKind::Equity => None,
			ClaimKind::Reimbursable { price }
			| ClaimKind::OneTime { price }
			| ClaimKind::ReimbursableIn { price, .. }
			| ClaimKind::OneTimeIn { price, .. } => Some(*price),
		}
	}

	/// The asset a kind paid in money is paid in (`None`: the native currency, or equity).
	pub fn asset(&self) -> Option<AssetId> {
		match self {
			ClaimKind::ReimbursableIn { asset, .. } | ClaimKind::OneTimeIn { asset, .. } => {
				Some(*asset)
			},
			_ => None,
		}
	}
}

/// A kind of contribution and what one unit of it is worth.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct ContributionKind<Label, Balance, AssetId = u32> {
	/// What is contributed, e.g. `work`, `money`, `materials`, `design`, `code`.
	pub name: Label,
	/// The unit a quantity is counted in, e.g. `hour`, `EUR`, `kg`.
	pub unit: Label,
	/// Value units minted per unit of quantity; with a range, the lowest rate, credited
	/// unless the approving reviewers assess a higher one. Zero only for a kind paid in
	/// money (no units).
	pub rate: FixedU128,
	/// The highest rate reviewers may assess (`None`: the rate is fixed).
	pub max_rate: Option<FixedU128>,
	/// What acceptance gives: units, a debt, or a one-time payment.
	pub claim: ClaimKind<Balance, AssetId>,
}

impl<Label, Balance, AssetId> ContributionKind<Label, Balance, AssetId> {
	/// The highest rate a contribution of this kind may be credited at.
	pub fn highest_rate(&self) -> FixedU128 {
		self.max_rate.unwrap_or(self.rate)
	}
}

/// A versioned value equation: the kinds a project accepts and their rates.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct ValueEquation<T: Config> {
	/// 1 at creation, +1 with every change.
	pub version: Version,
	/// The kinds, addressed by their index.
	pub kinds: KindsOf<T>,
}

/// Who may review a project's contributions (besides its maintainers, who always may).
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ReviewerSet {
	/// Only maintainers.
	Maintainers,
	/// Holders of the project's value units (and maintainers).
	Holders,
	/// Any account.
	Anyone,
}

/// The rules by which a project's contributions are reviewed (see the outcome table in the
/// crate docs).
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct ReviewRules<BlockNumber> {
	/// Who may review.
	pub reviewers: ReviewerSet,
	/// Approvals needed for acceptance (N of M).
	pub min_approvals: u32,
	/// Share of the verdicts cast that must approve.
	pub threshold: Perbill,
	/// Blocks from submission until `finalize` may be called.
	pub review_period: BlockNumber,
	/// At the end of the period, accept a contribution that no reviewer rejected.
	pub optimistic: bool,
	/// Share of the minted units that is minted on top for the approving reviewers.
	pub reviewer_reward: Perbill,
}

/// A versioned review policy.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct ReviewPolicy<BlockNumber> {
	/// 1 at creation, +1 with every change.
	pub version: Version,
	/// The rules.
	pub rules: ReviewRules<BlockNumber>,
}

/// A reviewer's verdict.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Verdict {
	/// The contribution happened as claimed (or at the assessed quantity).
	Approve,
	/// The contribution should not be credited.
	Reject,
}

/// Where a contribution stands.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ContributionStatus {
	/// Awaiting review.
	Pending,
	/// Accepted: units were minted.
	Accepted {
		/// The quantity credited: the lower median of the approving assessments.
		assessed: Quantity,
		/// Units minted to the contributor.
		units: Units,
		/// Units minted to the approving reviewers, together.
		reviewer_units: Units,
		/// The value-equation version the contribution was valued under.
		equation_version: Version,
	},
	/// Rejected by its reviewers: the deposit went to the project's treasury.
	Rejected,
	/// Withdrawn by the contributor.
	Withdrawn,
	/// The review period ended without a decision.
	Expired,
	/// Accepted, then revoked by the project's vote (shown to be fraudulent): the units
	/// credited for it were burned; income already settled stays its holders'.
	Revoked {
		/// Units burned from the contributor and the approving reviewers, together.
		burned: Units,
	},
}

impl ContributionStatus {
	/// Whether the contribution still awaits a decision.
	pub fn is_pending(&self) -> bool {
		matches!(self, ContributionStatus::Pending)
	}
}

/// A logged contribution.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Contribution<T: Config> {
	/// The project credited.
	pub project: ProjectId,
	/// Who did the work and receives the units.
	pub contributor: T::AccountId,
	/// Who paid the deposit: the contributor, or the relayer of a wallet-signed contribution.
	pub depositor: T::AccountId,
	/// The deposit still held (zero once released or forfeited).
	pub deposit: BalanceOf<T>,
	/// The kind, an index into the value equation.
	pub kind: KindIndex,
	/// The terms of its kind in the value equation in force at submission, which value it.
	pub valuation: Valuation<BalanceOf<T>, AssetIdOf<T>>,
	/// The quantity claimed, in the kind's unit.
	pub quantity: Quantity,
	/// A hash or URI of the evidence.
	pub evidence: EvidenceOf<T>,
	/// The block it was submitted in.
	pub submitted: BlockNumberOf<T>,
	/// The review rules in force at submission, and their version.
	pub policy: ReviewPolicy<BlockNumberOf<T>>,
	/// Approving reviewers with the quantity each assessed (the claim if none was given); once
	/// accepted, those who earned the reviewers' reward first.
	pub approvals: BoundedVec<Approval<T::AccountId>, T::MaxReviewers>,
	/// Number of rejections.
	pub rejections: u32,
	/// Where it stands.
	pub status: ContributionStatus,
	/// The block it was decided in, if it was.
	pub decided: Option<BlockNumberOf<T>>,
}

impl<T: Config> Contribution<T> {
	/// The block from which `finalize` may be called.
	pub fn review_ends(&self) -> BlockNumberOf<T> {
		self.submitted.saturating_add(self.policy.rules.review_period)
	}

	/// What a wallet-signed attestation of it binds ([`crate::signing::content_hash`]).
	pub fn content_hash(&self) -> [u8; 32] {
		crate::signing::content_hash(self.project, self.kind, self.quantity, &self.evidence)
	}
}

/// What values a contribution: the terms of its kind in the value equation in force when it
/// was submitted.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Valuation<Balance, AssetId = u32> {
	/// The equation's version.
	pub version: Version,
	/// Value units per unit of the contribution's kind: the lowest rate of its range.
	pub rate: FixedU128,
	/// The highest rate reviewers may assess (equal to `rate` for a fixed rate).
	pub max_rate: FixedU128,
	/// What acceptance gives.
	pub claim: ClaimKind<Balance, AssetId>,
}

/// An approving reviewer and what they assessed.
#[derive(
	Clone, Encode, Decode, DecodeWithMemTracking, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen,
)]
pub struct Approval<AccountId> {
	/// Who approved.
	pub reviewer: AccountId,
	/// The quantity they assessed (the claim if they gave none).
	pub assessed: Quantity,
	/// The rate they assessed (the kind's lowest rate if they gave none).
	pub rate: FixedU128,
}

/// One reviewer's attestation of a contribution.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Attestation<T: Config> {
	/// Approve or reject.
	pub verdict: Verdict,
	/// The quantity the reviewer assessed, if not the claim.
	pub assessed_quantity: Option<Quantity>,
	/// A note (empty for wallet-signed attestations).
	pub note: NoteOf<T>,
	/// The block it counted in.
	pub at: BlockNumberOf<T>,
	/// Whether it was signed off-chain and relayed.
	pub relayed: bool,
}

/// A value-unit holding, with its income checkpoint.
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Holding<Balance, BlockNumber> {
	/// Units held.
	pub units: Units,
	/// The block from which the account has held units without interruption.
	pub member_since: BlockNumber,
	/// The project's income per unit when this holding was last settled.
	pub income_checkpoint: IncomePerUnit,
	/// Income settled but not yet claimed, in planck.
	pub unclaimed: Balance,
	/// The fraction of a planck settled but not yet payable, scaled by [`INCOME_PRECISION`].
	pub income_remainder: u128,
}

/// Income per value unit, scaled by [`INCOME_PRECISION`].
pub type IncomePerUnit = u128;
/// The scale of [`IncomePerUnit`]: 10^12.
pub const INCOME_PRECISION: u128 = 1_000_000_000_000;

/// Where a bucket of an income policy pays.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum BucketTarget {
	/// The project's treasury (spent by its vote).
	Treasury,
	/// A project this one builds on: paid to that project's holders.
	Upstream(ProjectId),
	/// The project's outstanding debts, oldest first (at most what is still owed).
	Debts,
}

/// One bucket of an income policy: a share of each payment, and where it goes.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Bucket {
	/// Where it pays.
	pub to: BucketTarget,
	/// Its share of each payment (above zero).
	pub share: Perbill,
}

/// Most buckets of an income policy: the treasury, the debts and every upstream project
/// ([`Config::MaxUpstreams`] + 2).
pub struct BucketsBound<T>(core::marker::PhantomData<T>);

impl<T: Config> Get<u32> for BucketsBound<T> {
	fn get() -> u32 {
		T::MaxUpstreams::get().saturating_add(2)
	}
}

/// The buckets of an income policy, in the order they are paid.
pub type BucketsOf<T> = BoundedVec<Bucket, BucketsBound<T>>;

/// How a project splits the income paid to it: the buckets in order, each taking its share of
/// a payment (and what the buckets before it could not use), the rest to the holders (see
/// "Income" in the crate docs).
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct IncomePolicy<T: Config> {
	/// 0 for the default policy (everything to the holders), +1 with every change.
	pub version: Version,
	/// The buckets, in order; their shares add up to at most 100%.
	pub buckets: BucketsOf<T>,
}

impl<T: Config> Default for IncomePolicy<T> {
	fn default() -> Self {
		Self { version: 0, buckets: Default::default() }
	}
}

/// Upstream projects and their shares.
pub type UpstreamOf<T> = BoundedVec<(ProjectId, Perbill), <T as Config>::MaxUpstreams>;

/// A debt a project owes for an accepted contribution, repaid oldest first: its place in the
/// queue is `start`, the project's debts owed in all when it was recorded (see "Debts" in the
/// crate docs).
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Debt<AccountId, Balance> {
	/// The project that owes it.
	pub project: ProjectId,
	/// Who is paid: the contributor (the project's treasury once the contribution is revoked).
	pub creditor: AccountId,
	/// What is owed in all.
	pub amount: Balance,
	/// The project's cumulative debts owed before this one.
	pub start: Balance,
	/// Paid out to the creditor so far.
	pub claimed: Balance,
}

/// A project's debt accounting: debts are repaid in the order they were recorded.
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct DebtLedger<Balance> {
	/// Debts recorded, in all (each debt's `start` is this sum before it).
	pub owed: Balance,
	/// Paid into the debts, in all (never more than `owed`).
	pub repaid: Balance,
	/// Paid out to creditors, in all.
	pub claimed: Balance,
}

/// The income accounting of a project (see the crate docs for the formula).
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct IncomeState<Balance> {
	/// Accumulated income per unit, scaled by [`INCOME_PRECISION`].
	pub income_per_unit: IncomePerUnit,
	/// What rounding left of earlier payments, carried into the next, scaled by
	/// [`INCOME_PRECISION`] (always below the project's total units).
	pub carried: u128,
	/// Paid into the pot for holders, in total.
	pub distributed: Balance,
	/// Claimed from the pot, in total.
	pub claimed: Balance,
}

// ---------------------------------------------------------------------------------------------
// Assets: income in other currencies
// ---------------------------------------------------------------------------------------------

/// The id of an asset of `pallet-assets`.
pub type AssetIdOf<T> = <T as Config>::AssetId;

/// An asset on a project's list: the assets it has accepted, in the order it first accepted
/// them (entries are never removed, so that holders' slots keep their place).
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct ProjectAsset<AssetId> {
	/// The asset, registered by the chain's vote.
	pub asset: AssetId,
	/// Whether the project takes income in it now. One it no longer accepts stays on the
	/// list: its holders claim what they were paid in it.
	pub accepting: bool,
}

/// The assets a project has accepted.
pub type ProjectAssetsOf<T> =
	BoundedVec<ProjectAsset<AssetIdOf<T>>, <T as Config>::MaxProjectAssets>;
/// A list of assets, at most as many as a project may accept.
pub type AssetListOf<T> = BoundedVec<AssetIdOf<T>, <T as Config>::MaxProjectAssets>;

/// A holder's income in one asset of a project: the same settlement as the native
/// [`Holding`], with the units of the holding.
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct AssetSlot<Balance> {
	/// The asset's income per unit when the slot was last settled (a slot not yet stored
	/// reads as zero: its holding has not changed since the asset was first accepted).
	pub checkpoint: IncomePerUnit,
	/// Income settled but not yet claimed.
	pub unclaimed: Balance,
	/// The fraction settled but not yet payable, scaled by [`INCOME_PRECISION`].
	pub remainder: u128,
}

/// A holder's slots, one per asset on the project's list, in its order.
pub type AssetSlotsOf<T> = BoundedVec<AssetSlot<BalanceOf<T>>, <T as Config>::MaxProjectAssets>;

/// An asset the chain's vote registered, and its terms.
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct RegisteredAsset<Balance> {
	/// The most one contribution may be owed or paid in it, in its smallest unit.
	pub max_debt: Balance,
}

/// What a project holds in one asset (`CommonsApi::project_assets`).
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ProjectAssetView<AssetId, Balance> {
	/// The asset.
	pub asset: AssetId,
	/// Whether the project takes income in it now.
	pub accepting: bool,
	/// What its treasury holds in it.
	pub treasury: Balance,
	/// Income in it from downstream, not yet forwarded.
	pub inbox: Balance,
	/// Paid to its holders in it, in all.
	pub distributed: Balance,
	/// Claimed by its holders, in all.
	pub claimed: Balance,
	/// What it owes in the asset: owed, repaid and claimed in all.
	pub debts: DebtLedger<Balance>,
}

// ---------------------------------------------------------------------------------------------
// Governance
// ---------------------------------------------------------------------------------------------

/// Identifies a proposal. Assigned in creation order, from 0.
pub type ProposalId = u32;
/// An epoch of voice credits: block number / [`Config::EpochLength`].
pub type Epoch = u32;
/// Voice credits: `n` votes cost `n²`.
pub type Credits = u32;

/// What a proposal governs.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Ord,
	PartialOrd,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum Scope {
	/// A project: a passed proposal is dispatched with the project's origin.
	Project(ProjectId),
	/// The whole chain: a passed proposal is dispatched with Root.
	Chain,
}

/// How members get voice credits each epoch.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub enum Budget {
	/// Every member gets the same credits (classic quadratic voting).
	Equal(Credits),
	/// `min + (max − min) × the member's share of the project's units at the epoch's start`:
	/// grows with the share, capped at `max`. Project scope only.
	ByShare {
		/// Credits of a member with no units at the epoch's start (above zero: members of other
		/// chambers must be able to vote).
		min: Credits,
		/// Credits of a member holding every unit.
		max: Credits,
	},
}

/// How a scope votes.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GovernanceParams<BlockNumber> {
	/// Voice credits per member per epoch.
	pub budget: Budget,
	/// Share of the members that must vote (distinct voters), in the default chamber of
	/// value-unit holders.
	pub quorum: Perbill,
	/// Blocks during which a proposal takes votes (at most [`Config::MaxVotingPeriod`]).
	pub voting_period: BlockNumber,
	/// Blocks from `close` to the dispatch of a passed proposal's call.
	pub enactment_delay: BlockNumber,
	/// Least distinct voters a proposal needs to pass, whatever the share: a quorum share
	/// alone lets two of three members decide (at least 1).
	pub min_voters: u32,
}

/// The least governance parameters of projects, set by the chain's vote.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GovernanceFloor<BlockNumber> {
	/// Shortest voting period.
	pub voting_period: BlockNumber,
	/// Shortest enactment delay.
	pub enactment_delay: BlockNumber,
	/// Least quorum share, of the default chamber and of every chamber.
	pub quorum: Perbill,
	/// Least `min_voters`.
	pub min_voters: u32,
}

impl<BlockNumber: Copy + Ord> GovernanceFloor<BlockNumber> {
	/// Whether `params` are at or above the floor.
	pub fn admits(&self, params: &GovernanceParams<BlockNumber>) -> bool {
		params.voting_period >= self.voting_period
			&& params.enactment_delay >= self.enactment_delay
			&& params.quorum >= self.quorum
			&& params.min_voters >= self.min_voters
	}

	/// `params` raised to the floor where they are below it.
	pub fn raise(&self, params: GovernanceParams<BlockNumber>) -> GovernanceParams<BlockNumber> {
		GovernanceParams {
			budget: params.budget,
			quorum: params.quorum.max(self.quorum),
			voting_period: params.voting_period.max(self.voting_period),
			enactment_delay: params.enactment_delay.max(self.enactment_delay),
			min_voters: params.min_voters.max(self.min_voters),
		}
	}
}

/// The chain's rules for who is a member, set by its vote
/// ([`set_membership_rules`](crate::Pallet::set_membership_rules)).
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MembershipRules<Balance, BlockNumber> {
	/// Whole epochs of voice credits, after the epoch it joined in, an account must have held
	/// units in a recognised project before it votes on the chain's proposals, counts in their quorum and earns reviewers'
	/// rewards in a recognised project (at most [`Config::MaxTenure`]). 0: from the block after it first held them.
	/// Holdings from genesis (the founders') are past any tenure.
	pub tenure: u32,
	/// The least `min_paid` of a project's `Payers` chamber: what an account must have paid a
	/// project in all to be a member of that chamber.
	pub min_paid: Balance,
	/// The least review policy of a project the chain recognises.
	pub review: ReviewFloor<BlockNumber>,
}

/// The least review policy of a project the chain recognises: a project whose review admits
/// Sybils would admit them to the chain.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
	Serialize,
	Deserialize,
)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ReviewFloor<BlockNumber> {
	/// Least approvals a contribution needs.
	pub min_approvals: u32,
	/// Least share of the verdicts that must approve.
	pub threshold: Perbill,
	/// Shortest review period.
	pub review_period: BlockNumber,
	/// Whether a recognised project may accept work nobody reviewed (optimistic acceptance).
	pub optimistic: bool,
	/// Whether a recognised project may let anyone review (not only holders and maintainers).
	pub open_review: bool,
}

impl<BlockNumber: Copy + Ord> ReviewFloor<BlockNumber> {
	/// Whether review `rules` are at or above the floor.
	pub fn admits(&self, rules: &ReviewRules<BlockNumber>) -> bool {
		rules.min_approvals >= self.min_approvals
			&& rules.threshold >= self.threshold
			&& rules.review_period >= self.review_period
			&& (self.optimistic || !rules.optimistic)
			&& (self.open_review || rules.reviewers != ReviewerSet::Anyone)
	}
}

/// What an account paid a project, and whether that made it a member of the project's
/// `Payers` chamber.
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct Payer<Balance, BlockNumber> {
	/// Income it paid the project in all (payments below the existential deposit do not count
	/// and leave no record).
	pub paid: Balance,
	/// The block in which `paid` first reached the project's `min_paid`: a member of its
	/// `Payers` chamber from then on (`None`: not yet).
	pub member_since: Option<BlockNumber>,
}

/// An account on a project's list (its `Listed` chamber) and the deposit that keeps it there.
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct ListEntry<AccountId, Balance, BlockNumber> {
	/// The block it was listed in.
	pub since: BlockNumber,
	/// Who holds the deposit: the project's treasury, or the maintainer who listed it while
	/// the maintainers acted for the project.
	pub depositor: AccountId,
	/// The deposit, held until the entry is removed.
	pub deposit: Balance,
}

/// Where the project's vote moved an account's units ([`crate::UnitMoves`]), so that a later
/// revocation follows them.
#[derive(
	Clone,
	frame_support::DefaultNoBound,
	Encode,
	Decode,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct MoveRecord<AccountId> {
	/// The account the units moved to, while this account holds none of them again.
	pub moved_to: Option<AccountId>,
	/// How many moves led into this account's units, through any chain of moves (at most
	/// [`Config::MaxMoveHops`]): a chain of moves is never longer, so following one is bounded.
	pub depth: u32,
}

/// Rewarded reviews of a reviewer in a project in an epoch (at most
/// [`Config::MaxRewardedReviews`]).
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct RewardedReviews {
	/// The epoch counted.
	pub epoch: Epoch,
	/// Reviews rewarded in it.
	pub count: u32,
}

/// How many epochs of joiners each project keeps count of: [`Config::MaxTenure`] + 1.
pub struct TenureWindow<T>(core::marker::PhantomData<T>);

impl<T: Config> Get<u32> for TenureWindow<T> {
	fn get() -> u32 {
		T::MaxTenure::get().saturating_add(1)
	}
}

/// Holders of a project by the epoch they became holders in, for the epochs a tenure may
/// reach back to (genesis holdings apart).
pub type RecentHoldersOf<T> = BoundedVec<(Epoch, u32), TenureWindow<T>>;

/// Who belongs to a stakeholder chamber.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ChamberRule {
	/// Holders of the project's value units.
	Holders,
	/// Accounts that paid the project income.
	Payers,
	/// The project's maintainers.
	Maintainers,
	/// Accounts on the list the project keeps (`set_chamber_member`).
	Listed,
}

/// A stakeholder chamber of a project: a proposal passes only if it passes in every chamber.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Chamber {
	/// Who belongs.
	pub rule: ChamberRule,
	/// Share of its members that must vote (distinct voters).
	pub quorum: Perbill,
}

/// The chambers of a project.
pub type ChambersOf<T> = BoundedVec<Chamber, <T as Config>::MaxChambers>;

/// A chamber's tally of a proposal.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Tally {
	/// Votes for (votes, not credits).
	pub ayes: u64,
	/// Votes against.
	pub nays: u64,
	/// Distinct voters.
	pub voters: u32,
	/// Members of the chamber when the proposal was created.
	pub members: u32,
}

impl Tally {
	/// Whether the chamber approves: it had members when the proposal was made, more ayes
	/// than nays, and at least `⌈quorum × members⌉` distinct voters (at least one).
	pub fn approves(&self, quorum: Perbill) -> bool {
		self.members > 0 && self.ayes > self.nays && self.turned_out(quorum)
	}

	/// Whether at least `⌈quorum × members⌉` distinct members (at least one) voted.
	pub fn turned_out(&self, quorum: Perbill) -> bool {
		self.voters >= quorum.mul_ceil(self.members).max(1)
	}

	/// Removes a vote (if any) and adds another (if any).
	pub fn retally<B>(&mut self, old: Option<&Vote<B>>, new: Option<&Vote<B>>) {
		if let Some(v) = old {
			let side = if v.aye { &mut self.ayes } else { &mut self.nays };
			*side = side.saturating_sub(u64::from(v.votes));
			self.voters = self.voters.saturating_sub(1);
		}
		if let Some(v) = new {
			let side = if v.aye { &mut self.ayes } else { &mut self.nays };
			*side = side.saturating_add(u64::from(v.votes));
			self.voters = self.voters.saturating_add(1);
		}
	}
}

/// Where a proposal stands.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub enum ProposalStatus<BlockNumber> {
	/// Taking votes until its `ends` block, included.
	Open,
	/// Withdrawn by its proposer before any vote.
	Cancelled,
	/// Passed: its call is dispatched at `enactment` (the scheduler's `Dispatched` event
	/// records the result).
	Passed {
		/// The block the call is dispatched in.
		enactment: BlockNumber,
	},
	/// Did not pass.
	Failed,
	/// Its call no longer decoded after a runtime upgrade changed the call's encoding: the
	/// upgrade's migration took it off the vote (deposit released) or off the agenda.
	Voided,
}

/// A member's vote on a proposal: `votes` for or against, costing `votes²` credits.
#[derive(
	Clone,
	Copy,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct Vote<Balance> {
	/// For or against.
	pub aye: bool,
	/// Number of votes (not credits).
	pub votes: u32,
	/// The chambers the voter counts in, a bit each (bit `i`: chamber `i`).
	pub chambers: u8,
	/// Held from the voter until the record is removed ([`Config::VoteDeposit`]; zero for
	/// votes cast before version 5).
	pub deposit: Balance,
}

impl<Balance> Vote<Balance> {
	/// The voice credits the vote costs: `votes²`.
	pub fn cost(&self) -> Option<Credits> {
		self.votes.checked_mul(self.votes)
	}
}

/// A member's voice credits in one scope and epoch.
#[derive(
	Clone,
	Copy,
	Default,
	Encode,
	Decode,
	DecodeWithMemTracking,
	Eq,
	PartialEq,
	Debug,
	TypeInfo,
	MaxEncodedLen,
)]
pub struct CreditAccount {
	/// Credits for the epoch, fixed at the member's first vote in it.
	pub budget: Credits,
	/// Credits spent on votes of the scope's proposals created in the epoch.
	pub spent: Credits,
}

/// A bounded runtime call: inline, or the hash and length of a preimage (pallet-preimage).
pub type BoundedCallOf<T> = frame_support::traits::Bounded<
	<T as Config>::RuntimeCall,
	<T as frame_system::Config>::Hashing,
>;
/// A proposal's description, or the hash or URI of one.
pub type DescriptionOf<T> = BoundedVec<u8, <T as Config>::MaxMetadataLen>;
/// The chambers of a proposal with their tallies.
pub type ProposalChambersOf<T> = BoundedVec<(Chamber, Tally), <T as Config>::MaxChambers>;
/// The projects the chain recognises.
pub type RecognisedOf<T> = BoundedVec<ProjectId, <T as Config>::MaxRecognised>;

/// A proposal.
#[derive(
	CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo, MaxEncodedLen,
)]
#[scale_info(skip_type_params(T))]
#[codec(mel_bound())]
pub struct Proposal<T: Config> {
	/// What it governs.
	pub scope: Scope,
	/// Who proposed it and pays its deposit.
	pub proposer: T::AccountId,
	/// The deposit held while it is open (zero afterwards).
	pub deposit: BalanceOf<T>,
	/// The call dispatched if it passes.
	pub call: BoundedCallOf<T>,
	/// What it is about.
	pub description: DescriptionOf<T>,
	/// The block it was created in: the membership snapshot.
	pub created: BlockNumberOf<T>,
	/// The epoch its votes are charged to.
	pub epoch: Epoch,
	/// The last block in which votes count.
	pub ends: BlockNumberOf<T>,
	/// Each chamber, its quorum and its tally (one chamber of holders unless the project
	/// defines chambers).
	pub chambers: ProposalChambersOf<T>,
	/// Vote records on it (removed lazily after it closes).
	pub votes: u32,
	/// Where it stands.
	pub status: ProposalStatus<BlockNumberOf<T>>,
	/// The rejected contribution it appeals, if it is an appeal.
	pub appeal: Option<ContributionId>,
	/// The project's maintainers when it was created, if one of its chambers is the
	/// maintainers (empty otherwise): who may vote in that chamber.
	pub maintainers: MaintainersOf<T>,
	/// The projects the chain recognised when it was created (chain scope; empty otherwise):
	/// their holders are the chain's voters on it.
	pub recognised: RecognisedOf<T>,
	/// Least distinct voters it needs to pass (the scope's `min_voters` when it was created).
	pub min_voters: u32,
	/// The block of its last vote (of its creation before any): an early close waits the
	/// scope's enactment delay after it, so that the other side can answer the last vote.
	pub last_vote: BlockNumberOf<T>,
	/// Whole epochs a voter must have held units in a recognised project before its epoch
	/// (chain scope: the chain's tenure when it was created; 0 otherwise).
	pub tenure: u32,
}

/// Who may vote on a proposal made now in a scope (what the proposal records).
pub struct Electorate<T: Config> {
	/// The chambers with their member counts.
	pub chambers: ProposalChambersOf<T>,
	/// The maintainers, if they are one of the chambers.
	pub maintainers: MaintainersOf<T>,
	/// The projects the chain recognises (chain scope).
	pub recognised: RecognisedOf<T>,
	/// The scope's least number of voters.
	pub min_voters: u32,
	/// The chain's tenure (chain scope; 0 otherwise).
	pub tenure: u32,
}

impl<T: Config> Proposal<T> {
	/// Whether at least `min_voters` (and at least one) distinct members voted.
	fn enough_voters(&self) -> bool {
		self.votes >= self.min_voters.max(1)
	}

	/// Whether at least one of its chambers had members when it was made.
	fn had_members(&self) -> bool {
		self.chambers.iter().any(|(_, t)| t.members > 0)
	}

	/// Whether it passes on the votes cast: at least `min_voters` distinct voters, at least
	/// one chamber that had members when it was made, and every chamber that had members
	/// approves. A chamber with no members (an empty list, no payers yet) has nobody to
	/// consent and does not block; a proposal nobody could vote on never passes.
	pub fn passes(&self) -> bool {
		self.enough_voters()
			&& self.had_members()
			&& self
				.chambers
				.iter()
				.all(|(chamber, tally)| tally.members == 0 || tally.approves(chamber.quorum))
	}

	/// Whether enough members turned out, whatever they voted: `min_voters` in all and, in
	/// every chamber that had members, its quorum. A proposal that fails without it forfeits
	/// part of its deposit.
	pub fn reached_quorum(&self) -> bool {
		self.enough_voters()
			&& self.had_members()
			&& self
				.chambers
				.iter()
				.all(|(chamber, tally)| tally.members == 0 || tally.turned_out(chamber.quorum))
	}

	/// The outcome if no remaining vote can change it, with the votes cast counting as cast:
	/// `Some(true)` once it passes even if every member who has not voted cast `max_votes`
	/// against it, `Some(false)` once it fails even if they all cast `max_votes` for it, `None`
	/// while the remaining members could still decide it. (`max_votes`: the most votes one
	/// member's budget buys.) A member of several chambers, or of two recognised projects, is
	/// counted in each: the remaining members are overestimated, never under.
	pub fn certain_outcome(&self, max_votes: u64) -> Option<bool> {
		let remaining = |t: &Tally| u64::from(t.members.saturating_sub(t.voters));
		if !self.had_members() {
			return Some(false);
		}
		let could_join =
			self.chambers.iter().fold(0u64, |n, (_, t)| n.saturating_add(remaining(t)));
		if u64::from(self.votes).saturating_add(could_join) < u64::from(self.min_voters.max(1)) {
			return Some(false);
		}
		let mut sure_to_pass = self.enough_voters();
		for (chamber, t) in self.chambers.iter().filter(|(_, t)| t.members > 0) {
			let swing = remaining(t).saturating_mul(max_votes);
			if t.ayes.saturating_add(swing) <= t.nays {
				return Some(false);
			}
			sure_to_pass &= t.approves(chamber.quorum) && t.ayes > t.nays.saturating_add(swing);
		}
		sure_to_pass.then_some(true)
	}
}

/// Units held at the start of epochs, recorded at the first change in an epoch, so that
/// budgets do not move with minting during a vote.
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo, MaxEncodedLen)]
pub struct UnitsMark {
	/// The latest epoch in which the units changed.
	pub epoch: Epoch,
	/// The units at its start.
	pub before: Units,
	/// The epoch of the change before that (0 if none is known).
	pub prev_epoch: Epoch,
	/// The units at its start.
	pub prev_before: Units,
}

impl UnitsMark {
	/// Records that the units (`current`) change in `epoch`.
	pub fn note_change(mark: Option<Self>, epoch: Epoch, current: Units) -> Self {
		match mark {
			Some(m) if m.epoch == epoch => m,
			Some(m) => Self { epoch, before: current, prev_epoch: m.epoch, prev_before: m.before },
			None => Self { epoch, before: current, prev_epoch: 0, prev_before: current },
		}
	}

	/// The units at the start of `epoch`, with `current` units now; `None` if no longer known
	/// (two changes in later epochs).
	pub fn at_start(mark: Option<Self>, epoch: Epoch, current: Units) -> Option<Units> {
		let Some(m) = mark else { return Some(current) };
		if m.epoch < epoch {
			Some(current)
		} else if m.epoch == epoch {
			Some(m.before)
		} else if m.prev_epoch == epoch {
			Some(m.prev_before)
		} else if m.prev_epoch < epoch {
			Some(m.before)
		} else {
			None
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Genesis
// ---------------------------------------------------------------------------------------------

/// The founding project of a new chain: recognised by the chain, so that its value-unit
/// holders are the chain's first members.
#[derive(Clone, Eq, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FoundingProject<AccountId> {
	/// Who pays its deposit and maintains it.
	pub creator: AccountId,
	/// Its name (cut to [`Config::MaxNameLen`]).
	pub name: Vec<u8>,
}

/// An asset registered at genesis (as [`Pallet::register_asset`] does), with the balances
/// it starts with.
#[derive(Clone, Eq, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisAsset<AssetId, AccountId> {
	/// Its id in `pallet-assets`.
	pub id: AssetId,
	/// Its minimum balance (above zero).
	pub min_balance: u128,
	/// The most one contribution may be owed or paid in it.
	pub max_debt: u128,
	/// Accounts and what they hold of it.
	pub balances: Vec<(AccountId, u128)>,
}

/// A founder's value units in the founding project, at genesis.
#[derive(Clone, Eq, PartialEq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Founder<AccountId> {
	/// The founder.
	pub who: AccountId,
	/// Their value units.
	pub units: Units,
}

// ---------------------------------------------------------------------------------------------
// Runtime API views
// ---------------------------------------------------------------------------------------------

/// A project with its current value equation and review policy (`CommonsApi::project`).
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct ProjectView<T: Config> {
	/// The project.
	pub project: Project<T>,
	/// Its current value equation.
	pub equation: ValueEquation<T>,
	/// Its current review policy.
	pub policy: ReviewPolicy<BlockNumberOf<T>>,
}

/// A reviewer's attestation, as the runtime API shows it.
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct ReviewerAttestation<T: Config> {
	/// The reviewer.
	pub reviewer: T::AccountId,
	/// Their attestation.
	pub attestation: Attestation<T>,
}

/// A contribution with its attestations (`CommonsApi::contribution`).
#[derive(CloneNoBound, Encode, Decode, EqNoBound, PartialEqNoBound, DebugNoBound, TypeInfo)]
#[scale_info(skip_type_params(T))]
pub struct ContributionView<T: Config> {
	/// The contribution.
	pub contribution: Contribution<T>,
	/// Its attestations (at most [`Config::MaxReviewers`]).
	pub attestations: Vec<ReviewerAttestation<T>>,
}

/// An account's value units in a project (`CommonsApi::units`).
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct UnitsView {
	/// The account's units.
	pub units: Units,
	/// The project's units in total.
	pub total: Units,
	/// The account's share: its units over the total.
	pub share: Perbill,
}

/// What makes an account a member of a project's chambers and of the chain now
/// (`CommonsApi::membership`).
#[derive(Clone, Copy, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct MembershipView<Balance> {
	/// What the project asks of a payer in all: its `min_paid` raised to the chain's.
	pub min_paid: Balance,
	/// What the account paid the project in all (payments of at least the existential
	/// deposit).
	pub paid: Balance,
	/// Whether it is a member of the project's `Payers` chamber.
	pub payer: bool,
	/// Whether it is on the project's list (its `Listed` chamber).
	pub listed: bool,
	/// Whether it holds units in the project.
	pub holder: bool,
	/// Whether it would vote on a chain proposal made now: a holder past the chain's tenure
	/// in a project the chain recognises.
	pub chain_member: bool,
	/// The chain's tenure, in epochs.
	pub tenure: u32,
}

/// A page of contributions an account may review (`CommonsApi::reviewable`).
#[derive(Clone, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ReviewablePage {
	/// Contributions the account may still review, in id order.
	pub contributions: Vec<ContributionId>,
	/// The cursor of the next page (`None`: the end is reached).
	pub next: Option<ContributionId>,
}

/// A debt with what is repaid of it (`CommonsApi::debts`).
#[derive(Clone, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct DebtView<AccountId, Balance, AssetId = u32> {
	/// The contribution it is owed for.
	pub contribution: ContributionId,
	/// The asset it is owed in (`None`: the native currency).
	pub asset: Option<AssetId>,
	/// The debt.
	pub debt: Debt<AccountId, Balance>,
	/// Repaid so far: `clamp(repaid − start, 0, amount)` of the project's ledger.
	pub repaid: Balance,
	/// What the creditor can claim now: repaid less claimed.
	pub claimable: Balance,
}

/// What a contribution would earn if accepted now (`CommonsApi::preview_contribution`).
#[derive(Clone, Copy, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct ContributionPreview<Balance, AssetId = u32> {
	/// The value-equation version it would be valued under.
	pub equation_version: Version,
	/// The asset its debt or bounty is in (`None`: the native currency).
	pub asset: Option<AssetId>,
	/// Units to the contributor at the kind's lowest rate.
	pub units: Units,
	/// Units to the contributor at the kind's highest rate.
	pub max_units: Units,
	/// The reviewers' reward on top of `units`, shared by the approvers.
	pub reviewer_units: Units,
	/// What the project would owe (a reimbursable kind).
	pub debt: Balance,
	/// What the treasury would pay at acceptance (a one-time kind), if it can now; the rest is
	/// in `debt`.
	pub paid: Balance,
}

/// How a payment would be split now (`CommonsApi::preview_payment`), and how one was
/// (`IncomePaid`).
#[derive(Clone, Default, Encode, Decode, Eq, PartialEq, Debug, TypeInfo)]
pub struct IncomeSplit<Balance> {
	/// To the project's treasury (including what had no holders to go to).
	pub treasury: Balance,
	/// To each upstream project, split there by its own policy (the next hop).
	pub upstream: Vec<(ProjectId, Balance)>,
	/// To the project's debts.
	pub debts: Balance,
	/// To the project's holders.
	pub holders: Balance,
}

impl<Balance: Copy + sp_runtime::Saturating + Default> IncomeSplit<Balance> {
	/// What goes to the upstream projects in all.
	pub fn upstream_total(&self) -> Balance {
		self.upstream
			.iter()
			.fold(Balance::default(), |total, (_, part)| total.saturating_add(*part))
	}
}

// ---------------------------------------------------------------------------------------------
// Internal
// ---------------------------------------------------------------------------------------------

/// A contribution that passed the checks for one reviewer's attestation.
pub(crate) struct Checked<T: Config> {
	/// Its id.
	pub id: ContributionId,
	/// The contribution.
	pub contribution: Contribution<T>,
	/// Its project's maintainers.
	pub maintainers: MaintainersOf<T>,
	/// Its project's value-unit holders.
	pub holders: u32,
}

/// What a reviewer assessed, where they did not approve the claim as it stands.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub(crate) struct Assessment {
	/// The quantity, if lower than the claim.
	pub quantity: Option<Quantity>,
	/// The rate, if not the kind's lowest.
	pub rate: Option<FixedU128>,
}

/// What the verdicts so far decide.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Decision {
	/// Accept the contribution.
	Accept,
	/// Reject it.
	Reject,
	/// Wait for more verdicts.
	Undecided,
}

/// What counting one attestation decided, for its weight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Decided {
	/// It left the contribution pending.
	#[default]
	Nothing,
	/// It accepted the contribution, which had `approvals` approvals: units minted to the
	/// contributor and to the approvers rewarded.
	Accepted {
		/// The contribution's approvals, this one included.
		approvals: u32,
	},
	/// It rejected the contribution (charged as the heaviest acceptance: never measured
	/// apart).
	Rejected,
}

/// What counting one attestation did, for its weight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AttestationOutcome {
	/// What it decided.
	pub decided: Decided,
	/// Maintainers' attestations read to count who may still review.
	pub read: u32,
}

/// What counting a batch of relayed attestations did, for its weight.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RelayOutcome {
	/// Attestations that decided their contributions.
	pub decided: u32,
	/// Maintainers' attestations read, over all of them.
	pub read: u32,
	/// What deciding added to those attestations, over all of them (see
	/// `Pallet::deciding_weight`).
	pub deciding: Weight,
}
