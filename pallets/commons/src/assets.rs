//! Income in other currencies: assets of `pallet-assets` the chain's vote registered, which
//! each project accepts from a bounded list. Every accepted asset has its own accounting in
//! O(1) (the native currency's, once per asset): a treasury, an inbox for income from
//! downstream, an income per unit with a slot per holder. All of it sits in one account of the
//! pallet per asset, which the ledgers divide exactly.

use frame_support::{
	ensure,
	traits::{
		fungibles::{Create, Mutate},
		tokens::Preservation,
		Defensive, DefensiveOption, Get,
	},
	weights::Weight,
};
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, CheckedSub, Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult,
};

use crate::{
	types::*, AssetHoldings, AssetInboxes, AssetIncomeStates, AssetTreasuries, Config, Error,
	Event, Holdings, Pallet, ProjectAssets, RegisteredAssets, UpstreamInbox, WeightInfo,
};

impl<T: Config> Pallet<T> {
	/// What settling `accounts` accounts' income in every asset of a project costs beyond the
	/// native settlement the benchmarks measure: the list, each asset's income state and the
	/// account's slots.
	pub fn asset_settlement_weight(accounts: u32) -> Weight {
		let reads = T::MaxProjectAssets::get().saturating_add(2).saturating_mul(accounts);
		T::DbWeight::get().reads_writes(reads.into(), accounts.into())
	}

	/// What checking a value equation's assets costs: one registration read per kind.
	pub fn kinds_read_weight() -> Weight {
		T::DbWeight::get().reads(T::MaxKinds::get().into())
	}

	/// Most accounts one acceptance mints to: the contributor and every approving reviewer.
	pub fn minted_accounts() -> u32 {
		T::MaxReviewers::get().saturating_add(1)
	}

	/// Most accounts one revocation burns from: each minted account and the moves from it.
	pub fn max_burned_accounts() -> u32 {
		Self::minted_accounts().saturating_mul(T::MaxMoveHops::get().saturating_add(1))
	}

	/// What forwarding every inbox of a project costs at most: the native split and one per
	/// asset on its list.
	pub fn forward_all_weight() -> Weight {
		T::WeightInfo::forward_income().saturating_add(
			T::WeightInfo::pay_income_in().saturating_mul(T::MaxProjectAssets::get().into()),
		)
	}

	/// What removing a project's records in assets costs at most: per asset, its treasury's
	/// transfer and four records, and the inboxes read before.
	pub fn asset_records_weight() -> Weight {
		let assets = u64::from(T::MaxProjectAssets::get());
		T::WeightInfo::spend_treasury_in().saturating_mul(assets).saturating_add(
			T::DbWeight::get().reads_writes(
				assets.saturating_mul(3).saturating_add(1),
				assets.saturating_mul(5).saturating_add(1),
			),
		)
	}

	/// What an acceptance that mints to `accounts` accounts may cost beyond the benchmarked
	/// native paths: each of them settled in every asset, and a bounty paid (or owed) in an
	/// asset.
	pub fn acceptance_extra_weight(accounts: u32) -> Weight {
		Self::asset_settlement_weight(accounts)
			.saturating_add(T::DbWeight::get().reads_writes(6, 6))
	}

	/// The pallet's account in every registered asset: owner, issuer, admin and freezer of
	/// each, and holder of every project's income, treasury and inbox in it. Keyless.
	pub fn asset_account() -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating(b"asts")
	}

	/// Whether `project` takes income in `asset` now.
	pub fn accepts(project: ProjectId, asset: T::AssetId) -> bool {
		ProjectAssets::<T>::get(project).iter().any(|a| a.asset == asset && a.accepting)
	}

	/// Pays `amount` of `asset` out of the pallet's asset account to `to`.
	pub(crate) fn pay_out_asset(
		asset: T::AssetId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		T::Assets::transfer(asset, &Self::asset_account(), to, amount, Preservation::Preserve)
			.map(|_| ())
	}

	/// Where `asset` is on `project`'s list (its holders' slot), if it ever accepted it.
	fn asset_index(project: ProjectId, asset: T::AssetId) -> Option<usize> {
		ProjectAssets::<T>::get(project).iter().position(|a| a.asset == asset)
	}

	pub(crate) fn do_register_asset(
		asset: T::AssetId,
		min_balance: BalanceOf<T>,
		max_debt: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!RegisteredAssets::<T>::contains_key(asset), Error::<T>::AssetRegistered);
		ensure!(!min_balance.is_zero(), Error::<T>::ZeroMinBalance);
		let account = Self::asset_account();
		T::Assets::create(asset, account.clone(), true, min_balance)?;
		// The account keeps its minimum balance for good, so that it never dies and every
		// ledger in it is paid to the planck.
		T::Assets::mint_into(asset, &account, min_balance)?;
		RegisteredAssets::<T>::insert(asset, RegisteredAsset { max_debt });
		Self::deposit_event(Event::AssetRegistered { asset, min_balance, max_debt });
		Ok(())
	}

	pub(crate) fn do_set_accepted_assets(
		project: ProjectId,
		assets: AssetListOf<T>,
	) -> DispatchResult {
		Self::project(project)?;
		for (i, asset) in assets.iter().enumerate() {
			ensure!(RegisteredAssets::<T>::contains_key(asset), Error::<T>::UnknownAsset);
			ensure!(
				!assets.iter().skip(i.saturating_add(1)).any(|other| other == asset),
				Error::<T>::DuplicateAsset
			);
		}
		let mut list = ProjectAssets::<T>::get(project);
		for entry in list.iter_mut() {
			entry.accepting = assets.contains(&entry.asset);
		}
		for asset in assets.iter() {
			if !list.iter().any(|a| a.asset == *asset) {
				list.try_push(ProjectAsset { asset: *asset, accepting: true })
					.map_err(|_| Error::<T>::TooManyAssets)?;
			}
		}
		ProjectAssets::<T>::insert(project, list);
		Self::deposit_event(Event::AcceptedAssetsSet { project, assets });
		Ok(())
	}

	/// Pays `amount` of `asset` from `payer` into `project`, after splitting what waits in its
	/// inbox in that asset (returns whether there was any).
	pub(crate) fn do_pay_income_in(
		payer: T::AccountId,
		project: ProjectId,
		asset: T::AssetId,
		amount: BalanceOf<T>,
	) -> Result<bool, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let p = Self::project(project)?;
		if p.status != ProjectStatus::Active || !Self::accepts(project, asset) {
			// A closed project, or an asset it no longer accepts: only its debts in the asset
			// take payments, up to what they are owed.
			return Self::pay_debts_in(payer, project, asset, amount, p.status).map(|_| false);
		}
		let forwarded = !AssetInboxes::<T>::get(project, asset).is_zero();
		if forwarded {
			Self::do_forward_asset(project, asset)?;
		}
		T::Assets::transfer(asset, &payer, &Self::asset_account(), amount, Preservation::Preserve)?;
		let split = Self::route_in(project, asset, amount)?;
		Self::deposit_event(Event::AssetIncomePaid {
			project,
			asset,
			payer,
			amount,
			to_holders: split.holders,
			to_treasury: split.treasury,
			to_upstream: split.upstream_total(),
			to_debts: split.debts,
		});
		Ok(forwarded)
	}

	/// Pays up to `amount` of `asset` from `payer` into `project`'s debts in it, all of it to
	/// them (a closed project, or one that no longer accepts the asset, still owes them).
	fn pay_debts_in(
		payer: T::AccountId,
		project: ProjectId,
		asset: T::AssetId,
		amount: BalanceOf<T>,
		status: ProjectStatus,
	) -> DispatchResult {
		let ledger = crate::AssetDebtLedgers::<T>::get(project, asset);
		let owed = ledger.owed.saturating_sub(ledger.repaid);
		if owed.is_zero() || Self::asset_index(project, asset).is_none() {
			return Err(if status == ProjectStatus::Active {
				Error::<T>::AssetNotAccepted.into()
			} else {
				Error::<T>::ProjectClosed.into()
			});
		}
		let amount = amount.min(owed);
		T::Assets::transfer(asset, &payer, &Self::asset_account(), amount, Preservation::Preserve)?;
		Self::pay_into_asset_debts(project, asset, amount)?;
		Self::deposit_event(Event::AssetIncomePaid {
			project,
			asset,
			payer,
			amount,
			to_holders: Zero::zero(),
			to_treasury: Zero::zero(),
			to_upstream: Zero::zero(),
			to_debts: amount,
		});
		Ok(())
	}

	/// Splits what waits in every inbox of `project`, the native one and each asset's.
	pub(crate) fn do_forward_all(project: ProjectId) -> DispatchResult {
		Self::project(project)?;
		let mut forwarded = false;
		if !UpstreamInbox::<T>::get(project).is_zero() {
			Self::do_forward_income(project)?;
			forwarded = true;
		}
		for entry in ProjectAssets::<T>::get(project).iter() {
			if !AssetInboxes::<T>::get(project, entry.asset).is_zero() {
				Self::do_forward_asset(project, entry.asset)?;
				forwarded = true;
			}
		}
		ensure!(forwarded, Error::<T>::NothingToForward);
		Ok(())
	}

	/// Splits what waits in `project`'s inbox in `asset` by its income policy.
	pub(crate) fn do_forward_asset(project: ProjectId, asset: T::AssetId) -> DispatchResult {
		let amount = AssetInboxes::<T>::take(project, asset);
		ensure!(!amount.is_zero(), Error::<T>::NothingToForward);
		let split = Self::route_in(project, asset, amount)?;
		Self::deposit_event(Event::AssetIncomeForwarded {
			project,
			asset,
			amount,
			to_holders: split.holders,
			to_treasury: split.treasury,
			to_upstream: split.upstream_total(),
			to_debts: split.debts,
		});
		Ok(())
	}

	/// Books `amount` of `asset`, already in the pallet's asset account, where `project`'s
	/// policy splits it: nothing moves between accounts, only between ledgers.
	fn route_in(
		project: ProjectId,
		asset: T::AssetId,
		amount: BalanceOf<T>,
	) -> Result<IncomeSplit<BalanceOf<T>>, DispatchError> {
		let split = Self::income_split_in(project, Some(asset), amount)?;
		for (up, part) in split.upstream.iter() {
			AssetInboxes::<T>::try_mutate(up, asset, |x| Self::add(x, *part))?;
			Self::deposit_event(Event::AssetUpstreamPaid {
				from: project,
				to: *up,
				asset,
				amount: *part,
			});
		}
		AssetTreasuries::<T>::try_mutate(project, asset, |x| Self::add(x, split.treasury))?;
		Self::pay_into_asset_debts(project, asset, split.debts)?;
		Self::distribute_in(project, asset, split.holders)?;
		Ok(split)
	}

	/// Adds `amount` to a ledger.
	fn add(ledger: &mut BalanceOf<T>, amount: BalanceOf<T>) -> DispatchResult {
		*ledger = ledger.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		Ok(())
	}

	/// Raises the income per unit of `project`'s holders in `asset` by `amount` (its treasury
	/// takes it while it has no units).
	fn distribute_in(
		project: ProjectId,
		asset: T::AssetId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let p = Self::project(project)?;
		if p.total_units == 0 {
			return AssetTreasuries::<T>::try_mutate(project, asset, |x| Self::add(x, amount));
		}
		let mut state = AssetIncomeStates::<T>::get(project, asset);
		Self::accrue(&mut state, amount, p.total_units)?;
		AssetIncomeStates::<T>::insert(project, asset, state);
		Ok(())
	}

	/// `who`'s slots in `project`, one for each asset on its list, settled for `units` (the
	/// units held since they were last settled). A slot not yet stored starts at zero: the
	/// holding has not changed since its asset joined the list, when the asset's income per
	/// unit was zero.
	fn settled_slots(
		project: ProjectId,
		who: &T::AccountId,
		units: Units,
	) -> Result<Option<AssetSlotsOf<T>>, DispatchError> {
		let list = ProjectAssets::<T>::get(project);
		if list.is_empty() {
			return Ok(None);
		}
		let mut slots = AssetHoldings::<T>::get(project, who);
		for (i, entry) in list.iter().enumerate() {
			if slots.len() <= i {
				// The list and the slots have the same bound.
				slots
					.try_push(AssetSlot::default())
					.map_err(|_| Error::<T>::Unexpected)
					.defensive()?;
			}
			let ipu = AssetIncomeStates::<T>::get(project, entry.asset).income_per_unit;
			let slot = slots.get_mut(i).defensive_ok_or(Error::<T>::Unexpected)?;
			Self::settle_slot(slot, units, ipu)?;
		}
		Ok(Some(slots))
	}

	/// Settles `who`'s income in every asset of `project` before their units change from
	/// `units`: at most [`Config::MaxProjectAssets`] reads.
	pub(crate) fn settle_assets(
		project: ProjectId,
		who: &T::AccountId,
		units: Units,
	) -> DispatchResult {
		if let Some(slots) = Self::settled_slots(project, who, units)? {
			AssetHoldings::<T>::insert(project, who, slots);
		}
		Ok(())
	}

	/// Moves `from`'s income in every asset of `project` to `to` (both settled, `from` holding
	/// `from_units` and `to` holding `to_units` until now).
	pub(crate) fn move_asset_income(
		project: ProjectId,
		from: &T::AccountId,
		from_units: Units,
		to: &T::AccountId,
		to_units: Units,
	) -> DispatchResult {
		let (Some(source), Some(mut target)) = (
			Self::settled_slots(project, from, from_units)?,
			Self::settled_slots(project, to, to_units)?,
		) else {
			return Ok(());
		};
		for (t, s) in target.iter_mut().zip(source.iter()) {
			let remainder =
				t.remainder.checked_add(s.remainder).ok_or(ArithmeticError::Overflow)?;
			// Two fractions of a unit of the asset may make a whole one.
			let whole = remainder.checked_div(INCOME_PRECISION).unwrap_or_default();
			t.remainder = remainder.checked_rem(INCOME_PRECISION).unwrap_or_default();
			let unclaimed = Self::to_u128(t.unclaimed)?
				.checked_add(Self::to_u128(s.unclaimed)?)
				.and_then(|x| x.checked_add(whole))
				.ok_or(ArithmeticError::Overflow)?;
			t.unclaimed = Self::balance(unclaimed)?;
		}
		AssetHoldings::<T>::insert(project, to, target);
		AssetHoldings::<T>::remove(project, from);
		Ok(())
	}

	/// Income `who` can claim from `project` in `asset` now.
	pub fn pending_income_in(
		project: ProjectId,
		asset: T::AssetId,
		who: &T::AccountId,
	) -> BalanceOf<T> {
		let (Some(i), Some(holding)) =
			(Self::asset_index(project, asset), Holdings::<T>::get(project, who))
		else {
			return Zero::zero();
		};
		let mut slot = AssetHoldings::<T>::get(project, who).get(i).copied().unwrap_or_default();
		let ipu = AssetIncomeStates::<T>::get(project, asset).income_per_unit;
		match Self::settle_slot(&mut slot, holding.units, ipu) {
			Ok(()) => slot.unclaimed,
			Err(_) => Zero::zero(),
		}
	}

	/// Pays `who` what is pending for them in `project` in `asset`; returns the amount.
	pub(crate) fn do_claim_asset(
		project: ProjectId,
		asset: T::AssetId,
		who: T::AccountId,
	) -> Result<BalanceOf<T>, DispatchError> {
		Self::project(project)?;
		let i = Self::asset_index(project, asset).ok_or(Error::<T>::AssetNotAccepted)?;
		let holding = Holdings::<T>::get(project, &who).ok_or(Error::<T>::NothingToClaim)?;
		let mut slots = Self::settled_slots(project, &who, holding.units)?
			.defensive_ok_or(Error::<T>::Unexpected)?;
		let slot = slots.get_mut(i).defensive_ok_or(Error::<T>::Unexpected)?;
		let amount = slot.unclaimed;
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		slot.unclaimed = Zero::zero();
		let mut state = AssetIncomeStates::<T>::get(project, asset);
		state.claimed = state.claimed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		Self::pay_out_asset(asset, &who, amount)?;
		AssetHoldings::<T>::insert(project, &who, slots);
		AssetIncomeStates::<T>::insert(project, asset, state);
		Self::deposit_event(Event::AssetIncomeClaimed { project, asset, who, amount });
		Ok(amount)
	}

	pub(crate) fn do_claim_assets_for(
		project: ProjectId,
		who: T::AccountId,
		assets: AssetListOf<T>,
	) -> DispatchResult {
		let mut paid = false;
		for asset in assets.iter() {
			match Self::do_claim_asset(project, *asset, who.clone()) {
				Ok(_) => paid = true,
				Err(e) if e == Error::<T>::NothingToClaim.into() => {},
				Err(e) => return Err(e),
			}
		}
		ensure!(paid, Error::<T>::NothingToClaim);
		Ok(())
	}

	pub(crate) fn do_spend_treasury_in(
		project: ProjectId,
		asset: T::AssetId,
		to: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::project(project)?;
		// Paid to the pallet's own account, it would leave the ledgers and stay there.
		ensure!(to != Self::asset_account(), Error::<T>::TreasuryTooLow);
		let held = AssetTreasuries::<T>::get(project, asset);
		let rest = held.checked_sub(&amount).ok_or(Error::<T>::TreasuryTooLow)?;
		Self::pay_out_asset(asset, &to, amount)?;
		AssetTreasuries::<T>::insert(project, asset, rest);
		Self::deposit_event(Event::AssetTreasurySpent { project, asset, to, amount });
		Ok(())
	}

	/// What `project` holds in each asset on its list.
	pub fn project_assets(
		project: ProjectId,
	) -> alloc::vec::Vec<ProjectAssetView<T::AssetId, BalanceOf<T>>> {
		ProjectAssets::<T>::get(project)
			.iter()
			.map(|entry| {
				let state = AssetIncomeStates::<T>::get(project, entry.asset);
				ProjectAssetView {
					asset: entry.asset,
					accepting: entry.accepting,
					treasury: AssetTreasuries::<T>::get(project, entry.asset),
					inbox: AssetInboxes::<T>::get(project, entry.asset),
					distributed: state.distributed,
					claimed: state.claimed,
					debts: crate::AssetDebtLedgers::<T>::get(project, entry.asset),
				}
			})
			.collect()
	}

	/// Removes a project's records in assets (with the project): what its treasury holds in
	/// each goes to `to`, or, if `to` cannot receive it (less than the asset's minimum balance
	/// to an account without one), stays in the pallet's asset account as dust, as an
	/// account's dust below the existential deposit is lost: nothing keeps the project from
	/// being removed.
	pub(crate) fn remove_asset_records(project: ProjectId, to: &T::AccountId) {
		for entry in ProjectAssets::<T>::take(project).iter() {
			let held = AssetTreasuries::<T>::take(project, entry.asset);
			if !held.is_zero() {
				// A failed transfer changes nothing.
				let _ = frame_support::storage::with_storage_layer(|| {
					T::Assets::transfer(
						entry.asset,
						&Self::asset_account(),
						to,
						held,
						Preservation::Preserve,
					)
				});
			}
			AssetIncomeStates::<T>::remove(project, entry.asset);
			AssetInboxes::<T>::remove(project, entry.asset);
			crate::AssetDebtLedgers::<T>::remove(project, entry.asset);
		}
	}

	/// Whether income from downstream waits in any of `project`'s inboxes.
	pub(crate) fn has_inbox(project: ProjectId) -> bool {
		!UpstreamInbox::<T>::get(project).is_zero()
			|| ProjectAssets::<T>::get(project)
				.iter()
				.any(|entry| !AssetInboxes::<T>::get(project, entry.asset).is_zero())
	}
}
