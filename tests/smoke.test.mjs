// Smoke tests for the commons-node binary ($COMMONS_NODE): a dev chain finalizes blocks and
// reports the right token; bad input makes the node exit non-zero with a clear error.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startNode, stopAll, waitFor, withLog } from './lib/node.mjs';

after(stopAll);

describe('dev chain', () => {
  let node;

  before(async () => {
    node = await startNode({ name: 'dev', args: ['--dev', '--tmp'] });
    await node.ready(60_000);
  });
  after(() => node?.stop());

  test('finalizes block #3', { timeout: 150_000 }, () =>
    withLog(node, async () => {
      await waitFor(async () => {
        const hash = await node.rpc('chain_getFinalizedHead');
        const header = await node.rpc('chain_getHeader', [hash]);
        return parseInt(header.number, 16) >= 3;
      }, 120_000, 'finalized block #3');
    }));

  test('reports token CMN, 12 decimals, ss58 42', { timeout: 30_000 }, () =>
    withLog(node, async () => {
      const props = await node.rpc('system_properties');
      assert.equal(props.tokenSymbol, 'CMN');
      assert.equal(props.tokenDecimals, 12);
      assert.equal(props.ss58Format, 42);
    }));

  test('serves metadata', { timeout: 30_000 }, () =>
    withLog(node, async () => {
      const metadata = await node.rpc('state_getMetadata');
      assert.match(metadata, /^0x[0-9a-f]{1000,}$/);
      // The pallet name `Commons`, SCALE-encoded (compact length 7, then the bytes).
      assert.ok(metadata.includes('1c436f6d6d6f6e73'), 'the Commons pallet is in the metadata');
    }));
});

describe('a real network from its operator\'s file', () => {
  const run = (args) => promisify(execFile)(process.env.COMMONS_NODE, args, { maxBuffer: 64 << 20 });
  const example = new URL('../docs/network.example.json', import.meta.url).pathname;

  test('the example builds a live raw spec with week-long chain votes', { timeout: 120_000 }, async () => {
    const { stdout } = await run(['export-chain-spec', '--chain', `production:${example}`, '--raw']);
    const spec = JSON.parse(stdout);
    assert.equal(spec.chainType, 'Live');
    assert.equal(spec.id, 'commons_example');
    assert.ok(spec.genesis.raw.top['0x3a636f6465'], 'the raw genesis carries the runtime code');
  });

  test('a network file with //Alice is refused', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commons-network-'));
    try {
      const network = JSON.parse(await readFile(example, 'utf8'));
      network.founders[0].account = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY'; // //Alice
      const file = join(dir, 'network.json');
      await writeFile(file, JSON.stringify(network));
      await assert.rejects(run(['export-chain-spec', '--chain', `production:${file}`]),
        (e) => e.code !== 0 && /well-known development key/.test(e.stderr));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('bad input', () => {
  // Starts a node that must fail; returns it after it exited non-zero. Always killed.
  async function expectFailure(opts, timeoutMs = 60_000) {
    const node = await startNode(opts);
    try {
      const exit = await node.waitExit(timeoutMs);
      assert.ok(exit, `${opts.name} still running after ${timeoutMs / 1000} s\n${node.tail()}`);
      assert.ok(exit.code !== 0 && !exit.error, `${opts.name} should exit non-zero, got ${JSON.stringify(exit)}\n${node.tail()}`);
      return node;
    } finally {
      await node.stop();
    }
  }

  test('unknown chain name: one-line error', { timeout: 90_000 }, async () => {
    const node = await expectFailure({ name: 'unknown-chain', args: ['--chain', 'no-such-chain', '--tmp'] });
    const lines = node.stderr.trim().split('\n');
    assert.equal(lines.length, 1, `expected a one-line error, got:\n${node.stderr}`);
    assert.match(lines[0], /unknown chain/);
  });

  test('corrupt chain-spec file', { timeout: 90_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'commons-spec-'));
    try {
      const spec = join(dir, 'broken.json');
      await writeFile(spec, '{"name": "broken", "genesis": {');
      const node = await expectFailure({ name: 'corrupt-spec', args: ['--chain', spec, '--tmp'] });
      assert.match(node.stderr, /invalid chain spec/, node.tail());
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('RPC port already in use', { timeout: 90_000 }, async () => {
    const port = await freePort();
    const holder = net.createServer();
    await new Promise((resolve, reject) => {
      holder.once('error', reject);
      holder.listen(port, '127.0.0.1', resolve);
    });
    try {
      const node = await startNode({ name: 'busy-rpc-port', args: ['--dev', '--tmp'], rpcPort: port });
      try {
        const exit = await node.waitExit(60_000);
        const moved = node.rpcPort !== port ? ` (it moved its RPC server to port ${node.rpcPort})` : '';
        assert.ok(exit, `node kept running with RPC port ${port} taken${moved}\n${node.tail()}`);
        assert.ok(exit.code !== 0 && !exit.error, `should exit non-zero, got ${JSON.stringify(exit)}\n${node.tail()}`);
      } finally {
        await node.stop();
      }
    } finally {
      holder.close();
    }
  });
});
