// A TCP relay between validators on separate network hosts (tests/lib/hosts.mjs): every
// connection from host i to host j goes through a listener of this process, which delays,
// loses and cuts traffic on command. These machines' kernels have no `netem`, so this is how the
// tests make a bad network.
//
// Run inside the hub namespace: node relay.mjs CONFIG_JSON. CONFIG: { links: [{ from, toHost,
// listen: [address, port], to: [address, port] }], rpc: [{ socket, to: [address, port] }] }
// (hosts by number). Commands, one JSON
// object per line on stdin:
//   { "delay": ms, "loss": fraction }   every chunk waits `delay`; a lost one waits as TCP's
//                                        retransmission would (three times the delay, and at
//                                        least 200 ms) - a relay cannot drop bytes of a stream
//   { "cut": [[1, 2], [3, 4]] }          only hosts in the same group reach each other: open
//                                        connections across are closed, new ones refused
//   { "heal": true }                     everything reaches everything
// It answers each command with a line `ok` on stdout. `rpc` lists Unix sockets (the filesystem
// is shared across namespaces) forwarded to the nodes' RPC ports, for the test outside.
import net from 'node:net';
import { createInterface } from 'node:readline';
import { rmSync } from 'node:fs';

const config = JSON.parse(process.argv[2]);
let delay = 0;
let loss = 0;
let groups = null; // null: no partition
const open = new Set(); // { from, to, sockets }

const reachable = (from, to) =>
  groups === null || groups.some((g) => g.includes(from) && g.includes(to));

// Forwards `src` to `dst` in order, each chunk after the delay (more if "lost"): one queue per
// direction, drained in order, so that no chunk overtakes another (a reordered byte stream
// would not decrypt).
function pipe(src, dst) {
  const queue = []; // [due, chunk]
  let timer = null;
  let ended = false;
  const drain = () => {
    timer = null;
    while (queue.length && queue[0][0] <= Date.now()) {
      const [, chunk] = queue.shift();
      if (!dst.destroyed) dst.write(chunk);
    }
    if (queue.length) timer = setTimeout(drain, queue[0][0] - Date.now());
    else if (ended) dst.destroy();
  };
  src.on('data', (chunk) => {
    const wait = Math.random() < loss ? Math.max(3 * delay, 200) : delay;
    const last = queue.length ? queue[queue.length - 1][0] : 0;
    queue.push([Math.max(Date.now() + wait, last), chunk]);
    if (!timer) drain();
  });
  const end = () => {
    ended = true;
    if (!timer) drain();
  };
  src.on('end', end);
  src.on('close', end);
  src.on('error', () => dst.destroy());
}

for (const link of config.links) {
  const server = net.createServer((inbound) => {
    if (!reachable(link.from, link.toHost)) {
      inbound.destroy();
      return;
    }
    const outbound = net.connect({ host: link.to[0], port: link.to[1] });
    const conn = { from: link.from, to: link.to, toHost: link.toHost, sockets: [inbound, outbound] };
    open.add(conn);
    const close = () => {
      open.delete(conn);
      inbound.destroy();
      outbound.destroy();
    };
    inbound.on('error', close);
    outbound.on('error', close);
    inbound.on('close', close);
    outbound.on('close', close);
    pipe(inbound, outbound);
    pipe(outbound, inbound);
  });
  server.on('error', (e) => {
    console.error(`relay: listening on ${link.listen.join(':')}: ${e.message}`);
    process.exit(1);
  });
  server.listen(link.listen[1], link.listen[0]);
}

for (const { socket, to } of config.rpc ?? []) {
  rmSync(socket, { force: true });
  net.createServer((inbound) => {
    const outbound = net.connect({ host: to[0], port: to[1] });
    inbound.pipe(outbound).pipe(inbound);
    inbound.on('error', () => outbound.destroy());
    outbound.on('error', () => inbound.destroy());
  }).listen(socket);
}

createInterface({ input: process.stdin }).on('line', (line) => {
  const cmd = JSON.parse(line);
  if ('delay' in cmd) delay = cmd.delay;
  if ('loss' in cmd) loss = cmd.loss;
  if (cmd.cut) {
    groups = cmd.cut;
    for (const conn of [...open]) {
      if (!reachable(conn.from, conn.toHost)) conn.sockets.forEach((s) => s.destroy());
    }
  }
  if (cmd.heal) groups = null;
  process.stdout.write('ok\n');
});
process.stdin.on('end', () => process.exit(0));
// Listening: tell the test.
setTimeout(() => process.stdout.write('ready\n'), 100);
