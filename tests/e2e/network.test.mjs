// A network of validators on loopback from the `local_testnet` spec: finality with one of four
// validators down, a restarted validator catching up, and a fifth operator (Eve) who joins
// permissionlessly and authors blocks.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNode, stopAll, waitFor, withLog } from '../lib/node.mjs';
import { u8aToHex } from '@polkadot/util';
import { connect, eventsOf, keyring, send } from './chain.mjs';

after(stopAll);

const finalized = async (node) => {
  const hash = await node.rpc('chain_getFinalizedHead');
  return parseInt((await node.rpc('chain_getHeader', [hash])).number, 16);
};
const best = async (node) => parseInt((await node.rpc('chain_getHeader')).number, 16);

describe('a network of validators', () => {
  const nodes = {};
  const paths = {};
  const ports = {};
  let bootnode;

  async function start(name, extra = []) {
    paths[name] ??= await mkdtemp(join(tmpdir(), `commons-${name}-`));
    ports[name] ??= { rpcPort: await freePort(), p2pPort: await freePort() };
    // A validator needs a network key: a fixed one per node (tests only).
    const nodeKey = (Object.keys(paths).indexOf(name) + 1).toString(16).padStart(64, '0');
    const args = ['--chain', 'local', '--base-path', paths[name], '--node-key', nodeKey, ...extra];
    if (bootnode) args.push('--bootnodes', bootnode);
    nodes[name] = await startNode({ name, args, ...ports[name] });
    await nodes[name].ready(60_000);
    return nodes[name];
  }
  const all = () => Object.values(nodes);

  before(async () => {
    const alice = await start('alice', ['--alice']);
    const peerId = await alice.rpc('system_localPeerId');
    bootnode = `/ip4/127.0.0.1/tcp/${ports.alice.p2pPort}/p2p/${peerId}`;
    for (const name of ['bob', 'charlie', 'dave']) await start(name, [`--${name}`]);
  });

  test('four validators produce and finalize blocks', { timeout: 180_000 }, () =>
    withLog(all(), async () => {
      await waitFor(async () => (await finalized(nodes.alice)) >= 3, 150_000, 'finalized block #3');
      const authorities = await nodes.alice.rpc('state_call', ['AuraApi_authorities', '0x']);
      // A SCALE vector of four 32-byte keys: compact length 4 (0x10), then 128 bytes.
      assert.equal(authorities.length, 2 + 2 + 4 * 64);
    }));

  test('with one of four down, finality goes on; restarted, it catches up', { timeout: 300_000 }, () =>
    withLog(all(), async () => {
      await nodes.dave.stop();
      const from = await finalized(nodes.alice);
      await waitFor(async () => (await finalized(nodes.alice)) >= from + 3, 120_000,
        `finality beyond #${from + 3} with Dave down`);
      await start('dave', ['--dave']);
      await waitFor(async () => (await best(nodes.dave)) >= (await best(nodes.alice)) - 1, 150_000,
        'Dave catching up to the head');
      const davesFinal = await finalized(nodes.dave);
      assert.ok(davesFinal >= from + 3, `Dave imported finality (#${davesFinal})`);
    }));

  test('a fifth operator joins permissionlessly and authors blocks', { timeout: 540_000 }, async () => {
    const eve = await start('eve', ['--validator', '--name', 'Eve']);
    const api = await connect(nodes.alice.rpcPort);
    try {
      await withLog(all(), async () => {
        const { eve: evePair } = keyring();
        // Session keys are generated in Eve's own keystore, over her node's RPC, with a proof
        // that her account owns them.
        const { keys, proof } = await eve.rpc('author_rotateKeysWithOwner', [u8aToHex(evePair.publicKey)]);
        await send(api, api.tx.session.setKeys(keys, proof), evePair);
        // Keys are stored for a deposit, held until they are purged.
        const keyDeposit = api.consts.session.keyDeposit.toBigInt();
        assert.equal(keyDeposit, 10n * 10n ** 12n, 'session keys hold 10 CMN');
        const holds = await api.query.balances.holds(evePair.address);
        assert.equal(holds.find((h) => h.id.isSession)?.amount.toBigInt(), keyDeposit);
        const bond = (await api.query.collatorSelection.candidacyBond()).toBigInt();
        const { events } = await send(api, api.tx.collatorSelection.registerAsCandidate(), evePair);
        assert.equal(eventsOf(events, 'collatorSelection', 'CandidateAdded').length, 1);
        const reserved = (await api.query.system.account(evePair.address)).data.reserved.toBigInt();
        assert.ok(reserved >= bond, `the bond is reserved (${reserved} >= ${bond})`);

        await waitFor(async () => (await api.query.session.validators()).map(String).includes(evePair.address),
          300_000, 'Eve in the validator set', 3_000);
        // The validator-selection pallet records the last block each candidate authored (and
        // pays its author from the pot): it moves past the block Eve became a validator in.
        const since = (await api.query.system.number()).toNumber();
        const authored = await waitFor(async () => {
          const last = (await api.query.collatorSelection.lastAuthoredBlock(evePair.address)).toNumber();
          return last > since ? last : 0;
        }, 180_000, 'a block authored by Eve', 2_000);
        assert.ok(authored > since);
        const aura = await nodes.alice.rpc('state_call', ['AuraApi_authorities', '0x']);
        assert.equal(aura.length, 2 + 2 + 5 * 64, 'five Aura authorities');
      });
    } finally {
      await api.disconnect();
    }
  });
});
