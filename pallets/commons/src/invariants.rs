//! Invariants, checked by `try-runtime` and at the end of every unit test.
//!
//! These iterate over storage and are never run in a block.

use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use sp_runtime::{
	traits::{CheckedSub, Saturating, Zero},
	TryRuntimeError,
};

use crate::{
	types::*, Attestations, Config, Contributions, HoldReason, Holdings, IncomeStates,
	NextContributionId, NextProjectId, Pallet, PendingContributions, Projects, ReviewPolicies,
	UnitMoves, ValueEquations,
};

impl<T: Config> Pallet<T> {
	/// Checks the pallet's invariants:
	/// - every project has an equation and a policy, and its id is below `NextProjectId`;
	/// - a project's total units equal the sum of its holdings, and `holders` counts them;
	/// - a project's `pending` counts its pending contributions, which are exactly those in the
	///   pending index;
	/// - every pending contribution's deposit is held, and the deposits held for contributions
	///   and projects add up per account to what the currency holds for this pallet;
	/// - a contribution's attestations agree with its counts of approvals and rejections;
	/// - no chain of moves of units is longer than `MaxMoveHops` or leads to its own start;
	/// - the debt invariants of [`Self::check_debts`];
	/// - the asset invariants of [`Self::check_assets`];
	/// - the governance invariants of [`Self::check_governance`].
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let next_project = NextProjectId::<T>::get();
		let next_contribution = NextContributionId::<T>::get();
		let mut held: BTreeMap<T::AccountId, (BalanceOf<T>, BalanceOf<T>)> = BTreeMap::new();

		for (id, p) in Projects::<T>::iter() {
			ensure!(id < next_project, "project id not below NextProjectId");
			ensure!(ValueEquations::<T>::contains_key(id), "project without value equation");
			ensure!(ReviewPolicies::<T>::contains_key(id), "project without review policy");
			let (mut total, mut holders) = (0u128, 0u32);
			for (_, h) in Holdings::<T>::iter_prefix(id) {
				total = total.checked_add(h.units).ok_or("units overflow")?;
				if h.units > 0 {
					holders = holders.saturating_add(1);
				}
			}
			ensure!(total == p.total_units, "total units differ from the sum of holdings");
			ensure!(holders == p.holders, "holder count differs");
			Self::check_income(id)?;
			let pending = PendingContributions::<T>::iter_prefix(id).count() as u32;
			ensure!(pending == p.pending, "pending count differs from the pending index");
			let entry = held.entry(p.creator.clone()).or_default();
			entry.0 = entry.0.saturating_add(p.deposit);
		}

		Self::check_debts()?;
		Self::check_assets()?;

		// No chain of moves is longer than a revocation follows, and none leads to itself.
		for (_, who, m) in UnitMoves::<T>::iter() {
			ensure!(m.depth <= T::MaxMoveHops::get(), "a chain of moves longer than MaxMoveHops");
			ensure!(m.moved_to.as_ref() != Some(&who), "units moved to their own account");
		}

		for (id, c) in Contributions::<T>::iter() {
			ensure!(id < next_contribution, "contribution id not below NextContributionId");
			ensure!(
				c.status.is_pending() == PendingContributions::<T>::contains_key(c.project, id),
				"pending index disagrees with status"
			);
			ensure!(c.status.is_pending() == c.decided.is_none(), "decided block disagrees");
			if c.status.is_pending() {
				ensure!(!c.deposit.is_zero(), "pending contribution without deposit");
			} else {
				ensure!(
					c.deposit <= T::RecordDeposit::get(),
					"a decided record holds more than its deposit"
				);
			}
			let entry = held.entry(c.depositor.clone()).or_default();
			entry.1 = entry.1.saturating_add(c.deposit);
			let (mut approvals, mut rejections) = (0u32, 0u32);
			for (reviewer, a) in Attestations::<T>::iter_prefix(id) {
				match a.verdict {
					Verdict::Approve => {
						approvals = approvals.saturating_add(1);
						ensure!(
							c.approvals.iter().any(|a| a.reviewer == reviewer),
							"approval missing from the contribution"
						);
					},
					Verdict::Reject => rejections = rejections.saturating_add(1),
				}
			}
			ensure!(approvals as usize == c.approvals.len(), "approval count differs");
			ensure!(rejections == c.rejections, "rejection count differs");
		}

		Self::check_governance()?;

		for (who, (projects, contributions)) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ProjectDeposit.into(), &who) == projects,
				"project deposits held differ"
			);
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ContributionDeposit.into(), &who)
					== contributions,
				"contribution deposits held differ"
			);
		}
		Ok(())
	}

	/// Income conservation of one project, exact to the planck: scaled by the precision, what
	/// the pot holds above the existential deposit equals what holders can claim (settled,
	/// their remainders and what they earned since their checkpoints) plus what is carried.
	fn check_income(project: ProjectId) -> Result<(), TryRuntimeError> {
		use frame_support::traits::fungible::Inspect;
		use sp_core::U256;
		let state = IncomeStates::<T>::get(project);
		let pot = T::Currency::balance(&Self::income_account(project))
			.checked_sub(&T::Currency::minimum_balance())
			.ok_or("the income pot is below the existential deposit")?;
		ensure!(state.claimed <= state.distributed, "claimed more than distributed");
		// Anyone may transfer to the pot directly: it holds at least what the ledgers say, the
		// holders' and the creditors'.
		let ledger = state.distributed.saturating_sub(state.claimed);
		let debts = crate::DebtLedgers::<T>::get(project);
		let for_creditors = debts.repaid.checked_sub(&debts.claimed).ok_or("debts over-claimed")?;
		let inbox = crate::UpstreamInbox::<T>::get(project);
		ensure!(
			pot >= ledger.saturating_add(for_creditors).saturating_add(inbox),
			"the pot holds less than the holders, the creditors and the inbox can claim"
		);
		let precision = U256::from(INCOME_PRECISION);
		let mut owed = U256::from(state.carried);
		for (_, h) in Holdings::<T>::iter_prefix(project) {
			let delta = state
				.income_per_unit
				.checked_sub(h.income_checkpoint)
				.ok_or("checkpoint ahead")?;
			owed = owed
				.saturating_add(U256::from(Self::to_u128(h.unclaimed)?).saturating_mul(precision))
				.saturating_add(U256::from(h.income_remainder))
				.saturating_add(U256::from(h.units).saturating_mul(U256::from(delta)));
			ensure!(h.income_remainder < INCOME_PRECISION, "remainder of a whole planck or more");
		}
		ensure!(
			U256::from(Self::to_u128(ledger)?).saturating_mul(precision) == owed,
			"claimable plus carried differs from the pot"
		);
		Ok(())
	}

	/// Asset invariants: a project's list holds registered assets, each once, and its holders'
	/// slots are no more than its list; per project and asset, scaled by the precision, what
	/// its holders can claim (settled, remainders, and what they earned since their checkpoint)
	/// plus what is carried equals what was paid to them less what they claimed, exactly; and
	/// the pallet's account in each asset holds its minimum balance plus every project's
	/// treasury, inbox and holders' part in it (at least: anyone may send it more).
	fn check_assets() -> Result<(), TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		use frame_support::traits::fungibles::Inspect;
		use sp_core::U256;
		let mut owed: BTreeMap<T::AssetId, BalanceOf<T>> = BTreeMap::new();
		for (project, list) in crate::ProjectAssets::<T>::iter() {
			ensure!(Projects::<T>::contains_key(project), "an asset list without its project");
			for (i, entry) in list.iter().enumerate() {
				ensure!(
					crate::RegisteredAssets::<T>::contains_key(entry.asset),
					"a project accepts an unregistered asset"
				);
				ensure!(
					list.iter().skip(i.saturating_add(1)).all(|o| o.asset != entry.asset),
					"an asset listed twice"
				);
				let state = crate::AssetIncomeStates::<T>::get(project, entry.asset);
				ensure!(state.claimed <= state.distributed, "claimed more than paid in an asset");
				let precision = U256::from(INCOME_PRECISION);
				let mut claimable = U256::from(state.carried);
				for (who, h) in Holdings::<T>::iter_prefix(project) {
					let slot = crate::AssetHoldings::<T>::get(project, &who)
						.get(i)
						.copied()
						.unwrap_or_default();
					let delta = state
						.income_per_unit
						.checked_sub(slot.checkpoint)
						.ok_or("an asset checkpoint ahead")?;
					ensure!(
						slot.remainder < INCOME_PRECISION,
						"an asset remainder of a whole unit"
					);
					claimable = claimable
						.saturating_add(
							U256::from(Self::to_u128(slot.unclaimed)?).saturating_mul(precision),
						)
						.saturating_add(U256::from(slot.remainder))
						.saturating_add(U256::from(h.units).saturating_mul(U256::from(delta)));
				}
				let ledger = state.distributed.saturating_sub(state.claimed);
				ensure!(
					U256::from(Self::to_u128(ledger)?).saturating_mul(precision) == claimable,
					"claimable plus carried differs from what was paid in an asset"
				);
				let debts = crate::AssetDebtLedgers::<T>::get(project, entry.asset);
				let total = owed.entry(entry.asset).or_default();
				*total = total
					.saturating_add(ledger)
					.saturating_add(crate::AssetTreasuries::<T>::get(project, entry.asset))
					.saturating_add(crate::AssetInboxes::<T>::get(project, entry.asset))
					.saturating_add(debts.repaid.saturating_sub(debts.claimed));
			}
			for (_, slots) in crate::AssetHoldings::<T>::iter_prefix(project) {
				ensure!(slots.len() <= list.len(), "more asset slots than assets");
			}
		}
		for (asset, _) in crate::RegisteredAssets::<T>::iter() {
			let held = T::Assets::balance(asset, &Self::asset_account());
			let needed = owed
				.get(&asset)
				.copied()
				.unwrap_or_default()
				.saturating_add(T::Assets::minimum_balance(asset));
			ensure!(held >= needed, "the asset account holds less than its ledgers");
		}
		Ok(())
	}

	/// Debt invariants, per project: repaid at most owed, claimed at most repaid; every debt
	/// lies within what was owed, has claimed at most what is repaid of it and is not claimed in
	/// full (it would be retired), belongs to an existing contribution of its creditor's (or
	/// of its project, revoked); and what the live debts can still claim adds up to repaid less
	/// claimed exactly (the debts tile the queue, and retired ones were claimed in full).
	fn check_debts() -> Result<(), TryRuntimeError> {
		use alloc::collections::btree_map::BTreeMap;
		let mut claimable: BTreeMap<(ProjectId, Option<T::AssetId>), BalanceOf<T>> =
			BTreeMap::new();
		for (contributor, id, debt) in crate::Debts::<T>::iter() {
			let asset = crate::DebtAssets::<T>::get(id);
			let ledger = Self::ledger_of(debt.project, asset);
			ensure!(
				debt.start.saturating_add(debt.amount) <= ledger.owed,
				"a debt beyond what was owed"
			);
			let repaid = Self::repaid_of(&debt, &ledger);
			ensure!(debt.claimed <= repaid, "a debt claimed beyond what is repaid");
			ensure!(debt.claimed < debt.amount, "a debt claimed in full was not retired");
			let c = Contributions::<T>::get(id).ok_or("a debt without its contribution")?;
			ensure!(
				c.contributor == contributor && c.project == debt.project,
				"a debt keyed by another contributor or project"
			);
			ensure!(
				debt.creditor == contributor
					|| debt.creditor == Self::treasury_account(debt.project),
				"a debt owed to a stranger"
			);
			let entry = claimable.entry((debt.project, asset)).or_default();
			*entry = entry.saturating_add(repaid.saturating_sub(debt.claimed));
		}
		for (id, _) in crate::DebtAssets::<T>::iter() {
			let c = Contributions::<T>::get(id).ok_or("a debt's asset without its contribution")?;
			ensure!(
				crate::Debts::<T>::contains_key(&c.contributor, id),
				"a debt's asset without its debt"
			);
		}
		let ledgers = crate::DebtLedgers::<T>::iter()
			.map(|(project, ledger)| ((project, None), ledger))
			.chain(
				crate::AssetDebtLedgers::<T>::iter()
					.map(|(project, asset, ledger)| ((project, Some(asset)), ledger)),
			);
		for (key, ledger) in ledgers {
			ensure!(Projects::<T>::contains_key(key.0), "a debt ledger without its project");
			if let Some(asset) = key.1 {
				ensure!(
					crate::ProjectAssets::<T>::get(key.0).iter().any(|a| a.asset == asset),
					"a debt ledger in an asset not on the project's list"
				);
			}
			ensure!(ledger.repaid <= ledger.owed, "repaid more than owed");
			ensure!(ledger.claimed <= ledger.repaid, "claimed more than repaid");
			ensure!(
				claimable.get(&key).copied().unwrap_or_default()
					== ledger.repaid.saturating_sub(ledger.claimed),
				"what debts can claim differs from repaid less claimed"
			);
		}
		Ok(())
	}

	/// Governance invariants:
	/// - every open proposal's deposit is held, and the proposal deposits held per account add
	///   up to what the currency holds for this pallet; closed proposals hold at most the
	///   record deposit, and the vote deposits held per voter equal their records' deposits;
	/// - each scope's open count equals its open proposals, at most `MaxLiveProposals`, and so
	///   do the counts of open appeals (escalated to the chain, or in a project);
	/// - each proposer's open count in a scope equals their open proposals there (appeals
	///   apart), at most `MaxProposalsPerProposer`;
	/// - each open proposal's tallies equal the sums of its votes, chamber by chamber, and
	///   every proposal counts its vote records;
	/// - credits spent never exceed the budget, and cover the votes that may still change;
	/// - the membership invariants of [`Self::check_membership`]; recognised projects exist.
	fn check_governance() -> Result<(), TryRuntimeError> {
		use crate::{
			LiveChainAppeals, LiveProjectAppeals, LiveProposals, OpenProposals, Proposals,
			RecognisedProjects, VoiceCredits, Votes,
		};
		use alloc::collections::btree_map::BTreeMap;
		let mut held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut vote_held: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		let mut live: BTreeMap<Scope, u32> = BTreeMap::new();
		let mut escalated = 0u32;
		let mut project_appeals: BTreeMap<ProjectId, u32> = BTreeMap::new();
		let mut mine: BTreeMap<(Scope, T::AccountId), u32> = BTreeMap::new();
		let mut costs: BTreeMap<((Scope, Epoch), T::AccountId), u64> = BTreeMap::new();
		for (id, p) in Proposals::<T>::iter() {
			let open = p.status == ProposalStatus::Open;
			ensure!(
				!open || !p.deposit.is_zero() || T::ProposalDeposit::get().is_zero(),
				"an open proposal without a deposit"
			);
			ensure!(
				open || p.deposit <= T::RecordDeposit::get(),
				"a closed record holds more than its deposit"
			);
			let entry = held.entry(p.proposer.clone()).or_default();
			*entry = entry.saturating_add(p.deposit);
			match (open, p.appeal.is_some(), p.scope) {
				(false, _, _) => {},
				(true, true, Scope::Chain) => escalated = escalated.saturating_add(1),
				(true, true, Scope::Project(project)) => {
					let n = project_appeals.entry(project).or_default();
					*n = n.saturating_add(1);
				},
				(true, false, scope) => {
					let n = live.entry(scope).or_default();
					*n = n.saturating_add(1);
					let n = mine.entry((scope, p.proposer.clone())).or_default();
					*n = n.saturating_add(1);
				},
			}
			ensure!(p.min_voters > 0, "a proposal without a least number of voters");
			ensure!(p.tenure <= T::MaxTenure::get(), "a proposal's tenure above the most");
			if let (true, Some(hash)) = (open, p.call.lookup_hash()) {
				use frame_support::traits::QueryPreimage;
				ensure!(
					T::Preimages::is_requested(&hash),
					"an open proposal's preimage is not requested"
				);
			}
			ensure!(p.scope == Scope::Chain || p.tenure == 0, "a project proposal with a tenure");
			let maintainers_chamber =
				p.chambers.iter().find(|(c, _)| c.rule == ChamberRule::Maintainers);
			// (Proposals closed before version 3 have no snapshot.)
			ensure!(
				!open
					|| maintainers_chamber.map_or(0, |(_, t)| t.members)
						== p.maintainers.len() as u32,
				"the maintainers snapshot differs from its chamber's member count"
			);
			ensure!(
				p.scope == Scope::Chain || p.recognised.is_empty(),
				"a project proposal with a recognised set"
			);
			let mut sums = alloc::vec![Tally::default(); p.chambers.len()];
			let mut records = 0u32;
			let voting = open && frame_system::Pallet::<T>::block_number() <= p.ends;
			for (voter, v) in Votes::<T>::iter_prefix(id) {
				records = records.saturating_add(1);
				ensure!(v.votes > 0, "a vote record of zero votes");
				let entry = vote_held.entry(voter.clone()).or_default();
				*entry = entry.saturating_add(v.deposit);
				for (i, sum) in sums.iter_mut().enumerate() {
					if v.chambers & (1u8 << i) != 0 {
						sum.retally(None, Some(&v));
					}
				}
				// Credits are kept while the votes they paid for may still change.
				if voting {
					let cost = costs.entry(((p.scope, p.epoch), voter)).or_default();
					*cost = cost.saturating_add(u64::from(v.cost().ok_or("vote cost overflow")?));
				}
			}
			ensure!(records == p.votes, "vote records differ from the proposal's count");
			if open {
				for ((_, tally), sum) in p.chambers.iter().zip(sums.iter()) {
					ensure!(
						(tally.ayes, tally.nays, tally.voters) == (sum.ayes, sum.nays, sum.voters),
						"a tally differs from the sum of its votes"
					);
				}
			}
		}
		for (scope, n) in LiveProposals::<T>::iter() {
			ensure!(live.remove(&scope).unwrap_or(0) == n, "open proposal count differs");
			ensure!(n <= T::MaxLiveProposals::get(), "too many open proposals");
		}
		ensure!(live.values().all(|n| *n == 0), "open proposals without a count");
		ensure!(escalated == LiveChainAppeals::<T>::get(), "open escalated appeals differ");
		for (project, n) in LiveProjectAppeals::<T>::iter() {
			ensure!(project_appeals.remove(&project).unwrap_or(0) == n, "open appeals differ");
			ensure!(n <= T::MaxLiveProposals::get(), "too many open appeals");
		}
		ensure!(project_appeals.values().all(|n| *n == 0), "open appeals without a count");
		for (scope, who, n) in OpenProposals::<T>::iter() {
			ensure!(n > 0, "a proposer's open count of zero is stored");
			ensure!(
				mine.remove(&(scope, who)).unwrap_or(0) == n,
				"a proposer's open count differs"
			);
			ensure!(
				n <= T::MaxProposalsPerProposer::get(),
				"a proposer has too many open proposals"
			);
		}
		ensure!(mine.is_empty(), "open proposals without their proposer's count");
		ensure!(escalated <= T::MaxLiveProposals::get(), "too many escalated appeals");
		for (who, amount) in held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::ProposalDeposit.into(), &who) == amount,
				"proposal deposits held differ"
			);
		}
		for (who, amount) in vote_held {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::VoteDeposit.into(), &who) == amount,
				"vote deposits held differ"
			);
		}
		for (key, who, credits) in VoiceCredits::<T>::iter() {
			ensure!(credits.spent <= credits.budget, "credits spent above the budget");
			let recorded = costs.remove(&(key, who)).unwrap_or(0);
			ensure!(recorded <= u64::from(credits.spent), "votes cost more than was spent");
		}
		ensure!(costs.is_empty(), "votes without a credit account");
		Self::check_membership()?;
		for project in RecognisedProjects::<T>::get() {
			ensure!(Projects::<T>::contains_key(project), "a recognised project does not exist");
		}
		Ok(())
	}
}
