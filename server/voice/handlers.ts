/**
 * Proximity voice in the room (issue #13): voice on/off, and the relay of WebRTC signals to ONE
 * target session. The server never carries audio (peers talk directly, or through the venue's TURN);
 * it only decides who may signal whom: both have voice on, they are near by the server's own poses
 * (shared/voice.ts relayAllowed), and the sender is neither muted nor banned (a muted visitor may
 * not start voice: moderation applies to voice as it does to chat).
 */
import type { ClientPayload } from '../../shared/messages';
import { NoticeCode } from '../../shared/protocol';
import { fromCm } from '../../shared/quantize';
import { relayAllowed } from '../../shared/voice';
import type { VoiceIceServer } from '../../shared/api/voice';
import type { Visitor } from '../../shared/schema/Visitor';
import { isPrivileged } from '../moderation/hallModeration';
import type { MessageContext } from '../rooms/handlers';

/** What the voice handler may touch of the hall instance (HallRoom implements it). */
export interface HallVoicePort {
  /** the STUN/TURN servers for this visitor (server/voice/config.ts) */
  iceServersFor(sessionId: string): VoiceIceServer[];
  visitorOf(sessionId: string): Visitor | undefined;
}

/** Muted or banned by a moderator (issue #11): no voice, as no chat. Moderators and organizers are not muted from the hall. */
export function voiceBarred(ctx: Pick<MessageContext, 'hall' | 'session' | 'now'>): boolean {
  const rules = ctx.hall.moderation?.rules;
  if (!rules || isPrivileged(ctx.session.roles)) return false;
  return rules.muteOf(ctx.session.moderationKeys, ctx.now) !== null || rules.isBanned(ctx.session.moderationKeys, ctx.now);
}

const posOf = (v: Visitor) => (v.x === undefined || v.z === undefined ? null : { x: fromCm(v.x), z: fromCm(v.z) });

export function handleVoice(ctx: MessageContext, p: ClientPayload<'voice'>): void {
  const port = ctx.hall.voice;
  const me = ctx.visitor;
  if (p.kind === 'off') {
    me.voice = false;
    return;
  }
  if (voiceBarred(ctx)) {
    me.voice = false;
    ctx.hall.sendTo?.(ctx.sessionId, 'notice', { code: NoticeCode.muted });
    ctx.hall.sendTo?.(ctx.sessionId, 'voice', { kind: 'refused', reason: 'muted' });
    return;
  }
  if (p.kind === 'on') {
    me.voice = true;
    ctx.hall.sendTo?.(ctx.sessionId, 'voice', { kind: 'config', iceServers: port?.iceServersFor(ctx.sessionId) ?? [] });
    return;
  }
  // a signal: only between two visitors with voice on, near by the server's poses (a bye always goes, so a peer can close)
  if (!me.voice || p.to === ctx.sessionId) return;
  const target = port?.visitorOf(p.to);
  if (!target || !target.connected) return;
  if (p.kind !== 'bye') {
    const a = posOf(me);
    const b = posOf(target);
    if (!target.voice || !a || !b || !relayAllowed(ctx.hall.layout, a, b)) return;
  }
  const from = ctx.sessionId;
  if (p.kind === 'ice') ctx.hall.sendTo?.(p.to, 'voice', { kind: 'ice', from, candidates: p.candidates });
  else if (p.kind === 'bye') ctx.hall.sendTo?.(p.to, 'voice', { kind: 'bye', from });
  else ctx.hall.sendTo?.(p.to, 'voice', { kind: p.kind, from, sdp: p.sdp });
}

/**
 * A mute or ban that lands while voice is on turns it off (peers see the flag drop and hang up):
 * run about once a second over the instance's visitors with voice on.
 */
export function sweepVoice(visitors: Iterable<[string, Visitor]>, barred: (sessionId: string) => boolean, notify: (sessionId: string) => void): number {
  let n = 0;
  for (const [id, v] of visitors) {
    if (!v.voice) continue;
    if (!v.connected || barred(id)) {
      v.voice = false;
      if (v.connected) notify(id);
      n++;
    }
  }
  return n;
}
