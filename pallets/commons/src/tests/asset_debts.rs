//! Debts in their currency: a reimbursable claim priced and owed in an asset, repaid only from
//! income in it; a bounty paid from the treasury in it.

use super::*;
use crate::{AssetDebtLedgers, AssetTreasuries, DebtAssets, DebtLedgers, Debts, Error, Event};
use frame_support::{
	assert_noop, assert_ok,
	traits::fungibles::{Inspect, Mutate},
};
use sp_runtime::{FixedU128, Perbill};

const USD: u32 = 7;
const MIN: Balance = 3;
const WORK: KindIndex = 0;
const EXPENSE: KindIndex = 1;
const BOUNTY: KindIndex = 2;

fn label(s: &str) -> LabelOf<Test> {
	s.as_bytes().to_vec().try_into().unwrap()
}

fn kind(
	name: &str,
	rate: u32,
	claim: ClaimKind<Balance>,
) -> ContributionKind<LabelOf<Test>, Balance> {
	ContributionKind {
		name: label(name),
		unit: label("u"),
		rate: FixedU128::from_u32(rate),
		max_rate: None,
		claim,
	}
}

fn usd(who: &AccountId) -> Balance {
	<Assets as Inspect<AccountId>>::balance(USD, who)
}

/// A project of Alice, Bob and Charlie taking the stablecoin: work (equity), expenses owed in
/// the stablecoin, a bounty of 5 a unit paid in it. No reviewers' reward.
fn project() -> ProjectId {
	assert_ok!(Commons::register_asset(RuntimeOrigin::root(), USD, MIN, MAX_DEBT));
	assert_ok!(<Assets as Mutate<AccountId>>::mint_into(USD, &ferdie(), 1_000_000));
	let p = project_with_three_maintainers();
	assert_ok!(Commons::set_accepted_assets(project_origin(p), p, vec![USD].try_into().unwrap()));
	let kinds: KindsOf<Test> = vec![
		kind("work", 10, ClaimKind::Equity),
		kind("expense", 0, ClaimKind::ReimbursableIn { asset: USD, price: 1 }),
		kind("bounty", 1, ClaimKind::OneTimeIn { asset: USD, price: 5 }),
	]
	.try_into()
	.unwrap();
	assert_ok!(Commons::set_value_equation(project_origin(p), p, kinds));
	let rules = ReviewRules { reviewer_reward: Perbill::zero(), ..default_rules() };
	assert_ok!(Commons::set_review_policy(project_origin(p), p, rules));
	set_buckets(p, &[(BucketTarget::Debts, 50)]);
	p
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

fn accepted(who: &AccountId, p: ProjectId, kind: KindIndex, quantity: Quantity) -> ContributionId {
	let id = submit(who, p, kind, quantity);
	approve(&bob(), id, None);
	approve(&charlie(), id, None);
	assert!(matches!(status(id), ContributionStatus::Accepted { .. }));
	id
}

fn pay_usd(p: ProjectId, amount: Balance) {
	assert_ok!(Commons::pay_income_in(RuntimeOrigin::signed(ferdie()), p, USD, amount));
}

#[test]
fn an_expense_in_a_stablecoin_is_owed_in_it_and_repaid_only_from_income_in_it() {
	test(|| {
		let p = project();
		accepted(&dave(), p, WORK, 1);
		let expense = accepted(&eve(), p, EXPENSE, 300);
		assert!(commons_events().contains(&Event::DebtRecorded {
			project: p,
			contribution: expense,
			creditor: eve(),
			amount: 300,
			asset: Some(USD),
		}));
		assert_eq!(DebtAssets::<Test>::get(expense), Some(USD));
		assert_eq!(
			AssetDebtLedgers::<Test>::get(p, USD),
			DebtLedger { owed: 300, repaid: 0, claimed: 0 }
		);
		assert_eq!(DebtLedgers::<Test>::get(p), DebtLedger::default());
		let view = Commons::debts_of(p, &eve());
		assert_eq!((view[0].asset, view[0].debt.amount, view[0].repaid), (Some(USD), 300, 0));

		// Income in CMN repays nothing of it: the debts' bucket falls through to the holders.
		assert_ok!(Commons::pay_income(RuntimeOrigin::signed(ferdie()), p, 1_000));
		assert_eq!(Commons::pending_income(p, &dave()), 1_000);
		assert_eq!(AssetDebtLedgers::<Test>::get(p, USD).repaid, 0);
		// Income in the stablecoin does: half of each payment, up to what is owed.
		assert_eq!(
			Commons::income_split_in(p, Some(USD), 400).unwrap(),
			IncomeSplit { treasury: 0, upstream: vec![], debts: 200, holders: 200 }
		);
		pay_usd(p, 400);
		pay_usd(p, 400);
		assert_eq!(AssetDebtLedgers::<Test>::get(p, USD).repaid, 300);
		assert_eq!(Commons::pending_income_in(p, USD, &dave()), 200 + 300);
		// Eve is paid in the stablecoin, and the debt is retired.
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(alice()), expense));
		assert_eq!(usd(&eve()), 300);
		assert!(Debts::<Test>::get(eve(), expense).is_none());
		assert!(DebtAssets::<Test>::get(expense).is_none());
		assert_eq!(
			AssetDebtLedgers::<Test>::get(p, USD),
			DebtLedger { owed: 300, repaid: 300, claimed: 300 }
		);
	});
}

#[test]
fn a_bounty_in_a_stablecoin_is_paid_from_the_treasury_in_it_or_owed() {
	test(|| {
		let p = project();
		// The treasury holds nothing in it yet: the bounty is owed.
		let owed = accepted(&dave(), p, BOUNTY, 10);
		assert_eq!(Debts::<Test>::get(dave(), owed).unwrap().amount, 50);
		assert_eq!(DebtAssets::<Test>::get(owed), Some(USD));
		// Income while the project has units goes to the holders and the debt; with a treasury
		// bucket the treasury fills up.
		set_buckets(p, &[(BucketTarget::Debts, 50), (BucketTarget::Treasury, 50)]);
		pay_usd(p, 400);
		assert_eq!(AssetTreasuries::<Test>::get(p, USD), 200 + 150);
		let preview = Commons::preview_contribution(p, BOUNTY, 10).unwrap();
		assert_eq!((preview.asset, preview.paid, preview.debt), (Some(USD), 50, 0));
		let paid = accepted(&eve(), p, BOUNTY, 10);
		assert!(commons_events().contains(&Event::BountyPaid {
			project: p,
			contribution: paid,
			to: eve(),
			amount: 50,
			asset: Some(USD),
		}));
		assert_eq!(usd(&eve()), 50);
		assert_eq!(AssetTreasuries::<Test>::get(p, USD), 300);
		assert!(Debts::<Test>::get(eve(), paid).is_none());
	});
}

#[test]
fn a_debt_in_an_asset_no_longer_accepted_stays_owed_and_is_repaid_by_payments_in_it() {
	test(|| {
		let p = project();
		accepted(&dave(), p, WORK, 1);
		let expense = accepted(&eve(), p, EXPENSE, 100);
		// The project stops taking the stablecoin: the debt stays owed, and payments in it
		// still go to what is owed in it, all of them, and only as far as it is owed.
		assert_ok!(Commons::set_accepted_assets(project_origin(p), p, Default::default()));
		assert_noop!(
			Commons::submit_contribution(
				RuntimeOrigin::signed(eve()),
				p,
				EXPENSE,
				5,
				evidence("receipt")
			),
			Error::<Test>::AssetNotAccepted
		);
		assert_eq!(Commons::preview_payment_in(p, USD, 100), None);
		pay_usd(p, 30);
		assert_eq!(AssetDebtLedgers::<Test>::get(p, USD).repaid, 30);
		assert_eq!(Commons::pending_income_in(p, USD, &dave()), 0);
		assert!(commons_events().contains(&Event::AssetIncomePaid {
			project: p,
			asset: USD,
			payer: ferdie(),
			amount: 30,
			to_holders: 0,
			to_treasury: 0,
			to_upstream: 0,
			to_debts: 30,
		}));
		// Nor may the project close while it owes, in any currency.
		assert_noop!(Commons::close_project(project_origin(p), p), Error::<Test>::DebtsOwed);
		// A payment of 1 000 takes the 70 still owed, no more.
		let before = usd(&ferdie());
		pay_usd(p, 1_000);
		assert_eq!(before - usd(&ferdie()), 70);
		assert_eq!(AssetDebtLedgers::<Test>::get(p, USD).repaid, 100);
		// Repaid: payments in it are refused again.
		assert_noop!(
			Commons::pay_income_in(RuntimeOrigin::signed(ferdie()), p, USD, 10),
			Error::<Test>::AssetNotAccepted
		);
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(eve()), expense));
		assert_eq!(usd(&eve()), 100);
	});
}

#[test]
fn the_vote_repays_debts_in_an_asset_from_its_treasury_in_it() {
	test(|| {
		let p = project();
		set_buckets(p, &[(BucketTarget::Treasury, 50)]);
		accepted(&dave(), p, WORK, 1);
		pay_usd(p, 200);
		let expense = accepted(&eve(), p, EXPENSE, 80);
		assert_noop!(
			Commons::repay_debts_in(RuntimeOrigin::signed(alice()), p, USD, 80),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_ok!(Commons::repay_debts_in(project_origin(p), p, USD, 1_000));
		assert!(commons_events().contains(&Event::AssetDebtsRepaid {
			project: p,
			asset: USD,
			amount: 80
		}));
		assert_eq!(AssetTreasuries::<Test>::get(p, USD), 20);
		assert_noop!(Commons::repay_debts_in(project_origin(p), p, USD, 1), Error::<Test>::NoDebt);
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(eve()), expense));
		assert_eq!(usd(&eve()), 80);
	});
}

#[test]
fn a_revoked_debt_in_an_asset_is_owed_to_the_treasury_in_it() {
	test(|| {
		let p = project();
		accepted(&dave(), p, WORK, 1);
		let expense = accepted(&eve(), p, EXPENSE, 100);
		pay_usd(p, 100);
		// Half repaid; the vote revokes it: the treasury is owed what Eve had not claimed,
		// and the rest is forgiven once the queue reaches it (now).
		assert_ok!(Commons::revoke_contribution(project_origin(p), expense));
		assert_eq!(
			AssetDebtLedgers::<Test>::get(p, USD),
			DebtLedger { owed: 100, repaid: 100, claimed: 50 }
		);
		assert_ok!(Commons::claim_debt(RuntimeOrigin::signed(ferdie()), expense));
		assert_eq!(usd(&eve()), 0);
		assert_eq!(AssetTreasuries::<Test>::get(p, USD), 50);
		assert!(Debts::<Test>::get(eve(), expense).is_none());
	});
}

#[test]
fn a_kind_is_priced_only_in_a_registered_asset() {
	test(|| {
		let p = project();
		let kinds: KindsOf<Test> =
			vec![kind("e", 0, ClaimKind::ReimbursableIn { asset: 99, price: 1 })]
				.try_into()
				.unwrap();
		assert_noop!(
			Commons::set_value_equation(project_origin(p), p, kinds),
			Error::<Test>::UnknownAsset
		);
		let kinds: KindsOf<Test> =
			vec![kind("e", 0, ClaimKind::OneTimeIn { asset: USD, price: 0 })]
				.try_into()
				.unwrap();
		assert_noop!(
			Commons::set_value_equation(project_origin(p), p, kinds),
			Error::<Test>::ZeroPrice
		);
		// Each asset has its own cap on what one contribution may be owed in it.
		const EUR: u32 = 8;
		assert_ok!(Commons::register_asset(RuntimeOrigin::root(), EUR, MIN, 50));
		let accept = vec![USD, EUR].try_into().unwrap();
		assert_ok!(Commons::set_accepted_assets(project_origin(p), p, accept));
		let kinds: KindsOf<Test> =
			vec![kind("e", 0, ClaimKind::ReimbursableIn { asset: EUR, price: 1 })]
				.try_into()
				.unwrap();
		assert_ok!(Commons::set_value_equation(project_origin(p), p, kinds));
		assert_noop!(
			Commons::submit_contribution(RuntimeOrigin::signed(eve()), p, 0, 51, evidence("r")),
			Error::<Test>::DebtTooLarge
		);
		assert_ok!(Commons::submit_contribution(
			RuntimeOrigin::signed(eve()),
			p,
			0,
			50,
			evidence("r")
		));
	});
}
