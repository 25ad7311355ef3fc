//! Invariants, checked by `try-runtime` and at the end of every unit test.
//!
//! These iterate over storage and are never run in a block.

use frame_support::{ensure, traits::fungible::InspectHold};
use sp_runtime::{
	traits::{CheckedSub, Saturating, Zero},
	TryRuntimeError,
};

use crate::{
	types::*, Attestations, Config, Contributions, HoldReason, Holdings, NextContributionId,
	IncomeStates, NextProjectId, Pallet, PendingContributions, Projects, ReviewPolicies,
	ValueEquations,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// - every project has an equation and a policy, and its id is below `NextProjectId`;
	/// - a project's total units equal the sum of its holdings, and `holders` counts them;
	/// - a project's `pending` counts its pending contributions, which are exactly those in the
	///   pending index;
	/// - every pending contribution's deposit is held, and the deposits held for contributions
	///   and projects add up per account to what the currency holds for this pallet;
	/// - a contribution's attestations agree with its counts of approvals and rejections.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let next_project = NextProjectId::<T>::get();
		let next_contribution = NextContributionId::<T>::get();
		let mut held: BTreeMap<T::AccountId, (BalanceOf<T>, BalanceOf<T>)> = BTreeMap::new();

		for (id, p) in Projects::<T>::iter() {
			ensure!(id < next_project, "project id not below NextProjectId");
			ensure!(ValueEquations::<T>::contains_key(id), "project without value equation");
			ensure!(ReviewPolicies::<T>::contains_key(id), "project without review policy");
			let (mut total, mut holders) = (0u128, 0u32);
			for (_, h) in Holdings::<T>::iter_prefix(id) {
				total = total.checked_add(h.units).ok_or("units overflow")?;
				if h.units > 0 {
					holders = holders.saturating_add(1);
				}
			}
			ensure!(total == p.total_units, "total units differ from the sum of holdings");
			ensure!(holders == p.holders, "holder count differs");
			Self::check_income(id)?;
			let pending = PendingContributions::<T>::iter_prefix(id).count() as u32;
			ensure!(pending == p.pending, "pending count differs from the pending index");
			let entry = held.entry(p.creator.clone()).or_default();
			entry.0 = entry.0.saturating_add(p.deposit);
		}

		for (id, c) in Contributions::<T>::iter() {
			ensure!(id < next_contribution, "contribution id not below NextContributionId");
			ensure!(
				c.status.is_pending() == PendingContributions::<T>::contains_key(c.project, id),
				"pending index disagrees with status"
			);
			ensure!(c.status.is_pending() == c.decided.is_none(), "decided block disagrees");
			if c.status.is_pending() {
				ensure!(!c.deposit.is_zero(), "pending contribution without deposit");
			}
			let entry = held.entry(c.depositor.clone()).or_default();
			entry.1 = entry.1.saturating_add(c.deposit);
			let (mut approvals, mut rejections) = (0u32, 0u32);
			for (reviewer, a) in Attestations::<T>::iter_prefix(id) {
				match a.verdict {
					Verdict::Approve => {
						approvals = approvals.saturating_add(1);
						ensure!(
							c.approvals.iter().any(|(r, _)| *r == reviewer),
							"approval missing from the contribution"
						);
					},
					Verdict::Reject => rejections = rejections.saturating_add(1),
				}
			}
			ensure!(approvals as usize == c.approvals.len(), "approval count differs");
			ensure!(rejections == c.rejections, "rejection count differs");
		}

		for (who, (projects, contributions)) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ProjectDeposit.into(), &who) == projects,
				"project deposits held differ"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ContributionDeposit.into(), &who) ==
					contributions,
				"contribution deposits held differ"
			);
		}
		Ok(())
	}

	/// Income conservation of one project, exact to the planck: scaled by the precision, what
	/// the pot holds above the existential deposit equals what holders can claim (settled,
	/// their remainders and what they earned since their checkpoints) plus what is carried.
	fn check_income(project: ProjectId) -> Result<(), TryRuntimeError> {
		use frame_support::traits::fungible::Inspect;
		use sp_core::U256;
		let state = IncomeStates::<T>::get(project);
		let pot = T::Currency::balance(&Self::income_account(project))
			.checked_sub(&T::Currency::minimum_balance())
			.ok_or("the income pot is below the existential deposit")?;
		ensure!(state.claimed <= state.distributed, "claimed more than distributed");
		// Anyone may transfer to the pot directly: it holds at least what the ledger says.
		let ledger = state.distributed.saturating_sub(state.claimed);
		ensure!(pot >= ledger, "the pot holds less than distributed minus claimed");
		let precision = U256::from(INCOME_PRECISION);
		let mut owed = U256::from(state.carried);
		for (_, h) in Holdings::<T>::iter_prefix(project) {
			let delta = state.income_per_unit.checked_sub(h.income_checkpoint).ok_or("checkpoint ahead")?;
			owed = owed
				.saturating_add(U256::from(Self::to_u128(h.unclaimed)?).saturating_mul(precision))
				.saturating_add(U256::from(h.income_remainder))
				.saturating_add(U256::from(h.units).saturating_mul(U256::from(delta)));
			ensure!(h.income_remainder < INCOME_PRECISION, "remainder of a whole planck or more");
		}
		ensure!(
			U256::from(Self::to_u128(ledger)?).saturating_mul(precision) == owed,
			"claimable plus carried differs from the pot"
		);
		Ok(())
	}
}
