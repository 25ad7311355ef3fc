//! Storage migrations. Each checks itself: `pre_upgrade` records what the migration must
//! preserve or change and `post_upgrade` checks it (run by `try-runtime`); the same checks are
//! plain functions, so that the runtime's tests run them without the `try-runtime` feature.

/// Version 2 (governance): the chain recognises the founding project.
///
/// Version 1 stored no governance; every governance item is new and starts empty, which is
/// right for all of them but one: with no recognised project the chain has no members and
/// could never vote again. A chain upgraded from version 1 recognises its first project (id 0),
/// as genesis does on a new chain.
pub mod v2 {
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use core::marker::PhantomData;
	use frame_support::{
		ensure,
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};
	use sp_runtime::TryRuntimeError;

	use crate::{Config, Pallet, Projects, RecognisedProjects};

	/// The unversioned step; use [`MigrateV1ToV2`].
	pub struct RecogniseFoundingProject<T>(PhantomData<T>);

	impl<T: Config> RecogniseFoundingProject<T> {
		/// Before: whether the migration has a project to recognise (project 0 exists and no
		/// project is recognised yet), and how many projects there are.
		pub fn pre_upgrade_state() -> Result<Vec<u8>, TryRuntimeError> {
			let recognised = RecognisedProjects::<T>::get().into_inner();
			let to_recognise = recognised.is_empty() && Projects::<T>::contains_key(0);
			let projects = Projects::<T>::iter_keys().count() as u32;
			Ok((to_recognise, recognised, projects).encode())
		}

		/// After: project 0 is recognised if it was to be, other recognitions are untouched, and
		/// no project was created or removed.
		pub fn post_upgrade_check(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let (to_recognise, before, projects) =
				<(bool, Vec<crate::ProjectId>, u32)>::decode(&mut state.as_slice())
					.map_err(|_| "v2: pre-upgrade state does not decode")?;
			let after = RecognisedProjects::<T>::get().into_inner();
			if to_recognise {
				ensure!(after == alloc::vec![0], "v2: the founding project is not recognised");
			} else {
				ensure!(after == before, "v2: recognised projects changed");
			}
			ensure!(
				Projects::<T>::iter_keys().count() as u32 == projects,
				"v2: the number of projects changed"
			);
			Ok(())
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for RecogniseFoundingProject<T> {
		fn on_runtime_upgrade() -> Weight {
			let db = T::DbWeight::get();
			if !RecognisedProjects::<T>::get().is_empty() || !Projects::<T>::contains_key(0) {
				return db.reads(2);
			}
			RecognisedProjects::<T>::put(BoundedVec::truncate_from(alloc::vec![0]));
			db.reads_writes(2, 1)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			Self::pre_upgrade_state()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			Self::post_upgrade_check(state)
		}
	}

	/// Runs [`RecogniseFoundingProject`] once, from storage version 1 to 2.
	pub type MigrateV1ToV2<T> = VersionedMigration<
		1,
		2,
		RecogniseFoundingProject<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 3 (consent): proposals record who may vote, governance has a least number of
/// voters, and an appeal asks for a quantity.
///
/// - `GovernanceParams` gains `min_voters`: every stored parameter set gets 1, the rule so far
///   (a proposal needed one voter).
/// - `Proposal` gains the snapshots `maintainers`, `recognised` and `min_voters`. An open
///   proposal gets the electorate the old code read live: the current maintainers (if they are
///   one of its chambers, whose member count becomes theirs), the currently recognised
///   projects (chain scope), and 1. Closed proposals get empty snapshots.
/// - Proposal slots: a project's open appeals are counted apart from its proposals
///   (`LiveProjectAppeals`), and each proposer's open proposals per scope (`OpenProposals`);
///   proposals already open keep the deposit they hold.
/// - `accept_appeal` gains a `quantity`, so calls encoded before no longer decode. An open
///   appeal, or a passed one not yet enacted, is carried over: its call becomes `accept_appeal`
///   of the quantity the old call would have credited (the lower median of the approvers'
///   assessments, the claim without approvals), and a passed one is scheduled again for its
///   enactment block (the old task, which no longer decodes, is dropped by the scheduler with
///   `CallUnavailable`). Any other open proposal whose call no longer decodes (say a member
///   proposed `accept_appeal` directly) is voided: its deposit is released, it leaves its
///   scope's count, its status becomes `Voided` and `ProposalVoided` is emitted; a passed one not
///   yet enacted is marked `Voided` the same way (the scheduler drops its task).
///
/// It reads every proposal once (proposals are kept after closing; #14 bounds them), and the
/// preimage of each open proposal that has one.
pub mod v3 {
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use core::marker::PhantomData;
	use frame_support::{
		defensive,
		migrations::VersionedMigration,
		pallet_prelude::OptionQuery,
		storage_alias,
		traits::{Bounded, Get, QueryPreimage, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Blake2_128Concat,
	};
	use sp_runtime::{traits::Saturating, Perbill, TryRuntimeError};

	use crate::{
		types::*, Appeals, ChainGovernance, Config, Contributions, DefaultProjectGovernance, Event,
		LiveProjectAppeals, LiveProposals, OpenProposals, Pallet, ProjectGovernance, Projects,
		Proposals, RecognisedProjects,
	};

	/// Governance parameters as version 2 stored them.
	#[derive(Clone, Copy, Encode, Decode, Debug, PartialEq, Eq)]
	pub struct OldGovernanceParams<BlockNumber> {
		/// Voice credits per member per epoch.
		pub budget: Budget,
		/// Share of the members that must vote.
		pub quorum: Perbill,
		/// Blocks of voting.
		pub voting_period: BlockNumber,
		/// Blocks from close to dispatch.
		pub enactment_delay: BlockNumber,
	}

	/// A proposal as version 2 stored it.
	#[derive(Encode, Decode, frame_support::CloneNoBound)]
	pub struct OldProposal<T: Config> {
		/// What it governs.
		pub scope: Scope,
		/// Who proposed it.
		pub proposer: T::AccountId,
		/// The deposit held while open.
		pub deposit: BalanceOf<T>,
		/// The call.
		pub call: BoundedCallOf<T>,
		/// What it is about.
		pub description: DescriptionOf<T>,
		/// Its block.
		pub created: BlockNumberOf<T>,
		/// Its epoch.
		pub epoch: Epoch,
		/// Its last block of voting.
		pub ends: BlockNumberOf<T>,
		/// Its chambers and tallies.
		pub chambers: ProposalChambersOf<T>,
		/// Its vote records.
		pub votes: u32,
		/// Where it stands.
		pub status: ProposalStatus<BlockNumberOf<T>>,
		/// The contribution it appeals.
		pub appeal: Option<ContributionId>,
	}

	impl<T: Config> OldProposal<T> {
		/// A proposal as version 2 would have stored it, carrying `call` (in the old encoding):
		/// what tests of this migration write back before migrating.
		#[cfg(feature = "std")]
		pub fn downgraded(p: Proposal<T>, call: BoundedCallOf<T>) -> Self {
			Self {
				scope: p.scope,
				proposer: p.proposer,
				deposit: p.deposit,
				call,
				description: p.description,
				created: p.created,
				epoch: p.epoch,
				ends: p.ends,
				chambers: p.chambers,
				votes: p.votes,
				status: p.status,
				appeal: p.appeal,
			}
		}
	}

	/// Storage as version 2 stored it.
	pub mod old {
		use super::*;

		/// The proposals as version 2 stored them.
		#[storage_alias]
		pub type Proposals<T: Config> =
			StorageMap<Pallet<T>, Blake2_128Concat, ProposalId, OldProposal<T>, OptionQuery>;

		/// The chain's governance as version 2 stored it.
		#[storage_alias]
		pub type ChainGovernance<T: Config> =
			StorageValue<Pallet<T>, OldGovernanceParams<BlockNumberOf<T>>, OptionQuery>;

		/// The projects' default governance as version 2 stored it.
		#[storage_alias]
		pub type DefaultProjectGovernance<T: Config> =
			StorageValue<Pallet<T>, OldGovernanceParams<BlockNumberOf<T>>, OptionQuery>;

		/// Each project's governance as version 2 stored it.
		#[storage_alias]
		pub type ProjectGovernance<T: Config> = StorageMap<
			Pallet<T>,
			Blake2_128Concat,
			ProjectId,
			OldGovernanceParams<BlockNumberOf<T>>,
			OptionQuery,
		>;
	}

	/// What the migration does to a proposal whose call no longer decodes.
	#[derive(Clone, Copy, Encode, Decode, Debug, PartialEq, Eq)]
	pub enum Fate {
		/// An appeal carried over: its call is `accept_appeal` of this quantity.
		CarriedOver(Quantity),
		/// Voided.
		Voided,
	}

	/// The unversioned step; use [`MigrateV2ToV3`].
	pub struct SnapshotElectorates<T>(PhantomData<T>);

	impl<T: Config> SnapshotElectorates<T> {
		/// Whether a proposal may still be enacted: open, or passed with its enactment to come
		/// (this block's enactments run after the migration).
		fn in_flight(status: &ProposalStatus<BlockNumberOf<T>>, now: BlockNumberOf<T>) -> bool {
			match status {
				ProposalStatus::Open => true,
				ProposalStatus::Passed { enactment } => *enactment >= now,
				_ => false,
			}
		}

		/// Whether a call no longer decodes (a missing preimage is not the upgrade's doing).
		fn undecodable(call: &BoundedCallOf<T>) -> bool {
			match call {
				Bounded::Inline(bytes) => !Pallet::<T>::decodes(bytes),
				Bounded::Lookup { hash, len } => {
					T::Preimages::len(hash) == Some(*len)
						&& T::Preimages::fetch(hash, Some(*len))
							.map_or(true, |bytes| !Pallet::<T>::decodes(&bytes))
				},
				Bounded::Legacy { .. } => true,
			}
		}

		/// What becomes of a proposal in flight whose call no longer decodes: a rejected
		/// contribution's appeal is carried over with the quantity the old call credited.
		fn fate_of(p: &OldProposal<T>) -> Option<Fate> {
			let now = frame_system::Pallet::<T>::block_number();
			if !Self::in_flight(&p.status, now) || !Self::undecodable(&p.call) {
				return None;
			}
			let appealed = p.appeal.and_then(Contributions::<T>::get);
			Some(match appealed {
				Some(c) if c.status == ContributionStatus::Rejected => {
					Fate::CarriedOver(Pallet::<T>::credited_quantity(&c))
				},
				_ => Fate::Voided,
			})
		}

		/// Before: the number of proposals and the fate of each whose call no longer decodes.
		pub fn pre_upgrade_state() -> Result<Vec<u8>, TryRuntimeError> {
			let mut count = 0u32;
			let mut fates = Vec::new();
			for (id, p) in old::Proposals::<T>::iter() {
				count = count.saturating_add(1);
				if let Some(fate) = Self::fate_of(&p) {
					fates.push((id, fate));
				}
			}
			Ok((count, fates).encode())
		}

		/// After: every proposal decodes with a least number of voters, the appeals carried over
		/// propose `accept_appeal` of their quantity, the voided ones hold no deposit, and no
		/// proposal in flight has a call that does not decode; governance parameters decode.
		pub fn post_upgrade_check(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let (count, fates) = <(u32, Vec<(ProposalId, Fate)>)>::decode(&mut state.as_slice())
				.map_err(|_| "v3: pre-upgrade state does not decode")?;
			let now = frame_system::Pallet::<T>::block_number();
			let mut seen = 0u32;
			for (id, p) in Proposals::<T>::iter() {
				seen = seen.saturating_add(1);
				frame_support::ensure!(p.min_voters > 0, "v3: a proposal without min_voters");
				let fate = fates.iter().find(|(f, _)| *f == id).map(|(_, fate)| *fate);
				match fate {
					Some(Fate::CarriedOver(quantity)) => {
						let contribution = p.appeal.ok_or("v3: a carried-over non-appeal")?;
						let call = Pallet::<T>::accept_appeal_call(contribution, quantity)
							.map_err(|_| "v3: the appeal call does not encode")?;
						frame_support::ensure!(p.call == call, "v3: an appeal not carried over");
					},
					Some(Fate::Voided) => frame_support::ensure!(
						// (At most what backs the record is kept, since version 5.)
						p.status == ProposalStatus::Voided
							&& p.deposit <= <T as Config>::RecordDeposit::get(),
						"v3: a proposal not voided"
					),
					None => {},
				}
				frame_support::ensure!(
					!Self::in_flight(&p.status, now) || !Self::undecodable(&p.call),
					"v3: a proposal in flight whose call does not decode"
				);
			}
			frame_support::ensure!(seen == count, "v3: proposals lost in the migration");
			frame_support::ensure!(
				!ChainGovernance::<T>::exists() || ChainGovernance::<T>::try_get().is_ok(),
				"v3: the chain's governance does not decode"
			);
			Ok(())
		}

		fn governance(old: OldGovernanceParams<BlockNumberOf<T>>) -> GovernanceOf<T> {
			let OldGovernanceParams { budget, quorum, voting_period, enactment_delay } = old;
			GovernanceParams { budget, quorum, voting_period, enactment_delay, min_voters: 1 }
		}

		/// A proposal with the new fields, its electorate snapshot taken now if it is open.
		fn snapshot(old: OldProposal<T>) -> Proposal<T> {
			let mut chambers = old.chambers;
			let mut maintainers = MaintainersOf::<T>::default();
			let mut recognised = RecognisedOf::<T>::default();
			if old.status == ProposalStatus::Open {
				match old.scope {
					Scope::Chain => recognised = RecognisedProjects::<T>::get(),
					Scope::Project(id) => {
						for (chamber, tally) in chambers.iter_mut() {
							if chamber.rule == ChamberRule::Maintainers {
								maintainers = Projects::<T>::get(id)
									.map(|p| p.maintainers)
									.unwrap_or_default();
								tally.members = maintainers.len() as u32;
							}
						}
					},
				}
			}
			Proposal {
				scope: old.scope,
				proposer: old.proposer,
				deposit: old.deposit,
				call: old.call,
				description: old.description,
				created: old.created,
				epoch: old.epoch,
				ends: old.ends,
				chambers,
				votes: old.votes,
				status: old.status,
				appeal: old.appeal,
				maintainers,
				recognised,
				min_voters: 1,
				last_vote: old.created,
				// Version 4's field, so that the next step finds the layout it writes.
				tenure: 0,
			}
		}

		/// Counts an open proposal as version 3 does: a project's appeals apart from its
		/// proposals, and each proposer's open proposals per scope.
		fn recount(p: &Proposal<T>) {
			if p.status != ProposalStatus::Open {
				return;
			}
			match (p.appeal.is_some(), p.scope) {
				(true, Scope::Chain) => {},
				(true, Scope::Project(project)) => {
					LiveProposals::<T>::mutate(p.scope, |n| *n = n.saturating_sub(1));
					LiveProjectAppeals::<T>::mutate(project, |n| *n = n.saturating_add(1));
				},
				(false, scope) => {
					OpenProposals::<T>::mutate(scope, &p.proposer, |n| *n = n.saturating_add(1))
				},
			}
		}

		/// Carries an appeal over, or voids the proposal.
		fn apply(id: ProposalId, p: &mut Proposal<T>, fate: Fate) {
			let now = frame_system::Pallet::<T>::block_number();
			match (fate, p.appeal) {
				(Fate::CarriedOver(quantity), Some(contribution)) => {
					let Ok(call) = Pallet::<T>::accept_appeal_call(contribution, quantity) else {
						defensive!("an appeal call is short");
						return;
					};
					if let ProposalStatus::Passed { enactment } = p.status {
						let at = enactment.max(now.saturating_add(1u32.into()));
						match Pallet::<T>::schedule_enactment(p.scope, at, call.clone()) {
							Ok((at, _)) => p.status = ProposalStatus::Passed { enactment: at },
							Err(_) => log::warn!("v3: appeal {id} could not be scheduled again"),
						}
					}
					p.call = call;
				},
				_ => {
					if p.status == ProposalStatus::Open {
						if Pallet::<T>::conclude_proposal(id, p, false).is_err() {
							log::warn!("v3: the deposit of proposal {id} was not released");
						}
						if let Some(contribution) = p.appeal {
							Appeals::<T>::remove(contribution);
						}
					}
					p.status = ProposalStatus::Voided;
					Pallet::<T>::deposit_event(Event::ProposalVoided { proposal: id });
				},
			}
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for SnapshotElectorates<T> {
		fn on_runtime_upgrade() -> Weight {
			let db = T::DbWeight::get();
			let mut reads = 0u64;
			let mut writes = 0u64;
			let _ = ChainGovernance::<T>::translate(|old: Option<OldGovernanceParams<_>>| {
				old.map(Self::governance)
			});
			let _ =
				DefaultProjectGovernance::<T>::translate(|old: Option<OldGovernanceParams<_>>| {
					old.map(Self::governance)
				});
			ProjectGovernance::<T>::translate(|_, old: OldGovernanceParams<_>| {
				reads.saturating_inc();
				writes.saturating_inc();
				Some(Self::governance(old))
			});
			Proposals::<T>::translate(|id, old: OldProposal<T>| {
				reads.saturating_inc();
				writes.saturating_inc();
				let fate = Self::fate_of(&old);
				let mut p = Self::snapshot(old);
				Self::recount(&p);
				if let Some(fate) = fate {
					// The contribution, the preimage, the deposit, the count, the agenda.
					reads = reads.saturating_add(4);
					writes = writes.saturating_add(4);
					Self::apply(id, &mut p, fate);
				}
				Some(p)
			});
			db.reads_writes(reads.saturating_add(4), writes.saturating_add(2))
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			Self::pre_upgrade_state()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			Self::post_upgrade_check(state)
		}
	}

	/// The governance parameters of a runtime `T`.
	type GovernanceOf<T> = GovernanceParams<BlockNumberOf<T>>;

	/// Runs [`SnapshotElectorates`] once, from storage version 2 to 3.
	pub type MigrateV2ToV3<T> = VersionedMigration<
		2,
		3,
		SnapshotElectorates<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 4 (membership): payers by what they paid, list entries with deposits, the chain's
/// tenure.
///
/// - `Payers` recorded the block of any payment, however small, not the amount: nobody can
///   tell who paid more than a planck, so every payer record is removed (and the counts of
///   the `Payers` chambers reset). Payers join again by paying the project's `min_paid`; open
///   proposals keep the member counts they recorded, and their votes already cast stay.
/// - `ChamberList` entries gain a depositor and a deposit: each existing entry's
///   [`Config::ListDeposit`] is held from its project's treasury if the treasury can pay it,
///   and is zero otherwise (logged; the entry stays, and leaving or removing it releases
///   nothing).
/// - `Proposal` gains `tenure`: 0 for every stored proposal (there was none). Proposals already
///   in version 4's layout (written by the version 3 step in the same upgrade) are kept.
/// - An open proposal's `Payers` chamber keeps as members only those who voted (its payers are
///   gone): it neither blocks the proposal nor makes it forfeit for lack of turnout.
/// - A recognised project whose review policy is below the (default) review floor stops being
///   recognised.
/// - The preimage of every open proposal that has one is requested, as `propose` now does, so
///   that its noter cannot remove it during the vote.
/// - `RecentHolders` is built from the holdings whose holders joined in the last
///   [`Config::MaxTenure`] epochs, so that a tenure set later counts them right.
///
/// It reads every proposal, payer, list entry and holding once, in one block: fine for the
/// chains that exist (dev and test chains); a chain with many holdings needs a multi-block
/// migration instead.
pub mod v4 {
	use alloc::vec::Vec;
	use codec::{Decode, DecodeAll, Encode, Input};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration,
		pallet_prelude::OptionQuery,
		storage_alias,
		traits::{fungible::MutateHold, Get, QueryPreimage, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		Blake2_128Concat,
	};
	use sp_runtime::{
		traits::{Saturating, Zero},
		TryRuntimeError,
	};

	use crate::{
		types::*, ChamberList, Config, HoldReason, Holdings, Pallet, PayerCount, Payers, Proposals,
		RecentHolders,
	};

	/// A proposal as version 3 stored it (version 4 appends `tenure`).
	#[derive(Encode, Decode, frame_support::CloneNoBound)]
	pub struct OldProposal<T: Config> {
		/// What it governs.
		pub scope: Scope,
		/// Who proposed it.
		pub proposer: T::AccountId,
		/// The deposit held while open.
		pub deposit: BalanceOf<T>,
		/// The call.
		pub call: BoundedCallOf<T>,
		/// What it is about.
		pub description: DescriptionOf<T>,
		/// Its block.
		pub created: BlockNumberOf<T>,
		/// Its epoch.
		pub epoch: Epoch,
		/// Its last block of voting.
		pub ends: BlockNumberOf<T>,
		/// Its chambers and tallies.
		pub chambers: ProposalChambersOf<T>,
		/// Its vote records.
		pub votes: u32,
		/// Where it stands.
		pub status: ProposalStatus<BlockNumberOf<T>>,
		/// The contribution it appeals.
		pub appeal: Option<ContributionId>,
		/// The maintainers snapshot.
		pub maintainers: MaintainersOf<T>,
		/// The recognised projects snapshot.
		pub recognised: RecognisedOf<T>,
		/// Least voters.
		pub min_voters: u32,
		/// The block of its last vote.
		pub last_vote: BlockNumberOf<T>,
	}

	impl<T: Config> OldProposal<T> {
		fn upgraded(self) -> Proposal<T> {
			Proposal {
				scope: self.scope,
				proposer: self.proposer,
				deposit: self.deposit,
				call: self.call,
				description: self.description,
				created: self.created,
				epoch: self.epoch,
				ends: self.ends,
				chambers: self.chambers,
				votes: self.votes,
				status: self.status,
				appeal: self.appeal,
				maintainers: self.maintainers,
				recognised: self.recognised,
				min_voters: self.min_voters,
				last_vote: self.last_vote,
				tenure: 0,
			}
		}

		/// A proposal as version 3 stored it: what tests of this migration write back.
		#[cfg(feature = "std")]
		pub fn downgraded(p: Proposal<T>) -> Self {
			Self {
				scope: p.scope,
				proposer: p.proposer,
				deposit: p.deposit,
				call: p.call,
				description: p.description,
				created: p.created,
				epoch: p.epoch,
				ends: p.ends,
				chambers: p.chambers,
				votes: p.votes,
				status: p.status,
				appeal: p.appeal,
				maintainers: p.maintainers,
				recognised: p.recognised,
				min_voters: p.min_voters,
				last_vote: p.last_vote,
			}
		}
	}

	/// A stored value's bytes, whatever its layout.
	pub struct Raw(pub Vec<u8>);

	impl Decode for Raw {
		fn decode<I: Input>(input: &mut I) -> Result<Self, codec::Error> {
			let len = input.remaining_len()?.ok_or("the length of a stored value is known")?;
			let mut bytes = alloc::vec![0u8; len];
			input.read(&mut bytes)?;
			Ok(Self(bytes))
		}
	}

	impl codec::EncodeLike for Raw {}

	impl Encode for Raw {
		fn size_hint(&self) -> usize {
			self.0.len()
		}

		fn encode_to<W: codec::Output + ?Sized>(&self, dest: &mut W) {
			dest.write(&self.0)
		}
	}

	/// Storage as version 3 stored it.
	pub mod old {
		use super::*;

		/// The proposals, in either layout.
		#[storage_alias]
		pub type Proposals<T: Config> =
			StorageMap<Pallet<T>, Blake2_128Concat, ProposalId, Raw, OptionQuery>;

		/// The payers as version 3 stored them: the block of the first payment.
		#[storage_alias]
		pub type Payers<T: Config> = StorageDoubleMap<
			Pallet<T>,
			Blake2_128Concat,
			ProjectId,
			Blake2_128Concat,
			<T as frame_system::Config>::AccountId,
			BlockNumberOf<T>,
			OptionQuery,
		>;

		/// The list entries as version 3 stored them: the block of listing.
		#[storage_alias]
		pub type ChamberList<T: Config> = StorageDoubleMap<
			Pallet<T>,
			Blake2_128Concat,
			ProjectId,
			Blake2_128Concat,
			<T as frame_system::Config>::AccountId,
			BlockNumberOf<T>,
			OptionQuery,
		>;
	}

	/// The unversioned step; use [`MigrateV3ToV4`].
	pub struct PaidMembership<T>(PhantomData<T>);

	impl<T: Config> PaidMembership<T> {
		/// A proposal in version 4's layout from its stored bytes, in either layout.
		fn proposal(bytes: &[u8]) -> Option<Proposal<T>> {
			Proposal::<T>::decode_all(&mut &bytes[..]).ok().or_else(|| {
				OldProposal::<T>::decode_all(&mut &bytes[..]).ok().map(|p| p.upgraded())
			})
		}

		/// Before: the numbers of proposals and list entries.
		pub fn pre_upgrade_state() -> Result<Vec<u8>, TryRuntimeError> {
			let proposals = old::Proposals::<T>::iter_keys().count() as u32;
			let listed = old::ChamberList::<T>::iter_keys().count() as u32;
			Ok((proposals, listed).encode())
		}

		/// After: every proposal decodes, no payer record is left, every list entry decodes
		/// and holds what it says, and the recent holders agree with the holdings.
		pub fn post_upgrade_check(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let (proposals, listed) = <(u32, u32)>::decode(&mut state.as_slice())
				.map_err(|_| "v4: pre-upgrade state does not decode")?;
			frame_support::ensure!(
				Proposals::<T>::iter().count() as u32 == proposals,
				"v4: a proposal lost or undecodable"
			);
			frame_support::ensure!(
				Payers::<T>::iter_keys().next().is_none()
					&& PayerCount::<T>::iter_keys().next().is_none(),
				"v4: payer records left"
			);
			frame_support::ensure!(
				ChamberList::<T>::iter().count() as u32 == listed,
				"v4: a list entry lost or undecodable"
			);
			Pallet::<T>::check_list_deposits()?;
			Pallet::<T>::check_recent_holders()
		}

		/// Holds the list deposit of an entry from its project's treasury, if it can pay.
		fn list_entry(
			project: ProjectId,
			since: BlockNumberOf<T>,
		) -> ListEntry<T::AccountId, BalanceOf<T>, BlockNumberOf<T>> {
			let depositor = Pallet::<T>::treasury_account(project);
			let deposit = T::ListDeposit::get();
			let held = T::Currency::hold(&HoldReason::ListDeposit.into(), &depositor, deposit);
			if held.is_err() {
				log::warn!("v4: project {project}'s treasury cannot hold a list deposit");
			}
			ListEntry {
				since,
				depositor,
				deposit: if held.is_ok() { deposit } else { Zero::zero() },
			}
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for PaidMembership<T> {
		fn on_runtime_upgrade() -> Weight {
			let db = T::DbWeight::get();
			let mut reads = 0u64;
			let mut writes = 0u64;
			let ids: Vec<ProposalId> = old::Proposals::<T>::iter_keys().collect();
			for id in ids {
				reads.saturating_inc();
				let Some(Raw(bytes)) = old::Proposals::<T>::get(id) else { continue };
				match Self::proposal(&bytes) {
					Some(mut p) => {
						writes.saturating_inc();
						if p.status == ProposalStatus::Open {
							// Its payers are gone (below): the `Payers` chamber keeps the members
							// who voted, so that it neither blocks the proposal nor makes it
							// fail for lack of turnout.
							for (chamber, tally) in p.chambers.iter_mut() {
								if chamber.rule == ChamberRule::Payers {
									tally.members = tally.voters;
								}
							}
							// Version 4 requests an open proposal's preimage for its vote.
							if let Some(hash) = p.call.lookup_hash() {
								T::Preimages::request(&hash);
								writes.saturating_inc();
							}
						}
						Proposals::<T>::insert(id, p);
					},
					None => log::warn!("v4: proposal {id} decodes in neither layout"),
				}
			}
			let payers = old::Payers::<T>::clear(u32::MAX, None);
			let counts = PayerCount::<T>::clear(u32::MAX, None);
			writes = writes
				.saturating_add(u64::from(payers.unique))
				.saturating_add(u64::from(counts.unique));
			ChamberList::<T>::translate(|project, _, since: BlockNumberOf<T>| {
				// The entry and the treasury's account and holds.
				reads = reads.saturating_add(3);
				writes = writes.saturating_add(3);
				Some(Self::list_entry(project, since))
			});
			// A project recognised before the review floor existed and below it confers chain
			// membership no more (at most `MaxRecognised`).
			for id in crate::RecognisedProjects::<T>::get() {
				reads = reads.saturating_add(2);
				if !Pallet::<T>::review_admitted(id) {
					writes.saturating_inc();
					log::warn!(
						"v4: project {id}'s review is below the floor: no longer recognised"
					);
					if Pallet::<T>::do_set_recognised(id, false).is_err() {
						log::warn!("v4: project {id} could not be unrecognised");
					}
				}
			}
			let window = T::MaxTenure::get();
			let epoch = Pallet::<T>::current_epoch();
			for (project, _, h) in Holdings::<T>::iter() {
				reads.saturating_inc();
				let joined = Pallet::<T>::epoch_of(h.member_since);
				if h.units > 0
					&& !h.member_since.is_zero()
					&& joined.saturating_add(window) >= epoch
				{
					writes.saturating_inc();
					RecentHolders::<T>::mutate(project, |recent| {
						match recent.iter_mut().find(|(e, _)| *e == joined) {
							Some((_, n)) => *n = n.saturating_add(1),
							None => {
								if recent.try_push((joined, 1)).is_err() {
									log::warn!("v4: project {project} has too many recent epochs");
								}
							},
						}
					});
				}
			}
			db.reads_writes(reads.saturating_add(2), writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			Self::pre_upgrade_state()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			Self::post_upgrade_check(state)
		}
	}

	/// Runs [`PaidMembership`] once, from storage version 3 to 4.
	pub type MigrateV3ToV4<T> = VersionedMigration<
		3,
		4,
		PaidMembership<T>,
		Pallet<T>,
		<T as frame_system::Config>::DbWeight,
	>;
}

/// Version 5 (every stored item paid for): a vote record holds a deposit, and closed projects
/// with nothing in them are removed.
///
/// Votes cast before version 5 held nothing: they are translated with a deposit of zero, and
/// are removed as before (by the voter, or by anyone after the vote retention), paying nobody.
/// Decided contributions and closed proposals of before hold nothing either; they are removed
/// as before. A closed project with nothing in it (see `close_project`) is removed now, with
/// all its records. Holdings, of course, stay.
pub mod v5 {
	use alloc::vec::Vec;
	use codec::{Decode, Encode};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Get, UncheckedOnRuntimeUpgrade},
		weights::Weight,
	};
	use sp_runtime::{
		traits::{Saturating, Zero},
		TryRuntimeError,
	};

	use crate::{types::*, Config, Pallet, Projects, Votes};

	/// A vote record of version 4.
	#[derive(Encode, Decode)]
	pub struct OldVote {
		/// For or against.
		pub aye: bool,
		/// Number of votes.
		pub votes: u32,
		/// The chambers the voter counts in.
		pub chambers: u8,
	}

	/// The migration from version 4.
	pub struct PaidRecords<T>(PhantomData<T>);

	impl<T: Config> PaidRecords<T> {
		/// Before: the number of vote records.
		pub fn pre_upgrade_state() -> Result<Vec<u8>, TryRuntimeError> {
			Ok((Votes::<T>::iter_keys().count() as u32).encode())
		}

		/// After: every vote record is kept and decodes, and no closed project is empty.
		pub fn post_upgrade_check(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let votes = u32::decode(&mut state.as_slice())
				.map_err(|_| "v5: pre-upgrade state does not decode")?;
			frame_support::ensure!(
				Votes::<T>::iter().count() as u32 == votes,
				"v5: a vote record lost or undecodable"
			);
			frame_support::ensure!(
				Projects::<T>::iter().all(|(id, p)| p.status == ProjectStatus::Active
					|| !Pallet::<T>::is_empty_project(id, &p)),
				"v5: an empty closed project left"
			);
			Ok(())
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for PaidRecords<T> {
		fn on_runtime_upgrade() -> Weight {
			let mut votes = 0u64;
			Votes::<T>::translate::<OldVote, _>(|_, _, old| {
				votes.saturating_inc();
				Some(Vote {
					aye: old.aye,
					votes: old.votes,
					chambers: old.chambers,
					deposit: Zero::zero(),
				})
			});
			// Passed project proposals still to be enacted keep their project's accepted records.
			let now = frame_system::Pallet::<T>::block_number();
			let mut proposals = 0u64;
			for (_, p) in crate::Proposals::<T>::iter() {
				proposals.saturating_inc();
				if let (Scope::Project(project), ProposalStatus::Passed { enactment }) =
					(p.scope, p.status)
				{
					if enactment >= now {
						Pallet::<T>::note_enactment(project, enactment);
					}
				}
			}
			let (mut projects, mut removed) = (0u64, 0u64);
			let empty: Vec<(ProjectId, T::AccountId)> = Projects::<T>::iter()
				.inspect(|_| projects.saturating_inc())
				.filter(|(id, p)| {
					p.status == ProjectStatus::Closed && Pallet::<T>::is_empty_project(*id, p)
				})
				.map(|(id, p)| (id, p.creator))
				.collect();
			for (id, creator) in empty {
				match Pallet::<T>::remove_project_records(id, &creator) {
					Ok(()) => log::info!("v5: closed project {id} had nothing in it: removed"),
					Err(e) => log::warn!("v5: closed project {id} could not be removed: {e:?}"),
				}
				removed.saturating_inc();
			}
			// A project's check reads about eight items; a removal writes fifteen.
			T::DbWeight::get().reads_writes(
				votes.saturating_add(proposals).saturating_add(projects.saturating_mul(8)),
				votes.saturating_add(removed.saturating_mul(15)),
			)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			Self::pre_upgrade_state()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			Self::post_upgrade_check(state)
		}
	}

	/// Runs [`PaidRecords`] once, from storage version 4 to 5.
	pub type MigrateV4ToV5<T> =
		VersionedMigration<4, 5, PaidRecords<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}

/// Version 6 (claim kinds and ordered income buckets):
/// - each kind of a value equation gains `max_rate` (`None`: a fixed rate) and `claim`
///   (`Equity`, what every kind gave before);
/// - each contribution's valuation gains the same terms (`max_rate` = its rate, `Equity`), and
///   each approval the rate it assessed (the rate: there was no range);
/// - each income policy becomes its buckets: the treasury's share first, then each upstream
///   project's, shares of zero left out, at version 1;
/// - a proposal still to be enacted whose call no longer decodes (a `set_value_equation` or
///   `create_project` encoded before, whose kinds changed shape) is voided, its deposit
///   released, as the version 3 migration did.
pub mod v6 {
	use alloc::vec::Vec;
	use codec::{Decode, Encode, MaxEncodedLen};
	use core::marker::PhantomData;
	use frame_support::{
		migrations::VersionedMigration,
		traits::{Bounded, Get, QueryPreimage, UncheckedOnRuntimeUpgrade},
		weights::Weight,
		BoundedVec,
	};
	use scale_info::TypeInfo;
	use sp_runtime::{traits::Saturating, FixedU128, Perbill, TryRuntimeError};

	use crate::{
		types::*, Config, Contributions, Event, IncomePolicies, Pallet, Proposals, ValueEquations,
	};

	/// A contribution kind of version 5.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
	pub struct OldKind<Label> {
		/// Its name.
		pub name: Label,
		/// Its unit.
		pub unit: Label,
		/// Units per unit of quantity.
		pub rate: FixedU128,
	}

	/// A value equation of version 5.
	#[derive(Encode, Decode)]
	pub struct OldEquation<T: Config> {
		/// Its version.
		pub version: Version,
		/// Its kinds.
		pub kinds: BoundedVec<OldKind<LabelOf<T>>, T::MaxKinds>,
	}

	/// A valuation of version 5.
	#[derive(Encode, Decode, Clone, Copy)]
	pub struct OldValuation {
		/// The equation's version.
		pub version: Version,
		/// The rate.
		pub rate: FixedU128,
	}

	/// An approval of version 5.
	#[derive(Encode, Decode, Clone, PartialEq, Eq, Debug, TypeInfo, MaxEncodedLen)]
	pub struct OldApproval<AccountId> {
		/// Who approved.
		pub reviewer: AccountId,
		/// The quantity assessed.
		pub assessed: Quantity,
	}

	/// A contribution of version 5.
	#[derive(Encode, Decode)]
	pub struct OldContribution<T: Config> {
		/// See [`Contribution`].
		pub project: ProjectId,
		/// See [`Contribution`].
		pub contributor: T::AccountId,
		/// See [`Contribution`].
		pub depositor: T::AccountId,
		/// See [`Contribution`].
		pub deposit: BalanceOf<T>,
		/// See [`Contribution`].
		pub kind: KindIndex,
		/// See [`Contribution`].
		pub valuation: OldValuation,
		/// See [`Contribution`].
		pub quantity: Quantity,
		/// See [`Contribution`].
		pub evidence: EvidenceOf<T>,
		/// See [`Contribution`].
		pub submitted: BlockNumberOf<T>,
		/// See [`Contribution`].
		pub policy: ReviewPolicy<BlockNumberOf<T>>,
		/// See [`Contribution`].
		pub approvals: BoundedVec<OldApproval<T::AccountId>, T::MaxReviewers>,
		/// See [`Contribution`].
		pub rejections: u32,
		/// See [`Contribution`].
		pub status: ContributionStatus,
		/// See [`Contribution`].
		pub decided: Option<BlockNumberOf<T>>,
	}

	impl<T: Config> OldContribution<T> {
		/// The version 6 record: the same terms, spelled out.
		pub fn upgraded(self) -> Contribution<T> {
			let rate = self.valuation.rate;
			let approvals = self
				.approvals
				.into_iter()
				.map(|a| Approval { reviewer: a.reviewer, assessed: a.assessed, rate })
				.collect::<Vec<_>>();
			Contribution {
				project: self.project,
				contributor: self.contributor,
				depositor: self.depositor,
				deposit: self.deposit,
				kind: self.kind,
				valuation: Valuation {
					version: self.valuation.version,
					rate,
					max_rate: rate,
					claim: ClaimKind::Equity,
				},
				quantity: self.quantity,
				evidence: self.evidence,
				submitted: self.submitted,
				policy: self.policy,
				// As many as before, under the same bound.
				approvals: BoundedVec::truncate_from(approvals),
				rejections: self.rejections,
				status: self.status,
				decided: self.decided,
			}
		}
	}

	/// An income policy of version 5.
	#[derive(Encode, Decode)]
	pub struct OldIncomePolicy<T: Config> {
		/// Kept in the treasury.
		pub treasury: Perbill,
		/// Paid upstream.
		pub upstream: UpstreamOf<T>,
	}

	/// The migration from version 5.
	pub struct ClaimKinds<T>(PhantomData<T>);

	impl<T: Config> ClaimKinds<T> {
		/// Whether a proposal's call may still be enacted and no longer decodes.
		fn stranded(p: &Proposal<T>, now: BlockNumberOf<T>) -> bool {
			let in_flight = match p.status {
				ProposalStatus::Open => true,
				ProposalStatus::Passed { enactment } => enactment >= now,
				_ => false,
			};
			// A missing preimage is not the upgrade's doing.
			in_flight
				&& match &p.call {
					Bounded::Inline(bytes) => !Pallet::<T>::decodes(bytes),
					Bounded::Lookup { hash, len } => {
						T::Preimages::len(hash) == Some(*len)
							&& T::Preimages::fetch(hash, Some(*len))
								.map_or(true, |bytes| !Pallet::<T>::decodes(&bytes))
					},
					Bounded::Legacy { .. } => true,
				}
		}

		/// Before: the number of equations, contributions and income policies, and the
		/// proposals to void.
		pub fn pre_upgrade_state() -> Result<Vec<u8>, TryRuntimeError> {
			let now = frame_system::Pallet::<T>::block_number();
			let stranded: Vec<ProposalId> = Proposals::<T>::iter()
				.filter(|(_, p)| Self::stranded(p, now))
				.map(|(id, _)| id)
				.collect();
			Ok((
				ValueEquations::<T>::iter_keys().count() as u32,
				Contributions::<T>::iter_keys().count() as u32,
				IncomePolicies::<T>::iter_keys().count() as u32,
				stranded,
			)
				.encode())
		}

		/// After: every equation, contribution and income policy is kept and decodes, with
		/// valid terms; the stranded proposals are void and none in flight fails to decode.
		pub fn post_upgrade_check(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			let (equations, contributions, policies, stranded) =
				<(u32, u32, u32, Vec<ProposalId>)>::decode(&mut state.as_slice())
					.map_err(|_| "v6: pre-upgrade state does not decode")?;
			frame_support::ensure!(
				ValueEquations::<T>::iter().count() as u32 == equations,
				"v6: a value equation lost or undecodable"
			);
			frame_support::ensure!(
				Contributions::<T>::iter().count() as u32 == contributions,
				"v6: a contribution lost or undecodable"
			);
			// Every term spelled out as it was: a fixed rate, equity, approvals at the rate.
			frame_support::ensure!(
				Contributions::<T>::iter().all(|(_, c)| {
					let v = c.valuation;
					v.max_rate == v.rate
						&& v.claim == ClaimKind::Equity
						&& c.approvals.iter().all(|a| a.rate == v.rate)
				}),
				"v6: a contribution's terms changed"
			);
			frame_support::ensure!(
				ValueEquations::<T>::iter().all(|(_, e)| e.kinds.iter().all(|k| k
					.max_rate
					.is_none() && k
					.claim
					== ClaimKind::Equity)),
				"v6: a kind's terms changed"
			);
			frame_support::ensure!(
				IncomePolicies::<T>::iter().count() as u32 == policies,
				"v6: an income policy lost or undecodable"
			);
			frame_support::ensure!(
				stranded.iter().all(|id| Proposals::<T>::get(id)
					.is_some_and(|p| p.status == ProposalStatus::Voided)),
				"v6: a stranded proposal not voided"
			);
			let now = frame_system::Pallet::<T>::block_number();
			frame_support::ensure!(
				Proposals::<T>::iter().all(|(_, p)| !Self::stranded(&p, now)),
				"v6: a proposal in flight does not decode"
			);
			Ok(())
		}
	}

	impl<T: Config> UncheckedOnRuntimeUpgrade for ClaimKinds<T> {
		fn on_runtime_upgrade() -> Weight {
			let (mut reads, mut writes) = (0u64, 0u64);
			ValueEquations::<T>::translate::<OldEquation<T>, _>(|_, old| {
				reads.saturating_inc();
				writes.saturating_inc();
				let kinds = old
					.kinds
					.into_iter()
					.map(|k| ContributionKind {
						name: k.name,
						unit: k.unit,
						rate: k.rate,
						max_rate: None,
						claim: ClaimKind::Equity,
					})
					.collect::<Vec<_>>();
				Some(ValueEquation {
					version: old.version,
					kinds: KindsOf::<T>::truncate_from(kinds),
				})
			});
			Contributions::<T>::translate::<OldContribution<T>, _>(|_, old| {
				reads.saturating_inc();
				writes.saturating_inc();
				Some(old.upgraded())
			});
			IncomePolicies::<T>::translate::<OldIncomePolicy<T>, _>(|project, old| {
				reads.saturating_inc();
				writes.saturating_inc();
				match Pallet::<T>::buckets_of(old.treasury, &old.upstream) {
					Ok(buckets) => Some(IncomePolicy { version: 1, buckets }),
					Err(_) => {
						// The old policy has at most `MaxUpstreams` + 1 shares: cannot happen.
						log::warn!("v6: the income policy of project {project} does not fit");
						None
					},
				}
			});
			let now = frame_system::Pallet::<T>::block_number();
			let stranded: Vec<(ProposalId, Proposal<T>)> = Proposals::<T>::iter()
				.inspect(|(_, p)| {
					// The proposal, and a preimage's length and bytes.
					let lookups: u64 = if p.call.lookup_len().is_some() { 3 } else { 1 };
					reads = reads.saturating_add(lookups);
				})
				.filter(|(_, p)| Self::stranded(p, now))
				.collect();
			for (id, mut p) in stranded {
				if p.status == ProposalStatus::Open {
					if Pallet::<T>::conclude_proposal(id, &mut p, false).is_err() {
						log::warn!("v6: the deposit of proposal {id} was not released");
					}
					if let Some(contribution) = p.appeal {
						crate::Appeals::<T>::remove(contribution);
					}
				}
				p.status = ProposalStatus::Voided;
				Proposals::<T>::insert(id, p);
				Pallet::<T>::deposit_event(Event::ProposalVoided { proposal: id });
				writes = writes.saturating_add(4);
			}
			T::DbWeight::get().reads_writes(reads, writes)
		}

		#[cfg(feature = "try-runtime")]
		fn pre_upgrade() -> Result<Vec<u8>, TryRuntimeError> {
			Self::pre_upgrade_state()
		}

		#[cfg(feature = "try-runtime")]
		fn post_upgrade(state: Vec<u8>) -> Result<(), TryRuntimeError> {
			Self::post_upgrade_check(state)
		}
	}

	/// Runs [`ClaimKinds`] once, from storage version 5 to 6.
	pub type MigrateV5ToV6<T> =
		VersionedMigration<5, 6, ClaimKinds<T>, Pallet<T>, <T as frame_system::Config>::DbWeight>;
}
