/**
 * Joining, leaving and surviving drops. A dropped socket is reconnected into the same seat
 * (same identity, same place) within the server's window; after a server shutdown, or once
 * the window has passed, the visitor joins the hall afresh.
 */
import { Client, type Room } from 'colyseus.js';
import { RECONNECT_WINDOW_S } from '../../../shared/constants';
import type { HallId } from '../../../shared/halls';
import { CloseCode, JoinError, NoticeCode, PROTOCOL_VERSION, ROOM_HALL, type JoinOptions } from '../../../shared/protocol';
import type { NoticePayload } from '../../../shared/messages';
import { HallState } from '../../../shared/schema/HallState';
import { useStore, type Store } from '../store';
import type { Profile } from '../store/sessionSlice';
import { localPlayer, resetTransient } from '../store/transient';
import { bindRoom } from './bindRoom';
import { serverEndpoint } from './endpoint';
import { setSendRoom } from './send';
import { ensureDevice } from '../ui/moderation/device';
import { entryOptions } from '../ui/landing/entryCredentials';

const TOKEN_KEY = 'ludao.reconnect';

let client: Client | null = null;
let room: Room<HallState> | null = null;
let unbind: (() => void) | null = null;
/** bumps on every join/leave so a stale async continuation can tell it lost the race */
let generation = 0;
let serverGoingAway = false;
/** how this page shows the hall: '2d' is the catalog (issue #13), seated at the entrance; kept for rejoins */
let joinMode: '3d' | '2d' = '3d';

const store = (): Store => useStore.getState();

function getClient(): Client {
  client ??= new Client(serverEndpoint());
  return client;
}

export function currentRoom(): Room<HallState> | null {
  return room;
}

/** Maps a join refusal to an i18n key (and marks an outdated client). */
function errorKeyOf(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (msg.startsWith(JoinError.outdated)) return 'errors.outdated';
  if (msg.startsWith(JoinError.badName)) return `errors.name.${msg.split(':')[1] ?? 'empty'}`;
  if (msg.startsWith(JoinError.nameRefused)) return 'errors.name.refused';
  if (msg.startsWith(JoinError.unknownHall)) return 'errors.unknownHall';
  if (msg.startsWith(JoinError.rateLimited)) return 'errors.busy';
  if (msg.startsWith(JoinError.banned)) return 'errors.banned';
  // entry rules (issue #11)
  if (msg.startsWith(JoinError.entryCodeNeeded)) return 'errors.entryCode';
  if (msg.startsWith(JoinError.entryCodeWrong)) return 'errors.entryCodeWrong';
  if (msg.startsWith(JoinError.entryThrottled)) return 'errors.entryThrottled';
  if (msg.startsWith(JoinError.entryInviteNeeded)) return 'errors.entryInvite';
  if (msg.startsWith(JoinError.entryAccountNeeded)) return 'errors.entryAccount';
  if (msg.startsWith('entry_unavailable')) return 'errors.entryUnavailable';
  if (/full|locked/i.test(msg)) return 'errors.full';
  return 'errors.network';
}

function attach(r: Room<HallState>, gen: number): void {
  room = r;
  setSendRoom(r);
  serverGoingAway = false;
  try {
    sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ token: r.reconnectionToken, hallId: store().hallId, at: Date.now(), mode: joinMode }));
  } catch {
    /* storage unavailable: a reload simply joins afresh */
  }
  unbind = bindRoom(r, (n: NoticePayload) => {
    if (n.code === NoticeCode.serverShutdown) serverGoingAway = true;
    else store().toast(`notices.${n.code}`);
  });
  store().setJoined(r.sessionId);
  r.onLeave((code) => {
    if (gen !== generation) return;
    detach();
    if (code === CloseCode.consented && !serverGoingAway) {
      store().setStatus('idle');
      return;
    }
    if (code === CloseCode.kicked || code === CloseCode.flooding) {
      store().setStatus('error', 'errors.kicked');
      return;
    }
    if (code === CloseCode.banned) {
      store().setStatus('error', 'errors.banned');
      return;
    }
    void recover(r.reconnectionToken, gen);
  });
}

function detach(): void {
  unbind?.();
  unbind = null;
  setSendRoom(null);
  room = null;
}

export async function joinHall(hallId: HallId, profile: Profile, mode: '3d' | '2d' = '3d'): Promise<void> {
  const gen = ++generation;
  joinMode = mode;
  if (room) await leaveQuietly();
  resetTransient();
  store().clearVisitors();
  store().setHistory([]);
  store().setHall(hallId);
  store().setStatus('joining');

  // A reload within the window takes the same seat back.
  const saved = readSavedToken(hallId);
  if (saved) {
    try {
      const r = await getClient().reconnect<HallState>(saved, HallState);
      if (gen !== generation) return void r.leave(true);
      attach(r, gen);
      return;
    } catch {
      /* seat gone: join afresh below */
    }
  }
  // the device token a ban can hold on to (moderation, issue #11)
  const device = (await ensureDevice()) ?? undefined;
  if (gen !== generation) return;
  // the entry code or pass the hall's entry rule asks for (issue #11)
  const opts: JoinOptions = {
    protocol: PROTOCOL_VERSION,
    hallId,
    name: profile.name,
    color: profile.color,
    style: profile.style,
    device,
    ...entryOptions(hallId),
    ...(mode === '2d' ? { mode } : {}),
  };
  // An invite link (/hall/gulangyu?invite=CODE) puts a group in the same instance of the hall.
  const invite = typeof window !== 'undefined' ? readInviteCode(window.location.search) : null;
  if (invite) {
    try {
      const r = await getClient().joinById<HallState>(invite, opts, HallState);
      if (gen !== generation) return void r.leave(true);
      attach(r, gen);
      return;
    } catch {
      if (gen !== generation) return;
      // Full, closed or for another hall: the visitor still gets in, wherever there is room.
      store().toast('hud.inviteFailed');
    }
  }
  // A busy device (or network) can take longer than the seat is held: such a join is simply retried.
  for (let attempt = 1; ; attempt++) {
    try {
      const r = await getClient().joinOrCreate<HallState>(ROOM_HALL, opts, HallState);
      if (gen !== generation) return void r.leave(true);
      attach(r, gen);
      return;
    } catch (err) {
      if (gen !== generation) return;
      if (isTransient(err) && attempt < 3) continue;
      const key = errorKeyOf(err);
      store().setStatus(key === 'errors.outdated' ? 'outdated' : 'error', key);
      return;
    }
  }
}

/** Seat expired or the socket failed before the join completed: worth another try. */
function isTransient(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err);
  return /seat reservation expired|expired|ECONNRESET|closed/i.test(msg);
}

async function recover(token: string, gen: number): Promise<void> {
  store().setStatus('reconnecting');
  const deadline = Date.now() + RECONNECT_WINDOW_S * 1000;
  let delay = 300;
  // Same seat first (unless the server told us it is going away: then the seat is gone anyway).
  while (!serverGoingAway && Date.now() < deadline) {
    try {
      const r = await getClient().reconnect<HallState>(token, HallState);
      if (gen !== generation) return void r.leave(true);
      attach(r, gen);
      return;
    } catch {
      await sleep(delay);
      delay = Math.min(delay * 2, 2000);
      if (gen !== generation) return;
    }
  }
  // Then a fresh seat in the same hall, retrying while the server comes back.
  const hallId = store().hallId;
  const profile = store().profile;
  if (!hallId || !profile) return;
  const until = Date.now() + 60_000;
  while (Date.now() < until && gen === generation) {
    try {
      const opts: JoinOptions = {
        protocol: PROTOCOL_VERSION,
        hallId,
        name: profile.name,
        color: profile.color,
        style: profile.style,
        device: (await ensureDevice()) ?? undefined,
        ...entryOptions(hallId),
        ...(joinMode === '2d' ? { mode: joinMode } : {}),
      };
      const r = await getClient().joinOrCreate<HallState>(ROOM_HALL, opts, HallState);
      if (gen !== generation) return void r.leave(true);
      localPlayer.ready = false;
      attach(r, gen);
      return;
    } catch (err) {
      const key = errorKeyOf(err);
      if (key === 'errors.outdated') return store().setStatus('outdated', key);
      if (key === 'errors.banned' || key.startsWith('errors.entry')) return store().setStatus('error', key);
      await sleep(1000);
    }
  }
  if (gen === generation) store().setStatus('error', 'errors.network');
}

/** An invite code is the instance's room id; anything else in the query string is ignored. */
export function readInviteCode(search: string): string | null {
  const code = new URLSearchParams(search).get('invite');
  return code && /^[A-Za-z0-9_-]{4,32}$/.test(code) ? code : null;
}

/** The link that brings someone into the same instance of the hall as the current visitor. */
export function inviteLink(hallId: string, code: string, origin: string = window.location.origin): string {
  return `${origin}/hall/${hallId}?invite=${encodeURIComponent(code)}`;
}

function readSavedToken(hallId: HallId): string | null {
  try {
    const raw = sessionStorage.getItem(TOKEN_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as { token: string; hallId: string; at: number; mode?: string };
    // a seat in the 3D hall is not the 2D catalog's seat at the entrance (issue #13), nor the other way round
    if (s.hallId !== hallId || (s.mode ?? '3d') !== joinMode || Date.now() - s.at > RECONNECT_WINDOW_S * 1000) return null;
    return s.token;
  } catch {
    return null;
  }
}

async function leaveQuietly(): Promise<void> {
  const r = room;
  detach();
  try {
    await r?.leave(true);
  } catch {
    /* already gone */
  }
}

/** Leaves on purpose (travel, back to the landing page). */
export async function leaveHall(): Promise<void> {
  generation++;
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    /* ignore */
  }
  await leaveQuietly();
  resetTransient();
  store().clearVisitors();
  store().setStatus('idle');
}

// Keep the saved token fresh while connected, so a reload finds a recent one.
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => {
    if (room) {
      try {
        sessionStorage.setItem(TOKEN_KEY, JSON.stringify({ token: room.reconnectionToken, hallId: store().hallId, at: Date.now(), mode: joinMode }));
      } catch {
        /* ignore */
      }
    }
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
