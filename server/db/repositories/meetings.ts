/**
 * Meeting slots and bookings. The database guarantees what matters under any race: one live
 * booking per slot and one per visitor and booth (partial unique indexes, migration 0003); a
 * losing booker gets a conflict, never a second booking.
 */
import type { Kdb, MeetingSlotTable, MeetingTable } from '../types';
import { RepoError, isUniqueViolation, newId } from './ids';

export type MeetingRow = MeetingTable & {
  starts_at: number;
  ends_at: number;
  mode: string;
  video_url: string | null;
  staff_name: string;
  hall_id: string;
  name_zh: string;
  name_en: string;
};
export type SlotRow = MeetingSlotTable & { staff_name: string; booked: number };
export type CancelledBy = 'visitor' | 'staff' | 'slot_withdrawn' | 'account_deleted';

export interface NewSlot {
  boothId: string;
  staffId: string;
  startsAt: number;
  endsAt: number;
  mode: 'booth' | 'video';
  videoUrl: string | null;
}

export function meetingRepository(db: Kdb) {
  const meetings = () =>
    db
      .selectFrom('meetings')
      .innerJoin('meeting_slots', 'meeting_slots.id', 'meetings.slot_id')
      .innerJoin('users as staff', 'staff.id', 'meeting_slots.staff_id')
      .innerJoin('booths', 'booths.id', 'meetings.booth_id')
      .innerJoin('exhibitors', 'exhibitors.id', 'booths.exhibitor_id')
      .selectAll('meetings')
      .select([
        'meeting_slots.starts_at',
        'meeting_slots.ends_at',
        'meeting_slots.mode',
        'meeting_slots.video_url',
        'staff.display_name as staff_name',
        'booths.hall_id',
        'exhibitors.name_zh',
        'exhibitors.name_en',
      ]);

  const slots = () =>
    db
      .selectFrom('meeting_slots')
      .innerJoin('users as staff', 'staff.id', 'meeting_slots.staff_id')
      .selectAll('meeting_slots')
      .select('staff.display_name as staff_name')
      .select((eb) =>
        eb
          .exists(eb.selectFrom('meetings').select('meetings.id').whereRef('meetings.slot_id', '=', 'meeting_slots.id').where('meetings.status', '=', 'booked'))
          .$castTo<number>()
          .as('booked'),
      );

  const get = (id: string) => meetings().where('meetings.id', '=', id).executeTakeFirst();

  /** A slot one can book now: published, not withdrawn, not started. */
  async function bookableSlot(trx: Kdb, slotId: string, now: number, boothId?: string) {
    let q = trx.selectFrom('meeting_slots').selectAll().where('id', '=', slotId);
    if (boothId) q = q.where('booth_id', '=', boothId);
    const slot = await q.executeTakeFirst();
    if (!slot || slot.withdrawn_at !== null) throw new RepoError('not_found', 'No such meeting slot');
    if (slot.starts_at <= now) throw new RepoError('conflict', 'This slot has already begun');
    return slot;
  }

  return {
    /** Publishes a slot; the same staff member cannot hold two meetings at once. */
    async addSlot(s: NewSlot, now = Date.now()): Promise<SlotRow> {
      const clash = await db
        .selectFrom('meeting_slots')
        .select('id')
        .where('staff_id', '=', s.staffId)
        .where('withdrawn_at', 'is', null)
        .where('starts_at', '<', s.endsAt)
        .where('ends_at', '>', s.startsAt)
        .executeTakeFirst();
      if (clash) throw new RepoError('conflict', 'This staff member already has a slot at that time');
      const id = newId();
      await db
        .insertInto('meeting_slots')
        .values({
          id,
          booth_id: s.boothId,
          staff_id: s.staffId,
          starts_at: s.startsAt,
          ends_at: s.endsAt,
          mode: s.mode,
          video_url: s.videoUrl,
          created_at: now,
          withdrawn_at: null,
        })
        .execute();
      return (await slots().where('meeting_slots.id', '=', id).executeTakeFirstOrThrow()) as SlotRow;
    },

    /** Free slots of a booth that have not begun, soonest first. */
    async openSlots(boothId: string, now = Date.now()): Promise<SlotRow[]> {
      const rows = await slots()
        .where('meeting_slots.booth_id', '=', boothId)
        .where('meeting_slots.withdrawn_at', 'is', null)
        .where('meeting_slots.starts_at', '>', now)
        .orderBy('meeting_slots.starts_at')
        .limit(200)
        .execute();
      return (rows as SlotRow[]).filter((r) => !Number(r.booked));
    },

    /** Every slot of a booth that is not withdrawn, from a day ago on. */
    async boothSlots(boothId: string, now = Date.now()): Promise<SlotRow[]> {
      return (await slots()
        .where('meeting_slots.booth_id', '=', boothId)
        .where('meeting_slots.withdrawn_at', 'is', null)
        .where('meeting_slots.ends_at', '>', now - 24 * 3600_000)
        .orderBy('meeting_slots.starts_at')
        .limit(500)
        .execute()) as SlotRow[];
    },

    /** Takes a slot back; a booking on it is cancelled. Returns that booking, if any. */
    async withdrawSlot(boothId: string, slotId: string, now = Date.now()): Promise<MeetingRow | null> {
      const cancelled = await db.transaction().execute(async (trx) => {
        const slot = await trx
          .selectFrom('meeting_slots')
          .select(['id', 'withdrawn_at'])
          .where('id', '=', slotId)
          .where('booth_id', '=', boothId)
          .executeTakeFirst();
        if (!slot) throw new RepoError('not_found', 'No such meeting slot');
        if (slot.withdrawn_at === null) await trx.updateTable('meeting_slots').set({ withdrawn_at: now }).where('id', '=', slotId).execute();
        const m = await trx.selectFrom('meetings').select('id').where('slot_id', '=', slotId).where('status', '=', 'booked').executeTakeFirst();
        if (!m) return null;
        await trx
          .updateTable('meetings')
          .set((eb) => ({ status: 'cancelled', cancelled_by: 'slot_withdrawn', sequence: eb('sequence', '+', 1), updated_at: now }))
          .where('id', '=', m.id)
          .execute();
        return m.id;
      });
      return cancelled ? ((await get(cancelled)) ?? null) : null;
    },

    /**
     * Books a slot for a visitor. Exactly one of any number of concurrent bookers wins: the
     * others fail on the unique index and get a conflict. Booking again what one already holds
     * answers that booking (a double click is not an error).
     */
    async book(visitorId: string, visitorName: string, slotId: string, now = Date.now()): Promise<MeetingRow> {
      const slot = await bookableSlot(db, slotId, now);
      const id = newId();
      try {
        await db
          .insertInto('meetings')
          .values({
            id,
            booth_id: slot.booth_id,
            slot_id: slotId,
            visitor_id: visitorId,
            visitor_name: visitorName,
            status: 'booked',
            sequence: 0,
            cancelled_by: null,
            created_at: now,
            updated_at: now,
          })
          .execute();
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const mine = await db
          .selectFrom('meetings')
          .select(['id', 'slot_id'])
          .where('visitor_id', '=', visitorId)
          .where('booth_id', '=', slot.booth_id)
          .where('status', '=', 'booked')
          .executeTakeFirst();
        if (mine?.slot_id === slotId) return (await get(mine.id))!;
        if (mine) throw new RepoError('conflict', 'You already have a meeting at this booth; reschedule it instead');
        throw new RepoError('conflict', 'Someone else has just booked this slot');
      }
      return (await get(id))!;
    },

    /** Moves a live booking to another free slot of the same booth; SEQUENCE goes up, the id stays. */
    async reschedule(meetingId: string, slotId: string, now = Date.now()): Promise<MeetingRow> {
      const m = await db.selectFrom('meetings').selectAll().where('id', '=', meetingId).executeTakeFirst();
      if (!m) throw new RepoError('not_found', 'No such meeting');
      if (m.status !== 'booked') throw new RepoError('conflict', 'This meeting was cancelled');
      if (m.slot_id === slotId) return (await get(meetingId))!;
      await bookableSlot(db, slotId, now, m.booth_id);
      try {
        const r = await db
          .updateTable('meetings')
          .set((eb) => ({ slot_id: slotId, sequence: eb('sequence', '+', 1), updated_at: now }))
          .where('id', '=', meetingId)
          .where('status', '=', 'booked')
          .executeTakeFirst();
        if (!r.numUpdatedRows) throw new RepoError('conflict', 'This meeting was cancelled');
      } catch (err) {
        if (isUniqueViolation(err)) throw new RepoError('conflict', 'Someone else has just booked this slot');
        throw err;
      }
      return (await get(meetingId))!;
    },

    async cancel(meetingId: string, by: CancelledBy, now = Date.now()): Promise<MeetingRow> {
      const r = await db
        .updateTable('meetings')
        .set((eb) => ({ status: 'cancelled', cancelled_by: by, sequence: eb('sequence', '+', 1), updated_at: now }))
        .where('id', '=', meetingId)
        .where('status', '=', 'booked')
        .executeTakeFirst();
      const m = await get(meetingId);
      if (!m) throw new RepoError('not_found', 'No such meeting');
      if (!r.numUpdatedRows && m.status === 'booked') throw new RepoError('conflict', 'The meeting changed meanwhile; try again');
      return m;
    },

    get,
    /** The meeting if it is this visitor's, else not found (never "forbidden": ids are not confirmed). */
    async ofVisitor(visitorId: string, meetingId: string): Promise<MeetingRow> {
      const m = await get(meetingId);
      if (!m || m.visitor_id !== visitorId) throw new RepoError('not_found', 'No such meeting');
      return m;
    },
    async ofBooth(boothId: string, meetingId: string): Promise<MeetingRow> {
      const m = await get(meetingId);
      if (!m || m.booth_id !== boothId) throw new RepoError('not_found', 'No such meeting');
      return m;
    },
    forVisitor: (visitorId: string) => meetings().where('meetings.visitor_id', '=', visitorId).orderBy('meeting_slots.starts_at').execute(),
    forBooth: (boothId: string) => meetings().where('meetings.booth_id', '=', boothId).orderBy('meeting_slots.starts_at').limit(1000).execute(),

    /**
     * Before an account is deleted: its live bookings are cancelled and its name erased from every
     * booking it made; the exhibitors keep a nameless, cancelled record. Returns the cancelled ones.
     */
    async releaseVisitor(visitorId: string, now = Date.now()): Promise<MeetingRow[]> {
      const live = await db.selectFrom('meetings').select('id').where('visitor_id', '=', visitorId).where('status', '=', 'booked').execute();
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('meetings')
          .set((eb) => ({ status: 'cancelled', cancelled_by: 'account_deleted', sequence: eb('sequence', '+', 1), updated_at: now }))
          .where('visitor_id', '=', visitorId)
          .where('status', '=', 'booked')
          .execute();
        await trx.updateTable('meetings').set({ visitor_name: '' }).where('visitor_id', '=', visitorId).execute();
      });
      const out: MeetingRow[] = [];
      for (const m of live) {
        const row = await get(m.id);
        if (row) out.push(row);
      }
      return out;
    },

    /** Staff accounts of the booth's exhibitor: who may hold its meetings. */
    staffOf: (boothId: string) =>
      db
        .selectFrom('users')
        .innerJoin('booths', 'booths.exhibitor_id', 'users.exhibitor_id')
        .select(['users.id', 'users.display_name'])
        .where('booths.id', '=', boothId)
        .where('users.role', '=', 'exhibitor')
        .orderBy('users.display_name')
        .execute(),

    /** Booked and held counts per booth (analytics): held = booked and already over. */
    async counts(boothId: string, now = Date.now()): Promise<{ booked: number; held: number; cancelled: number }> {
      const rows = await meetings().where('meetings.booth_id', '=', boothId).execute();
      const live = rows.filter((r) => r.status === 'booked');
      return { booked: live.length, held: live.filter((r) => r.ends_at <= now).length, cancelled: rows.length - live.length };
    },
  };
}
