//! Value units: minting and shares. Units cannot be transferred.

use sp_runtime::{DispatchResult, Perbill};

use crate::{types::*, Config, Error, Event, Holdings, IncomeStates, Pallet, Projects};

impl<T: Config> Pallet<T> {
	/// Mints `units` of `project` to `who`.
	pub(crate) fn mint(project: ProjectId, who: &T::AccountId, units: Units) -> DispatchResult {
		if units == 0 {
			return Ok(());
		}
		let mut p = Self::project(project)?;
		let mut holding = Holdings::<T>::get(project, who).unwrap_or_default();
		// Units minted now take no part in income paid before.
		Self::settle(&mut holding, IncomeStates::<T>::get(project).income_per_unit)?;
		if holding.units == 0 {
			holding.member_since = frame_system::Pallet::<T>::block_number();
			p.holders = p.holders.checked_add(1).ok_or(Error::<T>::Overflow)?;
		}
		holding.units = holding.units.checked_add(units).ok_or(Error::<T>::Overflow)?;
		p.total_units = p.total_units.checked_add(units).ok_or(Error::<T>::Overflow)?;
		Holdings::<T>::insert(project, who, holding);
		Projects::<T>::insert(project, p);
		Self::deposit_event(Event::UnitsMinted { project, who: who.clone(), units });
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
