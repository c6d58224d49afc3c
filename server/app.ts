/**
 * Assembles the express app and the Colyseus server on one HTTP server, without listening,
 * so tests can start it on a free port and stop it cleanly.
 */
import { passportStore } from './passport/store';
import http from 'node:http';
import express from 'express';
import helmet from 'helmet';
import compression from 'compression';
import { Server, matchMaker, type MatchMakerDriver, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { RedisPresence } from '@colyseus/redis-presence';
import { RedisDriver } from '@colyseus/redis-driver';
import { ROOM_HALL } from '../shared/protocol';
import type { Config } from './config';
import type { Logger } from './lib/logger';
import { HallRoom, liveRooms, type HallRoomDeps } from './rooms/HallRoom';
import { liveRelay } from './http/liveRelay';
import { apiRouter } from './http/api';
import { mediaRouter } from './http/media';
import { createExpoServices, type ExpoServices } from './http/services';
import { staticClient } from './http/static';
import { createColyseusAdapter, guardMatchmaking, restrictMatchmaker, type ColyseusAdapterOptions } from './colyseus';
import { announceToHall, type AnnounceResult } from './scale/announce';
import { checkHallLayouts } from './hallLayouts';
import type { IncomingHttpHeaders } from 'node:http';
import { identifyHallAccount, staffPostOf } from './rooms/account';
import { moderationFor } from './moderation/service';
import { createAnalytics, type Analytics } from './analytics';
import { createDashboard, type Dashboard } from './dashboard';
import { roomsNow } from './dashboard/roomsNow';
import { entryCheck } from './entry/admission';
import { entryFor } from './entry/service';
import type { AgendaSource } from './agenda/source';
import { sessionView } from './agenda/views';

/**
 * Biggest WebSocket frame a visitor may send; a chat line is well under 2 KB, a WebRTC offer or
 * answer for proximity voice (issue #13) is 2-6 KB and its schema caps it at VOICE_SDP_MAX (10 KB).
 */
const MAX_PAYLOAD_BYTES = 16 * 1024;

export interface LudaoApp {
  httpServer: http.Server;
  gameServer: Server;
  listen(port: number, host?: string): Promise<number>;
  shutdown(): Promise<void>;
  /** Sends an organizer's announcement to every instance of a hall, on every process. */
  announce(hallId: string, text: string): Promise<AnnounceResult>;
  /** database, repositories, uploads, booth events (issue #4); `expo.prepare()` migrates and seeds */
  expo: ExpoServices;
  /** booth and hall analytics of this process (issue #10): sampling, counted links, flushes */
  analytics: Analytics;
  /** the organizers' live dashboard of this process (issue #11) */
  dashboard: Dashboard;
}

export interface AppOptions {
  /** the version check of server/colyseus (tests inject installed versions to force the stock path) */
  colyseus?: ColyseusAdapterOptions;
  /** the agenda the halls' stages read, instead of the expo's own (tests put sessions on a stage without the agenda API) */
  agenda?: AgendaSource;
}

export function createApp(config: Config, logger: Logger, presence?: Presence, options: AppOptions = {}): LudaoApp {
  checkHallLayouts();
  const colyseus = createColyseusAdapter(logger, options.colyseus);
  const app = express();
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", 'blob:', 'data:'],
          workerSrc: ["'self'", 'blob:'],
          mediaSrc: ["'self'", 'blob:'],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          frameAncestors: ["'self'"],
        },
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  const stats = () => {
    let visitors = 0;
    for (const room of liveRooms) visitors += room.clients.length;
    return { rooms: liveRooms.size, visitors };
  };
  const expo = createExpoServices(config, logger, () => matchMaker.presence);
  // req.ip follows the same TRUSTED_PROXIES rule as every limit (http/clientAddress.ts).
  app.set('trust proxy', expo.addresses.trust);
  // gzip text, scripts, fonts' CSS and JSON (the scene budget counts compressed bytes). Server-sent
  // events stay uncompressed: a compressing proxy would hold them back until a buffer fills.
  app.use(
    compression({
      filter: (req, res) => !String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream') && compression.filter(req, res),
    }),
  );
  const analytics = createAnalytics({
    db: () => expo.database.db,
    events: expo.events,
    log: logger,
    flushMs: config.analytics.flushMs,
    sampling: config.analytics.sampling,
  });
  // the organizers' live dashboard: this process's hall rooms reported over the presence, counts per minute
  const dashboard = createDashboard({
    presence: () => matchMaker.presence,
    prefix: config.presencePrefix,
    db: () => expo.database.db,
    log: logger,
    rooms: () => roomsNow(liveRooms),
    activeExpoId: async () => (await expo.repos.expos.getActive())?.id ?? null,
    // the day's sessions, for their audiences on the dashboard
    sessions: async (from, to) => {
      const active = await expo.repos.expos.getActive();
      if (!active) return [];
      return (await expo.repos.agenda.list(active.id, { endedAfter: from })).map(sessionView).filter((s) => s.startsAt < to);
    },
  });
  app.use('/api', apiRouter({ stats, expo, analytics, dashboard, presence: () => matchMaker.presence }));
  app.use('/media', mediaRouter(expo.store));
  // the live stage's HLS, from the venue's media server, served as our own (http/liveRelay.ts)
  app.use('/live', liveRelay({ origin: config.liveHlsOrigin, logger }));
  app.use(staticClient(config.distDir));

  const httpServer = http.createServer(app);
  // Scale-out: with REDIS_URL every process shares matchmaking (RedisDriver) and presence
  // (RedisPresence); each must then say where browsers reach it (PUBLIC_ADDRESS).
  let driver: MatchMakerDriver | undefined;
  if (config.redisUrl) {
    presence ??= new RedisPresence(presenceRedisUrl(config.redisUrl));
    driver = new RedisDriver(config.redisUrl);
    if (!config.publicAddress) logger.warn('REDIS_URL without PUBLIC_ADDRESS: other processes cannot send visitors to this one');
  }
  const gameServer = new Server({
    // A phone switching networks or a page busy building its scene can miss a ping or two:
    // 4 misses at 5 s (20 s, the reconnection window) before a socket counts as dead.
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_PAYLOAD_BYTES, pingInterval: 5000, pingMaxRetries: 4 }),
    presence,
    driver,
    publicAddress: config.publicAddress ?? undefined,
    gracefullyShutdown: false,
    greet: false,
  });
  restrictMatchmaker(config.allowedOrigins);
  const stopGuard = guardMatchmaking(httpServer, {
    burst: config.matchmakeBurst,
    perMinute: config.matchmakePerMinute,
    addresses: expo.addresses,
  });

  const deps: HallRoomDeps = {
    logger,
    capacity: config.hallCapacity,
    presencePrefix: config.presencePrefix,
    seatReservationS: config.seatReservationS,
    colyseus,
    analytics: config.analytics.sampling ? analytics : undefined,
    dashboard,
    // the sensitive-word filter (issue #11): starter lists at once, the organizer's list once prepare() loads it
    words: expo.words,
    // the expo's agenda service (issue #11), read when a room opens: the services open the database on first use
    get agenda() {
      return options.agenda ?? (expo as { agenda?: AgendaSource }).agenda;
    },
    // mutes, bans, kicks, chat modes and reports (issue #11), shared with the moderation routes
    moderation: moderationFor(expo, () => matchMaker.presence),
    // questions to the session on stage (issue #11), shared with the console's Q&A routes
    qa: expo.qa,
    // signed-in visitors' stamps and souvenirs (issue #12)
    passport: passportStore(() => expo.repos),
    // the live auction's lots and bids (issue #12), shared with the organizer's auction routes
    auction: expo.auction,
    // staff going on or off duty while in the hall are re-marked live (issue #10)
    boothEvents: expo.events,
    staffPost: (userId, hallId) => staffPostOf(expo.repos, userId, hallId),
    // proximity voice's STUN/TURN servers (issue #13): ICE_SERVERS, empty by default
    voice: config.voice,
  };
  gameServer
    .define(
      ROOM_HALL,
      class ConfiguredHallRoom extends HallRoom {
        protected override deps = deps;
        static override identify = (headers: IncomingHttpHeaders, hallId: string) => identifyHallAccount(expo.repos, headers, hallId);
        static override words = () => expo.words;
        static override banned = (keys: string[]) => moderationFor(expo, () => matchMaker.presence).isBanned(keys);
        static override entry = entryCheck(entryFor(expo), expo.addresses);
      },
    )
    .filterBy(['hallId'])
    // Fill the fullest instance that still has room: visitors meet, and spare instances empty out.
    .sortBy({ clients: -1 });

  let shuttingDown: Promise<void> | null = null;

  return {
    httpServer,
    gameServer,
    async listen(port, host) {
      // Joins this process to the matchmaker (its IPC channel and stats): required for other
      // processes to create rooms here or reserve seats in rooms hosted here.
      await matchMaker.accept();
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          const addr = httpServer.address();
          resolve(typeof addr === 'object' && addr ? addr.port : port);
        });
      });
    },
    shutdown() {
      shuttingDown ??= (async () => {
        for (const room of liveRooms) room.announceShutdown();
        // Give the notice one patch interval to leave the socket before rooms close.
        await new Promise((r) => setTimeout(r, 100));
        stopGuard();
        // the last counts (open visits end now) go to the database before it closes
        await analytics.stop();
        await dashboard.stop();
        await expo.close();
        await gameServer.gracefullyShutdown(false);
        await new Promise<void>((r) => httpServer.close(() => r()));
        httpServer.closeAllConnections?.();
      })();
      return shuttingDown;
    },
    expo,
    analytics,
    dashboard,
    announce(hallId, text) {
      return announceToHall(hallId, text, { presence: matchMaker.presence, prefix: config.presencePrefix });
    },
  };
}

/**
 * The presence's Redis URL without ioredis' CLIENT SETINFO handshake. ioredis 5.8.2+ can interleave
 * a SUBSCRIBE sent while connecting with its handshake, and the subscriber connection then stops
 * delivering messages without an error a caller sees (redis/ioredis#2037): a channel subscribed at
 * startup (the word filter's) would never hear other processes again.
 */
export function presenceRedisUrl(url: string): string {
  if (!/^rediss?:\/\//i.test(url)) return url;
  const u = new URL(url);
  u.searchParams.set('disableClientInfo', 'true');
  return u.toString();
}

export { matchMaker };
