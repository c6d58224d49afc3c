/**
 * SIGTERM on the real entry point (server/index.ts in its own process): connected visitors are
 * told the server is going away, their sockets close, and the process exits 0 well within its bound.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NoticeCode } from '../../shared/protocol';
import { projectRoot } from '../../server/config';
import { joinHall, type TestVisitor } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';

/** Well under SHUTDOWN_TIMEOUT_MS (set below), which itself is far under the default 10 s. */
const EXIT_WITHIN_MS = 3000;

let child: ChildProcess | null = null;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-shutdown-data-'));
afterAll(() => {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startProcess(port = 0): Promise<{ proc: ChildProcess; port: number; output: () => string }> {
  return new Promise((resolve, reject) => {
    // node --import tsx, rather than npx tsx, so the signal goes straight to the server process.
    const proc = spawn(process.execPath, ['--import', 'tsx', path.join('server', 'index.ts')], {
      cwd: projectRoot,
      // A clean environment: nothing from the developer's shell (REDIS_URL, DATABASE_URL...) leaks in.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'info',
        SHUTDOWN_TIMEOUT_MS: '5000',
        DATA_DIR: dataDir,
        SEED_DEMO: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time:\n${out}`)), 20_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      for (const line of out.split('\n')) {
        if (!line.startsWith('{')) continue;
        try {
          const rec = JSON.parse(line) as { port?: number };
          if (typeof rec.port === 'number' && rec.port > 0) {
            clearTimeout(timer);
            resolve({ proc, port: rec.port, output: () => out });
            return;
          }
        } catch {
          /* partial line */
        }
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited early with ${code}:\n${out}`));
    });
  });
}

describe('graceful shutdown', () => {
  it('SIGTERM: visitors get a server_shutdown notice, then their connection closes; exit 0 quickly', async () => {
    const started = await startProcess();
    child = started.proc;
    const wsUrl = `ws://127.0.0.1:${started.port}`;
    const visitors: TestVisitor[] = [await joinHall(wsUrl, { name: 'One' }), await joinHall(wsUrl, { name: 'Two', hallId: 'shapowei' })];

    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      started.proc.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const t0 = Date.now();
    started.proc.kill('SIGTERM');
    const { code, signal } = await exited;
    const took = Date.now() - t0;

    expect({ code, signal }, started.output()).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan(EXIT_WITHIN_MS);
    for (const v of visitors) {
      await waitFor(() => v.inbox.leftWith !== null, 3000, 'socket closed');
      expect(v.inbox.notices.map((n) => n.code)).toContain(NoticeCode.serverShutdown);
    }
    expect(started.output()).toContain('"msg":"stopped"');
  });

  it('a server that cannot take its port says so and exits 1, instead of lingering half-started', async () => {
    const first = await startProcess();
    try {
      const second = startProcess(first.port);
      await expect(second).rejects.toThrow(/exited early with 1[\s\S]*could not start/);
    } finally {
      first.proc.kill('SIGKILL');
    }
  });
});
