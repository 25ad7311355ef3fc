//! What backs the records that stay, and their removal: a decided contribution and a closed
//! proposal keep [`Config::RecordDeposit`] of their deposits until removed, a vote holds
//! [`Config::VoteDeposit`], an acceptance pays [`Config::HoldingFee`] for each holding it
//! creates; removing what another left behind pays the remover [`Config::CleanupShare`] of
//! its deposit; a closed project with nothing in it goes with all its records.

use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, Mutate, MutateHold},
		tokens::{Fortitude, Precision, Preservation, Restriction},
		Get,
	},
};
use sp_runtime::{
	traits::{CheckedSub, Saturating, Zero},
	DispatchError, DispatchResult,
};

use crate::{
	types::*, ChamberListCount, Config, ContributionId, Error, Event, HoldReason, Holdings,
	IncomePolicies, IncomeStates, LiveProjectAppeals, LiveProposals, MinPaid, Pallet, PayerCount,
	Payers, ProjectChambers, ProjectGovernance, Projects, Proposals, RecentHolders,
	RecognisedProjects, ReviewPolicies, TotalMarks, ValueEquations, VoiceCredits,
};

impl<T: Config> Pallet<T> {
	/// Keeps at most [`Config::RecordDeposit`] of a deposit held for `reason` from `owner`
	/// and releases the rest: the record it backs stays until removed.
	pub(crate) fn keep_record_deposit(
		reason: HoldReason,
		owner: &T::AccountId,
		deposit: &mut BalanceOf<T>,
	) -> DispatchResult {
		let keep = (*deposit).min(T::RecordDeposit::get());
		let mut rest = deposit.saturating_sub(keep);
		Self::release_held(reason, owner, &mut rest)?;
		*deposit = keep;
		Ok(())
	}

	/// Releases a removed record's deposit held for `reason` from `owner`: all of it to the
	/// owner if the owner removed it; otherwise [`Config::CleanupShare`] of it to `remover`
	/// and the rest to the owner.
	pub(crate) fn release_record(
		reason: HoldReason,
		owner: &T::AccountId,
		remover: &T::AccountId,
		deposit: &mut BalanceOf<T>,
	) -> DispatchResult {
		let reward = T::CleanupShare::get().mul_floor(*deposit);
		if remover != owner && !reward.is_zero() {
			// A reward the remover's account cannot take (below its existential deposit)
			// stays with the owner, and a failed transfer changes nothing.
			let paid = frame_support::storage::with_storage_layer(|| {
				T::Currency::transfer_on_hold(
					&reason.into(),
					owner,
					remover,
					reward,
					Precision::BestEffort,
					Restriction::Free,
					Fortitude::Force,
				)
			});
			if let Ok(paid) = paid {
				*deposit = deposit.saturating_sub(paid);
				Self::deposit_event(Event::CleanupRewarded { who: remover.clone(), amount: paid });
			}
		}
		Self::release_held(reason, owner, deposit)
	}

	/// Burns [`Config::HoldingFee`] for each of `holdings` new holdings from a contribution's
	/// held deposit (as much of it as is held).
	pub(crate) fn burn_holding_fees(
		id: ContributionId,
		c: &mut Contribution<T>,
		holdings: u32,
	) -> DispatchResult {
		let fee = Self::holding_fees(holdings).min(c.deposit);
		if holdings == 0 || fee.is_zero() {
			return Ok(());
		}
		let burned = T::Currency::burn_held(
			&HoldReason::ContributionDeposit.into(),
			&c.depositor,
			fee,
			Precision::BestEffort,
			Fortitude::Force,
		)?;
		c.deposit = c.deposit.saturating_sub(burned);
		Self::deposit_event(Event::HoldingFeesBurned {
			contribution: id,
			holdings,
			amount: burned,
		});
		Ok(())
	}

	/// Burns the fees of `holdings` new holdings from what an accepted appeal refunds out of
	/// the treasury (at most `refund`); returns what is left to refund.
	pub(crate) fn burn_holding_fees_from_refund(
		id: ContributionId,
		treasury: &T::AccountId,
		refund: BalanceOf<T>,
		holdings: u32,
	) -> Result<BalanceOf<T>, DispatchError> {
		let fee = Self::holding_fees(holdings).min(refund);
		if holdings == 0 || fee.is_zero() {
			return Ok(refund);
		}
		let burned = T::Currency::burn_from(
			treasury,
			fee,
			Preservation::Preserve,
			Precision::BestEffort,
			Fortitude::Polite,
		)?;
		Self::deposit_event(Event::HoldingFeesBurned {
			contribution: id,
			holdings,
			amount: burned,
		});
		Ok(refund.saturating_sub(burned))
	}

	/// The fees of `holdings` new holdings.
	pub(crate) fn holding_fees(holdings: u32) -> BalanceOf<T> {
		T::HoldingFee::get().saturating_mul(holdings.into())
	}

	pub(crate) fn do_remove_proposal(remover: T::AccountId, id: ProposalId) -> DispatchResult {
		let mut p = Self::proposal(id)?;
		let now = frame_system::Pallet::<T>::block_number();
		let enacted = match p.status {
			ProposalStatus::Open => false,
			// Dispatched at the start of its block.
			ProposalStatus::Passed { enactment } => enactment <= now,
			ProposalStatus::Cancelled | ProposalStatus::Failed | ProposalStatus::Voided => true,
		};
		// The proposer from the end of the retention, anyone a retention later: the owner
		// removes first and gets all of the deposit back.
		let retention = T::VoteRetention::get();
		let from = if remover == p.proposer {
			p.ends.saturating_add(retention)
		} else {
			p.ends.saturating_add(retention).saturating_add(retention)
		};
		ensure!(enacted && p.votes == 0 && now > from, Error::<T>::NotRemovableYet);
		// Long past the appeal window: the appeal's record goes with it.
		if let Some(contribution) = p.appeal {
			if crate::Appeals::<T>::get(contribution) == Some(id) {
				crate::Appeals::<T>::remove(contribution);
			}
		}
		Self::release_record(HoldReason::ProposalDeposit, &p.proposer, &remover, &mut p.deposit)?;
		Proposals::<T>::remove(id);
		Self::deposit_event(Event::ProposalRemoved { proposal: id });
		Ok(())
	}

	pub(crate) fn do_remove_voice_credits(
		scope: Scope,
		epoch: Epoch,
		who: T::AccountId,
	) -> DispatchResult {
		ensure!(VoiceCredits::<T>::contains_key((scope, epoch), &who), Error::<T>::NoSuchRecord);
		// A proposal of `epoch` takes votes until at most `MaxVotingPeriod` after the epoch.
		let now = frame_system::Pallet::<T>::block_number();
		let voting_over = now
			.checked_sub(&T::MaxVotingPeriod::get())
			.is_some_and(|before| Self::epoch_of(before) > epoch);
		ensure!(voting_over, Error::<T>::NotRemovableYet);
		VoiceCredits::<T>::remove((scope, epoch), &who);
		Self::deposit_event(Event::VoiceCreditsRemoved { scope, epoch, who });
		Ok(())
	}

	/// Notes that a passed proposal of `project` is enacted at `at`: until then its accepted
	/// contributions' records stay ([`crate::ProjectEnactedUntil`]).
	pub(crate) fn note_enactment(project: ProjectId, at: BlockNumberOf<T>) {
		crate::ProjectEnactedUntil::<T>::mutate(project, |until| {
			*until = Some((*until).map_or(at, |u| u.max(at)))
		});
	}

	/// Whether a project holds nothing: no holdings (not even emptied ones), payers or listed
	/// accounts, no open proposals or appeals, nothing pending. (Funds in its accounts do not
	/// count: anyone can send a planck to them; they go to its creator when it is removed.)
	pub(crate) fn is_empty_project(project: ProjectId, p: &Project<T>) -> bool {
		p.total_units == 0
			&& p.holders == 0
			&& p.pending == 0
			&& Holdings::<T>::iter_key_prefix(project).next().is_none()
			&& Payers::<T>::iter_key_prefix(project).next().is_none()
			&& ChamberListCount::<T>::get(project) == 0
			&& LiveProposals::<T>::get(Scope::Project(project)) == 0
			&& LiveProjectAppeals::<T>::get(project) == 0
			&& {
				// Every debt claimed in full (and so retired).
				let ledger = crate::DebtLedgers::<T>::get(project);
				ledger.claimed == ledger.owed
			} && crate::ProjectAssets::<T>::get(project).iter().all(|entry| {
			let ledger = crate::AssetDebtLedgers::<T>::get(project, entry.asset);
			ledger.claimed == ledger.owed
		}) && !Self::has_inbox(project)
	}

	pub(crate) fn do_remove_project(project: ProjectId) -> DispatchResult {
		let p = Self::project(project)?;
		ensure!(
			p.status == ProjectStatus::Closed && Self::is_empty_project(project, &p),
			Error::<T>::NotRemovableYet
		);
		Self::remove_project_records(project, &p.creator)
	}

	/// Removes every record of a project with nothing in it (see [`Self::is_empty_project`]);
	/// what its two accounts hold (their existential deposits, and anything sent to them) goes
	/// to its creator.
	pub(crate) fn remove_project_records(
		project: ProjectId,
		creator: &T::AccountId,
	) -> DispatchResult {
		for account in [Self::income_account(project), Self::treasury_account(project)] {
			let all = T::Currency::reducible_balance(
				&account,
				Preservation::Expendable,
				Fortitude::Polite,
			);
			if !all.is_zero() {
				T::Currency::transfer(&account, creator, all, Preservation::Expendable)?;
			}
		}
		Projects::<T>::remove(project);
		ValueEquations::<T>::remove(project);
		ReviewPolicies::<T>::remove(project);
		IncomePolicies::<T>::remove(project);
		IncomeStates::<T>::remove(project);
		ProjectGovernance::<T>::remove(project);
		ProjectChambers::<T>::remove(project);
		MinPaid::<T>::remove(project);
		RecentHolders::<T>::remove(project);
		PayerCount::<T>::remove(project);
		ChamberListCount::<T>::remove(project);
		TotalMarks::<T>::remove(project);
		LiveProposals::<T>::remove(Scope::Project(project));
		LiveProjectAppeals::<T>::remove(project);
		crate::ProjectEnactedUntil::<T>::remove(project);
		crate::DebtLedgers::<T>::remove(project);
		crate::UpstreamInbox::<T>::remove(project);
		Self::remove_asset_records(project, creator);
		RecognisedProjects::<T>::mutate(|r| r.retain(|p| *p != project));
		Self::deposit_event(Event::ProjectRemoved { project });
		Ok(())
	}
}
