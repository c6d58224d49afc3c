/**
 * The one seam between Colyseus room state and the app: turns schema callbacks into store
 * actions (plain values copied) and pose snapshots into transient buffers. Returns unbind.
 */
import { getStateCallbacks, type Room } from 'colyseus.js';
import type { HallState } from '../../../shared/schema/HallState';
import type { Visitor } from '../../../shared/schema/Visitor';
import { byteToYaw, fromCm } from '../../../shared/quantize';
import { S2C, type ChatMessage, type NoticePayload } from '../../../shared/protocol';
import { useStore } from '../store';
import { PoseBuffer, localPlayer, remotePoses, serverSelf } from '../store/transient';

export function bindRoom(room: Room<HallState>, onNotice: (n: NoticePayload) => void): () => void {
  const $ = getStateCallbacks(room);
  const store = useStore.getState();
  const unsubs: Array<() => void> = [];
  const selfId = room.sessionId;

  unsubs.push($(room.state).listen('instance', (n: number) => store.setInstance(n)));

  unsubs.push(
    $(room.state).visitors.onAdd((v: Visitor, id: string) => {
      const info = () => ({ id, name: v.name, color: v.color, style: v.style, connected: v.connected });
      useStore.getState().upsertVisitor(info());

      if (id === selfId) {
        const place = () => {
          serverSelf.x = fromCm(v.x);
          serverSelf.y = fromCm(v.y);
          serverSelf.z = fromCm(v.z);
          serverSelf.t = performance.now();
          if (!localPlayer.ready) {
            localPlayer.x = serverSelf.x;
            localPlayer.y = serverSelf.y;
            localPlayer.z = serverSelf.z;
            localPlayer.ry = byteToYaw(v.ry);
            localPlayer.ready = true;
          }
        };
        place();
        unsubs.push($(v).onChange(place));
      } else {
        const buf = new PoseBuffer();
        remotePoses.set(id, buf);
        const push = () => buf.push(performance.now(), fromCm(v.x), fromCm(v.y), fromCm(v.z), byteToYaw(v.ry), v.anim);
        push();
        unsubs.push($(v).onChange(push));
      }
      unsubs.push($(v).listen('connected', () => useStore.getState().upsertVisitor(info())));
      unsubs.push($(v).listen('name', () => useStore.getState().upsertVisitor(info())));
    }, true),
  );

  unsubs.push(
    $(room.state).visitors.onRemove((_v: Visitor, id: string) => {
      remotePoses.delete(id);
      useStore.getState().removeVisitor(id);
    }),
  );

  unsubs.push(room.onMessage(S2C.chatHistory, (ms: ChatMessage[]) => useStore.getState().setHistory(ms)));
  unsubs.push(room.onMessage(S2C.chat, (m: ChatMessage) => useStore.getState().addMessage(m)));
  unsubs.push(room.onMessage(S2C.notice, onNotice));

  return () => {
    for (const u of unsubs) u();
  };
}
