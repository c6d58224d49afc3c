/**
 * A hall instance: lifecycle and message wiring only. What each message does lives in
 * ./handlers as pure functions with their own tests.
 */
import { Room, ServerError, type Client, type AuthContext } from '@colyseus/core';
import {
  CHAT_BURST,
  CHAT_REFILL_MS,
  MAX_STRIKES,
  MSG_BURST,
  MSG_PER_SECOND,
  PATCH_MS,
  RECONNECT_WINDOW_S,
} from '../../shared/constants';
import { getLayout, isHallId } from '../../shared/halls';
import type { HallLayout } from '../../shared/layout';
import { C2S, CloseCode, JoinError, NoticeCode, S2C, type ChatMessage, type NoticePayload } from '../../shared/protocol';
import { parseChat, parseMove } from '../../shared/validate';
import { HallState } from '../../shared/schema/HallState';
import { TokenBucket } from '../lib/tokenBucket';
import type { Logger } from '../lib/logger';
import { checkJoin, createVisitor, type JoinAuth } from './handlers/join';
import { applyMove, type MoveClock } from './handlers/move';
import { handleChat, newChatLog, type ChatLog } from './handlers/chat';

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
}

/** Rooms alive in this process, so shutdown can warn their visitors first. */
export const liveRooms = new Set<HallRoom>();

export class HallRoom extends Room<HallState, unknown, Session, JoinAuth> {
  private layout!: HallLayout;
  private chatLog: ChatLog = newChatLog();
  private joinSeq = 0;
  private log!: Logger;

  /** Runs before any seat is reserved or room created: bad options never cost a room. */
  static override async onAuth(_token: string, options: unknown, _ctx: AuthContext): Promise<JoinAuth> {
    const r = checkJoin(options);
    if (!r.ok) throw new ServerError(400, r.detail ? `${r.code}:${r.detail}` : r.code);
    return r.auth;
  }

  /** Set by the app through a subclass (see app.ts), so rooms never read globals. */
  protected deps!: HallRoomDeps;

  override onCreate(options: { hallId: string }): void {
    const hallId = options.hallId;
    // onAuth has already refused unknown halls; this guards direct server-side creation.
    if (!isHallId(hallId)) throw new ServerError(400, JoinError.unknownHall);
    this.log = this.deps.logger.child({ room: this.roomId, hall: hallId });
    this.maxClients = this.deps.capacity;
    this.patchRate = PATCH_MS;
    this.layout = getLayout(hallId);
    const state = new HallState();
    state.hallId = hallId;
    this.setState(state);
    liveRooms.add(this);

    this.onMessage(C2S.move, (client, raw) => {
      const s = this.admit(client);
      if (!s) return;
      const visitor = this.state.visitors.get(client.sessionId);
      const p = parseMove(raw);
      if (!visitor || !p) return this.strike(client, s);
      applyMove(visitor, s, p, Date.now(), this.layout);
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
    const now = Date.now();
    client.userData = {
      lastMoveAt: now,
      messages: new TokenBucket(MSG_BURST, 1000 / MSG_PER_SECOND, now),
      chat: new TokenBucket(CHAT_BURST, CHAT_REFILL_MS, now),
      strikes: 0,
      kicked: false,
    };
    this.state.visitors.set(client.sessionId, createVisitor(auth, this.layout, this.joinSeq++));
    client.send(S2C.chatHistory, this.chatLog.messages satisfies ChatMessage[]);
    this.log.info({ session: client.sessionId, visitors: this.clients.length }, 'visitor joined');
  }

  override async onLeave(client: Client<Session, JoinAuth>, consented: boolean): Promise<void> {
    const visitor = this.state.visitors.get(client.sessionId);
    if (!visitor) return;
    // A kicked visitor must not come back through the reconnection token.
    if (consented || client.userData?.kicked) {
      this.state.visitors.delete(client.sessionId);
      return;
    }
    visitor.connected = false;
    try {
      const back = await this.allowReconnection(client, RECONNECT_WINDOW_S);
      visitor.connected = true;
      if (back.userData) back.userData.lastMoveAt = Date.now();
      this.log.info({ session: client.sessionId }, 'visitor reconnected');
    } catch {
      this.state.visitors.delete(client.sessionId);
      this.log.info({ session: client.sessionId }, 'reconnection window closed');
    }
  }

  override onDispose(): void {
    liveRooms.delete(this);
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
