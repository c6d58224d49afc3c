/** Organizer-only: exhibitors, booth placement, invitations, slots, announcements. */
import type { Router } from 'express';
import { routes } from '../../shared/api/routes';
import { ANNOUNCE_MAX } from '../../shared/constants';
import { HALL_IDS, getLayout, isHallId, type HallId } from '../../shared/halls';
import { bind, HttpError, type BindDeps } from './bind';
import type { ExpoServices } from './services';
import { boothView } from './views';
import { hashToken, newToken } from '../auth/tokens';
import { announceToHall } from '../scale/announce';
import type { Presence } from '@colyseus/core';

export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000;

function checkSlot(hallId: string, slotId: string | null): asserts hallId is HallId {
  if (!isHallId(hallId)) throw new HttpError(400, 'unknown_hall', 'There is no such hall');
  if (slotId && !getLayout(hallId).boothSlots.some((s) => s.id === slotId)) throw new HttpError(400, 'unknown_slot', `Hall ${hallId} has no slot ${slotId}`);
}

export function organizerRoutes(router: Router, s: ExpoServices, deps: BindDeps, presence: () => Presence | undefined): void {
  const activeExpo = async () => {
    const expo = await s.repos.expos.getActive();
    if (!expo) throw new HttpError(404, 'no_expo', 'No expo is running');
    return expo;
  };

  const listEntry = (r: Awaited<ReturnType<ExpoServices['repos']['exhibitors']['listForOrganizer']>>[number]) => ({
    exhibitorId: r.exhibitor_id,
    boothId: r.booth_id,
    name: { zh: r.name_zh, en: r.name_en },
    hallId: r.hall_id,
    slotId: r.slot_id,
    staff: r.staff.map((u) => ({ email: u.email, displayName: u.display_name })),
  });

  bind(router, routes.organizerExhibitors, deps, async () => {
    const expo = await activeExpo();
    return { exhibitors: (await s.repos.exhibitors.listForOrganizer(expo.id)).map(listEntry) };
  });

  bind(router, routes.createExhibitor, deps, async ({ body, user }) => {
    checkSlot(body.hallId, body.slotId);
    const expo = await activeExpo();
    const { exhibitorId, boothId } = await s.repos.exhibitors.create({ expoId: expo.id, ...body });
    await s.repos.audit.record({
      actorId: user.id,
      action: 'organizer.exhibitor_create',
      targetType: 'exhibitor',
      targetId: exhibitorId,
      detail: { booth: boothId },
    });
    if (body.slotId) s.events.boothChanged(body.hallId, boothId);
    const row = (await s.repos.exhibitors.listForOrganizer(expo.id)).find((r) => r.exhibitor_id === exhibitorId)!;
    return listEntry(row);
  });

  bind(router, routes.deleteExhibitor, deps, async ({ params, user }) => {
    const { files, boothId, hallId } = await s.repos.exhibitors.delete(params.exhibitorId);
    await s.repos.audit.record({
      actorId: user.id,
      action: 'organizer.exhibitor_delete',
      targetType: 'exhibitor',
      targetId: params.exhibitorId,
      detail: { booth: boothId },
    });
    await s.store.remove(files);
    if (boothId && hallId) s.events.boothRemoved(hallId, boothId);
    return { ok: true as const };
  });

  bind(router, routes.placeBooth, deps, async ({ params, body, user }) => {
    checkSlot(body.hallId, body.slotId);
    const before = await s.repos.booths.get(params.boothId);
    if (!before) throw new HttpError(404, 'not_found', 'No such booth');
    const after = await s.repos.booths.place(params.boothId, body.hallId, body.slotId);
    await s.repos.audit.record({
      actorId: user.id,
      action: 'organizer.booth_place',
      targetType: 'booth',
      targetId: params.boothId,
      detail: { hall: body.hallId, slot: body.slotId },
    });
    if (before.booth.slot_id && (before.booth.hall_id !== body.hallId || !body.slotId)) s.events.boothRemoved(before.booth.hall_id, params.boothId);
    if (body.slotId) s.events.boothChanged(body.hallId, params.boothId);
    return boothView(after);
  });

  bind(router, routes.createInvite, deps, async ({ req, params, body, user }) => {
    if (!(await s.repos.exhibitors.get(params.exhibitorId))) throw new HttpError(404, 'not_found', 'No such exhibitor');
    const token = newToken();
    const expiresAt = Date.now() + INVITE_TTL_MS;
    await s.repos.invites.create({ tokenHash: hashToken(token), exhibitorId: params.exhibitorId, email: body.email || null, createdBy: user.id, expiresAt });
    await s.repos.audit.record({ actorId: user.id, action: 'organizer.invite_staff', targetType: 'exhibitor', targetId: params.exhibitorId });
    const origin = `${req.protocol}://${req.get('host')}`;
    return { url: `${origin}/exhibitor?invite=${token}`, token, expiresAt };
  });

  bind(router, routes.slots, deps, async ({ query }) => {
    if (query.hall && !isHallId(query.hall)) throw new HttpError(404, 'unknown_hall', 'There is no such hall');
    const expo = await activeExpo();
    const taken = new Map((await s.repos.booths.occupiedSlots(expo.id)).map((o) => [`${o.hall_id}/${o.slot_id}`, o]));
    const halls = query.hall ? [query.hall as HallId] : [...HALL_IDS];
    return {
      slots: halls.flatMap((hallId) =>
        getLayout(hallId).boothSlots.map((slot) => {
          const t = taken.get(`${hallId}/${slot.id}`);
          return {
            hallId,
            slotId: slot.id,
            zone: slot.zone,
            size: slot.size,
            boothId: t?.booth_id ?? null,
            exhibitorName: t ? { zh: t.name_zh, en: t.name_en } : null,
          };
        }),
      ),
    };
  });

  bind(router, routes.expoEnd, deps, async ({ body, user }) => {
    const expo = await s.repos.expos.getActive();
    if (!expo) throw new HttpError(404, 'no_expo', 'No expo is running');
    await s.repos.expos.setEndsAt(expo.id, body.endsAt);
    await s.repos.audit.record({ actorId: user.id, action: 'organizer.expo_end', targetType: 'expo', targetId: expo.id, detail: { endsAt: body.endsAt } });
    return { endsAt: body.endsAt };
  });

  bind(router, routes.announce, deps, async ({ body, user }) => {
    const r = await announceToHall(body.hallId, body.text, { presence: presence(), prefix: s.config.presencePrefix });
    if (!r.ok)
      throw new HttpError(400, r.reason, r.reason === 'unknown_hall' ? 'There is no such hall' : `Announcements are 1 to ${ANNOUNCE_MAX} characters of text`);
    // the log keeps who announced where and when; the text was shown to everyone and is not kept
    await s.repos.audit.record({ actorId: user.id, action: 'organizer.announce', targetType: 'hall', targetId: body.hallId });
    return { ok: true as const, at: r.payload.at };
  });
}
