/**
 * Moderation's tables (migration 0006, issue #11): sanctions bound to keys, hall chat modes, the
 * reports queue and moderator invitations. The rules about who may do what live in the routes and
 * the room; this keeps the records straight on SQLite and PostgreSQL alike.
 */
import type { Kdb } from '../types';
import { OPEN_CHAT, type HallChatMode, type ReportReason, type ReportResolution } from '../../../shared/api/moderationTerms';
import { RepoError, isUniqueViolation, newId } from './ids';
import type { NewUser, UserRow } from './users';
import { auditLog, type AuditRecord } from '../../moderation/audit';

export type SanctionKind = 'mute' | 'ban';

/** What a room needs to enforce a sanction. */
export interface SanctionRecord {
  id: string;
  kind: SanctionKind;
  keys: string[];
  /** ms; null: until lifted */
  expiresAt: number | null;
}

export interface SanctionRow extends SanctionRecord {
  targetName: string | null;
  hallId: string | null;
  createdAt: number;
}

export interface NewSanction {
  kind: SanctionKind;
  keys: string[];
  minutes: number | null;
  targetName: string | null;
  hallId: string | null;
  reportId?: string | null;
  createdBy: string | null;
}

/** The audit entry of a new sanction, written in its transaction; `sanction` is filled in with the new id. */
export type SanctionAudit = (sanctionId: string) => AuditRecord;

export interface ReportRow {
  id: string;
  hallId: string;
  roomId: string;
  instance: number;
  targetSession: string;
  targetName: string;
  targetKeys: string[];
  lineId: number | null;
  lineText: string | null;
  reason: ReportReason;
  note: string;
  status: 'open' | 'closed';
  resolution: ReportResolution | null;
  createdAt: number;
  resolvedAt: number | null;
}

export type NewReport = Omit<ReportRow, 'id' | 'status' | 'resolution' | 'createdAt' | 'resolvedAt'>;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function moderationRepository(db: Kdb) {
  const liveSanctions = (now: number) =>
    db
      .selectFrom('moderation_sanctions')
      .where('lifted_at', 'is', null)
      .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]));

  async function withKeys(
    rows: { id: string; kind: string; expires_at: number | null; target_name: string | null; hall_id: string | null; created_at: number }[],
  ) {
    if (!rows.length) return [];
    const keys = await db
      .selectFrom('moderation_sanction_keys')
      .select(['sanction_id', 'key'])
      .where(
        'sanction_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const byId = new Map<string, string[]>();
    for (const k of keys) byId.set(k.sanction_id, [...(byId.get(k.sanction_id) ?? []), k.key]);
    return rows.map((r): SanctionRow => ({
      id: r.id,
      kind: r.kind as SanctionKind,
      keys: byId.get(r.id) ?? [],
      expiresAt: num(r.expires_at),
      targetName: r.target_name,
      hallId: r.hall_id,
      createdAt: Number(r.created_at),
    }));
  }

  const reportOf = (r: {
    id: string;
    hall_id: string;
    room_id: string;
    instance: number;
    target_session: string;
    target_name: string;
    target_keys: string;
    line_id: number | null;
    line_text: string | null;
    reason: string;
    note: string;
    status: string;
    resolution: string | null;
    created_at: number;
    resolved_at: number | null;
  }): ReportRow => ({
    id: r.id,
    hallId: r.hall_id,
    roomId: r.room_id,
    instance: Number(r.instance),
    targetSession: r.target_session,
    targetName: r.target_name,
    targetKeys: JSON.parse(r.target_keys) as string[],
    lineId: num(r.line_id),
    lineText: r.line_text,
    reason: r.reason as ReportReason,
    note: r.note,
    status: r.status === 'closed' ? 'closed' : 'open',
    resolution: r.resolution as ReportResolution | null,
    createdAt: Number(r.created_at),
    resolvedAt: num(r.resolved_at),
  });

  return {
    /**
     * One sanction, its keys and its audit entry, in one transaction: a sanction is never in force
     * without its line in the log, and it costs one commit before it can be published.
     */
    async addSanction(s: NewSanction, audit?: SanctionAudit, now = Date.now()): Promise<SanctionRow> {
      if (!s.keys.length) throw new RepoError('conflict', 'A sanction needs someone to hold');
      const id = newId();
      const expiresAt = s.minutes === null ? null : now + s.minutes * 60_000;
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('moderation_sanctions')
          .values({
            id,
            kind: s.kind,
            target_name: s.targetName,
            hall_id: s.hallId,
            report_id: s.reportId ?? null,
            created_by: s.createdBy,
            created_at: now,
            expires_at: expiresAt,
            lifted_at: null,
            lifted_by: null,
          })
          .execute();
        await trx
          .insertInto('moderation_sanction_keys')
          .values([...new Set(s.keys)].map((key) => ({ sanction_id: id, key })))
          .execute();
        if (audit) await auditLog(trx).record(audit(id), now);
      });
      return { id, kind: s.kind, keys: [...new Set(s.keys)], expiresAt, targetName: s.targetName, hallId: s.hallId, createdAt: now };
    },

    /** Ends a live sanction; null when there was none to lift. */
    async liftSanction(id: string, by: string | null, now = Date.now()): Promise<SanctionRow | null> {
      const upd = await db
        .updateTable('moderation_sanctions')
        .set({ lifted_at: now, lifted_by: by })
        .where('id', '=', id)
        .where('lifted_at', 'is', null)
        .executeTakeFirst();
      if (Number(upd.numUpdatedRows) !== 1) return null;
      const row = await db.selectFrom('moderation_sanctions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return (await withKeys([row]))[0];
    },

    /** Every live mute and ban, newest first (the console's list, and a new room's snapshot). */
    async liveSanctions(now = Date.now()): Promise<SanctionRow[]> {
      const rows = await liveSanctions(now).selectAll().orderBy('created_at', 'desc').limit(2000).execute();
      return withKeys(rows);
    },

    /** Is any of these keys under a live ban? (the join's check) */
    async isBanned(keys: string[], now = Date.now()): Promise<boolean> {
      if (!keys.length) return false;
      const row = await liveSanctions(now)
        .innerJoin('moderation_sanction_keys', 'moderation_sanction_keys.sanction_id', 'moderation_sanctions.id')
        .select('moderation_sanctions.id')
        .where('moderation_sanctions.kind', '=', 'ban')
        .where('moderation_sanction_keys.key', 'in', keys)
        .executeTakeFirst();
      return !!row;
    },

    async hallModes(): Promise<Map<string, { mode: HallChatMode; updatedAt: number }>> {
      const rows = await db.selectFrom('moderation_hall_modes').selectAll().execute();
      return new Map(
        rows.map((r) => [
          r.hall_id,
          { mode: { slowModeS: Number(r.slow_mode_s), chatOff: !!Number(r.chat_off), muteAll: !!Number(r.mute_all) }, updatedAt: Number(r.updated_at) },
        ]),
      );
    },

    async hallMode(hallId: string): Promise<HallChatMode> {
      return (await this.hallModes()).get(hallId)?.mode ?? OPEN_CHAT;
    },

    async setHallMode(hallId: string, mode: HallChatMode, by: string | null, now = Date.now()): Promise<void> {
      const values = { slow_mode_s: mode.slowModeS, chat_off: mode.chatOff ? 1 : 0, mute_all: mode.muteAll ? 1 : 0, updated_at: now, updated_by: by };
      await db
        .insertInto('moderation_hall_modes')
        .values({ hall_id: hallId, ...values })
        .onConflict((oc) => oc.column('hall_id').doUpdateSet(values))
        .execute();
    },

    async addReport(r: NewReport, now = Date.now()): Promise<ReportRow> {
      const id = newId();
      await db
        .insertInto('moderation_reports')
        .values({
          id,
          hall_id: r.hallId,
          room_id: r.roomId,
          instance: r.instance,
          target_session: r.targetSession,
          target_name: r.targetName,
          target_keys: JSON.stringify(r.targetKeys),
          line_id: r.lineId,
          line_text: r.lineText,
          reason: r.reason,
          note: r.note,
          status: 'open',
          resolution: null,
          resolved_by: null,
          resolved_at: null,
          created_at: now,
        })
        .execute();
      return { ...r, id, status: 'open', resolution: null, createdAt: now, resolvedAt: null };
    },

    async report(id: string): Promise<ReportRow | null> {
      const r = await db.selectFrom('moderation_reports').selectAll().where('id', '=', id).executeTakeFirst();
      return r ? reportOf(r) : null;
    },

    async reports(status: 'open' | 'closed', limit = 200): Promise<ReportRow[]> {
      const rows = await db
        .selectFrom('moderation_reports')
        .selectAll()
        .where('status', '=', status)
        .orderBy(status === 'open' ? 'created_at' : 'resolved_at', 'desc')
        .limit(limit)
        .execute();
      return rows.map(reportOf);
    },

    /** Closes an open report; the conditional update lets only one of two moderators close it. */
    async closeReport(id: string, resolution: ReportResolution, by: string | null, now = Date.now()): Promise<ReportRow> {
      const upd = await db
        .updateTable('moderation_reports')
        .set({ status: 'closed', resolution, resolved_by: by, resolved_at: now })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(upd.numUpdatedRows) !== 1) {
        if (!(await this.report(id))) throw new RepoError('not_found', 'No such report');
        throw new RepoError('conflict', 'This report is closed already');
      }
      return (await this.report(id))!;
    },

    /** Closed reports hold a reported line and names: they go after `days` (the retention job). */
    async purgeClosedReports(days: number, now = Date.now()): Promise<number> {
      const r = await db
        .deleteFrom('moderation_reports')
        .where('status', '=', 'closed')
        .where('resolved_at', '<', now - days * 24 * 3600_000)
        .executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async createModeratorInvite(i: { tokenHash: string; email: string | null; createdBy: string | null; expiresAt: number }): Promise<void> {
      await db
        .insertInto('moderator_invites')
        .values({ token_hash: i.tokenHash, email: i.email, created_by: i.createdBy, expires_at: i.expiresAt, used_at: null, created_at: Date.now() })
        .execute();
    },

    async findModeratorInvite(tokenHash: string, now = Date.now()) {
      return db
        .selectFrom('moderator_invites')
        .select(['token_hash', 'email', 'expires_at'])
        .where('token_hash', '=', tokenHash)
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .executeTakeFirst();
    },

    /** Uses the invitation and creates the moderator account in one transaction (a second use fails). */
    async acceptModeratorInvite(tokenHash: string, user: Omit<NewUser, 'exhibitorId' | 'role'>, now = Date.now()): Promise<UserRow> {
      try {
        return await db.transaction().execute(async (trx) => {
          const inv = await trx
            .selectFrom('moderator_invites')
            .select(['email'])
            .where('token_hash', '=', tokenHash)
            .where('used_at', 'is', null)
            .where('expires_at', '>', now)
            .executeTakeFirst();
          if (!inv) throw new RepoError('not_found', 'This invitation is not valid any more');
          if (inv.email && inv.email !== user.email) throw new RepoError('conflict', 'This invitation is for another email address');
          const upd = await trx
            .updateTable('moderator_invites')
            .set({ used_at: now })
            .where('token_hash', '=', tokenHash)
            .where('used_at', 'is', null)
            .executeTakeFirst();
          if (Number(upd.numUpdatedRows) !== 1) throw new RepoError('not_found', 'This invitation is not valid any more');
          const row: UserRow = {
            id: newId(),
            email: user.email,
            password_hash: user.passwordHash,
            role: 'moderator',
            exhibitor_id: null,
            display_name: user.displayName,
            on_duty_until: null,
            created_at: now,
            last_login_at: now,
          };
          await trx.insertInto('users').values(row).execute();
          return row;
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new RepoError('conflict', 'An account with this email exists');
        throw err;
      }
    },
  };
}

export type ModerationRepository = ReturnType<typeof moderationRepository>;
