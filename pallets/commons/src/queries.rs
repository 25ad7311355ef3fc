//! Derived data for clients, served by the runtime API `CommonsApi`.

use alloc::vec::Vec;
use codec::Encode;
use frame_support::traits::Get;
use sp_runtime::Perbill;

use crate::{
	signing::{AttestationPayload, ATTESTATION_TAG},
	types::*,
	Attestations, Config, Contributions, Pallet, PendingContributions, Projects, ReviewPolicies,
	ValueEquations,
};

/// A project with its current value equation and review policy.
pub type ProjectView<T> = (Project<T>, ValueEquation<T>, ReviewPolicy<BlockNumberOf<T>>);
/// A contribution with its attestations.
pub type ContributionView<T> =
	(Contribution<T>, Vec<(<T as frame_system::Config>::AccountId, Attestation<T>)>);

impl<T: Config> Pallet<T> {
	/// A project with its current value equation and review policy.
	pub fn project_view(project: ProjectId) -> Option<ProjectView<T>> {
		Some((
			Projects::<T>::get(project)?,
			ValueEquations::<T>::get(project)?,
			ReviewPolicies::<T>::get(project)?,
		))
	}

	/// `(units of who, total units, share of who)` in a project.
	pub fn units_view(project: ProjectId, who: &T::AccountId) -> (Units, Units, Perbill) {
		let total = Projects::<T>::get(project).map_or(0, |p| p.total_units);
		(Self::units_of(project, who), total, Self::share_of(project, who))
	}

	/// A contribution with its attestations (at most `MaxReviewers`).
	pub fn contribution_view(id: ContributionId) -> Option<ContributionView<T>> {
		let c = Contributions::<T>::get(id)?;
		let attestations = Attestations::<T>::iter_prefix(id)
			.take(T::MaxReviewers::get() as usize)
			.collect();
		Some((c, attestations))
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
			if Self::check_attestation(id, who, None).is_ok() {
				found.push(id);
			}
		}
		(found, last)
	}

	/// The bytes a reviewer signs for a wallet-signed attestation (see [`crate::signing`]).
	pub fn attestation_payload(
		contribution: ContributionId,
		verdict: Verdict,
		assessed_quantity: Option<Quantity>,
		expires_at: BlockNumberOf<T>,
	) -> Vec<u8> {
		AttestationPayload {
			genesis_hash: Self::genesis_hash(),
			tag: ATTESTATION_TAG,
			contribution,
			verdict,
			assessed_quantity,
			expires_at,
		}
		.encode()
	}
}
