//! Debts: what a project owes for accepted reimbursable contributions and for bounties its
//! treasury could not pay, repaid from the `Debts` bucket of its income policy oldest first,
//! at constant cost (see "Debts" in the crate docs).

use frame_support::{
	ensure,
	storage::with_storage_layer,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::{Fortitude, Preservation},
	},
};
use sp_runtime::{
	traits::{CheckedAdd, Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult,
};

use crate::{types::*, Config, DebtLedgers, Debts, Error, Event, Pallet};

impl<T: Config> Pallet<T> {
	/// `price × quantity`: what a contribution paid in money is worth.
	pub(crate) fn money_of(
		price: BalanceOf<T>,
		quantity: Quantity,
	) -> Result<BalanceOf<T>, DispatchError> {
		let amount =
			Self::to_u128(price)?.checked_mul(quantity).ok_or(ArithmeticError::Overflow)?;
		BalanceOf::<T>::try_from(amount).map_err(|_| ArithmeticError::Overflow.into())
	}

	/// What of `debt` is repaid, given its project's ledger: `clamp(repaid − start, 0,
	/// amount)`.
	pub fn repaid_of(
		debt: &Debt<T::AccountId, BalanceOf<T>>,
		ledger: &DebtLedger<BalanceOf<T>>,
	) -> BalanceOf<T> {
		ledger.repaid.saturating_sub(debt.start).min(debt.amount)
	}

	/// Records that `project` owes `creditor` `amount` for contribution `id`, behind every
	/// debt recorded before. The debt is backed by the contribution's record deposit: the
	/// record is not removed while the debt is owed.
	pub(crate) fn record_debt(
		id: ContributionId,
		project: ProjectId,
		creditor: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let mut ledger = DebtLedgers::<T>::get(project);
		let start = ledger.owed;
		ledger.owed = ledger.owed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		DebtLedgers::<T>::insert(project, ledger);
		Debts::<T>::insert(
			creditor,
			id,
			Debt { project, creditor: creditor.clone(), amount, start, claimed: Zero::zero() },
		);
		Self::deposit_event(Event::DebtRecorded {
			project,
			contribution: id,
			creditor: creditor.clone(),
			amount,
		});
		Ok(())
	}

	/// Pays a bounty of `amount` to `to` from the project's treasury if it can pay all of it
	/// and keep `reserved` (what the treasury owes back: an appealed deposit); otherwise the
	/// project owes it. Returns what was paid.
	pub(crate) fn pay_bounty(
		id: ContributionId,
		project: ProjectId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
		reserved: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		if amount.is_zero() {
			return Ok(amount);
		}
		let treasury = Self::treasury_account(project);
		let can_pay =
			T::Currency::reducible_balance(&treasury, Preservation::Preserve, Fortitude::Polite)
				>= amount.saturating_add(reserved);
		// A transfer that fails (the receiver would stay below the existential deposit)
		// changes nothing: the bounty is owed instead.
		let paid = can_pay
			&& with_storage_layer(|| {
				T::Currency::transfer(&treasury, to, amount, Preservation::Preserve).map(|_| ())
			})
			.is_ok();
		if paid {
			Self::deposit_event(Event::BountyPaid {
				project,
				contribution: id,
				to: to.clone(),
				amount,
			});
			Ok(amount)
		} else {
			Self::record_debt(id, project, to, amount)?;
			Ok(Zero::zero())
		}
	}

	/// Pays `amount` from `payer` into `project`'s debts (into its income pot, where creditors
	/// claim from).
	pub(crate) fn pay_into_debts(
		payer: &T::AccountId,
		project: ProjectId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let mut ledger = DebtLedgers::<T>::get(project);
		ledger.repaid = ledger.repaid.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		// The split never gives the debts more than is outstanding.
		if ledger.repaid > ledger.owed {
			frame_support::defensive!("debts repaid beyond what is owed");
			return Err(Error::<T>::Unexpected.into());
		}
		Self::move_funds(payer, &Self::income_account(project), amount)?;
		DebtLedgers::<T>::insert(project, ledger);
		Ok(())
	}

	/// Repays up to `amount` of `project`'s debts from its treasury, at most what is owed and
	/// what the treasury can spend.
	pub(crate) fn do_repay_debts(project: ProjectId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::project(project)?;
		let ledger = DebtLedgers::<T>::get(project);
		let outstanding = ledger.owed.saturating_sub(ledger.repaid);
		ensure!(!outstanding.is_zero(), Error::<T>::NoDebt);
		// At most what is owed and what the treasury can spend.
		let treasury = Self::treasury_account(project);
		let spendable =
			T::Currency::reducible_balance(&treasury, Preservation::Preserve, Fortitude::Polite);
		let amount = amount.min(outstanding).min(spendable);
		ensure!(!amount.is_zero(), sp_runtime::TokenError::FundsUnavailable);
		Self::pay_into_debts(&treasury, project, amount)?;
		Self::deposit_event(Event::DebtsRepaid { project, amount });
		Ok(())
	}

	/// Whether `project` owes debts not yet repaid.
	pub(crate) fn owes_debts(project: ProjectId) -> bool {
		let ledger = DebtLedgers::<T>::get(project);
		ledger.repaid < ledger.owed
	}

	/// Pays the creditor of contribution `id`'s debt what is repaid of it and not yet claimed;
	/// a debt claimed in full is retired.
	pub(crate) fn do_claim_debt(id: ContributionId) -> DispatchResult {
		let c = Self::contribution(id)?;
		let mut debt = Debts::<T>::get(&c.contributor, id).ok_or(Error::<T>::NoDebt)?;
		let mut ledger = DebtLedgers::<T>::get(debt.project);
		let revoked = debt.creditor != c.contributor;
		if revoked {
			Self::forgive_reached(id, &mut debt, &mut ledger)?;
		}
		let amount = Self::repaid_of(&debt, &ledger).saturating_sub(debt.claimed);
		if amount.is_zero() {
			// Only a revoked debt just forgiven in full is retired with nothing to pay.
			ensure!(revoked && debt.claimed >= debt.amount, Error::<T>::NothingToClaim);
		} else {
			T::Currency::transfer(
				&Self::income_account(debt.project),
				&debt.creditor,
				amount,
				Preservation::Preserve,
			)?;
			debt.claimed = debt.claimed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
			ledger.claimed =
				ledger.claimed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
			Self::deposit_event(Event::DebtClaimed {
				contribution: id,
				creditor: debt.creditor.clone(),
				amount,
			});
		}
		DebtLedgers::<T>::insert(debt.project, ledger);
		Self::store_debt(&c.contributor, id, debt);
		Ok(())
	}

	/// Stores a debt, or retires it once claimed (or forgiven) in full.
	fn store_debt(
		contributor: &T::AccountId,
		id: ContributionId,
		debt: Debt<T::AccountId, BalanceOf<T>>,
	) {
		if debt.claimed >= debt.amount {
			Debts::<T>::remove(contributor, id);
			Self::deposit_event(Event::DebtSettled { contribution: id });
		} else {
			Debts::<T>::insert(contributor, id, debt);
		}
	}

	/// A revoked debt that the queue has reached (every debt before it repaid): what is not
	/// yet repaid of it is forgiven, so that the queue moves on to the debts after it and the
	/// project no longer owes it. Counted as repaid and claimed at once, which keeps what the
	/// debts can claim, `repaid − claimed`, as it was. Before the queue reaches it, nothing.
	fn forgive_reached(
		id: ContributionId,
		debt: &mut Debt<T::AccountId, BalanceOf<T>>,
		ledger: &mut DebtLedger<BalanceOf<T>>,
	) -> DispatchResult {
		if ledger.repaid < debt.start {
			return Ok(());
		}
		let end = debt.start.checked_add(&debt.amount).ok_or(ArithmeticError::Overflow)?;
		let rest = end.saturating_sub(ledger.repaid);
		if rest.is_zero() {
			return Ok(());
		}
		ledger.repaid = ledger.repaid.checked_add(&rest).ok_or(ArithmeticError::Overflow)?;
		ledger.claimed = ledger.claimed.checked_add(&rest).ok_or(ArithmeticError::Overflow)?;
		debt.claimed = debt.claimed.checked_add(&rest).ok_or(ArithmeticError::Overflow)?;
		Self::deposit_event(Event::DebtForgiven { contribution: id, amount: rest });
		Ok(())
	}

	/// A revoked contribution's debt is owed to the project's treasury from now on (what was
	/// claimed stays claimed), and what is not yet repaid of it is forgiven as soon as the
	/// queue reaches it: now, or at a later `claim_debt`.
	pub(crate) fn revoke_debt(id: ContributionId, c: &Contribution<T>) -> DispatchResult {
		let Some(mut debt) = Debts::<T>::get(&c.contributor, id) else { return Ok(()) };
		debt.creditor = Self::treasury_account(c.project);
		let mut ledger = DebtLedgers::<T>::get(c.project);
		Self::forgive_reached(id, &mut debt, &mut ledger)?;
		DebtLedgers::<T>::insert(c.project, ledger);
		Self::store_debt(&c.contributor, id, debt);
		Ok(())
	}

	/// What `project` owes for contributions of `who` (the contributor), with what is repaid.
	pub fn debts_of(
		project: ProjectId,
		who: &T::AccountId,
	) -> alloc::vec::Vec<DebtView<T::AccountId, BalanceOf<T>>> {
		let ledger = DebtLedgers::<T>::get(project);
		Debts::<T>::iter_prefix(who)
			.filter(|(_, debt)| debt.project == project)
			.map(|(contribution, debt)| {
				let repaid = Self::repaid_of(&debt, &ledger);
				let claimable = repaid.saturating_sub(debt.claimed);
				DebtView { contribution, debt, repaid, claimable }
			})
			.collect()
	}
}
