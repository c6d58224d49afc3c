/**
 * Drives the stage video: loads the premiere, starts it at its time (the server's, estimated by
 * net/clock.ts), checks it against the ideal position about once a second (premiereSync.ts),
 * and sets its sound from the visitor's choice and distance to the stage. Runs for the life of the hall.
 */
import { useEffect } from 'react';
import { getLayout, type HallId } from '../../../../shared/halls';
import { serverClock } from '../../net/clock';
import { useStore } from '../../store';
import type { StageView } from '../../store/stageSlice';
import { localPlayer } from '../../store/transient';
import { correction, isOwnMediaUrl, premierePosition, stagePhase, stageVolume } from './premiereSync';
import { activeCaption, loadStageMedia } from './stageVideo';

const CHECK_MS = 1000;
const VOLUME_MS = 250;
/** A start this close is timed to the millisecond rather than left to the next check. */
const START_TIMER_WITHIN_MS = 1500;

/** The premiere the video should play, or null (another kind of session, none, or not our file). */
export function premiereOf(stage: StageView | null): StageView | null {
  return stage && stage.kind === 'premiere' && isOwnMediaUrl(stage.videoUrl) ? stage : null;
}

export function useStageSync(hallId: HallId, video: HTMLVideoElement | null): void {
  const premiere = useStore((s) => premiereOf(s.stage));
  const src = premiere?.videoUrl ?? '';
  const captions = premiere && isOwnMediaUrl(premiere.captionsUrl) ? premiere.captionsUrl : '';

  // a live session's stream owns the video while it plays (useLiveStage): leave its source alone
  const live = useStore((s) => s.stageLive !== null);
  useEffect(() => {
    if (!video || live) return;
    loadStageMedia(video, src, captions);
  }, [video, src, captions, live]);

  // position: a check every second, one at the start, and one whenever the file can play
  useEffect(() => {
    if (!video) return;
    let startTimer: ReturnType<typeof setTimeout> | null = null;
    // how long this page's last seek took: a seek lands that much ahead, so it ends on time
    let seekLatency = 0.1;
    let seekStarted = 0;
    const onSeeking = () => (seekStarted = performance.now());
    const onSeeked = () => {
      if (seekStarted) seekLatency = Math.min(2, Math.max(0.05, (performance.now() - seekStarted) / 1000));
      seekStarted = 0;
    };
    const play = () => {
      video.play().catch((err: unknown) => {
        // sound without a click on this page: play muted, and the banner asks for that click
        if (err instanceof DOMException && err.name === 'NotAllowedError' && !video.muted) {
          video.muted = true;
          useStore.getState().setStageSoundBlocked(true);
          void video.play().catch(() => {});
        }
      });
    };
    const check = () => {
      const stage = premiereOf(useStore.getState().stage);
      if (startTimer) clearTimeout(startTimer);
      startTimer = null;
      if (useStore.getState().stageLive !== null) return;
      if (!stage || !video.getAttribute('src')) {
        if (!video.paused) video.pause();
        return;
      }
      const now = serverClock.now();
      const phase = stagePhase(stage, now);
      if (phase === 'before') {
        if (!video.paused) video.pause();
        if (video.currentTime !== 0 && video.readyState > 0) video.currentTime = 0;
        const wait = stage.startsAt - now;
        if (wait < START_TIMER_WITHIN_MS) startTimer = setTimeout(check, wait);
        return;
      }
      const target = premierePosition(stage, now);
      const ended = phase === 'after' || (Number.isFinite(video.duration) && target >= video.duration);
      if (ended) {
        if (!video.paused) video.pause();
        return;
      }
      if (video.readyState < HTMLMediaElement.HAVE_METADATA || video.seeking) return;
      if (video.paused) {
        // a late joiner (or the start): jump to where everyone is, then play
        if (Math.abs(video.currentTime - target) > 0.1) video.currentTime = target + seekLatency;
        video.playbackRate = 1;
        play();
        return;
      }
      const c = correction(video.currentTime, target, video.playbackRate);
      if (c.seekTo !== null) video.currentTime = c.seekTo + seekLatency;
      if (video.playbackRate !== c.rate) video.playbackRate = c.rate;
    };
    const id = setInterval(check, CHECK_MS);
    video.addEventListener('loadedmetadata', check);
    video.addEventListener('canplay', check);
    video.addEventListener('seeking', onSeeking);
    video.addEventListener('seeked', onSeeked);
    check();
    // a new session on the stage, or a moved one: check at once
    const unsub = useStore.subscribe((s, prev) => {
      if (s.stage !== prev.stage) check();
    });
    return () => {
      clearInterval(id);
      if (startTimer) clearTimeout(startTimer);
      unsub();
      video.removeEventListener('loadedmetadata', check);
      video.removeEventListener('canplay', check);
      video.removeEventListener('seeking', onSeeking);
      video.removeEventListener('seeked', onSeeked);
    };
  }, [video]);

  // sound: muted until asked for; in the hall it fades with distance, the 2D player plays it fully
  useEffect(() => {
    if (!video) return;
    const spot = getLayout(hallId).stage;
    const apply = () => {
      const { stageSound, stageSoundBlocked, stageWatch2D } = useStore.getState();
      const volume = stageWatch2D ? 1 : stageVolume(Math.hypot(localPlayer.x - spot.x, localPlayer.z - spot.z));
      const muted = !stageSound || stageSoundBlocked || volume === 0;
      if (video.muted !== muted) video.muted = muted;
      if (!muted && Math.abs(video.volume - volume) > 0.01) video.volume = volume;
    };
    const id = setInterval(apply, VOLUME_MS);
    const unsub = useStore.subscribe((s, prev) => {
      if (s.stageSound !== prev.stageSound || s.stageWatch2D !== prev.stageWatch2D || s.stageSoundBlocked !== prev.stageSoundBlocked) apply();
    });
    apply();
    return () => {
      clearInterval(id);
      unsub();
    };
  }, [video, hallId]);

  // captions: the active cue, for the line under the banner (the 2D player shows them itself)
  useEffect(() => {
    if (!video) return;
    const update = () => {
      const text = activeCaption(video);
      if (useStore.getState().stageCaption !== text) useStore.getState().setStageCaption(text);
    };
    const onTrack = (e: TrackEvent) => e.track?.addEventListener('cuechange', update);
    for (let i = 0; i < video.textTracks.length; i++) video.textTracks[i].addEventListener('cuechange', update);
    video.textTracks.addEventListener('addtrack', onTrack);
    return () => {
      video.textTracks.removeEventListener('addtrack', onTrack);
      for (let i = 0; i < video.textTracks.length; i++) video.textTracks[i].removeEventListener('cuechange', update);
      useStore.getState().setStageCaption('');
    };
  }, [video]);
}
