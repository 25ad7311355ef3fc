//! Review: attestations (on-chain and wallet-signed), the outcome rules, finalization.

use frame_support::{
	defensive, ensure,
	traits::{
		fungible::MutateHold,
		tokens::{Fortitude, Precision, Restriction},
		Get,
	},
	weights::Weight,
};
use sp_runtime::{
	traits::{Saturating, Zero},
	ArithmeticError, DispatchError, DispatchResult, FixedPointNumber, FixedU128, Perbill,
};

use crate::{
	signing::{self, SignedAttestationOf, ATTESTATION_TAG},
	types::*,
	Attestations, Config, Error, Event, Forfeited, HoldReason, Holdings, Pallet, WeightInfo,
};

/// `approvals / (approvals + rejections) ≥ threshold`, in exact integer arithmetic (the
/// products stay below 2^63).
fn meets_threshold(approvals: u32, rejections: u32, threshold: Perbill) -> bool {
	let cast = u64::from(approvals).saturating_add(u64::from(rejections));
	u64::from(approvals).saturating_mul(1_000_000_000)
		>= u64::from(threshold.deconstruct()).saturating_mul(cast)
}

/// The outcome rules (see the crate docs) for `a` approvals, `r` rejections and `remaining`
/// reviewers who may still attest.
pub(crate) fn decide(a: u32, r: u32, remaining: u32, rules: &ReviewRules<impl Copy>) -> Decision {
	if a >= rules.min_approvals && meets_threshold(a, r, rules.threshold) {
		return Decision::Accept;
	}
	// The best case: every remaining reviewer approves.
	let best = a.saturating_add(remaining);
	if r > 0 && !(best >= rules.min_approvals && meets_threshold(best, r, rules.threshold)) {
		return Decision::Reject;
	}
	Decision::Undecided
}

/// The lower median of `values` (`None` if there are none).
pub(crate) fn lower_median<V: Ord + Copy>(mut values: alloc::vec::Vec<V>) -> Option<V> {
	values.sort_unstable();
	let mid = values.len().checked_sub(1)? / 2;
	values.get(mid).copied()
}

impl<T: Config> Pallet<T> {
	pub(crate) fn do_attest(
		reviewer: T::AccountId,
		contribution: ContributionId,
		verdict: Verdict,
		assessed_quantity: Option<Quantity>,
		assessed_rate: Option<FixedU128>,
		note: NoteOf<T>,
	) -> Result<AttestationOutcome, DispatchError> {
		let assessment = Assessment { quantity: assessed_quantity, rate: assessed_rate };
		let checked = Self::check_attestation(contribution, &reviewer, assessment)?;
		Self::apply_attestation(checked, reviewer, verdict, assessment, note, false)
	}

	/// Whether `who` may review contributions to a project with these maintainers and rules.
	pub fn may_review(
		project: ProjectId,
		maintainers: &MaintainersOf<T>,
		reviewers: ReviewerSet,
		who: &T::AccountId,
	) -> bool {
		maintainers.contains(who)
			|| match reviewers {
				ReviewerSet::Maintainers => false,
				ReviewerSet::Holders => {
					Holdings::<T>::get(project, who).is_some_and(|h| h.units > 0)
				},
				ReviewerSet::Anyone => true,
			}
	}

	/// Checks that `reviewer` may attest `id` now; writes nothing.
	pub(crate) fn check_attestation(
		id: ContributionId,
		reviewer: &T::AccountId,
		assessment: Assessment,
	) -> Result<Checked<T>, DispatchError> {
		let contribution = Self::contribution(id)?;
		ensure!(
			contribution.status.is_pending()
				&& frame_system::Pallet::<T>::block_number() < contribution.review_ends(),
			Error::<T>::ReviewClosed
		);
		ensure!(contribution.contributor != *reviewer, Error::<T>::SelfReview);
		let project = Self::project(contribution.project)?;
		ensure!(
			Self::may_review(
				contribution.project,
				&project.maintainers,
				contribution.policy.rules.reviewers,
				reviewer
			),
			Error::<T>::NotAllowedToReview
		);
		ensure!(!Attestations::<T>::contains_key(id, reviewer), Error::<T>::AlreadyAttested);
		if let Some(q) = assessment.quantity {
			ensure!(q > 0 && q <= contribution.quantity, Error::<T>::BadAssessment);
		}
		if let Some(rate) = assessment.rate {
			let v = &contribution.valuation;
			ensure!(rate >= v.rate && rate <= v.max_rate, Error::<T>::BadRateAssessment);
		}
		Ok(Checked { id, contribution, maintainers: project.maintainers, holders: project.holders })
	}

	/// What reading the attestations of `n` maintainers (to count who may still review, when
	/// maintainers review) adds to an attestation, from the benchmarks.
	fn maintainer_reads_weight(n: u32) -> Weight {
		T::WeightInfo::attest_pending(n).saturating_sub(T::WeightInfo::attest_pending(0))
	}

	/// What deciding adds to an attestation that decides nothing, when the deciding path is
	/// benchmarked as `deciding(r)` for a contribution accepted with `r` approvals: that path
	/// less the pending one, and what accepting may settle in assets for the accounts it mints
	/// to (the contributor and the approvers). A rejection is charged as the heaviest
	/// acceptance.
	pub fn deciding_weight(decided: Decided, deciding: fn(u32) -> Weight) -> Weight {
		let accepting = |approvals: u32| {
			deciding(approvals)
				.saturating_add(Self::acceptance_extra_weight(approvals.saturating_add(1)))
				.saturating_sub(T::WeightInfo::attest_pending(0))
		};
		match decided {
			Decided::Nothing => Weight::zero(),
			Decided::Accepted { approvals } => {
				accepting(approvals.clamp(1, T::MaxReviewers::get()))
			},
			Decided::Rejected => accepting(T::MaxReviewers::get()),
		}
	}

	/// What an attestation whose deciding path is benchmarked as `deciding(r)` is charged
	/// before dispatch: the heaviest decision, after reading every maintainer's attestation.
	pub fn attestation_charge(deciding: fn(u32) -> Weight) -> Weight {
		T::WeightInfo::attest_pending(T::MaxMaintainers::get())
			.saturating_add(Self::deciding_weight(Decided::Rejected, deciding))
	}

	/// What an attestation cost: the benchmarked attestation that decides nothing after
	/// reading as many maintainers' attestations as it did, and what its decision added (for
	/// an acceptance, by the approvals it minted to). Never more than
	/// [`Self::attestation_charge`].
	pub fn attestation_weight(outcome: AttestationOutcome, deciding: fn(u32) -> Weight) -> Weight {
		T::WeightInfo::attest_pending(outcome.read)
			.saturating_add(Self::deciding_weight(outcome.decided, deciding))
			.min(Self::attestation_charge(deciding))
	}

	/// What relaying `relayed` attestations is charged before dispatch: each deciding, after
	/// reading every maintainer's attestation.
	pub fn relay_charge(relayed: u32) -> Weight {
		let per_item = Self::maintainer_reads_weight(T::MaxMaintainers::get())
			.saturating_add(Self::acceptance_extra_weight(Self::minted_accounts()));
		T::WeightInfo::relay_attestations(relayed)
			.saturating_add(per_item.saturating_mul(relayed.into()))
	}

	/// What relaying `relayed` attestations cost: the benchmarked relay of attestations that
	/// decide nothing, the maintainers' attestations read, and what deciding added to each
	/// that decided. Never more than [`Self::relay_charge`].
	pub fn relay_weight(relayed: u32, outcome: RelayOutcome) -> Weight {
		T::WeightInfo::relay_pending_attestations(relayed)
			.saturating_add(Self::maintainer_reads_weight(outcome.read))
			.saturating_add(outcome.deciding)
			.min(Self::relay_charge(relayed))
	}

	/// What finalizing is charged before dispatch: the heavier of the optimistic acceptance
	/// with the most approvals and the rejection.
	pub fn finalize_charge() -> Weight {
		Self::finalize_weight(Some(T::MaxReviewers::get().saturating_sub(1)))
			.max(T::WeightInfo::finalize_unaccepted())
	}

	/// What finalizing cost: the acceptance with the approvals it minted to (`Some`), or the
	/// rejection, which is heavier than expiring (`None`). Never more than
	/// [`Self::finalize_charge`].
	pub fn finalize_weight(accepted: Option<u32>) -> Weight {
		match accepted {
			Some(approvals) => {
				let approvals = approvals.min(T::MaxReviewers::get().saturating_sub(1));
				T::WeightInfo::finalize(approvals)
					.saturating_add(Self::acceptance_extra_weight(approvals.saturating_add(1)))
			},
			None => T::WeightInfo::finalize_unaccepted(),
		}
	}

	/// What accepting an appeal is charged before dispatch: the contribution's approvers
	/// minted to, at most `MaxReviewers − 1` (a contribution with more would have been
	/// accepted).
	pub fn accept_appeal_weight(approvals: u32) -> Weight {
		let approvals = approvals.min(T::MaxReviewers::get().saturating_sub(1));
		T::WeightInfo::accept_appeal(approvals)
			.saturating_add(Self::acceptance_extra_weight(approvals.saturating_add(1)))
	}

	/// Counts a checked attestation and decides the contribution if the verdicts allow.
	/// Returns whether it decided, and how many maintainers' attestations it read.
	pub(crate) fn apply_attestation(
		checked: Checked<T>,
		reviewer: T::AccountId,
		verdict: Verdict,
		assessment: Assessment,
		note: NoteOf<T>,
		relayed: bool,
	) -> Result<AttestationOutcome, DispatchError> {
		let Checked { id, mut contribution, maintainers, holders } = checked;
		let Assessment { quantity: assessed_quantity, rate: assessed_rate } = assessment;
		match verdict {
			Verdict::Approve => {
				let approval = Approval {
					reviewer: reviewer.clone(),
					assessed: assessed_quantity.unwrap_or(contribution.quantity),
					rate: assessed_rate.unwrap_or(contribution.valuation.rate),
				};
				contribution.approvals.try_push(approval).map_err(|_| {
					// The outcome rules decide every contribution before `MaxReviewers` verdicts.
					defensive!("a pending contribution has `MaxReviewers` approvals");
					Error::<T>::Unexpected
				})?
			},
			Verdict::Reject => {
				contribution.rejections =
					contribution.rejections.checked_add(1).ok_or(ArithmeticError::Overflow)?
			},
		}
		Attestations::<T>::insert(
			id,
			&reviewer,
			Attestation {
				verdict,
				assessed_quantity,
				note,
				at: frame_system::Pallet::<T>::block_number(),
				relayed,
			},
		);
		Self::deposit_event(Event::Attested {
			contribution: id,
			reviewer,
			verdict,
			assessed_quantity,
			assessed_rate,
			relayed,
		});

		let (remaining, read) = Self::remaining_reviewers(id, &contribution, &maintainers, holders);
		let rules = contribution.policy.rules;
		let approvals = contribution.approvals.len() as u32;
		let decided = match decide(approvals, contribution.rejections, remaining, &rules) {
			Decision::Accept => {
				Self::accept(id, contribution).map(|()| Decided::Accepted { approvals })
			},
			Decision::Reject => Self::reject(id, contribution).map(|()| Decided::Rejected),
			Decision::Undecided => {
				crate::Contributions::<T>::insert(id, contribution);
				Ok(Decided::Nothing)
			},
		}?;
		Ok(AttestationOutcome { decided, read })
	}

	/// How many more reviewers may still attest, at most the seats left of
	/// [`Config::MaxReviewers`]: when only maintainers review, the current maintainers (other
	/// than the contributor) who have not; when holders review, the project's holders and
	/// maintainers less the verdicts cast (each holder or maintainer counted once, so never
	/// fewer than really remain); when anyone reviews, the seats. Also returns how many
	/// attestations it read.
	fn remaining_reviewers(
		id: ContributionId,
		c: &Contribution<T>,
		maintainers: &MaintainersOf<T>,
		holders: u32,
	) -> (u32, u32) {
		let cast = (c.approvals.len() as u32).saturating_add(c.rejections);
		let seats = T::MaxReviewers::get().saturating_sub(cast);
		let (eligible, read) = match c.policy.rules.reviewers {
			ReviewerSet::Maintainers => {
				// At most `MaxMaintainers` reads.
				let eligible = maintainers
					.iter()
					.filter(|m| **m != c.contributor && !Attestations::<T>::contains_key(id, *m))
					.count() as u32;
				(eligible, maintainers.len() as u32)
			},
			ReviewerSet::Holders => {
				(holders.saturating_add(maintainers.len() as u32).saturating_sub(cast), 0)
			},
			ReviewerSet::Anyone => (seats, 0),
		};
		(eligible.min(seats), read)
	}

	/// Relays wallet-signed attestations; see the call's docs. Returns how many decided their
	/// contributions and how many maintainers' attestations were read.
	pub(crate) fn do_relay_attestations(
		items: impl IntoIterator<Item = SignedAttestationOf<T>>,
	) -> Result<RelayOutcome, DispatchError> {
		let (mut counted, mut relay) = (0u32, RelayOutcome::default());
		for (index, item) in items.into_iter().enumerate() {
			let p = &item.payload;
			let encoded = codec::Encode::encode(p);
			let outcome = signing::check::<T>(
				&p.genesis_hash,
				&p.tag,
				&ATTESTATION_TAG,
				p.expires_at,
				&encoded,
				&item.signature,
				&item.reviewer,
			)
			.and_then(|()| {
				let checked =
					Self::check_attestation(p.contribution, &item.reviewer, p.assessment())?;
				// Signed for this work, not for another that took its id.
				let c = &checked.contribution;
				ensure!(
					p.contributor == c.contributor && p.content == c.content_hash(),
					Error::<T>::ContentMismatch
				);
				Ok(checked)
			});
			match outcome {
				Ok(checked) => {
					let one = Self::apply_attestation(
						checked,
						item.reviewer,
						p.verdict,
						p.assessment(),
						Default::default(),
						true,
					)?;
					counted = counted.saturating_add(1);
					if one.decided != Decided::Nothing {
						relay.decided = relay.decided.saturating_add(1);
					}
					relay.read = relay.read.saturating_add(one.read);
					relay.deciding = relay
						.deciding
						.saturating_add(Self::deciding_weight(one.decided, T::WeightInfo::attest));
				},
				Err(error) => Self::deposit_event(Event::AttestationFailed {
					index: index as u32,
					reviewer: item.reviewer.clone(),
					error,
				}),
			}
		}
		ensure!(counted > 0, Error::<T>::NoValidAttestation);
		Ok(relay)
	}

	/// Returns the approvals of the contribution if it accepted it.
	pub(crate) fn do_finalize(id: ContributionId) -> Result<Option<u32>, DispatchError> {
		let c = Self::contribution(id)?;
		ensure!(c.status.is_pending(), Error::<T>::NotPending);
		ensure!(
			frame_system::Pallet::<T>::block_number() >= c.review_ends(),
			Error::<T>::ReviewOngoing
		);
		let rules = c.policy.rules;
		let approvals = c.approvals.len() as u32;
		if rules.optimistic && c.rejections == 0 {
			Self::accept(id, c).map(|()| Some(approvals))
		} else if c.rejections > 0 && !meets_threshold(approvals, c.rejections, rules.threshold) {
			// The reviewers who looked at it rejected it: its deposit is forfeit, and it may be
			// appealed.
			Self::reject(id, c).map(|()| None)
		} else {
			Self::expire(id, c).map(|()| None)
		}
	}

	/// The quantity the reviewers credit: the lower median of the approvers' assessments (the
	/// claim with no approvals).
	pub(crate) fn credited_quantity(c: &Contribution<T>) -> Quantity {
		lower_median(c.approvals.iter().map(|a| a.assessed).collect()).unwrap_or(c.quantity)
	}

	/// The rate the reviewers credit: the lower median of the approvers' assessments (the
	/// kind's lowest rate with no approvals), within the kind's range.
	pub(crate) fn credited_rate(c: &Contribution<T>) -> FixedU128 {
		let v = &c.valuation;
		lower_median(c.approvals.iter().map(|a| a.rate).collect())
			.unwrap_or(v.rate)
			.clamp(v.rate, v.max_rate.max(v.rate))
	}

	/// The reviewers' reward each rewarded approver of a contribution is minted when
	/// `units` are credited for it: the policy's share of them shared equally by the
	/// approvers, rounded down.
	pub(crate) fn reward_each(c: &Contribution<T>, units: Units) -> Units {
		c.policy
			.rules
			.reviewer_reward
			.mul_floor(units)
			.checked_div(c.approvals.len() as u128)
			.unwrap_or(0)
	}

	/// Credits `assessed` of a contribution at `rate`, a bounty keeping `reserved` in the
	/// treasury: mints its units to the
	/// contributor and the reviewers' reward to the approving reviewers who earn one, whom it
	/// puts first among its approvals (so that a revocation burns the reward from exactly
	/// them); records the debt of a reimbursable kind, pays the bounty of a one-time kind.
	/// Returns the status and how many holdings it created.
	pub(crate) fn credit(
		id: ContributionId,
		c: &mut Contribution<T>,
		assessed: Quantity,
		rate: FixedU128,
		reserved: BalanceOf<T>,
	) -> Result<(ContributionStatus, u32), DispatchError> {
		// Valued under the equation in force at submission.
		let equation_version = c.valuation.version;
		let units = rate.checked_mul_int(assessed).ok_or(ArithmeticError::Overflow)?;
		match c.valuation.claim {
			ClaimKind::Equity => {},
			ClaimKind::Reimbursable { price } => {
				let owed = Self::money_of(price, assessed)?;
				Self::record_debt(id, c.project, &c.contributor, owed, None)?;
			},
			ClaimKind::ReimbursableIn { asset, price } => {
				let owed = Self::money_of(price, assessed)?;
				Self::record_debt(id, c.project, &c.contributor, owed, Some(asset))?;
			},
			ClaimKind::OneTime { price } => {
				let bounty = Self::money_of(price, assessed)?;
				Self::pay_bounty(id, c.project, &c.contributor, bounty, reserved, None)?;
			},
			// What the treasury keeps for an appeal's refund is native: nothing to keep here.
			ClaimKind::OneTimeIn { asset, price } => {
				let bounty = Self::money_of(price, assessed)?;
				Self::pay_bounty(id, c.project, &c.contributor, bounty, Zero::zero(), Some(asset))?;
			},
		}

		// Shared equally, rounded down; what rounding leaves is not minted.
		let each = Self::reward_each(c, units);
		let (project, mut created) = (c.project, 0u32);
		let mut mint = |who: &T::AccountId, units: Units| -> DispatchResult {
			if units > 0 && !Holdings::<T>::contains_key(project, who) {
				created = created.saturating_add(1);
			}
			Self::mint(project, who, units)
		};
		mint(&c.contributor, units)?;
		let mut reviewer_units: Units = 0;
		if each > 0 {
			let tenure = Self::reward_tenure(c.project);
			let mut rewarded = 0usize;
			for i in 0..c.approvals.len() {
				let Some(reviewer) = c.approvals.get(i).map(|a| a.reviewer.clone()) else {
					break;
				};
				// Only reviewers past the tenure, a bounded number of reviews an epoch: the
				// share of the others is not minted (nor given to the rest).
				if Self::take_reward(c.project, &reviewer, tenure) {
					mint(&reviewer, each)?;
					reviewer_units =
						reviewer_units.checked_add(each).ok_or(ArithmeticError::Overflow)?;
					// `rewarded <= i < len`.
					c.approvals.as_mut().swap(rewarded, i);
					rewarded = rewarded.saturating_add(1);
				}
			}
		}
		Ok((
			ContributionStatus::Accepted { assessed, units, reviewer_units, equation_version },
			created,
		))
	}

	/// Accepts: mints units to the contributor and the approving reviewers, releases the
	/// deposit.
	fn accept(id: ContributionId, mut c: Contribution<T>) -> DispatchResult {
		let assessed = Self::credited_quantity(&c);
		let rate = Self::credited_rate(&c);
		let (status, created) = Self::credit(id, &mut c, assessed, rate, Zero::zero())?;
		Self::burn_holding_fees(id, &mut c, created)?;
		Self::keep_record_deposit(HoldReason::ContributionDeposit, &c.depositor, &mut c.deposit)?;
		Self::conclude(id, c, status)?;
		if let ContributionStatus::Accepted { assessed, units, reviewer_units, equation_version } =
			status
		{
			Self::deposit_event(Event::ContributionAccepted {
				contribution: id,
				assessed,
				units,
				reviewer_units,
				equation_version,
			});
		}
		Ok(())
	}

	/// Rejects: the deposit goes to the project's treasury.
	fn reject(id: ContributionId, mut c: Contribution<T>) -> DispatchResult {
		// What backs the record stays held until it is removed.
		let keep = c.deposit.min(T::RecordDeposit::get());
		let forfeit = c.deposit.saturating_sub(keep);
		let forfeited = if forfeit.is_zero() {
			Zero::zero()
		} else {
			T::Currency::transfer_on_hold(
				&HoldReason::ContributionDeposit.into(),
				&c.depositor,
				&Self::treasury_account(c.project),
				forfeit,
				Precision::BestEffort,
				Restriction::Free,
				Fortitude::Force,
			)?
		};
		c.deposit = c.deposit.saturating_sub(forfeited);
		if !forfeited.is_zero() {
			// Returned if an appeal passes.
			Forfeited::<T>::insert(id, forfeited);
		}
		Self::conclude(id, c, ContributionStatus::Rejected)?;
		Self::deposit_event(Event::ContributionRejected { contribution: id, forfeited });
		Ok(())
	}

	/// Expires: the deposit is released.
	fn expire(id: ContributionId, mut c: Contribution<T>) -> DispatchResult {
		Self::keep_record_deposit(HoldReason::ContributionDeposit, &c.depositor, &mut c.deposit)?;
		Self::conclude(id, c, ContributionStatus::Expired)?;
		Self::deposit_event(Event::ContributionExpired { contribution: id });
		Ok(())
	}
}
