/**
 * The baseline: the same fan-out with nothing but the `ws` package. Every visitor's pose goes to
 * every visitor 20 times a second (10 bytes per changed pose), no validation, no interest
 * management, no state sync library: the floor a real server is compared with.
 *
 * Wire format (little-endian). Client -> server: f32 x, f32 z, f32 ry, u8 moving (13 bytes).
 * Server -> client: u16 count, then count x [u16 id, i16 x cm, i16 y cm, i16 z cm, u8 yaw, u8 anim].
 */
import { WebSocketServer, type WebSocket } from 'ws';
import { Meter, serveIpc, type FromServer } from './ipc';

const PATCH_MS = 50;
const RECORD = 10;
const meter = new Meter();
const port = Number(process.env.PORT || 3404);

interface Pose {
  id: number;
  x: number;
  z: number;
  ry: number;
  anim: number;
}
const poses = new Map<WebSocket, Pose>();
const dirty = new Set<Pose>();
let nextId = 1;

function encode(list: Iterable<Pose>, count: number): Buffer {
  const buf = Buffer.allocUnsafe(2 + count * RECORD);
  buf.writeUInt16LE(count, 0);
  let o = 2;
  for (const p of list) {
    buf.writeUInt16LE(p.id, o);
    buf.writeInt16LE(p.x, o + 2);
    buf.writeInt16LE(0, o + 4);
    buf.writeInt16LE(p.z, o + 6);
    buf.writeUInt8(p.ry, o + 8);
    buf.writeUInt8(p.anim, o + 9);
    o += RECORD;
  }
  return buf;
}

const wss = new WebSocketServer({ host: '127.0.0.1', port, maxPayload: 4 * 1024 });
wss.on('connection', (ws) => {
  const pose: Pose = { id: nextId++, x: 0, z: 0, ry: 0, anim: 0 };
  poses.set(ws, pose);
  dirty.add(pose);
  ws.send(encode(poses.values(), poses.size));
  ws.on('message', (data: Buffer) => {
    if (data.length !== 13) return;
    pose.x = Math.round(data.readFloatLE(0) * 100);
    pose.z = Math.round(data.readFloatLE(4) * 100);
    pose.ry = Math.round(((((data.readFloatLE(8) % 6.2832) + 6.2832) % 6.2832) / 6.2832) * 255);
    pose.anim = data[12];
    dirty.add(pose);
  });
  ws.on('close', () => {
    poses.delete(ws);
    dirty.delete(pose);
  });
});

setInterval(() => {
  meter.begin();
  if (dirty.size > 0) {
    const msg = encode(dirty, dirty.size);
    dirty.clear();
    for (const ws of poses.keys()) ws.send(msg);
  }
  meter.end();
}, PATCH_MS);

wss.on('listening', () => {
  serveIpc(meter, () => poses.size);
  process.send?.({ type: 'ready', port } satisfies FromServer);
});
