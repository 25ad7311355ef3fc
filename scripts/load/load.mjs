#!/usr/bin/env node
// Load generator for Commons Chain: how many extrinsics of each kind one dev node includes per
// block, measured the way a new user would load the chain. Run it with `scripts/load.sh`
// (which installs the npm packages and finds the node binary); `--help` lists the options.
//
// One run = one node (`--chain load`, Alice validating alone, 6 s blocks, COMMONS_LOAD_ACCOUNTS
// funded founder accounts `//load//0`, `//load//1`, ...). For each scenario, in order:
//
//   1. SETUP: whatever state it needs (a project, contributions, approvals, proposals, income),
//      submitted and waited for until included;
//   2. PRE-SIGN every extrinsic of the scenario (many load accounts, explicit nonces,
//      immortal era), before the clock starts;
//   3. SUBMIT them all as raw hex with `author_submitExtrinsic` over several WebSocket
//      connections, many requests in flight;
//   4. COUNT from the blocks: each new block is fetched, its extrinsics of the scenario's
//      pallet and method counted, and each one's ExtrinsicSuccess / ExtrinsicFailed event read
//      (relayed attestations: each item's Attested / AttestationFailed event). Acknowledgements
//      of the RPC server are never counted as inclusion.
//
// A block is full when the node's block builder stopped for a limit (its log line
// "🎁 Prepared block for proposing at N (X ms) ... end: HitBlockWeightLimit | HitBlockSizeLimit |
// HitDeadline"), not because the pool ran out. Reported per scenario: the median count per full
// block, per second (÷ the slot duration), the ratio to transfer_keep_alive in the same run,
// block fullness (System::BlockWeight normal class against the runtime's normal max,
// ref_time and proof_size, and the block's length against the normal max length), the node's
// authoring time of the full blocks, and, after the node is stopped, their import time from
// `commons-node benchmark block` on the run's database.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync, accessSync, constants as fsConstants } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { blake2AsU8a, cryptoWaitReady } from '@polkadot/util-crypto';

// The tests' helper: a free port, never the same one twice in a process.
import { freePort } from '../../tests/lib/node.mjs';

// ---------------------------------------------------------------------------------------------
// Constants and scenarios
// ---------------------------------------------------------------------------------------------

const UNIT = 10n ** 12n; // 1 CMN
const FIXED = 10n ** 18n; // FixedU128 one
const RELAY_BATCH = 16; // the runtime's MaxRelayBatch
const MAX_PROPOSALS = 16; // MaxLiveProposals per scope
const PER_PROPOSER = 4; // MaxProposalsPerProposer
const FULL_ENDS = new Set(['HitBlockWeightLimit', 'HitBlockSizeLimit', 'HitDeadline']);

/**
 * The scenarios, in the order they run. `section`/`method` name the counted call. `refund`:
 * about how many more a block holds than the charge before dispatch says, for the calls that
 * declare a lower weight after it (the default count is sized by the charge, times this).
 */
const SCENARIOS = [
  { key: 'transfer', call: 'balances.transfer_keep_alive', section: 'balances', method: 'transferKeepAlive' },
  { key: 'submit', call: 'commons.submit_contribution', section: 'commons', method: 'submitContribution' },
  { key: 'attest', call: 'commons.attest (non-deciding)', section: 'commons', method: 'attest', refund: 7 },
  { key: 'decide', call: 'commons.attest (deciding: accepts)', section: 'commons', method: 'attest', refund: 4 },
  { key: 'relay', call: 'commons.relay_attestations (per attestation)', section: 'commons', method: 'relayAttestations', items: true, refund: 5 },
  { key: 'vote', call: 'commons.vote', section: 'commons', method: 'vote' },
  { key: 'pay_income', call: 'commons.pay_income', section: 'commons', method: 'payIncome' },
  { key: 'claim', call: 'commons.claim', section: 'commons', method: 'claim' },
];
const KEYS = SCENARIOS.map((s) => s.key);

/** Counts in --quick mode: small, except transfers, enough for one full block or two. */
const QUICK_COUNTS = { submit: 60, attest: 40, decide: 30, relay: 64, vote: 60, pay_income: 40, claim: 60 };
const QUICK_TRANSFER_FACTOR = 1.6; // × the estimated transfers per block

const HELP = `Usage: scripts/load.sh [options]

Measures the throughput of each scenario (${KEYS.join(', ')}) on one dev node.

  --quick                small counts (transfers: ~${QUICK_TRANSFER_FACTOR}× a block, so at least one full block;
                         the others a few dozen), ${300} accounts: a check that everything works
  --accounts N           load accounts in genesis (COMMONS_LOAD_ACCOUNTS); default 6000 (quick: 300).
                         claims are at most one per account
  --count name=N         extrinsics of a scenario (relay: attestations, in batches of ${RELAY_BATCH});
                         repeatable. Default: --blocks × what one block holds, estimated from
                         the runtime's weight and length of a sample extrinsic
  --blocks F             blocks' worth of extrinsics per scenario by default (3.5)
  --only a,b,...         run only these scenarios (their setups create what they need)
  --inject-failures      add one extrinsic per scenario that fails when dispatched (and one
                         relayed attestation with a bad signature), to see failures reported
  --out FILE             the JSON report (default load-report.json); the node's log goes to FILE.node.log
  --node PATH            the commons-node binary (default $COMMONS_NODE or $NODE_BIN)
  --in-flight N          submissions in flight per connection (default 256), over 4 connections
  --skip-bench           do not run \`benchmark block\` at the end
  --keep-db              keep the node's base path (printed) instead of removing it
  -h, --help             this text
`;

// ---------------------------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------------------------

function parseCli() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      accounts: { type: 'string' },
      count: { type: 'string', multiple: true, default: [] },
      blocks: { type: 'string', default: '3.5' },
      only: { type: 'string' },
      'inject-failures': { type: 'boolean', default: false },
      out: { type: 'string', default: 'load-report.json' },
      node: { type: 'string' },
      'in-flight': { type: 'string', default: '256' },
      'skip-bench': { type: 'boolean', default: false },
      'keep-db': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    process.exit(0);
  }
  const counts = {};
  for (const c of values.count) {
    const m = /^([a-z_]+)=(\d+)$/.exec(c);
    if (!m || !KEYS.includes(m[1])) throw new Error(`--count ${c}: expected name=N with name one of ${KEYS.join(', ')}`);
    counts[m[1]] = Number(m[2]);
  }
  const only = values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : KEYS;
  for (const o of only) if (!KEYS.includes(o)) throw new Error(`--only ${o}: not one of ${KEYS.join(', ')}`);
  const bin = values.node ? path.resolve(process.env.LOAD_CWD ?? '.', values.node) : (process.env.COMMONS_NODE ?? process.env.NODE_BIN);
  if (!bin) throw new Error('no node binary: pass --node or set COMMONS_NODE (scripts/load.sh does)');
  accessSync(bin, fsConstants.X_OK);
  return {
    quick: values.quick,
    accounts: Number(values.accounts ?? (values.quick ? 300 : 6_000)),
    counts,
    blocksFactor: Number(values.blocks),
    only: KEYS.filter((k) => only.includes(k)),
    injectFailures: values['inject-failures'],
    out: path.resolve(process.env.LOAD_CWD ?? '.', values.out),
    bin,
    inFlight: Number(values['in-flight']),
    skipBench: values['skip-bench'],
    keepDb: values['keep-db'],
  };
}

// ---------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------

const log = (...a) => console.error(`[load ${new Date().toISOString().slice(11, 19)}]`, ...a);

function median(xs) {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const round = (x, d = 1) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

/** A dispatch error as `pallet.Error` (or its kind), as tests/e2e/chain.mjs names them. */
function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return `${meta.section}.${meta.name}`;
  }
  if (dispatchError.isToken) return `Token.${dispatchError.asToken.type}`;
  if (dispatchError.isArithmetic) return `Arithmetic.${dispatchError.asArithmetic.type}`;
  return dispatchError.type;
}

/** Runs `fn` over `items` with at most `limit` at once. */
async function pool(items, limit, fn) {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const i = next++;
      await fn(items[i], i);
    }
  });
  await Promise.all(workers);
}

// ---------------------------------------------------------------------------------------------
// The node: start with a temporary base path, parse the authoring log, stop, benchmark
// ---------------------------------------------------------------------------------------------

/** Lines like "🎁 Prepared block for proposing at 12 (345 ms) hash: ...; end: HitBlockWeightLimit; extrinsics_count: 2397". */
const PREPARED = /Prepared block for proposing at (\d+) \((\d+) ms\).*?end: (\w+); extrinsics_count: (\d+)/;

async function startNode(cli, basePath, logFile) {
  const rpcPort = await freePort();
  const p2pPort = await freePort();
  const args = [
    '--chain', 'load',
    '--base-path', basePath,
    '--alice', '--validator', '--force-authoring',
    // A validator needs a network key; this one is thrown away with the base path.
    '--node-key', randomBytes(32).toString('hex'),
    // `benchmark block` re-executes blocks on their parents' state: keep every state.
    '--state-pruning', 'archive', '--blocks-pruning', 'archive',
    '--rpc-port', String(rpcPort), '--port', String(p2pPort),
    '--no-prometheus', '--no-telemetry', '--no-mdns',
    '--pool-limit', '100000', '--pool-kbytes', '512000',
    '--rpc-max-connections', '1000',
    '--rpc-max-request-size', '256', '--rpc-max-response-size', '256',
    '--rpc-message-buffer-capacity-per-connection', '4096',
    '--rpc-max-subscriptions-per-connection', '4096',
    // The block builder logs each block it authors, with the time it took and why it stopped.
    '-linfo,sc_basic_authorship=info',
  ];
  const env = { ...process.env, COMMONS_LOAD_ACCOUNTS: String(cli.accounts) };
  log(`starting ${cli.bin} ${args.join(' ')} (COMMONS_LOAD_ACCOUNTS=${cli.accounts})`);
  const proc = spawn(cli.bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const out = createWriteStream(logFile);
  const prepared = new Map(); // block number -> { ms, end, extrinsics }
  const listeners = new Set();
  const tail = [];
  let ready;
  const readyP = new Promise((r) => (ready = r));
  let exited = null;
  const exitP = new Promise((resolve) => proc.on('close', (code, signal) => {
    exited = { code, signal };
    resolve(exited);
  }));
  const onLine = (raw) => {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, '');
    tail.push(line);
    if (tail.length > 80) tail.shift();
    const m = PREPARED.exec(line);
    if (m) {
      const rec = { number: Number(m[1]), ms: Number(m[2]), end: m[3], extrinsics: Number(m[4]) };
      prepared.set(rec.number, rec);
      for (const l of listeners) l(rec);
    }
    if (/Running JSON-RPC server/.test(line)) ready();
  };
  for (const stream of [proc.stdout, proc.stderr]) {
    let partial = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      out.write(chunk);
      const parts = (partial + chunk).split('\n');
      partial = parts.pop();
      parts.forEach(onLine);
    });
  }
  const killer = () => proc.kill('SIGKILL');
  process.on('exit', killer);
  const outcome = await Promise.race([readyP.then(() => 'ready'), exitP.then(() => 'exited'), sleep(180_000, 'timeout')]);
  if (outcome !== 'ready') {
    proc.kill('SIGKILL');
    throw new Error(`the node ${outcome === 'exited' ? `exited (${JSON.stringify(exited)})` : 'did not start'}:\n${tail.join('\n')}`);
  }
  return {
    rpcPort,
    prepared,
    tail: () => tail.join('\n'),
    /** Calls `fn(rec)` for every block authored from now on; returns the unsubscribe. */
    onPrepared(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    async stop() {
      if (!exited) {
        proc.kill('SIGINT');
        const r = await Promise.race([exitP, sleep(30_000, null)]);
        if (!r) proc.kill('SIGKILL');
        await exitP;
      }
      process.off('exit', killer);
      out.end();
    },
  };
}

/** Runs `commons-node benchmark block` over [from, to]; returns block number -> import timing. */
async function benchmarkBlocks(cli, basePath, from, to) {
  const args = ['benchmark', 'block', '--chain', 'load', '--base-path', basePath,
    '--state-pruning', 'archive', '--blocks-pruning', 'archive',
    '--from', String(from), '--to', String(to), '--repeat', '3'];
  const env = { ...process.env, COMMONS_LOAD_ACCOUNTS: String(cli.accounts) };
  log(`benchmark block ${from}..${to}`);
  const output = await new Promise((resolve, reject) => {
    const proc = spawn(cli.bin, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
    let text = '';
    proc.stdout.on('data', (c) => (text += c));
    proc.stderr.on('data', (c) => (text += c));
    proc.on('error', reject);
    proc.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`benchmark block exited ${code}:\n${text.slice(-3000)}`))));
  });
  // "Block 12 with  2397 tx used  81.23% of its weight (   1,234,567,890 of   1,500,000,000 ns)"
  const re = /Block (\d+) with\s+(\d+) tx used\s+([\d.]+)% of its weight \(\s*([\d,]+) of\s+([\d,]+) ns\)/g;
  const result = new Map();
  for (const m of output.replace(/\x1b\[[0-9;]*m/g, '').matchAll(re)) {
    result.set(Number(m[1]), {
      extrinsics: Number(m[2]),
      percentOfWeight: Number(m[3]),
      importMs: Number(m[4].replaceAll(',', '')) / 1e6,
      consumedMs: Number(m[5].replaceAll(',', '')) / 1e6,
    });
  }
  if (!result.size) throw new Error(`benchmark block printed no timings:\n${output.slice(-3000)}`);
  return { command: `COMMONS_LOAD_ACCOUNTS=${cli.accounts} ${cli.bin} ${args.join(' ')}`, blocks: result };
}

// ---------------------------------------------------------------------------------------------
// The chain: accounts, nonces, signing, submitting, counting
// ---------------------------------------------------------------------------------------------

class Chain {
  constructor(api, node, cli, pairs) {
    this.api = api;
    this.node = node;
    this.cli = cli;
    this.pairs = pairs;
    this.index = new Map(pairs.map((p, i) => [p.address, i]));
    this.nonces = new Array(pairs.length).fill(0);
    this.signBase = {
      blockHash: api.genesisHash, // immortal: the era is checked against the genesis
      genesisHash: api.genesisHash,
      runtimeVersion: api.runtimeVersion,
      signedExtensions: api.registry.signedExtensions,
      version: api.extrinsicType,
    };
    this.submitters = [];
    const normal = api.consts.system.blockWeights.perClass.normal;
    this.maxRef = normal.maxTotal.unwrap().refTime.toBigInt();
    this.maxProof = normal.maxTotal.unwrap().proofSize.toBigInt();
    this.baseExtrinsic = normal.baseExtrinsic.refTime.toBigInt();
    this.maxLen = api.consts.system.blockLength.max.normal.toNumber();
  }

  async openSubmitters(n = 4) {
    for (let i = 0; i < n; i++) {
      const p = new WsProvider(`ws://127.0.0.1:${this.node.rpcPort}`, 1000, {}, 120_000);
      await p.isReady;
      this.submitters.push(p);
    }
  }

  async close() {
    await Promise.all(this.submitters.map((p) => p.disconnect()));
  }

  /** Reads every load account's nonce from the chain's state. */
  async syncNonces() {
    const addrs = this.pairs.map((p) => p.address);
    for (let i = 0; i < addrs.length; i += 1000) {
      const infos = await this.api.query.system.account.multi(addrs.slice(i, i + 1000));
      infos.forEach((info, j) => (this.nonces[i + j] = info.nonce.toNumber()));
    }
  }

  /** Signs `tx` by load account `who` with its next nonce, immortal; returns the hex. */
  sign(tx, who) {
    const nonce = this.nonces[who]++;
    return tx.sign(this.pairs[who], { ...this.signBase, nonce }).toHex();
  }

  /**
   * What one block holds of extrinsics like `tx` (signed by `who`, not submitted), from the
   * runtime: normal-class max weight over (declared weight + base extrinsic weight), and
   * normal max length over the extrinsic's length; the lower of the two.
   */
  async capacity(tx, who) {
    const signed = tx.sign(this.pairs[who], { ...this.signBase, nonce: this.nonces[who] });
    const u8a = signed.toU8a();
    const info = await this.api.call.transactionPaymentApi.queryInfo(u8a, u8a.length);
    const ref = info.weight.refTime.toBigInt() + this.baseExtrinsic;
    const byWeight = Number(this.maxRef / ref);
    const byLength = Math.floor(this.maxLen / u8a.length);
    return { perBlock: Math.min(byWeight, byLength), byWeight, byLength, bytes: u8a.length, refTime: Number(ref) };
  }

  /**
   * Submits `hexes` (raw signed extrinsics) over the submit connections, many in flight, and
   * counts what the blocks include: the scenario's call (`section.method`) in each new block
   * and its events. Returns the per-block analysis and each included extrinsic of the call
   * with its events. Waits until all that the pool accepted are included, or the pool has
   * nothing more to give (two blocks without any extrinsic after the submission ended).
   */
  async execute(hexes, { section, method, label }) {
    const api = this.api;
    const startHeader = await api.rpc.chain.getHeader();
    const startBlock = startHeader.number.toNumber();
    let authored = 0; // extrinsics (beyond inherents) in blocks authored since the start
    let emptyAfterSubmit = 0;
    let submitDone = false;
    let lastBlock = startBlock;
    const inherents = this.inherents;
    const wake = { fn: null };
    const unsub = this.node.onPrepared((rec) => {
      if (rec.number <= startBlock) return;
      lastBlock = Math.max(lastBlock, rec.number);
      const n = Math.max(0, rec.extrinsics - inherents);
      authored += n;
      if (submitDone && n === 0) emptyAfterSubmit++;
      else if (n > 0) emptyAfterSubmit = 0;
      wake.fn?.();
    });

    // Submit: round robin over the connections, `inFlight` requests each.
    const rejected = {};
    let accepted = 0;
    const t0 = Date.now();
    const conns = this.submitters;
    await Promise.all(conns.map((p, c) => pool(
      hexes.filter((_, i) => i % conns.length === c), this.cli.inFlight,
      async (hex) => {
        try {
          await p.send('author_submitExtrinsic', [hex]);
          accepted++;
        } catch (e) {
          const why = String(e.message ?? e).replace(/0x[0-9a-f]{16,}/g, '0x…').slice(0, 160);
          rejected[why] = (rejected[why] ?? 0) + 1;
        }
      })));
    const submitSeconds = (Date.now() - t0) / 1000;
    submitDone = true;
    if (Object.keys(rejected).length) log(`${label}: refused by the pool:`, rejected);

    // Wait for inclusion, counted from the authored blocks (their log lines).
    const deadline = Date.now() + Math.max(180_000, hexes.length * 100);
    while (authored < accepted && emptyAfterSubmit < 2 && Date.now() < deadline) {
      await new Promise((r) => {
        wake.fn = r;
        setTimeout(r, 2_000);
      });
    }
    unsub();
    // The last authored block must be imported before we read it.
    for (;;) {
      const best = (await api.rpc.chain.getHeader()).number.toNumber();
      if (best >= lastBlock) break;
      await sleep(200);
    }
    const wallSeconds = (Date.now() - t0) / 1000;

    // Count from the blocks' contents.
    const blocks = [];
    const included = []; // { block, index, ext, events, ok, error }
    for (let n = startBlock + 1; n <= lastBlock; n++) {
      const hash = await api.rpc.chain.getBlockHash(n);
      const [signedBlock, events, weight] = await Promise.all([
        api.rpc.chain.getBlock(hash),
        api.query.system.events.at(hash),
        api.query.system.blockWeight.at(hash),
      ]);
      const byPhase = new Map();
      for (const rec of events) {
        if (!rec.phase.isApplyExtrinsic) continue;
        const i = rec.phase.asApplyExtrinsic.toNumber();
        if (!byPhase.has(i)) byPhase.set(i, []);
        byPhase.get(i).push(rec.event);
      }
      const exts = signedBlock.block.extrinsics;
      let length = 0;
      const b = { number: n, extrinsics: exts.length, count: 0, ok: 0, failed: 0, items: 0, itemsFailed: 0, accepted: 0 };
      exts.forEach((ext, i) => {
        length += ext.encodedLength;
        if (!ext.isSigned || ext.method.section !== section || ext.method.method !== method) return;
        const evs = byPhase.get(i) ?? [];
        const failed = evs.find((e) => e.section === 'system' && e.method === 'ExtrinsicFailed');
        const error = failed ? errorName(api, failed.data.dispatchError) : null;
        b.count++;
        if (failed) b.failed++;
        else b.ok++;
        for (const e of evs) {
          if (e.section !== 'commons') continue;
          if (e.method === 'Attested' && e.data.relayed.isTrue) b.items++;
          if (e.method === 'AttestationFailed') b.itemsFailed++;
          if (e.method === 'ContributionAccepted') b.accepted++;
        }
        // The fee it really paid, after any refund of weight it did not use.
        const paid = evs.find((e) => e.section === 'transactionPayment' && e.method === 'TransactionFeePaid');
        const fee = paid ? paid.data.actualFee.toBigInt() : null;
        included.push({ block: n, index: i, ext, events: evs, ok: !failed, error, fee, length: ext.encodedLength });
      });
      const w = weight.normal;
      b.length = length;
      b.refTimePct = Number((w.refTime.toBigInt() * 10000n) / this.maxRef) / 100;
      b.proofSizePct = Number((w.proofSize.toBigInt() * 1000000n) / this.maxProof) / 10000;
      b.proofSize = w.proofSize.toNumber();
      b.lengthPct = Math.round((length / this.maxLen) * 10000) / 100;
      const prep = this.node.prepared.get(n);
      b.authorMs = prep?.ms ?? null;
      b.end = prep?.end ?? null;
      // Full: the block builder stopped for a limit, and the block holds the scenario's calls.
      b.full = b.count > 0 && (prep ? FULL_ENDS.has(prep.end) : Math.max(b.refTimePct, b.lengthPct) >= 90);
      blocks.push(b);
    }
    return { startBlock, lastBlock, blocks, included, accepted, rejected, submitSeconds, wallSeconds };
  }

  /** Submits setup extrinsics and waits for them; throws if any failed (the setup must hold). */
  async setup(hexes, what, { section, method }) {
    if (!hexes.length) return [];
    log(`setup: ${what} (${hexes.length} extrinsics)`);
    const r = await this.execute(hexes, { section, method, label: `setup ${what}` });
    const bad = r.included.filter((x) => !x.ok);
    const missing = hexes.length - r.included.length;
    if (bad.length || missing) {
      const errs = {};
      for (const x of bad) errs[x.error] = (errs[x.error] ?? 0) + 1;
      throw new Error(`setup ${what}: ${bad.length} failed ${JSON.stringify(errs)}, ${missing} not included ${JSON.stringify(r.rejected)}`);
    }
    return r.included;
  }
}

// ---------------------------------------------------------------------------------------------
// State the scenarios share: the review project and its pending contributions
// ---------------------------------------------------------------------------------------------

class Commons {
  constructor(chain) {
    this.chain = chain;
    this.project = null; // the review project's id
    this.contributions = new Map(); // id -> { id, c (contributor index), kind, quantity, evidence, approvals, reviewers:Set, status }
    this.serial = 0;
  }

  /** The review project: one work kind (10 units an hour), anyone reviews, 2 approvals of 50%. */
  async ensureProject() {
    if (this.project != null) return this.project;
    const { api } = this.chain;
    this.chain.nonces[0] = (await api.query.system.account(this.chain.pairs[0].address)).nonce.toNumber();
    const kinds = [{ name: 'work', unit: 'hour', rate: 10n * FIXED, maxRate: null, claim: 'Equity' }];
    const rules = {
      reviewers: 'Anyone', minApprovals: 2, threshold: 500_000_000,
      reviewPeriod: api.consts.commons.maxReviewPeriod.toNumber(), optimistic: false, reviewerReward: 100_000_000,
    };
    const hex = this.chain.sign(api.tx.commons.createProject('load-test', 'ipfs://load-test', kinds, rules), 0);
    const [x] = await this.chain.setup([hex], 'create the review project', { section: 'commons', method: 'createProject' });
    const created = x.events.find((e) => e.section === 'commons' && e.method === 'ProjectCreated');
    this.project = created.data.project.toNumber();
    log(`review project ${this.project}: kind 0 = work (10 units/hour, equity), reviewers Anyone, 2 approvals, 50%`);
    return this.project;
  }

  /** A submit_contribution by load account `c` (quantity 1..10, unique evidence). */
  submitTx(c, project = this.project) {
    const quantity = BigInt(1 + (this.serial % 10));
    const evidence = `ipfs://load/${c}/${this.serial++}`;
    return this.chain.api.tx.commons.submitContribution(project, 0, quantity, evidence);
  }

  /** Records the contributions these included submit_contribution extrinsics created. */
  recordSubmitted(included) {
    for (const x of included) {
      if (!x.ok) continue;
      const e = x.events.find((ev) => ev.section === 'commons' && ev.method === 'ContributionSubmitted');
      if (!e) continue;
      const id = e.data.contribution.toNumber();
      this.contributions.set(id, {
        id,
        c: this.chain.index.get(e.data.contributor.toString()),
        kind: e.data.kind.toNumber(),
        quantity: e.data.quantity.toBigInt(),
        evidence: x.ext.method.args[3], // the Bytes as submitted
        approvals: 0,
        reviewers: new Set(),
        status: 'Pending',
      });
    }
  }

  /** Records approvals and acceptances from included attest / relay_attestations extrinsics. */
  recordAttested(included) {
    for (const x of included) {
      for (const e of x.events) {
        if (e.section !== 'commons') continue;
        const rec = this.contributions.get(e.data.contribution?.toNumber?.());
        if (!rec) continue;
        if (e.method === 'Attested') {
          rec.approvals++;
          rec.reviewers.add(this.chain.index.get(e.data.reviewer.toString()));
        } else if (e.method === 'ContributionAccepted') rec.status = 'Accepted';
        else if (e.method === 'ContributionRejected') rec.status = 'Rejected';
      }
    }
  }

  pending(approvals) {
    return [...this.contributions.values()].filter((r) => r.status === 'Pending' && r.approvals === approvals);
  }

  /** The reviewer of a contribution's next approval: the next load account after its contributor that has not attested. */
  reviewerFor(rec) {
    const n = this.chain.pairs.length;
    for (let k = 1; k < n; k++) {
      const r = (rec.c + k) % n;
      if (!rec.reviewers.has(r)) return r;
    }
    throw new Error(`no reviewer left for contribution ${rec.id}`);
  }

  /** At least `n` pending contributions with exactly `approvals` approvals (0 or 1), made in a setup if missing. */
  async ensurePending(n, approvals) {
    await this.ensureProject();
    const chain = this.chain;
    let have = this.pending(approvals).length;
    if (have >= n) return this.pending(approvals).slice(0, n);
    if (approvals === 0) {
      await chain.syncNonces();
      const hexes = [];
      for (let j = 0; j < n - have; j++) {
        const c = j % chain.pairs.length;
        hexes.push(chain.sign(this.submitTx(c), c));
      }
      this.recordSubmitted(await chain.setup(hexes, `submit ${hexes.length} contributions`, { section: 'commons', method: 'submitContribution' }));
    } else {
      const fresh = (await this.ensurePending(n - have, 0)).slice(0, n - have);
      await chain.syncNonces();
      const hexes = fresh.map((rec) => {
        const r = this.reviewerFor(rec);
        return chain.sign(chain.api.tx.commons.attest(rec.id, 'Approve', null, ''), r);
      });
      this.recordAttested(await chain.setup(hexes, `approve ${hexes.length} contributions once`, { section: 'commons', method: 'attest' }));
    }
    have = this.pending(approvals).length;
    if (have < n) throw new Error(`only ${have} pending contributions with ${approvals} approvals, ${n} needed`);
    return this.pending(approvals).slice(0, n);
  }
}

// ---------------------------------------------------------------------------------------------
// The scenarios. Each returns { count (default), setup(), sign() -> hexes, check(result) }.
// sign() may run before setup() when the setup's outcome is predictable (votes: the
// proposals' ids), so that pre-signing does not eat a voting period.
// ---------------------------------------------------------------------------------------------

function scenarios(chain, commons, cli) {
  const { api } = chain;
  const N = chain.pairs.length;
  const inject = cli.injectFailures;

  return {
    transfer: {
      sample: () => api.tx.balances.transferKeepAlive(chain.pairs[1].address, UNIT),
      async prepare(count) {
        const hexes = [];
        for (let j = 0; j < count; j++) {
          const from = j % N;
          hexes.push(chain.sign(api.tx.balances.transferKeepAlive(chain.pairs[(from + 1) % N].address, UNIT), from));
        }
        // Fails when dispatched: more than the sender has.
        if (inject) hexes.push(chain.sign(api.tx.balances.transferKeepAlive(chain.pairs[1].address, 10n ** 30n), 0));
        return { hexes };
      },
    },

    submit: {
      sample: () => api.tx.commons.submitContribution(0, 0, 1, 'ipfs://load/0/0'),
      async prepare(count) {
        const project = await commons.ensureProject();
        await chain.syncNonces();
        const hexes = [];
        for (let j = 0; j < count; j++) hexes.push(chain.sign(commons.submitTx(j % N, project), j % N));
        // Fails when dispatched: no such project.
        if (inject) hexes.push(chain.sign(api.tx.commons.submitContribution(999_999, 0, 1, 'ipfs://nowhere'), 1));
        return { hexes, after: (r) => commons.recordSubmitted(r.included) };
      },
    },

    attest: {
      sample: () => api.tx.commons.attest(0, 'Approve', null, ''),
      async prepare(count) {
        const recs = await commons.ensurePending(count + (inject ? 1 : 0), 0);
        await chain.syncNonces();
        const hexes = recs.slice(0, count).map((rec) => chain.sign(api.tx.commons.attest(rec.id, 'Approve', null, ''), commons.reviewerFor(rec)));
        // Fails when dispatched: the contributor reviews their own work (SelfReview).
        if (inject) hexes.push(chain.sign(api.tx.commons.attest(recs[count].id, 'Approve', null, ''), recs[count].c));
        return { hexes, after: (r) => commons.recordAttested(r.included), expectAccepted: 0 };
      },
    },

    decide: {
      sample: () => api.tx.commons.attest(0, 'Approve', null, ''),
      async prepare(count) {
        const recs = await commons.ensurePending(count, 1);
        await chain.syncNonces();
        const hexes = recs.map((rec) => chain.sign(api.tx.commons.attest(rec.id, 'Approve', null, ''), commons.reviewerFor(rec)));
        // Fails when dispatched: the first reviewer attests again (AlreadyAttested, or
        // ReviewClosed once the deciding attestation is in).
        if (inject) hexes.push(chain.sign(api.tx.commons.attest(recs[0].id, 'Approve', null, ''), [...recs[0].reviewers][0]));
        return { hexes, after: (r) => commons.recordAttested(r.included), expectAccepted: 'all' };
      },
    },

    relay: {
      perItem: true,
      // The weight depends on the number of items only: a batch of dummies gives the capacity.
      sample: () => api.tx.commons.relayAttestations(Array.from({ length: RELAY_BATCH }, () => ({
        reviewer: chain.pairs[1].address,
        payload: { genesisHash: api.genesisHash, tag: 'cmns:att', contribution: 0, contributor: chain.pairs[0].address,
          content: new Uint8Array(32), verdict: 'Approve', assessedQuantity: null, assessedRate: null, expiresAt: 0 },
        signature: { Sr25519: new Uint8Array(64) },
      }))),
      async prepare(count) {
        const recs = await commons.ensurePending(count, 0);
        await chain.syncNonces();
        const expiresAt = (await api.rpc.chain.getHeader()).number.toNumber() + 100_000;
        const items = recs.map((rec, j) => {
          const reviewer = commons.reviewerFor(rec);
          const content = blake2AsU8a(api.createType('(u32, u8, u128, Bytes)',
            [commons.project, rec.kind, rec.quantity, rec.evidence]).toU8a(), 256);
          const payload = { genesisHash: api.genesisHash, tag: 'cmns:att', contribution: rec.id,
            contributor: chain.pairs[rec.c].address, content, verdict: 'Approve',
            assessedQuantity: null, assessedRate: null, expiresAt };
          const bytes = api.createType('PalletCommonsSigningAttestationPayload', payload).toU8a();
          // Injected: the first item is signed by the wrong key (BadSignature for that item only).
          const signer = inject && j === 0 ? chain.pairs[(reviewer + 1) % N] : chain.pairs[reviewer];
          return { reviewer: chain.pairs[reviewer].address, payload, signature: { Sr25519: signer.sign(bytes) } };
        });
        const hexes = [];
        for (let b = 0; b * RELAY_BATCH < items.length; b++) {
          const relayer = (b * 7) % N; // one account relays each batch
          hexes.push(chain.sign(api.tx.commons.relayAttestations(items.slice(b * RELAY_BATCH, (b + 1) * RELAY_BATCH)), relayer));
        }
        return { hexes, after: (r) => commons.recordAttested(r.included), expectAccepted: 0 };
      },
    },

    vote: {
      sample: () => api.tx.commons.vote(0, true, 1),
      async prepare(count) {
        // Proposals at the chain's scope (its members are the founders: every load account),
        // as many as needed for one vote per voter and proposal, at least two.
        const proposals = Math.max(2, Math.ceil(count / N));
        if (proposals > MAX_PROPOSALS) throw new Error(`vote: ${count} votes need ${proposals} proposals, at most ${MAX_PROPOSALS}: raise --accounts`);
        await chain.syncNonces();
        const first = (await api.query.commons.nextProposalId()).toNumber();
        const call = api.tx.system.remark('load test').method.toHex();
        const proposeHexes = Array.from({ length: proposals }, (_, p) =>
          chain.sign(api.tx.commons.propose('Chain', { Inline: call }, `load test ${p}`), Math.floor(p / PER_PROPOSER)));
        // Pre-signed before the proposals exist (their ids are predictable): the voting
        // period (10 blocks on the test chains) starts with the proposals.
        const ids = Array.from({ length: proposals }, (_, p) => first + p);
        const hexes = [];
        for (let j = 0; j < count; j++) {
          hexes.push(chain.sign(api.tx.commons.vote(ids[Math.floor(j / N)], j % 2 === 0, 1), j % N));
        }
        // Fails when dispatched: 11 votes cost 121 credits, more than the 100 of an epoch.
        if (inject) hexes.push(chain.sign(api.tx.commons.vote(ids[0], true, 11), N - 1));
        const made = await chain.setup(proposeHexes, `${proposals} chain proposals`, { section: 'commons', method: 'propose' });
        const got = made.map((x) => x.events.find((e) => e.section === 'commons' && e.method === 'Proposed').data);
        got.forEach((d, p) => {
          if (d.proposal.toNumber() !== ids[p]) throw new Error(`vote: proposal ${p} got id ${d.proposal}, expected ${ids[p]}`);
        });
        log(`proposals ${ids.join(', ')}: voting ends at block ${got[0].ends}`);
        return { hexes, presigned: true };
      },
    },

    pay_income: {
      sample: () => api.tx.commons.payIncome(0, UNIT),
      async prepare(count) {
        await chain.syncNonces();
        // Income to the founding project, whose holders are every load account.
        const hexes = [];
        for (let j = 0; j < count; j++) hexes.push(chain.sign(api.tx.commons.payIncome(0, UNIT), j % N));
        // Fails when dispatched: a payment of zero (ZeroAmount).
        if (inject) hexes.push(chain.sign(api.tx.commons.payIncome(0, 0), 1));
        return { hexes };
      },
    },

    claim: {
      sample: () => api.tx.commons.claim(0),
      maxCount: () => N,
      async prepare(count) {
        await chain.syncNonces();
        // Setup: income for every holder of the founding project (10 CMN a load account).
        const amount = BigInt(N) * 10n * UNIT;
        await chain.setup([chain.sign(api.tx.commons.payIncome(0, amount), 0)], `pay ${amount / UNIT} CMN of income to project 0`,
          { section: 'commons', method: 'payIncome' });
        const hexes = [];
        for (let j = 0; j < Math.min(count, N); j++) hexes.push(chain.sign(api.tx.commons.claim(0), j));
        // Fails when dispatched: a second claim right after the first (NothingToClaim).
        if (inject) hexes.push(chain.sign(api.tx.commons.claim(0), 0));
        return { hexes };
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

/** The longest run of consecutive full blocks. */
function longestRun(numbers) {
  let best = 0;
  let run = 0;
  let prev = null;
  for (const n of numbers) {
    run = prev != null && n === prev + 1 ? run + 1 : 1;
    best = Math.max(best, run);
    prev = n;
  }
  return best;
}

function summarize(meta, r, submitted, slotSeconds, extra) {
  const blocks = r.blocks.filter((b) => b.count > 0);
  const full = blocks.filter((b) => b.full);
  const pick = (b) => (meta.items ? b.items + b.itemsFailed : b.count);
  const failures = {};
  for (const x of r.included) if (!x.ok) failures[x.error] = (failures[x.error] ?? 0) + 1;
  const itemFailures = {};
  if (meta.items) {
    for (const x of r.included) {
      for (const e of x.events) {
        if (e.section === 'commons' && e.method === 'AttestationFailed') {
          const k = errorName(chainApi, e.data.error);
          itemFailures[k] = (itemFailures[k] ?? 0) + 1;
        }
      }
    }
  }
  const perBlock = median(full.map(pick));
  // The fee paid (TransactionFeePaid: after refunds) by the extrinsics that succeeded, in CMN.
  const fees = r.included.filter((x) => x.ok && x.fee != null).map((x) => x.fee).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const medianFee = fees.length ? fees[Math.floor((fees.length - 1) / 2)] : null;
  const lengths = r.included.filter((x) => x.ok).map((x) => x.length);
  // Fullness and times: medians over the full blocks or, with none, the busiest block's.
  const peak = blocks.reduce((a, b) => (a && pick(a) >= pick(b) ? a : b), null);
  const basis = full.length ? full : peak ? [peak] : [];
  const s = {
    scenario: meta.key,
    call: meta.call,
    submitted,
    refusedByPool: r.rejected,
    included: r.included.length,
    succeeded: r.included.filter((x) => x.ok).length,
    failed: r.included.length - r.included.filter((x) => x.ok).length,
    failures,
    notIncluded: submitted - r.included.length,
    ...(meta.items ? {
      attestations: {
        relayed: blocks.reduce((a, b) => a + b.items + b.itemsFailed, 0),
        counted: blocks.reduce((a, b) => a + b.items, 0),
        failed: blocks.reduce((a, b) => a + b.itemsFailed, 0),
        failures: itemFailures,
      },
    } : {}),
    accepted: blocks.reduce((a, b) => a + b.accepted, 0),
    blocks: blocks.map((b) => b.number),
    fullBlocks: full.map((b) => b.number),
    consecutiveFull: longestRun(full.map((b) => b.number)),
    perFullBlock: perBlock,
    feePaidCmn: medianFee == null ? null : Number(medianFee) / Number(UNIT),
    feePaidPerItemCmn: medianFee == null || !meta.items ? null : Number(medianFee) / Number(UNIT) / RELAY_BATCH,
    medianLengthBytes: median(lengths),
    perFullBlockExtrinsics: median(full.map((b) => b.count)),
    perSecond: perBlock == null ? null : round(perBlock / slotSeconds, 1),
    peakBlock: peak ? { number: peak.number, count: pick(peak), end: peak.end } : null,
    fullnessOf: full.length ? 'full blocks (median)' : 'the busiest block (no full block)',
    fullness: {
      refTimePct: round(median(basis.map((b) => b.refTimePct)), 2),
      proofSizePct: round(median(basis.map((b) => b.proofSizePct)), 4),
      proofSizeBytes: median(basis.map((b) => b.proofSize)),
      lengthPct: round(median(basis.map((b) => b.lengthPct)), 2),
      lengthBytes: median(basis.map((b) => b.length)),
      endReasons: [...new Set(basis.map((b) => b.end))],
    },
    authorMs: median(basis.map((b) => b.authorMs).filter((x) => x != null)),
    submitSeconds: round(r.submitSeconds, 1),
    wallSeconds: round(r.wallSeconds, 1),
    perBlockDetail: r.blocks,
    ...extra,
    warnings: [],
  };
  if (s.consecutiveFull < 2) s.warnings.push(`only ${s.consecutiveFull} consecutive full block(s): raise --count ${meta.key}=N for a steady-state figure`);
  if (s.failed) s.warnings.push(`${s.failed} extrinsic(s) failed: ${JSON.stringify(failures)}`);
  if (meta.items && s.attestations.failed) s.warnings.push(`${s.attestations.failed} relayed attestation(s) did not count: ${JSON.stringify(itemFailures)}`);
  if (s.notIncluded) s.warnings.push(`${s.notIncluded} submitted extrinsic(s) never included (pool: ${JSON.stringify(r.rejected)})`);
  return s;
}
let chainApi; // for errorName in summarize

function checkDecisions(s, expectAccepted) {
  if (expectAccepted === 0 && s.accepted) s.warnings.push(`${s.accepted} contribution(s) accepted: the attestations were meant not to decide`);
  if (expectAccepted === 'all' && s.accepted !== s.succeeded) s.warnings.push(`${s.accepted} accepted of ${s.succeeded} deciding attestations`);
}

function markdown(report) {
  const rows = report.scenarios.map((s) => {
    const items = s.attestations ? ` (${s.attestations.counted}/${s.attestations.relayed} items counted)` : '';
    const perBlock = s.perFullBlock ?? (s.peakBlock ? `– (peak ${s.peakBlock.count}, not full)` : '–');
    const mark = s.fullBlocks.length ? '' : '~'; // ~: of the busiest block, not of full blocks
    const f = (x) => (x == null ? '–' : `${mark}${x}`);
    const blocks = s.fullBlocks.length ? `${s.fullBlocks.join(', ')} (${s.fullness.endReasons.join('/')})`
      : `none (busiest: #${s.peakBlock?.number ?? '–'}, ${s.peakBlock?.end ?? '–'})`;
    return `| ${s.call} | ${s.submitted} | ${s.succeeded} / ${s.failed}${items} | ${perBlock} | ${s.perSecond ?? '–'} | ${s.ratioToTransfer ?? '–'} | `
      + `${f(s.fullness.refTimePct)} | ${f(s.fullness.proofSizePct)} | ${f(s.fullness.lengthPct)} | ${f(s.authorMs)} | ${f(s.importMs)} | `
      + `${s.feePaidCmn == null ? '–' : s.feePaidCmn.toFixed(6)}${s.feePaidPerItemCmn == null ? '' : ` (${s.feePaidPerItemCmn.toFixed(6)} per item)`} | ${blocks} |`;
  });
  const lines = [
    `## Commons Chain load run (${report.mode}, ${report.accounts} load accounts, spec ${report.runtime.specName} v${report.runtime.specVersion}, ${report.slotMs / 1000} s blocks)`,
    '',
    '| scenario | submitted | included ok / failed | per full block (median) | per second | vs transfer | ref_time % | proof_size % | length % | author ms | import ms | fee paid (CMN, median) | full blocks (why) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
    `Normal-class limits: ref_time ${report.limits.refTimeMs} ms, proof_size ${report.limits.proofSize}, length ${report.limits.lengthBytes} bytes. `
      + 'Fullness, author and import times are medians over the full blocks (~: of the busiest block, where no block was full); '
      + 'relay counts attestations (items, in batches of 16), not extrinsics. Author ms: the node building the block (its log); '
      + 'import ms: `benchmark block` re-executing it (average of 3).',
  ];
  const warnings = report.scenarios.flatMap((s) => s.warnings.map((w) => `- ${s.scenario}: ${w}`));
  if (warnings.length) lines.push('', '**Warnings**', '', ...warnings);
  if (report.bench?.error) lines.push('', `benchmark block failed: ${report.bench.error.split('\n')[0]}`);
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

let cleanup = () => {};

async function main() {
  const cli = parseCli();
  await cryptoWaitReady();
  const basePath = mkdtempSync(path.join(os.tmpdir(), 'commons-load-'));
  cleanup = () => (cli.keepDb ? log(`database kept at ${basePath}`) : rmSync(basePath, { recursive: true, force: true }));
  const logFile = `${cli.out}.node.log`;
  let node;
  let api;
  let chain;
  const report = { mode: cli.quick ? 'quick' : 'full', accounts: cli.accounts, startedAt: new Date().toISOString(), scenarios: [] };
  try {
    // Accounts: //load//i of the dev phrase, derived from //load once (hard junctions).
    const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
    const root = keyring.addFromUri('//load');
    const pairs = Array.from({ length: cli.accounts }, (_, i) => root.derive(`//${i}`));
    log(`${pairs.length} load accounts derived`);

    node = await startNode(cli, basePath, logFile);
    api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${node.rpcPort}`, 1000, {}, 120_000), noInitWarn: true });
    chainApi = api;
    chain = new Chain(api, node, cli, pairs);
    await chain.openSubmitters(4);
    const first = await api.query.system.account(pairs[0].address);
    if (first.data.free.toBigInt() === 0n) throw new Error('load account 0 has no funds: is this the `load` chain?');
    const last = await api.query.system.account(pairs[pairs.length - 1].address);
    if (last.data.free.toBigInt() === 0n) throw new Error(`load account ${pairs.length - 1} has no funds: COMMONS_LOAD_ACCOUNTS mismatch?`);

    // Inherents per block (the timestamp): what an empty block holds.
    await new Promise((resolve) => {
      const check = () => {
        const any = [...node.prepared.values()][0];
        if (any) {
          chain.inherents = any.extrinsics;
          resolve();
          return true;
        }
        return false;
      };
      if (!check()) {
        const un = node.onPrepared(() => check() && un());
      }
    });
    let slotMs = 6000;
    try {
      slotMs = (await api.call.auraApi.slotDuration()).toNumber();
    } catch { /* keep 6 s */ }
    const rv = api.runtimeVersion;
    report.runtime = { specName: rv.specName.toString(), specVersion: rv.specVersion.toNumber() };
    report.slotMs = slotMs;
    report.limits = {
      refTimeMs: Number(chain.maxRef) / 1e9, proofSize: chain.maxProof.toString(), lengthBytes: chain.maxLen,
      baseExtrinsicUs: Number(chain.baseExtrinsic) / 1e6,
    };
    report.node = { binary: cli.bin, basePath, log: logFile, inherentsPerBlock: chain.inherents };
    log(`normal class: ${report.limits.refTimeMs} ms ref_time, ${chain.maxLen} bytes; ${chain.inherents} inherent(s) per block; slot ${slotMs} ms`);

    const commons = new Commons(chain);
    const defs = scenarios(chain, commons, cli);
    await chain.syncNonces();
    for (const meta of SCENARIOS.filter((s) => cli.only.includes(s.key))) {
      const def = defs[meta.key];
      // How much one block holds, by the runtime's numbers, and so the default count.
      const cap = await chain.capacity(def.sample(), 1);
      const capItems = (def.perItem ? cap.perBlock * RELAY_BATCH : cap.perBlock) * (meta.refund ?? 1);
      let count = cli.counts[meta.key]
        ?? (cli.quick ? (meta.key === 'transfer' ? Math.ceil(capItems * QUICK_TRANSFER_FACTOR) : QUICK_COUNTS[meta.key])
          : Math.ceil(capItems * cli.blocksFactor));
      if (def.perItem) count = Math.ceil(count / RELAY_BATCH) * RELAY_BATCH;
      const warnings = [];
      if (def.maxCount && count > def.maxCount()) {
        warnings.push(`count cut from ${count} to ${def.maxCount()} (one claim per load account): raise --accounts`);
        count = def.maxCount();
      }
      log(`== ${meta.call}: ${count}${def.perItem ? ' attestations' : ''}; the runtime estimates ${capItems} per block `
        + `(by weight ${def.perItem ? cap.byWeight * RELAY_BATCH : cap.byWeight}, by length ${def.perItem ? cap.byLength * RELAY_BATCH : cap.byLength}; ${cap.bytes} bytes, ${cap.refTime / 1e6} µs each${def.perItem ? ' batch' : ''})`);

      // SETUP and PRE-SIGN (the clock is not running).
      const tSign = Date.now();
      const prepared = await def.prepare(count);
      const signSeconds = (Date.now() - tSign) / 1000;
      log(`${meta.key}: ${prepared.hexes.length} extrinsics ready (setup and signing ${round(signSeconds, 1)} s); submitting`);

      // SUBMIT and COUNT.
      const r = await chain.execute(prepared.hexes, { section: meta.section, method: meta.method, label: meta.key });
      prepared.after?.(r);
      const s = summarize(meta, r, prepared.hexes.length, slotMs / 1000, {
        estimatedPerBlock: capItems, estimate: cap, prepareSeconds: round(signSeconds, 1),
      });
      s.warnings.unshift(...warnings);
      if (prepared.expectAccepted != null) checkDecisions(s, prepared.expectAccepted);
      report.scenarios.push(s);
      log(`${meta.key}: included ${s.succeeded} ok, ${s.failed} failed${s.attestations ? `, attestations ${s.attestations.counted} counted / ${s.attestations.failed} failed` : ''}; `
        + `full blocks ${s.fullBlocks.join(', ') || 'none'}; median ${s.perFullBlock ?? '–'} per full block${s.failed ? `; failures ${JSON.stringify(s.failures)}` : ''}`);
    }

    // Ratios to the transfers of this run.
    const transfer = report.scenarios.find((s) => s.scenario === 'transfer');
    for (const s of report.scenarios) {
      s.ratioToTransfer = transfer?.perFullBlock && s.perFullBlock != null ? round(s.perFullBlock / transfer.perFullBlock, 3) : null;
    }
  } finally {
    await chain?.close().catch(() => {});
    await api?.disconnect().catch(() => {});
    await node?.stop();
  }

  // Import times of the full blocks, re-executed by `benchmark block` on the run's database.
  if (!cli.skipBench && report.scenarios.length) {
    // One run over every scenario's full blocks (or busiest, where none was full), from the
    // block before the first: the first block a process executes also compiles the runtime,
    // so that block's time is not a measurement.
    const measured = report.scenarios.flatMap((s) => (s.fullBlocks.length ? s.fullBlocks : s.peakBlock ? [s.peakBlock.number] : []));
    if (measured.length) {
      const from = Math.max(1, Math.min(...measured) - 1);
      const to = Math.max(...measured);
      try {
        const { command, blocks } = await benchmarkBlocks(cli, basePath, from, to);
        report.bench = { command, warmUpBlock: from < Math.min(...measured) ? from : null };
        for (const s of report.scenarios) {
          for (const b of s.perBlockDetail) {
            const t = blocks.get(b.number);
            if (t && b.number !== report.bench.warmUpBlock) Object.assign(b, { importMs: round(t.importMs, 1), importPctOfWeight: t.percentOfWeight });
          }
          const basis = s.fullBlocks.length ? s.perBlockDetail.filter((b) => b.full) : s.perBlockDetail.filter((b) => b.number === s.peakBlock?.number);
          s.importMs = round(median(basis.map((b) => b.importMs).filter((x) => x != null)), 1);
          s.importPctOfWeight = round(median(basis.map((b) => b.importPctOfWeight).filter((x) => x != null)), 1);
        }
      } catch (e) {
        report.bench = { error: e.message };
        log(`benchmark block failed: ${e.message}`);
      }
    }
  }
  cleanup();

  report.finishedAt = new Date().toISOString();
  report.markdown = markdown(report);
  writeFileSync(cli.out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(report.markdown);
  log(`report written to ${cli.out}`);
  const failed = report.scenarios.some((s) => s.failed || s.attestations?.failed);
  if (failed && !cli.injectFailures) process.exitCode = 2;
}

for (const sig of ['SIGINT', 'SIGTERM']) {
  process.once(sig, () => {
    log(`${sig}: stopping`);
    process.exit(130); // the 'exit' handler kills the node
  });
}

main().catch((e) => {
  console.error(e.stack ?? e);
  try {
    cleanup(); // the node is stopped by main's finally before the error gets here
  } catch { /* best effort */ }
  process.exit(1);
});
