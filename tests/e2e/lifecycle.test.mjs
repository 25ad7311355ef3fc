// A project's life through polkadot.js against a real dev node: contributions, on-chain and
// wallet-signed reviews, value units read through the runtime API, income claimed to the planck.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { compactAddLength, u8aToHex } from '@polkadot/util';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { startNode, stopAll, withLog } from '../lib/node.mjs';
import { connect, eventsOf, feePaid, freeBalance, keyring, propose, send, waitPastBlock } from './chain.mjs';

const UNIT = 10n ** 12n;
const FIXED = 10n ** 18n; // FixedU128 scale
const PRECISION = 10n ** 12n; // INCOME_PRECISION

after(stopAll);

describe('project lifecycle', () => {
  let node, api, k;
  let project; // the founding project is 0; ours is the next

  before(async () => {
    node = await startNode({ name: 'dev', args: ['--dev', '--tmp'] });
    await node.ready(60_000);
    api = await connect(node.rpcPort);
    k = keyring();
  });
  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  const contributions = {};

  test('a project is created and maintained by three maintainers', { timeout: 120_000 }, () =>
    withLog(node, async () => {
      const kinds = [
        { name: 'work', unit: 'hour', rate: 10n * FIXED },
        { name: 'money', unit: 'EUR', rate: 15n * FIXED / 10n },
      ];
      const rules = {
        reviewers: 'Maintainers', minApprovals: 2, threshold: 600_000_000,
        reviewPeriod: 1_000, optimistic: false, reviewerReward: 100_000_000,
      };
      const { events } = await send(api, api.tx.commons.createProject('fab-lab', 'ipfs://charter', kinds, rules), k.alice);
      const created = eventsOf(events, 'commons', 'ProjectCreated');
      assert.equal(created.length, 1);
      project = created[0].project.toNumber();
      assert.ok(project > 0, 'the genesis founding project is 0');
      // Until the project has value-unit holders, its maintainers act for it.
      await send(api, api.tx.commons.setMaintainers(project, [k.alice.address, k.bob.address, k.charlie.address]), k.alice);
      const view = (await api.call.commonsApi.project(project)).unwrap();
      assert.equal(view.project.maintainers.length, 3);
      assert.equal(view.equation.version.toNumber(), 1);
      assert.equal(view.equation.kinds[1].rate.toBigInt(), 15n * FIXED / 10n);
      assert.equal(view.policy.rules.minApprovals.toNumber(), 2);
    }));

  test('three contributors log work', { timeout: 120_000 }, () =>
    withLog(node, async () => {
      const logs = [[k.dave, 0, 8n], [k.eve, 0, 3n], [k.ferdie, 1, 200n]];
      const results = await Promise.all(logs.map(([who, kind, qty]) =>
        send(api, api.tx.commons.submitContribution(project, kind, qty, 'ipfs://evidence'), who)));
      for (const [i, { events }] of results.entries()) {
        const [e] = eventsOf(events, 'commons', 'ContributionSubmitted');
        assert.equal(e.contributor.toString(), logs[i][0].address);
        contributions[logs[i][0].address] = e.contribution.toNumber();
      }
      const page = await api.call.commonsApi.reviewable(project, k.bob.address, null, 10);
      assert.deepEqual(page.contributions.map((x) => x.toNumber()).sort(), Object.values(contributions).sort());
      assert.ok(page.next.isNone, 'one page holds them all');
    }));

  test('reviews on chain and by wallet signature accept every contribution', { timeout: 180_000 }, () =>
    withLog(node, async () => {
      const ids = Object.values(contributions);
      // Bob reviews on chain, in one batch; he assesses Ferdie's 200 down to 100.
      const ferdieId = contributions[k.ferdie.address];
      await send(api, api.tx.utility.batchAll(ids.map((id) =>
        api.tx.commons.attest(id, 'Approve', id === ferdieId ? 100 : null, 'looks right'))), k.bob);

      // Charlie signs in his wallet; Dave relays. The payload is the documented SCALE encoding.
      const expiresAt = (await api.query.system.number()).toNumber() + 50;
      const items = [];
      for (const id of ids) {
        // The payload binds the work: its contributor and the BLAKE2b-256 hash of
        // SCALE (project u32, kind u8, quantity u128, evidence Vec<u8>).
        const { contribution: c } = (await api.call.commonsApi.contribution(id)).unwrap();
        const content = blake2AsU8a(api.createType('(u32, u8, u128, Bytes)',
          [c.project, c.kind, c.quantity, c.evidence]).toU8a(), 256);
        const fields = { genesisHash: api.genesisHash, tag: 'cmns:att', contribution: id,
          contributor: c.contributor, content, verdict: 'Approve',
          assessedQuantity: id === ferdieId ? 100 : null, expiresAt };
        const bytes = api.createType('PalletCommonsSigningAttestationPayload', fields).toU8a();
        const fromApi = await api.call.commonsApi.attestationPayload(id, 'Approve', fields.assessedQuantity, expiresAt);
        // The runtime API returns the same bytes (as a SCALE `Vec<u8>`: length-prefixed).
        assert.equal(u8aToHex(compactAddLength(bytes)), fromApi.toHex(), 'the documented payload');
        items.push({ reviewer: k.charlie.address, payload: fields, signature: { Sr25519: k.charlie.sign(bytes) } });
      }
      const { events } = await send(api, api.tx.commons.relayAttestations(items), k.dave);
      assert.equal(eventsOf(events, 'commons', 'AttestationFailed').length, 0);
      const accepted = eventsOf(events, 'commons', 'ContributionAccepted');
      assert.equal(accepted.length, 3);
      for (const id of ids) {
        const { contribution: record, attestations } = (await api.call.commonsApi.contribution(id)).unwrap();
        assert.ok(record.status.isAccepted, `contribution ${id} accepted`);
        assert.equal(record.status.asAccepted.equationVersion.toNumber(), 1);
        assert.deepEqual(record.approvals.map((a) => a.reviewer.toString()).sort(),
          [k.bob.address, k.charlie.address].sort());
        const relayed = attestations.find((a) => a.reviewer.toString() === k.charlie.address);
        assert.equal(relayed.attestation.relayed.isTrue, true, "Charlie's attestation was relayed");
      }
    }));

  let holdings;
  test('units and shares through the runtime API', { timeout: 60_000 }, () =>
    withLog(node, async () => {
      // Dave 8 h × 10 = 80, Eve 3 h × 10 = 30, Ferdie 100 EUR × 1.5 = 150; reviewers get 10%
      // of each, halved: Bob and Charlie 4 + 1 + 7 = 12 each.
      const expected = { dave: 80n, eve: 30n, ferdie: 150n, bob: 12n, charlie: 12n };
      holdings = {};
      let total = 0n;
      for (const [name, units] of Object.entries(expected)) {
        const { units: u, total: t, share } = await api.call.commonsApi.units(project, k[name].address);
        assert.equal(u.toBigInt(), units, `${name}'s units`);
        holdings[name] = units;
        total = t.toBigInt();
        assert.equal(share.toBigInt(), units * 1_000_000_000n / 284n, `${name}'s share`);
      }
      assert.equal(total, 284n);
    }));

  test('income is paid and every holder claims exactly their share', { timeout: 180_000 }, () =>
    withLog(node, async () => {
      const amount = 1_000n * UNIT;
      await send(api, api.tx.commons.payIncome(project, amount), k.alice);
      const state = await api.call.commonsApi.income(project);
      // The documented formula: income per unit = amount × P / total units, rounded down.
      const ipu = amount * PRECISION / 284n;
      assert.equal(state.incomePerUnit.toBigInt(), ipu);
      assert.equal(state.carried.toBigInt(), amount * PRECISION % 284n);
      for (const [name, units] of Object.entries(holdings)) {
        const who = k[name];
        const expected = units * ipu / PRECISION;
        assert.equal((await api.call.commonsApi.pendingIncome(project, who.address)).toBigInt(), expected);
        const before = await freeBalance(api, who.address);
        const { events } = await send(api, api.tx.commons.claim(project), who);
        const [claimed] = eventsOf(events, 'commons', 'IncomeClaimed');
        assert.equal(claimed.amount.toBigInt(), expected, `${name} claims to the planck`);
        const after = await freeBalance(api, who.address);
        assert.equal(after - before, expected - feePaid(events, who.address), `${name}'s balance`);
      }
    }));

  test('a quadratic vote of the holders changes the value equation', { timeout: 240_000 }, () =>
    withLog(node, async () => {
      const scope = { Project: project };
      // The maintainers no longer act alone: the project has members.
      const kinds = [
        { name: 'work', unit: 'hour', rate: 20n * FIXED },
        { name: 'money', unit: 'EUR', rate: 15n * FIXED / 10n },
      ];
      await assert.rejects(send(api, api.tx.commons.setValueEquation(project, kinds), k.alice), /BadOrigin/);
      const { id, ends } = await propose(api, scope, api.tx.commons.setValueEquation(project, kinds),
        'work is worth twice as much', k.ferdie);
      const proposal = (await api.query.commons.proposals(id)).unwrap();
      // Five holders when it was made: Dave, Eve, Ferdie, Bob and Charlie.
      assert.equal(proposal.chambers[0][1].members.toNumber(), 5);
      const epoch = proposal.epoch.toNumber();
      const credits = async (who) =>
        (await api.query.commons.voiceCredits([scope, epoch], who.address)).unwrap();

      // n votes cost n² voice credits, out of 100 an epoch.
      await send(api, api.tx.commons.vote(id, true, 7), k.ferdie);
      assert.equal((await credits(k.ferdie)).spent.toNumber(), 49);
      await assert.rejects(send(api, api.tx.commons.vote(id, true, 11), k.ferdie), /commons\.NotEnoughCredits/);
      await send(api, api.tx.commons.vote(id, true, 3), k.dave);
      await send(api, api.tx.commons.vote(id, false, 5), k.eve);
      assert.equal((await credits(k.eve)).spent.toNumber(), 25);
      // Eve softens her vote: 5 nays become 2, and 21 credits come back.
      await send(api, api.tx.commons.vote(id, false, 2), k.eve);
      assert.equal((await credits(k.eve)).spent.toNumber(), 4);
      // Alice holds no units here: not a member.
      await assert.rejects(send(api, api.tx.commons.vote(id, true, 1), k.alice), /commons\.NotMember/);
      const tally = (await api.query.commons.proposals(id)).unwrap().chambers[0][1];
      assert.deepEqual([tally.ayes.toNumber(), tally.nays.toNumber(), tally.voters.toNumber()], [10, 2, 3]);

      // After the voting period anyone closes it; it passes (10 > 2, 3 of 5 voted).
      await assert.rejects(send(api, api.tx.commons.close(id), k.alice), /commons\.VotingOngoing/);
      await waitPastBlock(api, ends);
      const { events } = await send(api, api.tx.commons.close(id), k.alice);
      const [closed] = eventsOf(events, 'commons', 'ProposalClosed');
      assert.equal(closed.passed.isTrue, true);
      const enactment = closed.enactment.unwrap().toNumber();
      await waitPastBlock(api, enactment);
      const { equation } = (await api.call.commonsApi.project(project)).unwrap();
      assert.equal(equation.version.toNumber(), 2);
      assert.equal(equation.kinds[0].rate.toBigInt(), 20n * FIXED);

      // Work logged now is valued under version 2.
      const { events: submitted } = await send(api, api.tx.commons.submitContribution(project, 0, 1n, 'ipfs://later'), k.dave);
      const [logged] = eventsOf(submitted, 'commons', 'ContributionSubmitted');
      const { contribution: record } = (await api.call.commonsApi.contribution(logged.contribution)).unwrap();
      assert.equal(record.valuation.version.toNumber(), 2);
      assert.equal(record.valuation.rate.toBigInt(), 20n * FIXED);
    }));

  test('bad input reaches the client as a documented error, and blocks go on', { timeout: 180_000 }, () =>
    withLog(node, async () => {
      await assert.rejects(
        send(api, api.tx.commons.submitContribution(99, 0, 1, 'ipfs://x'), k.dave),
        /commons\.UnknownProject/,
      );
      await assert.rejects(
        send(api, api.tx.commons.submitContribution(project, 0, 0, 'ipfs://x'), k.dave),
        /commons\.ZeroQuantity/,
      );
      // Evidence above the bound (256 bytes) does not decode: the pool refuses it.
      await assert.rejects(
        send(api, api.tx.commons.submitContribution(project, 0, 1, `0x${'ab'.repeat(300)}`), k.dave),
        /1002|decode|Invalid|Could not/i,
      );
      // A nonce already used.
      await assert.rejects(
        send(api, api.tx.system.remark('stale'), k.alice, { nonce: 0 }),
        /1010.*(outdated|Stale)/i,
      );
      // A signature that does not match.
      const tx = await api.tx.system.remark('forged').signAsync(k.eve, { nonce: -1 });
      const hex = tx.toHex();
      const at = hex.indexOf(u8aToHex(tx.signature.toU8a()).slice(2));
      const forged = hex.slice(0, at + 10) + (hex[at + 10] === '0' ? '1' : '0') + hex.slice(at + 11);
      await assert.rejects(api.rpc.author.submitExtrinsic(forged), /1010.*bad signature/i);

      const start = (await api.rpc.chain.getHeader()).number.toNumber();
      await new Promise((r) => setTimeout(r, 13_000));
      const now = (await api.rpc.chain.getHeader()).number.toNumber();
      assert.ok(now >= start + 1, `blocks go on (${start} -> ${now})`);
    }));
});

describe('money: paid back first, shared in any currency, passed on at every hop', () => {
  let node, api, k, project;

  before(async () => {
    node = await startNode({ name: 'dev-money', args: ['--dev', '--tmp'] });
    await node.ready(60_000);
    api = await connect(node.rpcPort);
    k = keyring();
  });
  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('parts bought for a sensor are paid back, then the work shares the rest', { timeout: 300_000 }, () =>
    withLog(node, async () => {
      // Work: 10 to 20 units an hour, assessed by the reviewers. Parts: owed at 1 CMN a EUR.
      const kinds = [
        { name: 'work', unit: 'hour', rate: 10n * FIXED, maxRate: 20n * FIXED, claim: 'Equity' },
        { name: 'parts', unit: 'EUR', rate: 0, maxRate: null, claim: { Reimbursable: { price: UNIT } } },
      ];
      const rules = {
        reviewers: 'Maintainers', minApprovals: 1, threshold: 500_000_000,
        reviewPeriod: 1_000, optimistic: false, reviewerReward: 0,
      };
      const { events } = await send(api, api.tx.commons.createProject('sensor', 'ipfs://sensor', kinds, rules), k.alice);
      project = eventsOf(events, 'commons', 'ProjectCreated')[0].project.toNumber();
      // Up to 60% of each payment to what the project owes, the rest to the holders. (The
      // maintainer acts for the project until it has holders.)
      const { events: set } = await send(api, api.tx.commons.setIncomeBuckets(project, [{ to: 'Debts', share: 600_000_000 }]), k.alice);
      assert.equal(eventsOf(set, 'commons', 'IncomePolicySet')[0].version.toNumber(), 1);

      // What each would earn, before anyone signs.
      const parts = (await api.call.commonsApi.previewContribution(project, 1, 50)).unwrap();
      assert.deepEqual([parts.units.toBigInt(), parts.debt.toBigInt()], [0n, 50n * UNIT]);
      const work = (await api.call.commonsApi.previewContribution(project, 0, 4)).unwrap();
      assert.deepEqual([work.units.toBigInt(), work.maxUnits.toBigInt()], [40n, 80n]);

      const [{ events: e1 }, { events: e2 }] = await Promise.all([
        send(api, api.tx.commons.submitContribution(project, 1, 50, 'ipfs://receipt'), k.eve),
        send(api, api.tx.commons.submitContribution(project, 0, 4, 'ipfs://log'), k.dave),
      ]);
      const partsId = eventsOf(e1, 'commons', 'ContributionSubmitted')[0].contribution.toNumber();
      const workId = eventsOf(e2, 'commons', 'ContributionSubmitted')[0].contribution.toNumber();
      // Alice approves both; she assesses the work at 12.5 units an hour: 50 units.
      const { events: reviewed } = await send(api, api.tx.utility.batchAll([
        api.tx.commons.attest(partsId, 'Approve', null, 'receipt checked'),
        api.tx.commons.attestAssessing(workId, 'Approve', null, 125n * FIXED / 10n, 'good work'),
      ]), k.alice);
      const [debt] = eventsOf(reviewed, 'commons', 'DebtRecorded');
      assert.equal(debt.creditor.toString(), k.eve.address);
      assert.equal(debt.amount.toBigInt(), 50n * UNIT);
      assert.equal((await api.call.commonsApi.units(project, k.dave.address)).units.toBigInt(), 50n);
      assert.equal((await api.call.commonsApi.units(project, k.eve.address)).units.toBigInt(), 0n);

      // A payment of 100 CMN: 60 offered to the debt, which takes the 50 it is owed; the
      // rest falls through to the holders. The preview says so before it is paid.
      const amount = 100n * UNIT;
      const preview = await api.call.commonsApi.previewPayment(project, amount);
      assert.deepEqual([preview.unwrap().debts.toBigInt(), preview.unwrap().holders.toBigInt()], [50n * UNIT, 50n * UNIT]);
      const { events: paid } = await send(api, api.tx.commons.payIncome(project, amount), k.ferdie);
      const [split] = eventsOf(paid, 'commons', 'IncomePaid');
      assert.deepEqual([split.toDebts.toBigInt(), split.toHolders.toBigInt(), split.toTreasury.toBigInt()],
        [50n * UNIT, 50n * UNIT, 0n]);
      const [owed] = await api.call.commonsApi.debts(project, k.eve.address);
      assert.equal(owed.contribution.toNumber(), partsId);
      assert.equal(owed.repaid.toBigInt(), 50n * UNIT);
      assert.equal(owed.claimable.toBigInt(), 50n * UNIT);
      assert.equal((await api.call.commonsApi.pendingIncome(project, k.dave.address)).toBigInt(), 50n * UNIT);

      // Eve takes her money back; the debt is retired.
      const before = await freeBalance(api, k.eve.address);
      const { events: claimed } = await send(api, api.tx.commons.claimDebt(partsId), k.eve);
      assert.equal(eventsOf(claimed, 'commons', 'DebtClaimed')[0].amount.toBigInt(), 50n * UNIT);
      assert.equal(eventsOf(claimed, 'commons', 'DebtSettled').length, 1);
      assert.equal(await freeBalance(api, k.eve.address) - before, 50n * UNIT - feePaid(claimed, k.eve.address));
      assert.equal((await api.call.commonsApi.debts(project, k.eve.address)).length, 0);
      const ledger = await api.call.commonsApi.debtLedger(project);
      assert.deepEqual([ledger.owed, ledger.repaid, ledger.claimed].map((x) => x.toBigInt()), [50n * UNIT, 50n * UNIT, 50n * UNIT]);

      // Paid back: the next payment goes to the work alone.
      const { events: next } = await send(api, api.tx.commons.payIncome(project, amount), k.ferdie);
      assert.equal(eventsOf(next, 'commons', 'IncomePaid')[0].toHolders.toBigInt(), amount);
      assert.equal((await api.call.commonsApi.pendingIncome(project, k.dave.address)).toBigInt(), 150n * UNIT);
    }));

  test('a stablecoin payment flows two hops upstream and a holder without CMN is paid', { timeout: 300_000 }, () =>
    withLog(node, async () => {
      const DOLLAR = 1_000_000n; // the test dollar, asset 1, registered at genesis
      const USD = 1;
      const kinds = [{ name: 'work', unit: 'hour', rate: FIXED, maxRate: null, claim: 'Equity' }];
      const rules = {
        reviewers: 'Maintainers', minApprovals: 1, threshold: 500_000_000,
        reviewPeriod: 1_000, optimistic: false, reviewerReward: 0,
      };
      // A makerspace builds on a design commons, which builds on a tools commons. Alice
      // maintains all three and acts for each until it has holders: each takes the test
      // dollar, and passes a share of its income upstream.
      const created = await send(api, api.tx.utility.batchAll(['makerspace', 'design', 'tools']
        .map((name) => api.tx.commons.createProject(name, `ipfs://${name}`, kinds, rules))), k.alice);
      const [maker, design, tools] = eventsOf(created.events, 'commons', 'ProjectCreated').map((e) => e.project.toNumber());
      await send(api, api.tx.utility.batchAll([
        ...[maker, design, tools].map((p) => api.tx.commons.setAcceptedAssets(p, [USD])),
        api.tx.commons.setIncomeBuckets(maker, [{ to: { Upstream: design }, share: 200_000_000 }]),
        api.tx.commons.setIncomeBuckets(design, [{ to: { Upstream: tools }, share: 500_000_000 }]),
      ]), k.alice);

      // A newcomer with no CMN at all logs work on the tools by signing in a wallet; Alice
      // relays it and pays its fee and deposit.
      const newcomer = k.pair('Newcomer');
      assert.equal(await freeBalance(api, newcomer.address), 0n);
      const expiresAt = (await api.query.system.number()).toNumber() + 50;
      const payload = { genesisHash: api.genesisHash, tag: 'cmns:ctb', project: tools, kind: 0, quantity: 2,
        evidence: 'ipfs://toolpath', nonce: (await api.query.commons.signedContributionNonce(newcomer.address)).toNumber(), expiresAt };
      const bytes = api.createType('PalletCommonsSigningContributionPayload', payload).toU8a();
      const { events: logged } = await send(api, api.tx.utility.batchAll([
        api.tx.commons.submitSignedContribution(newcomer.address, payload, { Sr25519: newcomer.sign(bytes) }),
      ]), k.alice);
      const toolsWork = eventsOf(logged, 'commons', 'ContributionSubmitted')[0].contribution.toNumber();
      const [{ events: d }, { events: b }] = await Promise.all([
        send(api, api.tx.commons.submitContribution(maker, 0, 8, 'ipfs://build'), k.dave),
        send(api, api.tx.commons.submitContribution(design, 0, 4, 'ipfs://cad'), k.bob),
      ]);
      const ids = [eventsOf(d, 'commons', 'ContributionSubmitted')[0], eventsOf(b, 'commons', 'ContributionSubmitted')[0]]
        .map((e) => e.contribution.toNumber());
      const { events: reviewed } = await send(api, api.tx.utility.batchAll([...ids, toolsWork]
        .map((id) => api.tx.commons.attest(id, 'Approve', null, 'ok'))), k.alice);
      assert.equal(eventsOf(reviewed, 'commons', 'ContributionAccepted').length, 3);

      // Ferdie pays the makerspace 100 test dollars: 20 go to the design commons' inbox.
      const preview = (await api.call.commonsApi.previewPaymentIn(maker, USD, 100n * DOLLAR)).unwrap();
      assert.deepEqual([preview.holders.toBigInt(), preview.upstream.map(([p, x]) => [p.toNumber(), x.toBigInt()])],
        [80n * DOLLAR, [[design, 20n * DOLLAR]]]);
      const { events: paid } = await send(api, api.tx.commons.payIncomeIn(maker, USD, 100n * DOLLAR), k.ferdie);
      const [split] = eventsOf(paid, 'commons', 'AssetIncomePaid');
      assert.deepEqual([split.toHolders.toBigInt(), split.toUpstream.toBigInt()], [80n * DOLLAR, 20n * DOLLAR]);
      assert.equal((await api.call.commonsApi.pendingIncomeIn(maker, USD, k.dave.address)).toBigInt(), 80n * DOLLAR);

      // Hop one: anyone forwards the design commons' inbox under its own policy; half of it
      // goes on to the tools commons. Hop two: the tools commons' holders get the rest.
      const { events: hop1 } = await send(api, api.tx.commons.forwardIncome(design), k.eve);
      const [f1] = eventsOf(hop1, 'commons', 'AssetIncomeForwarded');
      assert.deepEqual([f1.amount, f1.toHolders, f1.toUpstream].map((x) => x.toBigInt()), [20n * DOLLAR, 10n * DOLLAR, 10n * DOLLAR]);
      const { events: hop2 } = await send(api, api.tx.commons.forwardIncome(tools), k.eve);
      assert.equal(eventsOf(hop2, 'commons', 'AssetIncomeForwarded')[0].toHolders.toBigInt(), 10n * DOLLAR);
      const [view] = await api.call.commonsApi.projectAssets(tools);
      assert.deepEqual([view.asset.toNumber(), view.accepting.isTrue, view.distributed.toBigInt(), view.inbox.toBigInt()],
        [USD, true, 10n * DOLLAR, 0n]);
      assert.equal((await api.call.commonsApi.pendingIncomeIn(tools, USD, newcomer.address)).toBigInt(), 10n * DOLLAR);

      // The newcomer still holds no CMN and cannot sign a transaction: Ferdie claims for them,
      // and the sufficient stablecoin opens their account.
      const { events: claimed } = await send(api, api.tx.commons.claimAssetsFor(tools, newcomer.address, [USD]), k.ferdie);
      assert.equal(eventsOf(claimed, 'commons', 'AssetIncomeClaimed')[0].amount.toBigInt(), 10n * DOLLAR);
      const account = await api.query.assets.account(USD, newcomer.address);
      assert.equal(account.unwrap().balance.toBigInt(), 10n * DOLLAR);
      assert.equal(await freeBalance(api, newcomer.address), 0n);
      assert.equal((await api.call.commonsApi.pendingIncomeIn(tools, USD, newcomer.address)).toBigInt(), 0n);
    }));
});
