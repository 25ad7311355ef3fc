// The attacks on a permissionless chain that can be shown over RPC, performed at once on one
// dev node: an appeal in a project without members, a planck that would buy a seat, one member
// squatting the chain's proposal slots, an enactment heavier than a block allows, and a
// wallet signature replayed or hijacked by a contribution that takes its id. Each fails as
// documented (docs/SECURITY.md), and the chain keeps producing and finalizing blocks meanwhile.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startNode, stopAll, withLog } from '../lib/node.mjs';
import { blake2AsU8a } from '@polkadot/util-crypto';
import { connect, errorName, eventsOf, keyring, propose, send, waitPastBlock } from './chain.mjs';

const UNIT = 10n ** 12n;
const FIXED = 10n ** 18n; // FixedU128 scale

after(stopAll);

async function finalized(api) {
  const hash = await api.rpc.chain.getFinalizedHead();
  return (await api.rpc.chain.getHeader(hash)).number.toNumber();
}

describe('attacks over RPC, all at once', () => {
  let node, api, k, m;

  before(async () => {
    node = await startNode({ name: 'dev', args: ['--dev', '--tmp'] });
    await node.ready(60_000);
    api = await connect(node.rpcPort);
    k = keyring();
    // Fresh accounts for the attacks that need their own signers, funded in one batch.
    m = Object.fromEntries(['claimant', 'reviewer', 'hijacker', 'honest', 'relayer']
      .map((name) => [name, k.pair(`Attack-${name}`)]));
    await send(api, api.tx.utility.batchAll(Object.values(m)
      .map((who) => api.tx.balances.transferKeepAlive(who.address, 1_000n * UNIT))), k.alice);
  });
  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  async function emptyProjectAppeal() {
      // Dave opens a project (maintainers review, one approval): it has no value-unit holders.
      const rules = { reviewers: 'Maintainers', minApprovals: 1, threshold: 500_000_000,
        reviewPeriod: 1_000, optimistic: false, reviewerReward: 0 };
      const { events: created } = await send(api, api.tx.commons.createProject('no members', 'ipfs://x',
        [{ name: 'work', unit: 'hour', rate: 10n * FIXED }], rules), k.dave);
      const empty = eventsOf(created, 'commons', 'ProjectCreated')[0].project.toNumber();
      // A newcomer, an outsider, claims 10^20 hours; Dave rejects the claim.
      const { events: logged } = await send(api,
        api.tx.commons.submitContribution(empty, 0, 10n ** 20n, 'ipfs://claim'), m.claimant);
      const claim = eventsOf(logged, 'commons', 'ContributionSubmitted')[0].contribution.toNumber();
      const { events: reviewed } = await send(api, api.tx.commons.attest(claim, 'Reject', null, 'no'), k.dave);
      assert.equal(eventsOf(reviewed, 'commons', 'ContributionRejected').length, 1);
      // He appeals. Nobody but the maintainer who rejected it could decide in the project, so
      // the chain's members do; he is not one of them.
      await assert.rejects(send(api, api.tx.commons.appeal(claim, 10n ** 20n + 1n, 'more'), m.claimant),
        /commons\.BadAssessment/, 'an appeal asks at most the claim');
      const { events: appealed } = await send(api,
        api.tx.commons.appeal(claim, 10n ** 20n, 'I did the work'), m.claimant);
      const [appeal] = eventsOf(appealed, 'commons', 'Appealed');
      assert.ok(appeal.scope.isChain, 'the appeal is escalated to the chain');
      assert.equal(appeal.quantity.toBigInt(), 10n ** 20n);
      const [proposed] = eventsOf(appealed, 'commons', 'Proposed');
      const id = appeal.proposal.toNumber();
      await assert.rejects(send(api, api.tx.commons.vote(id, true, 1), m.claimant), /commons\.NotMember/);
      // Nobody votes: after the voting period it is closed, and fails.
      await waitPastBlock(api, proposed.ends.toNumber());
      const { events: closing } = await send(api, api.tx.commons.close(id), m.claimant);
      const [closed] = eventsOf(closing, 'commons', 'ProposalClosed');
      assert.equal(closed.passed.isTrue, false, 'an appeal nobody voted for does not pass');
      assert.equal(closed.enactment.isNone, true);
      // Nobody turned out for it: half the appellant's 10 CMN deposit is burned.
      const [forfeited] = eventsOf(closing, 'commons', 'ProposalDepositForfeited');
      assert.equal(forfeited.amount.toBigInt(), 5n * UNIT, 'an unattended appeal costs its appellant');
      const { units } = await api.call.commonsApi.units(empty, m.claimant.address);
      assert.equal(units.toBigInt(), 0n, 'no units for the outsider');
      // The maintainer still acts for her project.
      const { events: set } = await send(api,
        api.tx.commons.setMaintainers(empty, [k.dave.address, m.claimant.address]), k.dave);
      assert.equal(eventsOf(set, 'commons', 'MaintainersSet').length, 1);
  }

  async function planckPayer() {
      const rules = {
        reviewers: 'Maintainers', minApprovals: 1, threshold: 500_000_000,
        reviewPeriod: 100, optimistic: false, reviewerReward: 0,
      };
      const { events } = await send(api, api.tx.commons.createProject('makers', 'ipfs://m',
        [{ name: 'work', unit: 'hour', rate: FIXED }], rules), k.eve);
      const paid = eventsOf(events, 'commons', 'ProjectCreated')[0].project.toNumber();
      // While it has no holders its maintainer acts for it: one chamber, of its payers.
      await send(api, api.tx.commons.setChambers(paid, [{ rule: 'Payers', quorum: 500_000_000 }]), k.eve);
      const minPaid = (await api.query.commons.membership()).minPaid.toBigInt();
      assert.equal(minPaid, 10n * UNIT, 'the test chain asks 10 CMN of a payer');
      const raise = api.tx.commons.setMinPaid(paid, 20n * UNIT);
      const tryPropose = () => send(api,
        api.tx.commons.propose({ Project: paid }, { Inline: raise.method.toHex() }, 'raise'), k.ferdie);
      // The attack: Ferdie pays a planck and tries to propose.
      await send(api, api.tx.commons.payIncome(paid, 1), k.ferdie);
      assert.ok((await api.query.commons.payers(paid, k.ferdie.address)).isNone, 'a planck leaves no record');
      await assert.rejects(tryPropose(), /commons\.NotMember/);
      // Below the least amount, payments add up but make no member.
      await send(api, api.tx.commons.payIncome(paid, minPaid - UNIT), k.ferdie);
      const below = (await api.query.commons.payers(paid, k.ferdie.address)).unwrap();
      assert.equal(below.paid.toBigInt(), minPaid - UNIT);
      assert.ok(below.memberSince.isNone);
      await assert.rejects(tryPropose(), /commons\.NotMember/);
      const view = await api.call.commonsApi.membership(paid, k.ferdie.address);
      assert.equal(view.minPaid.toBigInt(), minPaid);
      assert.equal(view.paid.toBigInt(), minPaid - UNIT);
      assert.equal(view.payer.isTrue, false);
      // Reaching it makes Ferdie a member, who proposes from the next block on.
      const { events: joined } = await send(api, api.tx.commons.payIncome(paid, UNIT), k.ferdie);
      const [event] = eventsOf(joined, 'commons', 'PayerJoined');
      assert.equal(event.paid.toBigInt(), minPaid);
      assert.equal((await api.call.commonsApi.membership(paid, k.ferdie.address)).payer.isTrue, true);
      // A founder, from genesis, is past the chain's tenure: a chain member.
      assert.equal((await api.call.commonsApi.membership(paid, k.alice.address)).chainMember.isTrue, true);
      const { id } = await propose(api, { Project: paid }, raise, 'raise', k.ferdie);
      const proposal = (await api.query.commons.proposals(id)).unwrap();
      assert.equal(proposal.chambers[0][1].members.toNumber(), 1, 'one payer, one member');
      // Leaving removes the record; the proposal stays.
      await send(api, api.tx.commons.leaveChamber(paid, 'Payers'), k.ferdie);
      assert.ok((await api.query.commons.payers(paid, k.ferdie.address)).isNone);
      assert.equal((await api.query.commons.payerCount(paid)).toNumber(), 0);
  }

  async function slotSquatting() {
      const remark = (n) => ({ Inline: api.tx.system.remark(`slot ${n}`).method.toHex() });
      // Charlie, a founder, opens four chain proposals in one block: each deposit is 10 CMN
      // more than the last.
      const nonce = async (who) => (await api.rpc.system.accountNextIndex(who.address)).toNumber();
      const first = await nonce(k.charlie);
      const opened = await Promise.all([1, 2, 3, 4].map((n, i) =>
        send(api, api.tx.commons.propose('Chain', remark(n), `slot ${n}`), k.charlie, { nonce: first + i })));
      const ids = opened.map(({ events }) => eventsOf(events, 'commons', 'Proposed')[0].proposal.toNumber())
        .sort((a, b) => a - b);
      const deposits = await Promise.all(ids.map(async (id) =>
        (await api.query.commons.proposals(id)).unwrap().deposit.toBigInt()));
      assert.deepEqual(deposits, [10n, 20n, 30n, 40n].map((x) => x * UNIT));
      assert.equal((await api.query.commons.openProposals('Chain', k.charlie.address)).toNumber(), 4);
      // A fifth is refused; another member still proposes.
      await assert.rejects(send(api, api.tx.commons.propose('Chain', remark(5), 'slot 5'), k.charlie),
        /commons\.TooManyOpenProposals/);
      const { id: bobs } = await propose(api, 'Chain', api.tx.system.remark('mine'), 'mine', k.bob);
      // Cancelled before any vote, every deposit comes back and the slots are free again.
      const next = await nonce(k.charlie);
      await Promise.all([...ids.map((id, i) => send(api, api.tx.commons.cancel(id), k.charlie, { nonce: next + i })),
        send(api, api.tx.commons.cancel(bobs), k.bob)]);
      assert.equal((await api.query.commons.openProposals('Chain', k.charlie.address)).toNumber(), 0);
      assert.equal((await api.query.commons.liveProposals('Chain')).toNumber(), 0);
  }

  async function heavyEnactment() {
    // A founder (a chain member) proposes a call that weighs a whole block, so that its
    // enactment would crowd out everything else: refused when proposed.
    // (Killing a million storage keys under a prefix.)
    const heavy = api.tx.system.killPrefix('0x00', 1_000_000);
    await assert.rejects(propose(api, 'Chain', heavy, 'heavy', k.alice), /commons\.EnactmentTooHeavy/);
    // A project's vote may enact only its own calls.
    await assert.rejects(
      send(api, api.tx.commons.propose({ Project: 0 }, { Inline: api.tx.system.remark('x').method.toHex() },
        'not ours'), k.alice),
      /commons\.CallNotAllowed/);
  }

  async function signatures() {
    const { reviewer, hijacker, honest, relayer } = m;
    const rules = { reviewers: 'Maintainers', minApprovals: 1, threshold: 500_000_000,
      reviewPeriod: 1_000, optimistic: false, reviewerReward: 0 };
    const { events: created } = await send(api, api.tx.commons.createProject('signed', 'ipfs://s',
      [{ name: 'work', unit: 'hour', rate: FIXED }], rules), reviewer);
    const project = eventsOf(created, 'commons', 'ProjectCreated')[0].project.toNumber();
    const expiresAt = (await api.query.system.number()).toNumber() + 200;
    const payload = (contribution, contributor, kind, quantity, evidence) => ({
      genesisHash: api.genesisHash, tag: 'cmns:att', contribution, contributor,
      content: blake2AsU8a(api.createType('(u32, u8, u128, Bytes)', [project, kind, quantity, evidence]).toU8a(), 256),
      verdict: 'Approve', assessedQuantity: null, expiresAt,
    });
    const sign = (fields) => ({ reviewer: reviewer.address, payload: fields,
      signature: { Sr25519: reviewer.sign(api.createType('PalletCommonsSigningAttestationPayload', fields).toU8a()) } });
    // The reviewer pre-signs an approval of the honest contributor's 5 hours by the id it is
    // expected to take, but the hijacker logs 500 hours first and takes that id. (The other
    // attacks log contributions meanwhile, so the id is the one the hijacker got.)
    const { events: taken } = await send(api, api.tx.commons.submitContribution(project, 0, 500, 'ipfs://mine'), hijacker);
    const expected = eventsOf(taken, 'commons', 'ContributionSubmitted')[0].contribution.toNumber();
    const presigned = sign(payload(expected, honest.address, 0, 5, 'ipfs://honest'));
    const { events: logged } = await send(api, api.tx.commons.submitContribution(project, 0, 5, 'ipfs://honest'), honest);
    const real = eventsOf(logged, 'commons', 'ContributionSubmitted')[0].contribution.toNumber();
    const approval = sign(payload(real, honest.address, 0, 5, 'ipfs://honest'));
    // Relayed together: the pre-signed item counts for no other work, the one signed for the
    // honest contribution accepts it.
    const { events } = await send(api, api.tx.commons.relayAttestations([presigned, approval]), relayer);
    const [failed] = eventsOf(events, 'commons', 'AttestationFailed');
    assert.equal(failed.index.toNumber(), 0);
    assert.equal(errorName(api, failed.error), 'commons.ContentMismatch');
    assert.equal(eventsOf(events, 'commons', 'ContributionAccepted')[0].contribution.toNumber(), real);
    const { contribution: hijacked, attestations } = (await api.call.commonsApi.contribution(expected)).unwrap();
    assert.ok(hijacked.status.isPending, 'the contribution that took the id gained nothing');
    assert.equal(attestations.length, 0);
    // Replayed, the signature counts no more.
    await assert.rejects(send(api, api.tx.commons.relayAttestations([approval]), relayer),
      /commons\.NoValidAttestation/);
  }

  test('every attack fails and the chain keeps finalizing', { timeout: 300_000 }, () =>
    withLog(node, async () => {
      const start = await finalized(api);
      const results = await Promise.allSettled([emptyProjectAppeal(), planckPayer(), slotSquatting(),
        heavyEnactment(), signatures()]);
      const names = ['empty-project appeal', '1-planck payer', 'slot squatting', 'heavy enactment',
        'replayed or hijacked signature'];
      const failures = results.map((r, i) => r.status === 'rejected' && `${names[i]}: ${r.reason?.stack ?? r.reason}`)
        .filter(Boolean);
      assert.deepEqual(failures, []);
      // Finality went on through it all, and goes on.
      const during = await finalized(api);
      assert.ok(during > start + 5, `finalized ${start} -> ${during}`);
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      await waitPastBlock(api, best + 2);
      const end = await finalized(api);
      assert.ok(end >= best, `finality catches up with the best block (${end} >= ${best})`);
    }));
});
