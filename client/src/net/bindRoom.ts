/**
 * The one seam between Colyseus room state and the app: turns schema callbacks into store
 * actions (plain values copied) and pose snapshots into transient buffers. Returns unbind.
 *
 * Interest management: every visitor is on the roster (the visitors slice: list and online
 * count), but full poses arrive only for visitors in range; for the others `x`/`z` read undefined
 * and their coarse dot (gx, gz) goes to `farDots` for the minimap.
 */
import { usePassport } from '../ui/passport/passportStore';
import { useAuction } from '../ui/auction/auctionStore';
import { useGroupTour } from '../ui/guide/group/groupTourStore';
import { getStateCallbacks, type Room } from 'colyseus.js';
import type { HallState } from '../../../shared/schema/HallState';
import type { Visitor } from '../../../shared/schema/Visitor';
import { byteToYaw, fromCm } from '../../../shared/quantize';
import { fromDot } from '../../../shared/interest';
import type { NoticePayload } from '../../../shared/messages';
import { onServerMessage } from './messages';
import { useStore } from '../store';
import { useModeration } from '../ui/moderation/moderationStore';
import { useQa } from '../ui/qa/qaStore';
import { PoseBuffer, boothReactions, farDots, localPlayer, remotePoses, serverSelf } from '../store/transient';
import { stageViewOf, stageKey } from './stageView';
import { syncClock } from './clock';

/** Announcements join the chat as lines from nobody; negative ids never clash with chat ids. */
export const ANNOUNCE_FROM = '@announce';

export function bindRoom(room: Room<HallState>, onNotice: (n: NoticePayload) => void): () => void {
  const $ = getStateCallbacks(room);
  const store = useStore.getState();
  const unsubs: Array<() => void> = [];
  const selfId = room.sessionId;

  unsubs.push($(room.state).listen('instance', (n: number) => store.setInstance(n)));

  unsubs.push(
    $(room.state).visitors.onAdd((v: Visitor, id: string) => {
      const info = () => ({
        id,
        name: v.name,
        color: v.color,
        style: v.style,
        connected: v.connected,
        staff: v.staff ?? '',
        seated: v.seated === true,
        voice: v.voice === true,
      });
      useStore.getState().upsertVisitor(info());

      if (id === selfId) {
        const place = () => {
          if (v.x === undefined || v.z === undefined) return;
          serverSelf.x = fromCm(v.x);
          serverSelf.y = fromCm(v.y ?? 0);
          serverSelf.z = fromCm(v.z);
          serverSelf.t = performance.now();
          if (!localPlayer.ready) {
            localPlayer.x = serverSelf.x;
            localPlayer.y = serverSelf.y;
            localPlayer.z = serverSelf.z;
            localPlayer.ry = byteToYaw(v.ry ?? 0);
            localPlayer.ready = true;
          }
        };
        place();
        unsubs.push($(v).onChange(place));
      } else {
        let buf: PoseBuffer | null = null;
        let sx = NaN;
        let sy = NaN;
        let sz = NaN;
        let sry = NaN;
        let sanim = NaN;
        const sync = () => {
          if (v.x === undefined || v.z === undefined) {
            // Out of range: no avatar, just a dot.
            if (buf) {
              remotePoses.delete(id);
              buf = null;
            }
            const dot = farDots.get(id);
            if (dot) {
              dot.x = fromDot(v.gx);
              dot.z = fromDot(v.gz);
            } else farDots.set(id, { x: fromDot(v.gx), z: fromDot(v.gz) });
            return;
          }
          farDots.delete(id);
          if (!buf) {
            buf = new PoseBuffer();
            remotePoses.set(id, buf);
            sx = NaN;
          }
          // A dot refresh or a roster change is not a new pose sample.
          if (v.x === sx && v.y === sy && v.z === sz && v.ry === sry && v.anim === sanim) return;
          sx = v.x;
          sy = v.y;
          sz = v.z;
          sry = v.ry;
          sanim = v.anim;
          buf.push(performance.now(), fromCm(v.x), fromCm(v.y ?? 0), fromCm(v.z), byteToYaw(v.ry ?? 0), v.anim ?? 0);
        };
        sync();
        unsubs.push($(v).onChange(sync));
      }
      unsubs.push($(v).listen('connected', () => useStore.getState().upsertVisitor(info())));
      unsubs.push($(v).listen('name', () => useStore.getState().upsertVisitor(info())));
      // proximity voice on or off (issue #13): the voice chunk connects and hangs up by it
      unsubs.push($(v).listen('voice', () => useStore.getState().upsertVisitor(info())));
    }, true),
  );

  unsubs.push(
    $(room.state).visitors.onRemove((_v: Visitor, id: string) => {
      remotePoses.delete(id);
      farDots.delete(id);
      useStore.getState().removeVisitor(id);
    }),
  );

  unsubs.push(onServerMessage(room, 'chatHistory', (ms) => useStore.getState().setHistory(ms)));
  unsubs.push(onServerMessage(room, 'chat', (m) => useStore.getState().addMessage(m)));
  unsubs.push(onServerMessage(room, 'notice', onNotice));
  // moderation (issue #11): the hall's chat mode, one's own mute, a moderator's standing
  useModeration.getState().reset();
  unsubs.push(onServerMessage(room, 'moderation', (m) => useModeration.getState().apply(m)));
  // Q&A (issue #11): the stage session's questions, and this visitor's own standing
  useQa.getState().reset();
  unsubs.push(onServerMessage(room, 'qa', (s) => useQa.getState().setSnapshot(s)));
  unsubs.push(onServerMessage(room, 'qaMine', (m) => useQa.getState().setMine(m)));
  // the live auction (issue #12): the hall's lots after every bid anywhere, and one's own outbid notice
  useAuction.getState().reset();
  unsubs.push(onServerMessage(room, 'auction', (a) => useAuction.getState().setLots(a.lots)));
  unsubs.push(onServerMessage(room, 'outbid', (o) => useAuction.getState().setOutbid(o)));
  // the stamp passport (issue #12): what this visitor holds, after every change
  usePassport.getState().reset();
  unsubs.push(onServerMessage(room, 'passport', (p) => usePassport.getState().set(p)));
  // group tours (issue #12): the instance's public tour, one's standing as a leader, "gather here", refusals
  useGroupTour.getState().reset();
  unsubs.push(onServerMessage(room, 'tour', (m) => useGroupTour.getState().apply(m)));
  unsubs.push(onServerMessage(room, 'presenting', (p) => useStore.getState().setPresenting(p.slotId, p.item, p.by)));
  // hall-wide visitors per booth: a small map in the state, copied to the store when it changes
  let countsKey = '';
  const copyCounts = () => {
    const entries = [...(room.state.booths?.entries() ?? [])] as [string, number][];
    const key = entries.map(([k, n]) => `${k}:${n}`).join();
    if (key === countsKey) return;
    countsKey = key;
    useStore.getState().setBoothCounts(Object.fromEntries(entries));
  };
  room.onStateChange(copyCounts);
  unsubs.push(() => room.onStateChange.remove(copyCounts));
  // what is on the stage now or next: copied when any of its fields changes
  let stageAt = '';
  const copyStage = () => {
    const key = stageKey(room.state.stage);
    if (key === stageAt) return;
    stageAt = key;
    useStore.getState().setStage(stageViewOf(room.state.stage));
  };
  room.onStateChange(copyStage);
  unsubs.push(() => room.onStateChange.remove(copyStage));
  // the server's clock, for the stage's premieres (every instance plays the same moment)
  unsubs.push(syncClock(room));
  unsubs.push(
    onServerMessage(room, 'reaction', (r) => {
      useStore.getState().addReaction(r.slotId, r.kind);
      boothReactions.push({ slotId: r.slotId, kind: r.kind, t: performance.now() });
    }),
  );
  unsubs.push(
    onServerMessage(room, 'announce', (a) =>
      // `at` is the local arrival time, so the banner's timing does not depend on clock skew.
      useStore.getState().addMessage({ id: -a.at, from: ANNOUNCE_FROM, name: '📢', text: a.text, at: Date.now() }),
    ),
  );

  return () => {
    for (const u of unsubs) u();
  };
}
