//! The origin that acts for a project until the project's own vote does.

use core::marker::PhantomData;
use frame_support::traits::EnsureOriginWithArg;
use frame_system::RawOrigin;

use crate::{Config, ProjectId, Projects};

/// Succeeds for Root (the chain's governance) and for a signed maintainer of the project.
pub struct EnsureMaintainerOrRoot<T>(PhantomData<T>);

impl<T: Config> EnsureOriginWithArg<T::RuntimeOrigin, ProjectId> for EnsureMaintainerOrRoot<T>
where
	T::RuntimeOrigin: Into<Result<RawOrigin<T::AccountId>, T::RuntimeOrigin>>
		+ From<RawOrigin<T::AccountId>>,
{
	type Success = ();

	fn try_origin(o: T::RuntimeOrigin, project: &ProjectId) -> Result<(), T::RuntimeOrigin> {
		match o.into() {
			Ok(RawOrigin::Root) => Ok(()),
			Ok(RawOrigin::Signed(who)) => {
				let is_maintainer = Projects::<T>::get(project)
					.is_some_and(|p| p.maintainers.contains(&who));
				if is_maintainer {
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
	fn try_successful_origin(_project: &ProjectId) -> Result<T::RuntimeOrigin, ()> {
		Ok(RawOrigin::Root.into())
	}
}
