/**
 * The souvenir ledger (issue #12 item 6): every issue appended as an entry that carries the hash
 * of the one before, so changing, removing or reordering any entry breaks every hash after it.
 * An entry holds hashes and ids only (no names), so the whole ledger can be published and checked
 * offline (`npx tsx server/cli.ts verify-ledger ledger.json`).
 */
import { canonicalBytes, sha256Hex } from './certificate';

/** The first entry's `prev`. */
export const GENESIS_HASH = '0'.repeat(64);

export interface LedgerEntry {
  seq: number;
  souvenirId: string;
  certificateHash: string;
  signatureHash: string;
  keyId: string;
  issuedAt: number;
  prevHash: string;
  entryHash: string;
}

/** The hash of an entry: over everything in it but the hash itself, canonically. */
export function entryHashOf(e: Omit<LedgerEntry, 'entryHash'>): string {
  return sha256Hex(
    canonicalBytes({
      seq: e.seq,
      souvenir: e.souvenirId,
      certificate: e.certificateHash,
      signature: e.signatureHash,
      key: e.keyId,
      at: e.issuedAt,
      prev: e.prevHash,
    }),
  );
}

export interface ChainProblem {
  seq: number;
  problem: 'gap' | 'prev' | 'hash';
}

/**
 * Checks a whole ledger, in order from seq 1: numbered without gaps, each entry's `prev` the entry
 * before's hash, each hash right. Returns every problem found (none: the chain is whole).
 */
export function checkChain(entries: readonly LedgerEntry[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev = GENESIS_HASH;
  entries.forEach((e, i) => {
    if (e.seq !== i + 1) problems.push({ seq: e.seq, problem: 'gap' });
    if (e.prevHash !== prev) problems.push({ seq: e.seq, problem: 'prev' });
    if (entryHashOf(e) !== e.entryHash) problems.push({ seq: e.seq, problem: 'hash' });
    prev = e.entryHash;
  });
  return problems;
}
