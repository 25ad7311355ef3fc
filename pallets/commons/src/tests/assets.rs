//! Income in other currencies: registered assets, accepted per project, each with its own
//! treasury, buckets, inbox and claims, settled at every change of units.

use super::*;
use crate::{
	AssetHoldings, AssetInboxes, AssetIncomeStates, AssetTreasuries, Error, Event, ProjectAssets,
	RegisteredAssets,
};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungibles::{roles::Inspect as _, Inspect, Mutate},
};
use sp_runtime::{DispatchError, Perbill, TokenError};

use BucketTarget::{Treasury, Upstream};

/// A stablecoin and a second asset, registered in the tests that need them.
const USD: u32 = 7;
const EUR: u32 = 8;
const MIN: Balance = 3;

fn register(asset: u32) {
	assert_ok!(Commons::register_asset(RuntimeOrigin::root(), asset, MIN, MAX_DEBT));
}

fn accept(project: ProjectId, assets: &[u32]) -> sp_runtime::DispatchResult {
	Commons::set_accepted_assets(
		project_origin(project),
		project,
		assets.to_vec().try_into().unwrap(),
	)
}

fn fund(asset: u32, who: &AccountId, amount: Balance) {
	assert_ok!(<Assets as Mutate<AccountId>>::mint_into(asset, who, amount));
}

fn asset_balance(asset: u32, who: &AccountId) -> Balance {
	<Assets as Inspect<AccountId>>::balance(asset, who)
}

fn pay_in(project: ProjectId, asset: u32, amount: Balance) {
	assert_ok!(Commons::pay_income_in(RuntimeOrigin::signed(ferdie()), project, asset, amount));
}

fn set_buckets(p: ProjectId, list: &[(BucketTarget, u32)]) {
	let buckets: BucketsOf<Test> = list
		.iter()
		.map(|(to, percent)| Bucket { to: *to, share: Perbill::from_percent(*percent) })
		.collect::<Vec<_>>()
		.try_into()
		.unwrap();
	assert_ok!(Commons::set_income_buckets(project_origin(p), p, buckets));
}

/// A fresh key with no native tokens at all.
fn newcomer() -> AccountId {
	account("Newcomer")
}

#[test]
fn only_the_chains_vote_registers_an_asset_and_nobody_else_controls_it() {
	test(|| {
		assert_noop!(
			Commons::register_asset(RuntimeOrigin::signed(alice()), USD, MIN, MAX_DEBT),
			DispatchError::BadOrigin
		);
		// Nobody creates assets in pallet-assets directly either.
		assert_noop!(
			Assets::create(RuntimeOrigin::signed(alice()), USD, alice(), MIN),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Commons::register_asset(RuntimeOrigin::root(), USD, 0, MAX_DEBT),
			Error::<Test>::ZeroMinBalance
		);
		register(USD);
		assert!(RegisteredAssets::<Test>::contains_key(USD));
		assert_noop!(
			Commons::register_asset(RuntimeOrigin::root(), USD, MIN, MAX_DEBT),
			Error::<Test>::AssetRegistered
		);
		// Sufficient, and every role is the pallet's keyless account.
		let pallet = Commons::asset_account();
		assert_eq!(Assets::owner(USD), Some(pallet.clone()));
		assert_eq!(Assets::issuer(USD), Some(pallet.clone()));
		assert_eq!(Assets::admin(USD), Some(pallet.clone()));
		assert_eq!(Assets::freezer(USD), Some(pallet.clone()));
		assert!(pallet_assets::Asset::<Test>::get(USD).unwrap().is_sufficient);
		// It keeps the minimum balance for good.
		assert_eq!(asset_balance(USD, &pallet), MIN);
		assert!(commons_events().contains(&Event::AssetRegistered {
			asset: USD,
			min_balance: MIN,
			max_debt: MAX_DEBT
		}));
	});
}

#[test]
fn a_project_chooses_the_registered_assets_it_accepts_from_a_bounded_list() {
	test(|| {
		let p = create_project(&alice());
		register(USD);
		register(EUR);
		assert_noop!(accept(p, &[99]), Error::<Test>::UnknownAsset);
		assert_noop!(accept(p, &[USD, USD]), Error::<Test>::DuplicateAsset);
		assert_noop!(
			Commons::set_accepted_assets(
				RuntimeOrigin::signed(bob()),
				p,
				vec![USD].try_into().unwrap()
			),
			DispatchError::BadOrigin
		);
		assert_ok!(accept(p, &[USD, EUR]));
		assert!(Commons::accepts(p, USD) && Commons::accepts(p, EUR));
		// Leaving one out keeps it on the list, no longer accepted.
		assert_ok!(accept(p, &[EUR]));
		assert!(!Commons::accepts(p, USD));
		assert_eq!(
			ProjectAssets::<Test>::get(p).into_inner(),
			vec![
				ProjectAsset { asset: USD, accepting: false },
				ProjectAsset { asset: EUR, accepting: true }
			]
		);
		// At most MaxProjectAssets (3) for good: the list keeps those no longer accepted.
		register(9);
		register(10);
		assert_ok!(accept(p, &[9]));
		assert_noop!(accept(p, &[10]), Error::<Test>::TooManyAssets);
		assert_ok!(accept(p, &[USD, EUR, 9]));
		assert!(commons_events().contains(&Event::AcceptedAssetsSet {
			project: p,
			assets: vec![USD, EUR, 9].try_into().unwrap()
		}));
	});
}

#[test]
fn income_in_an_asset_is_split_and_claimed_by_a_holder_without_native_tokens() {
	test(|| {
		let p = create_project(&alice());
		register(USD);
		assert_ok!(Commons::mint(p, &bob(), 1));
		assert_ok!(Commons::mint(p, &newcomer(), 3));
		fund(USD, &ferdie(), 10_000);
		assert_noop!(
			Commons::pay_income_in(RuntimeOrigin::signed(ferdie()), p, USD, 100),
			Error::<Test>::AssetNotAccepted
		);
		assert_ok!(accept(p, &[USD]));
		set_buckets(p, &[(Treasury, 10)]);
		assert_eq!(
			Commons::income_split_in(p, Some(USD), 1_000).unwrap(),
			IncomeSplit { treasury: 100, upstream: vec![], debts: 0, holders: 900 }
		);
		pay_in(p, USD, 1_000);
		assert_eq!(asset_balance(USD, &ferdie()), 9_000);
		assert_eq!(asset_balance(USD, &Commons::asset_account()), MIN + 1_000);
		assert_eq!(AssetTreasuries::<Test>::get(p, USD), 100);
		assert_eq!(Commons::pending_income_in(p, USD, &bob()), 225);
		assert_eq!(Commons::pending_income_in(p, USD, &newcomer()), 675);
		// The native income is apart.
		assert_eq!(Commons::pending_income(p, &bob()), 0);
		assert!(commons_events().contains(&Event::AssetIncomePaid {
			project: p,
			asset: USD,
			payer: ferdie(),
			amount: 1_000,
			to_holders: 900,
			to_treasury: 100,
			to_upstream: 0,
			to_debts: 0,
		}));
		// The newcomer holds no native tokens and cannot sign: anyone claims for them, and
		// the sufficient asset creates their account.
		assert_eq!(free(&newcomer()), 0);
		assert_ok!(Commons::claim_assets_for(
			RuntimeOrigin::signed(charlie()),
			p,
			newcomer(),
			vec![USD].try_into().unwrap()
		));
		assert_eq!(asset_balance(USD, &newcomer()), 675);
		assert_eq!(free(&newcomer()), 0);
		assert_noop!(
			Commons::claim_assets_for(
				RuntimeOrigin::signed(charlie()),
				p,
				newcomer(),
				vec![USD].try_into().unwrap()
			),
			Error::<Test>::NothingToClaim
		);
		assert_ok!(Commons::claim_asset(RuntimeOrigin::signed(bob()), p, USD));
		assert_eq!(asset_balance(USD, &bob()), 225);
		assert_eq!(AssetIncomeStates::<Test>::get(p, USD).claimed, 900);
		assert_noop!(
			Commons::claim_asset(RuntimeOrigin::signed(bob()), p, EUR),
			Error::<Test>::AssetNotAccepted
		);
		// The treasury is spent by the project's vote.
		assert_noop!(
			Commons::spend_treasury_in(project_origin(p), p, USD, dave(), 101),
			Error::<Test>::TreasuryTooLow
		);
		// Not to the pallet's own account, where it would leave the ledgers.
		assert_noop!(
			Commons::spend_treasury_in(project_origin(p), p, USD, Commons::asset_account(), 100),
			Error::<Test>::TreasuryTooLow
		);
		assert_ok!(Commons::spend_treasury_in(project_origin(p), p, USD, dave(), 100));
		assert_eq!(asset_balance(USD, &dave()), 100);
		assert_eq!(AssetTreasuries::<Test>::get(p, USD), 0);
		assert_eq!(asset_balance(USD, &Commons::asset_account()), MIN);
	});
}

#[test]
fn units_minted_moved_or_burned_settle_every_asset_first() {
	test(|| {
		let p = create_project(&alice());
		register(USD);
		register(EUR);
		fund(USD, &ferdie(), 10_000);
		fund(EUR, &ferdie(), 10_000);
		// Bob held his unit before the project accepted either asset: his slots are not
		// stored yet, and read as zero.
		assert_ok!(Commons::mint(p, &bob(), 1));
		assert_ok!(accept(p, &[USD, EUR]));
		pay_in(p, USD, 100);
		assert!(AssetHoldings::<Test>::get(p, bob()).is_empty());
		assert_eq!(Commons::pending_income_in(p, USD, &bob()), 100);
		// Units minted after a payment take no part in it, in every asset.
		assert_ok!(Commons::mint(p, &charlie(), 1));
		assert_eq!(Commons::pending_income_in(p, USD, &charlie()), 0);
		pay_in(p, USD, 100);
		pay_in(p, EUR, 10);
		assert_eq!(Commons::pending_income_in(p, USD, &bob()), 150);
		assert_eq!(Commons::pending_income_in(p, USD, &charlie()), 50);
		assert_eq!(Commons::pending_income_in(p, EUR, &charlie()), 5);
		// The vote moves Charlie's units to a new key: his income in each asset goes along.
		assert_ok!(Commons::move_units(project_origin(p), p, charlie(), dave()));
		assert_eq!(Commons::pending_income_in(p, USD, &charlie()), 0);
		assert_eq!(Commons::pending_income_in(p, USD, &dave()), 50);
		assert_eq!(Commons::pending_income_in(p, EUR, &dave()), 5);
		// Burned units keep what they earned.
		assert_eq!(Commons::burn(p, &bob(), 1), Ok(1));
		pay_in(p, USD, 100);
		assert_eq!(Commons::pending_income_in(p, USD, &bob()), 150);
		assert_eq!(Commons::pending_income_in(p, USD, &dave()), 150);
		assert_ok!(Commons::claim_assets_for(
			RuntimeOrigin::signed(ferdie()),
			p,
			dave(),
			vec![USD, EUR].try_into().unwrap()
		));
		assert_eq!((asset_balance(USD, &dave()), asset_balance(EUR, &dave())), (150, 5));
	});
}

#[test]
fn an_asset_no_longer_accepted_takes_no_income_and_its_holders_still_claim() {
	test(|| {
		let p = create_project(&alice());
		register(USD);
		fund(USD, &ferdie(), 10_000);
		assert_ok!(Commons::mint(p, &bob(), 1));
		assert_ok!(accept(p, &[USD]));
		pay_in(p, USD, 100);
		assert_ok!(accept(p, &[]));
		assert_noop!(
			Commons::pay_income_in(RuntimeOrigin::signed(ferdie()), p, USD, 100),
			Error::<Test>::AssetNotAccepted
		);
		assert_ok!(Commons::claim_asset(RuntimeOrigin::signed(bob()), p, USD));
		assert_eq!(asset_balance(USD, &bob()), 100);
		// A payer cannot pay away its last minimum balance: the asset's account would die.
		assert_ok!(accept(p, &[USD]));
		assert_noop!(
			Commons::pay_income_in(RuntimeOrigin::signed(ferdie()), p, USD, 9_900),
			TokenError::NotExpendable
		);
	});
}

#[test]
fn income_in_an_asset_flows_upstream_only_to_projects_that_accept_it() {
	test(|| {
		let [a, b, c] = [bob(), charlie(), dave()].map(|who| {
			let p = create_project(&alice());
			assert_ok!(Commons::mint(p, &who, 1));
			p
		});
		register(USD);
		fund(USD, &ferdie(), 10_000);
		assert_ok!(accept(a, &[USD]));
		assert_ok!(accept(b, &[USD]));
		set_buckets(a, &[(Upstream(b), 20), (Upstream(c), 20)]);
		set_buckets(b, &[(Upstream(c), 50)]);
		// C does not accept the stablecoin: its share falls through to A's holders.
		pay_in(a, USD, 1_000);
		assert_eq!(Commons::pending_income_in(a, USD, &bob()), 800);
		assert_eq!(AssetInboxes::<Test>::get(b, USD), 200);
		assert_eq!(AssetInboxes::<Test>::get(c, USD), 0);
		// B forwards it by its own policy; C still takes nothing, so B's holders get it all.
		assert_ok!(Commons::forward_income(RuntimeOrigin::signed(eve()), b));
		assert_eq!(AssetInboxes::<Test>::get(b, USD), 0);
		assert_eq!(Commons::pending_income_in(b, USD, &charlie()), 200);
		// Once C accepts it, the next hop reaches C.
		assert_ok!(accept(c, &[USD]));
		pay_in(a, USD, 1_000);
		assert_eq!(AssetInboxes::<Test>::get(c, USD), 200);
		pay_in(b, USD, 100);
		assert!(commons_events().iter().any(|e| matches!(
			e,
			Event::AssetIncomeForwarded { project, asset: USD, amount: 200, to_holders: 100, to_upstream: 100, .. }
				if *project == b
		)));
		assert_eq!(AssetInboxes::<Test>::get(c, USD), 200 + 100 + 50);
		assert_ok!(Commons::forward_income(RuntimeOrigin::signed(eve()), c));
		assert_eq!(Commons::pending_income_in(c, USD, &dave()), 350);
		assert_noop!(
			Commons::forward_income(RuntimeOrigin::signed(eve()), c),
			Error::<Test>::NothingToForward
		);
	});
}

/// Random sequences over three projects linked upstream (cycles included), in the native
/// currency and two assets: payments, forwards, mints, moves, claims, spends and changes of
/// the accepted assets. After every step the invariants hold (per project and asset, what the
/// holders can claim equals what they were paid less what they claimed, exactly; the
/// pallet's account in each asset holds every ledger), and per asset nothing is created or
/// lost: everything paid is in a ledger, claimed or spent.
#[test]
fn conservation_per_asset_across_projects_linked_upstream() {
	let people = [alice(), bob(), charlie(), dave(), eve()];
	let assets = [USD, EUR];
	let (mut claims, mut hops, mut moves) = (0u32, 0u32, 0u32);
	for seed in 1u64..=25 {
		test(|| {
			let mut rng = crate::generator::Rng::new(seed);
			let mut next = |m: u64| rng.below(m);
			register(USD);
			register(EUR);
			fund(USD, &ferdie(), 1_000_000);
			fund(EUR, &ferdie(), 1_000_000);
			let projects: Vec<ProjectId> = (0..3).map(|_| create_project(&alice())).collect();
			for p in &projects {
				assert_ok!(accept(*p, &[USD, EUR]));
			}
			let (mut paid, mut out, mut spent) = ([0u128; 2], [0u128; 2], [0u128; 2]);
			for _ in 0..60 {
				let p = projects[next(3) as usize];
				let who = &people[next(people.len() as u64) as usize];
				let k = next(2) as usize;
				let asset = assets[k];
				match next(10) {
					0 => {
						assert_ok!(Commons::mint(p, who, next(5) as u128 + 1));
					},
					1 | 2 => {
						let amount = next(10_000) as u128 + 1;
						if Commons::accepts(p, asset) {
							pay_in(p, asset, amount);
							paid[k] += amount;
						}
					},
					3 => {
						let _ = Commons::pay_income(RuntimeOrigin::signed(ferdie()), p, 500);
					},
					4 => {
						if Commons::forward_income(RuntimeOrigin::signed(ferdie()), p).is_ok() {
							hops += 1;
						}
					},
					5 => {
						for who in &people {
							let before = asset_balance(asset, who);
							let origin = RuntimeOrigin::signed(who.clone());
							if Commons::claim_asset(origin, p, asset).is_ok() {
								out[k] += asset_balance(asset, who) - before;
								claims += 1;
							}
						}
					},
					6 => {
						let to = &people[next(people.len() as u64) as usize];
						if Commons::move_units(project_origin(p), p, who.clone(), to.clone())
							.is_ok()
						{
							moves += 1;
						}
					},
					7 => {
						let held = AssetTreasuries::<Test>::get(p, asset);
						if held > 0 {
							assert_ok!(Commons::spend_treasury_in(
								project_origin(p),
								p,
								asset,
								ferdie(),
								held
							));
							out[k] += held;
							spent[k] += held;
						}
					},
					8 => {
						let list: Vec<u32> =
							assets.iter().copied().filter(|_| next(3) > 0).collect();
						assert_ok!(accept(p, &list));
					},
					_ => {
						let up = projects[next(3) as usize];
						let (t, u) = (next(30) as u32, next(50) as u32 + 1);
						let list = [(Treasury, t + 1), (Upstream(up), u)];
						let buckets: BucketsOf<Test> = list
							.iter()
							.map(|(to, s)| Bucket { to: *to, share: Perbill::from_percent(*s) })
							.collect::<Vec<_>>()
							.try_into()
							.unwrap();
						let _ = Commons::set_income_buckets(project_origin(p), p, buckets);
					},
				}
				Commons::do_try_state().expect("invariants hold after every step");
				for (k, asset) in assets.iter().enumerate() {
					let held = asset_balance(*asset, &Commons::asset_account()) - MIN;
					assert_eq!(held, paid[k] - out[k], "nothing created or lost in {asset}");
					assert_eq!(asset_balance(*asset, &ferdie()), 1_000_000 - paid[k] + spent[k]);
					let ledgers: u128 = projects
						.iter()
						.map(|p| {
							let state = AssetIncomeStates::<Test>::get(p, asset);
							state.distributed - state.claimed
								+ AssetTreasuries::<Test>::get(p, asset)
								+ AssetInboxes::<Test>::get(p, asset)
						})
						.sum();
					assert_eq!(ledgers, held, "the ledgers divide the account exactly");
				}
			}
		});
	}
	assert!(
		claims > 30 && hops > 20 && moves > 5,
		"reached claims ({claims}), hops ({hops}) and moves ({moves})"
	);
}
