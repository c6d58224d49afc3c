/**
 * Load bots: thin WebSocket clients that speak just enough of each server's protocol to join,
 * walk and count what they receive, without decoding it (decoding is the browser's cost, not the
 * server's). For Colyseus they use the matchmaker over HTTP like colyseus.js, acknowledge the
 * join, and send the same bytes colyseus.js sends for a move (the bench checks that with a real
 * colyseus.js observer). They walk like visitors: to a waypoint 5-25 m away at 4 m/s with a move
 * message every 100 ms, then stand still for 1-4 s, silent.
 */
import { WebSocket } from 'ws';
import { Packr } from '@colyseus/msgpackr';
import { MOVE_SEND_MS } from '../../shared/constants';
import { PROTOCOL_VERSION, ROOM_HALL, type JoinOptions } from '../../shared/protocol';
import { C2S, type MovePayload } from '../../shared/messages';
import { BENCH_HALL, botName, rng, scatterPoint, waypoint } from './world';

/** Colyseus protocol codes (colyseus.js Protocol). */
const JOIN_ROOM = 10;
const ROOM_DATA = 13;
const WALK_SPEED = 4;

const packr = new Packr();
/** What colyseus.js' room.send(type, message) writes: code, type as a msgpack fixstr, msgpack body. */
export function colyseusMessage(type: string, message: unknown): Buffer {
  const name = Buffer.from(type, 'utf8');
  if (name.length > 31) throw new Error('type too long for a fixstr');
  return Buffer.concat([Buffer.from([ROOM_DATA, 0xa0 | name.length]), name, packr.pack(message)]);
}

export type Protocol = 'colyseus' | 'bare';

export class Bot {
  ws: WebSocket | null = null;
  /** bytes received on the socket, with the WebSocket frame header */
  bytes = 0;
  messages = 0;
  joined = false;
  x: number;
  z: number;
  private ry = 0;
  private target: { x: number; z: number } | null = null;
  private idleUntil = 0;
  private readonly r: () => number;
  private readonly move: MovePayload = { x: 0, z: 0, ry: 0, moving: false };
  private readonly bare = Buffer.alloc(13);

  constructor(
    readonly i: number,
    readonly protocol: Protocol,
  ) {
    const p = scatterPoint(i);
    this.x = p.x;
    this.z = p.z;
    this.r = rng(77 + i);
    this.idleUntil = performance.now() + this.r() * 2000;
  }

  async connect(port: number): Promise<void> {
    let url: string;
    if (this.protocol === 'colyseus') {
      const opts: JoinOptions = { protocol: PROTOCOL_VERSION, hallId: BENCH_HALL, name: botName(this.i), color: this.i % 8, style: this.i % 3 };
      const res = await fetch(`http://127.0.0.1:${port}/matchmake/joinOrCreate/${ROOM_HALL}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(opts),
      });
      const seat = (await res.json()) as { room?: { roomId: string; processId: string }; sessionId?: string; error?: string };
      if (!seat.room || !seat.sessionId) throw new Error(`matchmaking refused bot ${this.i}: ${seat.error ?? res.status}`);
      url = `ws://127.0.0.1:${port}/${seat.room.processId}/${seat.room.roomId}?sessionId=${seat.sessionId}`;
    } else {
      url = `ws://127.0.0.1:${port}/`;
    }
    await new Promise<void>((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      this.ws = ws;
      ws.binaryType = 'nodebuffer';
      ws.once('error', reject);
      ws.on('message', (data: Buffer) => {
        this.bytes += data.length + (data.length < 126 ? 2 : data.length < 65536 ? 4 : 10);
        this.messages++;
        if (!this.joined) {
          if (this.protocol === 'colyseus') {
            if (data[0] !== JOIN_ROOM) return reject(new Error(`bot ${this.i}: expected JOIN_ROOM, got ${data[0]}`));
            ws.send(Buffer.from([JOIN_ROOM]));
          }
          this.joined = true;
          resolve();
        }
      });
      ws.once('close', (code) => {
        if (!this.joined) reject(new Error(`bot ${this.i} closed before joining (${code})`));
      });
    });
  }

  /** One input step (every MOVE_SEND_MS): walk towards the waypoint, or stand. */
  step(now: number): void {
    if (!this.ws || this.ws.readyState !== WebSocket.OPEN) return;
    if (!this.target) {
      if (now < this.idleUntil) return;
      this.target = waypoint(this.x, this.z, this.r);
      if (!this.target) {
        this.idleUntil = now + 1000;
        return;
      }
    }
    const dx = this.target.x - this.x;
    const dz = this.target.z - this.z;
    const d = Math.hypot(dx, dz);
    const stepLen = (WALK_SPEED * MOVE_SEND_MS) / 1000;
    let moving = true;
    if (d <= stepLen) {
      this.x = this.target.x;
      this.z = this.target.z;
      this.target = null;
      this.idleUntil = now + 1000 + this.r() * 3000;
      moving = false;
    } else {
      this.x += (dx / d) * stepLen;
      this.z += (dz / d) * stepLen;
      this.ry = Math.atan2(dx, dz);
    }
    this.send(moving);
  }

  private send(moving: boolean): void {
    if (this.protocol === 'colyseus') {
      this.move.x = this.x;
      this.move.z = this.z;
      this.move.ry = this.ry;
      this.move.moving = moving;
      this.ws!.send(colyseusMessage(C2S.move, this.move));
    } else {
      this.bare.writeFloatLE(this.x, 0);
      this.bare.writeFloatLE(this.z, 4);
      this.bare.writeFloatLE(this.ry, 8);
      this.bare[12] = moving ? 1 : 0;
      this.ws!.send(this.bare);
    }
  }

  close(): void {
    this.ws?.terminate();
    this.ws = null;
  }
}

/** Drives all bots from one timer, spread over MOVE_SEND_MS so sends do not come in one burst. */
export function driveBots(bots: Bot[]): () => void {
  const SLOTS = 10;
  let slot = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    for (let i = slot; i < bots.length; i += SLOTS) bots[i].step(now);
    slot = (slot + 1) % SLOTS;
  }, MOVE_SEND_MS / SLOTS);
  return () => clearInterval(timer);
}

/** Connects bots `from..to-1` with bounded concurrency. */
export async function connectBots(bots: Bot[], port: number, concurrency = 20): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < bots.length) {
      const b = bots[next++];
      await b.connect(port);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}
