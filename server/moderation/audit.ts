/**
 * The audit log (issue #11): every moderation and organizer action, who (account id), what, the
 * target's id and when. It is a security log under the Cybersecurity Law (Art. 21): kept at least
 * six months, and it holds ids only. `detail` is for ids, numbers and flags (a duration, a hall, a
 * report id): never names, emails, texts or device tokens; longer or other values are refused.
 *
 *   await repos.audit.record({ actorId: user.id, action: 'agenda.publish', targetType: 'session', targetId: id });
 */
import { AUDIT_ACTION_PATTERN, AUDIT_MIN_RETENTION_DAYS } from '../../shared/api/moderationTerms';
import type { AuditEntryView } from '../../shared/api/moderation';
import type { Kdb } from '../db/types';
import { newId } from '../db/repositories/ids';

export type AuditDetail = Record<string, string | number | boolean | null>;

export interface AuditRecord {
  /** the account that acted; null for the system */
  actorId: string | null;
  /** `domain.verb`, e.g. 'moderation.mute', 'organizer.announce' */
  action: string;
  /** what kind of thing was acted on: 'account', 'session', 'hall', 'booth', 'report'... */
  targetType: string;
  targetId: string | null;
  detail?: AuditDetail;
}

/** An id-like detail value: letters, digits and a few separators, short. */
const ID_LIKE = /^[A-Za-z0-9_.:/-]{0,64}$/;

export class AuditError extends Error {}

function checked(r: AuditRecord): AuditRecord {
  if (!AUDIT_ACTION_PATTERN.test(r.action)) throw new AuditError(`audit action must be domain.verb: ${r.action}`);
  if (!/^[a-z_]{1,24}$/.test(r.targetType)) throw new AuditError(`audit target type must be a short word: ${r.targetType}`);
  if (r.targetId !== null && !ID_LIKE.test(r.targetId)) throw new AuditError('audit target id must be an id');
  for (const [k, v] of Object.entries(r.detail ?? {})) {
    if (!/^[a-zA-Z]{1,24}$/.test(k)) throw new AuditError(`audit detail key: ${k}`);
    if (typeof v === 'string' && !ID_LIKE.test(v)) throw new AuditError(`audit detail ${k} must be an id, a number or a flag`);
  }
  return r;
}

export function auditLog(db: Kdb) {
  return {
    /** Writes one entry; throws on a malformed one (a bug in the caller, caught by its tests). */
    async record(r: AuditRecord, now = Date.now()): Promise<void> {
      const c = checked(r);
      await db
        .insertInto('audit_log')
        .values({
          id: newId(),
          at: now,
          actor_id: c.actorId,
          action: c.action,
          target_type: c.targetType,
          target_id: c.targetId,
          detail: c.detail && Object.keys(c.detail).length ? JSON.stringify(c.detail) : null,
        })
        .execute();
    },

    /** Newest first; `before` pages back. */
    async list(q: { action?: string; before?: number; limit: number }): Promise<AuditEntryView[]> {
      let query = db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(q.limit);
      if (q.action) query = query.where('action', '=', q.action);
      if (q.before) query = query.where('at', '<', q.before);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: r.id,
        at: Number(r.at),
        actorId: r.actor_id,
        action: r.action,
        targetType: r.target_type,
        targetId: r.target_id,
        detail: r.detail ? (JSON.parse(r.detail) as AuditDetail) : null,
      }));
    },

    async actions(): Promise<string[]> {
      const rows = await db.selectFrom('audit_log').select('action').distinct().orderBy('action').execute();
      return rows.map((r) => r.action);
    },

    /**
     * Deletes entries older than `days` (the retention job). Never less than the six months the
     * law asks for, whatever the caller passes.
     */
    async purgeOlderThan(days: number, now = Date.now()): Promise<number> {
      const keep = Math.max(days, AUDIT_MIN_RETENTION_DAYS);
      const r = await db
        .deleteFrom('audit_log')
        .where('at', '<', now - keep * 24 * 3600_000)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;
