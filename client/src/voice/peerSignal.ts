/**
 * One WebRTC peer of proximity voice: its RTCPeerConnection, the signals it sends through the hall
 * room, and its Web Audio graph (remote stream → analyser → gain → speakers). Chromium feeds a
 * remote WebRTC stream to Web Audio only while the stream also plays in a media element, so each
 * peer keeps a muted <audio> element with the stream attached.
 */
import type { VoiceCandidate } from '../../../shared/api/voice';
import { VOICE_CANDIDATES_PER_MESSAGE } from '../../../shared/api/voice';
import type { VoiceRole } from '../../../shared/voice';

export type SignalOut =
  { kind: 'offer' | 'answer'; to: string; sdp: string } | { kind: 'ice'; to: string; candidates: VoiceCandidate[] } | { kind: 'bye'; to: string };

export interface PeerDeps {
  ctx: AudioContext;
  /** the local mic track (its `enabled` is mute and push-to-talk) */
  track: MediaStreamTrack;
  stream: MediaStream;
  iceServers: RTCIceServer[];
  send(signal: SignalOut): void;
  /** the connection failed or closed by itself */
  onGone(id: string): void;
}

/** Candidates gathered within this window go out in one message. */
const ICE_BATCH_MS = 100;
const scratch = new Float32Array(1024);

export class VoicePeer {
  readonly pc: RTCPeerConnection;
  role: VoiceRole = 'near';
  private readonly gainNode: GainNode;
  private readonly analyser: AnalyserNode;
  private source: MediaStreamAudioSourceNode | null = null;
  private audioEl: HTMLAudioElement | null = null;
  private iceOut: VoiceCandidate[] = [];
  private iceTimer: ReturnType<typeof setTimeout> | null = null;
  /** candidates that arrived before the remote description */
  private iceIn: RTCIceCandidateInit[] = [];
  private closed = false;

  constructor(
    readonly id: string,
    private readonly deps: PeerDeps,
  ) {
    this.pc = new RTCPeerConnection({ iceServers: deps.iceServers });
    this.pc.addTrack(deps.track, deps.stream);
    this.analyser = deps.ctx.createAnalyser();
    this.analyser.fftSize = 1024;
    this.gainNode = deps.ctx.createGain();
    this.gainNode.gain.value = 0;
    this.analyser.connect(this.gainNode).connect(deps.ctx.destination);
    this.pc.onicecandidate = (e) => {
      if (!e.candidate || !e.candidate.candidate) return;
      this.iceOut.push({ candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid ?? null, sdpMLineIndex: e.candidate.sdpMLineIndex ?? null });
      if (this.iceOut.length >= VOICE_CANDIDATES_PER_MESSAGE) this.flushIce();
      else this.iceTimer ??= setTimeout(() => this.flushIce(), ICE_BATCH_MS);
    };
    this.pc.ontrack = (e) => this.attach(e.streams[0] ?? new MediaStream([e.track]));
    this.pc.onconnectionstatechange = () => {
      if (this.pc.connectionState === 'failed' || this.pc.connectionState === 'closed') deps.onGone(id);
    };
  }

  private attach(stream: MediaStream): void {
    if (this.closed) return;
    this.source?.disconnect();
    this.audioEl ??= new Audio();
    this.audioEl.muted = true;
    this.audioEl.srcObject = stream;
    void this.audioEl.play().catch(() => undefined);
    this.source = this.deps.ctx.createMediaStreamSource(stream);
    this.source.connect(this.analyser);
  }

  private flushIce(): void {
    if (this.iceTimer) clearTimeout(this.iceTimer);
    this.iceTimer = null;
    while (this.iceOut.length) this.deps.send({ kind: 'ice', to: this.id, candidates: this.iceOut.splice(0, VOICE_CANDIDATES_PER_MESSAGE) });
  }

  async offer(): Promise<void> {
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    if (this.pc.localDescription) this.deps.send({ kind: 'offer', to: this.id, sdp: this.pc.localDescription.sdp });
  }

  async takeOffer(sdp: string): Promise<void> {
    await this.pc.setRemoteDescription({ type: 'offer', sdp });
    await this.drainIce();
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    if (this.pc.localDescription) this.deps.send({ kind: 'answer', to: this.id, sdp: this.pc.localDescription.sdp });
  }

  async takeAnswer(sdp: string): Promise<void> {
    if (this.pc.signalingState !== 'have-local-offer') return;
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
    await this.drainIce();
  }

  async takeCandidates(list: VoiceCandidate[]): Promise<void> {
    if (!this.pc.remoteDescription) {
      this.iceIn.push(...list);
      return;
    }
    for (const c of list) await this.pc.addIceCandidate(c).catch(() => undefined);
  }

  private async drainIce(): Promise<void> {
    const pending = this.iceIn.splice(0);
    for (const c of pending) await this.pc.addIceCandidate(c).catch(() => undefined);
  }

  /** Eases to the volume the peer is heard at here. */
  setGain(gain: number): void {
    this.gainNode.gain.setTargetAtTime(gain, this.deps.ctx.currentTime, 0.15);
  }

  get gain(): number {
    return this.gainNode.gain.value;
  }

  /** RMS of what arrives from this peer (before the distance gain), 0..1. */
  level(): number {
    if (!this.source) return 0;
    const buf = scratch.length === this.analyser.fftSize ? scratch : new Float32Array(this.analyser.fftSize);
    this.analyser.getFloatTimeDomainData(buf);
    let sum = 0;
    for (let i = 0; i < buf.length; i++) sum += buf[i] * buf[i];
    return Math.sqrt(sum / buf.length);
  }

  close(sayBye: boolean): void {
    if (this.closed) return;
    this.closed = true;
    if (this.iceTimer) clearTimeout(this.iceTimer);
    if (sayBye) this.deps.send({ kind: 'bye', to: this.id });
    this.pc.onconnectionstatechange = null;
    this.pc.close();
    this.source?.disconnect();
    this.analyser.disconnect();
    this.gainNode.disconnect();
    if (this.audioEl) {
      this.audioEl.pause();
      this.audioEl.srcObject = null;
    }
  }
}
