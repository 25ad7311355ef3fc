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
	types::*, Config, Error, Event, Holdings, IncomePolicies, IncomeStates, Pallet, Projects,
};

impl<T: Config> Pallet<T> {
	/// The account income for a project's holders is paid into.
	pub fn income_account(project: ProjectId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"incm", project))
	}

	fn balance(x: u128) -> Result<BalanceOf<T>, DispatchError> {
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
		let delta = income_per_unit.saturating_sub(holding.income_checkpoint);
		let scaled = U256::from(holding.units)
			.checked_mul(U256::from(delta))
			.and_then(|x| x.checked_add(U256::from(holding.income_remainder)))
			.ok_or(ArithmeticError::Overflow)?;
		let (earned, remainder) = scaled.div_mod(U256::from(INCOME_PRECISION));
		let earned = u128::try_from(earned).map_err(|_| ArithmeticError::Overflow)?;
		let unclaimed = Self::to_u128(holding.unclaimed)?
			.checked_add(earned)
			.ok_or(ArithmeticError::Overflow)?;
		holding.unclaimed = Self::balance(unclaimed)?;
		holding.income_remainder = remainder.low_u128();
		holding.income_checkpoint = income_per_unit;
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

	pub(crate) fn do_set_income_policy(
		project: ProjectId,
		treasury: Perbill,
		upstream: UpstreamOf<T>,
	) -> DispatchResult {
		Self::project(project)?;
		let mut total = u64::from(treasury.deconstruct());
		for (i, (up, share)) in upstream.iter().enumerate() {
			ensure!(*up != project, Error::<T>::InvalidIncomePolicy);
			ensure!(Projects::<T>::contains_key(up), Error::<T>::UnknownProject);
			ensure!(
				upstream.iter().skip(i.saturating_add(1)).all(|(other, _)| other != up),
				Error::<T>::InvalidIncomePolicy
			);
			total = total.saturating_add(u64::from(share.deconstruct()));
		}
		ensure!(total <= u64::from(Perbill::one().deconstruct()), Error::<T>::InvalidIncomePolicy);
		IncomePolicies::<T>::insert(
			project,
			crate::IncomePolicy { treasury, upstream: upstream.clone() },
		);
		Self::deposit_event(Event::IncomePolicySet { project, treasury, upstream });
		Ok(())
	}

	/// Pays `amount` from `payer` into `project`, split by its income policy.
	pub(crate) fn do_pay_income(
		payer: T::AccountId,
		project: ProjectId,
		amount: BalanceOf<T>,
	) -> DispatchResult {
		ensure!(!amount.is_zero(), Error::<T>::ZeroAmount);
		let p = Self::project(project)?;
		ensure!(p.status == ProjectStatus::Active, Error::<T>::ProjectClosed);
		// Only what the payer pays directly: the upstream shares below do not make it a payer
		// of the upstream projects.
		Self::note_payer(project, &payer, amount);
		let policy = IncomePolicies::<T>::get(project).unwrap_or_default();

		let to_treasury = policy.treasury.mul_floor(amount);
		let mut to_upstream = BalanceOf::<T>::zero();
		for (up, share) in policy.upstream.iter() {
			let part = share.mul_floor(amount);
			// A closed upstream project takes nothing: its share stays with this project's
			// holders.
			let open = Projects::<T>::get(up).is_some_and(|q| q.status == ProjectStatus::Active);
			if !part.is_zero() && open {
				// Upstream income goes to the upstream project's holders, not further upstream.
				Self::distribute(&payer, *up, part)?;
				Self::deposit_event(Event::UpstreamPaid { from: project, to: *up, amount: part });
				to_upstream = to_upstream.saturating_add(part);
			}
		}
		if !to_treasury.is_zero() {
			T::Currency::transfer(
				&payer,
				&Self::treasury_account(project),
				to_treasury,
				Preservation::Preserve,
			)?;
		}
		// The policy's shares never exceed 100%: the rest, rounding included, is the holders'.
		let to_holders = amount
			.checked_sub(&to_treasury)
			.and_then(|x| x.checked_sub(&to_upstream))
			.defensive_ok_or(ArithmeticError::Underflow)?;
		let to_holders = Self::distribute(&payer, project, to_holders)?;
		Self::deposit_event(Event::IncomePaid {
			project,
			payer,
			amount,
			to_holders,
			to_treasury: amount.saturating_sub(to_holders).saturating_sub(to_upstream),
			to_upstream,
		});
		Ok(())
	}

	/// Pays `amount` from `payer` to `project`'s holders (its treasury if it has none yet).
	/// Returns what went to the holders.
	fn distribute(
		payer: &T::AccountId,
		project: ProjectId,
		amount: BalanceOf<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let p = Self::project(project)?;
		if amount.is_zero() {
			return Ok(amount);
		}
		if p.total_units == 0 {
			T::Currency::transfer(
				payer,
				&Self::treasury_account(project),
				amount,
				Preservation::Preserve,
			)?;
			return Ok(Zero::zero());
		}
		let mut state = IncomeStates::<T>::get(project);
		// Scaled by the precision: amount × 10^12 plus what earlier payments carried.
		let distributable = U256::from(Self::to_u128(amount)?)
			.checked_mul(U256::from(INCOME_PRECISION))
			.and_then(|x| x.checked_add(U256::from(state.carried)))
			.ok_or(ArithmeticError::Overflow)?;
		let (increment, carried) = distributable.div_mod(U256::from(p.total_units));
		let increment = u128::try_from(increment).map_err(|_| ArithmeticError::Overflow)?;
		state.income_per_unit =
			state.income_per_unit.checked_add(increment).ok_or(ArithmeticError::Overflow)?;
		state.carried = carried.low_u128();
		state.distributed =
			state.distributed.checked_add(&amount).ok_or(ArithmeticError::Overflow)?;
		T::Currency::transfer(
			payer,
			&Self::income_account(project),
			amount,
			Preservation::Preserve,
		)?;
		IncomeStates::<T>::insert(project, state);
		Ok(amount)
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
