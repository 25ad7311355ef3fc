#!/usr/bin/env node
// Prints, as markdown, the weight of every benchmarked call of every pallet from the generated
// files in runtime/src/weights/ (components at the top of their range, the database's reads and
// writes at the measured ParityDB figures), and what the weight alone costs in fees:
//   node scripts/weights-table.mjs [pallet ...]     (default: every pallet)
// Fees: (ExtrinsicBaseWeight + the transaction extensions' weights + the call's weight) ×
// FEE_PER_PICOSECOND (runtime/src/configs/mod.rs) at a fee multiplier of one, for a signed,
// mortal extrinsic; the length fee (one micro-CMN a byte) comes on top.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const weights = join(root, 'runtime/src/weights');
const num = (s) => BigInt(s.replaceAll('_', ''));

/** The measured ParityDB read and write, in picoseconds. */
function dbWeight() {
  const src = readFileSync(join(weights, 'paritydb_weights.rs'), 'utf8');
  const read = src.match(/read:\s*([\d_]+)\s*\*\s*constants::WEIGHT_REF_TIME_PER_NANOS/);
  const write = src.match(/write:\s*([\d_]+)\s*\*\s*constants::WEIGHT_REF_TIME_PER_NANOS/);
  if (!read || !write) throw new Error('paritydb_weights.rs: no read or write figure');
  return { read: num(read[1]) * 1000n, write: num(write[1]) * 1000n };
}

/** A constant of the overhead benchmark (`WEIGHT_REF_TIME_PER_NANOS.saturating_mul(N)`). */
function overhead(file) {
  const src = readFileSync(join(weights, file), 'utf8');
  const m = src.match(/WEIGHT_REF_TIME_PER_NANOS\.saturating_mul\(([\d_]+)\)/);
  if (!m) throw new Error(`${file}: no weight`);
  return num(m[1]) * 1000n;
}

function feePerPicosecond() {
  const src = readFileSync(join(root, 'runtime/src/configs/mod.rs'), 'utf8');
  const m = src.match(/pub const FEE_PER_PICOSECOND: Balance = ([\d_]+);/);
  if (!m) throw new Error('configs/mod.rs: no FEE_PER_PICOSECOND');
  return num(m[1]);
}

/** Every benchmarked function of a generated file: its weight at the top of its components. */
function functionsOf(file, db) {
  const src = readFileSync(join(weights, file), 'utf8');
  const out = [];
  const fnRe = /((?:\t\/\/\/[^\n]*\n)*)\tfn (\w+)\(([^)]*)\) -> Weight \{\n([\s\S]*?)\n\t\}/g;
  for (const [, docs, name, params, body] of src.matchAll(fnRe)) {
    const ranges = {};
    for (const [, c, , hi] of docs.matchAll(/component `(\w+)` is `\[(\d+), (\d+)\]`/g)) ranges[c] = BigInt(hi);
    const comps = [...params.matchAll(/(\w+): u32/g)].map((m) => m[1]);
    const at = (c) => ranges[c] ?? 0n;
    let ref = 0n;
    let proof = 0n;
    let reads = 0n;
    let writes = 0n;
    for (const line of body.split('\n')) {
      let m;
      if ((m = line.match(/Weight::from_parts\(([\d_]+), ([\d_]+)\)(?:\.saturating_mul\((\w+)\.into\(\)\))?/))) {
        const k = m[3] ? at(m[3]) : 1n;
        ref += num(m[1]) * k;
        proof += num(m[2]) * k;
      } else if ((m = line.match(/\.(reads|writes)\(\(([\d_]+)_u64\)\.saturating_mul\((\w+)\.into\(\)\)\)/))) {
        const n = num(m[2]) * at(m[3]);
        if (m[1] === 'reads') reads += n; else writes += n;
      } else if ((m = line.match(/\.(reads|writes)\(([\d_]+)(?:_u64)?\)/))) {
        if (m[1] === 'reads') reads += num(m[2]); else writes += num(m[2]);
      }
    }
    ref += reads * db.read + writes * db.write;
    const shown = comps.map((c) => `${c}=${at(c)}`).join(', ');
    out.push({ name: shown ? `${name}(${shown})` : name, ref, proof, reads, writes });
  }
  return out;
}

const db = dbWeight();
// What every signed extrinsic costs besides its call: the base, and the weights of the
// transaction extensions the runtime runs (CheckMetadataHash has none).
const extensions = new Set([
  'check_genesis', 'check_mortality_mortal_transaction', 'check_non_zero_sender', 'check_nonce',
  'check_spec_version', 'check_tx_version', 'check_weight', 'weight_reclaim',
  'charge_transaction_payment',
]);
const extensionWeight = ['frame_system_extensions.rs', 'pallet_transaction_payment.rs']
  .flatMap((f) => functionsOf(f, db))
  .filter((f) => extensions.has(f.name))
  .reduce((sum, f) => sum + f.ref, 0n);
const base = overhead('extrinsic_weights.rs') + extensionWeight;
const block = overhead('block_weights.rs');
const fee = feePerPicosecond();
const UNIT = 10n ** 12n;
const cmn = (plancks) => {
  const whole = plancks / UNIT;
  const frac = (plancks % UNIT).toString().padStart(12, '0').slice(0, 6);
  return `${whole}.${frac}`;
};
const us = (ps) => (Number(ps) / 1e6).toFixed(1);

const wanted = process.argv.slice(2);
const files = readdirSync(weights)
  .filter((f) => /^(pallet_|frame_system).*\.rs$/.test(f))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.rs$/, '')))
  .sort();

console.log(`ParityDB read ${us(db.read)} µs, write ${us(db.write)} µs; a signed extrinsic's base and extensions ${us(base)} µs (of which extensions ${us(extensionWeight)}); empty block ${us(block)} µs; ${fee} plancks per picosecond.\n`);
for (const file of files) {
  console.log(`### ${file.replace(/\.rs$/, '')}\n`);
  console.log('| call | ref_time (µs) | proof_size (bytes) | reads | writes | fee of the weight (CMN) |');
  console.log('|------|--------------:|-------------------:|------:|-------:|-----------------------:|');
  for (const f of functionsOf(file, db)) {
    console.log(`| \`${f.name}\` | ${us(f.ref)} | ${f.proof} | ${f.reads} | ${f.writes} | ${cmn((f.ref + base) * fee)} |`);
  }
  console.log('');
}
