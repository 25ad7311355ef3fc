// Makes the upgrade fixture (runtime/tests/fixtures/state.json): a dev chain with history in it,
// exported at a finalized block. runtime/tests/upgrade.rs loads it, upgrades it to the current
// runtime and runs blocks on it. Run it with the node of the runtime *before* a storage change
// (scripts/fixture.sh builds nothing: check that out and build it first), and commit the file.
//
// History: a project with kinds paid in units, money and test dollars; accepted, rejected and
// pending contributions; income paid (CMN and dollars), partly claimed; a debt partly repaid;
// a passed project proposal enacted, a passed chain proposal whose enactment is still
// scheduled, an open proposal with votes, a failed one; an appeal.
import { writeFileSync } from 'node:fs';
import { startNode, stopAll } from '../tests/lib/node.mjs';
import { connect, eventsOf, keyring, propose, send, waitPastBlock } from '../tests/e2e/chain.mjs';

const out = process.argv[2] ?? 'runtime/tests/fixtures/state.json';
const UNIT = 10n ** 12n;
const FIXED = 10n ** 18n;
const DOLLAR = 10n ** 6n;

let api;
const node = await startNode({ name: 'fixture', args: ['--dev', '--tmp', '--state-pruning', 'archive-canonical'] });
try {
  await node.ready(60_000);
  api = await connect(node.rpcPort);
  const k = keyring();
  const specVersion = api.runtimeVersion.specVersion.toNumber();
  console.error(`spec ${specVersion}: building history`);

  const kinds = [
    { name: 'work', unit: 'hour', rate: 10n * FIXED },
    { name: 'expense', unit: 'CMN', rate: 0n, claim: { Reimbursable: { price: UNIT } } },
    { name: 'parts', unit: 'USD', rate: 0n, claim: { ReimbursableIn: { asset: 1, price: DOLLAR } } },
  ];
  // Two approvals of half the verdicts: what a recognised project needs on the test presets, so
  // that the chain's vote to recognise it can be enacted.
  const rules = { reviewers: 'Maintainers', minApprovals: 2, threshold: 500_000_000,
    reviewPeriod: 1_000, optimistic: false, reviewerReward: 100_000_000 };
  const { events } = await send(api, api.tx.commons.createProject('fab-lab', 'ipfs://charter', [
    { name: 'work', unit: 'hour', rate: 10n * FIXED },
  ], rules), k.alice);
  const project = eventsOf(events, 'commons', 'ProjectCreated')[0].project.toNumber();
  await send(api, api.tx.utility.batchAll([
    api.tx.commons.setMaintainers(project, [k.alice.address, k.bob.address]),
    api.tx.commons.setAcceptedAssets(project, [1]),
  ]), k.alice);
  await send(api, api.tx.commons.setValueEquation(project, kinds), k.alice);
  await send(api, api.tx.commons.setIncomeBuckets(project, [
    { to: 'Treasury', share: 100_000_000 }, { to: 'Debts', share: 300_000_000 },
  ]), k.alice);

  const submit = async (who, kind, qty) => {
    const { events } = await send(api, api.tx.commons.submitContribution(project, kind, qty, 'ipfs://evidence'), who);
    return eventsOf(events, 'commons', 'ContributionSubmitted')[0].contribution.toNumber();
  };
  const work = [await submit(k.dave, 0, 8n), await submit(k.eve, 0, 3n), await submit(k.ferdie, 0, 5n)];
  const expense = await submit(k.dave, 1, 50n);
  const parts = await submit(k.eve, 2, 20n);
  const rejected = await submit(k.ferdie, 0, 1_000n);
  await submit(k.charlie, 0, 2n); // stays pending
  for (const reviewer of [k.bob, k.alice]) {
    await send(api, api.tx.utility.batchAll([...work, expense, parts].map((id) =>
      api.tx.commons.attest(id, 'Approve', null, 'ok'))), reviewer);
  }
  // One of the two maintainers rejects: two approvals can no longer be reached.
  await send(api, api.tx.commons.attest(rejected, 'Reject', null, 'too much'), k.bob);

  // Income in CMN and dollars, partly claimed; the debts partly repaid by it.
  await send(api, api.tx.commons.payIncome(project, 100n * UNIT), k.alice);
  await send(api, api.tx.commons.payIncomeIn(project, 1, 40n * DOLLAR), k.alice);
  await send(api, api.tx.commons.claim(project), k.dave);
  await send(api, api.tx.commons.claimAsset(project, 1), k.eve);
  // Ferdie appeals the rejection.
  await send(api, api.tx.commons.appeal(rejected, 10n, 'it was ten hours'), k.ferdie);

  // Governance: a project proposal passes and is enacted; a chain proposal passes and stays
  // scheduled; one stays open with votes; one fails.
  const scope = { Project: project };
  const enacted = await propose(api, scope, api.tx.commons.setMinPaid(project, 5n * UNIT), 'min paid', k.dave);
  for (const who of [k.dave, k.eve, k.ferdie]) await send(api, api.tx.commons.vote(enacted.id, true, 3), who);
  const failed = await propose(api, scope, api.tx.commons.spendTreasury(project, k.eve.address, UNIT), 'spend', k.eve);
  for (const who of [k.dave, k.ferdie]) await send(api, api.tx.commons.vote(failed.id, false, 4), who);
  await waitPastBlock(api, Math.max(enacted.ends, failed.ends));
  await send(api, api.tx.commons.close(enacted.id), k.alice);
  await send(api, api.tx.commons.close(failed.id), k.alice);

  const chain = await propose(api, 'Chain', api.tx.commons.setRecognised(project, true), 'recognise fab-lab', k.alice);
  for (const who of [k.alice, k.bob]) await send(api, api.tx.commons.vote(chain.id, true, 5), who);
  const open = await propose(api, scope, api.tx.commons.setMinPaid(project, 7n * UNIT), 'still open', k.eve);
  await send(api, api.tx.commons.vote(open.id, true, 2), k.dave);
  await waitPastBlock(api, chain.ends);
  // Closed, the chain's decision is scheduled for the next block: export the state of the block
  // that closed it, once that block is finalized, so that the enactment is still to come.
  const closing = await send(api, api.tx.commons.close(chain.id), k.bob);
  const [closed] = eventsOf(closing.events, 'commons', 'ProposalClosed');
  if (!closed.passed.isTrue) throw new Error('the chain proposal did not pass');
  const hash = closing.blockHash;
  const at = (await api.rpc.chain.getHeader(hash)).number.toNumber();
  for (;;) {
    const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
    if (finalized >= at) break;
    await new Promise((r) => setTimeout(r, 1_000));
  }
  if ((await api.rpc.chain.getBlockHash(at)).toHex() !== hash.toHex()) throw new Error('the closing block was not finalized');
  const header = await api.rpc.chain.getHeader(hash);
  const pairs = [];
  let start = null;
  for (;;) {
    const keys = await node.rpc('state_getKeysPaged', ['0x', 1000, start, hash.toHex()]);
    if (keys.length === 0) break;
    const [{ changes }] = await node.rpc('state_queryStorageAt', [keys, hash.toHex()]);
    for (const [key, value] of changes) {
      if (key !== '0x3a636f6465' && value !== null) pairs.push([key, value]); // not :code
    }
    start = keys[keys.length - 1];
    if (keys.length < 1000) break;
  }
  const scheduled = (await (await api.at(hash)).query.scheduler.agenda.entries()).filter(([, a]) => a.some((x) => x.isSome)).length;
  writeFileSync(out, JSON.stringify({
    specVersion,
    block: header.number.toNumber(),
    hash: hash.toHex(),
    note: 'scripts/fixture.sh: a dev chain with history, for runtime/tests/upgrade.rs; :code left out',
    pairs,
  }, null, 1) + '\n');
  console.error(`wrote ${out}: ${pairs.length} keys at block ${header.number} (${scheduled} agenda blocks)`);
  await api.disconnect();
} catch (e) {
  console.error(`fixture: ${e.message}`);
  process.exitCode = 1;
} finally {
  await api?.disconnect();
  await stopAll();
}
