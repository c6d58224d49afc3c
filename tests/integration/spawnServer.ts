/**
 * Real server processes for the scale-out tests (two processes on one Redis, and PostgreSQL when
 * DATABASE_URL is set): each test gives the environment that makes its case, this starts
 * `server/index.ts` in a child process, keeps its log, and waits until it answers /api/health —
 * failing at once, with the log, if the process dies while starting.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../server/config';
import { waitFor } from '../fixtures/wait';

export interface ServerProc {
  port: number;
  /** http://127.0.0.1:port */
  http: string;
  /** ws://127.0.0.1:port, for colyseus.js */
  ws: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  log: string[];
}

/** Starts one process on `port` with the test's environment over this one's (PORT, HOST, PUBLIC_ADDRESS set here). */
export function spawnServer(port: number, env: NodeJS.ProcessEnv): ServerProc {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server/index.ts')], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_ADDRESS: `127.0.0.1:${port}` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (d) => log.push(String(d)));
  child.stderr?.on('data', (d) => log.push(String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { port, http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}`, child, exited, log };
}

/** Until the process answers /api/health (45 s); a process that exits meanwhile fails with its log. */
export async function healthy(p: ServerProc): Promise<void> {
  const died = p.exited.then((code) => {
    throw new Error(`process on ${p.port} exited (${code}) while starting: ${p.log.join('')}`);
  });
  await Promise.race([died, waitFor(async () => (await fetch(`${p.http}/api/health`).catch(() => null))?.ok ?? false, 45_000, `server ${p.port}`, 200)]);
  died.catch(() => undefined);
}

/** The same Redis, database number `db`: a test's keys never touch anything else using this Redis. */
export function redisDb(raw: string, db: number): string {
  const u = new URL(raw);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function flushRedis(url: string): Promise<void> {
  const { default: Redis } = await import('ioredis');
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await r.connect();
  await r.flushdb();
  await r.quit();
}
