//! Value units: minting, burning, moving, and shares. Units cannot be transferred by their
//! holders; only the project's vote moves them (a lost key) or burns them (a revoked
//! contribution).

use frame_support::{
	ensure,
	traits::{DefensiveOption, Get},
};
use sp_runtime::{ArithmeticError, DispatchError, DispatchResult, Perbill};

use crate::{
	types::*, Config, Error, Event, HoldingMarks, Holdings, IncomeStates, Pallet, Projects,
	TotalMarks, UnitMoves,
};

impl<T: Config> Pallet<T> {
	/// Records the units of `who` and of the project before they change in this epoch, so
	/// that voice-credit budgets use the units at the epoch's start.
	fn mark_change(project: ProjectId, who: &T::AccountId, units: Units, total: Units) {
		let epoch = Self::current_epoch();
		HoldingMarks::<T>::mutate(project, who, |m| {
			*m = Some(UnitsMark::note_change(*m, epoch, units))
		});
		TotalMarks::<T>::mutate(project, |m| *m = Some(UnitsMark::note_change(*m, epoch, total)));
	}

	/// Mints `units` of `project` to `who`.
	pub(crate) fn mint(project: ProjectId, who: &T::AccountId, units: Units) -> DispatchResult {
		if units == 0 {
			return Ok(());
		}
		let mut p = Self::project(project)?;
		let mut holding = Holdings::<T>::get(project, who).unwrap_or_default();
		Self::mark_change(project, who, holding.units, p.total_units);
		// Units minted now take no part in income paid before, in any currency.
		Self::settle(&mut holding, IncomeStates::<T>::get(project).income_per_unit)?;
		Self::settle_assets(project, who, holding.units)?;
		if holding.units == 0 {
			holding.member_since = frame_system::Pallet::<T>::block_number();
			p.holders = p.holders.checked_add(1).ok_or(ArithmeticError::Overflow)?;
			Self::note_joined(project);
		}
		holding.units = holding.units.checked_add(units).ok_or(ArithmeticError::Overflow)?;
		p.total_units = p.total_units.checked_add(units).ok_or(ArithmeticError::Overflow)?;
		Holdings::<T>::insert(project, who, holding);
		Projects::<T>::insert(project, p);
		Self::deposit_event(Event::UnitsMinted { project, who: who.clone(), units });
		Ok(())
	}

	/// Burns up to `units` of `project` from `who`; returns how many were burned. Income the
	/// holding earned before stays settled to it.
	pub(crate) fn burn(
		project: ProjectId,
		who: &T::AccountId,
		units: Units,
	) -> Result<Units, DispatchError> {
		let Some(mut holding) = Holdings::<T>::get(project, who) else { return Ok(0) };
		let burned = units.min(holding.units);
		if burned == 0 {
			return Ok(0);
		}
		let mut p = Self::project(project)?;
		Self::mark_change(project, who, holding.units, p.total_units);
		Self::settle(&mut holding, IncomeStates::<T>::get(project).income_per_unit)?;
		Self::settle_assets(project, who, holding.units)?;
		// At most what the holding has, which the total includes.
		holding.units =
			holding.units.checked_sub(burned).defensive_ok_or(ArithmeticError::Underflow)?;
		p.total_units =
			p.total_units.checked_sub(burned).defensive_ok_or(ArithmeticError::Underflow)?;
		if holding.units == 0 {
			p.holders = p.holders.checked_sub(1).defensive_ok_or(ArithmeticError::Underflow)?;
			Self::note_left(project, who, holding.member_since);
		}
		Holdings::<T>::insert(project, who, holding);
		Projects::<T>::insert(project, p);
		Self::deposit_event(Event::UnitsBurned { project, who: who.clone(), units: burned });
		Ok(burned)
	}

	/// Burns up to `units` of `project` from `who` and, for what `who` no longer holds, from
	/// where the project's vote moved `who`'s units ([`UnitMoves`], at most
	/// [`Config::MaxMoveHops`] moves on). Returns the units burned and the moves followed.
	pub(crate) fn burn_following(
		project: ProjectId,
		who: &T::AccountId,
		units: Units,
	) -> Result<(Units, u32), DispatchError> {
		let mut burned = Self::burn(project, who, units)?;
		let mut at = who.clone();
		let mut hops = 0u32;
		while burned < units && hops < T::MaxMoveHops::get() {
			let Some(next) = UnitMoves::<T>::get(project, &at).moved_to else { break };
			hops = hops.saturating_add(1);
			let short = units.saturating_sub(burned);
			burned = burned.saturating_add(Self::burn(project, &next, short)?);
			at = next;
		}
		Ok((burned, hops))
	}

	/// Most moves a revocation may follow: `MaxMoveHops` for the contributor and for each
	/// rewarded reviewer.
	pub(crate) fn max_revocation_hops() -> u32 {
		T::MaxMoveHops::get().saturating_mul(T::MaxReviewers::get().saturating_add(1))
	}

	/// Moves all of `from`'s units and unclaimed income to `to`.
	pub(crate) fn do_move_units(
		project: ProjectId,
		from: T::AccountId,
		to: T::AccountId,
	) -> DispatchResult {
		ensure!(from != to, Error::<T>::SameAccount);
		let mut p = Self::project(project)?;
		let mut source = Holdings::<T>::get(project, &from).ok_or(Error::<T>::NoUnits)?;
		ensure!(source.units > 0, Error::<T>::NoUnits);
		let mut target = Holdings::<T>::get(project, &to).unwrap_or_default();
		// A revocation follows the units: `from` records where they went, `to` how many moves
		// led into its units, so that no chain of moves is longer than `MaxMoveHops`.
		let moved = UnitMoves::<T>::get(project, &from);
		// A key whose units were moved away is lost: moving it again would lose the trail a
		// revocation follows (units minted to it since stay there).
		ensure!(moved.moved_to.is_none(), Error::<T>::AlreadyMoved);
		let depth = moved.depth.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		ensure!(depth <= T::MaxMoveHops::get(), Error::<T>::TooManyMoves);
		let ipu = IncomeStates::<T>::get(project).income_per_unit;
		Self::settle(&mut source, ipu)?;
		Self::settle(&mut target, ipu)?;
		Self::move_asset_income(project, &from, source.units, &to, target.units)?;
		Self::mark_change(project, &from, source.units, p.total_units);
		Self::mark_change(project, &to, target.units, p.total_units);

		// The old key holds nothing any more.
		Self::note_left(project, &from, source.member_since);
		if target.units == 0 {
			// A new key is a new member: it votes on proposals made from the next block on,
			// never on those the old key may already have voted on, and serves its tenure anew.
			target.member_since = frame_system::Pallet::<T>::block_number();
			Self::note_joined(project);
		} else {
			// Two holdings merge into one.
			p.holders = p.holders.checked_sub(1).defensive_ok_or(ArithmeticError::Underflow)?;
		}
		let units = source.units;
		target.units = target.units.checked_add(units).ok_or(ArithmeticError::Overflow)?;
		let unclaimed = Self::to_u128(target.unclaimed)?
			.checked_add(Self::to_u128(source.unclaimed)?)
			.ok_or(ArithmeticError::Overflow)?;
		let remainder = target
			.income_remainder
			.checked_add(source.income_remainder)
			.ok_or(ArithmeticError::Overflow)?;
		// Two fractions of a planck may make a whole one.
		let (whole, remainder) = (
			remainder.checked_div(INCOME_PRECISION).unwrap_or_default(),
			remainder.checked_rem(INCOME_PRECISION).unwrap_or_default(),
		);
		let unclaimed = unclaimed.checked_add(whole).ok_or(ArithmeticError::Overflow)?;
		target.unclaimed = unclaimed.try_into().map_err(|_| ArithmeticError::Overflow)?;
		target.income_remainder = remainder;
		Holdings::<T>::insert(project, &to, target);
		Holdings::<T>::remove(project, &from);
		UnitMoves::<T>::mutate(project, &from, |m| m.moved_to = Some(to.clone()));
		UnitMoves::<T>::mutate(project, &to, |m| {
			m.moved_to = None;
			m.depth = m.depth.max(depth);
		});
		Projects::<T>::insert(project, p);
		Self::deposit_event(Event::UnitsMoved { project, from, to, units });
		Ok(())
	}

	/// The units `who` holds in `project`.
	pub fn units_of(project: ProjectId, who: &T::AccountId) -> Units {
		Holdings::<T>::get(project, who).map_or(0, |h| h.units)
	}

	/// The share of `project` that `who` holds: units over the project's total.
	pub fn share_of(project: ProjectId, who: &T::AccountId) -> Perbill {
		let total = Projects::<T>::get(project).map_or(0, |p| p.total_units);
		if total == 0 {
			return Perbill::zero();
		}
		Perbill::from_rational(Self::units_of(project, who), total)
	}
}
