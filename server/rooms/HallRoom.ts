/**
 * A hall instance: lifecycle and message wiring only. Messages are registered from the registry
 * (shared/messages.ts) through ./dispatch.ts; what each one does lives in ./handlers as pure
 * functions with their own tests.
 */
import { Room, ServerError, type Client, type AuthContext, type Serializer } from '@colyseus/core';
import { PATCH_MS, RECONNECT_WINDOW_S, SEAT_RESERVATION_S } from '../../shared/constants';
import { getLayout, isHallId } from '../../shared/halls';
import { groundHeight, isWalkable, type HallLayout } from '../../shared/layout';
import { toCm } from '../../shared/quantize';
import { CloseCode, JoinError, NoticeCode } from '../../shared/protocol';
import { clientMessageNames, type AnnouncePayload, type SenderRole } from '../../shared/messages';
import { HallState } from '../../shared/schema/HallState';
import { Visitor } from '../../shared/schema/Visitor';
import type { Logger } from '../lib/logger';
import { checkJoin, createVisitor, type JoinAuth } from './handlers/join';
import { newChatLog, type ChatLog } from './handlers/chat';
import { hallHandlers } from './handlers';
import { dispatchMessage, unknownMessage, type MessageRouter } from './dispatch';
import { broadcastMsg, sendTo } from './messageSend';
import { newSession, type Session } from './session';
import { InterestManager } from './interest';
import type { ColyseusAdapter } from '../colyseus';
import { claimInstance, INSTANCE_LEASE_S, type InstanceClaim } from '../scale/instances';
import { announceChannel } from '../scale/announce';
import { DEFAULT_PRESENCE_PREFIX } from '../config';
import type { IncomingHttpHeaders } from 'node:http';
import type { HallAccount } from './account';
import { BoothCrowd, boothChannel } from './boothCrowd';
import type { Analytics, HallAnalytics } from '../analytics';
import type { Dashboard } from '../dashboard';
import type { AgendaSource } from '../agenda/source';
import { StageKeeper } from './stage';
import { RoomModeration } from '../moderation/roomModeration';
import { admitJoin, type BanCheck } from '../moderation/admission';
import type { EntryCheck } from '../entry/admission';
import { sessionKey } from '../moderation/keys';
import type { Moderation } from '../moderation/service';
import { starterWordFilter, type WordFilter } from '../moderation/wordFilter';
import { RoomQa } from '../qa/roomQa';
import type { QaService } from '../qa/service';
import { RoomPassport } from '../passport/roomPassport';
import { RoomAuction } from '../auction/roomAuction';
import type { AuctionService } from '../auction/service';
import type { PassportStore } from '../passport/store';
import { RoomTour } from '../tours/roomTour';
import { TourAgenda } from '../tours/tourAgenda';
import { RoomStaffDuty, type StaffDutySource } from './staffDuty';
import type { BoothEvents } from '../events';
import { iceServersFor, type VoiceConfig } from '../voice/config';
import { sweepVoice, voiceBarred } from '../voice/handlers';

export interface HallRoomDeps {
  logger: Logger;
  capacity: number;
  /** prefix of Ludao's presence keys/channels (instance numbers, announcements) */
  presencePrefix?: string;
  /** seconds an unused matchmaker reservation holds a seat */
  seatReservationS?: number;
  /** which patch path the installed Colyseus allows (server/colyseus) */
  colyseus: ColyseusAdapter;
  /** booth visits and the hall heatmap, sampled once a second outside the patch (server/analytics); absent: off */
  analytics?: Analytics;
  /** the agenda, which puts sessions on the hall's stage (./stage.ts); absent: the stage stays empty */
  agenda?: AgendaSource;
  /** the sensitive-word filter chat lines are masked with (server/moderation/wordFilter); absent: the starter lists */
  words?: WordFilter;
  /** mutes, bans, kicks, hall chat modes and reports (server/moderation, issue #11); absent: none */
  moderation?: Moderation;
  /** the organizers' live dashboard (server/dashboard): joins and chat lines are counted there; absent: not counted */
  dashboard?: Pick<Dashboard, 'joined' | 'chatted' | 'reported'>;
  /** Q&A for the session on stage (server/qa, issue #11); absent: asking is refused as "no session" */
  qa?: QaService;
  /** where signed-in visitors' stamps and souvenirs are kept (server/passport, issue #12); absent: stamps last for the session */
  passport?: PassportStore;
  /** the live auction's lots and bids (server/auction, issue #12); absent: no lots, bids answered "unavailable" */
  auction?: AuctionService;
  /** booth change events (server/events.ts): booth stamps and staff marks follow them; absent: stamps re-read every 15 s, staff marked at join only */
  boothEvents?: Pick<BoothEvents, 'subscribe'>;
  /** which booth an exhibitor account is on duty at (./account.ts): going on or off duty in the console re-marks staff live (./staffDuty.ts) */
  staffPost?: StaffDutySource['postOf'];
  /** proximity voice's STUN/TURN servers (server/voice/config.ts, issue #13); absent: none, peers connect on the local network only */
  voice?: VoiceConfig;
}

/** One hall's booth events as a plain listener, or undefined without an event bus. */
function boothEventsOf(events: Pick<BoothEvents, 'subscribe'> | undefined, hallId: string): ((listener: () => void) => () => void) | undefined {
  return events ? (listener) => events.subscribe(hallId, () => listener()) : undefined;
}

/** How often the room clock's timers are looked at (they all run every second or less often). */
const CLOCK_TICK_MS = 100;
/** How often the public tour looks whether the guide's leg is over (pages hold the guide at the stop until told). */
const TOUR_TICK_MS = 250;

/** Rooms alive in this process, so shutdown can warn their visitors first. */
export const liveRooms = new Set<HallRoom>();

export class HallRoom extends Room<HallState, unknown, Session, JoinAuth> {
  private layout!: HallLayout;
  private chatLog: ChatLog = newChatLog();
  private joinSeq = 0;
  private log!: Logger;
  private interest = new InterestManager();
  private claim: InstanceClaim | null = null;
  private announceTopic = '';
  private analytics: HallAnalytics | null = null;
  private crowd: BoothCrowd | null = null;
  private stage: StageKeeper | null = null;
  private mod: RoomModeration | null = null;
  private qa: RoomQa | null = null;
  private passport: RoomPassport | null = null;
  private auction: RoomAuction | null = null;
  private tour: RoomTour | null = null;
  private tourAgenda: TourAgenda | null = null;
  private staffDuty: RoomStaffDuty | null = null;
  private readonly onAnnounce = (p: AnnouncePayload): void => {
    broadcastMsg(this, 'announce', p);
  };

  /**
   * Set by the app's subclass (app.ts): who a matchmaking request's session cookie belongs to.
   * Colyseus calls onAuth on the registered class, so `this` below is that subclass.
   */
  static identify: ((headers: IncomingHttpHeaders, hallId: string) => Promise<HallAccount | null>) | null = null;
  /** Set by the app's subclass too: the sensitive-word filter names are checked against (absent: the starter lists). */
  static words: (() => WordFilter) | null = null;
  /** Set by the app's subclass too: is any of a join's keys banned (moderation, issue #11)? */
  static banned: BanCheck | null = null;
  /** Set by the app's subclass too: does this join meet the hall's entry rule (issue #11)? Throws the refusal. */
  static entry: EntryCheck | null = null;

  /** Runs before any seat is reserved or room created: bad options never cost a room. */
  static override async onAuth(
    this: { identify: typeof HallRoom.identify; words: typeof HallRoom.words; banned: typeof HallRoom.banned; entry: typeof HallRoom.entry },
    _token: string,
    options: unknown,
    ctx: AuthContext,
  ): Promise<JoinAuth> {
    const r = checkJoin(options, this.words?.());
    if (!r.ok) throw new ServerError(400, r.detail ? `${r.code}:${r.detail}` : r.code);
    // a broken session lookup must not keep anyone out: they join as a guest
    const account = this.identify && ctx?.headers ? await this.identify(ctx.headers, r.auth.hallId).catch(() => null) : null;
    // a banned account or device gets no seat (moderation, issue #11)
    const moderationKeys = await admitJoin(this.banned, ctx?.headers, account?.userId ?? null, options);
    // the hall's entry rule: open, entry code, invite-only or visitor accounts only (server/entry)
    if (this.entry) await this.entry(r.auth.hallId, account, options, ctx);
    return { ...r.auth, account, moderationKeys };
  }

  /** Set by the app through a subclass (see app.ts), so rooms never read globals. */
  protected deps!: HallRoomDeps;

  override async onCreate(options: { hallId: string }): Promise<void> {
    const hallId = options.hallId;
    // onAuth has already refused unknown halls; this guards direct server-side creation.
    if (!isHallId(hallId)) throw new ServerError(400, JoinError.unknownHall);
    this.log = this.deps.logger.child({ room: this.roomId, hall: hallId });
    this.maxClients = this.deps.capacity;
    // An unused reservation counts toward maxClients until it expires: keep that short.
    this.setSeatReservationTime(this.deps.seatReservationS ?? SEAT_RESERVATION_S);
    this.patchRate = PATCH_MS;
    this.layout = getLayout(hallId);
    const state = new HallState();
    state.hallId = hallId;

    // Instance numbers are unique per hall across every process sharing the presence.
    const prefix = this.deps.presencePrefix ?? DEFAULT_PRESENCE_PREFIX;
    const claim = await claimInstance(this.presence, prefix, hallId);
    try {
      this.claim = claim;
      state.instance = claim.n;
      await this.setMetadata({ instance: claim.n });
      // Organizer announcements reach every instance of the hall, on any process.
      this.announceTopic = announceChannel(prefix, hallId);
      await this.presence.subscribe(this.announceTopic, this.onAnnounce);
    } catch (err) {
      // The room never opens, so onDispose will not run: give the number back now.
      await claim.release().catch(() => undefined);
      throw err;
    }
    // The room clock's timers below (instance lease, booth counts, Q&A) tick on an interval of their
    // own. Without one, Colyseus ticks the clock inside every patch, so the once-a-second booth count
    // (and whatever else comes due) would hold up that patch's broadcast to everyone (bench/crowd.ts).
    this.setSimulationInterval(() => undefined, CLOCK_TICK_MS);
    this.clock.setInterval(
      () => {
        this.claim?.refresh().catch((err: unknown) => this.log.warn({ err }, 'instance lease refresh failed'));
      },
      (INSTANCE_LEASE_S * 1000) / 3,
    );
    this.setState(state);
    // who stands at which booth, summed over every instance, and reactions at booths
    const crowd = new BoothCrowd({
      presence: this.presence,
      channel: boothChannel(prefix, hallId),
      room: this.roomId,
      layout: this.layout,
      visitors: state.visitors,
      send: (name, payload) => broadcastMsg(this, name, payload),
      onTotals: (counts) => {
        const map = state.booths;
        for (const [slot, n] of Object.entries(counts)) if (map.get(slot) !== n) map.set(slot, n);
        for (const slot of [...map.keys()]) if (!(slot in counts)) map.delete(slot);
      },
      onError: (err) => this.log.warn({ err }, 'booth crowd channel'),
    });
    await crowd.open();
    this.crowd = crowd;
    this.clock.setInterval(() => crowd.tick(), 1000);
    this.analytics = this.deps.analytics?.openHall(hallId, state.visitors) ?? null;
    if (this.deps.agenda) {
      this.stage = new StageKeeper({ source: this.deps.agenda, hallId, stage: state.stage, log: this.log });
      void this.stage.open();
    }
    // mutes, bans, kicks and the hall's chat mode, from every process (server/moderation)
    this.mod = new RoomModeration(
      {
        roomId: this.roomId,
        instance: () => this.state.instance,
        clients: this.clients,
        nameOf: (id) => this.state.visitors.get(id)?.name ?? null,
        broadcast: (type, message) => this.broadcast(type, message),
        reported: () => this.deps.dashboard?.reported(hallId),
      },
      hallId,
      this.deps.moderation ?? null,
      this.log,
    );
    await this.mod.open(this.presence);
    // questions to the session on stage, shared by every instance on every process (server/qa)
    const qa = new RoomQa(
      {
        hallId,
        stage: state.stage,
        broadcast: (name, payload) => broadcastMsg(this, name, payload),
        sendTo: (sessionId, name, payload) => {
          const client = this.clients.getById(sessionId);
          if (client) sendTo(client, name, payload);
        },
        log: this.log,
      },
      this.deps.qa ?? null,
      () => this.deps.words ?? starterWordFilter(),
    );
    this.qa = qa;
    qa.open();
    this.clock.setInterval(() => qa.tick(), 1000);
    // stamps earned by standing at the hall's landmarks and booths, from the room's own poses (server/passport)
    const passport = new RoomPassport(
      {
        layout: this.layout,
        visitors: state.visitors,
        send: (sessionId, payload) => {
          const client = this.clients.getById(sessionId);
          if (client) sendTo(client, 'passport', payload);
        },
        log: this.log,
        onBoothChange: boothEventsOf(this.deps.boothEvents, hallId),
      },
      this.deps.passport ?? null,
    );
    this.passport = passport;
    void passport.open();
    this.clock.setInterval(() => passport.tick(), 1000);
    // the hall's auction lots, the same in every instance on every process (server/auction)
    const auction = new RoomAuction(
      {
        hallId,
        broadcast: (payload) => broadcastMsg(this, 'auction', payload),
        sendTo: (sessionId, name, payload) => {
          const client = this.clients.getById(sessionId);
          if (client) sendTo(client, name, payload);
        },
        sessionsOf: (userId) => this.clients.filter((c) => c.userData?.userId === userId).map((c) => c.sessionId),
        log: this.log,
      },
      this.deps.auction ?? null,
    );
    this.auction = auction;
    auction.open();
    // the instance's public tour: the guide or a human host leads everyone here (server/tours, issue #12)
    const tour = new RoomTour({
      layout: this.layout,
      visitorOf: (id) => state.visitors.get(id),
      sessions: () => state.visitors.keys(),
      broadcast: (name, payload) => broadcastMsg(this, name, payload),
      sendTo: (sessionId, name, payload) => {
        const client = this.clients.getById(sessionId);
        if (client) sendTo(client, name, payload);
      },
      log: this.log,
    });
    this.tour = tour;
    this.clock.setInterval(() => tour.tick(Date.now()), TOUR_TICK_MS);
    if (this.deps.agenda) {
      this.tourAgenda = new TourAgenda({ source: this.deps.agenda, hallId, onSession: (s, now) => tour.setAgendaSession(s, now), log: this.log });
      void this.tourAgenda.open();
    }
    const onBooths = boothEventsOf(this.deps.boothEvents, hallId);
    if (onBooths && this.deps.staffPost) {
      const source: StaffDutySource = { onChange: (_hall, listener) => onBooths(listener), postOf: this.deps.staffPost };
      this.staffDuty = new RoomStaffDuty(source, {
        hallId,
        clients: () => this.clients,
        mark: (sessionId, boothId) => {
          const v = state.visitors.get(sessionId);
          if (v) v.staff = boothId;
        },
        offDuty: (sessionId) => this.crowd?.stopBy(sessionId),
        onError: (err) => this.log.warn({ err }, 'staff duty re-read failed'),
      });
      this.staffDuty.open();
    }
    liveRooms.add(this);
    this.log.info({ instance: claim.n }, 'hall instance opened');

    const router: MessageRouter = {
      hall: {
        layout: this.layout,
        chatLog: this.chatLog,
        broadcast: (name, payload) => {
          // every chat line anyone sees goes out here: the dashboard counts them
          if (name === 'chat') this.deps.dashboard?.chatted(hallId);
          broadcastMsg(this, name, payload);
        },
        moved: (id) => this.interest.moved(id),
        react: (slotId, kind) => this.crowd?.react(slotId, kind),
        present: (sessionId, slotId, item, by) => this.crowd?.present(sessionId, slotId, item, by),
        words: this.deps.words ?? starterWordFilter(),
        moderation: this.mod,
        qa,
        tour,
        voice: {
          iceServersFor: (sessionId) => iceServersFor(this.deps.voice, sessionId, Date.now()),
          visitorOf: (sessionId) => this.state.visitors.get(sessionId),
        },
        sendTo: (sessionId, name, payload) => {
          const client = this.clients.getById(sessionId);
          if (client) sendTo(client, name, payload);
        },
      },
      handlers: hallHandlers,
      visitorOf: (id) => this.state.visitors.get(id),
      log: this.log,
      now: Date.now,
    };
    // a mute or ban that lands while voice is on turns it off (server/voice, issue #13)
    this.clock.setInterval(() => {
      sweepVoice(
        this.state.visitors.entries(),
        (id) => {
          const c = this.clients.getById(id);
          return c?.userData ? voiceBarred({ hall: router.hall, session: c.userData, now: Date.now() }) : true;
        },
        (id) => {
          const c = this.clients.getById(id);
          if (c) sendTo(c, 'voice', { kind: 'refused', reason: 'muted' });
        },
      );
    }, 1000);
    // Every registered message gets the same budget, sender check, validation and strikes.
    for (const name of clientMessageNames) this.onMessage(name, (client, raw) => void dispatchMessage(router, name, client, raw));
    // Unknown message types are counted like malformed ones: harmless, but not free.
    this.onMessage('*', (client) => void unknownMessage(router, client));
  }

  override onJoin(client: Client<Session, JoinAuth>, _options: unknown, auth: JoinAuth): void {
    // joinById (an invite code) skips the hallId filter: an invite to another hall is refused.
    if (auth.hallId !== this.state.hallId) throw new ServerError(400, JoinError.wrongHall);
    const now = Date.now();
    const account = auth.account ?? null;
    const roles: SenderRole[] = ['visitor'];
    if (account?.staffBoothId) roles.push('staff');
    // organizers and invited moderators moderate the hall they are in (issue #11)
    if (account?.role === 'organizer' || account?.role === 'moderator') roles.push(account.role);
    client.userData = newSession(now, roles);
    client.userData.userId = account?.userId ?? null;
    client.userData.accountRole = account?.role ?? null;
    client.userData.staffSlotId = account?.staffSlotId ?? null;
    client.userData.moderationKeys = [...(auth.moderationKeys ?? []), sessionKey(client.sessionId)];
    const visitor = createVisitor(auth, this.layout, this.joinSeq++);
    this.state.visitors.set(client.sessionId, visitor);
    this.interest.add(client.sessionId, visitor, client);
    sendTo(client, 'chatHistory', this.chatLog.messages);
    this.mod?.join(client);
    void this.qa?.join({ sessionId: client.sessionId, keys: client.userData.moderationKeys, name: visitor.name });
    void this.passport?.join(client.sessionId, account?.userId ?? null);
    this.auction?.join(client.sessionId);
    this.tour?.join(client.sessionId, client.userData.roles);
    if (this.crowd) {
      for (const p of this.crowd.presentations()) sendTo(client, 'presenting', p);
    }
    this.deps.dashboard?.joined(this.state.hallId);
    this.log.info({ session: client.sessionId, visitors: this.clients.length }, 'visitor joined');
  }

  override async onLeave(client: Client<Session, JoinAuth>, consented: boolean): Promise<void> {
    const visitor = this.state.visitors.get(client.sessionId);
    if (!visitor) return;
    // a presentation ends with its presenter's connection (a reconnection can start it again)
    this.crowd?.stopBy(client.sessionId);
    // A kicked visitor must not come back through the reconnection token.
    if (consented || client.userData?.kicked) {
      this.state.visitors.delete(client.sessionId);
      this.interest.remove(client.sessionId);
      return;
    }
    visitor.connected = false;
    this.interest.detach(client.sessionId);
    try {
      const pending = this.allowReconnection(client, RECONNECT_WINDOW_S);
      // a kick or ban while away refuses the reconnection token (DESIGN §5)
      if (client.userData) this.mod?.holdReconnection(client.sessionId, client.userData, pending);
      const back = await pending;
      if (back.userData && this.mod?.endReconnection(client.sessionId, back.userData)) {
        back.userData.kicked = true;
        back.leave(CloseCode.banned);
        return;
      }
      visitor.connected = true;
      this.interest.attach(client.sessionId, back);
      this.passport?.rejoined(client.sessionId);
      this.auction?.join(client.sessionId);
      // what the tour did while away (snapshots sent then were lost with the connection)
      if (back.userData) this.tour?.join(client.sessionId, back.userData.roles);
      if (back.userData) back.userData.lastMoveAt = Date.now();
      this.log.info({ session: client.sessionId }, 'visitor reconnected');
    } catch {
      if (client.userData) this.mod?.endReconnection(client.sessionId, client.userData);
      this.state.visitors.delete(client.sessionId);
      this.interest.remove(client.sessionId);
      this.log.info({ session: client.sessionId }, 'reconnection window closed');
    }
  }

  override async onDispose(): Promise<void> {
    liveRooms.delete(this);
    this.crowd?.close();
    this.stage?.close();
    this.mod?.close();
    this.qa?.close();
    this.passport?.close();
    this.auction?.close();
    this.tourAgenda?.close();
    this.staffDuty?.close();
    this.analytics?.close();
    if (this.announceTopic) {
      Promise.resolve(this.presence.unsubscribe(this.announceTopic, this.onAnnounce)).catch((err: unknown) =>
        this.log.warn({ err }, 'announcement unsubscribe failed'),
      );
    }
    try {
      await this.claim?.release();
    } catch (err) {
      this.log.warn({ err }, 'instance number release failed');
    }
    this.log.info({ instance: this.state?.instance }, 'hall instance closed');
  }

  /** Colyseus picks the stock schema serializer when the state is set; the adapter may swap in ours, which shares encodings per view. */
  override setSerializer(serializer: Serializer<HallState>): void {
    super.setSerializer(this.deps.colyseus.roomSerializer(serializer, [Visitor]));
  }

  /** Interest management runs right before each patch, so cells change at most 20 times a second. */
  override broadcastPatch(): boolean {
    try {
      this.interest.beforePatch();
    } catch (err) {
      this.onUncaughtException(err as Error, 'beforePatch');
    }
    try {
      return super.broadcastPatch();
    } finally {
      this.interest.afterPatch();
    }
  }

  /**
   * Puts a visitor on a walkable spot, server-side (a guided tour's jump, tests); clients follow
   * it like any move. Returns false for a spot one cannot stand on or an unknown visitor.
   */
  place(sessionId: string, x: number, z: number): boolean {
    const v = this.state.visitors.get(sessionId);
    // a 2D catalog visitor stays in their seat at the entrance (issue #13)
    if (!v || v.seated || !isWalkable(this.layout, x, z)) return false;
    v.x = toCm(x);
    v.z = toCm(z);
    v.y = toCm(groundHeight(this.layout, x, z));
    this.interest.moved(sessionId);
    return true;
  }

  /** Who `sessionId` receives at full rate, and how the hall is cut up (tests, diagnostics). */
  interestOf(sessionId: string): string[] {
    return this.interest.nearOf(sessionId);
  }

  interestStats() {
    return this.interest.stats();
  }

  override onUncaughtException(error: Error, methodName: string): void {
    // Logged and contained: one bad message must never end the process for everyone.
    this.log.error({ err: error, methodName }, 'uncaught exception in room');
  }

  /** Tells every visitor the server is going away, so clients rejoin instead of showing an error. */
  announceShutdown(): void {
    broadcastMsg(this, 'notice', { code: NoticeCode.serverShutdown });
  }
}
