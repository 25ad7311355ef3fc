//! Proposal slots: how many proposals a scope and a proposer may have open, what each costs,
//! and what a proposal that nobody turned out for forfeits. Appeals are counted apart, so that
//! proposals cannot crowd them out during their window (nor they the scope's own proposals).

use frame_support::{
	ensure,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult,
};

use crate::{
	types::*, BalanceOf, Config, Error, Event, HoldReason, LiveChainAppeals, LiveProjectAppeals,
	LiveProposals, OpenProposals, Pallet,
};

impl<T: Config> Pallet<T> {
	/// The open count a proposal takes a slot in: its scope's proposals, or its scope's appeals.
	fn live_count(scope: Scope, appeal: bool) -> u32 {
		match (scope, appeal) {
			(Scope::Chain, true) => LiveChainAppeals::<T>::get(),
			(Scope::Project(p), true) => LiveProjectAppeals::<T>::get(p),
			(scope, false) => LiveProposals::<T>::get(scope),
		}
	}

	fn set_live_count(scope: Scope, appeal: bool, n: u32) {
		match (scope, appeal) {
			(Scope::Chain, true) => LiveChainAppeals::<T>::put(n),
			(Scope::Project(p), true) => LiveProjectAppeals::<T>::insert(p, n),
			(scope, false) => LiveProposals::<T>::insert(scope, n),
		}
	}

	/// Takes a slot for a new proposal of `proposer` in `scope` and returns its deposit: at
	/// most [`Config::MaxLiveProposals`] proposals (and as many appeals) open per scope, at most
	/// [`Config::MaxProposalsPerProposer`] of one proposer, each deposit
	/// [`Config::ProposalDeposit`] times one more than the proposer's open proposals there.
	/// An appeal pays the base deposit: it needs a rejected contribution of its own.
	pub(crate) fn take_slot(
		scope: Scope,
		proposer: &T::AccountId,
		appeal: bool,
	) -> Result<BalanceOf<T>, DispatchError> {
		let live = Self::live_count(scope, appeal);
		ensure!(live < T::MaxLiveProposals::get(), Error::<T>::TooManyProposals);
		let base = T::ProposalDeposit::get();
		let deposit = if appeal {
			base
		} else {
			let mine = OpenProposals::<T>::get(scope, proposer);
			ensure!(mine < T::MaxProposalsPerProposer::get(), Error::<T>::TooManyOpenProposals);
			OpenProposals::<T>::insert(scope, proposer, mine.saturating_add(1));
			base.saturating_mul(BalanceOf::<T>::from(mine.saturating_add(1)))
		};
		Self::set_live_count(scope, appeal, live.saturating_add(1));
		Ok(deposit)
	}

	/// Gives a concluded proposal's slot back.
	pub(crate) fn free_slot(proposal: &Proposal<T>) {
		let appeal = proposal.appeal.is_some();
		let live = Self::live_count(proposal.scope, appeal);
		Self::set_live_count(proposal.scope, appeal, live.saturating_sub(1));
		if !appeal {
			let mine = OpenProposals::<T>::get(proposal.scope, &proposal.proposer);
			if mine <= 1 {
				OpenProposals::<T>::remove(proposal.scope, &proposal.proposer);
			} else {
				OpenProposals::<T>::insert(
					proposal.scope,
					&proposal.proposer,
					mine.saturating_sub(1),
				);
			}
		}
	}

	/// Forfeits [`Config::ProposalForfeit`] of a held proposal deposit, for a proposal that did
	/// not reach its quorum: to the project's treasury at project scope, burned at chain scope.
	/// Returns what was forfeited; the rest stays held.
	pub(crate) fn forfeit_deposit(
		id: ProposalId,
		proposal: &mut Proposal<T>,
	) -> Result<BalanceOf<T>, DispatchError> {
		let amount = T::ProposalForfeit::get().mul_floor(proposal.deposit);
		if amount.is_zero() {
			return Ok(amount);
		}
		let reason = HoldReason::ProposalDeposit.into();
		let taken = match proposal.scope {
			Scope::Project(p) => T::Currency::transfer_on_hold(
				&reason,
				&proposal.proposer,
				&Self::treasury_account(p),
				amount,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Polite,
			)?,
			Scope::Chain => T::Currency::burn_held(
				&reason,
				&proposal.proposer,
				amount,
				Precision::BestEffort,
				Fortitude::Polite,
			)?,
		};
		proposal.deposit = proposal.deposit.saturating_sub(taken);
		Self::deposit_event(Event::ProposalDepositForfeited { proposal: id, amount: taken });
		Ok(taken)
	}

	/// Concludes an open proposal: its deposit is released (less what a proposal that nobody
	/// turned out for forfeits) and its slot given back.
	pub(crate) fn conclude_proposal(
		id: ProposalId,
		proposal: &mut Proposal<T>,
		forfeit: bool,
	) -> DispatchResult {
		if forfeit {
			Self::forfeit_deposit(id, proposal)?;
		}
		// The record stays until removed, backed by what is kept of the deposit.
		Self::keep_record_deposit(
			HoldReason::ProposalDeposit,
			&proposal.proposer,
			&mut proposal.deposit,
		)?;
		Self::free_slot(proposal);
		Ok(())
	}
}
