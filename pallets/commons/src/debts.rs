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
		ensure!(ledger.repaid <= ledger.owed, Error::<T>::Unexpected);
		T::Currency::transfer(
			payer,
			&Self::income_account(project),
			amount,
			Preservation::Preserve,
		)?;
		DebtLedgers::<T>::insert(project, ledger);
		Ok(())
	}

	/// Repays up to `amount` of `project`'s debts from its treasury.
	pub(crate) fn do_repay_debts(project: ProjectId, amount: BalanceOf<T>) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::project(project)?;
		let ledger = DebtLedgers::<T>::get(project);
		let amount = amount.min(ledger.owed.saturating_sub(ledger.repaid));
		ensure!(!amount.is_zero(), Error::<T>::NoDebt);
		Self::pay_into_debts(&Self::treasury_account(project), project, amount)?;
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
		let amount = Self::repaid_of(&debt, &ledger).saturating_sub(debt.claimed);
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		T::Currency::transfer(
			&Self::income_account(debt.project),
			&debt.creditor,
			amount,
			Preservation::Preserve,
		)?;
		debt.claimed = debt.claimed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		ledger.claimed = ledger.claimed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		DebtLedgers::<T>::insert(debt.project, ledger);
		Self::deposit_event(Event::DebtClaimed {
			contribution: id,
			creditor: debt.creditor.clone(),
			amount,
		});
		if debt.claimed >= debt.amount {
			Debts::<T>::remove(&c.contributor, id);
			Self::deposit_event(Event::DebtSettled { contribution: id });
		} else {
			Debts::<T>::insert(&c.contributor, id, debt);
		}
		Ok(())
	}

	/// A revoked contribution's debt is owed to the project's treasury from now on: what was
	/// claimed stays claimed.
	pub(crate) fn revoke_debt(id: ContributionId, c: &Contribution<T>) {
		Debts::<T>::mutate(&c.contributor, id, |debt| {
			if let Some(debt) = debt {
				debt.creditor = Self::treasury_account(c.project);
			}
		});
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
