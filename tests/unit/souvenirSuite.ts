/**
 * Souvenir certificates and their ledger (issue #12 item 6), once per dialect (SQLite in
 * souvenirs-db.test.ts, PostgreSQL in tests/integration/souvenirs-postgres.test.ts): a certificate
 * is canonical JSON signed with Ed25519 and checks as genuine; one per holder and set; serials and
 * ledger places stay unique and the chain whole when twenty issue at once; any change to a
 * certificate, a signature or a ledger entry is caught; a rotated key still verifies what it
 * signed; a deleted account leaves a "withdrawn" entry in the ledger and nothing personal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { migrateToLatest, type Database } from '../../server/db/open';
import { createRepositories, type Repositories } from '../../server/db/repositories';
import { signatureValid } from '../../server/souvenirs/certificate';
import { checkChain } from '../../server/souvenirs/ledger';
import { verifyById, verifyDocument } from '../../server/souvenirs/verify';
import { checkDatabase } from '../../server/souvenirs/cli';

export function souvenirRepositorySuite(name: string, open: () => Promise<Database>, close: (db: Database) => Promise<void>): void {
  describe(`souvenirs on ${name}`, () => {
    let database: Database;
    let r: Repositories;
    let n = 0;
    const visitor = async (displayName = '小白鹭') =>
      (await r.users.create({ email: `souvenir-${++n}-${Date.now()}@test.example`, passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName })).id;
    const issue = (userId: string, setId = 'gulangyu-landmarks', name = '小白鹭') =>
      r.souvenirs.issue({ userId, setId, expo: 'Ludao Demo Expo', name, design: setId });

    beforeAll(async () => {
      database = await open();
      await migrateToLatest(database);
      r = createRepositories(database.db);
    });
    afterAll(async () => {
      if (database) await close(database);
    });

    it('issues a signed canonical certificate that checks as genuine, once per holder and set', async () => {
      const key = await r.souvenirs.ensureKey();
      expect(await r.souvenirs.ensureKey()).toEqual(key);
      const alice = await visitor();
      const first = await issue(alice);
      expect(first.created).toBe(true);
      const c = first.souvenir.certificate;
      expect(c).toMatchObject({ v: 1, set: 'gulangyu-landmarks', name: '小白鹭', serial: 1, key: key.id });
      expect(c.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // the stored text is RFC 8785: keys sorted, no spaces
      expect(first.souvenir.certificateText.startsWith('{"date":')).toBe(true);
      expect(signatureValid(c, first.souvenir.signature, key.publicKey)).toBe(true);
      const again = await issue(alice);
      expect(again.created).toBe(false);
      expect(again.souvenir.id).toBe(first.souvenir.id);
      expect((await verifyById(r, c.id)).status).toBe('genuine');
      expect((await verifyDocument(r, { certificate: c, signature: first.souvenir.signature })).status).toBe('genuine');
    });

    it('numbers a set 1, 2, 3… and keeps the ledger one chain when twenty issue at once', async () => {
      const users = await Promise.all(Array.from({ length: 20 }, () => visitor()));
      const results = await Promise.all(users.map((u) => issue(u, 'shapowei-landmarks')));
      const serials = results.map((x) => x.souvenir.serial).sort((a, b) => a - b);
      expect(serials).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
      const ledger = await r.souvenirs.ledger(0, 1000);
      expect(new Set(ledger.map((e) => e.seq)).size).toBe(ledger.length);
      expect(checkChain(ledger)).toEqual([]);
      expect((await checkDatabase(r)).ok).toBe(true);
    });

    it('catches a changed certificate, signature or ledger entry', async () => {
      const bob = await visitor('Bob');
      const { souvenir } = await issue(bob, 'gulangyu-landmarks', 'Bob');
      // a document with another name, or another serial, under the real signature
      for (const change of [{ name: 'Mallory' }, { serial: 999 }]) {
        expect((await verifyDocument(r, { certificate: { ...souvenir.certificate, ...change }, signature: souvenir.signature })).status).toBe('altered');
      }
      expect((await verifyDocument(r, { certificate: souvenir.certificate, signature: 'A'.repeat(86) })).status).toBe('altered');
      expect((await verifyDocument(r, { certificate: { ...souvenir.certificate, id: 'z'.repeat(20) }, signature: souvenir.signature })).status).toBe('unknown');
      expect((await verifyDocument(r, 'not a certificate')).status).toBe('unknown');
      // the stored certificate edited in the database
      const text = souvenir.certificateText.replace('"Bob"', '"Eve"');
      await database.db.updateTable('souvenirs').set({ certificate: text }).where('id', '=', souvenir.id).execute();
      expect((await verifyById(r, souvenir.id)).status).toBe('altered');
      expect((await checkDatabase(r)).certificateProblems).toEqual([{ id: souvenir.id, problem: 'signature' }]);
      await database.db.updateTable('souvenirs').set({ certificate: souvenir.certificateText }).where('id', '=', souvenir.id).execute();
      expect((await verifyById(r, souvenir.id)).status).toBe('genuine');
      // a ledger entry edited: its own hash and the chain after it fail
      const entry = (await r.souvenirs.ledgerEntry(souvenir.id))!;
      await database.db
        .updateTable('souvenir_ledger')
        .set({ issued_at: entry.issuedAt + 1 })
        .where('seq', '=', entry.seq)
        .execute();
      const broken = await checkDatabase(r);
      expect(broken.ok).toBe(false);
      expect(broken.chain).toContainEqual({ seq: entry.seq, problem: 'hash' });
      expect((await verifyById(r, souvenir.id)).status).toBe('altered');
      await database.db.updateTable('souvenir_ledger').set({ issued_at: entry.issuedAt }).where('seq', '=', entry.seq).execute();
      expect((await checkDatabase(r)).ok).toBe(true);
    });

    it('a rotated key signs what comes next; what the old key signed stays genuine', async () => {
      const carol = await visitor('Carol');
      const before = (await issue(carol, 'gulangyu-landmarks', 'Carol')).souvenir;
      const oldKey = before.keyId;
      const next = await r.souvenirs.rotateKey();
      expect(next.id).not.toBe(oldKey);
      const after = (await issue(carol, 'shapowei-landmarks', 'Carol')).souvenir;
      expect(after.keyId).toBe(next.id);
      expect((await verifyById(r, before.id)).status).toBe('genuine');
      expect((await verifyById(r, after.id)).status).toBe('genuine');
      const keys = await r.souvenirs.keys();
      expect(keys.find((k) => k.id === oldKey)?.retiredAt).not.toBeNull();
      expect(keys.find((k) => k.id === next.id)?.retiredAt).toBeNull();
    });

    it('a deleted account takes its certificate away; the ledger keeps a withdrawn entry with no name', async () => {
      const dora = await visitor('Dora');
      const { souvenir } = await issue(dora, 'gulangyu-landmarks', 'Dora');
      await r.leads.deleteVisitor(dora);
      const v = await verifyById(r, souvenir.id);
      expect(v).toMatchObject({ status: 'withdrawn', certificate: null });
      const rows = await sql<Record<string, unknown>>`select * from souvenir_ledger`.execute(database.db);
      expect(JSON.stringify(rows.rows)).not.toContain('Dora');
      expect((await checkDatabase(r)).ok).toBe(true);
    });
  });
}
