/** Every setting comes from an environment variable with a default that works on a laptop. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  logLevel: string;
  /** visitors per hall instance before joiners overflow into the next one */
  hallCapacity: number;
  /** origins allowed to call the matchmaker from another site; same-origin always works */
  allowedOrigins: string[];
  /** built client */
  distDir: string;
  /** upper bound for a graceful shutdown before the process exits anyway */
  shutdownTimeoutMs: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int('PORT', 2567, env),
    host: env.HOST || '0.0.0.0',
    logLevel: env.LOG_LEVEL || 'info',
    hallCapacity: int('HALL_CAPACITY', 300, env),
    allowedOrigins: (env.ALLOWED_ORIGINS || '').split(',').map((s) => s.trim()).filter(Boolean),
    distDir: env.DIST_DIR ? path.resolve(env.DIST_DIR) : path.join(root, 'dist'),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, env),
  };
}

export const projectRoot = root;
