/**
 * Entry rules and entry passes (issue #11 item 5). Rules: the expo's own row has hall_id ''; a hall
 * without a row follows the expo, an expo without a row is open. Passes: the token's SHA-256 only.
 * A pass's use is counted with one guarded UPDATE, so a pass limited to N uses admits N joins even
 * when several processes race for the last one.
 */
import { sql } from 'kysely';
import type { Kdb } from '../types';
import { newId } from './ids';

export const EXPO_SCOPE = '';

export interface EntryRuleRow {
  hallId: string;
  rule: string;
  codeHash: string | null;
  updatedAt: number;
}

export interface EntryInviteRow {
  id: string;
  hallId: string | null;
  label: string;
  uses: number;
  maxUses: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
  createdAt: number;
}

const nn = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export function entryRuleRepository(db: Kdb) {
  const inviteOf = (r: {
    id: string;
    hall_id: string | null;
    label: string;
    uses: number;
    max_uses: number | null;
    expires_at: number | null;
    revoked_at: number | null;
    created_at: number;
  }): EntryInviteRow => ({
    id: r.id,
    hallId: r.hall_id,
    label: r.label,
    uses: Number(r.uses),
    maxUses: nn(r.max_uses),
    expiresAt: nn(r.expires_at),
    revokedAt: nn(r.revoked_at),
    createdAt: Number(r.created_at),
  });

  return {
    /** The expo's row (hallId '') and every hall's own, for one expo. */
    async rules(expoId: string): Promise<EntryRuleRow[]> {
      const rows = await db.selectFrom('entry_rules').select(['hall_id', 'rule', 'code_hash', 'updated_at']).where('expo_id', '=', expoId).execute();
      return rows.map((r) => ({ hallId: r.hall_id, rule: r.rule, codeHash: r.code_hash, updatedAt: Number(r.updated_at) }));
    },

    /** The expo's row and this hall's, the two a join needs (primary-key reads). */
    async forHall(expoId: string, hallId: string): Promise<{ expo: EntryRuleRow | null; hall: EntryRuleRow | null }> {
      const rows = await db
        .selectFrom('entry_rules')
        .select(['hall_id', 'rule', 'code_hash', 'updated_at'])
        .where('expo_id', '=', expoId)
        .where('hall_id', 'in', [EXPO_SCOPE, hallId])
        .execute();
      const of = (h: string) => {
        const r = rows.find((x) => x.hall_id === h);
        return r ? { hallId: r.hall_id, rule: r.rule, codeHash: r.code_hash, updatedAt: Number(r.updated_at) } : null;
      };
      return { expo: of(EXPO_SCOPE), hall: hallId === EXPO_SCOPE ? null : of(hallId) };
    },

    /** Sets a scope's rule; `codeHash` undefined keeps the code already stored (switching back to a code rule). */
    async set(expoId: string, hallId: string, rule: string, codeHash: string | null | undefined, by: string | null, now = Date.now()): Promise<void> {
      const values = { expo_id: expoId, hall_id: hallId, rule, code_hash: codeHash ?? null, updated_by: by, updated_at: now };
      const update = codeHash === undefined ? { rule, updated_by: by, updated_at: now } : { rule, code_hash: codeHash, updated_by: by, updated_at: now };
      await db
        .insertInto('entry_rules')
        .values(values)
        .onConflict((oc) => oc.columns(['expo_id', 'hall_id']).doUpdateSet(update))
        .execute();
    },

    async invites(expoId: string): Promise<EntryInviteRow[]> {
      const rows = await db.selectFrom('entry_invites').selectAll().where('expo_id', '=', expoId).orderBy('created_at', 'desc').orderBy('id').execute();
      return rows.map(inviteOf);
    },

    async createInvite(input: {
      expoId: string;
      hallId: string | null;
      label: string;
      tokenHash: string;
      maxUses: number | null;
      expiresAt: number | null;
      by: string | null;
      now?: number;
    }): Promise<EntryInviteRow> {
      const row = {
        id: newId(),
        token_hash: input.tokenHash,
        expo_id: input.expoId,
        hall_id: input.hallId,
        label: input.label,
        uses: 0,
        max_uses: input.maxUses,
        expires_at: input.expiresAt,
        revoked_at: null,
        created_by: input.by,
        created_at: input.now ?? Date.now(),
      };
      await db.insertInto('entry_invites').values(row).execute();
      return inviteOf(row);
    },

    /** Revokes a pass of this expo; false when there is none (or it was revoked already). */
    async revokeInvite(expoId: string, id: string, now = Date.now()): Promise<boolean> {
      const r = await db
        .updateTable('entry_invites')
        .set({ revoked_at: now })
        .where('id', '=', id)
        .where('expo_id', '=', expoId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return Number(r.numUpdatedRows) > 0;
    },

    /**
     * Uses a pass for a hall: true when it is this expo's, for this hall or expo-wide, not revoked,
     * not expired, and either `holder` has used it before or it is not used up. The limit counts
     * holders (people), so a holder who reloads or comes back later is let in again; a join without
     * a holder (no account, no device token) counts as a new use each time. Counted in the same
     * transaction that records the holder: two joins racing for the last use cannot both win.
     */
    async useInvite(expoId: string, hallId: string, tokenHash: string, holder: string | null, now = Date.now()): Promise<boolean> {
      return db
        .transaction()
        .execute(async (trx) => {
          const pass = await trx
            .selectFrom('entry_invites')
            .select(['id'])
            .where('token_hash', '=', tokenHash)
            .where('expo_id', '=', expoId)
            .where((eb) => eb.or([eb('hall_id', 'is', null), eb('hall_id', '=', hallId)]))
            .where('revoked_at', 'is', null)
            .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
            .executeTakeFirst();
          if (!pass) return false;
          if (holder) {
            const added = await trx
              .insertInto('entry_pass_holders')
              .values({ invite_id: pass.id, holder, first_at: now })
              .onConflict((oc) => oc.columns(['invite_id', 'holder']).doNothing())
              .executeTakeFirst();
            // a holder seen before: let in again, no new use
            if (Number(added.numInsertedOrUpdatedRows ?? 0n) === 0) return true;
          }
          const r = await trx
            .updateTable('entry_invites')
            .set({ uses: sql`uses + 1` })
            .where('id', '=', pass.id)
            .where((eb) => eb.or([eb('max_uses', 'is', null), eb('uses', '<', eb.ref('max_uses'))]))
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) > 0) return true;
          // used up: throw to roll the new holder row back with the transaction
          throw new PassUsedUp();
        })
        .catch((err: unknown) => {
          if (err instanceof PassUsedUp) return false;
          throw err;
        });
    },

    /** Same conditions as useInvite, without counting a use (the landing page's check). */
    async inviteValid(expoId: string, hallId: string, tokenHash: string, holder: string | null, now = Date.now()): Promise<boolean> {
      const r = await db
        .selectFrom('entry_invites')
        .select('id')
        .where('token_hash', '=', tokenHash)
        .where('expo_id', '=', expoId)
        .where((eb) => eb.or([eb('hall_id', 'is', null), eb('hall_id', '=', hallId)]))
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .where((eb) =>
          eb.or([
            eb('max_uses', 'is', null),
            eb('uses', '<', eb.ref('max_uses')),
            eb.exists(
              eb
                .selectFrom('entry_pass_holders')
                .select('holder')
                .whereRef('entry_pass_holders.invite_id', '=', 'entry_invites.id')
                .where('entry_pass_holders.holder', '=', holder ?? ''),
            ),
          ]),
        )
        .executeTakeFirst();
      return !!r;
    },
  };
}

/** Internal: rolls back useInvite's transaction when the pass is used up. */
class PassUsedUp extends Error {}

export type EntryRuleRepository = ReturnType<typeof entryRuleRepository>;
