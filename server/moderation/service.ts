/**
 * Moderation for one process (issue #11): every action is stored, written to the audit log, then
 * published to every hall room on every process (./events.ts) and to the consoles' live stream.
 * The HTTP routes (server/http/moderationRoutes.ts) and the hall rooms (moderate and report
 * messages) both act through this; the callers authorize, this keeps the order of things.
 */
import type { Presence } from '@colyseus/core';
import type { HallChatMode, ReportReason, ReportResolution } from '../../shared/api/moderationTerms';
import type { ModerationEventData, ModerationEventName, ReportView, SanctionView } from '../../shared/api/moderation';
import type { Repositories } from '../db/repositories';
import type { ReportRow, SanctionKind, SanctionRow } from '../db/repositories/moderation';
import { RepoError } from '../db/repositories';
import type { Logger } from '../lib/logger';
import { createTopicBus, type TopicBus } from '../pubsub';
import { moderationChannel, type ModerationEvent } from './events';
import { accountOf, boundTo, sessionKey, sessionOf } from './keys';

/** The consoles' stream: every event goes to every moderator and organizer console. */
export type ConsoleEvent = { [N in ModerationEventName]: { key: 'console'; name: N; data: ModerationEventData<N> } }[ModerationEventName];

/** Whom an action is for, as the room resolved it (or a report stored it). */
export interface ModerationTarget {
  sessionId: string;
  keys: string[];
  name: string;
  hallId: string;
}

export interface ModerationDeps {
  repos: () => Repositories;
  presence: () => Presence | undefined;
  prefix: string;
  log: Pick<Logger, 'warn'>;
}

export function reportView(r: ReportRow): ReportView {
  return {
    id: r.id,
    hallId: r.hallId,
    instance: r.instance,
    targetName: r.targetName,
    lineText: r.lineText,
    reason: r.reason,
    note: r.note,
    status: r.status,
    resolution: r.resolution,
    createdAt: r.createdAt,
    resolvedAt: r.resolvedAt,
  };
}

export function sanctionView(s: SanctionRow): SanctionView {
  return { id: s.id, kind: s.kind, targetName: s.targetName, hallId: s.hallId, boundTo: boundTo(s.keys), createdAt: s.createdAt, expiresAt: s.expiresAt };
}

/** The audit log names an account when there is one, else the connection. */
function auditTarget(keys: readonly string[]): { targetType: string; targetId: string | null } {
  const account = accountOf(keys);
  if (account) return { targetType: 'account', targetId: account };
  return { targetType: 'session', targetId: sessionOf(keys) };
}

export function createModeration(d: ModerationDeps) {
  const channel = moderationChannel(d.prefix);
  const consoles: TopicBus<ConsoleEvent> = createTopicBus<ConsoleEvent>(
    d.presence,
    `${d.prefix}moderation-console`,
    (raw) => ((raw as ConsoleEvent | null)?.key === 'console' ? 'console' : null),
    (err) => d.log.warn({ err }, 'moderation console bus'),
  );
  const toConsoles = <N extends ModerationEventName>(name: N, data: ModerationEventData<N>) => consoles.publish({ key: 'console', name, data } as ConsoleEvent);

  async function publish(e: ModerationEvent): Promise<void> {
    const p = d.presence();
    if (!p) throw new Error('moderation needs the running server (no presence)');
    await p.publish(channel, e);
  }

  async function sanction(kind: SanctionKind, t: ModerationTarget, minutes: number | null, actorId: string | null, reportId: string | null = null) {
    // a mute holds the person (account, device) and this connection; so does a ban
    const keys = [...new Set([...t.keys, sessionKey(t.sessionId)])];
    const row = await d.repos().moderation.addSanction({ kind, keys, minutes, targetName: t.name, hallId: t.hallId, reportId, createdBy: actorId }, (id) => ({
      actorId,
      action: `moderation.${kind}`,
      ...auditTarget(keys),
      detail: { sanction: id, minutes, hall: t.hallId, report: reportId },
    }));
    await publish({ type: 'sanction', sanction: { id: row.id, kind, keys: row.keys, expiresAt: row.expiresAt }, at: Date.now() });
    toConsoles('sanctions', { at: Date.now() });
    return row;
  }

  async function kick(t: ModerationTarget, actorId: string | null, reportId: string | null = null): Promise<void> {
    const keys = [sessionKey(t.sessionId)];
    await d.repos().audit.record({
      actorId,
      action: 'moderation.kick',
      ...auditTarget([...t.keys, ...keys]),
      detail: { hall: t.hallId, report: reportId },
    });
    await publish({ type: 'kick', keys, at: Date.now() });
  }

  async function act(action: 'mute' | 'kick' | 'ban', t: ModerationTarget, minutes: number | null, actorId: string | null, reportId: string | null = null) {
    if (action === 'kick') return kick(t, actorId, reportId);
    await sanction(action, t, minutes, actorId, reportId);
  }

  return {
    channel,
    consoles,
    act,

    /** What a new room starts from. */
    async snapshot(hallId: string) {
      const r = d.repos().moderation;
      const [sanctions, mode] = await Promise.all([r.liveSanctions(), r.hallMode(hallId)]);
      return { sanctions: sanctions.map((s) => ({ id: s.id, kind: s.kind, keys: s.keys, expiresAt: s.expiresAt })), mode };
    },

    isBanned: (keys: string[]) => d.repos().moderation.isBanned(keys),

    async lift(sanctionId: string, actorId: string | null): Promise<SanctionRow> {
      const row = await d.repos().moderation.liftSanction(sanctionId, actorId);
      if (!row) throw new RepoError('not_found', 'No such live mute or ban');
      await d.repos().audit.record({ actorId, action: 'moderation.lift', ...auditTarget(row.keys), detail: { sanction: row.id, kind: row.kind } });
      await publish({ type: 'lift', sanction: { id: row.id, kind: row.kind, keys: row.keys, expiresAt: row.expiresAt }, at: Date.now() });
      toConsoles('sanctions', { at: Date.now() });
      return row;
    },

    async setMode(hallId: string, mode: HallChatMode, actorId: string | null) {
      await d.repos().moderation.setHallMode(hallId, mode, actorId);
      await d.repos().audit.record({
        actorId,
        action: 'moderation.hall_mode',
        targetType: 'hall',
        targetId: hallId,
        detail: { slowModeS: mode.slowModeS, chatOff: mode.chatOff, muteAll: mode.muteAll },
      });
      const at = Date.now();
      await publish({ type: 'mode', hallId, mode, at });
      toConsoles('hall-mode', { hallId, mode, updatedAt: at });
    },

    /** A visitor's report, resolved by the room; goes to the queue and live to every console. */
    async report(r: {
      target: ModerationTarget;
      roomId: string;
      instance: number;
      lineId: number | null;
      lineText: string | null;
      reason: ReportReason;
      note: string;
    }): Promise<ReportRow> {
      const row = await d.repos().moderation.addReport({
        hallId: r.target.hallId,
        roomId: r.roomId,
        instance: r.instance,
        targetSession: r.target.sessionId,
        targetName: r.target.name,
        targetKeys: r.target.keys,
        lineId: r.lineId,
        lineText: r.lineText,
        reason: r.reason,
        note: r.note,
      });
      toConsoles('report', reportView(row));
      return row;
    },

    /** Closes a report with an action on its target (or dismisses it). */
    async resolveReport(reportId: string, action: ReportResolution, minutes: number | null, actorId: string | null): Promise<ReportRow> {
      // closed first: of two moderators acting on one report, only one acts (an unknown one is not_found)
      const report = await d.repos().moderation.closeReport(reportId, action, actorId);
      const closed = report;
      const target: ModerationTarget = { sessionId: report.targetSession, keys: report.targetKeys, name: report.targetName, hallId: report.hallId };
      if (action === 'dismiss') {
        await d
          .repos()
          .audit.record({ actorId, action: 'moderation.report_dismiss', targetType: 'report', targetId: reportId, detail: { hall: report.hallId } });
      } else {
        await act(action, target, minutes, actorId, reportId);
      }
      toConsoles('report-closed', reportView(closed));
      return closed;
    },

    close(): void {
      consoles.close();
    },
  };
}

export type Moderation = ReturnType<typeof createModeration>;

const perServices = new WeakMap<object, Moderation>();

/** One moderation per set of expo services, shared by its HTTP routes and its hall rooms. */
export function moderationFor(
  s: { repos: Repositories; config: { presencePrefix: string }; logger: Logger },
  presence: () => Presence | undefined,
): Moderation {
  let m = perServices.get(s);
  if (!m) {
    m = createModeration({ repos: () => s.repos, presence, prefix: s.config.presencePrefix, log: s.logger });
    perServices.set(s, m);
  }
  return m;
}
