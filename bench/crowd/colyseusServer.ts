/**
 * The Ludao server as the bench measures it: the real createApp in its own process, with the
 * patch timed and bench bots placed at their scatter points on join (server-side, as a guided
 * tour would), so a run starts from a spread-out crowd instead of everyone at the pier.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@colyseus/core';
import { createApp } from '../../server/app';
import { readConfig } from '../../server/config';
import { createLogger } from '../../server/lib/logger';
import { HallRoom, liveRooms } from '../../server/rooms/HallRoom';
import type { JoinAuth } from '../../server/rooms/handlers/join';
import { Meter, serveIpc, type FromServer } from './ipc';
import { botIndex, scatterPoint } from './world';

const meter = new Meter();

const proto = HallRoom.prototype as unknown as {
  broadcastPatch(): boolean;
  onJoin(client: Client, options: unknown, auth: JoinAuth): void;
};
const patch = proto.broadcastPatch;
proto.broadcastPatch = function (this: HallRoom) {
  meter.begin();
  const r = patch.call(this);
  meter.end();
  return r;
};
const onJoin = proto.onJoin;
proto.onJoin = function (this: HallRoom, client, options, auth) {
  onJoin.call(this, client, options, auth);
  const i = botIndex(auth.name);
  if (i !== null) {
    const p = scatterPoint(i);
    this.place(client.sessionId, p.x, p.z);
  }
};

const port = Number(process.env.PORT || 3403);
const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-bench-'));
const config = readConfig({ ...process.env, LOG_LEVEL: 'silent', DIST_DIR: distDir, REDIS_URL: '', HALL_CAPACITY: process.env.HALL_CAPACITY || '1000' });
const app = createApp(config, createLogger('silent'));
await app.listen(port, '127.0.0.1');

let visitors = 0;
serveIpc(
  meter,
  () => {
    visitors = 0;
    for (const r of liveRooms) visitors += r.clients.length;
    return visitors;
  },
  () => {
    let views = 0;
    let cells = 0;
    for (const r of liveRooms) {
      const s = r.interestStats();
      views += s.views;
      cells += s.cells;
    }
    return { views, cells };
  },
);
process.on('exit', () => fs.rmSync(distDir, { recursive: true, force: true }));
process.send?.({ type: 'ready', port } satisfies FromServer);
