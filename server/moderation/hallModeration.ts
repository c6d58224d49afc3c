/**
 * One hall instance's view of moderation (issue #11): the hall's chat mode, the live mutes and bans
 * (a snapshot from the database at onCreate, then every published change), and who wrote the
 * recent chat lines, so a report or a moderator's action that names a line id finds its sender.
 * Pure: the room (HallRoom) does the sending and disconnecting; unit tests drive this directly.
 */
import { OPEN_CHAT, type HallChatMode } from '../../shared/api/moderationTerms';
import { NoticeCode } from '../../shared/protocol';
import type { SenderRole } from '../../shared/messages';
import type { SanctionRecord } from '../db/repositories/moderation';
import type { ModerationEvent } from './events';

/** How many recent lines can still be reported or acted on (the chat history shows fewer). */
export const LINE_MEMORY = 300;

/** Who wrote a chat line: server-side only, never sent to anyone. */
export interface LineRef {
  sessionId: string;
  keys: string[];
  name: string;
  text: string;
  privileged: boolean;
}

/** What the chat rules need to know of a connection. */
export interface ChatSender {
  roles: ReadonlySet<SenderRole>;
  moderationKeys: readonly string[];
  lastChatAt: number;
}

/** Moderators and organizers moderate; the rules of the chat do not bind them and they cannot be sanctioned in the hall. */
export const isPrivileged = (roles: ReadonlySet<SenderRole>): boolean => roles.has('moderator') || roles.has('organizer');

export class HallModeration {
  mode: HallChatMode = OPEN_CHAT;
  private live = new Map<string, SanctionRecord>();
  private lifted = new Set<string>();
  private lines = new Map<number, LineRef>();

  constructor(readonly hallId: string) {}

  /** The snapshot read at onCreate, merged with whatever was published while it was read. */
  load(sanctions: readonly SanctionRecord[], mode: HallChatMode | null): void {
    for (const s of sanctions) if (!this.lifted.has(s.id)) this.live.set(s.id, s);
    if (mode && this.mode === OPEN_CHAT) this.mode = mode;
  }

  /** Applies a published change; false when it does not concern this hall. */
  apply(e: ModerationEvent): boolean {
    switch (e.type) {
      case 'sanction':
        if (!this.lifted.has(e.sanction.id)) this.live.set(e.sanction.id, e.sanction);
        return true;
      case 'lift':
        this.lifted.add(e.sanction.id);
        this.live.delete(e.sanction.id);
        return true;
      case 'kick':
        return true;
      case 'mode':
        if (e.hallId !== this.hallId) return false;
        this.mode = e.mode;
        return true;
    }
  }

  private find(kind: SanctionRecord['kind'], keys: readonly string[], now: number): SanctionRecord | null {
    let best: SanctionRecord | null = null;
    for (const s of this.live.values()) {
      if (s.kind !== kind) continue;
      if (s.expiresAt !== null && s.expiresAt <= now) {
        this.live.delete(s.id);
        continue;
      }
      if (!s.keys.some((k) => keys.includes(k))) continue;
      // the longest one wins: null (until lifted) beats any time
      if (!best || s.expiresAt === null || (best.expiresAt !== null && s.expiresAt > best.expiresAt)) best = s;
    }
    return best;
  }

  /** The live mute holding any of these keys (until: ms, or null until lifted), or null. */
  muteOf(keys: readonly string[], now: number): { until: number | null } | null {
    const s = this.find('mute', keys, now);
    return s ? { until: s.expiresAt } : null;
  }

  isBanned(keys: readonly string[], now: number): boolean {
    return this.find('ban', keys, now) !== null;
  }

  /** Why this line may not go out now, or null when it may. */
  chatRefusal(s: ChatSender, now: number): NoticeCode | null {
    if (isPrivileged(s.roles)) return null;
    if (this.muteOf(s.moderationKeys, now)) return NoticeCode.muted;
    if (this.mode.chatOff) return NoticeCode.chatOff;
    if (this.mode.muteAll && !s.roles.has('staff')) return NoticeCode.muteAll;
    if (this.mode.slowModeS > 0 && now - s.lastChatAt < this.mode.slowModeS * 1000) return NoticeCode.slowMode;
    return null;
  }

  noteLine(lineId: number, ref: LineRef): void {
    this.lines.set(lineId, ref);
    if (this.lines.size > LINE_MEMORY) this.lines.delete(this.lines.keys().next().value!);
  }

  line(lineId: number): LineRef | undefined {
    return this.lines.get(lineId);
  }

  /** The sanctions this hall knows to be live (tests, diagnostics). */
  liveCount(): number {
    return this.live.size;
  }
}
