/**
 * Dressed booths of the hall's exhibitors. Draw calls stay flat however many booths there are:
 * every booth's structure is one merged vertex-coloured mesh, every sign and screen is one quad
 * mesh on a shared atlas texture; product models and a video screen appear only near the visitor.
 */
import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as THREE from 'three';
import { getLayout, type HallId } from '../../../../shared/halls';
import { useStore } from '../../store';
import { walkTo } from '../../controls/walkTo';
import { takeTap } from '../../controls/useCanvasGestures';
import { GeoBuilder, vertexColorMaterial } from '../landmarks/common/GeoBuilder';
import { AtlasCell, BoothAtlas } from './atlas';
import { boothDims, drawBooth, frontPoint, type BoothShape } from './boothShapes';
import { placeBooths, structureKey, type PlacedBooth } from './placement';
import { DutyBadges } from './DutyBadges';
import { ProductModels } from './ProductModels';
import { VideoScreen } from './VideoScreen';
import { exposeBoothProbe } from './probe';
import { registerDesks, type Desk } from '../proximity/desks';

export interface BuiltBooth extends PlacedBooth {
  shape: BoothShape;
  matrix: THREE.Matrix4;
}

const v = new THREE.Vector3();

function buildStructure(placed: PlacedBooth[]): { geometry: THREE.BufferGeometry; built: BuiltBooth[] } {
  const b = new GeoBuilder();
  const built: BuiltBooth[] = [];
  for (const p of placed) {
    let shape!: BoothShape;
    b.at({ x: p.x, y: p.y, z: p.z, ry: p.ry }, () => {
      shape = drawBooth(b, p.booth.template, p.size, p.booth.colors.primary, p.booth.colors.accent);
    });
    const matrix = new THREE.Matrix4().compose(
      new THREE.Vector3(p.x, p.y, p.z),
      new THREE.Quaternion().setFromAxisAngle(new THREE.Vector3(0, 1, 0), p.ry),
      new THREE.Vector3(1, 1, 1),
    );
    built.push({ ...p, shape, matrix });
  }
  return { geometry: b.build(), built };
}

function buildQuads(built: BuiltBooth[], atlas: BoothAtlas): THREE.BufferGeometry {
  const pos: number[] = [];
  const uv: number[] = [];
  const idx: number[] = [];
  for (const bb of built) {
    for (const q of bb.shape.quads) {
      const cell = q.kind === 'sign' ? AtlasCell.sign(bb.slotIndex) : AtlasCell.screen(bb.slotIndex);
      const c = atlas.uv(cell);
      const base = pos.length / 3;
      const hw = (q.w / 2) * q.facing;
      const hh = q.h / 2;
      // left-bottom, right-bottom, right-top, left-top as seen from the facing side
      const corners: [number, number, number, number][] = [
        [-hw, -hh, c.u0, c.v0],
        [hw, -hh, c.u1, c.v0],
        [hw, hh, c.u1, c.v1],
        [-hw, hh, c.u0, c.v1],
      ];
      for (const [dx, dy, u, vv] of corners) {
        v.set(q.x + dx, q.y + dy, q.z).applyMatrix4(bb.matrix);
        pos.push(v.x, v.y, v.z);
        uv.push(u, vv);
      }
      idx.push(base, base + 1, base + 2, base, base + 2, base + 3);
    }
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3));
  g.setAttribute('uv', new THREE.Float32BufferAttribute(uv, 2));
  g.setIndex(idx);
  g.computeBoundingSphere();
  return g;
}

/** `?booths=0` leaves booths out: the bench's baseline for what booths cost. */
const disabled = typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('booths') === '0';

export function Booths({ hallId }: { hallId: HallId }) {
  return disabled ? null : <HallBooths hallId={hallId} />;
}

function HallBooths({ hallId }: { hallId: HallId }) {
  const layout = getLayout(hallId);
  const booths = useStore((s) => s.booths);
  const { i18n } = useTranslation();
  const lang = i18n.language;

  const placed = useMemo(() => placeBooths(layout, booths), [layout, booths]);
  const key = structureKey(placed);
  // The merged geometry is rebuilt only when the structure (slots, templates, sizes) changes, which
  // `key` sums up; a booth's new title or colour must not rebuild every stand in the hall.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const { geometry, built } = useMemo(() => buildStructure(placed), [key]);
  // Positions and shapes come from `built`; the freshest booth data from `placed`.
  const current = useMemo(() => {
    const byId = new Map(placed.map((p) => [p.booth.id, p.booth]));
    return built.map((b) => ({ ...b, booth: byId.get(b.booth.id) ?? b.booth }));
  }, [built, placed]);

  const material = useMemo(() => vertexColorMaterial({ flatShading: false, roughness: 0.75 }), []);
  const atlas = useMemo(() => new BoothAtlas(layout.boothSlots.length), [layout]);
  const quadMaterial = useMemo(() => new THREE.MeshBasicMaterial({ map: atlas.texture, toneMapped: false }), [atlas]);
  const quads = useMemo(() => buildQuads(built, atlas), [built, atlas]);

  useEffect(() => () => geometry.dispose(), [geometry]);
  useEffect(() => () => quads.dispose(), [quads]);
  useEffect(
    () => () => {
      material.dispose();
    },
    [material],
  );
  useEffect(
    () => () => {
      quadMaterial.dispose();
      atlas.texture.dispose();
    },
    [atlas, quadMaterial],
  );

  // Redraw signs and screens of booths that changed (the atlas skips the unchanged ones).
  useEffect(() => {
    const used = new Set(placed.map((p) => p.slotIndex));
    for (let i = 0; i < layout.boothSlots.length; i++) if (!used.has(i)) atlas.clear(i);
    for (const p of placed) void atlas.draw(p.slotIndex, p.booth, lang);
    for (const id of [...atlas.signs.keys()]) if (!booths[id]) atlas.signs.delete(id);
  }, [placed, lang, atlas, layout, booths]);

  const group = useRef<THREE.Group>(null);
  useEffect(
    () =>
      exposeBoothProbe(
        atlas,
        () => Object.keys(useStore.getState().booths).length,
        () => group.current,
      ),
    [atlas],
  );

  const open = useStore((s) => s.openBoothPanel);
  const onPick = (b: BuiltBooth) => (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    if (e.button !== 0 || !takeTap(e.pointerId)) return;
    open(b.booth.id, 'click');
    walkTo(layout, frontPoint(b.x, b.z, b.ry, b.size));
  };

  return (
    <group name="booths" ref={group}>
      <mesh name="booth-structures" geometry={geometry} material={material} castShadow receiveShadow />
      <mesh name="booth-signs" geometry={quads} material={quadMaterial} />
      {current.map((b) => {
        const { W, D } = boothDims(b.size);
        return (
          <mesh key={b.booth.id} name={`booth-hit-${b.booth.id}`} position={[b.x, b.y + b.shape.height / 2, b.z]} rotation-y={b.ry} onPointerUp={onPick(b)}>
            <boxGeometry args={[W, b.shape.height, D]} />
            {/* invisible but pickable: material.visible=false skips the draw, not the raycast */}
            <meshBasicMaterial visible={false} />
          </mesh>
        );
      })}
      <ProductModels booths={current} />
      <DutyBadges booths={current} />
      <VideoScreen booths={current} />
      <BoothProximity booths={current} />
    </group>
  );
}

/**
 * Each booth is a desk for the shared proximity tracker (scene/proximity/): its footprint and the
 * spot in front of it. Walking up opens its panel; walking away closes it if it opened that way.
 */
function BoothProximity({ booths }: { booths: BuiltBooth[] }) {
  useEffect(() => {
    const desks: Desk[] = [];
    for (const b of booths) {
      const f = frontPoint(b.x, b.z, b.ry, b.size);
      desks.push({ kind: 'booth', id: b.booth.id, x: f.x, z: f.z, radius: 2.2, leave: 1 });
      desks.push({ kind: 'booth', id: b.booth.id, x: b.x, z: b.z, radius: Math.max(b.shape.halfW, b.shape.halfD) + 0.5, leave: 1 });
    }
    return registerDesks('booths', desks);
  }, [booths]);
  return null;
}
