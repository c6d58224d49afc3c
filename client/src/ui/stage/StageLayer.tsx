/**
 * The stage's DOM side for one hall (lazy: not in the hall's first bytes): makes the hall's one
 * stage video and drops it with the hall, keeps it in step (useStageSync), shows the banner and,
 * when asked, the 2D player. Also answers the debug probe's stage() for e2e tests.
 */
import { useEffect, useState } from 'react';
import type { HallId } from '../../../../shared/halls';
import { serverClock } from '../../net/clock';
import { useStore } from '../../store';
import { StageBanner } from './StageBanner';
import { disposeStageVideo, inlineVideo } from './stageVideo';
import { useStageSync } from './useStageSync';
import { useLiveStage } from './useLiveStage';
import { Watch2D } from './Watch2D';
import { stagePhase } from './premiereSync';
import { stageLot } from '../auction/stageLot';
import './stage.css';

export default function StageLayer({ hallId }: { hallId: HallId }) {
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const watch2D = useStore((s) => s.stageWatch2D);

  useEffect(() => {
    const v = inlineVideo();
    setVideo(v);
    useStore.getState().setStageVideo(v);
    return () => {
      useStore.getState().setStageVideo(null);
      useStore.getState().setStageWatch2D(false);
      useStore.setState({ stage: null, stageEnded: null });
      disposeStageVideo(v);
    };
  }, [hallId]);

  useStageSync(hallId, video);
  useLiveStage(video);

  useEffect(() => {
    const probe = window.__ludao;
    if (!probe || !video) return;
    probe.stage = () => {
      // read together, in one task: the pair is what an e2e test compares between pages
      const serverNow = serverClock.now();
      const stage = useStore.getState().stage;
      const best = serverClock.estimator.best();
      return {
        sessionId: stage?.sessionId ?? null,
        phase: stagePhase(stage, serverNow),
        startsAt: stage?.startsAt ?? null,
        serverNow,
        currentTime: video.currentTime,
        paused: video.paused,
        rate: video.playbackRate,
        muted: video.muted,
        volume: video.volume,
        readyState: video.readyState,
        offsetMs: serverClock.estimator.offset(),
        rttMs: best?.rtt ?? null,
        clockSamples: serverClock.estimator.count(),
        caption: useStore.getState().stageCaption,
        live: useStore.getState().stageLive,
        framesDecoded: video.getVideoPlaybackQuality?.().totalVideoFrames ?? 0,
        screen: useStore.getState().stageScreenVideo ? 'video' : 'card',
        auction: stageLot.drawn && { ...stageLot.drawn },
      };
    };
    return () => {
      delete probe.stage;
    };
  }, [video]);

  return (
    <>
      <StageBanner />
      {watch2D && video ? <Watch2D video={video} /> : null}
    </>
  );
}
