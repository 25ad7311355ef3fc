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
	traits::{CheckedAdd, CheckedSub, Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult,
};

use crate::{
	types::*, AssetDebtLedgers, AssetTreasuries, Config, DebtAssets, DebtLedgers, Debts, Error,
	Event, Pallet, ProjectAssets,
};

impl<T: Config> Pallet<T> {
	/// `project`'s debt ledger in `asset` (`None`: the native currency).
	pub fn ledger_of(project: ProjectId, asset: Option<T::AssetId>) -> DebtLedger<BalanceOf<T>> {
		match asset {
			None => DebtLedgers::<T>::get(project),
			Some(asset) => AssetDebtLedgers::<T>::get(project, asset),
		}
	}

	fn put_ledger(project: ProjectId, asset: Option<T::AssetId>, ledger: DebtLedger<BalanceOf<T>>) {
		match asset {
			None => DebtLedgers::<T>::insert(project, ledger),
			Some(asset) => AssetDebtLedgers::<T>::insert(project, asset, ledger),
		}
	}

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

	/// Records that `project` owes `creditor` `amount` in `asset` (`None`: the native
	/// currency) for contribution `id`, behind every debt recorded before in that currency.
	/// The debt is backed by the contribution's record deposit: the record is not removed
	/// while the debt is owed.
	pub(crate) fn record_debt(
		id: ContributionId,
		project: ProjectId,
		creditor: &T::AccountId,
		amount: BalanceOf<T>,
		asset: Option<T::AssetId>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let mut ledger = Self::ledger_of(project, asset);
		let start = ledger.owed;
		ledger.owed = ledger.owed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		Self::put_ledger(project, asset, ledger);
		if let Some(asset) = asset {
			DebtAssets::<T>::insert(id, asset);
		}
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
			asset,
		});
		Ok(())
	}

	/// Whether `project`'s treasury can pay `amount` in `asset` (`None`: the native
	/// currency) and keep `reserved` of the native currency.
	pub(crate) fn treasury_can_pay(
		project: ProjectId,
		asset: Option<T::AssetId>,
		amount: BalanceOf<T>,
		reserved: BalanceOf<T>,
	) -> bool {
		match asset {
			None => Self::treasury_balance(project) >= amount.saturating_add(reserved),
			Some(asset) => AssetTreasuries::<T>::get(project, asset) >= amount,
		}
	}

	/// Pays a bounty of `amount` in `asset` (`None`: the native currency) to `to` from the
	/// project's treasury if it can pay all of it and keep `reserved` (what the treasury owes
	/// back in the native currency: an appealed deposit); otherwise the project owes it.
	/// Returns what was paid.
	pub(crate) fn pay_bounty(
		id: ContributionId,
		project: ProjectId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
		reserved: BalanceOf<T>,
		asset: Option<T::AssetId>,
	) -> Result<BalanceOf<T>, DispatchError> {
		if amount.is_zero() {
			return Ok(amount);
		}
		// A transfer that fails (the receiver would stay below the existential deposit or the
		// asset's minimum balance) changes nothing: the bounty is owed instead.
		let paid = Self::treasury_can_pay(project, asset, amount, reserved)
			&& with_storage_layer(|| match asset {
				None => T::Currency::transfer(
					&Self::treasury_account(project),
					to,
					amount,
					Preservation::Preserve,
				)
				.map(|_| ()),
				Some(asset) => {
					AssetTreasuries::<T>::try_mutate(project, asset, |held| {
						*held = held.checked_sub(&amount).ok_or(Error::<T>::TreasuryTooLow)?;
						Ok::<_, DispatchError>(())
					})?;
					Self::pay_out_asset(asset, to, amount)
				},
			})
			.is_ok();
		if paid {
			Self::deposit_event(Event::BountyPaid {
				project,
				contribution: id,
				to: to.clone(),
				amount,
				asset,
			});
			Ok(amount)
		} else {
			Self::record_debt(id, project, to, amount, asset)?;
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

	/// Books `amount` of `asset`, already in the pallet's asset account, to `project`'s debts
	/// in that asset.
	pub(crate) fn pay_into_asset_debts(
		project: ProjectId,
		asset: T::AssetId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let mut ledger = AssetDebtLedgers::<T>::get(project, asset);
		ledger.repaid = ledger.repaid.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		// The split never gives the debts more than is outstanding.
		if ledger.repaid > ledger.owed {
			frame_support::defensive!("debts in an asset repaid beyond what is owed");
			return Err(Error::<T>::Unexpected.into());
		}
		AssetDebtLedgers::<T>::insert(project, asset, ledger);
		Ok(())
	}

	/// Repays up to `amount` of `project`'s debts in `asset` from its treasury in it, at most
	/// what is owed and what the treasury holds.
	pub(crate) fn do_repay_debts_in(
		project: ProjectId,
		asset: T::AssetId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::project(project)?;
		let ledger = AssetDebtLedgers::<T>::get(project, asset);
		let outstanding = ledger.owed.saturating_sub(ledger.repaid);
		ensure!(!outstanding.is_zero(), Error::<T>::NoDebt);
		let held = AssetTreasuries::<T>::get(project, asset);
		let amount = amount.min(outstanding).min(held);
		ensure!(!amount.is_zero(), sp_runtime::TokenError::FundsUnavailable);
		AssetTreasuries::<T>::insert(project, asset, held.saturating_sub(amount));
		Self::pay_into_asset_debts(project, asset, amount)?;
		Self::deposit_event(Event::AssetDebtsRepaid { project, asset, amount });
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

	/// Whether `project` owes debts not yet repaid, in any currency.
	pub(crate) fn owes_debts(project: ProjectId) -> bool {
		Self::owes_debts_in(project, None)
			|| ProjectAssets::<T>::get(project)
				.iter()
				.any(|entry| Self::owes_debts_in(project, Some(entry.asset)))
	}

	/// Whether `project` owes debts not yet repaid in `asset` (`None`: the native currency).
	pub(crate) fn owes_debts_in(project: ProjectId, asset: Option<T::AssetId>) -> bool {
		let ledger = Self::ledger_of(project, asset);
		ledger.repaid < ledger.owed
	}

	/// Pays the creditor of contribution `id`'s debt what is repaid of it and not yet claimed;
	/// a debt claimed in full is retired.
	pub(crate) fn do_claim_debt(id: ContributionId) -> DispatchResult {
		let c = Self::contribution(id)?;
		let mut debt = Debts::<T>::get(&c.contributor, id).ok_or(Error::<T>::NoDebt)?;
		let asset = DebtAssets::<T>::get(id);
		let mut ledger = Self::ledger_of(debt.project, asset);
		let revoked = debt.creditor != c.contributor;
		if revoked {
			Self::forgive_reached(id, &mut debt, &mut ledger, asset)?;
		}
		let amount = Self::repaid_of(&debt, &ledger).saturating_sub(debt.claimed);
		if amount.is_zero() {
			// Only a revoked debt just forgiven in full is retired with nothing to pay.
			ensure!(revoked && debt.claimed >= debt.amount, Error::<T>::NothingToClaim);
		} else {
			match asset {
				None => {
					T::Currency::transfer(
						&Self::income_account(debt.project),
						&debt.creditor,
						amount,
						Preservation::Preserve,
					)?;
				},
				// Owed to the project's treasury (revoked): a ledger, in the same account.
				Some(asset) if revoked => {
					AssetTreasuries::<T>::try_mutate(debt.project, asset, |held| {
						*held = held.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
						Ok::<_, DispatchError>(())
					})?;
				},
				Some(asset) => Self::pay_out_asset(asset, &debt.creditor, amount)?,
			}
			debt.claimed = debt.claimed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
			ledger.claimed =
				ledger.claimed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
			Self::deposit_event(Event::DebtClaimed {
				contribution: id,
				creditor: debt.creditor.clone(),
				amount,
				asset,
			});
		}
		Self::put_ledger(debt.project, asset, ledger);
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
			DebtAssets::<T>::remove(id);
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
		asset: Option<T::AssetId>,
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
		Self::deposit_event(Event::DebtForgiven { contribution: id, amount: rest, asset });
		Ok(())
	}

	/// A revoked contribution's debt is owed to the project's treasury from now on (what was
	/// claimed stays claimed), and what is not yet repaid of it is forgiven as soon as the
	/// queue reaches it: now, or at a later `claim_debt`.
	pub(crate) fn revoke_debt(id: ContributionId, c: &Contribution<T>) -> DispatchResult {
		let Some(mut debt) = Debts::<T>::get(&c.contributor, id) else { return Ok(()) };
		debt.creditor = Self::treasury_account(c.project);
		let asset = DebtAssets::<T>::get(id);
		let mut ledger = Self::ledger_of(c.project, asset);
		Self::forgive_reached(id, &mut debt, &mut ledger, asset)?;
		Self::put_ledger(c.project, asset, ledger);
		Self::store_debt(&c.contributor, id, debt);
		Ok(())
	}

	/// What `project` owes for contributions of `who` (the contributor), with what is repaid.
	pub fn debts_of(
		project: ProjectId,
		who: &T::AccountId,
	) -> alloc::vec::Vec<DebtView<T::AccountId, BalanceOf<T>, T::AssetId>> {
		Debts::<T>::iter_prefix(who)
			.filter(|(_, debt)| debt.project == project)
			.map(|(contribution, debt)| {
				let asset = DebtAssets::<T>::get(contribution);
				let repaid = Self::repaid_of(&debt, &Self::ledger_of(project, asset));
				let claimable = repaid.saturating_sub(debt.claimed);
				DebtView { contribution, asset, debt, repaid, claimable }
			})
			.collect()
	}
}
