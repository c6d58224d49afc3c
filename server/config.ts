/** Every setting comes from an environment variable with a default that works on a laptop. */
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DEFAULT_HALL_CAPACITY, SEAT_RESERVATION_S } from '../shared/constants';
import { LEAD_RETENTION_DAYS } from '../shared/api/leads';
import { readVoiceConfig, type VoiceConfig } from './voice/config';

/** Prefix of every key and channel Ludao keeps in presence (PRESENCE_PREFIX overrides it). */
export const DEFAULT_PRESENCE_PREFIX = 'ludao:';

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
  /**
   * Scale-out (issue #5). With REDIS_URL, processes share matchmaking and presence through
   * Redis (RedisPresence + RedisDriver); without it, one process uses Colyseus' local ones.
   */
  redisUrl: string | null;
  /** host[:port] (and path) under which browsers reach THIS process directly; one per process */
  publicAddress: string | null;
  /** prefix of Ludao's own keys and channels in presence, so deployments/tests sharing a Redis stay apart */
  presencePrefix: string;
  /** seconds a matchmaker seat stays reserved when nobody connects to it */
  seatReservationS: number;
  /** per-IP matchmaking budget: a burst, then this many requests per minute */
  matchmakeBurst: number;
  matchmakePerMinute: number;
  /** reverse proxies (addresses or CIDR ranges) whose X-Forwarded-For every per-client limit believes (loopback always is; see http/clientAddress.ts) */
  trustedProxies: string[];
  /** database, uploads, accounts and demo content (issue #4) */
  expo: ExpoConfig;
  /** booth and hall analytics (issue #10, server/analytics) */
  analytics: AnalyticsConfig;
  /** LIVE_HLS_ORIGIN: the venue media server's HLS output (http://host:port/path) relayed under /live/; null: no live stage */
  liveHlsOrigin: string | null;
  /** proximity voice's STUN/TURN servers (ICE_SERVERS, TURN_SECRET; issue #13); absent: none */
  voice?: VoiceConfig;
}

export interface AnalyticsConfig {
  /** ANALYTICS_SAMPLING=on|off (default on): sample hall visitors once a second for visits, dwell and the heatmap */
  sampling: boolean;
  /** ANALYTICS_FLUSH_S (default 60): how often counts are written; a kill -9 loses at most this window */
  flushMs: number;
}

export interface ExpoConfig {
  /** DATA_DIR: where the embedded database and uploads live (default ./data) */
  dataDir: string;
  /** DATABASE_URL: postgres://… to use PostgreSQL instead of the embedded SQLite file */
  databaseUrl: string | null;
  /** DATABASE_SCHEMA: PostgreSQL schema to use (default: the server's search_path) */
  databaseSchema: string | null;
  /** SQLite file, DATA_DIR/ludao.sqlite */
  sqliteFile: string;
  /** UPLOAD_DIR: uploaded media (default DATA_DIR/uploads) */
  uploadDir: string;
  /** SEED_DEMO=0 starts an empty database without the demo expo */
  seedDemo: boolean;
  /** ORGANIZER_EMAIL + ORGANIZER_PASSWORD: the first organizer account, created (or its password reset) on start */
  organizerEmail: string | null;
  organizerPassword: string | null;
  /** LOGIN_IP_BURST / LOGIN_EMAIL_BURST: sign-in attempts per address (10, then 1 per 6 s) and failures per email (5, then 1 per minute) */
  loginIpBurst: number;
  loginEmailBurst: number;
  /**
   * SMS_PROVIDER: how phone verification codes are sent. `dev` writes the code to the log (for
   * development; refused when NODE_ENV=production); unset: no SMS, phone verification is off.
   */
  smsProvider: 'dev' | null;
  /** LEAD_RETENTION_DAYS: leads are deleted this many days after their expo ends (default 180); the consent notice says so */
  leadRetentionDays: number;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function int(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return n;
}

function list(raw: string | undefined): string[] {
  return (raw || '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function onOff(name: string, fallback: boolean, env: NodeJS.ProcessEnv): boolean {
  const v = (env[name] || '').toLowerCase();
  if (!v) return fallback;
  if (v === 'on' || v === '1' || v === 'true') return true;
  if (v === 'off' || v === '0' || v === 'false') return false;
  throw new Error(`${name} must be "on" or "off", got "${env[name]}"`);
}

/** An http(s) base URL, or null when unset; anything else stops the server at start with the reason. */
function httpOrigin(name: string, env: NodeJS.ProcessEnv): string | null {
  const v = env[name] || '';
  if (!v) return null;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`${name} must be an http:// or https:// address, got "${v}"`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error(`${name} must be an http:// or https:// address, got "${v}"`);
  if (u.search || u.hash || u.username || u.password) throw new Error(`${name} takes no query, fragment or credentials, got "${v}"`);
  return v.replace(/\/+$/, '');
}

function smsProvider(env: NodeJS.ProcessEnv): 'dev' | null {
  const v = env.SMS_PROVIDER || '';
  if (!v) return null;
  if (v !== 'dev') throw new Error(`SMS_PROVIDER must be "dev" or unset, got "${v}"`);
  // the development provider writes codes to the log: never where real people sign up
  if (env.NODE_ENV === 'production') throw new Error('SMS_PROVIDER=dev writes codes to the log and is refused when NODE_ENV=production');
  return v;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: int('PORT', 2567, env),
    host: env.HOST || '0.0.0.0',
    logLevel: env.LOG_LEVEL || 'info',
    hallCapacity: Math.max(1, int('HALL_CAPACITY', DEFAULT_HALL_CAPACITY, env)),
    allowedOrigins: list(env.ALLOWED_ORIGINS),
    distDir: env.DIST_DIR ? path.resolve(env.DIST_DIR) : path.join(root, 'dist'),
    shutdownTimeoutMs: int('SHUTDOWN_TIMEOUT_MS', 10_000, env),
    redisUrl: env.REDIS_URL || null,
    publicAddress: env.PUBLIC_ADDRESS || null,
    presencePrefix: env.PRESENCE_PREFIX || DEFAULT_PRESENCE_PREFIX,
    seatReservationS: Math.max(1, int('SEAT_RESERVATION_S', SEAT_RESERVATION_S, env)),
    matchmakeBurst: Math.max(1, int('MATCHMAKE_BURST', 20, env)),
    matchmakePerMinute: Math.max(1, int('MATCHMAKE_PER_MINUTE', 30, env)),
    trustedProxies: list(env.TRUSTED_PROXIES),
    expo: readExpoConfig(env),
    analytics: { sampling: onOff('ANALYTICS_SAMPLING', true, env), flushMs: Math.max(1, int('ANALYTICS_FLUSH_S', 60, env)) * 1000 },
    liveHlsOrigin: httpOrigin('LIVE_HLS_ORIGIN', env),
    voice: readVoiceConfig(env),
  };
}

export function readExpoConfig(env: NodeJS.ProcessEnv = process.env): ExpoConfig {
  const dataDir = path.resolve(env.DATA_DIR || path.join(root, 'data'));
  return {
    dataDir,
    databaseUrl: env.DATABASE_URL || null,
    databaseSchema: env.DATABASE_SCHEMA || null,
    sqliteFile: path.join(dataDir, 'ludao.sqlite'),
    uploadDir: path.resolve(env.UPLOAD_DIR || path.join(dataDir, 'uploads')),
    seedDemo: env.SEED_DEMO !== '0' && env.SEED_DEMO !== 'false',
    organizerEmail: env.ORGANIZER_EMAIL || null,
    organizerPassword: env.ORGANIZER_PASSWORD || null,
    loginIpBurst: Math.max(1, int('LOGIN_IP_BURST', 10, env)),
    loginEmailBurst: Math.max(1, int('LOGIN_EMAIL_BURST', 5, env)),
    leadRetentionDays: int('LEAD_RETENTION_DAYS', LEAD_RETENTION_DAYS, env),
    smsProvider: smsProvider(env),
  };
}

export const projectRoot = root;
