//! The runtime's configuration, checked rather than trusted: every assumption the pallet's code
//! makes about its constants, asserted by `integrity_test` (run by every runtime's tests), so
//! that a misconfigured runtime fails its tests instead of failing its users.

use frame_support::traits::{fungible::Inspect, Get};
use sp_runtime::{
	traits::{Saturating, Zero},
	Perbill,
};

use crate::{types::*, Config, DefaultGovernance, Pallet};

impl<T: Config> Pallet<T> {
	/// Asserts the assumptions the pallet makes about the runtime's constants.
	pub(crate) fn do_integrity_test() {
		let ed = T::Currency::minimum_balance();
		// Creating a project endows its income pot and treasury with an existential deposit
		// each, out of the project deposit.
		assert!(
			T::ProjectDeposit::get() >= ed.saturating_mul(2u32.into()),
			"ProjectDeposit must cover the two existential deposits it endows"
		);
		// A forfeited contribution deposit is paid into the treasury; an appeal pays it back.
		assert!(
			T::ContributionDeposit::get() >= ed && !T::ContributionDeposit::get().is_zero(),
			"ContributionDeposit must be at least the existential deposit"
		);
		assert!(!T::ProposalDeposit::get().is_zero(), "ProposalDeposit must be above zero");
		// An acceptance pays for every holding it creates (the contributor's and each
		// reviewer's) and keeps the record's deposit, all out of the contribution deposit.
		assert!(
			T::ContributionDeposit::get()
				>= T::RecordDeposit::get().saturating_add(
					T::HoldingFee::get()
						.saturating_mul(T::MaxReviewers::get().saturating_add(1).into())
				),
			"ContributionDeposit must cover the record deposit and a holding fee per account"
		);
		assert!(
			T::VoteRetention::get() >= T::AppealWindow::get(),
			"an appeal's record goes with its proposal's, after the appeal window"
		);

		assert!(
			T::MaxUpstreamShare::get() < Perbill::one(),
			"each hop must pass on less than it received, so that a cycle converges"
		);

		// Bounds the code relies on being non-zero.
		assert!(T::MaxMaintainers::get() >= 1, "a project's creator is its first maintainer");
		assert!(T::MaxKinds::get() >= 1, "a value equation needs at least one kind");
		assert!(T::MaxReviewers::get() >= 1, "a policy needs at least one approval");
		assert!(T::MaxRelayBatch::get() >= 1, "MaxRelayBatch must be above zero");
		assert!(T::MaxPageSize::get() >= 1, "MaxPageSize must be above zero");
		assert!(T::MaxNameLen::get() >= 1, "MaxNameLen must be above zero");
		assert!(T::MaxLabelLen::get() >= 4, "the founding project's kind is `work` in `hour`s");
		assert!(T::MaxLiveProposals::get() >= 1, "a scope must be able to hold a proposal");
		assert!(T::MaxRecognised::get() >= 1, "the chain recognises its founding project");
		assert!(
			T::MaxChambers::get() >= 1 && T::MaxChambers::get() <= 8,
			"a vote records its chambers in a byte, and a proposal has at least one chamber"
		);
		assert!(!T::MaxReviewPeriod::get().is_zero(), "a review period of one block must fit");
		assert!(T::MaxCallLen::get() >= 128, "a proposal may carry at least an inline call");
		assert!(
			T::MaxProjectCallLen::get() >= 128
				&& T::MaxProjectCallLen::get() <= T::MaxCallLen::get(),
			"a project proposal may carry at least an inline call, and no more than the chain's"
		);
		assert!(
			T::MaxProjectEnactmentsPerBlock::get() >= 1,
			"a block must have room for a project enactment"
		);
		// An appeal's call must be enactable in either scope.
		let accept = Pallet::<T>::accept_appeal_weight(T::MaxReviewers::get());
		assert!(
			accept.all_lte(T::MaxProjectEnactmentWeight::get())
				&& accept.all_lte(T::MaxChainEnactmentWeight::get()),
			"an accepted appeal must fit the enactment limits"
		);

		// Time.
		let epoch = T::EpochLength::get();
		assert!(!epoch.is_zero(), "epochs must have blocks");
		let default = DefaultGovernance::<T>::get();
		assert!(
			!default.voting_period.is_zero() && default.voting_period <= T::MaxVotingPeriod::get(),
			"the default voting period must be within the longest"
		);
		assert!(
			Self::ensure_valid_governance(Scope::Chain, &default).is_ok()
				&& Self::ensure_valid_governance(Scope::Project(0), &default).is_ok(),
			"the default governance must be valid for the chain and for projects"
		);
		assert!(
			T::AppealWindow::get() <= T::RetentionPeriod::get(),
			"an appeal needs the contribution's record, kept for the retention period"
		);

		// Every project's two accounts are its own: distinct, and distinct from every other
		// project's (a short account id would truncate the project id away).
		for (a, b) in [(0, 1), (0, ProjectId::MAX), (1, ProjectId::MAX.saturating_sub(1))] {
			assert!(
				Self::income_account(a) != Self::income_account(b)
					&& Self::treasury_account(a) != Self::treasury_account(b)
					&& Self::income_account(a) != Self::treasury_account(a)
					&& Self::income_account(a) != Self::treasury_account(b),
				"project accounts collide: the account id is too short for the PalletId"
			);
		}
	}
}
