/**
 * Plays a live session on the hall's stage video (issue #11): while a `live` session is on, the
 * video follows our own relay's HLS (/live/<stream>/index.m3u8, media/liveStream.ts) at its live
 * edge; there is no position to keep in step, every viewer is at the edge the relay serves. It
 * stops when the session ends or another takes the stage. Premieres are useStageSync's.
 */
import { useEffect } from 'react';
import { serverClock } from '../../net/clock';
import { useStore } from '../../store';
import type { StageView } from '../../store/stageSlice';
import { attachLive, type LiveHandle } from '../../media/liveStream';
import { isOwnMediaUrl, stagePhase } from './premiereSync';

/** The live session whose stream the video should play now, or null. */
export function liveOf(stage: StageView | null, now: number): StageView | null {
  return stage && stage.kind === 'live' && isOwnMediaUrl(stage.liveUrl) && stagePhase(stage, now) === 'on' ? stage : null;
}

/** How often the hook looks whether a live session has started or ended (the stage changes arrive by themselves). */
const CHECK_MS = 1000;

export function useLiveStage(video: HTMLVideoElement | null): void {
  useEffect(() => {
    if (!video) return;
    let handle: LiveHandle | null = null;
    let url = '';
    const check = () => {
      const live = liveOf(useStore.getState().stage, serverClock.now());
      const want = live?.liveUrl ?? '';
      if (want === url) return;
      handle?.detach();
      handle = null;
      url = want;
      useStore.getState().setStageLive(want ? 'connecting' : null);
      if (!want) return;
      handle = attachLive(video, want, (s) => useStore.getState().setStageLive(s));
      // muted autoplay is allowed everywhere; sound follows the visitor's choice (useStageSync's volume effect)
      const start = () => void video.play().catch(() => {});
      video.addEventListener('loadedmetadata', start, { once: true });
      start();
    };
    const id = setInterval(check, CHECK_MS);
    const unsub = useStore.subscribe((s, prev) => {
      if (s.stage !== prev.stage) check();
    });
    check();
    return () => {
      clearInterval(id);
      unsub();
      handle?.detach();
      useStore.getState().setStageLive(null);
    };
  }, [video]);
}
