/**
 * Assembles the express app and the Colyseus server on one HTTP server, without listening,
 * so tests can start it on a free port and stop it cleanly.
 */
import http from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { Server, matchMaker, type Presence } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ROOM_HALL } from '../shared/protocol';
import type { Config } from './config';
import type { Logger } from './lib/logger';
import { HallRoom, liveRooms, type HallRoomDeps } from './rooms/HallRoom';
import { apiRouter } from './http/api';
import { staticClient } from './http/static';
import { restrictMatchmaker } from './http/matchmakerGuard';

/** Biggest WebSocket frame a visitor may send; a chat line is well under 2 KB. */
const MAX_PAYLOAD_BYTES = 4 * 1024;

export interface LudaoApp {
  httpServer: http.Server;
  gameServer: Server;
  listen(port: number, host?: string): Promise<number>;
  shutdown(): Promise<void>;
}

export function createApp(config: Config, logger: Logger, presence?: Presence): LudaoApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
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
  app.use('/api', apiRouter({ stats }));
  app.use(staticClient(config.distDir));

  const httpServer = http.createServer(app);
  const gameServer = new Server({
    transport: new WebSocketTransport({ server: httpServer, maxPayload: MAX_PAYLOAD_BYTES }),
    presence,
    gracefullyShutdown: false,
    greet: false,
  });
  restrictMatchmaker(config.allowedOrigins);

  const deps: HallRoomDeps = { logger, capacity: config.hallCapacity };
  gameServer.define(
    ROOM_HALL,
    class ConfiguredHallRoom extends HallRoom {
      protected override deps = deps;
    },
  ).filterBy(['hallId']);

  let shuttingDown: Promise<void> | null = null;

  return {
    httpServer,
    gameServer,
    listen(port, host) {
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
        await gameServer.gracefullyShutdown(false);
        await new Promise<void>((r) => httpServer.close(() => r()));
        httpServer.closeAllConnections?.();
      })();
      return shuttingDown;
    },
  };
}

export { matchMaker };
