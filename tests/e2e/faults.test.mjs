// Validators on separate network hosts (network namespaces joined through a relay that delays,
// loses and cuts traffic: tests/lib/hosts.mjs), and the faults a real network has: latency and
// loss, a 2|2 partition and its heal (never two conflicting finalized blocks), a validator killed
// with SIGKILL while authoring, and a node whose disk fills up.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { canMakeHosts, makeHosts } from '../lib/hosts.mjs';
import { nodeBinary, startNode, stopAll, waitFor, withLog } from '../lib/node.mjs';

after(stopAll);

const number = (header) => parseInt(header.number, 16);
const finalized = async (node) => number(await node.rpc('chain_getHeader', [await node.rpc('chain_getFinalizedHead')]));
const best = async (node) => number(await node.rpc('chain_getHeader'));

const NAMES = ['alice', 'bob', 'charlie', 'dave'];
// A fixed network key per validator (tests only).
const nodeKey = (i) => (i + 16).toString(16).padStart(64, '0');

describe('validators on separate hosts, through a bad network', { skip: !canMakeHosts() && 'needs root for network namespaces' }, () => {
  let net;
  const nodes = {};
  const paths = {};
  const peerIds = {};
  // Every finalized block seen, by height, on any node: one hash per height, or safety broke.
  const seen = new Map();

  async function start(i) {
    const name = NAMES[i - 1];
    const host = net.hosts[i];
    paths[name] ??= mkdtempSync(join(tmpdir(), `commons-faults-${name}-`));
    const peers = Object.entries(peerIds).filter(([j]) => Number(j) !== i)
      .map(([j, id]) => host.peerAddress(Number(j), id));
    const args = ['--chain', 'local', `--${name}`, '--base-path', paths[name], '--node-key', nodeKey(i),
      '--listen-addr', `/ip4/${host.address}/tcp/${host.p2pPort}`, '--rpc-external', '--rpc-cors', 'all',
      ...(peers.length ? ['--reserved-nodes', ...peers, '--bootnodes', ...peers] : [])];
    nodes[name] = await startNode({ name, args, rpcPort: host.rpcPort, p2pPort: host.p2pPort,
      netns: host.ns, rpcSocket: host.rpcSocket });
    await nodes[name].ready(60_000);
    return nodes[name];
  }
  const all = () => Object.values(nodes);

  async function record() {
    for (const node of all()) {
      if (node.exit) continue;
      const hash = await node.rpc('chain_getFinalizedHead');
      const n = number(await node.rpc('chain_getHeader', [hash]));
      const known = seen.get(n) ?? new Set();
      known.add(hash);
      seen.set(n, known);
      assert.equal(known.size, 1, `two blocks finalized at #${n}: ${[...known].join(', ')}`);
    }
  }

  before(async () => {
    net = await makeHosts(4);
    // The peer ids of the fixed node keys, so that each node is told where the others are.
    const keys = mkdtempSync(join(tmpdir(), 'commons-faults-keys-'));
    for (let i = 1; i <= 4; i++) {
      const file = join(keys, String(i));
      writeFileSync(file, nodeKey(i));
      peerIds[i] = execFileSync(nodeBinary(), ['key', 'inspect-node-key', '--file', file]).toString().trim();
    }
    rmSync(keys, { recursive: true, force: true });
    for (let i = 1; i <= 4; i++) await start(i);
  });
  after(async () => {
    await stopAll();
    net?.remove();
  });

  test('four validators on four hosts produce and finalize blocks', { timeout: 180_000 }, () =>
    withLog(all(), async () => {
      await waitFor(async () => (await finalized(nodes.alice)) >= 3, 150_000, 'finalized block #3');
      const peers = await nodes.alice.rpc('system_health');
      assert.equal(peers.peers, 3, 'Alice reaches the three others through the relay');
      await record();
    }));

  test('under 300 ms latency and 5% loss, blocks go on and are finalized', { timeout: 240_000 }, () =>
    withLog(all(), async () => {
      await net.command({ delay: 300, loss: 0.05 });
      try {
        const [b0, f0] = [await best(nodes.alice), await finalized(nodes.alice)];
        await waitFor(async () => (await finalized(nodes.dave)) >= f0 + 4, 180_000,
          `finality beyond #${f0 + 4} on a slow, lossy network`, 2_000);
        assert.ok((await best(nodes.charlie)) >= b0 + 4, 'blocks go on');
        await record();
      } finally {
        await net.command({ delay: 0, loss: 0 });
      }
    }));

  test('a 2|2 partition stops finality and never forks it; healed, all agree on one chain', { timeout: 300_000 }, () =>
    withLog(all(), async () => {
      await net.command({ cut: [[1, 2], [3, 4]] });
      await sleep(8_000); // what was in flight lands
      await record();
      const frozen = Math.max(...(await Promise.all(all().map(finalized))));
      const bestBefore = await Promise.all([nodes.alice, nodes.charlie].map(best));
      // Six slots: each side authors in its own slots, neither has the votes to finalize.
      for (let t = 0; t < 6; t++) {
        await sleep(6_000);
        await record();
      }
      for (const node of all()) {
        assert.ok((await finalized(node)) <= frozen, `${node.name} finalized past #${frozen} while partitioned`);
      }
      const bestAfter = await Promise.all([nodes.alice, nodes.charlie].map(best));
      assert.ok(bestAfter[0] > bestBefore[0] && bestAfter[1] > bestBefore[1], 'both sides go on authoring');

      await net.command({ heal: true });
      await waitFor(async () => {
        const f = await Promise.all(all().map(finalized));
        return Math.min(...f) >= frozen + 3;
      }, 180_000, `finality past #${frozen + 3} on every node after the heal`, 2_000);
      await record();
      // One finalized chain: every node has the same block at every finalized height.
      const upTo = Math.min(...(await Promise.all(all().map(finalized))));
      for (let n = Math.max(1, frozen - 2); n <= upTo; n++) {
        const hashes = new Set(await Promise.all(all().map((node) => node.rpc('chain_getBlockHash', [n]))));
        assert.equal(hashes.size, 1, `the nodes disagree on #${n}`);
      }
    }));

  test('a validator killed with SIGKILL while authoring restarts from its database and rejoins', { timeout: 240_000 }, () =>
    withLog(all(), async () => {
      const bob = nodes.bob;
      // Kill Bob just after a new block reached him: he is importing and writing it, or
      // authoring the next.
      const at = await best(bob);
      await waitFor(async () => (await best(bob)) > at, 30_000, 'a new block on Bob');
      bob.proc.kill('SIGKILL');
      const exit = await bob.waitExit(10_000);
      assert.equal(exit?.signal, 'SIGKILL');
      const before = await finalized(nodes.alice);
      await start(2);
      await waitFor(async () => (await best(nodes.bob)) >= (await best(nodes.alice)) - 1, 120_000,
        'Bob back at the head from his database');
      await waitFor(async () => (await finalized(nodes.bob)) >= before + 2, 120_000, 'Bob finalizing again');
      await record();
    }));
});

describe('a node whose disk fills up', { skip: process.getuid?.() !== 0 && 'needs root to mount a tmpfs' }, () => {
  let mount;
  before(() => {
    mount = mkdtempSync(join(tmpdir(), 'commons-full-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', mount]);
  });
  after(() => {
    try {
      execFileSync('umount', ['-l', mount]);
    } catch {}
    rmSync(mount, { recursive: true, force: true });
  });

  test('exits with a clear error, and restarted after space is freed resumes from its database', { timeout: 300_000 }, async () => {
    const base = join(mount, 'node');
    let node = await startNode({ name: 'full', args: ['--dev', '--base-path', base] });
    await node.ready(60_000);
    await waitFor(async () => (await best(node)) >= 3, 60_000, 'block #3');
    const height = await best(node);
    // Fill what is left but a few kilobytes.
    const filler = join(mount, 'filler');
    const { bavail, bsize } = statfsSync(mount);
    writeFileSync(filler, Buffer.alloc(Math.max(0, Number(bavail) * Number(bsize) - 16 * 1024)));
    const exit = await node.waitExit(180_000);
    await withLog(node, async () => {
      assert.ok(exit, 'the node exited once its disk was full');
      assert.notEqual(exit.code, 0, 'with a failure status');
      assert.match(node.stderr + node.tail(400), /No space left on device|ENOSPC|os error 28/i, 'saying why');
    });
    rmSync(filler);
    node = await startNode({ name: 'full-again', args: ['--dev', '--base-path', base] });
    await node.ready(60_000);
    await withLog(node, async () => {
      const resumed = await best(node);
      assert.ok(resumed >= height, `its blocks are still there (#${resumed})`);
      await waitFor(async () => (await best(node)) > resumed, 60_000, 'a new block after the restart');
    });
    await node.stop();
  });
});
