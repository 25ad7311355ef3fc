//! Contributions: submission (direct or wallet-signed), withdrawal, removal of old records.

use frame_support::{
	ensure,
	traits::{fungible::MutateHold, tokens::Precision, Get},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult, FixedPointNumber,
};

use crate::{
	signing::{self, ContributionPayloadOf, CONTRIBUTION_TAG},
	types::*,
	Appeals, Attestations, Config, Contributions, Error, Event, Forfeited, HoldReason,
	NextContributionId, Pallet, PendingContributions, Projects, Proposals, ReviewPolicies,
	SignedContributionNonce, ValueEquations,
};

impl<T: Config> Pallet<T> {
	/// The genesis hash: signed payloads name the chain they are meant for.
	pub fn genesis_hash() -> T::Hash {
		frame_system::Pallet::<T>::block_hash(BlockNumberOf::<T>::zero())
	}

	pub(crate) fn contribution(id: ContributionId) -> Result<Contribution<T>, DispatchError> {
		Contributions::<T>::get(id).ok_or_else(|| Error::<T>::UnknownContribution.into())
	}

	pub(crate) fn do_submit_contribution(
		contributor: T::AccountId,
		depositor: T::AccountId,
		project: ProjectId,
		kind: KindIndex,
		quantity: Quantity,
		evidence: EvidenceOf<T>,
	) -> Result<ContributionId, DispatchError> {
		let mut p = Self::project(project)?;
		ensure!(p.status == ProjectStatus::Active, Error::<T>::ProjectClosed);
		let equation = ValueEquations::<T>::get(project).ok_or(Error::<T>::UnknownProject)?;
		let k = equation.kinds.get(kind as usize).ok_or(Error::<T>::UnknownKind)?;
		ensure!(quantity > 0, Error::<T>::ZeroQuantity);
		// Valued under the equation in force now; whatever is credited (at most the claim, at
		// most the highest rate) then mints and is owed without overflow.
		let valuation = Valuation {
			version: equation.version,
			rate: k.rate,
			max_rate: k.highest_rate(),
			claim: k.claim,
		};
		valuation.max_rate.checked_mul_int(quantity).ok_or(ArithmeticError::Overflow)?;
		// Owed or paid in an asset the project takes income in now, at most the asset's own
		// cap.
		let max_debt = match k.claim.asset() {
			None => T::MaxDebt::get(),
			Some(asset) => {
				ensure!(Self::accepts(project, asset), Error::<T>::AssetNotAccepted);
				crate::RegisteredAssets::<T>::get(asset)
					.ok_or(Error::<T>::UnknownAsset)?
					.max_debt
			},
		};
		if let Some(price) = k.claim.price() {
			ensure!(Self::money_of(price, quantity)? <= max_debt, Error::<T>::DebtTooLarge);
		}
		let policy = ReviewPolicies::<T>::get(project).ok_or(Error::<T>::UnknownProject)?;

		let id = NextContributionId::<T>::get();
		let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		p.pending = p.pending.checked_add(1).ok_or(ArithmeticError::Overflow)?;

		let deposit = T::ContributionDeposit::get();
		T::Currency::hold(&HoldReason::ContributionDeposit.into(), &depositor, deposit)?;

		Contributions::<T>::insert(
			id,
			Contribution {
				project,
				contributor: contributor.clone(),
				depositor: depositor.clone(),
				deposit,
				kind,
				valuation,
				quantity,
				evidence,
				submitted: frame_system::Pallet::<T>::block_number(),
				policy,
				approvals: Default::default(),
				rejections: 0,
				status: ContributionStatus::Pending,
				decided: None,
			},
		);
		PendingContributions::<T>::insert(project, id, ());
		Projects::<T>::insert(project, p);
		NextContributionId::<T>::put(next);
		Self::deposit_event(Event::ContributionSubmitted {
			contribution: id,
			project,
			contributor,
			kind,
			quantity,
			depositor,
		});
		Ok(id)
	}

	pub(crate) fn do_submit_signed_contribution(
		relayer: T::AccountId,
		contributor: T::AccountId,
		payload: ContributionPayloadOf<T>,
		signature: T::OffchainSignature,
	) -> DispatchResult {
		let encoded = codec::Encode::encode(&payload);
		signing::check::<T>(
			&payload.genesis_hash,
			&payload.tag,
			&CONTRIBUTION_TAG,
			payload.expires_at,
			&encoded,
			&signature,
			&contributor,
		)?;
		let nonce = SignedContributionNonce::<T>::get(&contributor);
		ensure!(payload.nonce == nonce, Error::<T>::BadNonce);
		SignedContributionNonce::<T>::insert(
			&contributor,
			nonce.checked_add(1).ok_or(ArithmeticError::Overflow)?,
		);
		Self::do_submit_contribution(
			contributor,
			relayer,
			payload.project,
			payload.kind,
			payload.quantity,
			payload.evidence,
		)
		.map(|_| ())
	}

	pub(crate) fn do_withdraw_contribution(
		who: T::AccountId,
		id: ContributionId,
	) -> DispatchResult {
		let mut c = Self::contribution(id)?;
		ensure!(c.contributor == who, Error::<T>::NotContributor);
		ensure!(c.status.is_pending(), Error::<T>::NotPending);
		Self::keep_record_deposit(HoldReason::ContributionDeposit, &c.depositor, &mut c.deposit)?;
		Self::conclude(id, c, ContributionStatus::Withdrawn)?;
		Self::deposit_event(Event::ContributionWithdrawn { contribution: id });
		Ok(())
	}

	/// Releases a deposit held for `reason` from `who` and zeroes the record's `deposit`.
	pub(crate) fn release_held(
		reason: HoldReason,
		who: &T::AccountId,
		deposit: &mut BalanceOf<T>,
	) -> DispatchResult {
		if !deposit.is_zero() {
			T::Currency::release(&reason.into(), who, *deposit, Precision::BestEffort)?;
			*deposit = Zero::zero();
		}
		Ok(())
	}

	/// Records a decision: the contribution leaves the pending index of its project.
	pub(crate) fn conclude(
		id: ContributionId,
		mut c: Contribution<T>,
		status: ContributionStatus,
	) -> DispatchResult {
		let mut p = Self::project(c.project)?;
		p.pending = p.pending.saturating_sub(1);
		Projects::<T>::insert(c.project, p);
		PendingContributions::<T>::remove(c.project, id);
		c.status = status;
		c.decided = Some(frame_system::Pallet::<T>::block_number());
		Contributions::<T>::insert(id, c);
		Ok(())
	}

	pub(crate) fn do_remove_contribution(
		remover: T::AccountId,
		id: ContributionId,
	) -> DispatchResult {
		let mut c = Self::contribution(id)?;
		let decided = c.decided.ok_or(Error::<T>::NotRemovable)?;
		// Whoever paid the deposit from the end of the retention, anyone a retention later:
		// the owner removes first and gets all of the deposit back.
		let retention = T::RetentionPeriod::get();
		let from = if remover == c.depositor {
			decided.saturating_add(retention)
		} else {
			decided.saturating_add(retention).saturating_add(retention)
		};
		ensure!(frame_system::Pallet::<T>::block_number() >= from, Error::<T>::NotRemovable);
		// A revocation being voted on, or passed and not yet enacted, may need an accepted
		// record: none is removed while its project has a proposal open or to enact.
		if matches!(c.status, ContributionStatus::Accepted { .. }) {
			let now = frame_system::Pallet::<T>::block_number();
			ensure!(
				crate::LiveProposals::<T>::get(Scope::Project(c.project)) == 0
					&& crate::ProjectEnactedUntil::<T>::get(c.project).is_none_or(|u| u <= now),
				Error::<T>::NotRemovable
			);
		}
		// A debt owed for it is backed by its record.
		ensure!(!crate::Debts::<T>::contains_key(&c.contributor, id), Error::<T>::DebtOutstanding);
		// An appeal that is open, or passed and not yet enacted, still needs the record.
		if let Some(appeal) = Appeals::<T>::get(id) {
			let now = frame_system::Pallet::<T>::block_number();
			let pending = Proposals::<T>::get(appeal).is_some_and(|p| match p.status {
				ProposalStatus::Open => true,
				// Enacted at the start of its block.
				ProposalStatus::Passed { enactment } => enactment > now,
				ProposalStatus::Cancelled | ProposalStatus::Failed | ProposalStatus::Voided => {
					false
				},
			});
			ensure!(!pending, Error::<T>::NotRemovable);
		}
		Self::release_record(
			HoldReason::ContributionDeposit,
			&c.depositor,
			&remover,
			&mut c.deposit,
		)?;
		Appeals::<T>::remove(id);
		Forfeited::<T>::remove(id);
		// At most `MaxReviewers` attestations exist for one contribution.
		let _ = Attestations::<T>::clear_prefix(id, T::MaxReviewers::get(), None);
		Contributions::<T>::remove(id);
		Self::deposit_event(Event::ContributionRemoved { contribution: id });
		Ok(())
	}
}
