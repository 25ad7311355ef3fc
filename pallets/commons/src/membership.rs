//! Membership that costs real value: who belongs to a `Payers` chamber (payments that reach
//! its `min_paid`), to a `Listed` chamber (an entry that holds a deposit), and to the chain
//! (units held in a recognised project for the chain's tenure, in a project whose review is
//! above the chain's floor); and which reviewers earn rewards (past the tenure, a bounded
//! number of reviews an epoch).
//!
//! The chain's member count stays exact at constant cost: each project counts its holders by
//! the epoch they joined in ([`RecentHolders`], at most [`Config::MaxTenure`] + 1 entries), so
//! the holders past a tenure of `k` epochs are its holders less those who joined in the last
//! `k` epochs, the same rule by which a voter is checked.

use frame_support::{
	ensure,
	traits::{
		fungible::{Inspect, InspectHold, MutateHold},
		DefensiveSaturating, Get,
	},
};
use sp_runtime::{
	traits::{Saturating, Zero},
	DispatchError, DispatchResult, TryRuntimeError,
};

use crate::{
	types::*, ChamberList, ChamberListCount, Config, Error, Event, HoldReason, Holdings,
	Membership, MinPaid, Pallet, PayerCount, Payers, RecentHolders, RecognisedProjects,
	ReviewPolicies, ReviewRewards,
};

impl<T: Config> Pallet<T> {
	/// What an account must have paid `project` in all to join its `Payers` chamber: the
	/// project's `min_paid`, never below the chain's, and at least one planck.
	pub fn min_paid_of(project: ProjectId) -> BalanceOf<T> {
		let floor = Membership::<T>::get().min_paid;
		MinPaid::<T>::get(project).map_or(floor, |own| own.max(floor)).max(1u32.into())
	}

	/// Notes that `who` paid `project` `amount` of income (never income forwarded from another
	/// project): a member of its `Payers` chamber once its payments reach the project's
	/// `min_paid`. A payment below the existential deposit leaves no record.
	pub(crate) fn note_payer(project: ProjectId, who: &T::AccountId, amount: BalanceOf<T>) {
		if amount < T::Currency::minimum_balance() {
			return;
		}
		let threshold = Self::min_paid_of(project);
		let mut payer = Payers::<T>::get(project, who).unwrap_or_default();
		payer.paid = payer.paid.saturating_add(amount);
		if payer.member_since.is_none() && payer.paid >= threshold {
			payer.member_since = Some(frame_system::Pallet::<T>::block_number());
			PayerCount::<T>::mutate(project, |n| *n = n.saturating_add(1));
			Self::deposit_event(Event::PayerJoined { project, who: who.clone(), paid: payer.paid });
		}
		Payers::<T>::insert(project, who, payer);
	}

	pub(crate) fn do_set_min_paid(project: ProjectId, min_paid: BalanceOf<T>) -> DispatchResult {
		Self::project(project)?;
		ensure!(min_paid >= Membership::<T>::get().min_paid, Error::<T>::BelowFloor);
		MinPaid::<T>::insert(project, min_paid);
		Self::deposit_event(Event::MinPaidSet { project, min_paid });
		Ok(())
	}

	/// Adds `who` to the project's list, holding [`Config::ListDeposit`] from `signer` (a
	/// maintainer acting for the project) or else from the project's treasury; or removes
	/// them, releasing the deposit to whoever paid it.
	pub(crate) fn do_set_chamber_member(
		project: ProjectId,
		who: T::AccountId,
		listed: bool,
		signer: Option<T::AccountId>,
	) -> DispatchResult {
		Self::project(project)?;
		let present = ChamberList::<T>::contains_key(project, &who);
		if listed && !present {
			let depositor = signer.unwrap_or_else(|| Self::treasury_account(project));
			let deposit = T::ListDeposit::get();
			T::Currency::hold(&HoldReason::ListDeposit.into(), &depositor, deposit)?;
			let since = frame_system::Pallet::<T>::block_number();
			ChamberList::<T>::insert(project, &who, ListEntry { since, depositor, deposit });
			ChamberListCount::<T>::mutate(project, |n| *n = n.saturating_add(1));
		} else if !listed && present {
			Self::unlist(project, &who)?;
		}
		Self::deposit_event(Event::ChamberMemberSet { project, who, listed });
		Ok(())
	}

	/// Removes `who` from the project's list and releases the entry's deposit.
	fn unlist(project: ProjectId, who: &T::AccountId) -> DispatchResult {
		let Some(mut entry) = ChamberList::<T>::get(project, who) else { return Ok(()) };
		Self::release_held(HoldReason::ListDeposit, &entry.depositor, &mut entry.deposit)?;
		ChamberList::<T>::remove(project, who);
		ChamberListCount::<T>::mutate(project, |n| *n = n.defensive_saturating_sub(1));
		Ok(())
	}

	pub(crate) fn do_leave_chamber(
		project: ProjectId,
		who: T::AccountId,
		rule: ChamberRule,
	) -> DispatchResult {
		match rule {
			ChamberRule::Payers => {
				let payer = Payers::<T>::take(project, &who).ok_or(Error::<T>::NotMember)?;
				if payer.member_since.is_some() {
					PayerCount::<T>::mutate(project, |n| *n = n.defensive_saturating_sub(1));
				}
			},
			ChamberRule::Listed => {
				ensure!(ChamberList::<T>::contains_key(project, &who), Error::<T>::NotMember);
				Self::unlist(project, &who)?;
			},
			ChamberRule::Holders | ChamberRule::Maintainers => {
				return Err(Error::<T>::CannotLeave.into())
			},
		}
		Self::deposit_event(Event::ChamberLeft { project, who, rule });
		Ok(())
	}

	pub(crate) fn ensure_valid_membership(
		rules: &MembershipRules<BalanceOf<T>, BlockNumberOf<T>>,
	) -> DispatchResult {
		ensure!(
			rules.tenure <= T::MaxTenure::get()
				&& rules.review.min_approvals <= T::MaxReviewers::get()
				&& rules.review.review_period <= T::MaxReviewPeriod::get(),
			Error::<T>::InvalidMembershipRules
		);
		Ok(())
	}

	/// Sets the chain's membership rules; recognised projects whose review policy is below the
	/// new floor stop being recognised (at most `MaxRecognised` policies read).
	pub(crate) fn do_set_membership_rules(
		rules: MembershipRules<BalanceOf<T>, BlockNumberOf<T>>,
	) -> DispatchResult {
		Self::ensure_valid_membership(&rules)?;
		Membership::<T>::put(rules);
		Self::deposit_event(Event::MembershipRulesSet { rules });
		// At most `MaxRecognised` projects.
		let recognised = RecognisedProjects::<T>::get();
		for id in recognised.iter() {
			if !Self::review_admitted(*id) {
				Self::do_set_recognised(*id, false)?;
			}
		}
		Ok(())
	}

	/// Whether a project's review policy is at or above the chain's floor for recognised
	/// projects.
	pub(crate) fn review_admitted(project: ProjectId) -> bool {
		ReviewPolicies::<T>::get(project)
			.is_some_and(|p| Membership::<T>::get().review.admits(&p.rules))
	}

	/// Whether a holding is past `tenure` epochs at block `at`: held for `tenure` whole epochs
	/// (since an epoch more than `tenure` epochs before `at`'s), or since genesis; with no
	/// tenure, since a block before `at`.
	pub(crate) fn past_tenure(
		holding: &Holding<BalanceOf<T>, BlockNumberOf<T>>,
		tenure: u32,
		at: BlockNumberOf<T>,
	) -> bool {
		if holding.units == 0 || holding.member_since >= at {
			return false;
		}
		tenure == 0
			|| holding.member_since.is_zero()
			|| Self::epoch_of(holding.member_since).saturating_add(tenure) < Self::epoch_of(at)
	}

	/// Holders of `project` past `tenure` epochs at the start of the current block's epoch
	/// count: its holders less those who joined in this epoch or the `tenure` before it
	/// (genesis holders never among them). At most `MaxTenure + 1` entries read, in one storage item.
	pub(crate) fn holders_past_tenure(project: ProjectId, holders: u32, tenure: u32) -> u32 {
		if tenure == 0 {
			return holders;
		}
		let now = Self::current_epoch();
		let recent = RecentHolders::<T>::get(project)
			.iter()
			.filter(|(epoch, _)| epoch.saturating_add(tenure) >= now)
			.fold(0u32, |n, (_, joined)| n.saturating_add(*joined));
		holders.saturating_sub(recent)
	}

	/// Notes that an account became a holder of `project` now (not at genesis).
	pub(crate) fn note_joined(project: ProjectId) {
		let now = frame_system::Pallet::<T>::block_number();
		if now.is_zero() {
			return;
		}
		let epoch = Self::epoch_of(now);
		let window = T::MaxTenure::get();
		RecentHolders::<T>::mutate(project, |recent| {
			// Entries a tenure can no longer reach back to are dropped.
			recent.retain(|(e, _)| e.saturating_add(window) >= epoch);
			match recent.iter_mut().find(|(e, _)| *e == epoch) {
				Some((_, n)) => *n = n.saturating_add(1),
				None => {
					// After the pruning at most `MaxTenure` entries are left: room for one.
					if recent.try_push((epoch, 1)).is_err() {
						frame_support::defensive!("the window holds MaxTenure + 1 epochs");
					}
				},
			}
		});
	}

	/// Notes that a holder of `project` since `member_since` holds no units any more.
	pub(crate) fn note_left(
		project: ProjectId,
		who: &T::AccountId,
		member_since: BlockNumberOf<T>,
	) {
		ReviewRewards::<T>::remove(project, who);
		if member_since.is_zero() {
			return;
		}
		let epoch = Self::epoch_of(member_since);
		RecentHolders::<T>::mutate(project, |recent| {
			if let Some(i) = recent.iter().position(|(e, _)| *e == epoch) {
				if let Some((_, n)) = recent.get_mut(i) {
					*n = n.saturating_sub(1);
					if *n == 0 {
						recent.remove(i);
					}
				}
			}
		});
	}

	/// The tenure a reviewer of `project` must be past to earn rewards: the chain's, if the
	/// chain recognises the project (its units make chain members), none otherwise.
	pub(crate) fn reward_tenure(project: ProjectId) -> u32 {
		if RecognisedProjects::<T>::get().contains(&project) {
			Membership::<T>::get().tenure
		} else {
			0
		}
	}

	/// Whether `reviewer` earns a reward for one more approved review in `project` now: past
	/// `tenure` in the project ([`Self::reward_tenure`]) and below
	/// [`Config::MaxRewardedReviews`] this epoch. Counts the review if so.
	pub(crate) fn take_reward(project: ProjectId, reviewer: &T::AccountId, tenure: u32) -> bool {
		let now = frame_system::Pallet::<T>::block_number();
		if tenure > 0 {
			let past = Holdings::<T>::get(project, reviewer)
				.is_some_and(|h| Self::past_tenure(&h, tenure, now));
			if !past {
				return false;
			}
		}
		let epoch = Self::epoch_of(now);
		let mut rewarded = ReviewRewards::<T>::get(project, reviewer).unwrap_or_default();
		if rewarded.epoch != epoch {
			rewarded = RewardedReviews { epoch, count: 0 };
		}
		if rewarded.count >= T::MaxRewardedReviews::get() {
			return false;
		}
		rewarded.count = rewarded.count.saturating_add(1);
		ReviewRewards::<T>::insert(project, reviewer, rewarded);
		true
	}

	/// Whether `who` counts in the chain's scope on a proposal made at `created` with `tenure`,
	/// in one of the `recognised` projects.
	pub(crate) fn chain_member(
		recognised: &RecognisedOf<T>,
		who: &T::AccountId,
		created: BlockNumberOf<T>,
		tenure: u32,
	) -> bool {
		recognised.iter().any(|id| {
			Holdings::<T>::get(id, who).is_some_and(|h| Self::past_tenure(&h, tenure, created))
		})
	}

	/// The error a recognition of `project` fails with, if its review is below the floor.
	pub(crate) fn ensure_recognisable(project: ProjectId) -> Result<(), DispatchError> {
		ensure!(Self::review_admitted(project), Error::<T>::PolicyBelowFloor);
		Ok(())
	}

	/// Checks the membership invariants (also after the version 4 migration):
	/// - each `Payers` chamber's count equals its payers whose payments reached `min_paid`;
	/// - [`Self::check_list_deposits`] and [`Self::check_recent_holders`];
	/// - every rewarded-review record belongs to a holding and is within the cap.
	pub fn check_membership() -> Result<(), TryRuntimeError> {
		for (project, n) in PayerCount::<T>::iter() {
			let members = Payers::<T>::iter_prefix(project)
				.filter(|(_, p)| p.member_since.is_some())
				.count() as u32;
			ensure!(members == n, "payer count differs from the payers who reached min_paid");
		}
		for (project, _, payer) in Payers::<T>::iter() {
			ensure!(
				payer.member_since.is_none() || PayerCount::<T>::get(project) > 0,
				"a payer member without a count"
			);
		}
		Self::check_list_deposits()?;
		Self::check_recent_holders()?;
		for id in RecognisedProjects::<T>::get() {
			ensure!(Self::review_admitted(id), "a recognised project's review is below the floor");
		}
		for (project, who, rewarded) in ReviewRewards::<T>::iter() {
			ensure!(
				Holdings::<T>::get(project, &who).is_some_and(|h| h.units > 0),
				"a rewarded-review record without units"
			);
			ensure!(
				rewarded.count <= T::MaxRewardedReviews::get(),
				"rewarded reviews above the cap"
			);
		}
		Ok(())
	}

	/// Each list's count equals its entries, and the deposits of the entries add up, per
	/// depositor, to what the currency holds for lists.
	pub fn check_list_deposits() -> Result<(), TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut counts: BTreeMap<ProjectId, u32> = BTreeMap::new();
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (project, _, entry) in ChamberList::<T>::iter() {
			let n = counts.entry(project).or_default();
			*n = n.saturating_add(1);
			let h = held.entry(entry.depositor).or_default();
			*h = h.saturating_add(entry.deposit);
		}
		for (project, n) in ChamberListCount::<T>::iter() {
			ensure!(counts.remove(&project).unwrap_or(0) == n, "list count differs");
		}
		ensure!(counts.is_empty(), "list entries without a count");
		for (who, amount) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ListDeposit.into(), &who) == amount,
				"list deposits held differ"
			);
		}
		Ok(())
	}

	/// Each project's count of recent holders per epoch equals its holders (genesis apart) who
	/// joined in that epoch, and every holder who joined within the last `MaxTenure` epochs is
	/// counted.
	pub fn check_recent_holders() -> Result<(), TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let now = Self::current_epoch();
		let window = T::MaxTenure::get();
		let mut joined: BTreeMap<(ProjectId, Epoch), u32> = BTreeMap::new();
		for (project, _, h) in Holdings::<T>::iter() {
			if h.units > 0 && !h.member_since.is_zero() {
				let n = joined.entry((project, Self::epoch_of(h.member_since))).or_default();
				*n = n.saturating_add(1);
			}
		}
		for (project, recent) in RecentHolders::<T>::iter() {
			for (epoch, n) in recent {
				ensure!(n > 0, "a recent-holders count of zero is stored");
				ensure!(
					joined.remove(&(project, epoch)).unwrap_or(0) == n,
					"recent holders differ from the holdings"
				);
			}
		}
		ensure!(
			joined.keys().all(|(_, epoch)| epoch.saturating_add(window) < now),
			"holders who joined within the window are not counted"
		);
		Ok(())
	}
}
