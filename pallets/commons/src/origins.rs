//! The origin that acts for a project: its own vote (the `Project` origin of the pallet,
//! dispatched by a passed proposal), the chain's vote (Root), or, while the project has no
//! value-unit holders yet and so nobody to vote, its maintainers (bootstrap).

use core::marker::PhantomData;
use frame_support::traits::EnsureOriginWithArg;
use frame_system::RawOrigin;

use crate::{Config, Origin, ProjectId, Projects};

/// Succeeds for the project's own vote (`Origin::Project(id)`), for Root (the chain's vote),
/// and for a signed maintainer of a project that has no value-unit holders yet.
pub struct EnsureProjectOrRoot<T>(PhantomData<T>);

impl<T: Config> EnsureOriginWithArg<T::RuntimeOrigin, ProjectId> for EnsureProjectOrRoot<T>
where
	T::RuntimeOrigin: Into<Result<Origin, T::RuntimeOrigin>>
		+ From<Origin>
		+ Into<Result<RawOrigin<T::AccountId>, T::RuntimeOrigin>>
		+ From<RawOrigin<T::AccountId>>,
{
	type Success = ();

	fn try_origin(o: T::RuntimeOrigin, project: &ProjectId) -> Result<(), T::RuntimeOrigin> {
		let o = match <T::RuntimeOrigin as Into<Result<Origin, T::RuntimeOrigin>>>::into(o) {
			Ok(Origin::Project(id)) if id == *project => return Ok(()),
			Ok(other) => return Err(other.into()),
			Err(o) => o,
		};
		match <T::RuntimeOrigin as Into<Result<RawOrigin<T::AccountId>, T::RuntimeOrigin>>>::into(o)
		{
			Ok(RawOrigin::Root) => Ok(()),
			Ok(RawOrigin::Signed(who)) => {
				// Bootstrap: until the project has members who can vote, its maintainers act.
				let bootstrapping = Projects::<T>::get(project)
					.is_some_and(|p| p.holders == 0 && p.maintainers.contains(&who));
				if bootstrapping {
					Ok(())
				} else {
					Err(RawOrigin::Signed(who).into())
				}
			},
			Ok(other) => Err(other.into()),
			Err(o) => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(project: &ProjectId) -> Result<T::RuntimeOrigin, ()> {
		Ok(Origin::Project(*project).into())
	}
}
