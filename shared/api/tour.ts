/**
 * Group tours (issue #12, item 4): a public tour in one hall instance, which everyone in it sees.
 * Either the hall's guide leads it (started by an agenda session of kind `tour`, or by an organizer
 * or booth staff on the spot), or a human host (the organizer or staff who started it) leads and the
 * captions follow the stop the host picks. The server keeps the tour; pages draw the guide where the
 * shared timeline (shared/tourTimeline.ts) puts it on the server's clock, so every page shows the
 * same place and caption, and a late joiner gets the same snapshot on joining.
 *
 * Everything goes through one room message each way (shared/messages.ts: `tour`).
 */
import { z } from 'zod';

export const TOUR_MODES = ['guide', 'host'] as const;
export type TourMode = (typeof TOUR_MODES)[number];

/** What a host sends: start (the guide leads, or oneself), the next stop, gather everyone, end. */
export const tourCommandSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('start'), mode: z.enum(TOUR_MODES) }),
  z.strictObject({ action: z.literal('next') }),
  z.strictObject({ action: z.literal('gather') }),
  z.strictObject({ action: z.literal('end') }),
]);
export type TourCommand = z.infer<typeof tourCommandSchema>;

/**
 * Why a command was refused (the client translates the code): another tour is on; no tour is on;
 * only the tour's host or an organizer may do that; the tour is at its last stop; the hall has no
 * stops; a gather right after the last one.
 */
export const TOUR_REFUSALS = ['busy', 'no_tour', 'not_host', 'last_stop', 'no_stops', 'too_soon'] as const;
export type TourRefusal = (typeof TOUR_REFUSALS)[number];

const pointSchema = z.object({ x: z.number(), z: z.number() });

/** The public tour as it stands: what every page in the instance draws from. */
export const tourSnapshotSchema = z.object({
  /** a new id per tour: pages reset following and offers when it changes */
  id: z.string(),
  mode: z.enum(TOUR_MODES),
  /** the human host's session id (mode host), or who started the guide's tour on the spot ('' for an agenda tour) */
  hostId: z.string(),
  /** the host's display name ('' for an agenda tour) */
  hostName: z.string(),
  /** the stop the guide walks to or tells (index into the layout's tourStops) */
  stop: z.number().int().min(0),
  /** where the guide set off for `stop`: its path is planPath(from, stop), the same on every page */
  from: pointSchema,
  /** server time (ms since epoch) the leg to `stop` began; for a human host: when the host moved on to it */
  legStartedAt: z.number(),
  startedAt: z.number(),
  /** an agenda tour goes round the stops again until its session ends */
  loop: z.boolean(),
  /** the agenda session behind it, null for one started on the spot */
  session: z.object({ id: z.string(), title: z.object({ zh: z.string(), en: z.string() }), endsAt: z.number() }).nullable(),
});
export type TourSnapshot = z.infer<typeof tourSnapshotSchema>;

/** Server to client. */
export const tourMessageSchema = z.discriminatedUnion('kind', [
  /** the tour (null: none), to everyone on every change and to each joiner */
  z.object({ kind: z.literal('state'), tour: tourSnapshotSchema.nullable() }),
  /** to a connection that may start and lead tours (organizers and booth staff), on joining */
  z.object({ kind: z.literal('lead') }),
  /** "gather here": to everyone in the instance but the one who asked; where the host (or the guide) stands */
  z.object({ kind: z.literal('gather'), tourId: z.string(), x: z.number(), z: z.number(), by: z.string(), at: z.number() }),
  /** the answer to a command that was not carried out, to its sender */
  z.object({ kind: z.literal('refused'), reason: z.enum(TOUR_REFUSALS) }),
]);
export type TourMessage = z.infer<typeof tourMessageSchema>;
