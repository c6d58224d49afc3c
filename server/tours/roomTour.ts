/**
 * The public tour of one hall instance (issue #12, group tours). At most one at a time: the hall's
 * guide leading (started by an organizer or booth staff on the spot, or by an agenda session of
 * kind `tour` while it runs), or a human host leading with the captions following the stop they
 * pick. The room keeps a small snapshot (shared/api/tour.ts) and sends it to everyone on every
 * change and to each joiner; pages work out the guide's place and caption from it on the server's
 * clock (shared/tourTimeline.ts), so all of them show the same, late joiners included.
 *
 * Each instance runs its own tour ("in that instance"); an agenda tour's legs are timed from its
 * session's start, so every instance of the hall runs the same one unless a host moves it on.
 * The guide moves on when a leg's walk and telling are over (the room's clock ticks `tick`). Nothing
 * here throws into the room: bad or unauthorised commands are answered with a refusal.
 */
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { TourCommand, TourRefusal, TourSnapshot } from '../../shared/api/tour';
import type { HallLayout } from '../../shared/layout';
import type { SenderRole, ServerMessageName, ServerPayload } from '../../shared/messages';
import { fromCm } from '../../shared/quantize';
import { homeSpot, legSeconds, loopAt, nextStop, planLeg, poseOnLeg, stopPoint, type LegPose, type TourLeg } from '../../shared/tourTimeline';
import type { Point } from '../../shared/tourPath';
import type { Logger } from '../lib/logger';

/** A host may call the group together at most this often, ms. */
export const GATHER_GAP_MS = 10_000;

export interface RoomTourHost {
  layout: HallLayout;
  /** a visitor of this instance: name and the server's pose (cm; undefined before placed) */
  visitorOf(sessionId: string): { name: string; x?: number; z?: number } | undefined;
  /** the session ids of everyone in the instance */
  sessions(): Iterable<string>;
  broadcast<N extends ServerMessageName>(name: N, payload: ServerPayload<N>): void;
  sendTo<N extends ServerMessageName>(sessionId: string, name: N, payload: ServerPayload<N>): void;
  log: Pick<Logger, 'info' | 'warn'>;
}

/** Who may lead: organizers and booth staff on duty in the hall (the `tour` message's senders). */
export const mayLead = (roles: ReadonlySet<SenderRole>): boolean => roles.has('organizer') || roles.has('staff');

export class RoomTour {
  private tour: TourSnapshot | null = null;
  /** the guide's leg now (guide mode), planned once per leg */
  private leg: TourLeg | null = null;
  private lastGatherAt = -Infinity;
  /** an agenda tour an organizer ended by hand: not started again for the rest of its session */
  private dismissed = '';
  private runs = 0;
  private readonly pose: LegPose = { x: 0, z: 0, heading: 0, phase: 'walking', tellT: 0, next: null };

  constructor(private readonly host: RoomTourHost) {}

  snapshot(): TourSnapshot | null {
    return this.tour;
  }

  /** A new connection: the tour as it stands, and whether it may lead one. */
  join(sessionId: string, roles: ReadonlySet<SenderRole>): void {
    this.host.sendTo(sessionId, 'tour', { kind: 'state', tour: this.tour });
    if (mayLead(roles)) this.host.sendTo(sessionId, 'tour', { kind: 'lead' });
  }

  /** A host's command (already admitted: the sender is an organizer or staff, the payload valid). */
  command(sessionId: string, roles: ReadonlySet<SenderRole>, cmd: TourCommand, now: number): void {
    const refuse = (reason: TourRefusal) => this.host.sendTo(sessionId, 'tour', { kind: 'refused', reason });
    if (cmd.action === 'start') {
      if (this.tour) return refuse('busy');
      if (this.host.layout.tourStops.length === 0) return refuse('no_stops');
      const name = this.host.visitorOf(sessionId)?.name ?? '';
      if (cmd.mode === 'guide')
        this.begin(
          { mode: 'guide', hostId: sessionId, hostName: name, from: homeSpot(this.host.layout), legStartedAt: now, stop: 0, loop: false, session: null },
          now,
        );
      else
        this.begin(
          { mode: 'host', hostId: sessionId, hostName: name, from: stopPoint(this.host.layout, 0), legStartedAt: now, stop: 0, loop: false, session: null },
          now,
        );
      return;
    }
    const tour = this.tour;
    if (!tour) return refuse('no_tour');
    // the one who started it, or any organizer (they run the event); an agenda tour has no starter
    if (!(roles.has('organizer') || (tour.hostId !== '' && tour.hostId === sessionId))) return refuse('not_host');
    switch (cmd.action) {
      case 'next': {
        const next = nextStop(this.host.layout, tour.stop, tour.loop);
        if (next === null) return refuse('last_stop');
        // the guide sets off from wherever it is now (mid-walk or at the stop it told)
        const from: Point = tour.mode === 'guide' ? this.guideAt(now) : stopPoint(this.host.layout, next);
        this.moveTo(next, from, now);
        return;
      }
      case 'gather': {
        if (now - this.lastGatherAt < GATHER_GAP_MS) return refuse('too_soon');
        const at = this.leaderAt(now);
        if (!at) return refuse('no_tour');
        this.lastGatherAt = now;
        const by = tour.mode === 'host' ? tour.hostName : (this.host.visitorOf(sessionId)?.name ?? '');
        for (const id of this.host.sessions()) {
          if (id !== sessionId) this.host.sendTo(id, 'tour', { kind: 'gather', tourId: tour.id, x: at.x, z: at.z, by, at: now });
        }
        return;
      }
      case 'end':
        if (tour.session) this.dismissed = tour.session.id;
        this.finish('ended by host');
        return;
    }
  }

  /** Called by the room's clock: moves the guide on when a leg is over, ends a tour whose host or session is gone. */
  tick(now: number): void {
    try {
      this.advance(now);
    } catch (err) {
      // contained: a clock callback that throws would reach the process (DESIGN §5)
      this.host.log.warn({ err }, 'group tour: tick failed');
    }
  }

  private advance(now: number): void {
    const tour = this.tour;
    if (!tour) return;
    if (tour.session && now >= tour.session.endsAt) return this.finish('session over');
    if (tour.mode === 'host') {
      // the host left for good (a dropped connection keeps its seat through the reconnection window)
      if (!this.host.visitorOf(tour.hostId)) this.finish('host left');
      return;
    }
    const leg = this.legOf(tour);
    const endsAt = tour.legStartedAt + legSeconds(leg) * 1000;
    if (now < endsAt) return;
    const next = nextStop(this.host.layout, tour.stop, tour.loop);
    if (next === null) return this.finish('last stop told');
    // timed from the leg's planned end, not from this tick: instances of an agenda tour stay in step
    this.moveTo(next, stopPoint(this.host.layout, tour.stop), endsAt);
  }

  /**
   * The agenda's tour session on now in this hall (null: none). It starts the guide's looping tour
   * where the session's own timeline has it (an instance opened late joins mid-tour), taking over
   * from a tour started on the spot; its end ends the tour.
   */
  setAgendaSession(s: AgendaSessionView | null, now: number): void {
    const tour = this.tour;
    if (!s) {
      if (tour?.session) this.finish('session over');
      return;
    }
    if (tour?.session?.id === s.id || this.dismissed === s.id || now >= s.endsAt) return;
    const at = loopAt(this.host.layout, now - s.startsAt);
    if (!at) return;
    this.begin(
      {
        mode: 'guide',
        hostId: '',
        hostName: '',
        from: at.from,
        stop: at.stop,
        legStartedAt: now - at.legAgoMs,
        loop: true,
        session: { id: s.id, title: { zh: s.title.zh, en: s.title.en }, endsAt: s.endsAt },
      },
      now,
    );
  }

  /** Where the guide is now on its leg (guide mode). */
  guideAt(now: number): Point {
    const tour = this.tour;
    if (!tour) return homeSpot(this.host.layout);
    const p = poseOnLeg(this.legOf(tour), (now - tour.legStartedAt) / 1000, this.pose);
    return { x: p.x, z: p.z };
  }

  /** Where the group gathers: the human host's own place, or the guide's. */
  private leaderAt(now: number): Point | null {
    const tour = this.tour;
    if (!tour) return null;
    if (tour.mode === 'guide') return this.guideAt(now);
    const v = this.host.visitorOf(tour.hostId);
    return v && v.x !== undefined && v.z !== undefined ? { x: fromCm(v.x), z: fromCm(v.z) } : null;
  }

  private begin(t: Omit<TourSnapshot, 'id' | 'startedAt'>, now: number): void {
    this.runs++;
    this.tour = { id: `${now.toString(36)}-${this.runs}`, startedAt: now, ...t, from: { x: t.from.x, z: t.from.z } };
    this.leg = null;
    this.lastGatherAt = -Infinity;
    this.host.log.info({ mode: t.mode, session: t.session?.id ?? null }, 'group tour started');
    this.send();
  }

  private moveTo(stop: number, from: Point, legStartedAt: number): void {
    if (!this.tour) return;
    this.tour = { ...this.tour, stop, from: { x: from.x, z: from.z }, legStartedAt };
    this.leg = null;
    this.send();
  }

  private finish(why: string): void {
    if (!this.tour) return;
    this.host.log.info({ why }, 'group tour ended');
    this.tour = null;
    this.leg = null;
    this.send();
  }

  private legOf(tour: TourSnapshot): TourLeg {
    if (!this.leg) this.leg = planLeg(this.host.layout, tour.from, tour.stop);
    return this.leg;
  }

  private send(): void {
    this.host.broadcast('tour', { kind: 'state', tour: this.tour });
  }
}
