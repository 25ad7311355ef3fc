//! The runtime API of `pallet-commons`: derived data for clients.
//!
//! From polkadot.js: `api.call.commonsApi.project(id)`, `.units(project, who)`,
//! `.contribution(id)`, `.pendingIncome(project, who)`, `.income(project)`, `.reviewable(project, who, cursor, limit)`,
//! `.attestationPayload(contribution, verdict, assessedQuantity, expiresAt)`,
//! `.membership(project, who)`, `.debts(project, who)`, `.debtLedger(project)`,
//! `.previewContribution(project, kind, quantity)`, `.previewPayment(project, amount)`,
//! `.attestationPayloadAssessing(...)`, `.projectAssets(project)`,
//! `.pendingIncomeIn(project, asset, who)`, `.previewPaymentIn(project, asset, amount)`. Every
//! type is
//! described in the metadata.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use pallet_commons::{
	ContributionId, ContributionPreview, DebtLedger, DebtView, IncomeSplit, IncomeState, KindIndex,
	MembershipView, ProjectAssetView, ProjectId, Quantity, ReviewablePage, UnitsView, Verdict,
};
use sp_runtime::FixedU128;

sp_api::decl_runtime_apis! {
	/// Projects, value units, contributions and signing payloads of `pallet-commons`.
	///
	/// Version 2: every answer is a named struct (`UnitsView`, `ReviewablePage`, and the
	/// runtime's `ProjectView` and `ContributionView`), so clients see field names.
	/// Version 3: `membership`.
	/// Version 4: claim kinds and buckets: `debts`, `debt_ledger`, `preview_contribution`,
	/// `preview_payment` and `attestation_payload_assessing`.
	/// Version 5: income in assets: `project_assets`, `pending_income_in`, `preview_payment_in`;
	/// `debts` and `preview_contribution` name the asset a debt or bounty is in.
	#[api_version(5)]
	pub trait CommonsApi<AccountId, Balance, BlockNumber, ProjectView, ContributionView, AssetId>
	where
		AssetId: Codec,
		AccountId: Codec,
		Balance: Codec,
		BlockNumber: Codec,
		ProjectView: Codec,
		ContributionView: Codec,
	{
		/// A project with its current value equation and review policy.
		fn project(project: ProjectId) -> Option<ProjectView>;
		/// The units of `who` in a project, the project's total and the share of `who`.
		fn units(project: ProjectId, who: AccountId) -> UnitsView;
		/// A contribution with its attestations.
		fn contribution(contribution: ContributionId) -> Option<ContributionView>;
		/// Pending contributions `who` may review, a page at a time: the ids and the cursor
		/// of the next page (`None` at the end).
		fn reviewable(
			project: ProjectId,
			who: AccountId,
			cursor: Option<ContributionId>,
			limit: u32,
		) -> ReviewablePage;
		/// Income `who` can claim from a project now.
		fn pending_income(project: ProjectId, who: AccountId) -> Balance;
		/// A project's income accounting.
		fn income(project: ProjectId) -> IncomeState<Balance>;
		/// The exact bytes a reviewer signs for a wallet-signed attestation of `contribution`
		/// (with its contributor and content); empty if there is no such contribution.
		fn attestation_payload(
			contribution: ContributionId,
			verdict: Verdict,
			assessed_quantity: Option<Quantity>,
			expires_at: BlockNumber,
		) -> Vec<u8>;
		/// What makes `who` a member of a project's chambers and of the chain now: what the
		/// project asks of a payer and what `who` paid, the list, and chain membership past the
		/// tenure.
		fn membership(project: ProjectId, who: AccountId) -> MembershipView<Balance>;
		/// The bytes a reviewer signs for a wallet-signed attestation that also assesses the
		/// rate within the range of the contribution's kind; empty if there is no such
		/// contribution.
		fn attestation_payload_assessing(
			contribution: ContributionId,
			verdict: Verdict,
			assessed_quantity: Option<Quantity>,
			assessed_rate: Option<FixedU128>,
			expires_at: BlockNumber,
		) -> Vec<u8>;
		/// What a project owes for contributions of `who`, with what is repaid and claimable.
		fn debts(project: ProjectId, who: AccountId) -> Vec<DebtView<AccountId, Balance, AssetId>>;
		/// A project's debt accounting: owed, repaid and claimed in all.
		fn debt_ledger(project: ProjectId) -> DebtLedger<Balance>;
		/// What a contribution of `kind` and `quantity` would earn if accepted now (units at
		/// the kind's lowest and highest rate, the reviewers' reward, a debt or a bounty);
		/// `None` for an unknown project or kind.
		fn preview_contribution(
			project: ProjectId,
			kind: KindIndex,
			quantity: Quantity,
		) -> Option<ContributionPreview<Balance, AssetId>>;
		/// How a payment of `amount` would be split across the project's buckets now; `None`
		/// for an unknown project.
		fn preview_payment(project: ProjectId, amount: Balance) -> Option<IncomeSplit<Balance>>;
		/// What the project holds in each asset it has accepted (those it no longer accepts
		/// included): its treasury, its inbox from downstream, paid to and claimed by its
		/// holders.
		fn project_assets(project: ProjectId) -> Vec<ProjectAssetView<AssetId, Balance>>;
		/// Income `who` can claim from `project` in `asset` now.
		fn pending_income_in(project: ProjectId, asset: AssetId, who: AccountId) -> Balance;
		/// How a payment of `amount` in `asset` would be split now; `None` for an unknown
		/// project or an asset it does not accept (a payment in an asset it no longer accepts
		/// goes only to what it owes in it).
		fn preview_payment_in(
			project: ProjectId,
			asset: AssetId,
			amount: Balance,
		) -> Option<IncomeSplit<Balance>>;
	}
}
