//! What a passed proposal may dispatch, what it costs, and when it runs: the checks at
//! `propose` (which calls a project may enact, the call's weight and length within its scope's
//! limit, the proposer paying for it) and the scheduling at `close` (the chain first, projects
//! within a share of every block's agenda, the next block with room when one is full).

use frame_support::{
	dispatch::GetDispatchInfo,
	ensure,
	traits::{
		schedule::{v3::Anon as ScheduleAnon, DispatchTime, HIGHEST_PRIORITY, LOWEST_PRIORITY},
		Bounded, Get, QueryPreimage,
	},
	weights::Weight,
};
use sp_runtime::{traits::Saturating, DispatchError};

use crate::{types::*, Call, Config, Error, Origin, Pallet, ProjectEnactments};

/// Blocks `close` searches, from the enactment block on, for one with room in its agenda.
pub const ENACTMENT_SEARCH: u32 = 16;

/// The proof size of reading one block's agenda (50 tasks of inline calls), an upper bound.
const AGENDA_PROOF: u64 = 16 * 1024;

/// Which calls a project's vote may enact. The runtime decides, since only it knows the other
/// pallets' calls: typically the pallet's own calls for that project
/// ([`Pallet::project_of_call`]) and a short `utility.batch_all` of them.
pub trait EnactableCalls<Call> {
	/// Whether a passed proposal of `project` may dispatch `call`.
	fn project_may_enact(project: ProjectId, call: &Call) -> bool;
}

impl<T: Config> Pallet<T> {
	/// The project whose origin a call of this pallet needs, if it is one a project's vote may
	/// enact: the calls that check `ProjectOrigin` for a project.
	pub fn project_of_call(call: &Call<T>) -> Option<ProjectId> {
		let of_contribution = |id: &ContributionId| Self::contribution(*id).ok().map(|c| c.project);
		match call {
			Call::set_value_equation { project, .. }
			| Call::set_review_policy { project, .. }
			| Call::set_maintainers { project, .. }
			| Call::close_project { project }
			| Call::set_income_policy { project, .. }
			| Call::set_income_buckets { project, .. }
			| Call::repay_debts { project, .. }
			| Call::spend_treasury { project, .. }
			| Call::set_accepted_assets { project, .. }
			| Call::spend_treasury_in { project, .. }
			| Call::repay_debts_in { project, .. }
			| Call::move_units { project, .. }
			| Call::set_chambers { project, .. }
			| Call::set_chamber_member { project, .. }
			| Call::set_min_paid { project, .. } => Some(*project),
			Call::set_governance { scope: Scope::Project(project), .. } => Some(*project),
			Call::accept_appeal { contribution, .. }
			| Call::revoke_contribution { contribution } => of_contribution(contribution),
			_ => None,
		}
	}

	/// The most weight one enactment of a scope may take.
	pub fn enactment_weight_limit(scope: Scope) -> Weight {
		match scope {
			Scope::Project(_) => T::MaxProjectEnactmentWeight::get(),
			Scope::Chain => T::MaxChainEnactmentWeight::get(),
		}
	}

	/// The longest call a proposal of a scope may carry.
	fn call_len_limit(scope: Scope) -> u32 {
		match scope {
			Scope::Project(_) => T::MaxProjectCallLen::get(),
			Scope::Chain => T::MaxCallLen::get(),
		}
	}

	/// What reading a proposal's call costs beyond the `propose` benchmark: a preimage's
	/// bytes.
	pub fn call_read_weight(call: &BoundedCallOf<T>) -> Weight {
		match call.lookup_len() {
			Some(len) => {
				T::DbWeight::get().reads(1).saturating_add(Weight::from_parts(0, len.into()))
			},
			None => Weight::zero(),
		}
	}

	/// Whether `bytes` are exactly one call of this runtime (no trailing bytes, nesting within
	/// the extrinsic depth limit).
	pub(crate) fn decodes(bytes: &[u8]) -> bool {
		Self::decode_call(bytes).is_some()
	}

	fn decode_call(bytes: &[u8]) -> Option<<T as Config>::RuntimeCall> {
		<<T as Config>::RuntimeCall as codec::DecodeLimit>::decode_all_with_depth_limit(
			frame_support::MAX_EXTRINSIC_DEPTH,
			&mut &bytes[..],
		)
		.ok()
	}

	/// Checks a proposal's call for its scope and returns its dispatch weight: it decodes, is
	/// no longer than the scope allows, is a call a project may enact (project scope), and
	/// weighs at most the scope's enactment limit (so the scheduler can always run it).
	pub(crate) fn check_call(
		scope: Scope,
		call: &BoundedCallOf<T>,
	) -> Result<Weight, DispatchError> {
		let decoded = match call {
			Bounded::Inline(bytes) => {
				ensure!(
					bytes.len() as u32 <= Self::call_len_limit(scope),
					Error::<T>::CallTooLarge
				);
				Self::decode_call(bytes)
			},
			Bounded::Lookup { hash, len } => {
				ensure!(*len <= Self::call_len_limit(scope), Error::<T>::CallTooLarge);
				ensure!(T::Preimages::len(hash) == Some(*len), Error::<T>::PreimageMissing);
				let bytes = T::Preimages::fetch(hash, Some(*len))
					.map_err(|_| Error::<T>::PreimageMissing)?;
				Self::decode_call(&bytes)
			},
			Bounded::Legacy { .. } => None,
		}
		.ok_or(Error::<T>::UndecodableCall)?;
		if let Scope::Project(project) = scope {
			ensure!(
				T::ProjectCalls::project_may_enact(project, &decoded),
				Error::<T>::CallNotAllowed
			);
		}
		let weight = decoded.get_dispatch_info().call_weight;
		ensure!(weight.all_lte(Self::enactment_weight_limit(scope)), Error::<T>::EnactmentTooHeavy);
		Ok(weight)
	}

	/// Schedules a passed proposal's call with its scope's origin, at `earliest` or the first
	/// block after it with room: chain enactments first in their block, project enactments
	/// at most [`Config::MaxProjectEnactmentsPerBlock`] a block (the rest of every agenda is
	/// kept for the chain's). Returns the block and how many blocks were tried.
	pub(crate) fn schedule_enactment(
		scope: Scope,
		earliest: BlockNumberOf<T>,
		call: BoundedCallOf<T>,
	) -> Result<(BlockNumberOf<T>, u32), DispatchError> {
		let (origin, priority): (T::PalletsOrigin, _) = match scope {
			Scope::Project(p) => (Origin::Project(p).into(), LOWEST_PRIORITY),
			Scope::Chain => (frame_system::RawOrigin::Root.into(), HIGHEST_PRIORITY),
		};
		let mut at = earliest;
		for tried in 1..=ENACTMENT_SEARCH {
			let project_room =
				ProjectEnactments::<T>::get(at) < T::MaxProjectEnactmentsPerBlock::get();
			if scope == Scope::Chain || project_room {
				// Fails only if the block's agenda is full.
				let scheduled = T::Scheduler::schedule(
					DispatchTime::At(at),
					None,
					priority,
					origin.clone(),
					call.clone(),
				);
				if scheduled.is_ok() {
					if scope != Scope::Chain {
						ProjectEnactments::<T>::mutate(at, |n| *n = n.saturating_add(1));
					}
					return Ok((at, tried));
				}
			}
			at = at.saturating_add(1u32.into());
		}
		Err(Error::<T>::AgendaFull.into())
	}

	/// What `close` costs beyond its benchmark when it searches `tried` blocks: a count and an
	/// agenda read each.
	pub fn enactment_search_weight(tried: u32) -> Weight {
		T::DbWeight::get()
			.reads(u64::from(tried.saturating_mul(2)))
			.saturating_add(Weight::from_parts(0, AGENDA_PROOF.saturating_mul(tried.into())))
	}

	/// Forgets the count of project enactments of a block once it begins.
	pub(crate) fn forget_enactments(n: BlockNumberOf<T>) -> Weight {
		ProjectEnactments::<T>::remove(n);
		T::DbWeight::get().writes(1)
	}
}
