// A runtime upgrade by the chain's vote, as Polkadot does it: the chain's members (the
// holders of the recognised founding project's units) vote `system.authorizeUpgrade(hash)`
// by quadratic vote; once it is enacted, anyone submits the code with
// `system.applyAuthorizedUpgrade`. The code is the production runtime (crate
// commons-runtime-production, path in $COMMONS_PRODUCTION_WASM): no benchmarks, the metadata
// hash compiled in, one spec_version above the development build the dev chain starts on.
// Wallets and Ledger devices sign `CheckMetadataHash` in mode 1 with the hash of the metadata
// (RFC 78): the development build refuses such a transaction, the production build takes it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { blake2AsHex } from '@polkadot/util-crypto';
import { u8aToHex } from '@polkadot/util';
import { merkleizeMetadata } from '@polkadot-api/merkleize-metadata';
import { startNode, stopAll, withLog } from '../lib/node.mjs';
import { connect, eventsOf, keyring, propose, send, waitPastBlock } from './chain.mjs';

after(stopAll);

function upgradeCode() {
  const path = process.env.COMMONS_PRODUCTION_WASM;
  if (!path) throw new Error('COMMONS_PRODUCTION_WASM is not set (scripts/test.sh sets it)');
  try {
    return readFileSync(path);
  } catch (e) {
    throw new Error(`COMMONS_PRODUCTION_WASM=${path} is unreadable: build it with cargo build --release -p commons-node (${e.message})`);
  }
}

/** The RFC 78 metadata hash of the runtime `client` talks to, with the chain's token. */
async function metadataHash(client) {
  const metadata = (await client.call.metadata.metadataAtVersion(15)).unwrap().toU8a(true);
  const props = await client.rpc.system.properties();
  return u8aToHex(merkleizeMetadata(metadata, {
    decimals: props.tokenDecimals.unwrap()[0].toNumber(),
    tokenSymbol: props.tokenSymbol.unwrap()[0].toString(),
  }).digest());
}

describe('runtime upgrade by the chain vote', () => {
  let node, api, k;

  before(async () => {
    node = await startNode({ name: 'upgrade', args: ['--dev', '--tmp'] });
    await node.ready(60_000);
    api = await connect(node.rpcPort);
    k = keyring();
  });
  after(async () => {
    await api?.disconnect();
    await node?.stop();
  });

  test('the chain votes an upgrade in, anyone applies it, and all state stays', { timeout: 400_000 }, () =>
    withLog(node, async () => {
      const code = upgradeCode();
      const before = api.runtimeVersion.specVersion.toNumber();
      // The compressed code fits the share of a block that normal transactions may fill.
      const maxLength = api.consts.system.blockLength.max;
      console.log(`production runtime: ${code.length} bytes compressed (normal block: ${maxLength.normal.toNumber()})`);
      assert.ok(code.length < maxLength.normal.toNumber(), 'the upgrade fits a normal block');
      // State that must survive: the founders' units, a project and its contribution, balances.
      const { events: created } = await send(api, api.tx.commons.createProject('before the upgrade', 'ipfs://x',
        [{ name: 'work', unit: 'hour', rate: 10n ** 18n }],
        { reviewers: 'Anyone', minApprovals: 1, threshold: 500_000_000, reviewPeriod: 100, optimistic: false, reviewerReward: 0 }),
      k.eve);
      const project = eventsOf(created, 'commons', 'ProjectCreated')[0].project.toNumber();
      const { units: aliceUnits } = await api.call.commonsApi.units(0, k.alice.address);
      assert.equal(aliceUnits.toBigInt(), 100n, 'Alice founded the recognised project');
      const snapshot = async (client) => JSON.stringify({
        founding: (await client.call.commonsApi.project(0)).toJSON(),
        project: (await client.call.commonsApi.project(project)).toJSON(),
        eve: (await client.query.system.account(k.eve.address)).data.toJSON(),
        units: (await client.call.commonsApi.units(0, k.bob.address)).toJSON(),
      });

      // The development build has no metadata hash compiled in: a wallet's transaction in
      // mode 1 cannot be checked (1011: CannotLookup).
      const devHash = await metadataHash(api);
      await assert.rejects(
        send(api, api.tx.balances.transferKeepAlive(k.dave.address, 10n ** 12n), k.ferdie, { mode: 1, metadataHash: devHash }),
        /1011|lookup/i, 'the development build refuses mode 1');

      // Eve holds no units in a recognised project: she is not a chain member.
      const authorize = api.tx.system.authorizeUpgrade(blake2AsHex(code, 256));
      await assert.rejects(propose(api, 'Chain', authorize, 'upgrade', k.eve), /commons\.NotMember/);
      const { id, ends } = await propose(api, 'Chain', authorize, `runtime ${before + 1}`, k.alice);
      await send(api, api.tx.commons.vote(id, true, 3), k.alice);
      // 3 ayes, and Bob and Charlie could still cast 10 votes each: not certain yet.
      await assert.rejects(send(api, api.tx.commons.close(id), k.charlie), /commons\.VotingOngoing/);
      // Bob's 10 ayes make it certain: Charlie's 10 nays could not catch up. The fast path of
      // an emergency: anyone closes it before its end.
      await send(api, api.tx.commons.vote(id, true, 10), k.bob);
      const { events, blockHash } = await send(api, api.tx.commons.close(id), k.charlie);
      const closedAt = (await api.rpc.chain.getHeader(blockHash)).number.toNumber();
      const [closed] = eventsOf(events, 'commons', 'ProposalClosed');
      assert.equal(closed.passed.isTrue, true, 'the chain passed it');
      assert.equal(closed.early.isTrue, true, 'closed early, its outcome certain');
      assert.ok(closedAt <= ends, `closed in block ${closedAt}, before the end of its voting (${ends})`);
      await waitPastBlock(api, closed.enactment.unwrap().toNumber());
      const authorized = await api.query.system.authorizedUpgrade();
      assert.ok(authorized.isSome, 'Root authorized the upgrade');
      assert.equal(authorized.unwrap().codeHash.toHex(), blake2AsHex(code, 256));

      const state = await snapshot(api);
      // Dave, no member of anything, submits the code.
      // (The events of this block are read below, by a client that knows the new metadata: a
      // client connected across the upgrade may decode them with a half-swapped registry.)
      const { blockHash: upgradeBlock } =
        await send(api, api.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), k.dave);

      // The node reports the new version; polkadot.js follows it.
      const deadline = Date.now() + 60_000;
      const current = () => api.runtimeVersion.specVersion.toNumber();
      while (current() === before && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 1_000));
      }
      assert.equal((await api.rpc.state.getRuntimeVersion()).specVersion.toNumber(), before + 1,
        'the running chain reports the new spec_version');
      assert.equal(current(), before + 1, 'polkadot.js follows the upgrade');
      // polkadot.js 16.5 refreshes its metadata after an upgrade with state_getMetadata (v14),
      // which has no runtime API definitions: `api.call.commonsApi` is back once a client
      // connects anew (metadata v15).
      const fresh = await connect(node.rpcPort);
      try {
        assert.equal(fresh.runtimeVersion.specVersion.toNumber(), before + 1);
        const events = await (await fresh.at(upgradeBlock)).query.system.events();
        assert.equal(events.filter(({ event }) => event.section === 'system' && event.method === 'CodeUpdated').length, 1,
          'the code was updated in the block that applied it');
        assert.equal(await snapshot(fresh), state, 'state is intact');

        // A wallet signs in mode 1 with the metadata hash: the production build checks it
        // and takes the transaction. With another hash (the old runtime's) the signed payload
        // differs from what the chain checks: refused as a bad signature (1010).
        const hash = await metadataHash(fresh);
        assert.notEqual(hash, devHash, 'the hash commits to the metadata, spec_version included');
        const transfer = () => fresh.tx.balances.transferKeepAlive(k.dave.address, 10n ** 12n);
        await assert.rejects(send(fresh, transfer(), k.ferdie, { mode: 1, metadataHash: devHash }),
          /1010|bad signature/i, 'a wrong metadata hash is refused');
        const daveBefore = (await fresh.query.system.account(k.dave.address)).data.free.toBigInt();
        const { events: signed } = await send(fresh, transfer(), k.ferdie, { mode: 1, metadataHash: hash });
        assert.equal(eventsOf(signed, 'system', 'ExtrinsicSuccess').length >= 1, true);
        const daveAfter = (await fresh.query.system.account(k.dave.address)).data.free.toBigInt();
        assert.equal(daveAfter - daveBefore, 10n ** 12n, 'the mode-1 transfer was applied');
      } finally {
        await fresh.disconnect();
      }

      // The upgraded chain takes transactions and finalizes them.
      const { events: after } = await send(api, api.tx.commons.submitContribution(project, 0, 2, 'ipfs://after'), k.ferdie);
      assert.equal(eventsOf(after, 'commons', 'ContributionSubmitted').length, 1);
      const finalized = (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();
      await waitPastBlock(api, finalized + 1);
    }));
});
