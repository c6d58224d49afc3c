/**
 * Writes one skinned, morphing, animated mesh as a GLB (binary glTF 2.0). server/seed/glb.ts writes
 * rigid demo products; a guide also needs a skin, morph targets and clips, and must stay small
 * enough to commit, so:
 * - colours, joints and weights are bytes (COLOR_0 and WEIGHTS_0 normalised), indices 16-bit;
 * - morph targets are sparse accessors: only the face moves, so only the face's vertices are stored;
 * - every clip's channels share one time accessor.
 * The output depends only on the input, so the unit test can compare committed files byte for byte.
 */
import { glbContainer } from '../../server/seed/glb';
import type { Influence } from './meshBuilder';
import type { Quat, Vec3 } from './math';

export interface SkinJoint {
  name: string;
  parent: number;
  bind: Vec3;
  rest: Quat;
}

export interface Channel {
  joint: number;
  path: 'rotation' | 'translation';
  /** one quaternion (x, y, z, w) or vector per key time, flattened */
  values: number[];
}

export interface Clip {
  name: string;
  times: number[];
  channels: Channel[];
}

export interface SkinnedModel {
  /** the scene root's name and the extras the app reads (name_zh, name_en, landmark ...) */
  name: string;
  extras: Record<string, unknown>;
  meshName: string;
  positions: number[];
  normals: number[];
  /** linear RGB, 0..1 */
  colors: number[];
  influences: Influence[][];
  indices: number[];
  morphs: { name: string; deltas: Map<number, Vec3> }[];
  joints: SkinJoint[];
  clips: Clip[];
  roughness: number;
}

const FLOAT = 5126;
const UBYTE = 5121;
const USHORT = 5123;
const ARRAY_BUFFER = 34962;
const ELEMENT_ARRAY_BUFFER = 34963;

const pad4 = (n: number) => (n + 3) & ~3;

function minMax(values: ArrayLike<number>, width: number): { min: number[]; max: number[] } {
  const min = new Array<number>(width).fill(Infinity);
  const max = new Array<number>(width).fill(-Infinity);
  for (let i = 0; i < values.length; i++) {
    const k = i % width;
    if (values[i] < min[k]) min[k] = values[i];
    if (values[i] > max[k]) max[k] = values[i];
  }
  return { min, max };
}

/** The four strongest influences as bytes whose weights add up to exactly 255. */
function quantiseSkin(list: Influence[]): { joints: number[]; weights: number[] } {
  const top = [...list]
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, 4);
  const total = top.reduce((s, [, w]) => s + w, 0);
  const joints = [0, 0, 0, 0];
  const weights = [0, 0, 0, 0];
  top.forEach(([j, w], k) => {
    joints[k] = j;
    weights[k] = Math.round((w / total) * 255);
  });
  weights[0] += 255 - weights.reduce((s, w) => s + w, 0);
  // A slot rounded to nothing names joint 0 with weight 0, as unused slots do.
  for (let k = 1; k < 4; k++) if (weights[k] === 0) joints[k] = 0;
  return { joints, weights };
}

export function writeSkinnedGlb(m: SkinnedModel, generator: string): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const bufferViews: object[] = [];
  const accessors: object[] = [];

  const view = (data: Buffer, target?: number): number => {
    const aligned = pad4(data.length);
    bufferViews.push({ buffer: 0, byteOffset: offset, byteLength: data.length, ...(target ? { target } : {}) });
    chunks.push(aligned === data.length ? data : Buffer.concat([data, Buffer.alloc(aligned - data.length)]));
    offset += aligned;
    return bufferViews.length - 1;
  };
  const accessor = (a: object): number => {
    accessors.push(a);
    return accessors.length - 1;
  };
  const f32 = (v: ArrayLike<number>) => new Float32Array(v as ArrayLike<number>);
  const bytes = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

  const vcount = m.positions.length / 3;
  if (vcount > 65535) throw new Error(`${m.name}: ${vcount} vertices do not fit 16-bit indices`);

  const pos = f32(m.positions);
  const posAcc = accessor({ bufferView: view(bytes(pos), ARRAY_BUFFER), componentType: FLOAT, count: vcount, type: 'VEC3', ...minMax(pos, 3) });
  // Normalised in float32 itself, so the validator finds them unit length.
  const nrm = new Float32Array(vcount * 3);
  for (let i = 0; i < vcount * 3; i += 3) {
    const l = Math.hypot(m.normals[i], m.normals[i + 1], m.normals[i + 2]) || 1;
    nrm[i] = m.normals[i] / l;
    nrm[i + 1] = m.normals[i + 1] / l;
    nrm[i + 2] = m.normals[i + 2] / l;
  }
  const nrmAcc = accessor({ bufferView: view(bytes(nrm), ARRAY_BUFFER), componentType: FLOAT, count: vcount, type: 'VEC3' });
  const col = new Uint8Array(vcount * 4);
  for (let i = 0; i < vcount; i++) {
    for (let k = 0; k < 3; k++) col[i * 4 + k] = Math.round(Math.min(1, Math.max(0, m.colors[i * 3 + k])) * 255);
    col[i * 4 + 3] = 255;
  }
  const colAcc = accessor({ bufferView: view(bytes(col), ARRAY_BUFFER), componentType: UBYTE, normalized: true, count: vcount, type: 'VEC4' });
  const jnt = new Uint8Array(vcount * 4);
  const wgt = new Uint8Array(vcount * 4);
  m.influences.forEach((list, i) => {
    const q = quantiseSkin(list);
    jnt.set(q.joints, i * 4);
    wgt.set(q.weights, i * 4);
  });
  const jntAcc = accessor({ bufferView: view(bytes(jnt), ARRAY_BUFFER), componentType: UBYTE, count: vcount, type: 'VEC4' });
  const wgtAcc = accessor({ bufferView: view(bytes(wgt), ARRAY_BUFFER), componentType: UBYTE, normalized: true, count: vcount, type: 'VEC4' });
  const idxAcc = accessor({
    bufferView: view(bytes(new Uint16Array(m.indices)), ELEMENT_ARRAY_BUFFER),
    componentType: USHORT,
    count: m.indices.length,
    type: 'SCALAR',
  });

  // Sparse morph targets: the zeros are implied, only the moved vertices are written.
  const targets = m.morphs.map(({ deltas }) => {
    const ids = [...deltas.keys()].sort((a, b) => a - b);
    const values = new Float32Array(ids.length * 3);
    ids.forEach((id, k) => values.set(deltas.get(id)!, k * 3));
    const mm = minMax(values, 3);
    // The implied zeros count toward the bounds too.
    if (ids.length < vcount) {
      for (let k = 0; k < 3; k++) {
        mm.min[k] = Math.min(mm.min[k], 0);
        mm.max[k] = Math.max(mm.max[k], 0);
      }
    }
    return {
      POSITION: accessor({
        componentType: FLOAT,
        count: vcount,
        type: 'VEC3',
        ...mm,
        sparse: {
          count: ids.length,
          indices: { bufferView: view(bytes(new Uint16Array(ids))), componentType: USHORT },
          values: { bufferView: view(bytes(values)) },
        },
      }),
    };
  });

  // Inverse bind matrices: the bind pose has no rotations, so each is a translation (column-major).
  const ibm = new Float32Array(m.joints.length * 16);
  m.joints.forEach((j, i) => {
    ibm.set([1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, -j.bind[0], -j.bind[1], -j.bind[2], 1], i * 16);
  });
  const ibmAcc = accessor({ bufferView: view(bytes(ibm)), componentType: FLOAT, count: m.joints.length, type: 'MAT4' });

  // Node 0 is the guide's root; joints follow in order (node i + 1 is joint i); the mesh comes last,
  // as a root of its own (a skinned mesh ignores its parents, and the validator says so).
  const jointNode = (i: number) => i + 1;
  const nodes: object[] = [
    {
      name: m.name,
      children: m.joints.flatMap((j, i) => (j.parent < 0 ? [jointNode(i)] : [])),
      extras: m.extras,
    },
  ];
  m.joints.forEach((j, i) => {
    const parentBind: Vec3 = j.parent < 0 ? [0, 0, 0] : m.joints[j.parent].bind;
    const children = m.joints.flatMap((c, k) => (c.parent === i ? [jointNode(k)] : []));
    const node: Record<string, unknown> = {
      name: j.name,
      translation: [j.bind[0] - parentBind[0], j.bind[1] - parentBind[1], j.bind[2] - parentBind[2]],
    };
    if (j.rest[3] !== 1) node.rotation = j.rest;
    if (children.length) node.children = children;
    nodes.push(node);
  });
  const meshNode = nodes.length;
  nodes.push({ name: m.meshName, mesh: 0, skin: 0 });

  const animations = m.clips.map((clip) => {
    const times = f32(clip.times);
    const input = accessor({ bufferView: view(bytes(times)), componentType: FLOAT, count: times.length, type: 'SCALAR', ...minMax(times, 1) });
    const samplers: object[] = [];
    const channels: object[] = [];
    for (const ch of clip.channels) {
      const width = ch.path === 'rotation' ? 4 : 3;
      if (ch.values.length !== times.length * width) throw new Error(`${clip.name}: ${m.joints[ch.joint].name} has the wrong number of keys`);
      const out = f32(ch.values);
      const output = accessor({ bufferView: view(bytes(out)), componentType: FLOAT, count: times.length, type: width === 4 ? 'VEC4' : 'VEC3' });
      samplers.push({ input, output, interpolation: 'LINEAR' });
      channels.push({ sampler: samplers.length - 1, target: { node: jointNode(ch.joint), path: ch.path } });
    }
    return { name: clip.name, samplers, channels };
  });

  const bin = Buffer.concat(chunks);
  const gltf = {
    asset: { version: '2.0', generator },
    scene: 0,
    scenes: [{ name: m.name, nodes: [0, meshNode], extras: m.extras }],
    nodes,
    meshes: [
      {
        name: m.meshName,
        primitives: [
          {
            attributes: { POSITION: posAcc, NORMAL: nrmAcc, COLOR_0: colAcc, JOINTS_0: jntAcc, WEIGHTS_0: wgtAcc },
            indices: idxAcc,
            material: 0,
            targets,
          },
        ],
        weights: m.morphs.map(() => 0),
        // three.js and Blender read the morph names from here.
        extras: { targetNames: m.morphs.map((t) => t.name) },
      },
    ],
    materials: [
      {
        name: `${m.meshName}-vertex-colour`,
        pbrMetallicRoughness: { baseColorFactor: [1, 1, 1, 1], metallicFactor: 0, roughnessFactor: m.roughness },
        // Skirts, sleeves and hat brims are open shells: their insides show.
        doubleSided: true,
      },
    ],
    skins: [{ name: `${m.name}-skin`, inverseBindMatrices: ibmAcc, joints: m.joints.map((_, i) => jointNode(i)), skeleton: jointNode(0) }],
    animations,
    accessors,
    bufferViews,
    buffers: [{ byteLength: bin.length }],
  };
  return glbContainer(gltf, bin);
}
