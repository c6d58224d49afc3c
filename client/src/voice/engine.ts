/**
 * Proximity voice (issue #13, item 4), the lazy chunk loaded on the first "voice on": the mic,
 * one WebRTC peer per chosen neighbour (shared/voice.ts picks them from the transient poses about
 * twice a second: stage, booth, nearest, with hysteresis and a cap), their volumes by distance,
 * the speaking levels, mute and push-to-talk. Signals go through the hall room to one session at a
 * time (`voice` message); the server relays them only between near visitors who both have voice on.
 * Glare: of two peers, the lower session id makes the offer.
 */
import type { Room } from 'colyseus.js';
import { getLayout, type HallId } from '../../../shared/halls';
import type { HallLayout } from '../../../shared/layout';
import { selectVoicePeers, voiceOfferer, type VoiceParty, type VoiceRole } from '../../../shared/voice';
import type { VoiceIceServer, VoiceMessage } from '../../../shared/api/voice';
import { onServerMessage, sendMessage } from '../net/messages';
import { serverClock } from '../net/clock';
import { useStore } from '../store';
import { INTERP_DELAY_MS, localPlayer, remotePoses, type PoseSample } from '../store/transient';
import { useVoice, voiceBlocker, type VoiceError } from '../ui/voice/voiceStore';
import { VoicePeer, type SignalOut } from './peerSignal';

/** Peer choice is re-evaluated this often. */
const SELECT_MS = 500;
/** Levels (indicators, probe) are read this often. */
const LEVEL_MS = 100;
/** RMS above which someone counts as speaking. */
export const SPEAKING_RMS = 0.02;
/** how long to wait for the server's ICE servers after "voice on" */
const CONFIG_TIMEOUT_MS = 5000;

export interface VoiceProbe {
  status: string;
  muted: boolean;
  ptt: boolean;
  /** the mic sends now (not muted, and V held when push-to-talk is on) */
  sending: boolean;
  error: string | null;
  /** own mic level now, RMS 0..1 */
  mic: number;
  iceServers: number;
  /** session ids speaking now (own too), and how many speaking sprites the 3D view draws */
  speaking: string[];
  indicators: number;
  /** per peer: connection state, why it is a peer, the loudest incoming RMS of the last second (before the distance volume), that volume */
  peers: Record<string, { state: string; role: VoiceRole; level: number; gain: number }>;
}

/** written by SpeakingIndicators each frame: sprites shown over heads */
export const drawnIndicators = { n: 0 };

const pose: PoseSample = { t: 0, x: 0, y: 0, z: 0, ry: 0 };
const micScratch = new Float32Array(1024);

function micError(err: unknown): VoiceError {
  const name = (err as { name?: string })?.name ?? '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'noMic';
  if (name === 'NotReadableError' || name === 'AbortError') return 'busy';
  return 'failed';
}

class VoiceEngine {
  private room: Room | null = null;
  private layout: HallLayout | null = null;
  private ctx: AudioContext | null = null;
  private stream: MediaStream | null = null;
  private track: MediaStreamTrack | null = null;
  private micAnalyser: AnalyserNode | null = null;
  private iceServers: RTCIceServer[] = [];
  private readonly peers = new Map<string, VoicePeer>();
  private timers: ReturnType<typeof setInterval>[] = [];
  private unsubs: (() => void)[] = [];
  private configWait: { resolve: (list: VoiceIceServer[] | null) => void } | null = null;
  private micLevel = 0;
  private levels = new Map<string, number>();
  private readonly recent = new Map<string, number[]>();
  /** peers that said bye or failed: not called again before this time (ms) */
  private readonly backoff = new Map<string, number>();

  async start(room: Room, hallId: HallId): Promise<void> {
    const voice = useVoice.getState();
    if (voice.status !== 'off') return;
    const blocked = voiceBlocker();
    if (blocked) return void voice.setError(blocked);
    voice.setError(null);
    voice.setStatus('starting');
    this.room = room;
    this.layout = getLayout(hallId);
    try {
      // the context first, while the click that asked for voice still counts as a user gesture
      this.ctx = new AudioContext();
      this.stream = await navigator.mediaDevices.getUserMedia({
        audio: { echoCancellation: true, noiseSuppression: true, autoGainControl: true },
        video: false,
      });
    } catch (err) {
      this.teardown();
      return void useVoice.getState().setError(micError(err));
    }
    if (useVoice.getState().status !== 'starting' || this.room !== room) return void this.teardown();
    this.track = this.stream.getAudioTracks()[0] ?? null;
    if (!this.track) {
      this.teardown();
      return void useVoice.getState().setError('noMic');
    }
    this.micAnalyser = this.ctx.createAnalyser();
    this.micAnalyser.fftSize = 1024;
    this.ctx.createMediaStreamSource(this.stream).connect(this.micAnalyser);
    void this.ctx.resume().catch(() => undefined);
    this.applySending();
    this.unsubs.push(onServerMessage(room, 'voice', (m) => this.onMessage(m)));
    const config = new Promise<VoiceIceServer[] | null>((resolve) => {
      this.configWait = { resolve };
      setTimeout(() => resolve(null), CONFIG_TIMEOUT_MS);
    });
    sendMessage(room, 'voice', { kind: 'on' });
    const ice = await config;
    this.configWait = null;
    if (useVoice.getState().status !== 'starting') return;
    if (!ice) {
      this.stop();
      return void useVoice.getState().setError(useVoice.getState().error ?? 'failed');
    }
    this.iceServers = ice as RTCIceServer[];
    useVoice.getState().setStatus('on');
    this.timers.push(setInterval(() => this.select(), SELECT_MS));
    this.timers.push(setInterval(() => this.readLevels(), LEVEL_MS));
    this.unsubs.push(
      useVoice.subscribe((s, prev) => (s.muted !== prev.muted || s.ptt !== prev.ptt || s.talking !== prev.talking ? this.applySending() : undefined)),
    );
    this.select();
  }

  /** Voice off: hang up every peer, release the mic, tell the server. */
  stop(): void {
    if (this.room && useVoice.getState().status !== 'off') {
      try {
        sendMessage(this.room, 'voice', { kind: 'off' });
      } catch {
        // the room is gone already
      }
    }
    this.teardown();
  }

  private teardown(): void {
    for (const p of this.peers.values()) p.close(true);
    this.peers.clear();
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    for (const u of this.unsubs) u();
    this.unsubs = [];
    this.configWait?.resolve(null);
    this.configWait = null;
    this.stream?.getTracks().forEach((t) => t.stop());
    this.stream = null;
    this.track = null;
    this.micAnalyser = null;
    void this.ctx?.close().catch(() => undefined);
    this.ctx = null;
    this.room = null;
    this.micLevel = 0;
    this.levels.clear();
    this.recent.clear();
    this.backoff.clear();
    useVoice.getState().setStatus('off');
  }

  private applySending(): void {
    if (!this.track) return;
    const s = useVoice.getState();
    this.track.enabled = !s.muted && (!s.ptt || s.talking);
  }

  private send = (signal: SignalOut): void => {
    if (this.room) sendMessage(this.room, 'voice', signal);
  };

  private onMessage(m: VoiceMessage): void {
    if (m.kind === 'config') return void this.configWait?.resolve(m.iceServers);
    if (m.kind === 'refused') {
      useVoice.getState().setError(m.reason === 'muted' ? 'muted' : 'failed');
      if (this.configWait) this.configWait.resolve(null);
      else this.teardown();
      return;
    }
    if (useVoice.getState().status !== 'on') return;
    const from = m.from;
    if (m.kind === 'bye') {
      this.backoff.set(from, performance.now() + 3000);
      return void this.drop(from, false);
    }
    if (m.kind === 'offer') {
      // accept when this visitor would pick the caller too (counted as already connected: hysteresis)
      const wanted = this.wanted(new Set([...this.peers.keys(), from]));
      const role = wanted.get(from);
      if (!role) return void this.send({ kind: 'bye', to: from });
      this.drop(from, false);
      const peer = this.open(from, role.role);
      peer?.takeOffer(m.sdp).catch(() => this.drop(from, true));
      return;
    }
    const peer = this.peers.get(from);
    if (!peer) return;
    if (m.kind === 'answer') peer.takeAnswer(m.sdp).catch(() => this.drop(from, true));
    else peer.takeCandidates(m.candidates).catch(() => undefined);
  }

  private open(id: string, role: VoiceRole): VoicePeer | null {
    if (!this.ctx || !this.track || !this.stream) return null;
    const peer = new VoicePeer(id, {
      ctx: this.ctx,
      track: this.track,
      stream: this.stream,
      iceServers: this.iceServers,
      send: this.send,
      onGone: (gone) => {
        this.backoff.set(gone, performance.now() + 3000);
        this.drop(gone, false);
      },
    });
    peer.role = role;
    this.peers.set(id, peer);
    return peer;
  }

  private drop(id: string, sayBye: boolean): void {
    const p = this.peers.get(id);
    if (!p) return;
    this.peers.delete(id);
    this.levels.delete(id);
    this.recent.delete(id);
    p.close(sayBye);
  }

  /** The peers shared/voice.ts picks now, from the drawn poses of visitors with voice on. */
  private wanted(current: ReadonlySet<string>): Map<string, { role: VoiceRole; gain: number }> {
    const out = new Map<string, { role: VoiceRole; gain: number }>();
    const layout = this.layout;
    const st = useStore.getState();
    const selfId = st.sessionId;
    if (!layout || !selfId || !localPlayer.ready) return out;
    const slotOfBooth = (boothId: string) => (boothId ? (st.booths[boothId]?.slotId ?? '') : '');
    const self: VoiceParty = { id: selfId, x: localPlayer.x, z: localPlayer.z, staffSlot: slotOfBooth(st.visitors[selfId]?.staff ?? '') };
    const others: VoiceParty[] = [];
    const t = performance.now() - INTERP_DELAY_MS;
    for (const [id, buf] of remotePoses) {
      const v = st.visitors[id];
      if (!v?.voice || !v.connected) continue;
      buf.sample(t, pose);
      others.push({ id, x: pose.x, z: pose.z, staffSlot: slotOfBooth(v.staff) });
    }
    const stage = st.stage;
    const now = serverClock.now();
    const stageVideo = !!stage && (!!stage.videoUrl || !!stage.liveUrl) && now >= stage.startsAt && now < stage.endsAt;
    for (const p of selectVoicePeers({ layout, self, others, current, stageVideo })) out.set(p.id, { role: p.role, gain: p.gain });
    return out;
  }

  private select(): void {
    if (useVoice.getState().status !== 'on') return;
    const selfId = useStore.getState().sessionId;
    if (!selfId) return;
    const wanted = this.wanted(new Set(this.peers.keys()));
    for (const id of [...this.peers.keys()]) if (!wanted.has(id)) this.drop(id, true);
    for (const [id, w] of wanted) {
      let peer = this.peers.get(id);
      if (!peer && voiceOfferer(selfId, id) === selfId && (this.backoff.get(id) ?? 0) <= performance.now()) {
        peer = this.open(id, w.role) ?? undefined;
        peer?.offer().catch(() => this.drop(id, true));
      }
      if (!peer) continue;
      peer.role = w.role;
      peer.setGain(w.gain);
    }
  }

  private readLevels(): void {
    const selfId = useStore.getState().sessionId;
    const speaking = new Set<string>();
    if (this.micAnalyser && this.track) {
      this.micAnalyser.getFloatTimeDomainData(micScratch);
      let sum = 0;
      for (let i = 0; i < micScratch.length; i++) sum += micScratch[i] * micScratch[i];
      // what the mic hears; the indicator shows only what is actually sent
      this.micLevel = Math.sqrt(sum / micScratch.length);
      if (this.track.enabled && this.micLevel > SPEAKING_RMS && selfId) speaking.add(selfId);
    }
    for (const [id, p] of this.peers) {
      const level = p.level();
      // the probe reports the loudest of the last second: speech (and a test's tone) comes and goes
      const recent = this.recent.get(id) ?? [];
      recent.push(level);
      if (recent.length > 1000 / LEVEL_MS) recent.shift();
      this.recent.set(id, recent);
      this.levels.set(id, Math.max(...recent));
      if (level > SPEAKING_RMS) speaking.add(id);
    }
    useVoice.getState().setSpeaking(speaking);
  }

  probe(): VoiceProbe {
    const s = useVoice.getState();
    const peers: VoiceProbe['peers'] = {};
    for (const [id, p] of this.peers) peers[id] = { state: p.pc.connectionState, role: p.role, level: this.levels.get(id) ?? 0, gain: p.gain };
    return {
      status: s.status,
      muted: s.muted,
      ptt: s.ptt,
      sending: this.track?.enabled ?? false,
      error: s.error,
      mic: this.micLevel,
      iceServers: this.iceServers.length,
      speaking: [...s.speaking],
      indicators: drawnIndicators.n,
      peers,
    };
  }
}

export const voiceEngine = new VoiceEngine();
