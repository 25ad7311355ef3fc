//! The runtime API of `pallet-commons`: derived data for clients.
//!
//! From polkadot.js: `api.call.commonsApi.project(id)`, `.units(project, who)`,
//! `.contribution(id)`, `.pendingIncome(project, who)`, `.income(project)`, `.reviewable(project, who, cursor, limit)`,
//! `.attestationPayload(contribution, verdict, assessedQuantity, expiresAt)`,
//! `.membership(project, who)`. Every type is
//! described in the metadata.

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

use alloc::vec::Vec;
use codec::Codec;
use pallet_commons::{
	ContributionId, IncomeState, MembershipView, ProjectId, Quantity, ReviewablePage, UnitsView,
	Verdict,
};

sp_api::decl_runtime_apis! {
	/// Projects, value units, contributions and signing payloads of `pallet-commons`.
	///
	/// Version 2: every answer is a named struct (`UnitsView`, `ReviewablePage`, and the
	/// runtime's `ProjectView` and `ContributionView`), so clients see field names.
	/// Version 3: `membership`.
	#[api_version(3)]
	pub trait CommonsApi<AccountId, Balance, BlockNumber, ProjectView, ContributionView>
	where
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
		#[api_version(3)]
		fn membership(project: ProjectId, who: AccountId) -> MembershipView<Balance>;
	}
}
