//! Projects: creation, value equation, review policy, maintainers, closing.

use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::Preservation,
		Defensive, DefensiveOption, Get,
	},
};
use sp_runtime::{
	traits::{AccountIdConversion, CheckedSub, Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult, Perbill,
};

use crate::{
	types::*, Config, Error, Event, HoldReason, NextProjectId, Pallet, Projects, ReviewPolicies,
	ValueEquations,
};

impl<T: Config> Pallet<T> {
	/// The treasury account of a project: receives forfeited deposits.
	pub fn treasury_account(project: ProjectId) -> T::AccountId {
		T::PalletId::get().into_sub_account_truncating((b"trsy", project))
	}

	pub(crate) fn project(project: ProjectId) -> Result<Project<T>, DispatchError> {
		Projects::<T>::get(project).ok_or_else(|| Error::<T>::UnknownProject.into())
	}

	fn ensure_valid_kinds(kinds: &KindsOf<T>) -> DispatchResult {
		ensure!(!kinds.is_empty(), Error::<T>::NoKinds);
		for k in kinds.iter() {
			match k.claim.price() {
				// Equity is all an equity kind gives.
				None => ensure!(!k.rate.is_zero(), Error::<T>::ZeroRate),
				Some(price) => ensure!(!price.is_zero(), Error::<T>::ZeroPrice),
			}
			if let Some(asset) = k.claim.asset() {
				ensure!(
					crate::RegisteredAssets::<T>::contains_key(asset),
					Error::<T>::UnknownAsset
				);
			}
			ensure!(k.max_rate.is_none_or(|max| max > k.rate), Error::<T>::InvalidRateRange);
		}
		Ok(())
	}

	fn ensure_valid_rules(rules: &ReviewRules<BlockNumberOf<T>>) -> DispatchResult {
		ensure!(
			rules.min_approvals > 0
				&& rules.min_approvals <= T::MaxReviewers::get()
				&& rules.threshold > Perbill::zero()
				&& !rules.review_period.is_zero()
				&& rules.review_period <= T::MaxReviewPeriod::get(),
			Error::<T>::InvalidPolicy
		);
		Ok(())
	}

	fn ensure_valid_maintainers(maintainers: &MaintainersOf<T>) -> DispatchResult {
		ensure!(!maintainers.is_empty(), Error::<T>::NoMaintainers);
		let mut seen = alloc::vec::Vec::with_capacity(maintainers.len());
		for m in maintainers.iter() {
			ensure!(!seen.contains(&m), Error::<T>::DuplicateMaintainer);
			seen.push(m);
		}
		Ok(())
	}

	pub(crate) fn do_create_project(
		creator: T::AccountId,
		name: NameOf<T>,
		metadata: MetadataOf<T>,
		kinds: KindsOf<T>,
		rules: ReviewRules<BlockNumberOf<T>>,
	) -> Result<ProjectId, DispatchError> {
		Self::ensure_valid_kinds(&kinds)?;
		Self::ensure_valid_rules(&rules)?;
		let id = NextProjectId::<T>::get();
		let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;

		// Two existential deposits of the creation deposit endow the project's income pot and
		// treasury for good, so that both can receive any amount and never die; the rest is
		// held until the project is closed.
		let ed = T::Currency::minimum_balance();
		// `integrity_test` checks that the deposit covers them.
		let deposit = T::ProjectDeposit::get()
			.checked_sub(&ed.saturating_mul(2u32.into()))
			.defensive_ok_or(ArithmeticError::Underflow)?;
		T::Currency::hold(&HoldReason::ProjectDeposit.into(), &creator, deposit)?;
		for account in [Self::income_account(id), Self::treasury_account(id)] {
			T::Currency::transfer(&creator, &account, ed, Preservation::Preserve)?;
		}

		// `integrity_test` checks that a project may have a maintainer.
		let maintainers = MaintainersOf::<T>::try_from(alloc::vec![creator.clone()])
			.map_err(|_| Error::<T>::Unexpected)
			.defensive()?;
		Projects::<T>::insert(
			id,
			Project {
				creator: creator.clone(),
				deposit,
				name,
				metadata,
				maintainers,
				status: ProjectStatus::Active,
				total_units: 0,
				holders: 0,
				pending: 0,
				created: frame_system::Pallet::<T>::block_number(),
			},
		);
		ValueEquations::<T>::insert(id, ValueEquation { version: 1, kinds });
		ReviewPolicies::<T>::insert(id, ReviewPolicy { version: 1, rules });
		NextProjectId::<T>::put(next);
		Self::deposit_event(Event::ProjectCreated { project: id, creator, deposit });
		Ok(id)
	}

	/// Creates the founding project at genesis, recognised by the chain: one kind (work, in
	/// hours, one unit an hour), reviewed by its value-unit holders (two approvals, two thirds
	/// of the verdicts), as long a review period as allowed. Its members change the rules by
	/// vote.
	pub(crate) fn create_founding_project(
		creator: &T::AccountId,
		name: &[u8],
	) -> Result<ProjectId, DispatchError> {
		let label = |s: &[u8]| LabelOf::<T>::truncate_from(s.to_vec());
		let kinds = KindsOf::<T>::truncate_from(alloc::vec![ContributionKind {
			name: label(b"work"),
			unit: label(b"hour"),
			rate: sp_runtime::FixedU128::from_u32(1),
			max_rate: None,
			claim: ClaimKind::Equity,
		}]);
		let rules = ReviewRules {
			reviewers: ReviewerSet::Holders,
			min_approvals: 2u32.min(T::MaxReviewers::get()),
			threshold: Perbill::from_rational(2u32, 3u32),
			review_period: T::MaxReviewPeriod::get(),
			optimistic: false,
			reviewer_reward: Perbill::from_percent(10),
		};
		let name = NameOf::<T>::truncate_from(name.to_vec());
		let id = Self::do_create_project(creator.clone(), name, Default::default(), kinds, rules)?;
		Self::ensure_recognisable(id)?;
		crate::RecognisedProjects::<T>::try_mutate(|list| list.try_push(id))
			.map_err(|_| Error::<T>::TooManyRecognised)?;
		Ok(id)
	}

	pub(crate) fn do_set_value_equation(project: ProjectId, kinds: KindsOf<T>) -> DispatchResult {
		Self::project(project)?;
		Self::ensure_valid_kinds(&kinds)?;
		let version = ValueEquations::<T>::get(project)
			.map_or(Some(1), |e| e.version.checked_add(1))
			.ok_or(ArithmeticError::Overflow)?;
		ValueEquations::<T>::insert(project, ValueEquation { version, kinds: kinds.clone() });
		Self::deposit_event(Event::ValueEquationSet { project, version, kinds });
		Ok(())
	}

	pub(crate) fn do_set_review_policy(
		project: ProjectId,
		rules: ReviewRules<BlockNumberOf<T>>,
	) -> DispatchResult {
		Self::project(project)?;
		Self::ensure_valid_rules(&rules)?;
		let version = ReviewPolicies::<T>::get(project)
			.map_or(Some(1), |p| p.version.checked_add(1))
			.ok_or(ArithmeticError::Overflow)?;
		ReviewPolicies::<T>::insert(project, ReviewPolicy { version, rules });
		Self::deposit_event(Event::ReviewPolicySet { project, version, rules });
		// A recognised project whose review falls below the chain's floor stops conferring
		// chain membership.
		if crate::RecognisedProjects::<T>::get().contains(&project)
			&& !Self::review_admitted(project)
		{
			Self::do_set_recognised(project, false)?;
		}
		Ok(())
	}

	pub(crate) fn do_set_maintainers(
		project: ProjectId,
		maintainers: MaintainersOf<T>,
	) -> DispatchResult {
		let mut p = Self::project(project)?;
		Self::ensure_valid_maintainers(&maintainers)?;
		p.maintainers = maintainers.clone();
		Projects::<T>::insert(project, p);
		Self::deposit_event(Event::MaintainersSet { project, maintainers });
		Ok(())
	}

	pub(crate) fn do_close_project(project: ProjectId) -> DispatchResult {
		let mut p = Self::project(project)?;
		ensure!(p.status == ProjectStatus::Active, Error::<T>::ProjectClosed);
		ensure!(p.pending == 0, Error::<T>::PendingContributions);
		// Its creditors are repaid from its income, which a closed project no longer takes.
		ensure!(!Self::owes_debts(project), Error::<T>::DebtsOwed);
		// What came from downstream is split while the project is open to take it.
		if Self::has_inbox(project) {
			Self::do_forward_all(project)?;
		}
		Self::release_held(HoldReason::ProjectDeposit, &p.creator, &mut p.deposit)?;
		p.status = ProjectStatus::Closed;
		let empty = Self::is_empty_project(project, &p);
		let creator = p.creator.clone();
		Projects::<T>::insert(project, p);
		Self::deposit_event(Event::ProjectClosed { project });
		// Nothing in it: nothing of it stays.
		if empty {
			Self::remove_project_records(project, &creator)?;
		}
		Ok(())
	}
}
