/**
 * Souvenir keys, certificates and the ledger (issue #12 item 6). Issuing is one transaction that
 * numbers the certificate in its set, signs it, and appends the ledger entry after the current
 * last one; two processes issuing at once collide on a unique key (serial or seq), and the loser
 * tries again on the new last entry, so the chain never forks.
 */
import type { Kdb, SouvenirKeyTable, SouvenirTable, SouvenirLedgerTable } from '../types';
import { isUniqueViolation, newId } from './ids';
import {
  canonicalBytes,
  CERTIFICATE_VERSION,
  chinaDate,
  generateSigningKey,
  sha256Hex,
  signCertificate,
  type SouvenirCertificate,
} from '../../souvenirs/certificate';
import { entryHashOf, GENESIS_HASH, type LedgerEntry } from '../../souvenirs/ledger';

export interface SouvenirKey {
  id: string;
  publicKey: string;
  createdAt: number;
  retiredAt: number | null;
}

export interface SouvenirRecord {
  id: string;
  userId: string;
  setId: string;
  serial: number;
  /** the canonical JSON as signed */
  certificateText: string;
  certificate: SouvenirCertificate;
  signature: string;
  keyId: string;
  issuedAt: number;
}

export interface IssueInput {
  userId: string;
  setId: string;
  expo: string;
  name: string;
  design: string;
  now?: number;
}

const keyOf = (r: SouvenirKeyTable): SouvenirKey => ({
  id: r.id,
  publicKey: r.public_key,
  createdAt: Number(r.created_at),
  retiredAt: r.retired_at === null ? null : Number(r.retired_at),
});

const recordOf = (r: SouvenirTable): SouvenirRecord => ({
  id: r.id,
  userId: r.user_id,
  setId: r.set_id,
  serial: r.serial,
  certificateText: r.certificate,
  certificate: JSON.parse(r.certificate) as SouvenirCertificate,
  signature: r.signature,
  keyId: r.key_id,
  issuedAt: Number(r.issued_at),
});

export const ledgerEntryOf = (r: SouvenirLedgerTable): LedgerEntry => ({
  seq: Number(r.seq),
  souvenirId: r.souvenir_id,
  certificateHash: r.certificate_hash,
  signatureHash: r.signature_hash,
  keyId: r.key_id,
  issuedAt: Number(r.issued_at),
  prevHash: r.prev_hash,
  entryHash: r.entry_hash,
});

/** How many times an issue is tried again after losing a race for the next serial or ledger place. */
const ISSUE_TRIES = 8;

export function souvenirRepository(db: Kdb) {
  async function signingKey(): Promise<SouvenirKeyTable | undefined> {
    return db.selectFrom('souvenir_keys').selectAll().where('retired_at', 'is', null).orderBy('ordinal', 'desc').limit(1).executeTakeFirst();
  }

  /** Adds the next key (k1 on first start); a second process adding the same ordinal at once loses quietly. */
  async function addKey(now: number): Promise<void> {
    const last = await db
      .selectFrom('souvenir_keys')
      .select((eb) => eb.fn.max('ordinal').as('n'))
      .executeTakeFirst();
    const ordinal = Number(last?.n ?? 0) + 1;
    const k = generateSigningKey();
    await db
      .insertInto('souvenir_keys')
      .values({ id: `k${ordinal}`, ordinal, public_key: k.publicKey, private_key: k.privateKeyPem, created_at: now, retired_at: null })
      .onConflict((oc) => oc.doNothing())
      .execute();
  }

  /** The key that signs now, generated if the expo has none (first start). */
  async function ensureKey(now = Date.now()): Promise<SouvenirKey> {
    let k = await signingKey();
    if (!k) {
      await addKey(now);
      k = await signingKey();
    }
    if (!k) throw new Error('no souvenir signing key');
    return keyOf(k);
  }

  return {
    ensureKey,

    /** Retires the signing key and makes the next one; what the old key signed stays valid. */
    async rotateKey(now = Date.now()): Promise<SouvenirKey> {
      await db.updateTable('souvenir_keys').set({ retired_at: now }).where('retired_at', 'is', null).execute();
      await addKey(now);
      const k = await signingKey();
      if (!k) throw new Error('no souvenir signing key');
      return keyOf(k);
    },

    /** Every key, retired ones included: the published list a certificate is checked against. */
    async keys(): Promise<SouvenirKey[]> {
      return (await db.selectFrom('souvenir_keys').selectAll().orderBy('ordinal').execute()).map(keyOf);
    },

    /**
     * Issues the holder's certificate for a set, or returns the one they have (one per set and
     * holder). Numbered, signed and appended to the ledger in one transaction.
     */
    async issue(input: IssueInput): Promise<{ souvenir: SouvenirRecord; created: boolean }> {
      const now = input.now ?? Date.now();
      for (let attempt = 0; ; attempt++) {
        const had = await db.selectFrom('souvenirs').selectAll().where('user_id', '=', input.userId).where('set_id', '=', input.setId).executeTakeFirst();
        if (had) return { souvenir: recordOf(had), created: false };
        await ensureKey(now);
        try {
          const souvenir = await db.transaction().execute(async (trx) => {
            const key = await trx
              .selectFrom('souvenir_keys')
              .selectAll()
              .where('retired_at', 'is', null)
              .orderBy('ordinal', 'desc')
              .limit(1)
              .executeTakeFirstOrThrow();
            const top = await trx
              .selectFrom('souvenirs')
              .select((eb) => eb.fn.max('serial').as('n'))
              .where('set_id', '=', input.setId)
              .executeTakeFirst();
            const last = await trx.selectFrom('souvenir_ledger').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
            const certificate: SouvenirCertificate = {
              v: CERTIFICATE_VERSION,
              id: newId(20),
              expo: input.expo,
              set: input.setId,
              name: input.name,
              date: chinaDate(now),
              design: input.design,
              serial: Number(top?.n ?? 0) + 1,
              key: key.id,
            };
            const signed = signCertificate(certificate, key.private_key);
            const text = canonicalBytes(certificate).toString('utf8');
            const row: SouvenirTable = {
              id: certificate.id,
              user_id: input.userId,
              set_id: input.setId,
              serial: certificate.serial,
              certificate: text,
              signature: signed.signature,
              key_id: key.id,
              issued_at: now,
            };
            await trx.insertInto('souvenirs').values(row).execute();
            const entry = {
              seq: last ? Number(last.seq) + 1 : 1,
              souvenirId: certificate.id,
              certificateHash: sha256Hex(text),
              signatureHash: sha256Hex(signed.signature),
              keyId: key.id,
              issuedAt: now,
              prevHash: last ? last.entry_hash : GENESIS_HASH,
            };
            await trx
              .insertInto('souvenir_ledger')
              .values({
                seq: entry.seq,
                souvenir_id: entry.souvenirId,
                certificate_hash: entry.certificateHash,
                signature_hash: entry.signatureHash,
                key_id: entry.keyId,
                issued_at: entry.issuedAt,
                prev_hash: entry.prevHash,
                entry_hash: entryHashOf(entry),
              })
              .execute();
            return recordOf(row);
          });
          return { souvenir, created: true };
        } catch (err) {
          // another issue took the serial or the ledger place (or the holder's own second request
          // won): read again and retry on top of it
          if (!isUniqueViolation(err) || attempt >= ISSUE_TRIES) throw err;
        }
      }
    },

    async get(id: string): Promise<SouvenirRecord | null> {
      const r = await db.selectFrom('souvenirs').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? recordOf(r) : null;
    },

    async forUser(userId: string): Promise<SouvenirRecord[]> {
      return (await db.selectFrom('souvenirs').selectAll().where('user_id', '=', userId).orderBy('issued_at').execute()).map(recordOf);
    },

    async ledgerEntry(souvenirId: string): Promise<LedgerEntry | null> {
      const r = await db.selectFrom('souvenir_ledger').selectAll().where('souvenir_id', '=', souvenirId).executeTakeFirst();
      return r ? ledgerEntryOf(r) : null;
    },

    /** The ledger in order, `limit` entries after `afterSeq`. */
    async ledger(afterSeq = 0, limit = 1000): Promise<LedgerEntry[]> {
      return (await db.selectFrom('souvenir_ledger').selectAll().where('seq', '>', afterSeq).orderBy('seq').limit(limit).execute()).map(ledgerEntryOf);
    },
  };
}

export type SouvenirRepository = ReturnType<typeof souvenirRepository>;
