/** Typed, throttled sends: movement at most every MOVE_SEND_MS, and only when something changed. */
import type { Room } from 'colyseus.js';
import { MOVE_SEND_MS } from '../../../shared/constants';
import { C2S, type ChatPayload, type MovePayload } from '../../../shared/protocol';

let room: Room | null = null;
let lastSentAt = 0;
const last: MovePayload = { x: NaN, z: NaN, ry: NaN, moving: false };

export function setSendRoom(r: Room | null): void {
  room = r;
  last.x = NaN;
}

/** Called every frame by the local player; sends only when due and changed. */
export function sendMove(x: number, z: number, ry: number, moving: boolean, now: number): void {
  if (!room || now - lastSentAt < MOVE_SEND_MS) return;
  const changed = Math.abs(x - last.x) > 0.005 || Math.abs(z - last.z) > 0.005 || Math.abs(ry - last.ry) > 0.02 || moving !== last.moving;
  if (!changed && !Number.isNaN(last.x)) return;
  last.x = x;
  last.z = z;
  last.ry = ry;
  last.moving = moving;
  lastSentAt = now;
  room.send(C2S.move, last satisfies MovePayload);
}

export function sendChat(text: string): boolean {
  if (!room) return false;
  room.send(C2S.chat, { text } satisfies ChatPayload);
  return true;
}
