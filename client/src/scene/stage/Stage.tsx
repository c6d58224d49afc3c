/**
 * The hall's stage at the layout's stage spot: the screen (one mesh, one draw call: the stage
 * video as a texture while a premiere plays, else a card with the title and countdown) and the
 * hall's stage props (one merged mesh, one draw call). The video element belongs to the hall's
 * stage layer (ui/stage); its texture is made here and disposed with the scene.
 */
import { useEffect, useMemo, useState } from 'react';
import * as THREE from 'three';
import { getLayout, type HallId } from '../../../../shared/halls';
import { groundHeight } from '../../../../shared/layout';
import { serverClock } from '../../net/clock';
import { useStore } from '../../store';
import { formatCountdown, premierePosition, stagePhase } from '../../ui/stage/premiereSync';
import { vertexColorMaterial } from '../landmarks/common/GeoBuilder';
import { ScreenCard, type CardText } from './screenCard';
import { QA_STAGE_MAX } from '../../../../shared/constants';
import { cardQuestions, topApproved, useQa } from '../../ui/qa/qaStore';
import { buildStageProps, SCREENS } from './stageProps';

const KIND_LABEL: Record<string, [string, string]> = {
  talk: ['演讲', 'Talk'],
  premiere: ['首映', 'Premiere'],
  live: ['直播', 'Live'],
  tour: ['导览', 'Guided tour'],
  auction: ['拍卖', 'Auction'],
};

function cardText(now: number): { text: CardText; video: boolean } {
  const { stage, stageEnded, stageVideo } = useStore.getState();
  const phase = stagePhase(stage, now);
  if (!stage) {
    const last = stageEnded?.title;
    return {
      text: { label: '鹭岛舞台 · Ludao Stage', titleZh: last?.zh ?? '', titleEn: last?.en ?? '', status: last ? '已结束 · Ended' : '敬请期待 · Coming soon' },
      video: false,
    };
  }
  const [zh, en] = KIND_LABEL[stage.kind] ?? ['舞台', 'Stage'];
  const base = { label: `${zh} · ${en}`, titleZh: stage.title.zh, titleEn: stage.title.en };
  if (phase === 'before') {
    const t = formatCountdown((stage.startsAt - now) / 1000);
    const prefix = stageEnded ? '下一场 Next · ' : '';
    return { text: { ...base, status: `${prefix}${t} 后开始 · Starts in ${t}` }, video: false };
  }
  const v = stageVideo;
  if (phase === 'on' && stage.kind === 'live') {
    const playing = useStore.getState().stageLive === 'playing' && !!v && v.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA;
    const status = playing ? '正在直播 · Live now' : '等待信号 · Waiting for the stream';
    return { text: { ...base, status }, video: playing };
  }
  const playable =
    phase === 'on' &&
    stage.kind === 'premiere' &&
    !!v?.getAttribute('src') &&
    v.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA &&
    !(Number.isFinite(v.duration) && premierePosition(stage, now) >= v.duration);
  return { text: { ...base, status: phase === 'on' ? '正在播出 · On now' : '已结束 · Ended' }, video: playable };
}

function emptyScene(): boolean {
  return new URLSearchParams(window.location.search).get('scene') === 'empty';
}

export default function Stage({ hallId }: { hallId: HallId }) {
  const layout = getLayout(hallId);
  const spot = layout.stage;
  const screen = SCREENS[hallId];
  const video = useStore((s) => s.stageVideo);
  // re-render on a new session so the card changes at once (the timer below keeps it fresh)
  useStore((s) => s.stage);

  const props = useMemo(() => {
    const mesh = new THREE.Mesh(buildStageProps(hallId), vertexColorMaterial());
    mesh.castShadow = true;
    mesh.receiveShadow = true;
    mesh.name = 'stage-props';
    return mesh;
  }, [hallId]);
  useEffect(
    () => () => {
      props.geometry.dispose();
      (props.material as THREE.Material).dispose();
    },
    [props],
  );

  const card = useMemo(() => new ScreenCard(hallId), [hallId]);
  useEffect(() => () => card.dispose(), [card]);

  const videoTexture = useMemo(() => {
    if (!video) return null;
    const t = new THREE.VideoTexture(video);
    t.colorSpace = THREE.SRGBColorSpace;
    return t;
  }, [video]);
  useEffect(() => () => videoTexture?.dispose(), [videoTexture]);

  const material = useMemo(() => new THREE.MeshBasicMaterial({ map: card.texture, toneMapped: false }), [card]);
  useEffect(() => () => material.dispose(), [material]);

  const [showVideo, setShowVideo] = useState(false);
  useEffect(() => {
    const tick = () => {
      const { text, video: playing } = cardText(serverClock.now());
      // the top approved questions (issue #11) share the card; a playing video leaves them to the hall panel
      const questions = playing ? [] : topApproved(useQa.getState().snapshot, QA_STAGE_MAX);
      card.draw({ ...text, questions });
      cardQuestions.drawn = questions;
      setShowVideo(playing);
    };
    tick();
    const id = window.setInterval(tick, 250);
    // the Chinese glyphs come from our own font; paint again once it has loaded
    void document.fonts?.load("bold 72px 'Noto Sans SC'", '鹭岛舞台首映').then(() => {
      card.invalidate();
      tick();
    });
    return () => {
      window.clearInterval(id);
      useStore.getState().setStageScreenVideo(false);
    };
  }, [card]);

  const onVideo = showVideo && !!videoTexture;
  const map = onVideo ? videoTexture : card.texture;
  useEffect(() => {
    useStore.getState().setStageScreenVideo(onVideo);
    if (material.map === map) return;
    material.map = map;
    material.needsUpdate = true;
  }, [material, map, onVideo]);

  if (emptyScene()) return null;
  return (
    <group name="stage" position={[spot.x, groundHeight(layout, spot.x, spot.z), spot.z]} rotation-y={spot.ry}>
      <primitive object={props} />
      <mesh name="stage-screen" position={[0, screen.y, 0]} material={material}>
        <planeGeometry args={[screen.w, screen.h]} />
      </mesh>
    </group>
  );
}
