//! # Commons: open value accounting
//!
//! Anyone opens a **project** (a commons) with its own value rules; contributors log
//! **contributions**; peers **review** them; accepted work mints **value units**, a
//! non-transferable share of the project.
//!
//! ## Process flow
//!
//! 1. [`create_project`](Pallet::create_project): a deposit is held from the creator, who
//!    becomes the first maintainer. The project starts with a value equation (the kinds of
//!    contribution it accepts and the value units per unit of each) and a review policy.
//! 2. [`submit_contribution`](Pallet::submit_contribution): a contributor logs work, money,
//!    materials, design or code with evidence (a hash or URI) and a deposit. A newcomer without
//!    tokens signs the same in a wallet and anyone relays it with
//!    [`submit_signed_contribution`](Pallet::submit_signed_contribution), paying the fee and the
//!    deposit.
//! 3. [`attest`](Pallet::attest): reviewers approve or reject, optionally assessing the quantity
//!    down. Reviewers may also sign attestations in a wallet; anyone relays a batch of them with
//!    [`relay_attestations`](Pallet::relay_attestations).
//! 4. The outcome (table below) is decided as soon as the verdicts allow, or after the review
//!    period by [`finalize`](Pallet::finalize), callable by anyone.
//! 5. Accepted: the contribution gets what its kind's claim gives (see **Claim kinds**):
//!    units minted to the contributor (credited quantity × credited rate) with a reward on top
//!    to the approving reviewers, a debt the project repays from its income, or a bounty paid
//!    from its treasury. Decided records are removed by anyone after the retention period with
//!    [`remove_contribution`](Pallet::remove_contribution).
//! 6. The project's members decide by quadratic vote (below): its value equation, review
//!    policy, maintainers, income policy, treasury spending, appeals and revocations. The
//!    chain's members decide the chain's matters the same way; their vote is the chain's Root.
//!
//! ## Outcome rules
//!
//! With `a` approvals, `r` rejections, the policy's minimum `N` and threshold `t`, and `m` the
//! reviewers who may still attest, never more than the seats left of [`Config::MaxReviewers`]
//! (`MaxReviewers − a − r`):
//!
//! | reviewer set  | `m`                                                                              |
//! |---------------|----------------------------------------------------------------------------------|
//! | `Maintainers` | the current maintainers, other than the contributor, who have not attested        |
//! | `Holders`     | the project's holders plus its maintainers, less `a + r` (each counted once, so never fewer than really remain) |
//! | `Anyone`      | the seats left                                                                    |
//!
//! | when                               | condition                                                              | outcome  |
//! |------------------------------------|------------------------------------------------------------------------|----------|
//! | a verdict is counted               | `a ≥ N` and `a / (a + r) ≥ t`                                          | Accepted |
//! | a verdict is counted               | `r > 0` and, even if all `m` approved, `a + m ≥ N` and `(a + m) / (a + m + r) ≥ t` would not both hold | Rejected |
//! | `finalize` after the review period | optimistic acceptance on and `r = 0`                                   | Accepted |
//! | `finalize` after the review period | `r > 0` and `a / (a + r) < t`: the reviewers who looked rejected it     | Rejected |
//! | `finalize` after the review period | otherwise (`r = 0` without optimism, or the threshold met with fewer than `N` approvals) | Expired  |
//!
//! So in every reviewer set a contribution that its reviewers rejected is rejected, at once
//! when acceptance has become impossible, or at the end of the review period: its deposit is
//! forfeit to the treasury and it may be appealed. Expiry returns the deposit.
//!
//! Maintainers may always review, whatever the policy says, so a new project can accept its
//! first contributions; nobody reviews their own contribution, and each reviewer counts once.
//! The review rules and the value equation are those in force when the contribution was
//! submitted: a contribution records the equation version it is valued under.
//!
//! The credited quantity is the lower median of the approving reviewers' assessments, where an
//! approval without an assessment assesses the claim (so with no assessments it is the claim).
//! Units minted = ⌊credited quantity × rate⌋. The reviewer reward ⌊reward × minted⌋ is shared
//! equally (rounded down) by the reviewers who approved, and minted on top: the contributor's
//! units are not reduced. Only approvers within their [`Config::MaxRewardedReviews`] of the
//! epoch (and, in a project the chain recognises, past the chain's tenure) are minted their
//! share; the others' shares are
//! not minted (see **Tenure** below). Deposits are released on acceptance, withdrawal and expiry; a
//! rejected contribution's deposit goes to the project's treasury account.
//!
//! ## Wallet-signed payloads
//!
//! See [`signing`]: an attestation payload is the SCALE encoding of
//! `(genesis_hash: [u8; 32], tag: *b"cmns:att", contribution: u64, contributor: AccountId,
//! content: [u8; 32], verdict: u8, assessed_quantity: Option<u128>, expires_at: u32)`, where
//! `content` is the BLAKE2b-256 hash of the SCALE encoding of the contribution's
//! `(project: u32, kind: u8, quantity: u128, evidence: Vec<u8>)`: a signature binds the work
//! reviewed, so it never counts for another contribution that took the same id. With
//! polkadot.js: `api.createType('PalletCommonsSigningAttestationPayload', {...}).toU8a()` gives
//! the bytes, and `pair.sign(bytes)` (or an extension's `signRaw`, which wraps them in
//! `<Bytes>…</Bytes>`) signs them. The runtime API `CommonsApi::attestation_payload` returns
//! the same bytes for a contribution that exists. A bad, expired, foreign-chain, repeated or
//! mismatched (`ContentMismatch`) signature never counts.
//!
//! ## Weights
//!
//! Every call is charged its benchmarked worst case before dispatch (`weights.rs`, generated by
//! `scripts/benchmark.sh` on one machine with every other pallet's weights). The attestations
//! then pay what happened: one that decides nothing pays `attest_pending(m)`, `m` the
//! maintainers' attestations it read; one that accepts pays the deciding path `attest(r)` for
//! the `r` approvers it minted to, after those reads (a rejection pays the heaviest
//! acceptance); a relay pays `relay_pending_attestations(n)`, its reads and what deciding adds
//! for each attestation that decided (`review.rs`: `attestation_weight`, `relay_weight`).
//! [`finalize`](Pallet::finalize) pays `finalize(r)` for an acceptance and
//! `finalize_unaccepted` for a rejection or expiry; [`accept_appeal`](Pallet::accept_appeal)
//! pays `accept_appeal(r)`; [`close`](Pallet::close) the enactment slots it searched;
//! [`revoke_contribution`](Pallet::revoke_contribution) the moves it followed. Every
//! acceptance adds, per account it minted to, the settlement of its income in each asset
//! (`acceptance_extra_weight`, composed from the database weights). A payment and a claim are
//! measured in a project of [`HOLDERS_BENCHMARKED`] (100,000) holders: their accounting visits
//! no holder. The benchmarks' signer is `whitelisted_caller`: its account is read and written
//! by the fee payment of every signed extrinsic, which the extension weights count.
//!
//! ## Errors
//!
//! Bad input fails with a pallet [`Error`] and changes nothing. Amounts too large to account
//! for fail with `ArithmeticError::Overflow`. A relayed item that does not count reports, in
//! its `AttestationFailed` event, the same error the `attest` call would have returned. What
//! cannot happen (the pallet's own bookkeeping disagreeing with itself) is checked
//! defensively: logged (and a panic in debug builds), and [`Error::Unexpected`] or an
//! `ArithmeticError` for the caller, never a panic of the runtime.
//!
//! ## Value units
//!
//! Units are per project and cannot be transferred: the common work cannot be privately
//! appropriated. An account's share is its units over the project's total.
//!
//! ## Claim kinds
//!
//! Each kind of a value equation says what accepting a contribution of it gives
//! ([`ClaimKind`]), as an open value network pays: hours of work are equity in future income,
//! money or materials spent are paid back first, a bounty is paid once.
//!
//! | claim | at acceptance, for a credited quantity `q` |
//! |-------|---------------------------------------------|
//! | `Equity` | `⌊q × rate⌋` units to the contributor, the reviewers' reward on top |
//! | `Reimbursable { price }` | a debt of `q × price` the project owes the contributor, repaid from its `Debts` bucket (below); units on top if the kind's rate is above zero |
//! | `OneTime { price }` | `q × price` paid from the project's treasury if it holds all of it (above its existential deposit), otherwise owed as a debt; units on top if the rate is above zero |
//! | `ReimbursableIn { asset, price }` | as `Reimbursable`, priced and owed in `asset` and repaid only from income in it (see **Currencies**) |
//! | `OneTimeIn { asset, price }` | as `OneTime`, paid from the project's treasury in `asset`, or owed in it |
//!
//! **Rates people can live with.** A kind may give a range of rates, `rate` to `max_rate`,
//! instead of one. Reviewers assess the rate within it with
//! [`attest_assessing`](Pallet::attest_assessing) (or in a wallet-signed attestation), as they
//! assess the quantity; the credited rate is the lower median of the approvers' assessments,
//! where an approval without one assesses the lowest rate (so does acceptance without
//! approvals, optimistic or by appeal). An equity kind's rate is above zero; a money kind's
//! price is.
//!
//! A contribution keeps the terms of its kind in the equation in force when it was submitted
//! ([`Valuation`]): a later change of rates or prices changes nothing about it. The runtime
//! API's `preview_contribution` shows what a contribution would earn now.
//!
//! ## Income
//!
//! Anyone pays income to a project with [`pay_income`](Pallet::pay_income). The project's
//! income policy is an ordered list of buckets ([`set_income_buckets`](Pallet::set_income_buckets),
//! project origin; [`set_income_policy`](Pallet::set_income_policy) sets a treasury bucket and
//! upstream buckets), each a share of every payment paid to one of:
//!
//! - `Treasury`: the project's treasury, spent with [`spend_treasury`](Pallet::spend_treasury)
//!   (project origin);
//! - `Upstream(project)`: a commons this one builds on, paid to that project as its income,
//!   split there by its own policy (so it flows on to its own upstream projects: see
//!   **Every hop** below);
//! - `Debts`: what the project owes, oldest debt first (below).
//!
//! The shares add up to at most 100% (checked, with every share above zero, the treasury and
//! the debts at most once each, each upstream project once). For a payment of `x`, in the
//! policy's order, with `carried₀ = 0`:
//!
//! ```text
//! offeredᵢ  = ⌊shareᵢ × x⌋ + carriedᵢ
//! takenᵢ    = min(offeredᵢ, what bucket i can use)
//! carriedᵢ₊₁ = offeredᵢ − takenᵢ
//! holders   = x − Σ takenᵢ                       (the rest, rounding included)
//! ```
//!
//! where the treasury uses everything, an upstream project everything while it is open and
//! nothing once it is closed (the upstream buckets together at most
//! ⌊[`Config::MaxUpstreamShare`] × x⌋), and the debts at most what is still owed
//! (`owed − repaid`). So
//! a bucket with nothing to pay falls through to the next, and the last to the holders;
//! paid in = the sum of the parts, to the planck. A project without units yet receives the
//! holders' part in its treasury. A closed project takes no income (`ProjectClosed`). The
//! runtime API's `preview_payment` gives the split of a payment before it is made, and the
//! `IncomePaid` event the split of each one.
//!
//! **Every hop.** Commons fund commons: an upstream project's part is paid into its income
//! pot and its inbox ([`UpstreamInbox`], event `UpstreamPaid`), not straight to its holders.
//! [`forward_income`](Pallet::forward_income), which anyone may call, splits the inbox by that
//! project's own policy as if it were paid then (event `IncomeForwarded`): its holders,
//! treasury and debts get their parts, and its own upstream projects' parts go to their
//! inboxes, the next hop. A project's next payment, and its closing, forward its inbox first.
//! So one call settles one hop, and a payment's cost stays bounded however long the chain of
//! projects. A policy's upstream shares add up to at most [`Config::MaxUpstreamShare`] (below
//! 100%; `UpstreamShareTooHigh`), and each hop passes on at most that share of what it
//! received, rounded down: income that goes round a cycle of projects shrinks at every hop
//! and ends with their holders and treasuries (a payment of `x` round a cycle at 50% in
//! at most `log₂ x + 1` hops). Forwarded income is shared by the units held when it is
//! forwarded. Nothing is created or lost at any hop: what an inbox holds is in its pot.
//!
//! **Holders.** Paying and claiming cost the same with one holder or a million: with
//! `P = 10^12` ([`INCOME_PRECISION`]), each payment of `x` to holders of `U` units in all does
//!
//! ```text
//! scaled            = x × P + carried
//! income_per_unit  += scaled / U          (rounded down)
//! carried           = scaled mod U        (what rounding leaves, carried to the next payment)
//! ```
//!
//! and a holder of `u` units with checkpoint `c` and remainder `r` can claim
//!
//! ```text
//! unclaimed + (u × (income_per_unit − c) + r) / P      (rounded down)
//! ```
//!
//! where `unclaimed` and `r` (below `P`, a fraction of a planck) are what was settled when the
//! holder's units last changed; settling sets `c` to the current income per unit. Units minted
//! after a payment take no part in it. Claim with [`claim`](Pallet::claim), or for someone
//! with [`claim_for`](Pallet::claim_for); the runtime API shows what is pending.
//!
//! **Debts.** Debts are repaid oldest first at constant cost, however many there are. A
//! project's [`DebtLedger`] keeps `owed` (every debt recorded, in all), `repaid` (paid into
//! the `Debts` bucket, in all, never above `owed`) and `claimed`. A debt of `amount` recorded
//! when the ledger owed `start` is the stretch `[start, start + amount)` of the queue, and
//!
//! ```text
//! repaid of the debt = clamp(repaid − start, 0, amount)
//! claimable          = repaid of the debt − claimed of the debt
//! ```
//!
//! Its creditor is paid what is claimable with [`claim_debt`](Pallet::claim_debt) (anyone may
//! call); a debt claimed in full is retired, and the contribution's record, which backs it,
//! may then be removed. The project's vote may also repay debts from its treasury
//! ([`repay_debts`](Pallet::repay_debts)). While a project owes debts not yet repaid it may
//! not close, and its income policy keeps a `Debts` bucket with at least the share it had
//! (`DebtsOwed`). No contribution is owed or paid more than [`Config::MaxDebt`], so the
//! ledger never overflows. A revoked contribution's debt is owed to the project's treasury
//! from then on (what was claimed stays claimed, and a bounty paid stays paid, as income
//! settled does), and what is not yet repaid of it is forgiven as soon as the queue reaches
//! it (every debt before it repaid: at the revocation, or at a later `claim_debt` by anyone):
//! counted as repaid and claimed at once, so the debts after it are next and `repaid −
//! claimed` is unchanged. A bounty credited by an appeal is paid only if the treasury also
//! keeps the appellant's refund. The runtime API's `debts` and `debt_ledger` show them.
//!
//! **Conservation** is exact. Scaled by `P`, what the income pot holds above its existential
//! deposit equals the sum over holders of `unclaimed × P + r + u × (income_per_unit − c)`
//! plus `carried`, plus `P × (repaid − claimed)` of the debts, plus `P ×` the inbox; what the
//! live debts can claim adds up to `repaid − claimed`. Nothing is created or lost, and
//! sub-planck fractions stay owed to their holder. `do_try_state` checks all of this.
//!
//! ## Currencies
//!
//! Income arrives in currencies, not only in the native token. A project takes income in the
//! assets of `pallet-assets` the chain's vote registered ([`register_asset`](Pallet::register_asset),
//! Root): sufficient assets (a holder needs no native tokens) created with the pallet's keyless
//! [`asset_account`](Pallet::asset_account) as owner, issuer, admin and freezer, so that
//! nobody but the vote can mint, freeze or burn them; the registration mints the asset's
//! minimum balance into that account, which keeps it for good. Each project chooses the ones
//! it accepts ([`set_accepted_assets`](Pallet::set_accepted_assets), project origin), from a
//! list of at most [`Config::MaxProjectAssets`] it ever accepted: one it no longer accepts stays
//! on the list, so that its holders still claim and its treasury still spends what it holds.
//!
//! Each accepted asset has the native currency's accounting, once per asset, all of it in the
//! pallet's one account in that asset, divided exactly by ledgers: a treasury
//! ([`AssetTreasuries`], spent with [`spend_treasury_in`](Pallet::spend_treasury_in)), an
//! inbox for income from downstream ([`AssetInboxes`]), and an income per unit
//! ([`AssetIncomeStates`]) with a slot per holder ([`AssetHoldings`], beside the holding and
//! paid for by its fee). [`pay_income_in`](Pallet::pay_income_in) splits a payment by the
//! project's buckets as `pay_income` does, where an upstream project takes its share only if it
//! accepts the asset too and the `Debts` bucket repays the debts owed in that asset.
//!
//! **Debts in their currency.** A kind may be priced in an asset (`ReimbursableIn`,
//! `OneTimeIn`: registered, and accepted by the project when a contribution is logged): its
//! debt is owed in that asset ([`DebtAssets`]), queued in the project's ledger in it
//! ([`AssetDebtLedgers`], the same formulas as the native one) and repaid only from income in
//! it, or from the treasury in it by the vote ([`repay_debts_in`](Pallet::repay_debts_in));
//! `claim_debt` pays it in the asset. A debt owed in an asset the project no longer accepts
//! (or by a project that closed) stays owed: payments in that asset are still taken while it
//! is, all of them to the debts and no more than is owed. Each asset has its own cap on what
//! one contribution may be owed or paid in it, set when it is registered. The native
//! debts and each asset's are separate queues; while any is owed the project may not close. A holder
//! claims with [`claim_asset`](Pallet::claim_asset), or anyone claims several assets for them
//! with [`claim_assets_for`](Pallet::claim_assets_for). Every mint, burn or move of units
//! settles each asset on the project's list first, with the same formula as the native
//! income (at most [`Config::MaxProjectAssets`] reads); a holder's slot not yet stored reads as
//! zero, since the holding has not changed since its asset joined the list. The runtime API's
//! `project_assets`, `pending_income_in` and `preview_payment_in` show it all.
//!
//! ## Governance: quadratic voting
//!
//! There is no sudo. Every privileged call is dispatched by a vote:
//!
//! | scope              | members                                                         | origin of a passed proposal   |
//! |--------------------|-----------------------------------------------------------------|-------------------------------|
//! | `Project(id)`      | the project's chambers; by default, holders of its value units  | `Origin::Project(id)`         |
//! | `Chain`            | holders of value units in the projects the chain recognises      | Root                          |
//!
//! 1. [`propose`](Pallet::propose): a member proposes a call (inline, or the hash of a
//!    preimage noted with pallet-preimage for large calls such as runtime code) and pays
//!    a deposit, held while it is open: [`Config::ProposalDeposit`] times one more than the
//!    proposer's open proposals in the scope. At most [`Config::MaxLiveProposals`] are open per
//!    scope and [`Config::MaxProposalsPerProposer`] per proposer, so one member cannot jam a
//!    scope; appeals have slots of their own (as many again per scope, the base deposit). A
//!    proposal that fails for lack of turnout (fewer voters than a chamber's quorum or the
//!    scope's `min_voters`) forfeits [`Config::ProposalForfeit`] of its deposit: to the
//!    project's treasury, burned at chain scope. The proposer may
//!    [`cancel`](Pallet::cancel) it before any vote. What it may carry is checked now, not
//!    when it is enacted: a project's proposal only calls its vote may enact
//!    ([`Config::ProjectCalls`]: this pallet's calls for that project, and in the runtime a
//!    `utility.batch_all` of at most 8 of them), no longer than [`Config::MaxProjectCallLen`];
//!    and in every scope a call whose dispatch weight is within the scope's limit
//!    ([`Config::MaxProjectEnactmentWeight`], [`Config::MaxChainEnactmentWeight`], below what
//!    the scheduler runs in a block). The call's weight is charged to the `propose` extrinsic
//!    (the limit before dispatch, the call's own weight after): the proposer pays for the block
//!    space its enactment will take, so votes never buy free block space.
//! 2. [`vote`](Pallet::vote): `n` votes for or against cost `n²` voice credits. Each member
//!    has a budget per epoch ([`Config::EpochLength`] blocks), shared by the scope's proposals
//!    created in that epoch; a proposal's votes are charged to, and refunded into, its own
//!    epoch, however long it runs (up to [`Config::MaxVotingPeriod`]), so a vote that spans
//!    epochs never draws on two budgets. Voting again replaces the vote and refunds the old
//!    cost; `n = 0` withdraws it. Credits cannot be transferred. A project's budget is equal for every member, or
//!    `min + (max − min) × share` of its units at the epoch's start (see [`Budget`]); the
//!    chain's is equal.
//! 3. [`close`](Pallet::close), by anyone after the voting period: the proposal passes if at
//!    least `min_voters` members voted (a scope parameter, so that a share alone never lets
//!    two of three decide), at least one chamber had members when it was made and, in every
//!    chamber that had members, ayes exceed nays and at least `⌈quorum × members⌉` members (at
//!    least one) voted. A proposal in a scope with no members at all never passes. Closing
//!    reads only the proposal's tallies, never its votes. The deposit is released either way.
//!
//!    **Early close.** Anyone may close it before its end once the outcome is certain: with
//!    the votes cast counting as cast, and every member who has not voted casting the most
//!    votes a budget buys (`⌊√credits⌋`, the `max` of a share budget) the other way, the
//!    outcome would not change. It passes early when `min_voters` and every chamber's quorum
//!    are reached and, in every chamber with members, `ayes > nays + remaining × max votes`;
//!    it fails early when some chamber has `ayes + remaining × max votes ≤ nays`, or too few
//!    members are left to reach `min_voters`. This is the chain's fast path in an emergency.
//!    It waits the scope's enactment delay after the last vote (at least a block), so that
//!    whoever votes last cannot close at once on the tally they just made: the others may
//!    answer, and any vote starts the wait again. Closing fixes the votes as they stand, and an
//!    early close never forfeits a deposit.
//!    A passed proposal's call is scheduled (pallet-scheduler) after the enactment delay with
//!    the scope's origin; the scheduler's `Dispatched` event records the result, and a failed
//!    dispatch leaves the proposal's record as it is. The chain's enactments run first in
//!    their block; projects' take at most [`Config::MaxProjectEnactmentsPerBlock`] of a
//!    block's agenda, so the chain always has room; when a block is full the enactment goes
//!    to the next block with room (within [`ENACTMENT_SEARCH`] blocks), never failing `close`
//!    while there is one.
//! 4. [`remove_vote`](Pallet::remove_vote): vote records are removed lazily after closing, by
//!    the voter or, after [`Config::VoteRetention`], by anyone.
//!
//! **Snapshots.** Who may vote and the member count of each chamber are fixed when a
//! proposal is created: a voter must have been a member since a block before the proposal's
//! (`member_since` of a holding, the block a payer first paid, the block an account was
//! listed; units moved to a new key make it a member from the move on), the proposal records
//! the maintainers (when they are a chamber) and the projects the chain recognises (chain
//! scope) as they were, and the counts and `min_voters`. A chamber that had no members then
//! does not block it (but a proposal needs at least one chamber with members). Budgets use
//! the units held at the epoch's start. So minting, a change of maintainers or of the
//! recognised projects, or of the governance parameters during a vote changes nothing about
//! who decides it.
//!
//! **Why the chain recognises projects.** Anyone may open a project with a policy under
//! which their own accounts approve each other's work; such a project can mint units to as
//! many accounts as its creator likes. If every holder of every project were a chain member,
//! that creator could split their voice over many accounts and buy the chain's root, the
//! classic Sybil attack on quadratic voting. So chain membership is earned through
//! peer-reviewed work in a project the chain recognises: genesis recognises the founding
//! project, and recognising another is itself a chain proposal
//! ([`set_recognised`](Pallet::set_recognised)). Limits: a recognised project whose review
//! admits Sybils admits them to the chain, so recognition is a judgement the chain must keep
//! making (and can revoke); one person holding units in two recognised projects votes once
//! but is counted twice in the chain's member count, which makes the quorum harder, not
//! easier, to reach.
//!
//! **Chambers.** A project may define stakeholder chambers ([`set_chambers`](Pallet::set_chambers)):
//! its value-unit holders, the accounts that paid it income, its maintainers, or a list it
//! keeps ([`set_chamber_member`](Pallet::set_chamber_member)), each with its own quorum. A
//! proposal passes only if it passes in every chamber: the consent of every stakeholder. A
//! member of several chambers votes once, counted in each. Membership costs real value: a
//! payer joins the `Payers` chamber once what it paid the project in all reaches the
//! project's `min_paid` ([`set_min_paid`](Pallet::set_min_paid), never below the chain's
//! [`MembershipRules`] `min_paid`; payments below the existential deposit do not count, and
//! income forwarded from another project never makes a payer); each entry of the list holds
//! [`Config::ListDeposit`] from the treasury (or from the maintainer who lists while the
//! maintainers act for the project) until it is removed. Payers and listed accounts may
//! [`leave_chamber`](Pallet::leave_chamber).
//!
//! **Tenure.** The chain's [`MembershipRules`] ([`set_membership_rules`](Pallet::set_membership_rules))
//! also set a tenure, in whole epochs: a holder votes on the chain's proposals (and counts in
//! their member count) only once it has held units in a recognised project for `tenure` whole
//! epochs after the one it joined in (genesis holdings are past any tenure), and
//! earns reviewers' rewards in a recognised project only past it (other projects' rewards
//! are their own business: they make no chain members). Each project counts its holders by the epoch they
//! joined in, for the last [`Config::MaxTenure`] epochs ([`RecentHolders`]), so the count
//! stays exact at constant cost: holders less those who joined within the tenure. A reviewer
//! is rewarded for at most [`Config::MaxRewardedReviews`] reviews per project and epoch; a
//! reward not earned is not minted. And a recognised project must keep a review policy above
//! the chain's floor ([`ReviewFloor`]): checked when it is recognised, and a project that goes
//! below it (by its own policy change or a raised floor) stops being recognised.
//!
//! **Floors.** The chain's vote sets the least parameters of every project
//! ([`set_governance_floor`](Pallet::set_governance_floor)): voting period, enactment delay,
//! quorum share (of every chamber) and least number of voters. `set_governance`,
//! `set_default_governance` and `set_chambers` refuse to go below them, whoever acts for the
//! project (its vote, or its maintainers before it has holders), and parameters set before a
//! floor was raised are read as raised to it.
//!
//! **Bootstrap.** A new project has no members to vote: until it has value-unit holders, its
//! maintainers act for it ([`EnsureProjectOrRoot`]). From its first holder on, only its vote
//! (or the chain's) does.
//!
//! **Appeals.** The contributor of a rejected contribution may [`appeal`](Pallet::appeal)
//! within [`Config::AppealWindow`], member or not, paying the proposal deposit: a proposal to
//! [`accept_appeal`](Pallet::accept_appeal), decided by the project's members if it has
//! members besides its maintainers (who just rejected the work), otherwise escalated to the
//! chain's vote (a chain proposal, dispatched as Root); an appeal nobody can vote on never
//! passes. The appellant states the quantity asked (above zero, at most the claim). If it
//! passes, the contribution is accepted with that quantity credited under its own equation,
//! at its kind's lowest rate (the reviewers' reward going to those who approved it), and its
//! forfeited deposit is returned from the treasury (a bounty of a one-time kind is paid only
//! if the treasury keeps that refund too, and owed otherwise). (Optimistic acceptance credits the claim: a policy the
//! project chose.) A project's vote may also
//! [`revoke_contribution`](Pallet::revoke_contribution) (fraud: its units are burned, income
//! already earned stays earned, and units the vote moved to another key are burned where they
//! went) and [`move_units`](Pallet::move_units) of a member who lost their key.
//!
//! ## Deposits and cleanup
//!
//! Every record that can pile up is paid for until it is removed, and removing it is free:
//!
//! | record | backed by | removed by, and when |
//! |--------|-----------|----------------------|
//! | a pending contribution | [`Config::ContributionDeposit`] | decided (below) |
//! | a decided contribution and its attestations | [`Config::RecordDeposit`], kept of its deposit (on rejection the rest is forfeit) | [`remove_contribution`](Pallet::remove_contribution): its depositor after [`Config::RetentionPeriod`], anyone after twice that |
//! | an open proposal | its deposit | closed or cancelled (below) |
//! | a closed proposal | [`Config::RecordDeposit`], kept of its deposit | [`remove_proposal`](Pallet::remove_proposal), once its votes are removed and a passed call enacted: its proposer [`Config::VoteRetention`] after the vote, anyone after twice that |
//! | a vote | [`Config::VoteDeposit`] | the voter any time after close, anyone after [`Config::VoteRetention`] ([`remove_vote`](Pallet::remove_vote)) |
//! | a voice-credit record | the votes of its epoch (one per voter, scope and epoch; none kept with nothing spent) | anyone, [`remove_voice_credits`](Pallet::remove_voice_credits), once no proposal of its epoch takes votes |
//! | a value-unit holding | [`Config::HoldingFee`], burned from the deposit of the acceptance that creates it | stays: the record of the commons |
//! | a debt | the record deposit of its accepted contribution, whose record stays while the debt does | retired when claimed in full ([`claim_debt`](Pallet::claim_debt)) |
//! | a holder's slots in a project's assets | the holding's [`Config::HoldingFee`] (one record, at most [`Config::MaxProjectAssets`] slots) | stays with the holding |
//! | a project's accounting in an asset, its inboxes | the project's deposit (at most [`Config::MaxProjectAssets`] assets) | with the project |
//! | a project | [`Config::ProjectDeposit`] while open | closed with nothing in it (no holdings, payers, listed accounts, open proposals, debts owed), removed with all its records at `close_project` or later by anyone ([`remove_project`](Pallet::remove_project)); its accounts' balances go to its creator. With holdings it stays, the record of the commons |
//!
//! The removals are free of fees when they remove something (`Pays::No`). Whoever removes a
//! record another left behind is paid [`Config::CleanupShare`] of its deposit; the rest goes
//! back to whoever paid it, who gets all of it back by removing it themselves, and may do so
//! first.
//!
//! **Runtime upgrades** go the way Polkadot's do: the chain votes
//! `system.authorize_upgrade(code_hash)`; once it is enacted, anyone submits the code with
//! `system.apply_authorized_upgrade(code)`. The chain's vote also sets the validator set's
//! invulnerables, desired candidates and bond (pallet-collator-selection), chain and default
//! project governance ([`set_governance`](Pallet::set_governance),
//! [`set_default_governance`](Pallet::set_default_governance)) and every other Root call.

#![cfg_attr(not(feature = "std"), no_std)]
// Runtime code never panics: arithmetic is checked, slices are read with `get`, and what
// cannot happen is handled defensively. Tests and benchmarks may panic.
#![cfg_attr(
	not(test),
	deny(
		clippy::unwrap_used,
		clippy::expect_used,
		clippy::indexing_slicing,
		clippy::arithmetic_side_effects,
		clippy::panic
	)
)]

extern crate alloc;

pub use pallet::*;

mod appeals;
mod assets;
mod cleanup;
mod contributions;
mod debts;
mod enactment;
#[cfg(feature = "std")]
pub mod generator;
mod governance;
mod income;
mod integrity;
// Also in `std` builds: the runtime's fuzzer checks them after every block.
#[cfg(any(feature = "try-runtime", feature = "std", test))]
mod invariants;
mod issuance;
mod membership;
pub mod migrations;
mod origins;
mod projects;
mod queries;
mod review;
pub mod signing;
mod slots;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use enactment::{EnactableCalls, ENACTMENT_SEARCH};
pub use origins::EnsureProjectOrRoot;
pub use signing::{AttestationPayload, ContributionPayload, SignedAttestation};
pub use types::*;
pub use weights::WeightInfo;

// FRAME's pallet macros expand to `expect` (in storage and error metadata). This module holds
// declarations and calls that delegate to the impl files, where every lint applies.
#[allow(clippy::expect_used, reason = "the expansion of FRAME's pallet macros")]
#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		dispatch::{DispatchResultWithPostInfo, GetDispatchInfo},
		pallet_prelude::*,
		traits::{
			fungible::{Inspect, Mutate, MutateHold},
			fungibles,
			schedule::v3::Anon as ScheduleAnon,
			EnsureOriginWithArg, QueryPreimage, StorePreimage,
		},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{
		traits::{Dispatchable, IdentifyAccount, Verify},
		FixedU128, Perbill,
	};

	use crate::signing::{ContributionPayloadOf, SignedAttestationOf};

	/// The holders of the project the income benchmarks pay and claim in: a fixed state of
	/// 100,000 holders, so that the charged weight holds from ten holders to a hundred
	/// thousand (the accounting does not visit holders; the trie is deeper).
	pub const HOLDERS_BENCHMARKED: u32 = 100_000;

	/// The in-code storage version.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(6);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	/// Configuration of the pallet.
	#[pallet::config]
	pub trait Config: frame_system::Config<RuntimeEvent: From<Event<Self>>> {
		/// The native currency, in which deposits are held.
		type Currency: Inspect<Self::AccountId>
			+ Mutate<Self::AccountId>
			+ MutateHold<Self::AccountId, Reason = Self::RuntimeHoldReason>;

		/// The overarching hold reason.
		type RuntimeHoldReason: From<HoldReason>;

		/// The origin that acts for a project: changes its rules and maintainers, closes it.
		type ProjectOrigin: EnsureOriginWithArg<Self::RuntimeOrigin, ProjectId>;

		/// The signature of wallet-signed payloads (`MultiSignature`: sr25519, ed25519, ecdsa).
		type OffchainSignature: Verify<Signer = Self::OffchainPublic>
			+ Parameter
			+ MaxEncodedLen
			+ DecodeWithMemTracking;

		/// The signer of wallet-signed payloads.
		type OffchainPublic: IdentifyAccount<AccountId = Self::AccountId>;

		/// From which the treasury account of every project is derived.
		#[pallet::constant]
		type PalletId: Get<PalletId>;

		/// Paid by the creator of a project: two existential deposits of it endow the project's
		/// income pot and treasury for good; the rest is held until the project is closed.
		#[pallet::constant]
		type ProjectDeposit: Get<BalanceOf<Self>>;

		/// Held from whoever logs a contribution until it is decided. At least the existential
		/// deposit, since a forfeited deposit is paid to the project's treasury.
		#[pallet::constant]
		type ContributionDeposit: Get<BalanceOf<Self>>;

		/// Longest project name, in bytes.
		#[pallet::constant]
		type MaxNameLen: Get<u32>;

		/// Longest project description (or its hash or URI), in bytes.
		#[pallet::constant]
		type MaxMetadataLen: Get<u32>;

		/// Longest evidence (a hash or URI), in bytes.
		#[pallet::constant]
		type MaxEvidenceLen: Get<u32>;

		/// Longest reviewer's note, in bytes.
		#[pallet::constant]
		type MaxNoteLen: Get<u32>;

		/// Longest name or unit of a contribution kind, in bytes.
		#[pallet::constant]
		type MaxLabelLen: Get<u32>;

		/// Most contribution kinds in a value equation.
		#[pallet::constant]
		type MaxKinds: Get<u32>;

		/// Most maintainers of a project.
		#[pallet::constant]
		type MaxMaintainers: Get<u32>;

		/// Most attestations on one contribution. The outcome rules decide every contribution
		/// before this many verdicts are cast.
		#[pallet::constant]
		type MaxReviewers: Get<u32>;

		/// Most wallet-signed attestations relayed in one extrinsic.
		#[pallet::constant]
		type MaxRelayBatch: Get<u32>;

		/// Longest review period a policy may set, in blocks.
		#[pallet::constant]
		type MaxReviewPeriod: Get<BlockNumberFor<Self>>;

		/// Blocks after its decision before anyone may remove a contribution's record.
		#[pallet::constant]
		type RetentionPeriod: Get<BlockNumberFor<Self>>;

		/// Most upstream projects in an income policy.
		#[pallet::constant]
		type MaxUpstreams: Get<u32>;

		/// Most items in a page of the runtime API.
		#[pallet::constant]
		type MaxPageSize: Get<u32>;

		/// Weights of the calls, from the benchmarks.
		type WeightInfo: WeightInfo;

		/// The overarching call type: what proposals dispatch.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin>
			+ GetDispatchInfo
			+ From<Call<Self>>
			+ IsType<<Self as frame_system::Config>::RuntimeCall>;

		/// The caller origin of the runtime, into which the pallet's `Project` origin and Root
		/// convert for the scheduler.
		type PalletsOrigin: From<Origin> + From<frame_system::RawOrigin<Self::AccountId>> + Clone;

		/// Dispatches the calls of passed proposals after their enactment delay.
		type Scheduler: ScheduleAnon<
			BlockNumberFor<Self>,
			<Self as Config>::RuntimeCall,
			Self::PalletsOrigin,
			Hasher = Self::Hashing,
		>;

		/// Where the calls of large proposals are noted (pallet-preimage).
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;

		/// Held from a proposer (and an appellant) while the proposal is open.
		#[pallet::constant]
		type ProposalDeposit: Get<BalanceOf<Self>>;

		/// Most open proposals per scope (and, apart, most open appeals per scope).
		#[pallet::constant]
		type MaxLiveProposals: Get<u32>;

		/// Most open proposals of one proposer in one scope (appeals apart).
		#[pallet::constant]
		type MaxProposalsPerProposer: Get<u32>;

		/// Share of a proposal's deposit forfeited when it fails for lack of turnout (fewer
		/// voters than its quorum or `min_voters`): to the project's treasury, burned at chain
		/// scope.
		#[pallet::constant]
		type ProposalForfeit: Get<Perbill>;

		/// Longest call a proposal may carry (the length of a noted preimage), in bytes.
		#[pallet::constant]
		type MaxCallLen: Get<u32>;

		/// Most stakeholder chambers of a project (at most 8).
		#[pallet::constant]
		type MaxChambers: Get<u32>;

		/// Most projects the chain recognises: their value-unit holders are the chain's members.
		#[pallet::constant]
		type MaxRecognised: Get<u32>;

		/// Blocks per epoch of voice credits. A proposal's votes are charged to the epoch it
		/// was created in, however long it runs.
		#[pallet::constant]
		type EpochLength: Get<BlockNumberFor<Self>>;

		/// Longest voting period a scope may set, in blocks.
		#[pallet::constant]
		type MaxVotingPeriod: Get<BlockNumberFor<Self>>;

		/// Which calls a project's vote may enact (the runtime knows the other pallets' calls).
		type ProjectCalls: EnactableCalls<<Self as Config>::RuntimeCall>;

		/// The most weight the call of a project proposal may take when it is enacted; its
		/// proposer pays for it at `propose`.
		#[pallet::constant]
		type MaxProjectEnactmentWeight: Get<Weight>;

		/// The most weight the call of a chain proposal may take when it is enacted (below the
		/// scheduler's limit, so that a passed call always runs); paid for at `propose`.
		#[pallet::constant]
		type MaxChainEnactmentWeight: Get<Weight>;

		/// Longest call a project proposal may carry, in bytes.
		#[pallet::constant]
		type MaxProjectCallLen: Get<u32>;

		/// Most project enactments scheduled in one block: the rest of the scheduler's agenda
		/// is kept for the chain's.
		#[pallet::constant]
		type MaxProjectEnactmentsPerBlock: Get<u32>;

		/// Blocks after a proposal's voting ends before anyone (not only the voter) may remove
		/// its vote records.
		#[pallet::constant]
		type VoteRetention: Get<BlockNumberFor<Self>>;

		/// Blocks after its rejection during which a contributor may appeal (at most the
		/// retention period).
		#[pallet::constant]
		type AppealWindow: Get<BlockNumberFor<Self>>;

		/// Kept of a contribution's deposit once it is decided, and of a proposal's once it
		/// closes, until the record is removed ([`Pallet::remove_contribution`],
		/// [`Pallet::remove_proposal`]): the records cost what they store until they go.
		#[pallet::constant]
		type RecordDeposit: Get<BalanceOf<Self>>;

		/// Held from a voter for each vote record until it is removed ([`Pallet::remove_vote`]).
		#[pallet::constant]
		type VoteDeposit: Get<BalanceOf<Self>>;

		/// Burned from a contribution's deposit for each value-unit holding its acceptance
		/// creates (the contributor's or a rewarded reviewer's first units in the project):
		/// holdings are the record of the commons and stay, so they are paid for for good.
		#[pallet::constant]
		type HoldingFee: Get<BalanceOf<Self>>;

		/// The share of a record's deposit paid to whoever removes it when that is not the
		/// record's owner (the rest goes back to the owner): cleanup that pays.
		#[pallet::constant]
		type CleanupShare: Get<Perbill>;

		/// Held for each account on a project's list (its `Listed` chamber) until it is removed:
		/// from the project's treasury, or from the maintainer who listed it while the
		/// maintainers act for the project.
		#[pallet::constant]
		type ListDeposit: Get<BalanceOf<Self>>;

		/// The longest tenure the chain may set, in epochs: each project keeps count of its
		/// holders by the epoch they joined in for this many epochs. Changing it needs a
		/// migration that rebuilds [`RecentHolders`].
		#[pallet::constant]
		type MaxTenure: Get<u32>;

		/// Most reviews of one reviewer in one project rewarded per epoch: reviewers approving
		/// each other's work in a ring earn no reviewer rewards beyond it (per account).
		#[pallet::constant]
		type MaxRewardedReviews: Get<u32>;

		/// Most moves of units in a row ([`Pallet::move_units`]) a revocation follows: a move
		/// that would make a longer chain fails with [`Error::TooManyMoves`].
		#[pallet::constant]
		type MaxMoveHops: Get<u32>;

		/// The most a contribution may be owed or paid in money (`price × quantity` of a
		/// reimbursable or one-time kind), so that no claim can fill a project's queue of debts
		/// or overflow its ledger.
		#[pallet::constant]
		type MaxDebt: Get<BalanceOf<Self>>;

		/// The id of an asset of `pallet-assets`.
		type AssetId: Member
			+ Parameter
			+ Copy
			+ Ord
			+ MaxEncodedLen
			+ DecodeWithMemTracking
			+ MaybeSerializeDeserialize;

		/// The assets projects may take income in (`pallet-assets`): registered by the chain's
		/// vote ([`Pallet::register_asset`]), which creates them with the pallet's account in
		/// every role.
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = Self::AssetId, Balance = BalanceOf<Self>>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::Create<Self::AccountId>;

		/// Most assets a project may ever accept (its list keeps those it no longer accepts,
		/// so that their holders can claim): every change of units settles each of them.
		#[pallet::constant]
		type MaxProjectAssets: Get<u32>;

		/// The most of a payment an income policy may pass to upstream projects, in all (below
		/// 100%): each hop passes on less than it received, so income that goes round a cycle of
		/// projects ends with their holders.
		#[pallet::constant]
		type MaxUpstreamShare: Get<Perbill>;

		/// Signs payloads in the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: benchmarking::BenchmarkHelper<
			Self::AccountId,
			Self::OffchainSignature,
			Self::AssetId,
		>;
	}

	/// Why the pallet holds funds.
	#[pallet::composite_enum]
	pub enum HoldReason {
		/// A project's creation deposit.
		ProjectDeposit,
		/// A contribution's deposit.
		ContributionDeposit,
		/// A proposal's (or an appeal's) deposit.
		ProposalDeposit,
		/// The deposit of an account on a project's list.
		ListDeposit,
		/// The deposit of a vote record.
		VoteDeposit,
	}

	/// The origin of a project's passed proposals: the project's own vote.
	#[pallet::origin]
	#[derive(
		Clone,
		Copy,
		PartialEq,
		Eq,
		Debug,
		Encode,
		Decode,
		DecodeWithMemTracking,
		TypeInfo,
		MaxEncodedLen,
	)]
	pub enum Origin {
		/// The project's members decided by vote.
		Project(ProjectId),
	}

	/// The id the next project gets.
	#[pallet::storage]
	pub type NextProjectId<T> = StorageValue<_, ProjectId, ValueQuery>;

	/// Projects, by id. Kept after closing: the record of value units stays.
	#[pallet::storage]
	pub type Projects<T: Config> = StorageMap<_, Blake2_128Concat, ProjectId, Project<T>>;

	/// The current value equation of each project.
	#[pallet::storage]
	pub type ValueEquations<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, ValueEquation<T>>;

	/// The current review policy of each project.
	#[pallet::storage]
	pub type ReviewPolicies<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, ReviewPolicy<BlockNumberFor<T>>>;

	/// The id the next contribution gets.
	#[pallet::storage]
	pub type NextContributionId<T> = StorageValue<_, ContributionId, ValueQuery>;

	/// Contributions, by id, until their record is removed after the retention period.
	#[pallet::storage]
	pub type Contributions<T: Config> =
		StorageMap<_, Blake2_128Concat, ContributionId, Contribution<T>>;

	/// Pending contributions of each project (an index for reviewers and clients).
	#[pallet::storage]
	pub type PendingContributions<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ProjectId, Twox64Concat, ContributionId, ()>;

	/// Attestations, by contribution and reviewer. Removed with their contribution.
	#[pallet::storage]
	pub type Attestations<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ContributionId,
		Blake2_128Concat,
		T::AccountId,
		Attestation<T>,
	>;

	/// Value units of each account in each project.
	#[pallet::storage]
	pub type Holdings<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		Holding<BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// How each project splits its income (none: everything to the holders).
	#[pallet::storage]
	pub type IncomePolicies<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, IncomePolicy<T>>;

	/// The income accounting of each project.
	#[pallet::storage]
	pub type IncomeStates<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, IncomeState<BalanceOf<T>>, ValueQuery>;

	/// What a project owes for accepted contributions, by contributor and contribution: repaid
	/// from its `Debts` bucket oldest first and retired when claimed in full. Backed by the
	/// contribution's record deposit (the record stays while its debt does).
	#[pallet::storage]
	pub type Debts<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		ContributionId,
		Debt<T::AccountId, BalanceOf<T>>,
	>;

	/// Each project's debt accounting: owed, repaid and claimed in all.
	#[pallet::storage]
	pub type DebtLedgers<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, DebtLedger<BalanceOf<T>>, ValueQuery>;

	/// The assets the chain's vote registered: sufficient assets of `pallet-assets` whose owner,
	/// issuer, admin and freezer are the pallet's asset account, so that nobody can mint,
	/// freeze or burn them but the chain's vote (through `pallet-assets`' force calls). Backed
	/// by the vote that registered them.
	#[pallet::storage]
	pub type RegisteredAssets<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, RegisteredAsset<BalanceOf<T>>>;

	/// The assets each project has accepted, in the order it first accepted them (backed by
	/// the project's deposit; at most [`Config::MaxProjectAssets`]).
	#[pallet::storage]
	pub type ProjectAssets<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, ProjectAssetsOf<T>, ValueQuery>;

	/// The income accounting of each project in each asset it accepted, as [`IncomeStates`]
	/// for the native currency. Backed by the project's deposit.
	#[pallet::storage]
	pub type AssetIncomeStates<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AssetId,
		IncomeState<BalanceOf<T>>,
		ValueQuery,
	>;

	/// What each project's treasury holds in each asset (in the pallet's asset account).
	/// Backed by the project's deposit.
	#[pallet::storage]
	pub type AssetTreasuries<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AssetId,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// Income in an asset passed to a project from downstream, not yet forwarded (as
	/// [`UpstreamInbox`]). Backed by the project's deposit.
	#[pallet::storage]
	pub type AssetInboxes<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AssetId,
		BalanceOf<T>,
		ValueQuery,
	>;

	/// Each holder's income in the assets of a project, one slot per asset on its list: part
	/// of the holding, paid for by its [`Config::HoldingFee`], and kept with it.
	#[pallet::storage]
	pub type AssetHoldings<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		AssetSlotsOf<T>,
		ValueQuery,
	>;

	/// The asset a debt is owed in, for debts not owed in the native currency (beside the
	/// [`Debts`] entry, backed by the same record deposit, and retired with it).
	#[pallet::storage]
	pub type DebtAssets<T: Config> = StorageMap<_, Twox64Concat, ContributionId, T::AssetId>;

	/// Each project's debt accounting in each asset, as [`DebtLedgers`] for the native
	/// currency: debts in an asset are repaid oldest first from income in it. Backed by the
	/// project's deposit.
	#[pallet::storage]
	pub type AssetDebtLedgers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AssetId,
		DebtLedger<BalanceOf<T>>,
		ValueQuery,
	>;

	/// Income passed to a project by the projects downstream of it, in its income pot, not yet
	/// split by its own policy: [`Pallet::forward_income`] (anyone) or the project's next
	/// payment splits it. Backed by the project's deposit; removed with the project.
	#[pallet::storage]
	pub type UpstreamInbox<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, BalanceOf<T>, ValueQuery>;

	/// The nonce a contributor's next wallet-signed contribution must carry.
	#[pallet::storage]
	pub type SignedContributionNonce<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The id the next proposal gets.
	#[pallet::storage]
	pub type NextProposalId<T> = StorageValue<_, ProposalId, ValueQuery>;

	/// Proposals, by id. Kept after closing: the record of the decision stays.
	#[pallet::storage]
	pub type Proposals<T: Config> = StorageMap<_, Blake2_128Concat, ProposalId, Proposal<T>>;

	/// Open proposals of each scope (at most [`Config::MaxLiveProposals`]), appeals escalated
	/// to the chain apart.
	#[pallet::storage]
	pub type LiveProposals<T: Config> = StorageMap<_, Blake2_128Concat, Scope, u32, ValueQuery>;

	/// Open appeals decided in each project (at most [`Config::MaxLiveProposals`]), counted
	/// apart from its proposals so that they cannot crowd each other out.
	#[pallet::storage]
	pub type LiveProjectAppeals<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, u32, ValueQuery>;

	/// Open proposals of each proposer in each scope (at most
	/// [`Config::MaxProposalsPerProposer`]; appeals apart). Removed at zero; each counted
	/// proposal holds its deposit.
	#[pallet::storage]
	pub type OpenProposals<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Scope,
		Blake2_128Concat,
		T::AccountId,
		u32,
		ValueQuery,
	>;

	/// Open appeals escalated to the chain (at most [`Config::MaxLiveProposals`]). Counted
	/// apart from the chain's own proposals, so that appeals, which anyone with a rejected
	/// contribution may open, cannot crowd out the chain's governance.
	#[pallet::storage]
	pub type LiveChainAppeals<T> = StorageValue<_, u32, ValueQuery>;

	/// Votes, by proposal and voter, each holding [`Config::VoteDeposit`] until removed after
	/// the proposal closes.
	#[pallet::storage]
	pub type Votes<T: Config> = StorageDoubleMap<
		_,
		Twox64Concat,
		ProposalId,
		Blake2_128Concat,
		T::AccountId,
		Vote<BalanceOf<T>>,
	>;

	/// Voice credits of each member, by scope and epoch.
	#[pallet::storage]
	pub type VoiceCredits<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		(Scope, Epoch),
		Blake2_128Concat,
		T::AccountId,
		CreditAccount,
	>;

	/// Governance parameters until genesis or a vote sets others.
	#[pallet::type_value]
	pub fn DefaultGovernance<T: Config>() -> GovernanceParams<BlockNumberFor<T>> {
		GovernanceParams {
			budget: Budget::Equal(100),
			quorum: Perbill::from_percent(20),
			voting_period: T::EpochLength::get(),
			enactment_delay: T::EpochLength::get(),
			min_voters: 1,
		}
	}

	/// How the chain votes (its budget is always equal).
	#[pallet::storage]
	pub type ChainGovernance<T: Config> =
		StorageValue<_, GovernanceParams<BlockNumberFor<T>>, ValueQuery, DefaultGovernance<T>>;

	/// How projects without their own parameters vote.
	#[pallet::storage]
	pub type DefaultProjectGovernance<T: Config> =
		StorageValue<_, GovernanceParams<BlockNumberFor<T>>, ValueQuery, DefaultGovernance<T>>;

	/// The least governance parameters of any project, set by the chain's vote: no project
	/// (and no default) goes below them, and parameters set before a floor was raised are
	/// read as raised to it.
	#[pallet::storage]
	pub type GovernanceFloors<T: Config> =
		StorageValue<_, GovernanceFloor<BlockNumberFor<T>>, ValueQuery>;

	/// Project enactments scheduled for each block (at most
	/// [`Config::MaxProjectEnactmentsPerBlock`]); forgotten when the block begins.
	#[pallet::storage]
	pub type ProjectEnactments<T: Config> =
		StorageMap<_, Twox64Concat, BlockNumberFor<T>, u32, ValueQuery>;

	/// How each project votes, if it chose (by vote) its own parameters.
	#[pallet::storage]
	pub type ProjectGovernance<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, GovernanceParams<BlockNumberFor<T>>>;

	/// The stakeholder chambers of each project (none: one chamber of value-unit holders).
	#[pallet::storage]
	pub type ProjectChambers<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, ChambersOf<T>, ValueQuery>;

	/// The list each project keeps for its `Listed` chamber: members, since when, and the
	/// deposit each entry holds until it is removed.
	#[pallet::storage]
	pub type ChamberList<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		ListEntry<T::AccountId, BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// Accounts on each project's list.
	#[pallet::storage]
	pub type ChamberListCount<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, u32, ValueQuery>;

	/// What accounts paid each project in all (payments of at least the existential deposit),
	/// and since when they are members of its `Payers` chamber. Removed when the payer leaves.
	#[pallet::storage]
	pub type Payers<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		Payer<BalanceOf<T>, BlockNumberFor<T>>,
	>;

	/// Members of each project's `Payers` chamber: payers whose payments reached its
	/// `min_paid`.
	#[pallet::storage]
	pub type PayerCount<T: Config> = StorageMap<_, Blake2_128Concat, ProjectId, u32, ValueQuery>;

	/// What an account must have paid a project in all to join its `Payers` chamber, if the
	/// project chose (never below the chain's [`MembershipRules`] `min_paid`, which applies
	/// otherwise).
	#[pallet::storage]
	pub type MinPaid<T: Config> = StorageMap<_, Blake2_128Concat, ProjectId, BalanceOf<T>>;

	/// Membership rules until the chain's vote sets others: no tenure, a payer joins after
	/// paying as much as a proposal deposit, no review floor beyond holders' or maintainers'
	/// review without optimistic acceptance.
	#[pallet::type_value]
	pub fn DefaultMembershipRules<T: Config>() -> MembershipRules<BalanceOf<T>, BlockNumberFor<T>> {
		MembershipRules {
			tenure: 0,
			min_paid: T::ProposalDeposit::get(),
			review: Default::default(),
		}
	}

	/// The chain's rules for membership: the tenure of chain members, the least `min_paid` of
	/// a `Payers` chamber, the review floor of recognised projects.
	#[pallet::storage]
	pub type Membership<T: Config> = StorageValue<
		_,
		MembershipRules<BalanceOf<T>, BlockNumberFor<T>>,
		ValueQuery,
		DefaultMembershipRules<T>,
	>;

	/// Holders of each project counted by the epoch in which they became holders, for the
	/// last [`Config::MaxTenure`] epochs (older entries are dropped when the next is written;
	/// genesis holdings are not counted): the chain's member count leaves out those within
	/// the tenure.
	#[pallet::storage]
	pub type RecentHolders<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, RecentHoldersOf<T>, ValueQuery>;

	/// Reviews of each reviewer rewarded in each project in the latest epoch they were
	/// rewarded in. Removed with the reviewer's units.
	#[pallet::storage]
	pub type ReviewRewards<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		RewardedReviews,
	>;

	/// The projects whose value-unit holders are the chain's members.
	#[pallet::storage]
	pub type RecognisedProjects<T: Config> =
		StorageValue<_, BoundedVec<ProjectId, T::MaxRecognised>, ValueQuery>;

	/// The last block in which a passed proposal of each project is scheduled to be enacted:
	/// until then (and while a proposal of the project is open) its accepted contributions'
	/// records stay, so that a revocation voted for them finds them. One per project, removed
	/// with it.
	#[pallet::storage]
	pub type ProjectEnactedUntil<T: Config> =
		StorageMap<_, Blake2_128Concat, ProjectId, BlockNumberFor<T>>;

	/// The appeal proposal of each appealed contribution (one appeal per contribution).
	#[pallet::storage]
	pub type Appeals<T: Config> = StorageMap<_, Blake2_128Concat, ContributionId, ProposalId>;

	/// The deposit a rejected contribution forfeited to its project's treasury, returned if
	/// an appeal passes.
	#[pallet::storage]
	pub type Forfeited<T: Config> = StorageMap<_, Blake2_128Concat, ContributionId, BalanceOf<T>>;

	/// Moves of units by the project's vote: where each moved account's units went, and how
	/// many moves led into an account's units. A revocation burns the units where they went
	/// (at most [`Config::MaxMoveHops`] moves on); a record replaces the holding a move
	/// removes, and its `moved_to` is cleared when its account receives units back by a move.
	#[pallet::storage]
	pub type UnitMoves<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ProjectId,
		Blake2_128Concat,
		T::AccountId,
		MoveRecord<T::AccountId>,
		ValueQuery,
	>;

	/// Each holding's units at the start of the epochs in which they changed (for budgets).
	#[pallet::storage]
	pub type HoldingMarks<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, ProjectId, Blake2_128Concat, T::AccountId, UnitsMark>;

	/// Each project's total units at the start of the epochs in which they changed.
	#[pallet::storage]
	pub type TotalMarks<T: Config> = StorageMap<_, Blake2_128Concat, ProjectId, UnitsMark>;

	/// Genesis: the founding project the chain recognises, its founders' units, and how the
	/// chain and new projects vote.
	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The founding project, recognised by the chain (none: the chain has no members).
		pub founding_project: Option<FoundingProject<T::AccountId>>,
		/// Value units of the founders in the founding project.
		pub founders: alloc::vec::Vec<Founder<T::AccountId>>,
		/// The chain's governance (none: the default, [`DefaultGovernance`]).
		pub chain_governance: Option<GovernanceParams<BlockNumberFor<T>>>,
		/// The default governance of projects (none: [`DefaultGovernance`]).
		pub project_governance: Option<GovernanceParams<BlockNumberFor<T>>>,
		/// The least governance parameters of projects (none: no floor).
		pub governance_floor: Option<GovernanceFloor<BlockNumberFor<T>>>,
		/// The chain's membership rules (none: [`DefaultMembershipRules`]); the founding
		/// project's review policy must be above their floor.
		pub membership: Option<MembershipRules<u128, BlockNumberFor<T>>>,
		/// Assets registered at genesis, with their first balances.
		pub assets: alloc::vec::Vec<GenesisAsset<T::AssetId, T::AccountId>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		// A chain whose genesis is wrong must not start: building it panics with the reason.
		#[allow(clippy::expect_used, reason = "genesis is checked by building it")]
		fn build(&self) {
			if let Some(floor) = self.governance_floor {
				GovernanceFloors::<T>::put(floor);
			}
			if let Some(params) = self.chain_governance {
				Pallet::<T>::ensure_valid_governance(Scope::Chain, &params)
					.expect("genesis: the chain's governance is valid");
				ChainGovernance::<T>::put(params);
			}
			if let Some(rules) = self.membership {
				let min_paid = BalanceOf::<T>::try_from(rules.min_paid)
					.ok()
					.expect("genesis: the membership rules' min_paid fits a balance");
				let rules =
					MembershipRules { tenure: rules.tenure, min_paid, review: rules.review };
				Pallet::<T>::ensure_valid_membership(&rules)
					.expect("genesis: the membership rules are valid");
				Membership::<T>::put(rules);
			}
			if let Some(params) = self.project_governance {
				Pallet::<T>::ensure_valid_governance(Scope::Project(0), &params)
					.expect("genesis: the projects' default governance is valid");
				DefaultProjectGovernance::<T>::put(params);
			}
			if let Some(FoundingProject { creator, name }) = &self.founding_project {
				let id = Pallet::<T>::create_founding_project(creator, name)
					.expect("genesis: the founding project can be created");
				for Founder { who, units } in &self.founders {
					Pallet::<T>::mint(id, who, *units).expect("genesis: founders' units mint");
				}
			} else {
				assert!(self.founders.is_empty(), "genesis: founders need a founding project");
			}
			for GenesisAsset { id, min_balance, max_debt, balances } in &self.assets {
				let amount = |x: u128| {
					BalanceOf::<T>::try_from(x)
						.ok()
						.expect("genesis: an asset amount fits a balance")
				};
				Pallet::<T>::do_register_asset(*id, amount(*min_balance), amount(*max_debt))
					.expect("genesis: the asset registers");
				for (who, balance) in balances {
					<T::Assets as fungibles::Mutate<_>>::mint_into(*id, who, amount(*balance))
						.expect("genesis: the asset's balances mint");
				}
			}
		}
	}

	/// Events of the pallet.
	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A project was created.
		ProjectCreated { project: ProjectId, creator: T::AccountId, deposit: BalanceOf<T> },
		/// A project's value equation changed.
		ValueEquationSet { project: ProjectId, version: Version, kinds: KindsOf<T> },
		/// A project's review policy changed.
		ReviewPolicySet {
			project: ProjectId,
			version: Version,
			rules: ReviewRules<BlockNumberFor<T>>,
		},
		/// A project's maintainers changed.
		MaintainersSet { project: ProjectId, maintainers: MaintainersOf<T> },
		/// A project was closed and its deposit released.
		ProjectClosed { project: ProjectId },
		/// A closed project with nothing in it (no holdings, payers or listed accounts) was
		/// removed with all its records; its accounts' balances went to its creator.
		ProjectRemoved { project: ProjectId },
		/// A closed proposal's record was removed.
		ProposalRemoved { proposal: ProposalId },
		/// A past epoch's voice-credit record was removed.
		VoiceCreditsRemoved { scope: Scope, epoch: Epoch, who: T::AccountId },
		/// Whoever removed a record left by another was paid a share of its deposit.
		CleanupRewarded { who: T::AccountId, amount: BalanceOf<T> },
		/// Fees for the holdings an acceptance created were burned from its deposit.
		HoldingFeesBurned { contribution: ContributionId, holdings: u32, amount: BalanceOf<T> },
		/// A contribution was logged.
		ContributionSubmitted {
			contribution: ContributionId,
			project: ProjectId,
			contributor: T::AccountId,
			kind: KindIndex,
			quantity: Quantity,
			depositor: T::AccountId,
		},
		/// A contribution was withdrawn by its contributor.
		ContributionWithdrawn { contribution: ContributionId },
		/// A reviewer's attestation counted.
		Attested {
			contribution: ContributionId,
			reviewer: T::AccountId,
			verdict: Verdict,
			assessed_quantity: Option<Quantity>,
			assessed_rate: Option<FixedU128>,
			relayed: bool,
		},
		/// A relayed attestation did not count: `error` is what the `attest` call would have
		/// failed with (or the signature's error).
		AttestationFailed { index: u32, reviewer: T::AccountId, error: DispatchError },
		/// A contribution was accepted and units minted.
		ContributionAccepted {
			contribution: ContributionId,
			assessed: Quantity,
			units: Units,
			reviewer_units: Units,
			equation_version: Version,
		},
		/// A contribution was rejected; its deposit went to the project's treasury.
		ContributionRejected { contribution: ContributionId, forfeited: BalanceOf<T> },
		/// A contribution's review period ended without a decision.
		ContributionExpired { contribution: ContributionId },
		/// A decided contribution's record and attestations were removed.
		ContributionRemoved { contribution: ContributionId },
		/// Value units were minted.
		UnitsMinted { project: ProjectId, who: T::AccountId, units: Units },
		/// A project's income policy changed: its buckets in the order they are paid.
		IncomePolicySet { project: ProjectId, version: Version, buckets: BucketsOf<T> },
		/// Income was paid to a project, and split.
		IncomePaid {
			project: ProjectId,
			payer: T::AccountId,
			amount: BalanceOf<T>,
			to_holders: BalanceOf<T>,
			to_treasury: BalanceOf<T>,
			to_upstream: BalanceOf<T>,
			to_debts: BalanceOf<T>,
		},
		/// A project owes `amount` for an accepted contribution (reimbursable, or a bounty its
		/// treasury could not pay).
		DebtRecorded {
			project: ProjectId,
			contribution: ContributionId,
			creditor: T::AccountId,
			amount: BalanceOf<T>,
			/// The asset it is owed in (`None`: the native currency).
			asset: Option<T::AssetId>,
		},
		/// A project's treasury paid the bounty of an accepted one-time contribution.
		BountyPaid {
			project: ProjectId,
			contribution: ContributionId,
			to: T::AccountId,
			amount: BalanceOf<T>,
			/// The asset it was paid in (`None`: the native currency).
			asset: Option<T::AssetId>,
		},
		/// What was repaid of a debt was paid out to its creditor (in `asset`; `None`: the
		/// native currency).
		DebtClaimed {
			contribution: ContributionId,
			creditor: T::AccountId,
			amount: BalanceOf<T>,
			asset: Option<T::AssetId>,
		},
		/// A debt was repaid and claimed (or forgiven) in full, and retired.
		DebtSettled { contribution: ContributionId },
		/// What was not yet repaid of a revoked contribution's debt was forgiven once the
		/// queue reached it: the debts after it are repaid next.
		DebtForgiven {
			contribution: ContributionId,
			amount: BalanceOf<T>,
			asset: Option<T::AssetId>,
		},
		/// A project's treasury repaid `amount` of its debts, oldest first.
		DebtsRepaid { project: ProjectId, amount: BalanceOf<T> },
		/// A project's treasury in an asset repaid `amount` of its debts in it, oldest first.
		AssetDebtsRepaid { project: ProjectId, asset: T::AssetId, amount: BalanceOf<T> },
		/// Part of a project's income was passed to an upstream project, into its inbox: it is
		/// split by the upstream project's own policy when forwarded.
		UpstreamPaid { from: ProjectId, to: ProjectId, amount: BalanceOf<T> },
		/// The chain's vote registered an asset projects may take income in; its minimum
		/// balance was minted into the pallet's asset account, which keeps it for good.
		AssetRegistered { asset: T::AssetId, min_balance: BalanceOf<T>, max_debt: BalanceOf<T> },
		/// The assets a project takes income in now.
		AcceptedAssetsSet { project: ProjectId, assets: AssetListOf<T> },
		/// Income in an asset was paid to a project, and split.
		AssetIncomePaid {
			project: ProjectId,
			asset: T::AssetId,
			payer: T::AccountId,
			amount: BalanceOf<T>,
			to_holders: BalanceOf<T>,
			to_treasury: BalanceOf<T>,
			to_upstream: BalanceOf<T>,
			to_debts: BalanceOf<T>,
		},
		/// Part of a project's income in an asset was passed to an upstream project's inbox.
		AssetUpstreamPaid {
			from: ProjectId,
			to: ProjectId,
			asset: T::AssetId,
			amount: BalanceOf<T>,
		},
		/// Income in an asset a project received from downstream was split by its own policy.
		AssetIncomeForwarded {
			project: ProjectId,
			asset: T::AssetId,
			amount: BalanceOf<T>,
			to_holders: BalanceOf<T>,
			to_treasury: BalanceOf<T>,
			to_upstream: BalanceOf<T>,
			to_debts: BalanceOf<T>,
		},
		/// A holder's income in an asset was paid out.
		AssetIncomeClaimed {
			project: ProjectId,
			asset: T::AssetId,
			who: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// A project's treasury paid an account in an asset.
		AssetTreasurySpent {
			project: ProjectId,
			asset: T::AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		},
		/// Income a project received from downstream was split by its own policy.
		IncomeForwarded {
			project: ProjectId,
			amount: BalanceOf<T>,
			to_holders: BalanceOf<T>,
			to_treasury: BalanceOf<T>,
			to_upstream: BalanceOf<T>,
			to_debts: BalanceOf<T>,
		},
		/// A holder's income was paid out.
		IncomeClaimed { project: ProjectId, who: T::AccountId, amount: BalanceOf<T> },
		/// A project's treasury paid an account.
		TreasurySpent { project: ProjectId, to: T::AccountId, amount: BalanceOf<T> },
		/// A proposal was made; it takes votes until `ends`.
		Proposed {
			proposal: ProposalId,
			scope: Scope,
			proposer: T::AccountId,
			ends: BlockNumberFor<T>,
		},
		/// A member voted (`votes` 0: withdrew their vote); `spent` is what they have now spent
		/// of the epoch's credits.
		Voted { proposal: ProposalId, who: T::AccountId, aye: bool, votes: u32, spent: Credits },
		/// A closed proposal's vote record was removed.
		VoteRemoved { proposal: ProposalId, who: T::AccountId },
		/// A proposal was cancelled by its proposer; the deposit was released.
		ProposalCancelled { proposal: ProposalId },
		/// A proposal was closed (`early`: before its voting period ended, its outcome being
		/// certain); if it passed, its call is dispatched at `enactment` with the scope's
		/// origin (the scheduler's `Dispatched` event records the result).
		ProposalClosed {
			proposal: ProposalId,
			passed: bool,
			early: bool,
			enactment: Option<BlockNumberFor<T>>,
			tallies: BoundedVec<Tally, T::MaxChambers>,
		},
		/// A rejected contribution was appealed, asking `quantity`: a proposal decides it, in
		/// the project if it has members besides its maintainers, otherwise in the chain.
		Appealed {
			contribution: ContributionId,
			proposal: ProposalId,
			scope: Scope,
			quantity: Quantity,
		},
		/// An appeal passed: the contribution is accepted and its forfeited deposit returned.
		AppealAccepted {
			contribution: ContributionId,
			units: Units,
			reviewer_units: Units,
			refunded: BalanceOf<T>,
		},
		/// An accepted contribution was revoked and its units burned.
		ContributionRevoked { contribution: ContributionId, burned: Units },
		/// Value units were burned.
		UnitsBurned { project: ProjectId, who: T::AccountId, units: Units },
		/// A member's units (and unclaimed income) moved to another account.
		UnitsMoved { project: ProjectId, from: T::AccountId, to: T::AccountId, units: Units },
		/// Part of the deposit of a proposal that failed for lack of turnout was forfeited: to
		/// the project's treasury, or burned at chain scope.
		ProposalDepositForfeited { proposal: ProposalId, amount: BalanceOf<T> },
		/// A scope's governance parameters changed.
		GovernanceSet { scope: Scope, params: GovernanceParams<BlockNumberFor<T>> },
		/// The default governance of projects changed.
		DefaultGovernanceSet { params: GovernanceParams<BlockNumberFor<T>> },
		/// A project's stakeholder chambers changed.
		ChambersSet { project: ProjectId, chambers: ChambersOf<T> },
		/// An account joined or left a project's list (its `Listed` chamber).
		ChamberMemberSet { project: ProjectId, who: T::AccountId, listed: bool },
		/// The chain recognised a project (its holders are chain members), or stopped.
		ProjectRecognised { project: ProjectId, recognised: bool },
		/// The chain set the least governance parameters of projects.
		GovernanceFloorSet { floor: GovernanceFloor<BlockNumberFor<T>> },
		/// A runtime upgrade changed the encoding of the proposal's call: it was taken off the
		/// vote (its deposit released) or, passed, will not be dispatched.
		ProposalVoided { proposal: ProposalId },
		/// A payer's payments to a project reached its `min_paid`: a member of its `Payers`
		/// chamber from now on.
		PayerJoined { project: ProjectId, who: T::AccountId, paid: BalanceOf<T> },
		/// A member left a project's `Payers` or `Listed` chamber; its record was removed (and
		/// a list entry's deposit released).
		ChamberLeft { project: ProjectId, who: T::AccountId, rule: ChamberRule },
		/// A project set what a payer must pay it in all to join its `Payers` chamber.
		MinPaidSet { project: ProjectId, min_paid: BalanceOf<T> },
		/// The chain set its membership rules.
		MembershipRulesSet { rules: MembershipRules<BalanceOf<T>, BlockNumberFor<T>> },
	}

	/// Errors of the pallet.
	#[pallet::error]
	pub enum Error<T> {
		/// No project with this id.
		UnknownProject,
		/// The project is closed.
		ProjectClosed,
		/// The project still has pending contributions.
		PendingContributions,
		/// No kind with this index in the project's value equation.
		UnknownKind,
		/// A value equation needs at least one kind.
		NoKinds,
		/// A kind's rate must be above zero.
		ZeroRate,
		/// The review policy is invalid: a minimum of zero approvals or more than
		/// `MaxReviewers`, a zero threshold, a zero review period or one above the maximum.
		InvalidPolicy,
		/// A project needs at least one maintainer.
		NoMaintainers,
		/// An account appears twice among the maintainers.
		DuplicateMaintainer,
		/// No contribution with this id.
		UnknownContribution,
		/// The quantity must be above zero.
		ZeroQuantity,
		/// The contribution is not pending.
		NotPending,
		/// Only the contributor may do this.
		NotContributor,
		/// The contributor cannot review their own contribution.
		SelfReview,
		/// The review policy does not let this account review.
		NotAllowedToReview,
		/// This reviewer already counted on this contribution.
		AlreadyAttested,
		/// The contribution is decided, or its review period is over.
		ReviewClosed,
		/// The review period is not over yet.
		ReviewOngoing,
		/// The assessed quantity is zero or above the claim.
		BadAssessment,
		/// The record is still within its retention period, or not decided.
		NotRemovable,
		/// The signature was made for another chain.
		ForeignChain,
		/// The signed payload is not of the expected kind.
		WrongDomain,
		/// The signed payload has expired.
		SignatureExpired,
		/// The signature does not match the payload and the signer.
		BadSignature,
		/// The nonce of a signed contribution is not the contributor's current one.
		BadNonce,
		/// No relayed attestation counted. (The failed call's events are discarded: dry-run the
		/// batch to read the `AttestationFailed` reason of each item.)
		NoValidAttestation,
		/// The amount must be above zero.
		ZeroAmount,
		/// No income is pending for this account in this project.
		NothingToClaim,
		/// The income policy is invalid: shares above 100% in total, the project itself or a
		/// project twice among the upstream.
		InvalidIncomePolicy,
		/// No proposal with this id.
		UnknownProposal,
		/// The account is not a member of the scope (or was not when the proposal was made).
		NotMember,
		/// The vote costs more voice credits than are left in the epoch.
		NotEnoughCredits,
		/// The proposal is not open.
		ProposalNotOpen,
		/// The proposal's voting period is over.
		VotingOver,
		/// The proposal's voting period is not over yet, and its outcome not certain.
		VotingOngoing,
		/// The scope has the most open proposals allowed.
		TooManyProposals,
		/// Votes were cast on the proposal: it can no longer be cancelled.
		VotesCast,
		/// Only the proposer may do this.
		NotProposer,
		/// The account has no vote on this proposal.
		NotVoted,
		/// The vote record may be removed only by its voter, or by anyone after the retention.
		VoteRetained,
		/// The call is longer than `MaxCallLen`.
		CallTooLarge,
		/// The proposal's call is not a call of this runtime.
		UndecodableCall,
		/// The call's preimage is not noted (note it with pallet-preimage first).
		PreimageMissing,
		/// The contribution was not rejected.
		NotRejected,
		/// The contribution was not accepted.
		NotAccepted,
		/// The appeal window of the contribution has closed.
		AppealWindowClosed,
		/// The contribution has already been appealed.
		AlreadyAppealed,
		/// Invalid governance parameters: zero credits, a voting period of zero or longer than
		/// `MaxVotingPeriod`, a share budget with `min > max` or at chain scope, zero `min_voters`, a
		/// chamber rule twice.
		InvalidGovernance,
		/// The chain recognises the most projects allowed.
		TooManyRecognised,
		/// The account holds no units in the project.
		NoUnits,
		/// Units cannot move to the account they are in.
		SameAccount,
		/// Cannot happen: a defensive check of the pallet's own bookkeeping failed. Nothing
		/// changed; please report it.
		Unexpected,
		/// A project's vote may enact only that project's own calls (and a short batch of them).
		CallNotAllowed,
		/// The call would take more weight when enacted than its scope allows.
		EnactmentTooHeavy,
		/// No block within `ENACTMENT_SEARCH` blocks of the enactment has room in its agenda.
		AgendaFull,
		/// The parameters go below the chain's floor for projects.
		BelowFloor,
		/// The proposer has the most open proposals allowed in this scope.
		TooManyOpenProposals,
		/// Only members of a `Payers` or `Listed` chamber may leave it.
		CannotLeave,
		/// Invalid membership rules: a tenure above `MaxTenure`, or a review floor no policy
		/// can meet (more approvals than `MaxReviewers`, a review period above the maximum).
		InvalidMembershipRules,
		/// The project's review policy is below the chain's floor for recognised projects.
		PolicyBelowFloor,
		/// These units already moved [`Config::MaxMoveHops`] times in a row.
		TooManyMoves,
		/// This account's units were moved away before: it is a lost key, and moving it again
		/// would lose the trail a revocation follows.
		AlreadyMoved,
		/// The record is still needed: a proposal still open, voted on, within its vote
		/// retention or awaiting enactment; voice credits of an epoch still voting.
		NotRemovableYet,
		/// There is no such record.
		NoSuchRecord,
		/// A wallet-signed attestation names another contributor or content than the
		/// contribution with its id: it was signed for other work.
		ContentMismatch,
		/// A kind paid in money has a price of zero.
		ZeroPrice,
		/// A kind's highest rate is not above its lowest.
		InvalidRateRange,
		/// The assessed rate is outside the range of the contribution's kind.
		BadRateAssessment,
		/// The contribution has no debt owed for it.
		NoDebt,
		/// A debt is still owed for this contribution: its record stays until it is claimed.
		DebtOutstanding,
		/// The project owes debts not yet repaid: it may not close, and its income policy keeps
		/// a `Debts` bucket.
		DebtsOwed,
		/// What the contribution would be owed or paid is above [`Config::MaxDebt`].
		DebtTooLarge,
		/// The upstream buckets of an income policy add up to more than
		/// [`Config::MaxUpstreamShare`].
		UpstreamShareTooHigh,
		/// The project has no income from downstream waiting to be forwarded.
		NothingToForward,
		/// The asset is already registered.
		AssetRegistered,
		/// The asset is not registered by the chain's vote.
		UnknownAsset,
		/// The project does not take income in this asset.
		AssetNotAccepted,
		/// The project has accepted [`Config::MaxProjectAssets`] assets already.
		TooManyAssets,
		/// The same asset is listed twice.
		DuplicateAsset,
		/// An asset's minimum balance must be above zero.
		ZeroMinBalance,
		/// The project's treasury holds less than that in the asset.
		TreasuryTooLow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn on_initialize(n: BlockNumberFor<T>) -> Weight {
			Self::forget_enactments(n)
		}

		fn integrity_test() {
			Self::do_integrity_test()
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call(weight(<T as Config>::WeightInfo))]
	impl<T: Config> Pallet<T> {
		/// Opens a project. Holds [`Config::ProjectDeposit`] from the caller, who becomes its
		/// first maintainer. `kinds` is the initial value equation and `rules` the initial
		/// review policy (both version 1).
		#[pallet::call_index(0)]
		#[pallet::weight(
			T::WeightInfo::create_project().saturating_add(Pallet::<T>::kinds_read_weight())
		)]
		pub fn create_project(
			origin: OriginFor<T>,
			name: NameOf<T>,
			metadata: MetadataOf<T>,
			kinds: KindsOf<T>,
			rules: ReviewRules<BlockNumberFor<T>>,
		) -> DispatchResult {
			let creator = ensure_signed(origin)?;
			Self::do_create_project(creator, name, metadata, kinds, rules).map(|_| ())
		}

		/// Replaces a project's value equation (its version goes up by one). Project origin.
		#[pallet::call_index(1)]
		#[pallet::weight(
			T::WeightInfo::set_value_equation().saturating_add(Pallet::<T>::kinds_read_weight())
		)]
		pub fn set_value_equation(
			origin: OriginFor<T>,
			project: ProjectId,
			kinds: KindsOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_value_equation(project, kinds)
		}

		/// Replaces a project's review policy (its version goes up by one). Contributions
		/// already pending keep the rules they were submitted under. Project origin.
		#[pallet::call_index(2)]
		pub fn set_review_policy(
			origin: OriginFor<T>,
			project: ProjectId,
			rules: ReviewRules<BlockNumberFor<T>>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_review_policy(project, rules)
		}

		/// Replaces a project's maintainers. Project origin.
		#[pallet::call_index(3)]
		pub fn set_maintainers(
			origin: OriginFor<T>,
			project: ProjectId,
			maintainers: MaintainersOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_maintainers(project, maintainers)
		}

		/// Closes a project: it takes no new contributions and needs none pending. Units stay
		/// recorded; the creation deposit is released. A project with nothing in it (no
		/// holdings, payers or listed accounts, no open proposals) is removed with all its
		/// records (`ProjectRemoved`), its accounts' balances to its creator. Refused while the
		/// project owes debts not yet repaid (`DebtsOwed`). Project origin.
		#[pallet::call_index(4)]
		#[pallet::weight(
			T::WeightInfo::close_project().saturating_add(Pallet::<T>::forward_all_weight())
		)]
		pub fn close_project(origin: OriginFor<T>, project: ProjectId) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_close_project(project)
		}

		/// Logs a contribution to a project for review, holding [`Config::ContributionDeposit`]
		/// from the caller.
		#[pallet::call_index(5)]
		#[pallet::weight(
			T::WeightInfo::submit_contribution().saturating_add(T::DbWeight::get().reads(2))
		)]
		pub fn submit_contribution(
			origin: OriginFor<T>,
			project: ProjectId,
			kind: KindIndex,
			quantity: Quantity,
			evidence: EvidenceOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_submit_contribution(who.clone(), who, project, kind, quantity, evidence)
				.map(|_| ())
		}

		/// Logs a contribution that `contributor` signed in a wallet (see [`signing`]). The
		/// caller relays it and pays the fee and the deposit; the contributor gets the units.
		#[pallet::call_index(6)]
		#[pallet::weight(
			T::WeightInfo::submit_signed_contribution()
				.saturating_add(T::DbWeight::get().reads(2))
		)]
		pub fn submit_signed_contribution(
			origin: OriginFor<T>,
			contributor: T::AccountId,
			payload: ContributionPayloadOf<T>,
			signature: T::OffchainSignature,
		) -> DispatchResult {
			let relayer = ensure_signed(origin)?;
			Self::do_submit_signed_contribution(relayer, contributor, payload, signature)
		}

		/// Withdraws a pending contribution and releases its deposit. Contributor only.
		#[pallet::call_index(7)]
		pub fn withdraw_contribution(
			origin: OriginFor<T>,
			contribution: ContributionId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_withdraw_contribution(who, contribution)
		}

		/// Reviews a pending contribution: approve or reject, optionally assessing the quantity
		/// (at most the claim). May decide the contribution (see the outcome rules).
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::attestation_charge(T::WeightInfo::attest))]
		pub fn attest(
			origin: OriginFor<T>,
			contribution: ContributionId,
			verdict: Verdict,
			assessed_quantity: Option<Quantity>,
			note: NoteOf<T>,
		) -> DispatchResultWithPostInfo {
			let reviewer = ensure_signed(origin)?;
			let outcome =
				Self::do_attest(reviewer, contribution, verdict, assessed_quantity, None, note)?;
			Ok(Some(Self::attestation_weight(outcome, T::WeightInfo::attest)).into())
		}

		/// Relays attestations that reviewers signed in their wallets (see [`signing`]). Each
		/// whose signature or review is refused gets an `AttestationFailed` event with the
		/// error the `attest` call would have returned; the call fails with
		/// `NoValidAttestation` if none counts, and with the error if counting one fails.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::relay_charge(items.len() as u32))]
		pub fn relay_attestations(
			origin: OriginFor<T>,
			items: BoundedVec<SignedAttestationOf<T>, T::MaxRelayBatch>,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let relayed = items.len() as u32;
			let outcome = Self::do_relay_attestations(items)?;
			Ok(Some(Self::relay_weight(relayed, outcome)).into())
		}

		/// Decides a contribution whose review period is over: accepted if optimistic
		/// acceptance is on and nobody rejected it; rejected (its deposit forfeit, appealable)
		/// if it has rejections and the approvals miss the threshold; expired otherwise.
		/// Anyone may call. Charged for the approvers an acceptance minted to.
		#[pallet::call_index(10)]
		#[pallet::weight(Pallet::<T>::finalize_charge())]
		pub fn finalize(
			origin: OriginFor<T>,
			contribution: ContributionId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let accepted = Self::do_finalize(contribution)?;
			Ok(Some(Self::finalize_weight(accepted)).into())
		}

		/// Removes a decided contribution's record and attestations: whoever paid its deposit
		/// may after the retention period, anyone after twice that; an accepted one not while
		/// its project has a proposal open or to enact (a revocation may need it). Free of fees
		/// when it removes the record. Units stay minted. The record's deposit
		/// ([`Config::RecordDeposit`]) goes back to whoever paid it, less
		/// [`Config::CleanupShare`] to the caller if that is someone else.
		#[pallet::call_index(11)]
		pub fn remove_contribution(
			origin: OriginFor<T>,
			contribution: ContributionId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_remove_contribution(who, contribution)?;
			Ok(Pays::No.into())
		}

		/// Sets how the project's income is split: `treasury` kept in its treasury, each
		/// upstream project's share paid to that project (split by its own policy when
		/// forwarded), the rest to this project's holders. The shares together may not exceed 100%. The same as
		/// [`set_income_buckets`](Pallet::set_income_buckets) with a treasury bucket first and
		/// then one for each upstream project (shares of zero left out), so refused while the
		/// project owes debts (`DebtsOwed`). Project origin.
		#[pallet::call_index(12)]
		#[pallet::weight(
			T::WeightInfo::set_income_policy().saturating_add(Pallet::<T>::forward_all_weight())
		)]
		pub fn set_income_policy(
			origin: OriginFor<T>,
			project: ProjectId,
			treasury: Perbill,
			upstream: UpstreamOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_income_buckets(project, Self::buckets_of(treasury, &upstream)?)
		}

		/// Pays from the project's treasury. Project origin.
		#[pallet::call_index(13)]
		pub fn spend_treasury(
			origin: OriginFor<T>,
			project: ProjectId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_spend_treasury(project, to, amount)
		}

		/// Pays `amount` of income to a project, split by its income policy; the holders' part
		/// is shared pro-rata to the units held now. What waits in the project's inbox is
		/// forwarded first (and charged only then). Anyone may pay. Costs the same with one
		/// holder or a million.
		#[pallet::call_index(14)]
		#[pallet::weight(
			T::WeightInfo::pay_income().saturating_add(T::WeightInfo::forward_income())
		)]
		pub fn pay_income(
			origin: OriginFor<T>,
			project: ProjectId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			let forwarded = Self::do_pay_income(payer, project, amount)?;
			let weight = T::WeightInfo::pay_income();
			Ok(Some(if forwarded {
				weight.saturating_add(T::WeightInfo::forward_income())
			} else {
				weight
			})
			.into())
		}

		/// Pays the caller the income pending for them in a project.
		#[pallet::call_index(15)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim(origin: OriginFor<T>, project: ProjectId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim(project, who)
		}

		/// Pays `who` the income pending for them in a project. Anyone may call.
		#[pallet::call_index(16)]
		#[pallet::weight(T::WeightInfo::claim())]
		pub fn claim_for(
			origin: OriginFor<T>,
			project: ProjectId,
			who: T::AccountId,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim(project, who)
		}

		/// Proposes a call for a scope to decide by quadratic vote. The proposer must be a
		/// member of the scope and pays [`Config::ProposalDeposit`], held while it is open. The
		/// call is inline (at most 128 bytes encoded), or the hash and length of a preimage
		/// noted with pallet-preimage (runtime code, large batches). A project's proposal may
		/// carry only calls its vote may enact ([`Config::ProjectCalls`]). The call's weight when
		/// enacted, at most the scope's limit, is charged to this extrinsic: the proposer pays
		/// for the block space the enactment takes.
		#[pallet::call_index(17)]
		#[pallet::weight(
			T::WeightInfo::propose()
				.saturating_add(Pallet::<T>::enactment_weight_limit(*scope))
				.saturating_add(Pallet::<T>::call_read_weight(call))
		)]
		pub fn propose(
			origin: OriginFor<T>,
			scope: Scope,
			call: alloc::boxed::Box<BoundedCallOf<T>>,
			description: DescriptionOf<T>,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			let read = Self::call_read_weight(&call);
			let (_, call_weight) = Self::do_propose(who, scope, *call, description)?;
			Ok(Some(T::WeightInfo::propose().saturating_add(call_weight).saturating_add(read))
				.into())
		}

		/// Votes on an open proposal: `votes` for or against, costing `votes²` voice credits of
		/// the epoch the proposal was created in. Voting again replaces the vote (the credits
		/// of the old one come back); `votes` 0 withdraws it.
		#[pallet::call_index(18)]
		pub fn vote(
			origin: OriginFor<T>,
			proposal: ProposalId,
			aye: bool,
			votes: u32,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_vote(who, proposal, aye, votes)
		}

		/// Removes a vote record: on an open proposal the voter's own (a withdrawal, refunded);
		/// on a closed one the voter's at any time, anyone's after [`Config::VoteRetention`],
		/// free of fees. The vote's deposit goes back to the voter, less
		/// [`Config::CleanupShare`] to the caller if that is someone else.
		#[pallet::call_index(19)]
		pub fn remove_vote(
			origin: OriginFor<T>,
			proposal: ProposalId,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let caller = ensure_signed(origin)?;
			let open = Self::do_remove_vote(caller, proposal, who)?;
			Ok(if open { Pays::Yes } else { Pays::No }.into())
		}

		/// Cancels an open proposal on which no vote was cast, releasing the deposit. Proposer
		/// only.
		#[pallet::call_index(20)]
		pub fn cancel(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_cancel(who, proposal)
		}

		/// Closes a proposal after its voting period, or before it once the outcome is certain
		/// (no votes of the members who have not voted could change it; the votes cast count
		/// as cast). It passes if it has at least the scope's `min_voters`, at least one chamber
		/// had members and, in every chamber that had members, ayes exceed nays and the voters
		/// reach the quorum; its call is then scheduled after the enactment delay with the
		/// scope's origin. The deposit is released either way. Anyone may call.
		#[pallet::call_index(21)]
		#[pallet::weight(
			T::WeightInfo::close().saturating_add(Pallet::<T>::enactment_search_weight(ENACTMENT_SEARCH))
		)]
		pub fn close(origin: OriginFor<T>, proposal: ProposalId) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let tried = Self::do_close(proposal)?;
			let extra = Self::enactment_search_weight(tried.saturating_sub(1));
			Ok(Some(T::WeightInfo::close().saturating_add(extra)).into())
		}

		/// Appeals a rejected contribution, within [`Config::AppealWindow`] of its rejection,
		/// asking that `quantity` (above zero, at most the claim) be credited: opens a proposal
		/// to [`accept_appeal`](Pallet::accept_appeal) it, paying the proposal deposit, in the
		/// project if it has members besides its maintainers, otherwise in the chain.
		/// Contributor only; members or not.
		#[pallet::call_index(22)]
		#[pallet::weight(
			T::WeightInfo::appeal()
				.saturating_add(Pallet::<T>::accept_appeal_weight(T::MaxReviewers::get()))
		)]
		pub fn appeal(
			origin: OriginFor<T>,
			contribution: ContributionId,
			quantity: Quantity,
			description: DescriptionOf<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_appeal(who, contribution, quantity, description)
		}

		/// Accepts a rejected contribution, crediting `quantity` (at most the claim) under the
		/// contribution's own equation, with the reviewers' reward to those who approved it,
		/// and returns its forfeited deposit from the treasury. Project origin: what a passed
		/// appeal dispatches. Charged for the approvers it mints to.
		#[pallet::call_index(23)]
		#[pallet::weight(Pallet::<T>::accept_appeal_weight(T::MaxReviewers::get()))]
		pub fn accept_appeal(
			origin: OriginFor<T>,
			contribution: ContributionId,
			quantity: Quantity,
		) -> DispatchResultWithPostInfo {
			let c = Self::contribution(contribution)?;
			T::ProjectOrigin::ensure_origin(origin, &c.project)?;
			let approvals = c.approvals.len() as u32;
			Self::do_accept_appeal(contribution, c, quantity)?;
			Ok(Some(Self::accept_appeal_weight(approvals)).into())
		}

		/// Revokes an accepted contribution shown to be fraudulent: burns the units credited
		/// for it to the contributor and the rewarded reviewers, as far as they still hold them
		/// or, where the project's vote moved them, where they went (at most
		/// [`Config::MaxMoveHops`] moves on). Income already settled stays theirs. Project
		/// origin; while the record exists. Charged for the moves it followed.
		#[pallet::call_index(24)]
		#[pallet::weight(
			T::WeightInfo::revoke_contribution(Pallet::<T>::max_revocation_hops()).saturating_add(
				Pallet::<T>::asset_settlement_weight(Pallet::<T>::max_burned_accounts())
					.saturating_add(T::DbWeight::get().reads_writes(1, 1))
			)
		)]
		pub fn revoke_contribution(
			origin: OriginFor<T>,
			contribution: ContributionId,
		) -> DispatchResultWithPostInfo {
			let c = Self::contribution(contribution)?;
			T::ProjectOrigin::ensure_origin(origin, &c.project)?;
			let hops = Self::do_revoke_contribution(contribution, c)?;
			// Each account burned from settles every asset of the project.
			let settled = Self::asset_settlement_weight(Self::max_burned_accounts())
				.saturating_add(T::DbWeight::get().reads_writes(1, 1));
			Ok(Some(T::WeightInfo::revoke_contribution(hops).saturating_add(settled)).into())
		}

		/// Moves all of `from`'s units and unclaimed income in a project to `to` (a member who
		/// lost their key); the new key votes on proposals made after the move. A later
		/// revocation follows the units ([`UnitMoves`]); at most [`Config::MaxMoveHops`] moves in
		/// a row (`TooManyMoves`). Project origin.
		#[pallet::call_index(25)]
		#[pallet::weight(
			T::WeightInfo::move_units().saturating_add(Pallet::<T>::asset_settlement_weight(2))
		)]
		pub fn move_units(
			origin: OriginFor<T>,
			project: ProjectId,
			from: T::AccountId,
			to: T::AccountId,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_move_units(project, from, to)
		}

		/// Sets how a scope votes: a project's (project origin) or the chain's (Root).
		#[pallet::call_index(26)]
		pub fn set_governance(
			origin: OriginFor<T>,
			scope: Scope,
			params: GovernanceParams<BlockNumberFor<T>>,
		) -> DispatchResult {
			match scope {
				Scope::Project(id) => {
					T::ProjectOrigin::ensure_origin(origin, &id)?;
				},
				Scope::Chain => ensure_root(origin)?,
			}
			Self::do_set_governance(scope, params)
		}

		/// Sets a project's stakeholder chambers (empty: its value-unit holders alone). A
		/// proposal passes only if it passes in every chamber. Project origin.
		#[pallet::call_index(27)]
		pub fn set_chambers(
			origin: OriginFor<T>,
			project: ProjectId,
			chambers: ChambersOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_chambers(project, chambers)
		}

		/// Adds an account to, or removes it from, the list of a project's `Listed` chamber. An
		/// entry holds [`Config::ListDeposit`] until it is removed: from the project's treasury,
		/// or from the maintainer who lists it while the maintainers act for the project.
		/// Project origin.
		#[pallet::call_index(28)]
		pub fn set_chamber_member(
			origin: OriginFor<T>,
			project: ProjectId,
			who: T::AccountId,
			listed: bool,
		) -> DispatchResult {
			// A maintainer acting for the project (bootstrap) pays the deposit; a vote's
			// treasury pays otherwise.
			let signer = ensure_signed(origin.clone()).ok();
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_chamber_member(project, who, listed, signer)
		}

		/// Recognises a project (its value-unit holders become chain members), or stops. Root:
		/// the chain's vote.
		#[pallet::call_index(29)]
		pub fn set_recognised(
			origin: OriginFor<T>,
			project: ProjectId,
			recognised: bool,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_recognised(project, recognised)
		}

		/// Sets how projects without their own parameters vote. Root: the chain's vote.
		#[pallet::call_index(30)]
		pub fn set_default_governance(
			origin: OriginFor<T>,
			params: GovernanceParams<BlockNumberFor<T>>,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_default_governance(params)
		}

		/// Sets the least governance parameters of every project (voting period, enactment
		/// delay, quorum share of every chamber, least number of voters): `set_governance` and
		/// `set_default_governance` refuse to go below them, and parameters set before are read
		/// as raised to them. Root: the chain's vote.
		#[pallet::call_index(31)]
		pub fn set_governance_floor(
			origin: OriginFor<T>,
			floor: GovernanceFloor<BlockNumberFor<T>>,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_governance_floor(floor)
		}

		/// Sets what an account must have paid the project in all to join its `Payers`
		/// chamber: at least the chain's `min_paid`. Members who joined under a lower amount
		/// stay members. Project origin.
		#[pallet::call_index(32)]
		pub fn set_min_paid(
			origin: OriginFor<T>,
			project: ProjectId,
			min_paid: BalanceOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_min_paid(project, min_paid)
		}

		/// Sets the chain's membership rules: the tenure of chain members, the least
		/// `min_paid` of any `Payers` chamber, the review floor of recognised projects (those
		/// below it stop being recognised). Root: the chain's vote.
		#[pallet::call_index(33)]
		#[pallet::weight(T::WeightInfo::set_membership_rules(T::MaxRecognised::get()))]
		pub fn set_membership_rules(
			origin: OriginFor<T>,
			rules: MembershipRules<BalanceOf<T>, BlockNumberFor<T>>,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_set_membership_rules(rules)
		}

		/// Leaves a project's `Payers` chamber (the record of what the caller paid is removed)
		/// or its list (the entry's deposit is released to whoever paid it). Votes already
		/// cast stay cast.
		#[pallet::call_index(34)]
		pub fn leave_chamber(
			origin: OriginFor<T>,
			project: ProjectId,
			rule: ChamberRule,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_leave_chamber(project, who, rule)
		}

		/// Removes a closed proposal's record once its votes are removed and its call (if it
		/// passed) enacted: the proposer may [`Config::VoteRetention`] after its voting ended,
		/// anyone twice that. Free of fees when it removes the record. The record's deposit goes
		/// back to the proposer, less [`Config::CleanupShare`] to the caller if that is someone
		/// else.
		#[pallet::call_index(35)]
		pub fn remove_proposal(
			origin: OriginFor<T>,
			proposal: ProposalId,
		) -> DispatchResultWithPostInfo {
			let who = ensure_signed(origin)?;
			Self::do_remove_proposal(who, proposal)?;
			Ok(Pays::No.into())
		}

		/// Removes a closed project with nothing in it (no holdings, payers or listed accounts,
		/// no open proposals or appeals), with all its records; what its accounts hold goes to
		/// its creator. `close_project` does this at once for a project empty when it closes;
		/// this is for one that became empty later (an open proposal closed, a planck sent to
		/// its accounts does not count). Anyone may call, free of fees when it removes it.
		#[pallet::call_index(37)]
		#[pallet::weight(
			T::WeightInfo::remove_project().saturating_add(Pallet::<T>::asset_records_weight())
		)]
		pub fn remove_project(
			origin: OriginFor<T>,
			project: ProjectId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_remove_project(project)?;
			Ok(Pays::No.into())
		}

		/// Removes `who`'s voice-credit record of a scope and epoch once no proposal of that
		/// epoch can take votes any more ([`Config::MaxVotingPeriod`] after the epoch's end).
		/// Anyone may call, free of fees when it removes the record.
		#[pallet::call_index(36)]
		pub fn remove_voice_credits(
			origin: OriginFor<T>,
			scope: Scope,
			epoch: Epoch,
			who: T::AccountId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			Self::do_remove_voice_credits(scope, epoch, who)?;
			Ok(Pays::No.into())
		}

		/// Reviews a pending contribution like [`attest`](Pallet::attest), also assessing the
		/// rate within the range of its kind (the credited rate is the lower median of the
		/// approvers' assessments; an approval without one assesses the lowest rate).
		#[pallet::call_index(38)]
		#[pallet::weight(Pallet::<T>::attestation_charge(T::WeightInfo::attest_assessing))]
		pub fn attest_assessing(
			origin: OriginFor<T>,
			contribution: ContributionId,
			verdict: Verdict,
			assessed_quantity: Option<Quantity>,
			assessed_rate: Option<FixedU128>,
			note: NoteOf<T>,
		) -> DispatchResultWithPostInfo {
			let reviewer = ensure_signed(origin)?;
			let outcome = Self::do_attest(
				reviewer,
				contribution,
				verdict,
				assessed_quantity,
				assessed_rate,
				note,
			)?;
			Ok(Some(Self::attestation_weight(outcome, T::WeightInfo::attest_assessing)).into())
		}

		/// Sets a project's income policy as an ordered list of buckets (see "Income" in the
		/// crate docs): each takes its share of every payment, plus what the buckets before it
		/// could not use, as far as it can use it; the rest goes to the holders. Shares are
		/// above zero and add up to at most 100%; the treasury and the debts appear at most once,
		/// each upstream project once; while the project owes debts not yet repaid, a `Debts`
		/// bucket stays (`DebtsOwed`). The policy's version goes up by one. What waits in the
		/// project's inboxes is split first, under the policy it arrived under. Project origin.
		#[pallet::call_index(39)]
		#[pallet::weight(
			T::WeightInfo::set_income_buckets().saturating_add(Pallet::<T>::forward_all_weight())
		)]
		pub fn set_income_buckets(
			origin: OriginFor<T>,
			project: ProjectId,
			buckets: BucketsOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_income_buckets(project, buckets)
		}

		/// Pays the creditor of a contribution's debt what is repaid of it and not yet claimed
		/// (see "Debts" in the crate docs); a debt claimed in full is retired. Anyone may call.
		#[pallet::call_index(40)]
		#[pallet::weight(
			T::WeightInfo::claim_debt().saturating_add(T::DbWeight::get().reads_writes(3, 3))
		)]
		pub fn claim_debt(origin: OriginFor<T>, contribution: ContributionId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim_debt(contribution)
		}

		/// Repays up to `amount` of the project's debts, oldest first, from its treasury (at
		/// most what is still owed and what the treasury can spend). Project origin.
		#[pallet::call_index(41)]
		pub fn repay_debts(
			origin: OriginFor<T>,
			project: ProjectId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_repay_debts(project, amount)
		}

		/// Splits the income a project received from the projects downstream of it
		/// ([`UpstreamInbox`], and [`AssetInboxes`] for each asset) by its own income policy, as
		/// if it were paid now: its holders, treasury and debts get their parts, and its
		/// upstream projects' parts go on to their inboxes, the next hop. A project's next
		/// payment in a currency does this first for that currency. Anyone may call, on an open
		/// or a closed project.
		#[pallet::call_index(42)]
		#[pallet::weight(Pallet::<T>::forward_all_weight())]
		pub fn forward_income(origin: OriginFor<T>, project: ProjectId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_forward_all(project)
		}

		/// Registers an asset projects may take income in: creates it in `pallet-assets` as a
		/// sufficient asset (an account holding it needs no native tokens) with `min_balance`,
		/// with the pallet's asset account as owner, issuer, admin and freezer, and mints
		/// `min_balance` into that account, where it stays. Its supply comes from the chain's
		/// vote (`pallet-assets`' force calls, e.g. naming an issuer) or genesis. `max_debt` is
		/// the most one contribution may be owed or paid in it, in its smallest unit (as
		/// [`Config::MaxDebt`] for the native currency). Root: the chain's vote.
		#[pallet::call_index(43)]
		pub fn register_asset(
			origin: OriginFor<T>,
			asset: T::AssetId,
			min_balance: BalanceOf<T>,
			max_debt: BalanceOf<T>,
		) -> DispatchResult {
			ensure_root(origin)?;
			Self::do_register_asset(asset, min_balance, max_debt)
		}

		/// Sets the registered assets a project takes income in. An asset it accepts for the
		/// first time joins its list (at most [`Config::MaxProjectAssets`] for good); one left
		/// out stays on the list, no longer accepted: its holders still claim what they were
		/// paid in it, its treasury is still spent. Project origin.
		#[pallet::call_index(44)]
		#[pallet::weight(T::WeightInfo::set_accepted_assets(assets.len() as u32))]
		pub fn set_accepted_assets(
			origin: OriginFor<T>,
			project: ProjectId,
			assets: AssetListOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_set_accepted_assets(project, assets)
		}

		/// Pays `amount` of an asset the project accepts as income (or one it still owes debts
		/// in), split by its income policy as [`pay_income`](Pallet::pay_income) is (an
		/// upstream project takes its share only if it accepts the asset too; otherwise the
		/// share falls through; the debts bucket repays the debts owed in that asset). What waits in the
		/// project's inbox in this asset is forwarded first. Anyone may pay; a payment in an
		/// asset does not count towards the payers' chamber.
		#[pallet::call_index(45)]
		#[pallet::weight(T::WeightInfo::pay_income_in().saturating_mul(2))]
		pub fn pay_income_in(
			origin: OriginFor<T>,
			project: ProjectId,
			asset: T::AssetId,
			amount: BalanceOf<T>,
		) -> DispatchResultWithPostInfo {
			let payer = ensure_signed(origin)?;
			let forwarded = Self::do_pay_income_in(payer, project, asset, amount)?;
			// The inbox's split, if there was one, is a second payment's.
			let splits = if forwarded { 2 } else { 1 };
			Ok(Some(T::WeightInfo::pay_income_in().saturating_mul(splits)).into())
		}

		/// Pays the caller the income pending for them in a project in one asset. (`claim`
		/// claims the native currency.)
		#[pallet::call_index(46)]
		#[pallet::weight(
			T::WeightInfo::claim_asset().saturating_add(Pallet::<T>::asset_settlement_weight(1))
		)]
		pub fn claim_asset(
			origin: OriginFor<T>,
			project: ProjectId,
			asset: T::AssetId,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_claim_asset(project, asset, who).map(|_| ())
		}

		/// Pays `who` the income pending for them in a project in each of `assets` (those with
		/// nothing pending are passed over; at least one must pay). Anyone may call, so that a
		/// holder without native tokens is paid: a registered asset is sufficient, so the
		/// payment creates their account.
		#[pallet::call_index(47)]
		#[pallet::weight(
			T::WeightInfo::claim_assets_for(assets.len() as u32)
				.saturating_add(Pallet::<T>::asset_settlement_weight(assets.len() as u32))
		)]
		pub fn claim_assets_for(
			origin: OriginFor<T>,
			project: ProjectId,
			who: T::AccountId,
			assets: AssetListOf<T>,
		) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim_assets_for(project, who, assets)
		}

		/// Repays up to `amount` of the project's debts in an asset, oldest first, from its
		/// treasury in that asset (at most what is owed in it and what the treasury holds).
		/// Project origin.
		#[pallet::call_index(49)]
		pub fn repay_debts_in(
			origin: OriginFor<T>,
			project: ProjectId,
			asset: T::AssetId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_repay_debts_in(project, asset, amount)
		}

		/// Pays from the project's treasury in an asset. Project origin.
		#[pallet::call_index(48)]
		pub fn spend_treasury_in(
			origin: OriginFor<T>,
			project: ProjectId,
			asset: T::AssetId,
			to: T::AccountId,
			amount: BalanceOf<T>,
		) -> DispatchResult {
			T::ProjectOrigin::ensure_origin(origin, &project)?;
			Self::do_spend_treasury_in(project, asset, to, amount)
		}
	}
}
