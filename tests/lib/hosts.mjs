// Separate network hosts on one machine: a Linux network namespace per validator, each joined by
// a veth link to a hub namespace where tests/lib/relay.mjs carries all traffic between them (and
// delays, loses or cuts it). Loopback-range addresses only (127.21.i.2 for host i, 127.21.i.1 its
// hub side), with `route_localnet` so the kernel routes them; no host can reach another but
// through the relay. Needs root. Everything is removed by `remove()`, at process exit, and, for
// namespaces left by a run that was killed, at the next `makeHosts`.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';

const PREFIX = 'ccnet';
const P2P_PORT = 30333;
const RPC_PORT = 9944;
const RELAY_BASE = 40000;

const ip = (...args) => execFileSync('ip', args, { stdio: ['ignore', 'pipe', 'pipe'] }).toString();
const inNs = (ns, ...cmd) => execFileSync('ip', ['netns', 'exec', ns, ...cmd], { stdio: ['ignore', 'pipe', 'pipe'] });

/** Whether this process may make namespaces (root, with `ip netns`). */
export function canMakeHosts() {
  if (process.getuid?.() !== 0) return false;
  try {
    ip('netns', 'list');
    return true;
  } catch {
    return false;
  }
}

function removeStale() {
  for (const line of ip('netns', 'list').split('\n')) {
    const name = line.split(' ')[0];
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length).split('-')[0]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = pid !== process.pid;
    } catch {}
    if (!alive) {
      try {
        ip('netns', 'del', name);
      } catch {}
    }
  }
}

/** Makes a namespace with lo up and 127/8 routable off lo. */
function namespace(name, names) {
  ip('netns', 'add', name);
  names.push(name);
  inNs(name, 'ip', 'link', 'set', 'lo', 'up');
  inNs(name, 'sysctl', '-qw', 'net.ipv4.conf.all.route_localnet=1');
  // Only 127.0.0.1 stays local to lo (its own route); the rest of 127/8 may be on links.
  inNs(name, 'ip', 'route', 'del', 'local', '127.0.0.0/8', 'dev', 'lo', 'table', 'local');
}

/**
 * Makes `count` hosts (1..count) and the relay between every pair. Returns { hosts, relay,
 * command, remove }: host i has `ns`, `address`, `p2pPort`, `rpcSocket`, and `peerAddress(j,
 * peerId)`, the multiaddr by which host i reaches host j (through the relay).
 */
export async function makeHosts(count) {
  removeStale();
  const tag = `${PREFIX}${process.pid}-`;
  const hub = `${tag}h`;
  const sockets = mkdtempSync(join(tmpdir(), 'ccnet-'));
  const names = [];
  let relay;
  const remove = () => {
    try {
      relay?.kill('SIGKILL');
    } catch {}
    for (const ns of names) {
      try {
        ip('netns', 'del', ns);
      } catch {}
    }
    names.length = 0;
    rmSync(sockets, { recursive: true, force: true });
  };
  process.on('exit', remove);
  try {
    namespace(hub, names);
    const hosts = [];
    for (let i = 1; i <= count; i++) {
      const ns = `${tag}${i}`;
      namespace(ns, names);
      const [h, n] = [`${tag}${i}h`.slice(-15), `${tag}${i}n`.slice(-15)];
      ip('link', 'add', h, 'type', 'veth', 'peer', 'name', n);
      ip('link', 'set', h, 'netns', hub);
      ip('link', 'set', n, 'netns', ns);
      inNs(hub, 'ip', 'addr', 'add', `127.21.${i}.1/24`, 'dev', h);
      inNs(hub, 'ip', 'link', 'set', h, 'up');
      inNs(hub, 'sysctl', '-qw', `net.ipv4.conf.${h}.route_localnet=1`);
      inNs(ns, 'ip', 'addr', 'add', `127.21.${i}.2/24`, 'dev', n);
      inNs(ns, 'ip', 'link', 'set', n, 'up');
      inNs(ns, 'sysctl', '-qw', `net.ipv4.conf.${n}.route_localnet=1`);
      hosts[i] = {
        index: i,
        ns,
        address: `127.21.${i}.2`,
        p2pPort: P2P_PORT,
        rpcPort: RPC_PORT,
        rpcSocket: join(sockets, `rpc-${i}.sock`),
        peerAddress: (j, peerId) => `/ip4/127.21.${i}.1/tcp/${RELAY_BASE + j}/p2p/${peerId}`,
      };
    }
    const links = [];
    for (let i = 1; i <= count; i++) {
      for (let j = 1; j <= count; j++) {
        if (i !== j) {
          links.push({ from: i, toHost: j, listen: [`127.21.${i}.1`, RELAY_BASE + j], to: [`127.21.${j}.2`, P2P_PORT] });
        }
      }
    }
    const rpc = hosts.filter(Boolean).map((h) => ({ socket: h.rpcSocket, to: [h.address, RPC_PORT] }));
    const script = join(dirname(fileURLToPath(import.meta.url)), 'relay.mjs');
    relay = spawn('ip', ['netns', 'exec', hub, process.execPath, script, JSON.stringify({ links, rpc })],
      { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: relay.stdout });
    const waiting = [];
    lines.on('line', (line) => waiting.shift()?.(line));
    const next = () => new Promise((resolve) => waiting.push(resolve));
    if ((await next()) !== 'ready') throw new Error('the relay did not start');
    /** Sends a command to the relay (see relay.mjs) and waits for its `ok`. */
    const command = async (cmd) => {
      const answer = next();
      relay.stdin.write(`${JSON.stringify(cmd)}\n`);
      if ((await answer) !== 'ok') throw new Error(`relay refused ${JSON.stringify(cmd)}`);
    };
    return { hosts, command, remove };
  } catch (e) {
    remove();
    throw e;
  }
}

/** JSON-RPC over HTTP on a Unix socket (a node's RPC in another namespace, via the relay). */
export function rpcSocket(socketPath, method, params = [], timeoutMs = 10_000) {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
    const req = request({ socketPath, path: '/', method: 'POST', timeout: timeoutMs,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => {
        try {
          const parsed = JSON.parse(data);
          if (parsed.error) reject(new Error(`${method}: RPC error ${parsed.error.code}: ${parsed.error.message}`));
          else resolve(parsed.result);
        } catch (e) {
          reject(new Error(`${method}: HTTP ${res.statusCode} ${data}`));
        }
      });
    });
    req.on('timeout', () => req.destroy(new Error(`${method}: timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}
