/**
 * The digital-human guides (issue #12): each committed GLB passes the Khronos glTF validator, keeps
 * to the budget (20k triangles, 2 draw calls), has the skin, joints, morph targets and clips the app
 * drives by name, and is exactly what assets/guide/generate.ts writes, so a look is changed in the
 * scripts and never by hand in the binary.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as gltfValidator from 'gltf-validator';
import { describe, expect, it } from 'vitest';
import { clips } from '../../assets/guide/clips';
import { GUIDES, guideFiles, REGENERATE } from '../../assets/guide/guideFiles';

const dir = path.join(import.meta.dirname, '../../assets/guide');

const MAX_TRIANGLES = 20_000;
const MAX_PRIMITIVES = 2;
/** Small enough to commit and to fetch on a phone; the generator's files are about 270-300 KB. */
const MAX_BYTES = 320 * 1024;
const MORPHS = ['blink', 'browRaise', 'aa', 'ih', 'ou', 'ee', 'oh'];
const CLIPS = ['idle', 'walk', 'talk', 'point', 'wave'];
const LOOPING = ['idle', 'walk', 'talk', 'wave'];
const JOINTS = [
  'hips',
  'spine',
  'chest',
  'neck',
  'head',
  'leftEye',
  'rightEye',
  'leftUpperArm',
  'leftLowerArm',
  'leftHand',
  'rightUpperArm',
  'rightLowerArm',
  'rightHand',
  'leftUpperLeg',
  'leftLowerLeg',
  'leftFoot',
  'rightUpperLeg',
  'rightLowerLeg',
  'rightFoot',
];

interface Gltf {
  nodes: { name?: string; mesh?: number; skin?: number; extras?: Record<string, unknown> }[];
  scenes: { nodes: number[] }[];
  meshes: { primitives: { indices?: number; targets?: unknown[] }[]; extras?: { targetNames?: string[] } }[];
  accessors: { count: number }[];
  skins?: { joints: number[] }[];
  animations?: { name?: string }[];
}

/** The JSON chunk of a GLB. */
function gltfJson(glb: Buffer): Gltf {
  expect(glb.readUInt32LE(0)).toBe(0x46546c67);
  const length = glb.readUInt32LE(12);
  expect(glb.readUInt32LE(16)).toBe(0x4e4f534a);
  return JSON.parse(glb.toString('utf8', 20, 20 + length)) as Gltf;
}

/** The first byte where two buffers part, for a message a person can act on. */
function firstDifference(a: Buffer, b: Buffer): string {
  if (a.length !== b.length) return `committed ${a.length} bytes, generated ${b.length} bytes`;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return `first difference at byte ${i}`;
  return 'no difference';
}

/** Every guide model in the folder: ours, or a designer's that replaced one (see assets/guide/README.md). */
const onDisk = readdirSync(dir)
  .filter((f) => f.endsWith('-guide.glb'))
  .sort();

describe('guide models', () => {
  const files = guideFiles();

  it('has one guide per landmark hall, each written where the generator writes it', () => {
    expect(onDisk).toEqual(['gulangyu-guide.glb', 'shapowei-guide.glb']);
    expect(files.map((f) => f.landmark).sort()).toEqual(['gulangyu', 'shapowei']);
  });

  describe.each(onDisk)('%s', (name) => {
    const committed = readFileSync(path.join(dir, name));
    const gltf = gltfJson(committed);
    // A guide no longer in GUIDES is a designer's model: it gets every check but the drift check.
    const f = files.find((g) => g.name === name);

    it.runIf(f)('is what the generator writes', () => {
      expect(
        committed.equals(f!.bytes),
        `assets/guide/${name} has drifted from its script; run \`${REGENERATE}\`.\n${firstDifference(committed, f!.bytes)}`,
      ).toBe(true);
    });

    it('passes the glTF validator', async () => {
      const report = await gltfValidator.validateBytes(new Uint8Array(committed.buffer, committed.byteOffset, committed.byteLength), {
        format: 'glb',
        maxIssues: 20,
        writeTimestamp: false,
        externalResourceFunction: () => Promise.reject(new Error('a guide is self-contained')),
      });
      const errors = report.issues.messages.filter((m) => m.severity === 0).map((m) => `${m.code} at ${m.pointer}`);
      expect(errors).toEqual([]);
      expect(report.issues.numWarnings).toBe(0);
    });

    it('keeps to the budget: triangles, draw calls, bytes', () => {
      const primitives = gltf.meshes.flatMap((m) => m.primitives);
      const triangles = primitives.reduce((s, p) => s + gltf.accessors[p.indices!].count / 3, 0);
      expect(triangles).toBeLessThanOrEqual(MAX_TRIANGLES);
      if (f) expect(triangles).toBe(f.triangles);
      expect(primitives.length).toBeLessThanOrEqual(MAX_PRIMITIVES);
      expect(committed.length).toBeLessThanOrEqual(MAX_BYTES);
    });

    it('is a skinned mesh with the humanoid joints the app turns', () => {
      const meshNodes = gltf.nodes.filter((n) => n.mesh !== undefined);
      expect(meshNodes.length).toBeGreaterThan(0);
      for (const n of meshNodes) expect(n.skin).toBeDefined();
      const jointNames = gltf.skins![0].joints.map((j) => gltf.nodes[j].name);
      expect(jointNames).toEqual(expect.arrayContaining(JOINTS));
    });

    it('has the face morph targets, by name', () => {
      const mesh = gltf.meshes[0];
      expect(mesh.extras?.targetNames).toEqual(MORPHS);
      expect(mesh.primitives[0].targets).toHaveLength(MORPHS.length);
    });

    it('has the five clips', () => {
      expect(gltf.animations?.map((a) => a.name).sort()).toEqual([...CLIPS].sort());
    });

    it('names the guide in Chinese and English on its root', () => {
      const root = gltf.nodes[gltf.scenes[0].nodes[0]];
      expect(root.extras).toMatchObject({ landmark: name.replace('-guide.glb', ''), name_zh: expect.any(String), name_en: expect.any(String) });
    });
  });

  it.each(GUIDES.map((g) => [g.rootName, g] as const))('%s: looping clips end where they begin', (_name, g) => {
    for (const clip of clips(g.body).filter((c) => LOOPING.includes(c.name))) {
      for (const ch of clip.channels) {
        const w = ch.path === 'rotation' ? 4 : 3;
        const first = ch.values.slice(0, w);
        const last = ch.values.slice(-w);
        first.forEach((v, k) => expect(Math.abs(v - last[k]), `${clip.name} joint ${ch.joint}`).toBeLessThan(1e-6));
      }
    }
  });
});
