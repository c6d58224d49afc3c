/**
 * The hall's stage at the layout's stage spot: the screen (one mesh, one draw call: the stage
 * video as a texture while a premiere plays, else a card with the title and countdown, or the
 * auction's lot with its price, leader and countdown, issue #12) and the
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
import i18n from '../../i18n';
import { pick } from '../../i18n/pick';
import type { LotView } from '../../../../shared/api/auction';
import { useAuction } from '../../ui/auction/auctionStore';
import { pickStageLot, stageLot } from '../../ui/auction/stageLot';
import type { AuctionCardText } from './screenCard';

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

const LOT_KIND: Record<LotView['kind'], string> = { goods: '实物 Goods', sponsorship: '赞助席位 Sponsorship', charity: '公益义拍 Charity' };

/**
 * The lot the screen shows now (issue #12), or null. Which wins the screen: an auction session in
 * progress on the agenda always shows its lot (it is what the stage is for at that hour, and such
 * a session has no video of its own). Otherwise a playing video (a premiere's synchronized
 * playback, a live stream) keeps the screen, because covering it would break what the audience
 * came to watch, while the lot stays live in the hall's auction panel; when nothing plays, an open
 * lot (or one closed in the last minute, with its result) takes the card.
 */
function auctionCard(now: number, videoPlaying: boolean): { lot: LotView; text: AuctionCardText } | null {
  const stage = useStore.getState().stage;
  const auctionSession = !!stage && stage.kind === 'auction' && stagePhase(stage, now) === 'on';
  if (videoPlaying && !auctionSession) return null;
  const lot = pickStageLot(useAuction.getState().lots, now, auctionSession ? stage.sessionId : null);
  if (!lot) return null;
  const closed = now >= lot.closesAt;
  const sold = lot.price !== null;
  const clock = closed ? (sold ? '成交 Sold' : '流拍 Unsold') : `剩余 ${formatCountdown((lot.closesAt - now) / 1000)} left`;
  return {
    lot,
    text: {
      label: `拍卖 · Auction · ${LOT_KIND[lot.kind]}`,
      title: pick(lot.title, i18n.language),
      priceLabel: closed && sold ? '成交价 · Hammer price' : sold ? '当前价 · Current bid' : '起拍价 · Start price',
      price: `¥${(lot.price ?? lot.startPrice).toLocaleString('zh-CN')}`,
      leader: lot.leader ? `${closed ? '得主 Winner' : '领先 Leading'}: ${lot.leader}` : '',
      clock,
      closed,
      pictureUrl: lot.pictureUrl,
    },
  };
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
      const now = serverClock.now();
      const { text, video: playing } = cardText(now);
      const auction = auctionCard(now, playing);
      if (auction) {
        // the card's strings change at most once a second (the countdown) or with a new snapshot
        card.drawAuction(auction.text);
        const { lot, text: a } = auction;
        stageLot.drawn = {
          lotId: lot.id,
          phase: a.closed ? 'closed' : 'open',
          price: lot.price,
          leader: lot.leader,
          title: a.title,
          clock: a.clock,
          picture: card.pictureDrawn,
        };
        cardQuestions.drawn = [];
        setShowVideo(false);
        return;
      }
      stageLot.drawn = null;
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
    // a new snapshot (a bid anywhere) repaints at once rather than at the next tick
    const offLots = useAuction.subscribe((a, b) => {
      if (a.lots !== b.lots) tick();
    });
    return () => {
      window.clearInterval(id);
      offLots();
      stageLot.drawn = null;
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
