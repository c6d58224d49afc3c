/**
 * The version check of server/colyseus: the installed versions are read from node_modules (the
 * copies that actually run), the tuned path is taken only on an exact match, and any mismatch
 * gives one warning and Colyseus' own serializer.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { SchemaSerializer, type Serializer } from '@colyseus/core';
import { createColyseusAdapter, installedVersions, versionMismatches, WRITTEN_FOR, type VersionTable } from '../../server/colyseus';
import { InterestSerializer } from '../../server/colyseus/interestSerializer';
import type { Logger } from '../../server/lib/logger';
import type { HallState } from '../../shared/schema/HallState';
import { Visitor } from '../../shared/schema/Visitor';

/** A real pino logger whose lines are kept. */
function recordingLogger(): { logger: Logger; lines: Array<{ level: number; msg: string; mismatches?: unknown }> } {
  const lines: Array<{ level: number; msg: string }> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n')) if (l.trim()) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, stream) as unknown as Logger, lines };
}
const flush = () => new Promise((r) => setImmediate(r));
const WARN = 40;

/** The version in a package's own package.json, found from where Node resolves it. */
function packageVersion(name: string, from: string): string {
  let dir = path.dirname(createRequire(from).resolve(name));
  while (!fs.existsSync(path.join(dir, 'package.json')) || JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).name !== name)
    dir = path.dirname(dir);
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
}

describe('installed versions', () => {
  it('are read from node_modules: the schema Colyseus core runs with, the ws its transport runs with', () => {
    const here = import.meta.url;
    const core = createRequire(here).resolve('@colyseus/core');
    const transport = createRequire(here).resolve('@colyseus/ws-transport');
    expect(installedVersions()).toEqual({
      '@colyseus/core': packageVersion('@colyseus/core', here),
      '@colyseus/schema': packageVersion('@colyseus/schema', core),
      ws: packageVersion('ws', transport),
    });
  });

  it('a package that cannot be resolved is reported as missing, not as a crash', () => {
    const nowhere = installedVersions('file:///nonexistent/dir/x.js');
    expect(nowhere).toEqual({ '@colyseus/core': null, '@colyseus/schema': null, ws: null });
    expect(versionMismatches(nowhere).map((m) => m.installed)).toEqual([null, null, null]);
  });

  it('a mismatch is any difference, patch versions included', () => {
    expect(versionMismatches({ ...WRITTEN_FOR })).toEqual([]);
    expect(versionMismatches({ ...WRITTEN_FOR, ws: '8.23.1' })).toEqual([{ name: 'ws', expected: WRITTEN_FOR.ws, installed: '8.23.1' }]);
  });
});

describe('the patch path', () => {
  const stock = () => new SchemaSerializer<HallState>() as Serializer<HallState>;

  it('matching versions: the tuned path, no warning; a SchemaSerializer becomes the interest serializer', async () => {
    const { logger, lines } = recordingLogger();
    const adapter = createColyseusAdapter(logger, { installed: { ...WRITTEN_FOR } });
    await flush();
    expect(adapter.path).toBe('tuned');
    expect(adapter.mismatches).toEqual([]);
    expect(lines.filter((l) => l.level >= WARN)).toEqual([]);
    expect(adapter.roomSerializer(stock(), [Visitor])).toBeInstanceOf(InterestSerializer);
    // any other serializer Colyseus might pick is left alone
    const other = { id: 'other' } as unknown as Serializer<HallState>;
    expect(adapter.roomSerializer(other, [Visitor])).toBe(other);
  });

  it('the versions installed here are the ones the internals were written for', () => {
    // If this fails after an upgrade, the server still runs (on the stock path): re-check the
    // internals against the new versions, then bump WRITTEN_FOR.
    expect(versionMismatches(installedVersions())).toEqual([]);
  });

  it('a mismatch: one warning naming every difference, and the stock serializer', async () => {
    const { logger, lines } = recordingLogger();
    const installed: VersionTable = { '@colyseus/core': '0.16.27', '@colyseus/schema': '3.0.76', ws: null };
    const adapter = createColyseusAdapter(logger, { installed });
    await flush();
    expect(adapter.path).toBe('stock');
    expect(adapter.mismatches.map((m) => m.name)).toEqual(['@colyseus/core', 'ws']);
    const warnings = lines.filter((l) => l.level >= WARN);
    expect(warnings).toHaveLength(1);
    expect(warnings[0].msg).toContain('@colyseus/core 0.16.27 (written for 0.16.26)');
    expect(warnings[0].msg).toContain('ws not found');
    expect(warnings[0].msg).toContain('stock');
    const picked = stock();
    expect(adapter.roomSerializer(picked, [Visitor])).toBe(picked);
    // rooms created later ask again and get the same answer, with no further warning
    adapter.roomSerializer(stock(), [Visitor]);
    await flush();
    expect(lines.filter((l) => l.level >= WARN)).toHaveLength(1);
  });
});
