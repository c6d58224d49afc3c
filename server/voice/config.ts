/**
 * STUN/TURN servers for proximity voice (issue #13). Empty by default: WebRTC would otherwise reach
 * for a public STUN server, a request to a third-party host (DESIGN §6). Venues behind NAT set
 * ICE_SERVERS to their own coturn (README: "Voice behind NAT"); with TURN_SECRET (coturn's
 * `static-auth-secret`), TURN entries without a username get short-lived credentials per visitor
 * (coturn's REST API scheme: username "<expiry>:<id>", credential base64(HMAC-SHA1(secret, username))).
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { VoiceIceServer } from '../../shared/api/voice';

const iceUrl = z.string().regex(/^(stun|stuns|turn|turns):[^\s]+$/, 'a stun:, stuns:, turn: or turns: URL');
const iceServersSchema = z.array(
  z.strictObject({ urls: z.union([iceUrl, z.array(iceUrl).min(1)]), username: z.string().optional(), credential: z.string().optional() }),
);

export interface VoiceConfig {
  iceServers: VoiceIceServer[];
  /** coturn static-auth-secret: mint TURN credentials per visitor; null: ICE_SERVERS is passed as it is */
  turnSecret: string | null;
  /** how long minted TURN credentials last, seconds */
  turnTtlS: number;
}

/** Reads ICE_SERVERS (JSON, RTCIceServer[]), TURN_SECRET and TURN_TTL_S; a malformed value stops the server at start with the reason. */
export function readVoiceConfig(env: NodeJS.ProcessEnv = process.env): VoiceConfig {
  const raw = env.ICE_SERVERS || '';
  let iceServers: VoiceIceServer[] = [];
  if (raw) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw new Error(`ICE_SERVERS must be JSON, e.g. [{"urls":"turn:turn.example.cn:3478","username":"u","credential":"p"}], got "${raw}"`);
    }
    const r = iceServersSchema.safeParse(parsed);
    if (!r.success) throw new Error(`ICE_SERVERS must be a list of {urls, username?, credential?}: ${r.error.issues[0]?.message ?? 'invalid'}`);
    iceServers = r.data;
  }
  const ttl = Number(env.TURN_TTL_S || 6 * 3600);
  return { iceServers, turnSecret: env.TURN_SECRET || null, turnTtlS: Number.isFinite(ttl) && ttl > 60 ? Math.round(ttl) : 6 * 3600 };
}

const isTurn = (urls: string | string[]) => (Array.isArray(urls) ? urls : [urls]).some((u) => u.startsWith('turn'));

/** The ICE servers one visitor gets, with fresh TURN credentials when a shared secret is configured. */
export function iceServersFor(config: VoiceConfig | undefined, who: string, nowMs: number): VoiceIceServer[] {
  if (!config) return [];
  const { turnSecret, turnTtlS } = config;
  return config.iceServers.map((s) => {
    if (!turnSecret || s.username || !isTurn(s.urls)) return s;
    const username = `${Math.floor(nowMs / 1000) + turnTtlS}:${who}`;
    const credential = createHmac('sha1', turnSecret).update(username).digest('base64');
    return { ...s, username, credential };
  });
}
