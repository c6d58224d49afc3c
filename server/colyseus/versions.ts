/**
 * The versions of the libraries whose private parts interestSerializer.ts, viewEncoder.ts and
 * framedSend.ts use, and the versions actually installed. The installed copy is the one that runs:
 * @colyseus/schema as @colyseus/core resolves it, ws as @colyseus/ws-transport resolves it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export type InternalsPackage = '@colyseus/core' | '@colyseus/schema' | 'ws';
export type VersionTable = Record<InternalsPackage, string | null>;

/** What the internals were written and measured against (bump together with a re-run of tests/unit/interestViews.test.ts and bench/crowd.ts). */
export const WRITTEN_FOR: Readonly<Record<InternalsPackage, string>> = {
  '@colyseus/core': '0.16.26',
  '@colyseus/schema': '3.0.76',
  ws: '8.23.0',
};

/** The version in the package.json above `entry` whose name is `name`, or null if none is found. */
function versionAbove(entry: string, name: string): string | null {
  for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
    if (pkg.name === name) return pkg.version ?? null;
  }
  return null;
}

/** Reads the installed versions (null for a package that cannot be found). */
export function installedVersions(from: string = import.meta.url): VersionTable {
  const resolveFrom = (base: string, name: string): string | null => {
    try {
      return createRequire(base).resolve(name);
    } catch {
      return null;
    }
  };
  const core = resolveFrom(from, '@colyseus/core');
  const transport = resolveFrom(from, '@colyseus/ws-transport');
  const schema = core && resolveFrom(core, '@colyseus/schema');
  const ws = transport && resolveFrom(transport, 'ws');
  return {
    '@colyseus/core': core && versionAbove(core, '@colyseus/core'),
    '@colyseus/schema': schema && versionAbove(schema, '@colyseus/schema'),
    ws: ws && versionAbove(ws, 'ws'),
  };
}

export interface VersionMismatch {
  name: InternalsPackage;
  expected: string;
  installed: string | null;
}

/** Every package whose installed version is not exactly the one the internals were written for. */
export function versionMismatches(installed: VersionTable, expected: Readonly<Record<InternalsPackage, string>> = WRITTEN_FOR): VersionMismatch[] {
  const out: VersionMismatch[] = [];
  for (const name of Object.keys(expected) as InternalsPackage[]) {
    if (installed[name] !== expected[name]) out.push({ name, expected: expected[name], installed: installed[name] ?? null });
  }
  return out;
}
