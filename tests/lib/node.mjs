// Test harness for commons-node: start nodes on free loopback ports, talk JSON-RPC over HTTP,
// and never leave a node process behind (stopAll in `after` hooks, SIGKILL on process exit).
import { spawn } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import net from 'node:net';
import { constants as osConstants } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { rpcSocket as rpcSocket_ } from './hosts.mjs';

const KEEP_LINES = 400; // log lines kept per node
const KEEP_STDERR = 256 * 1024; // bytes of raw stderr kept per node
const live = new Set();
const handedOut = new Set();

function killAll() {
  for (const node of live) node.proc.kill('SIGKILL');
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(sig, () => {
    killAll();
    process.exit(128 + osConstants.signals[sig]);
  });
}

/** Path of the node binary from $COMMONS_NODE; throws a clear error if unusable. */
export function nodeBinary() {
  const bin = process.env.COMMONS_NODE;
  if (!bin) throw new Error('COMMONS_NODE is not set: point it at the commons-node binary (scripts/test.sh does)');
  try {
    accessSync(bin, fsConstants.X_OK);
  } catch {
    throw new Error(`COMMONS_NODE=${bin} is missing or not executable: build it with scripts/build.sh`);
  }
  return bin;
}

/** A TCP port that was free on 127.0.0.1 a moment ago (never the same one twice per process). */
export async function freePort() {
  for (;;) {
    const port = await new Promise((resolve, reject) => {
      const srv = net.createServer();
      srv.unref();
      srv.on('error', reject);
      srv.listen(0, '127.0.0.1', () => {
        const { port } = srv.address();
        srv.close(() => resolve(port));
      });
    });
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

/** JSON-RPC call over HTTP; resolves to `result`, throws on transport or RPC errors. */
export async function rpc(port, method, params = [], timeoutMs = 10_000) {
  const res = await fetch(`http://127.0.0.1:${port}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!res.ok) throw new Error(`${method}: HTTP ${res.status} ${await res.text()}`);
  const body = await res.json();
  if (body.error) throw new Error(`${method}: RPC error ${body.error.code}: ${body.error.message}`);
  return body.result;
}

/**
 * Polls `predicate` until it returns a truthy value (which is returned). Errors count as
 * "not yet", except errors with `fatal` set (e.g. the node died), which are rethrown at once.
 */
export async function waitFor(predicate, timeoutMs, what, intervalMs = 500) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
      lastError = undefined;
    } catch (e) {
      if (e.fatal) throw e;
      lastError = e;
    }
    if (Date.now() >= deadline) {
      const why = lastError ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${why}`);
    }
    await sleep(intervalMs);
  }
}

/** Runs `fn`; if it throws, rethrows with the log tail of `nodes` appended to the message. */
export async function withLog(nodes, fn) {
  try {
    return await fn();
  } catch (e) {
    const tails = [nodes].flat().map((n) => n.tail()).join('\n');
    throw new Error(`${e.message}\n${tails}`, { cause: e });
  }
}

/** Stops every node started by this process. Use as `after(stopAll)`. */
export async function stopAll() {
  await Promise.all([...live].map((n) => n.stop()));
}

/**
 * Spawns commons-node with `args` plus --rpc-port/--port on free loopback ports (or the given
 * ones), --no-prometheus, --no-telemetry and --no-mdns; in network namespace `netns` if given,
 * its RPC then reached through the Unix socket `rpcSocket`. Returns at once; use `ready()` to wait
 * for the RPC server or `waitExit()` for processes expected to fail.
 */
export async function startNode({ args = [], name = 'node', rpcPort, p2pPort, netns, rpcSocket } = {}) {
  const bin = nodeBinary();
  rpcPort ??= await freePort();
  p2pPort ??= await freePort();
  const fullArgs = [
    ...args,
    '--rpc-port', String(rpcPort),
    // --listen-addr (a host of its own) says where to listen instead.
    ...(args.includes('--listen-addr') ? [] : ['--port', String(p2pPort)]),
    '--no-prometheus',
    '--no-telemetry',
    '--no-mdns',
  ];
  // On a host of its own (tests/lib/hosts.mjs): `ip netns exec` becomes the node (same pid).
  const proc = netns
    ? spawn('ip', ['netns', 'exec', netns, bin, ...fullArgs], { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(bin, fullArgs, { stdio: ['ignore', 'pipe', 'pipe'], detached: false });

  const lines = [];
  let stderr = '';
  let exit = null; // { code, signal, error } once the process is gone
  let onReady;
  const readyPromise = new Promise((resolve) => (onReady = resolve));

  const node = {
    name,
    proc,
    args: fullArgs,
    rpcPort, // replaced by the port the node reports, if it differs
    requestedRpcPort: rpcPort,
    get stderr() {
      return stderr;
    },
    get exit() {
      return exit;
    },
    tail(n = 60) {
      return `--- ${name} (${bin} ${fullArgs.join(' ')}), last ${Math.min(n, lines.length)} log lines ---\n`
        + lines.slice(-n).join('\n');
    },
    /** RPC to this node; fails fast (fatal) once the process has exited. */
    async rpc(method, params = []) {
      if (exit) throw died(`${method}: node ${name} has exited (${describeExit(exit)})`);
      if (rpcSocket) return rpcSocket_(rpcSocket, method, params);
      return rpc(node.rpcPort, method, params);
    },
    /** Waits until the node logs its JSON-RPC address; throws with the log tail otherwise. */
    async ready(timeoutMs = 60_000) {
      const outcome = await Promise.race([
        readyPromise.then(() => 'ready'),
        exited.then(() => 'exited'),
        sleep(timeoutMs, 'timeout', { ref: false }),
      ]);
      if (outcome === 'ready') return node;
      const why = outcome === 'exited' ? `exited (${describeExit(exit)})` : `no RPC server after ${timeoutMs / 1000} s`;
      throw died(`node ${name} ${why}\n${node.tail()}`);
    },
    /** Resolves to { code, signal } once the process exits, or null after `timeoutMs`. */
    async waitExit(timeoutMs) {
      return Promise.race([exited, sleep(timeoutMs, null, { ref: false })]);
    },
    /** SIGINT, then SIGKILL after 10 s; resolves once the process is gone. */
    async stop() {
      if (exit) return exit;
      proc.kill('SIGINT');
      if (!(await node.waitExit(10_000))) proc.kill('SIGKILL');
      return exited;
    },
  };

  const exited = new Promise((resolve) => {
    const done = (code, signal, error) => {
      if (exit) return;
      exit = { code, signal, error };
      live.delete(node);
      resolve(exit);
    };
    proc.on('error', (error) => {
      lines.push(`[harness] spawn failed: ${error.message}`);
      done(null, null, error);
    });
    // 'close' comes after both pipes are drained, so the captured output is complete.
    proc.on('close', (code, signal) => done(code, signal));
  });
  // Drop the node from the exit-time kill list as soon as it is gone.
  proc.on('exit', () => live.delete(node));
  live.add(node);

  const collect = (stream, isStderr) => {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      if (isStderr) stderr = (stderr + chunk).slice(-KEEP_STDERR);
      const parts = (partial + chunk).split('\n');
      partial = parts.pop();
      for (const line of parts) addLine(line);
    });
    stream.on('end', () => partial && addLine(partial));
  };
  const addLine = (raw) => {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, ''); // strip colours, if any
    lines.push(line);
    if (lines.length > KEEP_LINES) lines.splice(0, lines.length - KEEP_LINES);
    // e.g. "Running JSON-RPC server: addr=127.0.0.1:9944,[::1]:9944"
    const m = /Running JSON-RPC server: addr=(?:\[[^\]]*\]|[^,:\s]+):(\d+)/.exec(line);
    if (m) {
      node.rpcPort = Number(m[1]);
      onReady();
    }
  };
  collect(proc.stdout, false);
  collect(proc.stderr, true);

  return node;
}

function died(message) {
  return Object.assign(new Error(message), { fatal: true });
}

function describeExit({ code, signal, error }) {
  if (error) return `spawn error: ${error.message}`;
  return signal ? `signal ${signal}` : `exit code ${code}`;
}
