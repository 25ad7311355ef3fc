//! Quadratic-voting governance of projects and of the chain: proposals, votes, voice credits,
//! closing and enactment, and the parameters, chambers and members of each scope.

use frame_support::{
	ensure,
	traits::{fungible::MutateHold, DefensiveOption, Get, QueryPreimage},
	weights::Weight,
	BoundedVec,
};
use sp_runtime::{
	traits::{IntegerSquareRoot, Saturating, UniqueSaturatedInto, Zero},
	ArithmeticError, DispatchError, DispatchResult, Perbill,
};

use crate::{
	types::*, ChainGovernance, ChamberList, ChamberListCount, Config, DefaultProjectGovernance,
	Error, Event, GovernanceFloors, HoldReason, HoldingMarks, Holdings, NextProposalId, Pallet,
	PayerCount, Payers, ProjectChambers, ProjectGovernance, Projects, Proposals,
	RecognisedProjects, TotalMarks, VoiceCredits, Votes,
};

impl<T: Config> Pallet<T> {
	/// The epoch of voice credits of block `n`.
	pub fn epoch_of(n: BlockNumberOf<T>) -> Epoch {
		let n: u32 = n.unique_saturated_into();
		let length: u32 = T::EpochLength::get().unique_saturated_into();
		n.checked_div(length).unwrap_or(0)
	}

	/// The current epoch of voice credits.
	pub fn current_epoch() -> Epoch {
		Self::epoch_of(frame_system::Pallet::<T>::block_number())
	}

	/// How a scope votes now: a project's parameters (or the default) raised to the chain's
	/// floor.
	pub fn governance_of(scope: Scope) -> GovernanceParams<BlockNumberOf<T>> {
		match scope {
			Scope::Chain => ChainGovernance::<T>::get(),
			Scope::Project(id) => GovernanceFloors::<T>::get().raise(
				ProjectGovernance::<T>::get(id).unwrap_or_else(DefaultProjectGovernance::<T>::get),
			),
		}
	}

	pub(crate) fn ensure_valid_governance(
		scope: Scope,
		params: &GovernanceParams<BlockNumberOf<T>>,
	) -> DispatchResult {
		let budget_ok = match (scope, params.budget) {
			(_, Budget::Equal(n)) => n > 0,
			// Every member needs credits: a chamber whose members cannot vote blocks everything.
			(Scope::Project(_), Budget::ByShare { min, max }) => min > 0 && min <= max,
			(Scope::Chain, Budget::ByShare { .. }) => false,
		};
		ensure!(
			budget_ok
				&& params.min_voters > 0
				&& !params.voting_period.is_zero()
				&& params.voting_period <= T::MaxVotingPeriod::get(),
			Error::<T>::InvalidGovernance
		);
		if let Scope::Project(_) = scope {
			ensure!(GovernanceFloors::<T>::get().admits(params), Error::<T>::BelowFloor);
		}
		Ok(())
	}

	pub(crate) fn do_set_governance_floor(
		floor: GovernanceFloor<BlockNumberOf<T>>,
	) -> DispatchResult {
		ensure!(floor.voting_period <= T::MaxVotingPeriod::get(), Error::<T>::InvalidGovernance);
		GovernanceFloors::<T>::put(floor);
		Self::deposit_event(Event::GovernanceFloorSet { floor });
		Ok(())
	}

	/// The most votes one member's budget buys in a scope now (`⌊√max budget⌋`).
	pub(crate) fn max_votes(scope: Scope) -> u64 {
		let most = match Self::governance_of(scope).budget {
			Budget::Equal(n) => n,
			Budget::ByShare { max, .. } => max,
		};
		u64::from(most.integer_sqrt())
	}

	/// Whether a proposal's electorate has members who may decide for the project other than
	/// its maintainers: an appeal of a rejection goes to them, never to the maintainers who
	/// rejected it.
	pub(crate) fn has_members_beyond_maintainers(electorate: &Electorate<T>) -> bool {
		electorate
			.chambers
			.iter()
			.any(|(chamber, tally)| chamber.rule != ChamberRule::Maintainers && tally.members > 0)
	}

	/// Who may vote in a scope now, as a proposal made now records it: the chambers with
	/// their member counts, the maintainers (if they are a chamber), the recognised projects
	/// (chain scope) and the least number of voters.
	pub(crate) fn electorate_now(scope: Scope) -> Result<Electorate<T>, DispatchError> {
		let params = Self::governance_of(scope);
		let holders_only = |members: u32| {
			let chamber = Chamber { rule: ChamberRule::Holders, quorum: params.quorum };
			ProposalChambersOf::<T>::try_from(alloc::vec![(
				chamber,
				Tally { members, ..Default::default() }
			)])
			.map_err(|_| DispatchError::from(Error::<T>::InvalidGovernance))
		};
		let mut electorate = Electorate {
			chambers: Default::default(),
			maintainers: Default::default(),
			recognised: Default::default(),
			min_voters: params.min_voters,
			tenure: 0,
		};
		match scope {
			Scope::Chain => {
				// At most `MaxRecognised` projects, two reads each. Only holders past the
				// tenure count, as only they may vote. An account holding units in two
				// recognised projects is counted twice: the quorum errs on the side of more
				// turnout.
				let tenure = crate::Membership::<T>::get().tenure;
				let recognised = RecognisedProjects::<T>::get();
				let mut members = 0u32;
				for id in recognised.iter() {
					let holders = Projects::<T>::get(id).map_or(0, |p| p.holders);
					members =
						members.saturating_add(Self::holders_past_tenure(*id, holders, tenure));
				}
				electorate.tenure = tenure;
				electorate.chambers = holders_only(members)?;
				electorate.recognised = recognised;
			},
			Scope::Project(id) => {
				let p = Self::project(id)?;
				ensure!(p.status == ProjectStatus::Active, Error::<T>::ProjectClosed);
				let chambers = ProjectChambers::<T>::get(id);
				if chambers.is_empty() {
					electorate.chambers = holders_only(p.holders)?;
					return Ok(electorate);
				}
				let floor = GovernanceFloors::<T>::get().quorum;
				for mut chamber in chambers {
					chamber.quorum = chamber.quorum.max(floor);
					let members = match chamber.rule {
						ChamberRule::Holders => p.holders,
						ChamberRule::Payers => PayerCount::<T>::get(id),
						ChamberRule::Maintainers => {
							electorate.maintainers = p.maintainers.clone();
							p.maintainers.len() as u32
						},
						ChamberRule::Listed => ChamberListCount::<T>::get(id),
					};
					electorate
						.chambers
						.try_push((chamber, Tally { members, ..Default::default() }))
						.map_err(|_| Error::<T>::InvalidGovernance)?;
				}
			},
		}
		Ok(electorate)
	}

	/// The chambers of `proposal` in which `who` counts, a bit each: members whose
	/// membership began in a block before the proposal's (so that nobody who joins in the
	/// proposal's own block, after it, counts).
	pub fn member_bits(proposal: &Proposal<T>, who: &T::AccountId) -> u8 {
		let snapshot = proposal.created;
		let mut bits = 0u8;
		for (i, (chamber, _)) in proposal.chambers.iter().enumerate() {
			let member = match proposal.scope {
				Scope::Chain => {
					Self::chain_member(&proposal.recognised, who, snapshot, proposal.tenure)
				},
				Scope::Project(id) => match chamber.rule {
					ChamberRule::Holders => Holdings::<T>::get(id, who)
						.is_some_and(|h| Self::past_tenure(&h, 0, snapshot)),
					ChamberRule::Payers => Payers::<T>::get(id, who)
						.and_then(|p| p.member_since)
						.is_some_and(|since| since < snapshot),
					ChamberRule::Maintainers => proposal.maintainers.contains(who),
					ChamberRule::Listed => {
						ChamberList::<T>::get(id, who).is_some_and(|e| e.since < snapshot)
					},
				},
			};
			if member {
				bits |= 1u8.checked_shl(i as u32).unwrap_or(0);
			}
		}
		bits
	}

	/// The voice credits of `who` in a scope for an epoch: equal, or growing with their share
	/// of the project's units at the epoch's start.
	pub fn budget_of(scope: Scope, epoch: Epoch, who: &T::AccountId) -> Credits {
		match (scope, Self::governance_of(scope).budget) {
			(_, Budget::Equal(n)) => n,
			(Scope::Project(id), Budget::ByShare { min, max }) => {
				let units = UnitsMark::at_start(
					HoldingMarks::<T>::get(id, who),
					epoch,
					Self::units_of(id, who),
				);
				let total = UnitsMark::at_start(
					TotalMarks::<T>::get(id),
					epoch,
					Projects::<T>::get(id).map_or(0, |p| p.total_units),
				);
				let share = match (units, total) {
					(Some(u), Some(t)) if t > 0 => Perbill::from_rational(u, t),
					_ => Perbill::zero(),
				};
				min.saturating_add(share.mul_floor(max.saturating_sub(min)))
			},
			(Scope::Chain, Budget::ByShare { min, .. }) => min,
		}
	}

	/// The credits `who` has left in a scope for an epoch.
	pub fn credits_left(scope: Scope, epoch: Epoch, who: &T::AccountId) -> Credits {
		match VoiceCredits::<T>::get((scope, epoch), who) {
			Some(c) => c.budget.saturating_sub(c.spent),
			None => Self::budget_of(scope, epoch, who),
		}
	}

	pub(crate) fn do_propose(
		proposer: T::AccountId,
		scope: Scope,
		call: BoundedCallOf<T>,
		description: DescriptionOf<T>,
	) -> Result<(ProposalId, Weight), DispatchError> {
		let electorate = Self::electorate_now(scope)?;
		Self::open_proposal(proposer, scope, call, description, None, electorate)
	}

	/// Opens a proposal (or an appeal) for `electorate`, the scope's electorate now. Returns
	/// its id and its call's dispatch weight, which the proposer pays for.
	pub(crate) fn open_proposal(
		proposer: T::AccountId,
		scope: Scope,
		call: BoundedCallOf<T>,
		description: DescriptionOf<T>,
		appeal: Option<ContributionId>,
		electorate: Electorate<T>,
	) -> Result<(ProposalId, Weight), DispatchError> {
		let call_weight = Self::check_call(scope, &call)?;
		let deposit = Self::take_slot(scope, &proposer, appeal.is_some())?;
		let id = NextProposalId::<T>::get();
		let next = id.checked_add(1).ok_or(ArithmeticError::Overflow)?;
		let now = frame_system::Pallet::<T>::block_number();
		let proposal = Proposal::<T> {
			scope,
			proposer: proposer.clone(),
			deposit,
			call,
			description,
			created: now,
			epoch: Self::epoch_of(now),
			ends: now.saturating_add(Self::governance_of(scope).voting_period),
			chambers: electorate.chambers,
			votes: 0,
			status: ProposalStatus::Open,
			appeal,
			maintainers: electorate.maintainers,
			recognised: electorate.recognised,
			min_voters: electorate.min_voters,
			last_vote: now,
			tenure: electorate.tenure,
		};
		// Members propose; a contributor appeals whether a member or not.
		ensure!(
			appeal.is_some() || Self::member_bits(&proposal, &proposer) != 0,
			Error::<T>::NotMember
		);
		T::Currency::hold(&HoldReason::ProposalDeposit.into(), &proposer, proposal.deposit)?;
		// Kept while the vote runs: its noter cannot remove it (pallet-preimage keeps a
		// requested preimage).
		if let Some(hash) = proposal.call.lookup_hash() {
			T::Preimages::request(&hash);
		}
		let ends = proposal.ends;
		Proposals::<T>::insert(id, proposal);
		NextProposalId::<T>::put(next);
		Self::deposit_event(Event::Proposed { proposal: id, scope, proposer, ends });
		Ok((id, call_weight))
	}

	/// Gives up the request of a closed (or cancelled) proposal's preimage, made at `propose`.
	fn unrequest_call(proposal: &Proposal<T>) {
		if let Some(hash) = proposal.call.lookup_hash() {
			T::Preimages::unrequest(&hash);
		}
	}

	pub(crate) fn proposal(id: ProposalId) -> Result<Proposal<T>, DispatchError> {
		Proposals::<T>::get(id).ok_or_else(|| Error::<T>::UnknownProposal.into())
	}

	pub(crate) fn do_vote(
		who: T::AccountId,
		id: ProposalId,
		aye: bool,
		votes: u32,
	) -> DispatchResult {
		let mut proposal = Self::proposal(id)?;
		ensure!(proposal.status == ProposalStatus::Open, Error::<T>::ProposalNotOpen);
		ensure!(frame_system::Pallet::<T>::block_number() <= proposal.ends, Error::<T>::VotingOver);
		let old = Votes::<T>::get(id, &who);
		let chambers = match old {
			Some(v) => v.chambers,
			None => Self::member_bits(&proposal, &who),
		};
		ensure!(chambers != 0, Error::<T>::NotMember);
		ensure!(old.is_some() || votes > 0, Error::<T>::NotVoted);
		// A new vote record holds a deposit; a changed one keeps its own.
		let deposit = match old {
			Some(v) => v.deposit,
			None => T::VoteDeposit::get(),
		};
		let new = (votes > 0).then_some(Vote { aye, votes, chambers, deposit });

		let key = (proposal.scope, proposal.epoch);
		let mut credits = VoiceCredits::<T>::get(key, &who).unwrap_or_else(|| CreditAccount {
			budget: Self::budget_of(proposal.scope, proposal.epoch, &who),
			spent: 0,
		});
		// An old vote was paid for, so its cost neither overflows nor exceeds what was spent.
		let old_cost = old.map_or(Some(0), |v| v.cost()).defensive_ok_or(Error::<T>::Unexpected)?;
		let new_cost = new.map_or(Some(0), |v| v.cost()).ok_or(Error::<T>::NotEnoughCredits)?;
		let spent = credits
			.spent
			.checked_sub(old_cost)
			.defensive_ok_or(Error::<T>::Unexpected)?
			.checked_add(new_cost)
			.ok_or(Error::<T>::NotEnoughCredits)?;
		ensure!(spent <= credits.budget, Error::<T>::NotEnoughCredits);
		credits.spent = spent;

		for (i, (_, tally)) in proposal.chambers.iter_mut().enumerate() {
			if chambers & 1u8.checked_shl(i as u32).unwrap_or(0) != 0 {
				tally.retally(old.as_ref(), new.as_ref());
			}
		}
		match (old.is_some(), new.is_some()) {
			(false, true) => proposal.votes = proposal.votes.saturating_add(1),
			(true, false) => proposal.votes = proposal.votes.saturating_sub(1),
			_ => {},
		}
		match (old, new) {
			(None, Some(_)) => {
				T::Currency::hold(&HoldReason::VoteDeposit.into(), &who, deposit)?;
			},
			(Some(mut v), None) => {
				Self::release_held(HoldReason::VoteDeposit, &who, &mut v.deposit)?
			},
			_ => {},
		}
		// Nothing spent, nothing to keep: the budget is the same when computed again.
		if credits.spent == 0 {
			VoiceCredits::<T>::remove(key, &who);
		} else {
			VoiceCredits::<T>::insert(key, &who, credits);
		}
		proposal.last_vote = frame_system::Pallet::<T>::block_number();
		match new {
			Some(v) => Votes::<T>::insert(id, &who, v),
			None => Votes::<T>::remove(id, &who),
		}
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::Voted { proposal: id, who, aye, votes, spent });
		Ok(())
	}

	/// Removes a vote record; returns whether the proposal was open (a withdrawal).
	pub(crate) fn do_remove_vote(
		caller: T::AccountId,
		id: ProposalId,
		who: T::AccountId,
	) -> Result<bool, DispatchError> {
		let mut proposal = Self::proposal(id)?;
		let mut vote = Votes::<T>::get(id, &who).ok_or(Error::<T>::NotVoted)?;
		if proposal.status == ProposalStatus::Open {
			ensure!(caller == who, Error::<T>::VoteRetained);
			return Self::do_vote(who, id, false, 0).map(|()| true);
		}
		let retained_until = proposal.ends.saturating_add(T::VoteRetention::get());
		ensure!(
			caller == who || frame_system::Pallet::<T>::block_number() > retained_until,
			Error::<T>::VoteRetained
		);
		Self::release_record(HoldReason::VoteDeposit, &who, &caller, &mut vote.deposit)?;
		Votes::<T>::remove(id, &who);
		proposal.votes = proposal.votes.saturating_sub(1);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::VoteRemoved { proposal: id, who });
		Ok(false)
	}

	pub(crate) fn do_cancel(who: T::AccountId, id: ProposalId) -> DispatchResult {
		let mut proposal = Self::proposal(id)?;
		ensure!(proposal.proposer == who, Error::<T>::NotProposer);
		ensure!(proposal.status == ProposalStatus::Open, Error::<T>::ProposalNotOpen);
		ensure!(proposal.votes == 0, Error::<T>::VotesCast);
		Self::conclude_proposal(id, &mut proposal, false)?;
		Self::unrequest_call(&proposal);
		proposal.status = ProposalStatus::Cancelled;
		if let Some(contribution) = proposal.appeal {
			crate::Appeals::<T>::remove(contribution);
		}
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::ProposalCancelled { proposal: id });
		Ok(())
	}

	/// Closes a proposal; returns how many blocks were tried for its enactment.
	pub(crate) fn do_close(id: ProposalId) -> Result<u32, DispatchError> {
		let mut proposal = Self::proposal(id)?;
		ensure!(proposal.status == ProposalStatus::Open, Error::<T>::ProposalNotOpen);
		let now = frame_system::Pallet::<T>::block_number();
		let early = now <= proposal.ends;
		// The scheduler takes only future blocks: at least the next one.
		let delay = Self::governance_of(proposal.scope).enactment_delay.max(1u32.into());
		let passed = if early {
			// The other side gets the enactment delay to answer the last vote: whoever votes last
			// cannot close at once on a tally they just made.
			ensure!(now >= proposal.last_vote.saturating_add(delay), Error::<T>::VotingOngoing);
			proposal
				.certain_outcome(Self::max_votes(proposal.scope))
				.ok_or(Error::<T>::VotingOngoing)?
		} else {
			proposal.passes()
		};
		// Nobody turned out for it (or too few) by its end: part of the deposit is forfeit. Never
		// on an early close, when the turnout could still have come.
		let unattended = !early && !passed && !proposal.reached_quorum();
		Self::conclude_proposal(id, &mut proposal, unattended)?;
		let mut tried = 0;
		let enactment = if passed {
			let (enactment, searched) = Self::schedule_enactment(
				proposal.scope,
				now.saturating_add(delay),
				proposal.call.clone(),
			)?;
			tried = searched;
			proposal.status = ProposalStatus::Passed { enactment };
			// The records its call may need stay until it is enacted.
			if let Scope::Project(project) = proposal.scope {
				Self::note_enactment(project, enactment);
			}
			Some(enactment)
		} else {
			proposal.status = ProposalStatus::Failed;
			None
		};
		// After scheduling: the scheduler holds its own request of a passed call's preimage.
		Self::unrequest_call(&proposal);
		let tallies = BoundedVec::truncate_from(
			proposal
				.chambers
				.iter()
				.map(|(_, tally)| *tally)
				.collect::<alloc::vec::Vec<_>>(),
		);
		Proposals::<T>::insert(id, proposal);
		Self::deposit_event(Event::ProposalClosed {
			proposal: id,
			passed,
			early,
			enactment,
			tallies,
		});
		Ok(tried)
	}

	pub(crate) fn do_set_default_governance(
		params: GovernanceParams<BlockNumberOf<T>>,
	) -> DispatchResult {
		Self::ensure_valid_governance(Scope::Project(0), &params)?;
		DefaultProjectGovernance::<T>::put(params);
		Self::deposit_event(Event::DefaultGovernanceSet { params });
		Ok(())
	}

	pub(crate) fn do_set_governance(
		scope: Scope,
		params: GovernanceParams<BlockNumberOf<T>>,
	) -> DispatchResult {
		Self::ensure_valid_governance(scope, &params)?;
		match scope {
			Scope::Chain => ChainGovernance::<T>::put(params),
			Scope::Project(id) => {
				Self::project(id)?;
				ProjectGovernance::<T>::insert(id, params);
			},
		}
		Self::deposit_event(Event::GovernanceSet { scope, params });
		Ok(())
	}

	pub(crate) fn do_set_chambers(project: ProjectId, chambers: ChambersOf<T>) -> DispatchResult {
		Self::project(project)?;
		let floor = GovernanceFloors::<T>::get().quorum;
		for (i, c) in chambers.iter().enumerate() {
			let repeated = chambers.iter().skip(i.saturating_add(1)).any(|d| d.rule == c.rule);
			ensure!(!repeated, Error::<T>::InvalidGovernance);
			ensure!(c.quorum >= floor, Error::<T>::BelowFloor);
		}
		ProjectChambers::<T>::insert(project, chambers.clone());
		Self::deposit_event(Event::ChambersSet { project, chambers });
		Ok(())
	}

	pub(crate) fn do_set_recognised(project: ProjectId, recognised: bool) -> DispatchResult {
		Self::project(project)?;
		if recognised {
			Self::ensure_recognisable(project)?;
		}
		RecognisedProjects::<T>::try_mutate(|list| -> DispatchResult {
			let position = list.iter().position(|p| *p == project);
			match (recognised, position) {
				(true, None) => {
					list.try_push(project).map_err(|_| Error::<T>::TooManyRecognised)?
				},
				(false, Some(i)) => {
					list.remove(i);
				},
				_ => {},
			}
			Ok(())
		})?;
		Self::deposit_event(Event::ProjectRecognised { project, recognised });
		Ok(())
	}
}
