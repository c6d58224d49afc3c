/** Typed, throttled sends: movement at most every MOVE_SEND_MS, and only when something changed. */
import type { Room } from 'colyseus.js';
import { MOVE_SEND_MS } from '../../../shared/constants';
import type { MovePayload } from '../../../shared/messages';
import { sendMessage } from './messages';

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
  sendMessage(room, 'move', last);
}

export function sendChat(text: string): boolean {
  if (!room) return false;
  sendMessage(room, 'chat', { text });
  return true;
}
