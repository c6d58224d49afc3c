/**
 * Checking a souvenir certificate (issue #12 item 6), by id (the /verify page) or as a document
 * someone sent: signed by one of the expo's keys, the same bytes the ledger recorded at issue, and
 * the ledger entry itself intact. The same checks run offline in the CLI, on published data.
 */
import type { SouvenirKey } from '../db/repositories/souvenirs';
import type { Repositories } from '../db/repositories';
import type { VerifyResult } from '../../shared/api/souvenirs';
import { signedCertificateSchema } from '../../shared/api/souvenirs';
import { canonicalBytes, sha256Hex, signatureValid } from './certificate';
import { entryHashOf, type LedgerEntry } from './ledger';

export const keyView = (k: SouvenirKey) => ({
  id: k.id,
  publicKey: k.publicKey,
  algorithm: 'Ed25519' as const,
  createdAt: k.createdAt,
  retiredAt: k.retiredAt,
});

/** True when the certificate and signature are exactly what this ledger entry recorded, and the entry is intact. */
export function matchesLedger(certificate: unknown, signature: string, entry: LedgerEntry): boolean {
  return (
    entry.certificateHash === sha256Hex(canonicalBytes(certificate)) && entry.signatureHash === sha256Hex(signature) && entryHashOf(entry) === entry.entryHash
  );
}

/** The full check of one signed certificate against the keys and its ledger entry. */
export function checkSigned(certificate: unknown, signature: string, keys: readonly SouvenirKey[], entry: LedgerEntry | null): boolean {
  const keyId = (certificate as { key?: unknown })?.key;
  const key = keys.find((k) => k.id === keyId);
  return !!key && !!entry && entry.keyId === key.id && signatureValid(certificate, signature, key.publicKey) && matchesLedger(certificate, signature, entry);
}

export async function verifyById(repos: Repositories, id: string): Promise<VerifyResult> {
  const [souvenir, entry, keys] = await Promise.all([repos.souvenirs.get(id), repos.souvenirs.ledgerEntry(id), repos.souvenirs.keys()]);
  if (!souvenir) return { status: entry ? 'withdrawn' : 'unknown', certificate: null, signature: null, key: null, ledger: entry };
  const key = keys.find((k) => k.id === souvenir.keyId) ?? null;
  const ok = checkSigned(souvenir.certificate, souvenir.signature, keys, entry);
  return {
    status: ok ? 'genuine' : 'altered',
    certificate: souvenir.certificate,
    signature: souvenir.signature,
    key: key ? keyView(key) : null,
    ledger: entry,
  };
}

/** A document someone sent: what it claims, checked. Anything that is not a certificate is `unknown`. */
export async function verifyDocument(repos: Repositories, doc: unknown): Promise<VerifyResult> {
  const parsed = signedCertificateSchema.safeParse(doc);
  if (!parsed.success) return { status: 'unknown', certificate: null, signature: null, key: null, ledger: null };
  const { certificate, signature } = parsed.data;
  const [entry, keys, held] = await Promise.all([repos.souvenirs.ledgerEntry(certificate.id), repos.souvenirs.keys(), repos.souvenirs.get(certificate.id)]);
  const key = keys.find((k) => k.id === certificate.key) ?? null;
  if (!entry) return { status: 'unknown', certificate, signature, key: key ? keyView(key) : null, ledger: null };
  const ok = checkSigned(certificate, signature, keys, entry);
  return { status: ok ? (held ? 'genuine' : 'withdrawn') : 'altered', certificate, signature, key: key ? keyView(key) : null, ledger: entry };
}
