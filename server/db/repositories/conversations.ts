/** "Ask staff" conversations: one per visitor and booth, their messages, and what each side has read. */
import type { ConversationMessageTable, ConversationTable, Kdb } from '../types';
import { RepoError, isUniqueViolation, newId } from './ids';

export type ConversationRow = ConversationTable & { visitor_name: string; name_zh: string; name_en: string };
export type MessageRow = ConversationMessageTable;
export interface ConversationRecord {
  row: ConversationRow;
  messages: MessageRow[];
}

/** Most messages returned per conversation (the newest). */
const MESSAGES_SHOWN = 200;

export function conversationRepository(db: Kdb) {
  const base = () =>
    db
      .selectFrom('conversations')
      .innerJoin('users', 'users.id', 'conversations.visitor_id')
      .innerJoin('booths', 'booths.id', 'conversations.booth_id')
      .innerJoin('exhibitors', 'exhibitors.id', 'booths.exhibitor_id')
      .selectAll('conversations')
      .select(['users.display_name as visitor_name', 'exhibitors.name_zh', 'exhibitors.name_en']);

  async function withMessages(rows: ConversationRow[]): Promise<ConversationRecord[]> {
    if (!rows.length) return [];
    const msgs = await db
      .selectFrom('conversation_messages')
      .selectAll()
      .where(
        'conversation_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    const by = new Map<string, MessageRow[]>();
    for (const m of msgs) {
      const list = by.get(m.conversation_id) ?? [];
      list.push(m);
      by.set(m.conversation_id, list);
    }
    return rows.map((row) => ({ row, messages: (by.get(row.id) ?? []).slice(-MESSAGES_SHOWN) }));
  }

  const one = async (id: string) => {
    const row = await base().where('conversations.id', '=', id).executeTakeFirst();
    return row ? (await withMessages([row]))[0] : undefined;
  };

  return {
    /** The visitor's conversation with a booth, made on first use, with the new message. */
    async ask(visitorId: string, boothId: string, text: string, now = Date.now()): Promise<ConversationRecord> {
      let conv = await db.selectFrom('conversations').select('id').where('booth_id', '=', boothId).where('visitor_id', '=', visitorId).executeTakeFirst();
      if (!conv) {
        const id = newId();
        try {
          await db
            .insertInto('conversations')
            .values({ id, booth_id: boothId, visitor_id: visitorId, created_at: now, updated_at: now, visitor_read_at: now, staff_read_at: 0 })
            .execute();
          conv = { id };
        } catch (err) {
          if (!isUniqueViolation(err)) throw err;
          conv = await db
            .selectFrom('conversations')
            .select('id')
            .where('booth_id', '=', boothId)
            .where('visitor_id', '=', visitorId)
            .executeTakeFirstOrThrow();
        }
      }
      return this.post(conv.id, { staff: null }, text, now);
    },

    /** Adds a message; the sender's side has read everything up to it. */
    async post(conversationId: string, from: { staff: { id: string; name: string } | null }, text: string, now = Date.now()): Promise<ConversationRecord> {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('conversation_messages')
          .values({
            id: newId(),
            conversation_id: conversationId,
            from_staff: from.staff ? 1 : 0,
            staff_user_id: from.staff?.id ?? null,
            staff_name: from.staff?.name ?? null,
            text,
            created_at: now,
          })
          .execute();
        await trx
          .updateTable('conversations')
          .set(from.staff ? { updated_at: now, staff_read_at: now } : { updated_at: now, visitor_read_at: now })
          .where('id', '=', conversationId)
          .execute();
      });
      return (await one(conversationId))!;
    },

    get: one,

    /** A booth's conversation, or not_found (so one booth's staff never reach another's). */
    async ofBooth(boothId: string, conversationId: string): Promise<ConversationRecord> {
      const c = await one(conversationId);
      if (!c || c.row.booth_id !== boothId) throw new RepoError('not_found', 'No such conversation');
      return c;
    },

    async ofVisitor(visitorId: string, conversationId: string): Promise<ConversationRecord> {
      const c = await one(conversationId);
      if (!c || c.row.visitor_id !== visitorId) throw new RepoError('not_found', 'No such conversation');
      return c;
    },

    forBooth: async (boothId: string) =>
      withMessages(await base().where('conversations.booth_id', '=', boothId).orderBy('conversations.updated_at', 'desc').execute()),
    forVisitor: async (visitorId: string) =>
      withMessages(await base().where('conversations.visitor_id', '=', visitorId).orderBy('conversations.updated_at', 'desc').execute()),

    async markRead(conversationId: string, side: 'visitor' | 'staff', now = Date.now()): Promise<void> {
      await db
        .updateTable('conversations')
        .set(side === 'staff' ? { staff_read_at: now } : { visitor_read_at: now })
        .where('id', '=', conversationId)
        .execute();
    },
  };
}

export type ConversationRepository = ReturnType<typeof conversationRepository>;
