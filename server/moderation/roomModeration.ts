/**
 * Moderation inside one hall instance (issue #11): HallRoom opens one of these. It subscribes to the
 * moderation channel before reading the database's snapshot (so nothing published meanwhile is
 * missed), applies every change to its connections (a mute is told to the muted visitor, a kick or
 * a ban closes the connection and refuses its reconnection token, a hall mode is told to everyone),
 * and implements the port the report and moderate handlers act through.
 */
import type { Presence } from '@colyseus/core';
import { OPEN_CHAT, type ReportReason, type SanctionAction } from '../../shared/api/moderationTerms';
import { CloseCode, NoticeCode } from '../../shared/protocol';
import type { ServerMessageName, ServerPayload } from '../../shared/messages';
import type { Logger } from '../lib/logger';
import type { Session } from '../rooms/session';
import type { HallModerationPort, ResolvedTarget } from '../rooms/handlers/moderation';
import { HallModeration, isPrivileged } from './hallModeration';
import { isModerationEvent, type ModerationEvent } from './events';
import type { Moderation } from './service';

/** The parts of a Colyseus client this uses (a stub in tests). */
export interface ModeratedClient {
  sessionId: string;
  userData?: Session;
  send(type: string, message?: unknown): void;
  leave(code?: number): void;
}

export interface ModeratedRoom {
  roomId: string;
  instance(): number;
  clients: Iterable<ModeratedClient>;
  nameOf(sessionId: string): string | null;
  broadcast(type: string, message?: unknown): void;
  /** a report was taken into the queue (the dashboard counts them) */
  reported?(): void;
}

/** Something a reconnection can be refused through (Colyseus' Deferred, whose reject is typed as a bare Function). */
interface Refusable {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  reject: Function;
}

const send = <N extends ServerMessageName>(c: ModeratedClient, name: N, payload: ServerPayload<N>) => c.send(name, payload);

export class RoomModeration implements HallModerationPort {
  readonly rules: HallModeration;
  private channel = '';
  private presence: Presence | null = null;
  /** sessions waiting in their reconnection window, with the way to refuse them */
  private away = new Map<string, { session: Session; pending: Refusable }>();
  private readonly onEvent = (raw: unknown) => {
    if (isModerationEvent(raw)) this.apply(raw);
  };

  constructor(
    private readonly room: ModeratedRoom,
    hallId: string,
    private readonly service: Moderation | null,
    private readonly log: Pick<Logger, 'warn' | 'info'>,
    private readonly now: () => number = Date.now,
  ) {
    this.rules = new HallModeration(hallId);
  }

  async open(presence: Presence): Promise<void> {
    if (!this.service) return;
    this.presence = presence;
    this.channel = this.service.channel;
    await presence.subscribe(this.channel, this.onEvent);
    try {
      const snap = await this.service.snapshot(this.rules.hallId);
      this.rules.load(snap.sanctions, snap.mode);
    } catch (err) {
      // the room still opens; changes published from now on still apply
      this.log.warn({ err }, 'moderation snapshot failed: starting with an open chat');
    }
  }

  close(): void {
    if (this.presence && this.channel) {
      Promise.resolve(this.presence.unsubscribe(this.channel, this.onEvent)).catch((err: unknown) => this.log.warn({ err }, 'moderation unsubscribe failed'));
    }
    this.presence = null;
  }

  /** A new connection: what it needs to know of the hall's chat and of itself. */
  join(client: ModeratedClient): void {
    const s = client.userData;
    if (!s) return;
    if (this.rules.mode !== OPEN_CHAT) send(client, 'moderation', { kind: 'mode', mode: this.rules.mode });
    if (isPrivileged(s.roles)) send(client, 'moderation', { kind: 'moderator' });
    const mute = this.rules.muteOf(s.moderationKeys, this.now());
    if (mute) send(client, 'moderation', { kind: 'muted', until: mute.until });
  }

  /** A dropped connection's reconnection window: a ban or kick meanwhile refuses it. */
  holdReconnection(sessionId: string, session: Session, pending: Refusable): void {
    this.away.set(sessionId, { session, pending });
  }

  /** The window ended (back or gone); true when the one who came back must go again. */
  endReconnection(sessionId: string, session: Session): boolean {
    this.away.delete(sessionId);
    return session.kicked || this.rules.isBanned(session.moderationKeys, this.now());
  }

  apply(e: ModerationEvent): void {
    if (!this.rules.apply(e)) return;
    switch (e.type) {
      case 'mode':
        this.room.broadcast('moderation', { kind: 'mode', mode: e.mode } satisfies ServerPayload<'moderation'>);
        return;
      case 'kick':
        return this.remove(e.keys, CloseCode.kicked);
      case 'sanction':
        if (e.sanction.kind === 'ban') return this.remove(e.sanction.keys, CloseCode.banned);
        for (const c of this.holders(e.sanction.keys)) {
          const mute = this.rules.muteOf(c.userData!.moderationKeys, this.now());
          if (mute) send(c, 'moderation', { kind: 'muted', until: mute.until });
        }
        return;
      case 'lift':
        if (e.sanction.kind !== 'mute') return;
        for (const c of this.holders(e.sanction.keys)) {
          if (!this.rules.muteOf(c.userData!.moderationKeys, this.now())) send(c, 'moderation', { kind: 'unmuted' });
        }
    }
  }

  private *holders(keys: readonly string[]): Generator<ModeratedClient> {
    for (const c of this.room.clients) {
      const s = c.userData;
      if (s && !isPrivileged(s.roles) && s.moderationKeys.some((k) => keys.includes(k))) yield c;
    }
  }

  private remove(keys: readonly string[], code: number): void {
    for (const c of [...this.holders(keys)]) {
      c.userData!.kicked = true;
      c.leave(code);
    }
    for (const [id, a] of this.away) {
      if (isPrivileged(a.session.roles) || !a.session.moderationKeys.some((k) => keys.includes(k))) continue;
      a.session.kicked = true;
      this.away.delete(id);
      (a.pending.reject as (reason: unknown) => void)(new Error('removed by a moderator'));
    }
  }

  // ---- the port the handlers act through ----

  person(sessionId: string) {
    for (const c of this.room.clients) {
      if (c.sessionId !== sessionId || !c.userData) continue;
      return { keys: c.userData.moderationKeys, name: this.room.nameOf(sessionId) ?? '', privileged: isPrivileged(c.userData.roles) };
    }
    return null;
  }

  private tell(sessionId: string, code: NoticeCode): void {
    for (const c of this.room.clients) if (c.sessionId === sessionId) send(c, 'notice', { code });
  }

  report(reporterSessionId: string, t: ResolvedTarget, reason: ReportReason, note: string): void {
    const service = this.service;
    if (!service) return this.tell(reporterSessionId, NoticeCode.moderationFailed);
    service
      .report({
        target: { sessionId: t.sessionId, keys: t.keys, name: t.name, hallId: this.rules.hallId },
        roomId: this.room.roomId,
        instance: this.room.instance(),
        lineId: t.lineId,
        lineText: t.lineText,
        reason,
        note,
      })
      .then(
        () => {
          this.room.reported?.();
          this.tell(reporterSessionId, NoticeCode.reported);
        },
        (err: unknown) => {
          this.log.warn({ err }, 'report failed');
          this.tell(reporterSessionId, NoticeCode.moderationFailed);
        },
      );
  }

  act(actor: { sessionId: string; userId: string | null }, t: ResolvedTarget, action: SanctionAction, minutes: number | null): void {
    const service = this.service;
    if (!service) return this.tell(actor.sessionId, NoticeCode.moderationFailed);
    service.act(action, { sessionId: t.sessionId, keys: t.keys, name: t.name, hallId: this.rules.hallId }, minutes, actor.userId).then(
      () => this.tell(actor.sessionId, NoticeCode.moderated),
      (err: unknown) => {
        this.log.warn({ err }, 'moderation action failed');
        this.tell(actor.sessionId, NoticeCode.moderationFailed);
      },
    );
  }
}
