/**
 * The nearest booth with a video plays it (muted, looping) on its screen; farther booths show the
 * still picture from the atlas. One video element and one extra draw call at most.
 */
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import type { BuiltBooth } from './Booths';
import { useNearest } from './nearest';
import { makeInline } from '../../platform/inlineVideo';

const NEAR_M = 14;

function Playing({ booth, url }: { booth: BuiltBooth; url: string }) {
  const q = booth.shape.quads.find((x) => x.kind === 'screen');
  const { video, texture } = useMemo(() => {
    // inline everywhere (iOS, WeChat's X5), or the texture stays black and a player covers the hall
    const video = makeInline(document.createElement('video'));
    video.src = url;
    video.muted = true;
    video.loop = true;
    video.preload = 'auto';
    const texture = new THREE.VideoTexture(video);
    texture.colorSpace = THREE.SRGBColorSpace;
    return { video, texture };
  }, [url]);
  useEffect(() => {
    void video.play().catch(() => {});
    return () => {
      video.pause();
      video.removeAttribute('src');
      video.load();
      texture.dispose();
    };
  }, [video, texture]);
  if (!q) return null;
  return (
    <group matrixAutoUpdate={false} matrix={booth.matrix}>
      <mesh position={[q.x, q.y, q.z + 0.01 * q.facing]} rotation-y={q.facing === 1 ? 0 : Math.PI}>
        <planeGeometry args={[q.w, q.h]} />
        <meshBasicMaterial map={texture} toneMapped={false} />
      </mesh>
    </group>
  );
}

export function VideoScreen({ booths }: { booths: BuiltBooth[] }) {
  const withVideo = useMemo(() => booths.filter((b) => b.booth.video), [booths]);
  const [id] = useNearest(withVideo, (b) => b.booth.id, NEAR_M, 1);
  const b = withVideo.find((x) => x.booth.id === id);
  if (!b?.booth.video) return null;
  return <Playing key={b.booth.video.url} booth={b} url={b.booth.video.url} />;
}
