// polkadot.js helpers for the end-to-end tests: connect, send and wait, decode errors.
import { ApiPromise, HttpProvider, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

export async function connect(port) {
  await cryptoWaitReady();
  const api = await ApiPromise.create({ provider: new WsProvider(`ws://127.0.0.1:${port}`), noInitWarn: true });
  return api;
}

export function keyring() {
  const k = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const pair = (name) => k.addFromUri(`//${name}`);
  return { keyring: k, alice: pair('Alice'), bob: pair('Bob'), charlie: pair('Charlie'),
    dave: pair('Dave'), eve: pair('Eve'), ferdie: pair('Ferdie'), pair };
}

/** A dispatch error as `Pallet.Error` (or its kind). */
export function errorName(api, dispatchError) {
  if (dispatchError.isModule) {
    const meta = api.registry.findMetaError(dispatchError.asModule);
    return `${meta.section}.${meta.name}`;
  }
  if (dispatchError.isToken) return `Token.${dispatchError.asToken.type}`;
  return dispatchError.type;
}

/**
 * Signs and sends `tx`, resolves with the events of its block once it is included. Rejects
 * with `Pallet.Error` if dispatch failed, or with the pool's error if it was refused.
 */
export function send(api, tx, signer, options = {}) {
  return new Promise((resolve, reject) => {
    let unsub;
    tx.signAndSend(signer, { nonce: -1, ...options }, (result) => {
      const { status, events, dispatchError } = result;
      if (status.isInBlock || status.isFinalized) {
        unsub?.();
        if (dispatchError) {
          const e = new Error(errorName(api, dispatchError));
          e.events = events;
          reject(e);
        } else {
          resolve({ events, blockHash: status.isInBlock ? status.asInBlock : status.asFinalized });
        }
      } else if (status.isInvalid || status.isDropped || status.isUsurped) {
        unsub?.();
        reject(new Error(`transaction ${status.type}`));
      }
    }).then((u) => (unsub = u), reject);
  });
}

/** The events of `section.method` among `events`, as JSON-like data. */
export function eventsOf(events, section, method) {
  return events.filter(({ event }) => event.section === section && event.method === method)
    .map(({ event }) => event.data);
}

/** The fee `who` paid in these events (pallet-transaction-payment's TransactionFeePaid). */
export function feePaid(events, who) {
  return eventsOf(events, 'transactionPayment', 'TransactionFeePaid')
    .filter((d) => d.who.toString() === who)
    .reduce((sum, d) => sum + d.actualFee.toBigInt(), 0n);
}

export async function freeBalance(api, who) {
  return (await api.query.system.account(who)).data.free.toBigInt();
}

/** Resolves once the best block is past `n`. */
export async function waitPastBlock(api, n, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const now = (await api.rpc.chain.getHeader()).number.toNumber();
    if (now > n) return now;
    if (Date.now() > deadline) throw new Error(`block ${n} not passed (at ${now})`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

/** Proposes `call` (inline) for `scope`; resolves with the proposal's id and last voting block. */
export async function propose(api, scope, call, description, signer) {
  const { events } = await send(api, api.tx.commons.propose(scope, { Inline: call.method.toHex() }, description), signer);
  const [proposed] = eventsOf(events, 'commons', 'Proposed');
  return { id: proposed.proposal.toNumber(), ends: proposed.ends.toNumber() };
}
