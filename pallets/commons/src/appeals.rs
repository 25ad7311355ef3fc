//! Appeals of rejected contributions, and revocation of fraudulent ones: decisions a project
//! takes by vote about its contributions after review.

use frame_support::{
	defensive, ensure,
	traits::{fungible::Mutate, tokens::Preservation, Bounded, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult,
};

use crate::{types::*, Appeals, Call, Config, Contributions, Error, Event, Forfeited, Pallet};

impl<T: Config> Pallet<T> {
	pub(crate) fn do_appeal(
		who: T::AccountId,
		contribution: ContributionId,
		quantity: Quantity,
		description: DescriptionOf<T>,
	) -> DispatchResult {
		let c = Self::contribution(contribution)?;
		ensure!(c.contributor == who, Error::<T>::NotContributor);
		ensure!(c.status == ContributionStatus::Rejected, Error::<T>::NotRejected);
		Self::ensure_appealable_quantity(&c, quantity)?;
		let decided = c.decided.ok_or(Error::<T>::NotRejected)?;
		ensure!(
			frame_system::Pallet::<T>::block_number()
				<= decided.saturating_add(T::AppealWindow::get()),
			Error::<T>::AppealWindowClosed
		);
		ensure!(!Appeals::<T>::contains_key(contribution), Error::<T>::AlreadyAppealed);
		// Decided by the project's members; by the chain's if it has none (besides the
		// maintainers who rejected the work), as Root.
		let in_project = Self::electorate_now(Scope::Project(c.project))?;
		let (scope, electorate) = if Self::has_members_beyond_maintainers(&in_project) {
			(Scope::Project(c.project), in_project)
		} else {
			(Scope::Chain, Self::electorate_now(Scope::Chain)?)
		};
		let call = Self::accept_appeal_call(contribution, quantity)?;
		let (proposal, _) =
			Self::open_proposal(who, scope, call, description, Some(contribution), electorate)?;
		Appeals::<T>::insert(contribution, proposal);
		Self::deposit_event(Event::Appealed { contribution, proposal, scope, quantity });
		Ok(())
	}

	/// The call an appeal proposes: `accept_appeal` of `quantity`, inline.
	pub(crate) fn accept_appeal_call(
		contribution: ContributionId,
		quantity: Quantity,
	) -> Result<BoundedCallOf<T>, DispatchError> {
		let call: <T as Config>::RuntimeCall =
			Call::<T>::accept_appeal { contribution, quantity }.into();
		let inline =
			codec::Encode::encode(&call).try_into().map_err(|_| Error::<T>::CallTooLarge)?;
		Ok(Bounded::Inline(inline))
	}

	/// An appeal asks for a quantity above zero and at most the claim.
	fn ensure_appealable_quantity(c: &Contribution<T>, quantity: Quantity) -> DispatchResult {
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		ensure!(quantity <= c.quantity, Error::<T>::BadAssessment);
		Ok(())
	}

	pub(crate) fn do_accept_appeal(
		contribution: ContributionId,
		mut c: Contribution<T>,
		quantity: Quantity,
	) -> DispatchResult {
		ensure!(c.status == ContributionStatus::Rejected, Error::<T>::NotRejected);
		Self::ensure_appealable_quantity(&c, quantity)?;
		let forfeited = Forfeited::<T>::take(contribution).unwrap_or_default();
		// At the kind's lowest rate (the vote decides the quantity only), keeping the refund of
		// the forfeited deposit in the treasury when a bounty is paid.
		let rate = c.valuation.rate;
		let (status, created) = Self::credit(contribution, &mut c, quantity, rate, forfeited)?;
		c.status = status;
		// The new holdings are paid for out of the refund.
		let treasury = Self::treasury_account(c.project);
		let refunded =
			Self::burn_holding_fees_from_refund(contribution, &treasury, forfeited, created)?;
		if !refunded.is_zero() {
			T::Currency::transfer(&treasury, &c.depositor, refunded, Preservation::Preserve)?;
		}
		let ContributionStatus::Accepted { units, reviewer_units, .. } = c.status else {
			defensive!("`credit` returns an accepted status");
			return Err(Error::<T>::Unexpected.into());
		};
		Contributions::<T>::insert(contribution, c);
		Self::deposit_event(Event::AppealAccepted {
			contribution,
			units,
			reviewer_units,
			refunded,
		});
		Ok(())
	}

	/// Burns a revoked contribution's units; returns the moves followed.
	pub(crate) fn do_revoke_contribution(
		contribution: ContributionId,
		mut c: Contribution<T>,
	) -> Result<u32, DispatchError> {
		let ContributionStatus::Accepted { units, reviewer_units, .. } = c.status else {
			return Err(Error::<T>::NotAccepted.into());
		};
		// The units are burned where they are: moves by the project's vote are followed.
		let (mut burned, mut hops) = Self::burn_following(c.project, &c.contributor, units)?;
		// The rewarded approvers come first among the approvals, each minted `each`.
		let each = Self::reward_each(&c, units);
		let rewarded = reviewer_units.checked_div(each).unwrap_or(0);
		for approval in c.approvals.iter().take(rewarded.try_into().unwrap_or(usize::MAX)) {
			let (b, h) = Self::burn_following(c.project, &approval.reviewer, each)?;
			burned = burned.saturating_add(b);
			hops = hops.saturating_add(h);
		}
		Self::revoke_debt(contribution, &c)?;
		c.status = ContributionStatus::Revoked { burned };
		Contributions::<T>::insert(contribution, c);
		Self::deposit_event(Event::ContributionRevoked { contribution, burned });
		Ok(hops)
	}
}
