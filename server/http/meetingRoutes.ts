/**
 * Meetings at a booth (issue #10): the exhibitor's staff publish slots, a signed-in visitor books
 * one; either side can reschedule or cancel, and each change reaches the other side's event stream
 * live (visitor: /api/me/events, booth: its inbox stream) and bumps the calendar SEQUENCE.
 */
import type { Request, Router } from 'express';
import { routes } from '../../shared/api/routes';
import { formatSse } from '../../shared/api/sse';
import { MEETING_HORIZON_MS, meetingEvents, type MeetingMode, type MeetingView, type SlotView } from '../../shared/api/meetings';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import type { MeetingRow, SlotRow } from '../db/repositories/meetings';
import { meetingIcs } from './meetingIcs';

export function meetingView(m: MeetingRow): MeetingView {
  return {
    id: m.id,
    boothId: m.booth_id,
    slotId: m.slot_id,
    exhibitorName: { zh: m.name_zh, en: m.name_en },
    hallId: m.hall_id,
    staffName: m.staff_name,
    visitorName: m.visitor_name,
    startsAt: Number(m.starts_at),
    endsAt: Number(m.ends_at),
    mode: m.mode as MeetingMode,
    videoUrl: m.video_url,
    status: m.status as MeetingView['status'],
    cancelledBy: m.cancelled_by as MeetingView['cancelledBy'],
    sequence: Number(m.sequence),
    createdAt: Number(m.created_at),
    updatedAt: Number(m.updated_at),
  };
}

function slotView(r: SlotRow): SlotView {
  return {
    id: r.id,
    boothId: r.booth_id,
    startsAt: Number(r.starts_at),
    endsAt: Number(r.ends_at),
    mode: r.mode as MeetingMode,
    staffName: r.staff_name,
    free: !Number(r.booked),
  };
}

const sseFrame = (v: MeetingView) => formatSse('meeting' satisfies keyof typeof meetingEvents, v);
const originOf = (req: Request) => `${req.protocol}://${req.get('host')}`;

function sendIcs(res: import('express').Response, m: MeetingView, origin: string): undefined {
  res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="ludao-meeting-${m.id}.ics"`);
  res.setHeader('Cache-Control', 'no-store');
  res.status(200).end(meetingIcs(m, origin));
  return undefined;
}

export function meetingRoutes(router: Router, s: ExpoServices, deps: BindDeps): void {
  /** Both sides hear of every change. */
  const tell = (m: MeetingRow) => {
    s.meetingEvents.publish({ key: `booth:${m.booth_id}`, meetingId: m.id });
    if (m.visitor_id) s.meetingEvents.publish({ key: `visitor:${m.visitor_id}`, meetingId: m.id });
  };

  bind(router, routes.meetingSlots, deps, async ({ params }) => {
    if (!(await s.repos.booths.get(params.boothId))) throw new HttpError(404, 'not_found', 'No such booth');
    return { slots: (await s.repos.meetings.openSlots(params.boothId)).map(slotView) };
  });

  bind(router, routes.addMeetingSlot, deps, async ({ params, body, user }) => {
    const now = Date.now();
    if (body.startsAt <= now) throw new HttpError(400, 'in_the_past', 'A slot must start in the future');
    if (body.startsAt > now + MEETING_HORIZON_MS) throw new HttpError(400, 'too_far', 'A slot can be at most a year ahead');
    const staffId = body.staffId ?? user.id;
    const staff = await s.repos.meetings.staffOf(params.boothId);
    if (!staff.some((p) => p.id === staffId)) throw new HttpError(400, 'not_staff', "The meeting's host must be one of the booth's staff");
    const slot = await s.repos.meetings.addSlot({
      boothId: params.boothId,
      staffId,
      startsAt: body.startsAt,
      endsAt: body.startsAt + body.minutes * 60_000,
      mode: body.mode,
      videoUrl: body.videoUrl ?? null,
    });
    return slotView(slot);
  });

  bind(router, routes.withdrawMeetingSlot, deps, async ({ params }) => {
    const cancelled = await s.repos.meetings.withdrawSlot(params.boothId, params.slotId);
    if (cancelled) tell(cancelled);
    return { ok: true };
  });

  bind(router, routes.boothMeetings, deps, async ({ params }) => {
    const [slots, meetings, staff] = await Promise.all([
      s.repos.meetings.boothSlots(params.boothId),
      s.repos.meetings.forBooth(params.boothId),
      s.repos.meetings.staffOf(params.boothId),
    ]);
    return {
      slots: slots.map((r) => ({ ...slotView(r), staffId: r.staff_id, videoUrl: r.video_url })),
      meetings: meetings.map(meetingView),
      staff: staff.map((p) => ({ id: p.id, name: p.display_name })),
    };
  });

  bind(router, routes.staffCancelMeeting, deps, async ({ params }) => {
    await s.repos.meetings.ofBooth(params.boothId, params.meetingId);
    const m = await s.repos.meetings.cancel(params.meetingId, 'staff');
    tell(m);
    return meetingView(m);
  });

  bind(router, routes.staffRescheduleMeeting, deps, async ({ params, body }) => {
    await s.repos.meetings.ofBooth(params.boothId, params.meetingId);
    const m = await s.repos.meetings.reschedule(params.meetingId, body.slotId);
    tell(m);
    return meetingView(m);
  });

  bind(router, routes.boothMeetingIcs, deps, async ({ params, req, res }) =>
    sendIcs(res, meetingView(await s.repos.meetings.ofBooth(params.boothId, params.meetingId)), originOf(req)),
  );

  bind(router, routes.bookMeeting, deps, async ({ user, body }) => {
    const m = await s.repos.meetings.book(user.id, user.displayName, body.slotId);
    tell(m);
    return meetingView(m);
  });

  bind(router, routes.myMeetings, deps, async ({ user }) => ({ meetings: (await s.repos.meetings.forVisitor(user.id)).map(meetingView) }));

  bind(router, routes.cancelMyMeeting, deps, async ({ user, params }) => {
    await s.repos.meetings.ofVisitor(user.id, params.meetingId);
    const m = await s.repos.meetings.cancel(params.meetingId, 'visitor');
    tell(m);
    return meetingView(m);
  });

  bind(router, routes.rescheduleMyMeeting, deps, async ({ user, params, body }) => {
    await s.repos.meetings.ofVisitor(user.id, params.meetingId);
    const m = await s.repos.meetings.reschedule(params.meetingId, body.slotId);
    tell(m);
    return meetingView(m);
  });

  bind(router, routes.myMeetingIcs, deps, async ({ user, params, req, res }) =>
    sendIcs(res, meetingView(await s.repos.meetings.ofVisitor(user.id, params.meetingId)), originOf(req)),
  );
}

/** The meeting part of a visitor's or a booth's event stream (see conversationRoutes' streams). */
export function meetingStream(s: ExpoServices, key: string) {
  return (write: (frame: string) => void) =>
    s.meetingEvents.subscribe(key, (e) => {
      void s.repos.meetings
        .get(e.meetingId)
        .then((m) => m && write(sseFrame(meetingView(m))))
        .catch((err: unknown) => s.logger.warn({ err }, 'meeting event'));
    });
}
