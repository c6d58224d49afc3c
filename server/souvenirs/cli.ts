/**
 * The souvenir commands of server/cli.ts (issue #12 item 6):
 *
 *   verify-ledger                        the whole chain and every certificate, in the database
 *   verify-ledger <ledger.json> <keys.json>
 *                                        offline: the chain as published (/api/souvenirs/ledger)
 *   verify-certificate <cert.json> <keys.json> [<ledger.json>]
 *                                        offline: one downloaded certificate against the published
 *                                        keys (/api/souvenirs/keys) and, if given, the ledger
 *   rotate-souvenir-key                  retire the signing key and make the next one
 *
 * Exit status 0 when everything checks, 1 when anything does not.
 */
import fs from 'node:fs';
import type { Repositories } from '../db/repositories';
import type { SouvenirKey } from '../db/repositories/souvenirs';
import { checkAll, checkCertificate, type CheckReport, type SignedDoc } from './check';
import type { LedgerEntry } from './ledger';

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(file, 'utf8'));

/** The published keys file: `{ keys: [...] }` as /api/souvenirs/keys answers, or a bare array. */
function keysFrom(file: string): SouvenirKey[] {
  const raw = readJson(file) as { keys?: SouvenirKey[] } | SouvenirKey[];
  return Array.isArray(raw) ? raw : (raw.keys ?? []);
}

/** The published ledger: `{ entries: [...] }` as /api/souvenirs/ledger answers, or a bare array. */
function ledgerFrom(file: string): LedgerEntry[] {
  const raw = readJson(file) as { entries?: LedgerEntry[] } | LedgerEntry[];
  return Array.isArray(raw) ? raw : (raw.entries ?? []);
}

export function printReport(r: CheckReport, out: (line: string) => void = console.log): void {
  out(`ledger: ${r.entries} entries, chain ${r.chain.length === 0 ? 'whole' : 'BROKEN'}`);
  for (const p of r.chain)
    out(`  entry ${p.seq}: ${p.problem === 'gap' ? 'numbering gap' : p.problem === 'prev' ? 'does not follow the entry before' : 'hash does not match'}`);
  out(`certificates: ${r.certificates} checked, ${r.certificateProblems.length} with problems`);
  for (const p of r.certificateProblems) out(`  ${p.id}: ${p.problem}`);
  out(r.ok ? 'OK' : 'FAILED');
}

async function wholeLedger(repos: Repositories): Promise<LedgerEntry[]> {
  const all: LedgerEntry[] = [];
  for (;;) {
    const page = await repos.souvenirs.ledger(all.length ? all[all.length - 1].seq : 0, 1000);
    all.push(...page);
    if (page.length < 1000) return all;
  }
}

/** The database-wide check: every ledger entry and every certificate still held. */
export async function checkDatabase(repos: Repositories): Promise<CheckReport> {
  const [ledger, keys] = await Promise.all([wholeLedger(repos), repos.souvenirs.keys()]);
  const held: SignedDoc[] = [];
  for (const e of ledger) {
    const s = await repos.souvenirs.get(e.souvenirId);
    if (s) held.push({ certificate: s.certificate as unknown as SignedDoc['certificate'], signature: s.signature });
  }
  return checkAll(ledger, keys, held);
}

export const SOUVENIR_COMMANDS = ['verify-ledger', 'verify-certificate', 'rotate-souvenir-key'] as const;

/** Runs one souvenir command; `repos()` opens the database only for the commands that need it. */
export async function souvenirCommand(command: string, args: string[], repos: () => Promise<Repositories>): Promise<number> {
  if (command === 'verify-ledger' && args.length === 2) {
    const r = checkAll(ledgerFrom(args[0]), keysFrom(args[1]), []);
    printReport(r);
    return r.ok ? 0 : 1;
  }
  if (command === 'verify-ledger' && args.length === 0) {
    const r = await checkDatabase(await repos());
    printReport(r);
    return r.ok ? 0 : 1;
  }
  if (command === 'verify-certificate' && (args.length === 2 || args.length === 3)) {
    const doc = readJson(args[0]) as SignedDoc;
    const problem = checkCertificate(doc, keysFrom(args[1]), args[2] ? ledgerFrom(args[2]) : undefined);
    console.log(
      problem
        ? `certificate ${doc.certificate?.id}: NOT genuine (${problem})`
        : `certificate ${doc.certificate.id}: genuine — set ${String(doc.certificate.set)}, no. ${String(doc.certificate.serial)}, ${String(doc.certificate.name)}, ${String(doc.certificate.date)}${args[2] ? ', in the ledger' : ' (ledger not checked)'}`,
    );
    return problem ? 1 : 0;
  }
  if (command === 'rotate-souvenir-key' && args.length === 0) {
    const key = await (await repos()).souvenirs.rotateKey();
    console.log(`Souvenir signing key is now ${key.id} (public ${key.publicKey}); older keys still verify what they signed.`);
    return 0;
  }
  console.error(
    'Usage: npx tsx server/cli.ts verify-ledger [<ledger.json> <keys.json>]\n' +
      '       npx tsx server/cli.ts verify-certificate <certificate.json> <keys.json> [<ledger.json>]\n' +
      '       npx tsx server/cli.ts rotate-souvenir-key',
  );
  return 2;
}
