/**
 * Cards, consents and leads. The rules that make it lawful live here, next to the data:
 * - a lead is written in the same transaction as its consent, so one never exists without the other;
 * - the lead holds only the consented fields (a snapshot: editing the card later widens nothing);
 * - the same idempotency key from the same visitor returns the first consent, also under a race
 *   (the unique constraint decides, not a read before the write), and a visitor has at most one
 *   active card per booth (a partial unique index);
 * - withdrawing deletes the lead and keeps the consent record, marked withdrawn, as the proof of what
 *   was agreed and when.
 */
import { sql } from 'kysely';
import type { CardField, CardInput, LeadRating } from '../../../shared/api/leads';
import type { ConsentTable, Kdb, LeadTable, VisitorCardTable } from '../types';
import { RepoError, isUniqueViolation, likePattern, newId } from './ids';

export type CardRow = VisitorCardTable;
export type LeadRow = LeadTable;
export type ConsentRow = ConsentTable & { name_zh: string; name_en: string };

export interface LeaveCard {
  visitorId: string;
  boothId: string;
  exhibitorId: string;
  fields: CardField[];
  noticeVersion: number;
  noticeHash: string;
  idempotencyKey: string;
}

export interface LeadFilter {
  q?: string;
  rating?: LeadRating;
  tag?: string;
  /** only leads created after this time (ms) */
  since?: number;
}

/** The consented fields of a card, the rest null. */
export function snapshot(card: Pick<CardRow, CardField | 'name'>, fields: readonly CardField[]): Pick<LeadRow, CardField | 'name'> {
  const pick = (f: CardField) => (fields.includes(f) ? card[f] : null);
  return { name: card.name, company: pick('company'), title: pick('title'), email: pick('email'), phone: pick('phone'), wechat: pick('wechat') };
}

const SEARCHED = ['name', 'company', 'title', 'email', 'phone', 'wechat', 'notes'] as const;

export function leadRepository(db: Kdb) {
  const consentWithName = () =>
    db
      .selectFrom('consents')
      .innerJoin('exhibitors', 'exhibitors.id', 'consents.exhibitor_id')
      .selectAll('consents')
      .select(['exhibitors.name_zh', 'exhibitors.name_en']);

  return {
    getCard: (userId: string) => db.selectFrom('visitor_cards').selectAll().where('user_id', '=', userId).executeTakeFirst(),

    async saveCard(userId: string, c: Required<CardInput>, now = Date.now()): Promise<CardRow> {
      const row: CardRow = { user_id: userId, ...c, updated_at: now };
      await db
        .insertInto('visitor_cards')
        .values(row)
        .onConflict((oc) => oc.column('user_id').doUpdateSet({ ...c, updated_at: now }))
        .execute();
      return row;
    },

    /**
     * Records the consent and the lead in one transaction. Returns the first consent again for a
     * repeated idempotency key; refuses a second active card at the same booth.
     */
    async leaveCard(l: LeaveCard, now = Date.now()): Promise<{ consent: ConsentRow; lead: LeadRow; duplicate: boolean }> {
      const again = async () => {
        const consent = await consentWithName()
          .where('consents.visitor_id', '=', l.visitorId)
          .where('consents.idempotency_key', '=', l.idempotencyKey)
          .executeTakeFirst();
        if (!consent) return null;
        if (consent.booth_id !== l.boothId) throw new RepoError('conflict', 'This request key was used for another booth');
        const lead = await db.selectFrom('leads').selectAll().where('consent_id', '=', consent.id).executeTakeFirst();
        if (!lead) throw new RepoError('conflict', 'This card was withdrawn; leave it again to share it');
        return { consent, lead, duplicate: true };
      };
      const first = await again();
      if (first) return first;
      try {
        const id = await db.transaction().execute(async (trx) => {
          // a request with this key may have committed since the read above
          const same = await trx
            .selectFrom('consents')
            .select('id')
            .where('visitor_id', '=', l.visitorId)
            .where('idempotency_key', '=', l.idempotencyKey)
            .executeTakeFirst();
          if (same) return null;
          const card = await trx.selectFrom('visitor_cards').selectAll().where('user_id', '=', l.visitorId).executeTakeFirst();
          if (!card) throw new RepoError('not_found', 'Fill in your card first');
          const active = await trx
            .selectFrom('consents')
            .select('id')
            .where('visitor_id', '=', l.visitorId)
            .where('booth_id', '=', l.boothId)
            .where('withdrawn_at', 'is', null)
            .executeTakeFirst();
          if (active) throw new RepoError('conflict', 'Your card is already at this booth; withdraw it in the privacy centre to change what you share');
          const consentId = newId();
          await trx
            .insertInto('consents')
            .values({
              id: consentId,
              visitor_id: l.visitorId,
              exhibitor_id: l.exhibitorId,
              booth_id: l.boothId,
              fields: JSON.stringify(l.fields),
              notice_version: l.noticeVersion,
              notice_hash: l.noticeHash,
              idempotency_key: l.idempotencyKey,
              created_at: now,
              withdrawn_at: null,
            })
            .execute();
          await trx
            .insertInto('leads')
            .values({
              id: newId(),
              consent_id: consentId,
              booth_id: l.boothId,
              ...snapshot(card, l.fields),
              rating: null,
              tags: '[]',
              notes: '',
              created_at: now,
            })
            .execute();
          return consentId;
        });
        if (id === null) return (await again())!;
        const consent = await consentWithName().where('consents.id', '=', id).executeTakeFirstOrThrow();
        const lead = await db.selectFrom('leads').selectAll().where('consent_id', '=', id).executeTakeFirstOrThrow();
        return { consent, lead, duplicate: false };
      } catch (err) {
        // a concurrent request with the same key won the race: answer with its consent; with
        // another key, the one-active-card-per-booth index refused it
        // (PostgreSQL's read committed can also show the winner's row to the "already at this booth"
        // check of a request with the same key: that is the same retry, not a second card)
        const raced = isUniqueViolation(err) || (err instanceof RepoError && err.code === 'conflict');
        if (raced) {
          const won = await again();
          if (won) return won;
        }
        if (isUniqueViolation(err))
          throw new RepoError('conflict', 'Your card is already at this booth; withdraw it in the privacy centre to change what you share');
        throw err;
      }
    },

    consents: (visitorId: string) => consentWithName().where('consents.visitor_id', '=', visitorId).orderBy('consents.created_at', 'desc').execute(),

    /** The leads made from this visitor's consents, as the exhibitors hold them. */
    leadsOfVisitor: (visitorId: string) =>
      db
        .selectFrom('leads')
        .innerJoin('consents', 'consents.id', 'leads.consent_id')
        .selectAll('leads')
        .where('consents.visitor_id', '=', visitorId)
        .orderBy('leads.created_at', 'desc')
        .execute(),

    /**
     * Deletes a visitor account; the foreign keys cascade to the card, sessions, consents and
     * leads in the same statement. Returns the leads that went, for the live inboxes.
     */
    async deleteVisitor(visitorId: string): Promise<{ leadId: string; boothId: string }[]> {
      return db.transaction().execute(async (trx) => {
        const gone = await trx
          .selectFrom('leads')
          .innerJoin('consents', 'consents.id', 'leads.consent_id')
          .select(['leads.id', 'leads.booth_id'])
          .where('consents.visitor_id', '=', visitorId)
          .execute();
        const r = await trx.deleteFrom('users').where('id', '=', visitorId).where('role', '=', 'visitor').executeTakeFirst();
        if (!r.numDeletedRows) throw new RepoError('not_found', 'No such visitor account');
        return gone.map((g) => ({ leadId: g.id, boothId: g.booth_id }));
      });
    },

    /** Withdraws a consent of this visitor: deletes its lead. Returns the lead removed (for the live inbox), or null if none was left. */
    async withdraw(visitorId: string, consentId: string, now = Date.now()): Promise<{ leadId: string; boothId: string } | null> {
      return db.transaction().execute(async (trx) => {
        const c = await trx
          .selectFrom('consents')
          .select(['id', 'booth_id', 'withdrawn_at'])
          .where('id', '=', consentId)
          .where('visitor_id', '=', visitorId)
          .executeTakeFirst();
        if (!c) throw new RepoError('not_found', 'No such consent');
        const lead = await trx.selectFrom('leads').select('id').where('consent_id', '=', consentId).executeTakeFirst();
        if (c.withdrawn_at === null) await trx.updateTable('consents').set({ withdrawn_at: now }).where('id', '=', consentId).execute();
        if (!lead) return null;
        await trx.deleteFrom('leads').where('id', '=', lead.id).execute();
        return { leadId: lead.id, boothId: c.booth_id };
      });
    },

    async leads(boothId: string, f: LeadFilter = {}): Promise<LeadRow[]> {
      let q = db.selectFrom('leads').selectAll().where('booth_id', '=', boothId);
      if (f.rating) q = q.where('rating', '=', f.rating);
      if (f.since !== undefined) q = q.where('created_at', '>', f.since);
      if (f.tag) {
        const p = likePattern(JSON.stringify(f.tag));
        q = q.where(sql<boolean>`lower(${sql.ref('tags')}) like ${p} escape '\\'`);
      }
      if (f.q) {
        const p = likePattern(f.q);
        q = q.where((eb) => eb.or(SEARCHED.map((c) => sql<boolean>`lower(coalesce(${sql.ref(c)}, '')) like ${p} escape '\\'`)));
      }
      return q.orderBy('created_at', 'desc').orderBy('id').execute();
    },

    getLead: (boothId: string, leadId: string) =>
      db.selectFrom('leads').selectAll().where('id', '=', leadId).where('booth_id', '=', boothId).executeTakeFirst(),

    async updateLead(boothId: string, leadId: string, u: { rating?: LeadRating | null; tags?: string[]; notes?: string }): Promise<LeadRow> {
      const set: Partial<LeadRow> = {};
      if (u.rating !== undefined) set.rating = u.rating;
      if (u.tags) set.tags = JSON.stringify([...new Set(u.tags)]);
      if (u.notes !== undefined) set.notes = u.notes;
      const r = await db.updateTable('leads').set(set).where('id', '=', leadId).where('booth_id', '=', boothId).executeTakeFirst();
      if (!r.numUpdatedRows) throw new RepoError('not_found', 'No such lead');
      return (await db.selectFrom('leads').selectAll().where('id', '=', leadId).executeTakeFirst())!;
    },

    lastExport: async (boothId: string) =>
      (await db.selectFrom('lead_exports').select('exported_at').where('booth_id', '=', boothId).executeTakeFirst())?.exported_at ?? null,

    async markExported(boothId: string, at: number): Promise<void> {
      await db
        .insertInto('lead_exports')
        .values({ booth_id: boothId, exported_at: at })
        .onConflict((oc) => oc.column('booth_id').doUpdateSet({ exported_at: at }))
        .execute();
    },

    /**
     * The retention rule: deletes the leads of every expo that ended more than `days` ago. Consent
     * records stay (they hold no card data, only what was agreed). Returns what went, for the inboxes.
     */
    async purgeExpired(now: number, days: number): Promise<{ leadId: string; boothId: string }[]> {
      const cutoff = now - days * 86_400_000;
      return db.transaction().execute(async (trx) => {
        const gone = await trx
          .selectFrom('leads')
          .innerJoin('booths', 'booths.id', 'leads.booth_id')
          .innerJoin('expos', 'expos.id', 'booths.expo_id')
          .select(['leads.id', 'leads.booth_id'])
          .where('expos.ends_at', 'is not', null)
          .where('expos.ends_at', '<=', cutoff)
          .execute();
        const ids = gone.map((g) => g.id);
        for (let i = 0; i < ids.length; i += 500)
          await trx
            .deleteFrom('leads')
            .where('id', 'in', ids.slice(i, i + 500))
            .execute();
        return gone.map((g) => ({ leadId: g.id, boothId: g.booth_id }));
      });
    },

    /** Live leads per booth: counts only, for organizers. */
    async counts(): Promise<{ boothId: string; leads: number }[]> {
      const rows = await db
        .selectFrom('leads')
        .select(['booth_id', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy('booth_id')
        .execute();
      return rows.map((r) => ({ boothId: r.booth_id, leads: Number(r.n) }));
    },
  };
}

export type LeadRepository = ReturnType<typeof leadRepository>;
