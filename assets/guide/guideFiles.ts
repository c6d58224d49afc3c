/**
 * The bytes of every guide's GLB, made in memory: generate.ts writes them, and
 * tests/unit/guideModel.test.ts compares them with the committed files, so a look changed in a
 * script cannot drift from the file the app serves.
 */
import { CLIP_NAMES, clips } from './clips';
import { eyeLookRange, MORPH_NAMES } from './face';
import { gulangyuGuide } from './gulangyu.guide';
import { MeshBuilder } from './meshBuilder';
import { shapoweiGuide } from './shapowei.guide';
import { skeleton } from './skeleton';
import { writeSkinnedGlb } from './skinnedGlb';
import type { GuideSpec } from './guideSpec';

export const GUIDES: GuideSpec[] = [gulangyuGuide, shapoweiGuide];

/** How to bring the committed files back in line with the scripts. */
export const REGENERATE = 'npx tsx assets/guide/generate.ts';

export interface GuideFile {
  /** file name inside assets/guide */
  name: string;
  landmark: string;
  bytes: Buffer;
  vertices: number;
  triangles: number;
}

export function guideFile(spec: GuideSpec): GuideFile {
  const b = new MeshBuilder();
  spec.build(b);
  b.compact();
  const morphs = MORPH_NAMES.map((name) => {
    const deltas = b.morphs.get(name);
    if (!deltas?.size) throw new Error(`${spec.rootName}: morph ${name} moves nothing`);
    return { name, deltas };
  });
  const look = eyeLookRange(spec.face);
  const bytes = writeSkinnedGlb(
    {
      name: spec.rootName,
      // The names the app looks for are listed in the file too, for a designer's exporter to copy.
      extras: { ...spec.extras, morphs: [...MORPH_NAMES], clips: [...CLIP_NAMES], eye_yaw_max: look.yaw, eye_pitch_max: look.pitch },
      meshName: `${spec.rootName}_Body`,
      positions: b.positions,
      normals: b.normals,
      colors: b.colors,
      influences: b.influences,
      indices: b.indices,
      morphs,
      joints: skeleton(spec.body),
      clips: clips(spec.body),
      roughness: 0.78,
    },
    'Ludao guide generator (assets/guide/generate.ts)',
  );
  return { name: spec.file, landmark: spec.extras.landmark, bytes, vertices: b.vertexCount, triangles: b.indices.length / 3 };
}

export function guideFiles(): GuideFile[] {
  return GUIDES.map(guideFile);
}
