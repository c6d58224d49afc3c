/** Typed, throttled sends: movement at most every MOVE_SEND_MS, and only when something changed. */
import type { Room } from 'colyseus.js';
import { MOVE_SEND_MS } from '../../../shared/constants';
import type { MovePayload, PresentItem, ReactionKind } from '../../../shared/messages';
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

/** A reaction at the booth one stands at; the server drops it from anyone not there. */
export function sendReaction(slotId: string, kind: ReactionKind): boolean {
  if (!room) return false;
  sendMessage(room, 'react', { slotId, kind });
  return true;
}

/** Staff on duty: show an item to everyone at their booth, or stop (null). */
export function sendPresent(slotId: string, item: PresentItem | null): boolean {
  if (!room) return false;
  sendMessage(room, 'present', { slotId, item });
  return true;
}
