/**
 * The souvenir CLI (issue #12 item 6), run as a newcomer would: `npx tsx server/cli.ts ...`.
 * On the database the server uses (DATA_DIR), it checks the whole chain and every certificate;
 * offline, on the files the public routes publish (keys, ledger) and a downloaded certificate, it
 * says genuine or not, and any edit to the certificate or the ledger makes it fail.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openDatabase } from '../../server/db/open';
import { createRepositories } from '../../server/db/repositories';
import { keyView } from '../../server/souvenirs/verify';
import { entryHashOf, type LedgerEntry } from '../../server/souvenirs/ledger';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-souvenir-cli-'));
const file = (name: string) => path.join(dir, name);
const write = (name: string, value: unknown) => fs.writeFileSync(file(name), JSON.stringify(value, null, 2));

function cli(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync('npx', ['tsx', 'server/cli.ts', ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

beforeAll(async () => {
  const database = openDatabase({ sqliteFile: file('ludao.sqlite') });
  await migrateToLatest(database);
  const r = createRepositories(database.db);
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const u = await r.users.create({ email: `cli-${i}@test.example`, passwordHash: 'x', role: 'visitor', exhibitorId: null, displayName: `访客${i}` });
    ids.push(
      (await r.souvenirs.issue({ userId: u.id, setId: 'gulangyu-landmarks', expo: 'Ludao', name: `访客${i}`, design: 'gulangyu-landmarks' })).souvenir.id,
    );
  }
  // what the public routes publish, saved as files
  write('keys.json', { keys: (await r.souvenirs.keys()).map(keyView) });
  write('ledger.json', { entries: await r.souvenirs.ledger(0, 1000), next: null });
  const mine = (await r.souvenirs.get(ids[1]))!;
  write('cert.json', { certificate: mine.certificate, signature: mine.signature });
  write('cert-edited.json', { certificate: { ...mine.certificate, name: '别人' }, signature: mine.signature });
  await database.close();
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('souvenir CLI', () => {
  it('checks the whole chain and every certificate in the database', () => {
    const r = cli('verify-ledger');
    expect(r.out).toContain('ledger: 3 entries, chain whole');
    expect(r.out).toContain('certificates: 3 checked, 0 with problems');
    expect(r.status).toBe(0);
  });

  it('offline: a downloaded certificate is genuine against the published keys and ledger; an edited one is not', () => {
    const good = cli('verify-certificate', file('cert.json'), file('keys.json'), file('ledger.json'));
    expect(good.out).toMatch(/genuine — set gulangyu-landmarks, no\. 2, 访客1/);
    expect(good.status).toBe(0);
    const edited = cli('verify-certificate', file('cert-edited.json'), file('keys.json'));
    expect(edited.out).toContain('NOT genuine (signature)');
    expect(edited.status).toBe(1);
  });

  it('offline: the published ledger checks whole, and an edited entry breaks it', () => {
    expect(cli('verify-ledger', file('ledger.json'), file('keys.json')).status).toBe(0);
    const ledger = JSON.parse(fs.readFileSync(file('ledger.json'), 'utf8')) as { entries: LedgerEntry[] };
    ledger.entries[1].issuedAt += 1000;
    write('ledger-edited.json', ledger);
    const r = cli('verify-ledger', file('ledger-edited.json'), file('keys.json'));
    expect(r.out).toContain('entry 2: hash does not match');
    expect(r.status).toBe(1);
    // a forger who also writes entry 2's new hash breaks the link from entry 3
    ledger.entries[1].entryHash = entryHashOf(ledger.entries[1]);
    write('ledger-forged.json', ledger);
    const forged = cli('verify-ledger', file('ledger-forged.json'), file('keys.json'));
    expect(forged.out).not.toContain('entry 2:');
    expect(forged.out).toContain('entry 3: does not follow the entry before');
    expect(forged.status).toBe(1);
  });
});
