//! Derived data for clients, served by the runtime API `CommonsApi`.

use alloc::vec::Vec;
use codec::Encode;
use frame_support::traits::Get;
use sp_runtime::{
	traits::{Saturating, Zero},
	FixedPointNumber, FixedU128,
};

use crate::{
	signing::{AttestationPayload, AttestationPayloadOf, ATTESTATION_TAG},
	types::*,
	Attestations, ChamberList, Config, Contributions, Membership, Pallet, Payers,
	PendingContributions, Projects, RecognisedProjects, ReviewPolicies, ValueEquations,
};

impl<T: Config> Pallet<T> {
	/// A project with its current value equation and review policy.
	pub fn project_view(project: ProjectId) -> Option<ProjectView<T>> {
		Some(ProjectView {
			project: Projects::<T>::get(project)?,
			equation: ValueEquations::<T>::get(project)?,
			policy: ReviewPolicies::<T>::get(project)?,
		})
	}

	/// The units of `who` in a project, the project's total and the share of `who`.
	pub fn units_view(project: ProjectId, who: &T::AccountId) -> UnitsView {
		UnitsView {
			units: Self::units_of(project, who),
			total: Projects::<T>::get(project).map_or(0, |p| p.total_units),
			share: Self::share_of(project, who),
		}
	}

	/// A contribution with its attestations (at most `MaxReviewers`).
	pub fn contribution_view(id: ContributionId) -> Option<ContributionView<T>> {
		let contribution = Contributions::<T>::get(id)?;
		let attestations = Attestations::<T>::iter_prefix(id)
			.take(T::MaxReviewers::get() as usize)
			.map(|(reviewer, attestation)| ReviewerAttestation { reviewer, attestation })
			.collect();
		Some(ContributionView { contribution, attestations })
	}

	/// Pending contributions of `project` that `who` may still review, in pages: at most
	/// `limit` (capped at `MaxPageSize`) ids, looking at most at `4 × MaxPageSize` pending
	/// contributions after `cursor`. Returns the ids and the cursor of the next page (`None`
	/// when the end is reached).
	pub fn reviewable(
		project: ProjectId,
		who: &T::AccountId,
		cursor: Option<ContributionId>,
		limit: u32,
	) -> ReviewablePage {
		let (contributions, next) = Self::reviewable_ids(project, who, cursor, limit);
		ReviewablePage { contributions, next }
	}

	fn reviewable_ids(
		project: ProjectId,
		who: &T::AccountId,
		cursor: Option<ContributionId>,
		limit: u32,
	) -> (Vec<ContributionId>, Option<ContributionId>) {
		let limit = limit.min(T::MaxPageSize::get()) as usize;
		let scan = T::MaxPageSize::get().saturating_mul(4) as usize;
		let mut iter = match cursor {
			Some(after) => PendingContributions::<T>::iter_prefix_from(
				project,
				PendingContributions::<T>::hashed_key_for(project, after),
			),
			None => PendingContributions::<T>::iter_prefix(project),
		};
		let (mut found, mut last) = (Vec::new(), None);
		for _ in 0..scan {
			if found.len() >= limit {
				return (found, last);
			}
			let Some((id, ())) = iter.next() else { return (found, None) };
			last = Some(id);
			// The same checks as the `attest` call.
			if Self::check_attestation(id, who, Default::default()).is_ok() {
				found.push(id);
			}
		}
		(found, last)
	}

	/// What makes `who` a member of `project`'s chambers and of the chain now.
	pub fn membership_view(project: ProjectId, who: &T::AccountId) -> MembershipView<BalanceOf<T>> {
		let payer = Payers::<T>::get(project, who).unwrap_or_default();
		let tenure = Membership::<T>::get().tenure;
		// A proposal made in the next block: membership must predate its block.
		let next = frame_system::Pallet::<T>::block_number().saturating_add(1u32.into());
		MembershipView {
			min_paid: Self::min_paid_of(project),
			paid: payer.paid,
			payer: payer.member_since.is_some(),
			listed: ChamberList::<T>::contains_key(project, who),
			holder: Self::units_of(project, who) > 0,
			chain_member: Self::chain_member(&RecognisedProjects::<T>::get(), who, next, tenure),
			tenure,
		}
	}

	/// The bytes a reviewer signs for a wallet-signed attestation of `contribution` (see
	/// [`crate::signing`]); empty if there is no such contribution.
	pub fn attestation_payload(
		contribution: ContributionId,
		verdict: Verdict,
		assessed_quantity: Option<Quantity>,
		expires_at: BlockNumberOf<T>,
	) -> Vec<u8> {
		Self::attestation_payload_assessing(
			contribution,
			verdict,
			assessed_quantity,
			None,
			expires_at,
		)
	}

	/// The bytes a reviewer signs for a wallet-signed attestation of `contribution` that also
	/// assesses the rate; empty if there is no such contribution.
	pub fn attestation_payload_assessing(
		contribution: ContributionId,
		verdict: Verdict,
		assessed_quantity: Option<Quantity>,
		assessed_rate: Option<FixedU128>,
		expires_at: BlockNumberOf<T>,
	) -> Vec<u8> {
		Self::attestation_payload_of(
			contribution,
			verdict,
			assessed_quantity,
			assessed_rate,
			expires_at,
		)
		.map(|p| p.encode())
		.unwrap_or_default()
	}

	/// What a contribution of `kind` and `quantity` to `project` would earn if accepted now,
	/// with no assessment below the claim; `None` for an unknown project or kind.
	pub fn preview_contribution(
		project: ProjectId,
		kind: KindIndex,
		quantity: Quantity,
	) -> Option<ContributionPreview<BalanceOf<T>, T::AssetId>> {
		Projects::<T>::get(project)?;
		let equation = ValueEquations::<T>::get(project)?;
		let k = equation.kinds.get(kind as usize)?;
		let units = k.rate.checked_mul_int(quantity)?;
		let max_units = k.highest_rate().checked_mul_int(quantity)?;
		let rules = ReviewPolicies::<T>::get(project)?.rules;
		let money = match k.claim.price() {
			Some(price) => Self::money_of(price, quantity).ok()?,
			None => Zero::zero(),
		};
		let asset = k.claim.asset();
		let (debt, paid) = match k.claim {
			ClaimKind::Equity => (Zero::zero(), Zero::zero()),
			ClaimKind::Reimbursable { .. } | ClaimKind::ReimbursableIn { .. } => {
				(money, Zero::zero())
			},
			ClaimKind::OneTime { .. } | ClaimKind::OneTimeIn { .. } => {
				if Self::treasury_can_pay(project, asset, money, Zero::zero()) {
					(Zero::zero(), money)
				} else {
					(money, Zero::zero())
				}
			},
		};
		Some(ContributionPreview {
			equation_version: equation.version,
			asset,
			units,
			max_units,
			reviewer_units: rules.reviewer_reward.mul_floor(units),
			debt,
			paid,
		})
	}

	/// How a payment of `amount` to `project` would be split now; `None` for an unknown
	/// project.
	pub fn preview_payment(
		project: ProjectId,
		amount: BalanceOf<T>,
	) -> Option<IncomeSplit<BalanceOf<T>>> {
		Self::income_split(project, amount).ok()
	}

	/// How a payment of `amount` in `asset` would be split now, if the project accepts it (a
	/// payment in an asset it no longer accepts goes to its debts in it only).
	pub fn preview_payment_in(
		project: ProjectId,
		asset: T::AssetId,
		amount: BalanceOf<T>,
	) -> Option<IncomeSplit<BalanceOf<T>>> {
		if !Self::accepts(project, asset) {
			return None;
		}
		Self::income_split_in(project, Some(asset), amount).ok()
	}

	/// The payload a reviewer signs for a wallet-signed attestation of `contribution`, with its
	/// contributor and content from storage.
	pub fn attestation_payload_of(
		contribution: ContributionId,
		verdict: Verdict,
		assessed_quantity: Option<Quantity>,
		assessed_rate: Option<FixedU128>,
		expires_at: BlockNumberOf<T>,
	) -> Option<AttestationPayloadOf<T>> {
		let c = Contributions::<T>::get(contribution)?;
		Some(AttestationPayload {
			genesis_hash: Self::genesis_hash(),
			tag: ATTESTATION_TAG,
			contribution,
			content: c.content_hash(),
			contributor: c.contributor,
			verdict,
			assessed_quantity,
			assessed_rate,
			expires_at,
		})
	}
}
