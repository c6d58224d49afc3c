/**
 * Publishes renderer figures (draw calls, triangles, frame time) to the debug probe once a second,
 * and `drawCost(n)`: the time to draw the frame and wait for the GPU to finish, for benches.
 */
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useRef } from 'react';
import { VideoTexture, type Material, type Mesh, type Texture } from 'three';

const frameTimes = new Float32Array(120);

export function RenderProbe() {
  const gl = useThree((s) => s.gl);
  const scene = useThree((s) => s.scene);
  const camera = useThree((s) => s.camera);
  const state = useRef({ n: 0, last: 0, lastReport: 0 });

  useEffect(() => {
    // Count every draw of a frame, not just the last render pass.
    gl.info.autoReset = false;
    return () => {
      gl.info.autoReset = true;
    };
  }, [gl]);

  useEffect(() => {
    const probe = window.__ludao;
    if (!probe) return;
    // Why not the frame interval alone: Chromium pipelines WebGL work and can schedule the next frame
    // before the GPU (software, in the bench) has finished the last, so a heavy scene may show short
    // frame intervals. Reading one pixel back makes each draw wait for the GPU to complete it.
    const pixel = new Uint8Array(4);
    probe.drawCost = (frames) => {
      const ctx = gl.getContext();
      const times: number[] = [];
      // A playing video uploads a new frame into its texture on most frames. In this synchronous loop
      // the video cannot advance, so each draw re-uploads its current frame instead: the cost of a
      // playing screen is then counted (at worst, a new frame every draw), not hidden.
      const videos = playingVideoTextures(scene);
      for (let i = 0; i < frames; i++) {
        for (const v of videos) v.needsUpdate = true;
        const t = performance.now();
        gl.render(scene, camera);
        ctx.readPixels(0, 0, 1, 1, ctx.RGBA, ctx.UNSIGNED_BYTE, pixel);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      return times[Math.floor(times.length / 2)] ?? 0;
    };
    return () => {
      delete probe.drawCost;
    };
  }, [gl, scene, camera]);

  useFrame(() => {
    const now = performance.now();
    const s = state.current;
    if (s.last) frameTimes[s.n++ % frameTimes.length] = now - s.last;
    s.last = now;
    if (now - s.lastReport > 1000 && window.__ludao) {
      s.lastReport = now;
      const n = Math.min(s.n, frameTimes.length);
      const sorted = Array.from(frameTimes.subarray(0, n)).sort((a, b) => a - b);
      window.__ludao.render = {
        calls: gl.info.render.calls,
        triangles: gl.info.render.triangles,
        geometries: gl.info.memory.geometries,
        textures: gl.info.memory.textures,
        frameMs: n ? sorted[Math.floor(n / 2)] : 0,
      };
    }
    // useFrame runs before the render: reading then resetting here makes the figures describe
    // exactly the previous frame. (No priority argument: a positive one would take over rendering.)
    gl.info.reset();
  });
  return null;
}

/** The scene's video textures whose video is playing (the stage screen during a premiere or live). */
function playingVideoTextures(scene: { traverse(f: (o: unknown) => void): void }): Texture[] {
  const found = new Set<Texture>();
  scene.traverse((o) => {
    const mesh = o as Partial<Mesh>;
    if (!mesh.isMesh || !mesh.material) return;
    for (const m of ([] as Material[]).concat(mesh.material)) {
      const map = (m as Material & { map?: Texture | null }).map;
      if (map instanceof VideoTexture && !(map.image as HTMLVideoElement).paused) found.add(map);
    }
  });
  return [...found];
}
