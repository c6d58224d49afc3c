/**
 * Whole checks of the souvenir records (issue #12 item 6), for the CLI and the tests: the ledger's
 * chain, and every certificate still held against its key and its ledger entry. They take plain
 * data (what the public routes publish), so they run the same on the database or on files.
 */
import type { SouvenirKey } from '../db/repositories/souvenirs';
import { signatureValid } from './certificate';
import { checkChain, type ChainProblem, type LedgerEntry } from './ledger';
import { matchesLedger } from './verify';

export interface CertificateProblem {
  id: string;
  problem: 'no_key' | 'signature' | 'not_in_ledger' | 'ledger_mismatch';
}

export interface CheckReport {
  entries: number;
  certificates: number;
  chain: ChainProblem[];
  certificateProblems: CertificateProblem[];
  ok: boolean;
}

export interface SignedDoc {
  certificate: { id: string; key: string } & Record<string, unknown>;
  signature: string;
}

/** One certificate: signed by the key it names, and (when a ledger is given) recorded there as it is. */
export function checkCertificate(doc: SignedDoc, keys: readonly SouvenirKey[], ledger?: readonly LedgerEntry[]): CertificateProblem['problem'] | null {
  const key = keys.find((k) => k.id === doc.certificate.key);
  if (!key) return 'no_key';
  if (!signatureValid(doc.certificate, doc.signature, key.publicKey)) return 'signature';
  if (!ledger) return null;
  const entry = ledger.find((e) => e.souvenirId === doc.certificate.id);
  if (!entry) return 'not_in_ledger';
  return matchesLedger(doc.certificate, doc.signature, entry) ? null : 'ledger_mismatch';
}

export function checkAll(ledger: readonly LedgerEntry[], keys: readonly SouvenirKey[], held: readonly SignedDoc[]): CheckReport {
  const chain = checkChain(ledger);
  const certificateProblems: CertificateProblem[] = [];
  for (const doc of held) {
    const problem = checkCertificate(doc, keys, ledger);
    if (problem) certificateProblems.push({ id: doc.certificate.id, problem });
  }
  return { entries: ledger.length, certificates: held.length, chain, certificateProblems, ok: chain.length === 0 && certificateProblems.length === 0 };
}
