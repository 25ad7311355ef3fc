//! Income: payments into a project, split by its income policy and shared pro-rata to value
//! units at constant cost (an accumulated income per unit and a checkpoint per holder, the
//! reward-counter pattern of `pallet-nomination-pools`).

use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate},
		tokens::Preservation,
		DefensiveOption, Get,
	},
};
use sp_core::U256;
use sp_runtime::{
	traits::{AccountIdConversion, CheckedAdd, CheckedSub, Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult, Perbill,
};

use crate::{
	types::*, Config, DebtLedgers, Error, Event, Holdings, IncomePolicies, IncomeStates, Pallet,
	Projects, UpstreamInbox,
};

impl<T: Config> Pallet<T> {
	/// The account income for a project's holders is paid into.
	pub fn income_account(project: ProjectId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"incm", project))
	}

	pub(crate) fn balance(x: u128) -> Result<BalanceOf<T>, DispatchError> {
		BalanceOf::<T>::try_from(x).map_err(|_| ArithmeticError::Overflow.into())
	}

	pub(crate) fn to_u128(x: BalanceOf<T>) -> Result<u128, DispatchError> {
		x.try_into().map_err(|_| ArithmeticError::Overflow.into())
	}

	/// Settles a holding against the project's income per unit: what it earned since its
	/// checkpoint, `units × (income per unit − checkpoint) + remainder`, moves to `unclaimed`
	/// in whole planck, and the fraction of a planck stays as the remainder.
	pub(crate) fn settle(
		holding: &mut Holding<BalanceOf<T>, BlockNumberOf<T>>,
		income_per_unit: IncomePerUnit,
	) -> DispatchResult {
		let mut slot = AssetSlot {
			checkpoint: holding.income_checkpoint,
			unclaimed: holding.unclaimed,
			remainder: holding.income_remainder,
		};
		Self::settle_slot(&mut slot, holding.units, income_per_unit)?;
		holding.income_checkpoint = slot.checkpoint;
		holding.unclaimed = slot.unclaimed;
		holding.income_remainder = slot.remainder;
		Ok(())
	}

	/// Settles `units`' income in one currency (see [`Self::settle`]).
	pub(crate) fn settle_slot(
		slot: &mut AssetSlot<BalanceOf<T>>,
		units: Units,
		income_per_unit: IncomePerUnit,
	) -> DispatchResult {
		let delta = income_per_unit.saturating_sub(slot.checkpoint);
		let scaled = U256::from(units)
			.checked_mul(U256::from(delta))
			.and_then(|x| x.checked_add(U256::from(slot.remainder)))
			.ok_or(ArithmeticError::Overflow)?;
		let (earned, remainder) = scaled.div_mod(U256::from(INCOME_PRECISION));
		let earned = u128::try_from(earned).map_err(|_| ArithmeticError::Overflow)?;
		let unclaimed = Self::to_u128(slot.unclaimed)?
			.checked_add(earned)
			.ok_or(ArithmeticError::Overflow)?;
		slot.unclaimed = Self::balance(unclaimed)?;
		slot.remainder = remainder.low_u128();
		slot.checkpoint = income_per_unit;
		Ok(())
	}

	/// Income `who` can claim from `project` now.
	pub fn pending_income(project: ProjectId, who: &T::AccountId) -> BalanceOf<T> {
		let Some(mut holding) = Holdings::<T>::get(project, who) else { return Zero::zero() };
		let ipu = IncomeStates::<T>::get(project).income_per_unit;
		match Self::settle(&mut holding, ipu) {
			Ok(()) => holding.unclaimed,
			Err(_) => Zero::zero(),
		}
	}

	/// The buckets of the old two-part policy: `treasury` first, then each upstream project,
	/// shares of zero left out.
	pub(crate) fn buckets_of(
		treasury: Perbill,
		upstream: &UpstreamOf<T>,
	) -> Result<BucketsOf<T>, DispatchError> {
		let treasury =
			(!treasury.is_zero()).then_some(Bucket { to: BucketTarget::Treasury, share: treasury });
		let upstream = upstream
			.iter()
			.filter(|(_, share)| !share.is_zero())
			.map(|(up, share)| Bucket { to: BucketTarget::Upstream(*up), share: *share });
		BucketsOf::<T>::try_from(
			treasury.into_iter().chain(upstream).collect::<alloc::vec::Vec<_>>(),
		)
		.map_err(|_| Error::<T>::InvalidIncomePolicy.into())
	}

	/// Checks a policy's buckets: shares above zero adding up to at most 100%, the treasury
	/// and the debts at most once each, upstream projects that exist, each once, not this one,
	/// at most [`Config::MaxUpstreams`] of them, their shares adding up to at most
	/// [`Config::MaxUpstreamShare`].
	fn ensure_valid_buckets(project: ProjectId, buckets: &BucketsOf<T>) -> DispatchResult {
		let mut total = 0u64;
		let mut upstream_total = 0u64;
		let mut upstreams = 0u32;
		for (i, bucket) in buckets.iter().enumerate() {
			ensure!(!bucket.share.is_zero(), Error::<T>::InvalidIncomePolicy);
			ensure!(
				buckets.iter().skip(i.saturating_add(1)).all(|other| other.to != bucket.to),
				Error::<T>::InvalidIncomePolicy
			);
			if let BucketTarget::Upstream(up) = bucket.to {
				ensure!(up != project, Error::<T>::InvalidIncomePolicy);
				ensure!(Projects::<T>::contains_key(up), Error::<T>::UnknownProject);
				upstreams = upstreams.saturating_add(1);
				upstream_total =
					upstream_total.saturating_add(u64::from(bucket.share.deconstruct()));
			}
			total = total.saturating_add(u64::from(bucket.share.deconstruct()));
		}
		ensure!(
			total <= u64::from(Perbill::one().deconstruct()) && upstreams <= T::MaxUpstreams::get(),
			Error::<T>::InvalidIncomePolicy
		);
		ensure!(
			upstream_total <= u64::from(T::MaxUpstreamShare::get().deconstruct()),
			Error::<T>::UpstreamShareTooHigh
		);
		Ok(())
	}

	/// Replaces a project's income policy; its version goes up by one.
	pub(crate) fn do_set_income_buckets(
		project: ProjectId,
		buckets: BucketsOf<T>,
	) -> DispatchResult {
		Self::project(project)?;
		Self::ensure_valid_buckets(project, &buckets)?;
		// What arrived under the old policy is split under it.
		if Self::has_inbox(project) {
			Self::do_forward_all(project)?;
		}
		// Creditors keep their bucket, at least at its share, until they are repaid.
		if Self::owes_debts(project) {
			let debts_share = |buckets: &BucketsOf<T>| {
				buckets.iter().find(|b| b.to == BucketTarget::Debts).map(|b| b.share)
			};
			let now = IncomePolicies::<T>::get(project)
				.and_then(|p| debts_share(&p.buckets))
				.unwrap_or_else(Perbill::zero);
			ensure!(debts_share(&buckets).is_some_and(|s| s >= now), Error::<T>::DebtsOwed);
		}
		let version = IncomePolicies::<T>::get(project)
			.map_or(0, |p| p.version)
			.checked_add(1)
			.ok_or(ArithmeticError::Overflow)?;
		IncomePolicies::<T>::insert(project, IncomePolicy { version, buckets: buckets.clone() });
		Self::deposit_event(Event::IncomePolicySet { project, version, buckets });
		Ok(())
	}

	/// How `amount` paid to `project` now is split by its income policy (see "Income" in the
	/// crate docs): each bucket in order takes its share of the payment plus what the buckets
	/// before it could not use, as far as it can use it (a closed upstream project nothing,
	/// the upstream projects together at most [`Config::MaxUpstreamShare`] of the payment, the
	/// debts what is still owed); the rest, rounding included, goes to the holders, or to the
	/// treasury while the project has no units. The parts add up to `amount` exactly.
	pub fn income_split(
		project: ProjectId,
		amount: BalanceOf<T>,
	) -> Result<IncomeSplit<BalanceOf<T>>, DispatchError> {
		Self::income_split_in(project, None, amount)
	}

	/// How `amount` paid to `project` now in `asset` (none: the native currency) is split:
	/// as [`Self::income_split`], where an upstream project that does not accept the asset
	/// takes nothing, and the debts are those owed in that currency.
	pub fn income_split_in(
		project: ProjectId,
		asset: Option<T::AssetId>,
		amount: BalanceOf<T>,
	) -> Result<IncomeSplit<BalanceOf<T>>, DispatchError> {
		let p = Self::project(project)?;
		let policy = IncomePolicies::<T>::get(project).unwrap_or_default();
		let outstanding = match asset {
			None => {
				let ledger = DebtLedgers::<T>::get(project);
				ledger.owed.saturating_sub(ledger.repaid)
			},
			Some(asset) => {
				let ledger = crate::AssetDebtLedgers::<T>::get(project, asset);
				ledger.owed.saturating_sub(ledger.repaid)
			},
		};
		let mut split = IncomeSplit::<BalanceOf<T>>::default();
		let (mut carried, mut used) = (BalanceOf::<T>::zero(), BalanceOf::<T>::zero());
		// Policies are checked against the cap when set; this holds it for every payment, so
		// that each hop passes on less than it received.
		let mut upstream_room = T::MaxUpstreamShare::get().mul_floor(amount);
		for bucket in policy.buckets.iter() {
			let offered = bucket.share.mul_floor(amount).saturating_add(carried);
			let taken = match bucket.to {
				BucketTarget::Treasury => {
					split.treasury = offered;
					offered
				},
				BucketTarget::Upstream(up) => {
					let open = Projects::<T>::get(up)
						.is_some_and(|q| q.status == ProjectStatus::Active)
						&& asset.is_none_or(|a| Self::accepts(up, a));
					let taken = if open { offered.min(upstream_room) } else { Zero::zero() };
					upstream_room = upstream_room.saturating_sub(taken);
					if !taken.is_zero() {
						split.upstream.push((up, taken));
					}
					taken
				},
				BucketTarget::Debts => {
					split.debts = offered.min(outstanding);
					split.debts
				},
			};
			carried = offered.saturating_sub(taken);
			used = used.checked_add(&taken).ok_or(ArithmeticError::Overflow)?;
		}
		// The shares never exceed 100%, and each bucket takes at most its share of the payment
		// and what earlier ones left.
		let rest = amount.checked_sub(&used).defensive_ok_or(ArithmeticError::Underflow)?;
		if p.total_units == 0 {
			split.treasury = split.treasury.checked_add(&rest).ok_or(ArithmeticError::Overflow)?;
		} else {
			split.holders = rest;
		}
		Ok(split)
	}

	/// Pays `amount` from `payer` into `project`, split by its income policy, after splitting
	/// what waits in its inbox (returns whether there was any).
	pub(crate) fn do_pay_income(
		payer: T::AccountId,
		project: ProjectId,
		amount: BalanceOf<T>,
	) -> Result<bool, DispatchError> {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let p = Self::project(project)?;
		ensure!(p.status == ProjectStatus::Active, Error::<T>::ProjectClosed);
		// Income from downstream first, under the policy it arrived under. (It is shared by
		// the units held when it is forwarded: see "Every hop" in the crate docs.)
		let forwarded = !UpstreamInbox::<T>::get(project).is_zero();
		if forwarded {
			Self::do_forward_income(project)?;
		}
		// Only what the payer pays directly: the upstream shares below do not make it a payer
		// of the upstream projects.
		Self::note_payer(project, &payer, amount);
		let split = Self::route(&payer, project, amount)?;
		Self::deposit_event(Event::IncomePaid {
			project,
			payer,
			amount,
			to_holders: split.holders,
			to_treasury: split.treasury,
			to_upstream: split.upstream_total(),
			to_debts: split.debts,
		});
		Ok(forwarded)
	}

	/// Splits what waits in `project`'s inbox by its income policy.
	pub(crate) fn do_forward_income(project: ProjectId) -> DispatchResult {
		Self::project(project)?;
		let amount = UpstreamInbox::<T>::take(project);
		ensure!(!amount.is_zero(), Error::<T>::NothingToForward);
		// The inbox is in the project's pot: its holders' and creditors' parts stay there.
		let split = Self::route(&Self::income_account(project), project, amount)?;
		Self::deposit_event(Event::IncomeForwarded {
			project,
			amount,
			to_holders: split.holders,
			to_treasury: split.treasury,
			to_upstream: split.upstream_total(),
			to_debts: split.debts,
		});
		Ok(())
	}

	/// Moves `amount` from `source` (a payer, or the project's own pot) where the project's
	/// policy splits it: each upstream project's part into that project's pot and inbox (the
	/// next hop), the treasury's into the treasury, the creditors' and the holders' into the
	/// pot, with their ledgers.
	fn route(
		source: &T::AccountId,
		project: ProjectId,
		amount: BalanceOf<T>,
	) -> Result<IncomeSplit<BalanceOf<T>>, DispatchError> {
		let split = Self::income_split(project, amount)?;
		for (up, part) in split.upstream.iter() {
			Self::move_funds(source, &Self::income_account(*up), *part)?;
			UpstreamInbox::<T>::try_mutate(up, |inbox| {
				*inbox = inbox.checked_add(part).ok_or(ArithmeticError::Overflow)?;
				Ok::<_, DispatchError>(())
			})?;
			Self::deposit_event(Event::UpstreamPaid { from: project, to: *up, amount: *part });
		}
		Self::move_funds(source, &Self::treasury_account(project), split.treasury)?;
		Self::pay_into_debts(source, project, split.debts)?;
		Self::distribute(source, project, split.holders)?;
		Ok(split)
	}

	/// Transfers `amount` from `from` to `to`, keeping `from` alive; nothing to move when they
	/// are the same account or the amount is zero.
	pub(crate) fn move_funds(
		from: &T::AccountId,
		to: &T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() || from == to {
			return Ok(());
		}
		T::Currency::transfer(from, to, amount, Preservation::Preserve).map(|_| ())
	}

	/// Pays `amount` from `source` to `project`'s holders (its treasury if it has none yet).
	fn distribute(
		source: &T::AccountId,
		project: ProjectId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		if amount.is_zero() {
			return Ok(());
		}
		let p = Self::project(project)?;
		if p.total_units == 0 {
			return Self::move_funds(source, &Self::treasury_account(project), amount);
		}
		let mut state = IncomeStates::<T>::get(project);
		Self::accrue(&mut state, amount, p.total_units)?;
		Self::move_funds(source, &Self::income_account(project), amount)?;
		IncomeStates::<T>::insert(project, state);
		Ok(())
	}

	/// Raises an income per unit by `amount` shared over `units` (scaled by the precision:
	/// `amount × 10^12` plus what earlier payments carried, the rounding carried on).
	pub(crate) fn accrue(
		state: &mut IncomeState<BalanceOf<T>>,
		amount: BalanceOf<T>,
		units: Units,
	) -> DispatchResult {
		let distributable = U256::from(Self::to_u128(amount)?)
			.checked_mul(U256::from(INCOME_PRECISION))
			.and_then(|x| x.checked_add(U256::from(state.carried)))
			.ok_or(ArithmeticError::Overflow)?;
		let (increment, carried) = distributable.div_mod(U256::from(units));
		let increment = u128::try_from(increment).map_err(|_| ArithmeticError::Overflow)?;
		state.income_per_unit =
			state.income_per_unit.checked_add(increment).ok_or(ArithmeticError::Overflow)?;
		state.carried = carried.low_u128();
		state.distributed =
			state.distributed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		Ok(())
	}

	/// Pays `who` the income pending for them in `project`.
	pub(crate) fn do_claim(project: ProjectId, who: T::AccountId) -> DispatchResult {
		Self::project(project)?;
		let mut holding = Holdings::<T>::get(project, &who).ok_or(Error::<T>::NothingToClaim)?;
		let mut state = IncomeStates::<T>::get(project);
		Self::settle(&mut holding, state.income_per_unit)?;
		let amount = holding.unclaimed;
		ensure!(!amount.is_zero(), Error::<T>::NothingToClaim);
		T::Currency::transfer(
			&Self::income_account(project),
			&who,
			amount,
			Preservation::Preserve,
		)?;
		holding.unclaimed = Zero::zero();
		state.claimed = state.claimed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		Holdings::<T>::insert(project, &who, holding);
		IncomeStates::<T>::insert(project, state);
		Self::deposit_event(Event::IncomeClaimed { project, who, amount });
		Ok(())
	}

	pub(crate) fn do_spend_treasury(
		project: ProjectId,
		to: T::AccountId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		Self::project(project)?;
		T::Currency::transfer(
			&Self::treasury_account(project),
			&to,
			amount,
			Preservation::Preserve,
		)?;
		Self::deposit_event(Event::TreasurySpent { project, to, amount });
		Ok(())
	}

	/// What the project's treasury can spend.
	pub fn treasury_balance(project: ProjectId) -> BalanceOf<T> {
		T::Currency::reducible_balance(
			&Self::treasury_account(project),
			Preservation::Preserve,
			frame_support::traits::tokens::Fortitude::Polite,
		)
	}
}
