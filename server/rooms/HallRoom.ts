/**
 * A hall instance: lifecycle and message wiring only. What each message does lives in
 * ./handlers as pure functions with their own tests.
 */
import { Room, SchemaSerializer, ServerError, type Client, type AuthContext, type Serializer } from '@colyseus/core';
import { Encoder } from '@colyseus/schema';
import {
  CHAT_BURST,
  CHAT_REFILL_MS,
  MAX_STRIKES,
  MSG_BURST,
  MSG_PER_SECOND,
  PATCH_MS,
  RECONNECT_WINDOW_S,
  SEAT_RESERVATION_S,
} from '../../shared/constants';
import { getLayout, isHallId } from '../../shared/halls';
import { groundHeight, isWalkable, type HallLayout } from '../../shared/layout';
import { toCm } from '../../shared/quantize';
import {
  C2S,
  CloseCode,
  JoinError,
  NoticeCode,
  S2C,
  type AnnouncePayload,
  type ChatMessage,
  type NoticePayload,
} from '../../shared/protocol';
import { parseChat, parseMove } from '../../shared/validate';
import { HallState } from '../../shared/schema/HallState';
import { Visitor } from '../../shared/schema/Visitor';
import { TokenBucket } from '../lib/tokenBucket';
import type { Logger } from '../lib/logger';
import { checkJoin, createVisitor, type JoinAuth } from './handlers/join';
import { applyMove, type MoveClock } from './handlers/move';
import { handleChat, newChatLog, type ChatLog } from './handlers/chat';
import { InterestManager } from './interest';
import { InterestSerializer } from './interestSerializer';
import { claimInstance, INSTANCE_LEASE_S, type InstanceClaim } from '../scale/instances';
import { announceChannel, DEFAULT_PRESENCE_PREFIX } from '../scale/announce';

// With per-cell views, one patch encodes every occupied cell's view into the shared buffer back to
// back; start big enough for a full hall instead of growing (and warning) on the first crowd.
Encoder.BUFFER_SIZE = Math.max(Encoder.BUFFER_SIZE, 256 * 1024);

/** What the server remembers about one connection; never sent to anyone. */
interface Session extends MoveClock {
  messages: TokenBucket;
  chat: TokenBucket;
  strikes: number;
  kicked: boolean;
}

export interface HallRoomDeps {
  logger: Logger;
  capacity: number;
  /** prefix of Ludao's presence keys/channels (instance numbers, announcements) */
  presencePrefix?: string;
  /** seconds an unused matchmaker reservation holds a seat */
  seatReservationS?: number;
}

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
  private readonly onAnnounce = (p: AnnouncePayload): void => {
    this.broadcast(S2C.announce, p);
  };

  /** Runs before any seat is reserved or room created: bad options never cost a room. */
  static override async onAuth(_token: string, options: unknown, _ctx: AuthContext): Promise<JoinAuth> {
    const r = checkJoin(options);
    if (!r.ok) throw new ServerError(400, r.detail ? `${r.code}:${r.detail}` : r.code);
    return r.auth;
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
    this.clock.setInterval(() => {
      this.claim?.refresh().catch((err: unknown) => this.log.warn({ err }, 'instance lease refresh failed'));
    }, (INSTANCE_LEASE_S * 1000) / 3);
    this.setState(state);
    liveRooms.add(this);
    this.log.info({ instance: claim.n }, 'hall instance opened');

    this.onMessage(C2S.move, (client, raw) => {
      const s = this.admit(client);
      if (!s) return;
      const visitor = this.state.visitors.get(client.sessionId);
      const p = parseMove(raw);
      if (!visitor || !p) return this.strike(client, s);
      applyMove(visitor, s, p, Date.now(), this.layout);
      this.interest.moved(client.sessionId);
    });

    this.onMessage(C2S.chat, (client, raw) => {
      const s = this.admit(client);
      if (!s) return;
      const visitor = this.state.visitors.get(client.sessionId);
      const p = parseChat(raw);
      if (!visitor || !p) return this.strike(client, s);
      const r = handleChat(this.chatLog, { sessionId: client.sessionId, name: visitor.name }, s.chat, p, Date.now());
      if (r.ok) this.broadcast(S2C.chat, r.message);
      else this.notify(client, r.reason === 'rate_limited' ? NoticeCode.rateLimited : NoticeCode.invalidMessage);
    });

    // Unknown message types are counted like malformed ones: harmless, but not free.
    this.onMessage('*', (client) => {
      const s = this.admit(client);
      if (s) this.strike(client, s);
    });
  }

  override onJoin(client: Client<Session, JoinAuth>, _options: unknown, auth: JoinAuth): void {
    // joinById (an invite code) skips the hallId filter: an invite to another hall is refused.
    if (auth.hallId !== this.state.hallId) throw new ServerError(400, JoinError.wrongHall);
    const now = Date.now();
    client.userData = {
      lastMoveAt: now,
      messages: new TokenBucket(MSG_BURST, 1000 / MSG_PER_SECOND, now),
      chat: new TokenBucket(CHAT_BURST, CHAT_REFILL_MS, now),
      strikes: 0,
      kicked: false,
    };
    const visitor = createVisitor(auth, this.layout, this.joinSeq++);
    this.state.visitors.set(client.sessionId, visitor);
    this.interest.add(client.sessionId, visitor, client);
    client.send(S2C.chatHistory, this.chatLog.messages satisfies ChatMessage[]);
    this.log.info({ session: client.sessionId, visitors: this.clients.length }, 'visitor joined');
  }

  override async onLeave(client: Client<Session, JoinAuth>, consented: boolean): Promise<void> {
    const visitor = this.state.visitors.get(client.sessionId);
    if (!visitor) return;
    // A kicked visitor must not come back through the reconnection token.
    if (consented || client.userData?.kicked) {
      this.state.visitors.delete(client.sessionId);
      this.interest.remove(client.sessionId);
      return;
    }
    visitor.connected = false;
    this.interest.detach(client.sessionId);
    try {
      const back = await this.allowReconnection(client, RECONNECT_WINDOW_S);
      visitor.connected = true;
      this.interest.attach(client.sessionId, back);
      if (back.userData) back.userData.lastMoveAt = Date.now();
      this.log.info({ session: client.sessionId }, 'visitor reconnected');
    } catch {
      this.state.visitors.delete(client.sessionId);
      this.interest.remove(client.sessionId);
      this.log.info({ session: client.sessionId }, 'reconnection window closed');
    }
  }

  override async onDispose(): Promise<void> {
    liveRooms.delete(this);
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

  /** Colyseus picks the stock schema serializer when the state is set; ours shares encodings per view. */
  override setSerializer(serializer: Serializer<HallState>): void {
    super.setSerializer(serializer instanceof SchemaSerializer ? new InterestSerializer<HallState>({ shareEncodingOf: [Visitor] }) : serializer);
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
    if (!v || !isWalkable(this.layout, x, z)) return false;
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
    this.broadcast(S2C.notice, { code: NoticeCode.serverShutdown } satisfies NoticePayload);
  }

  /** Per-connection message budget; a client that keeps flooding is dropped. */
  private admit(client: Client<Session, JoinAuth>): Session | null {
    const s = client.userData;
    if (!s || s.kicked) return null;
    if (s.messages.take(Date.now())) return s;
    this.strike(client, s);
    return null;
  }

  private strike(client: Client<Session, JoinAuth>, s: Session): void {
    s.strikes++;
    if (s.strikes === 1 || s.strikes % 10 === 0) this.notify(client, NoticeCode.invalidMessage);
    if (s.strikes >= MAX_STRIKES && !s.kicked) {
      s.kicked = true;
      this.log.warn({ session: client.sessionId }, 'dropping a flooding client');
      client.leave(CloseCode.flooding);
    }
  }

  private notify(client: Client, code: NoticeCode): void {
    client.send(S2C.notice, { code } satisfies NoticePayload);
  }
}
