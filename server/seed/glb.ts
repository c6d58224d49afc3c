/**
 * A small GLB (binary glTF 2.0) writer and a few primitive shapes, enough to build demo product
 * models from code. Each part is one mesh with a PBR colour; the file is self-contained.
 */

export interface Geometry {
  positions: number[];
  normals: number[];
  indices: number[];
}

export interface Part {
  name: string;
  geometry: Geometry;
  color: [number, number, number];
  metallic?: number;
  roughness?: number;
  translation?: [number, number, number];
  rotation?: [number, number, number, number];
  scale?: [number, number, number];
}

export function box(w: number, h: number, d: number): Geometry {
  const g: Geometry = { positions: [], normals: [], indices: [] };
  const x = w / 2;
  const y = h / 2;
  const z = d / 2;
  const faces: [number[], number[][]][] = [
    [
      [1, 0, 0],
      [
        [x, -y, z],
        [x, -y, -z],
        [x, y, -z],
        [x, y, z],
      ],
    ],
    [
      [-1, 0, 0],
      [
        [-x, -y, -z],
        [-x, -y, z],
        [-x, y, z],
        [-x, y, -z],
      ],
    ],
    [
      [0, 1, 0],
      [
        [-x, y, z],
        [x, y, z],
        [x, y, -z],
        [-x, y, -z],
      ],
    ],
    [
      [0, -1, 0],
      [
        [-x, -y, -z],
        [x, -y, -z],
        [x, -y, z],
        [-x, -y, z],
      ],
    ],
    [
      [0, 0, 1],
      [
        [-x, -y, z],
        [x, -y, z],
        [x, y, z],
        [-x, y, z],
      ],
    ],
    [
      [0, 0, -1],
      [
        [x, -y, -z],
        [-x, -y, -z],
        [-x, y, -z],
        [x, y, -z],
      ],
    ],
  ];
  for (const [n, corners] of faces) {
    const base = g.positions.length / 3;
    for (const c of corners) {
      g.positions.push(...c);
      g.normals.push(...n);
    }
    g.indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  return g;
}

/** A cylinder (or cone when rTop is 0) along Y, centred at the origin, with caps. */
export function cylinder(rTop: number, rBottom: number, h: number, segments = 24): Geometry {
  const g: Geometry = { positions: [], normals: [], indices: [] };
  const half = h / 2;
  const slope = (rBottom - rTop) / h;
  for (let i = 0; i <= segments; i++) {
    const a = (i / segments) * Math.PI * 2;
    const s = Math.sin(a);
    const c = Math.cos(a);
    const len = Math.hypot(1, slope);
    g.positions.push(rTop * s, half, rTop * c, rBottom * s, -half, rBottom * c);
    g.normals.push(s / len, slope / len, c / len, s / len, slope / len, c / len);
  }
  for (let i = 0; i < segments; i++) {
    const a = i * 2;
    g.indices.push(a, a + 1, a + 3, a, a + 3, a + 2);
  }
  for (const [y, r, ny] of [
    [half, rTop, 1],
    [-half, rBottom, -1],
  ] as const) {
    if (r <= 0) continue;
    const centre = g.positions.length / 3;
    g.positions.push(0, y, 0);
    g.normals.push(0, ny, 0);
    for (let i = 0; i <= segments; i++) {
      const a = (i / segments) * Math.PI * 2;
      g.positions.push(r * Math.sin(a), y, r * Math.cos(a));
      g.normals.push(0, ny, 0);
    }
    for (let i = 0; i < segments; i++) {
      if (ny > 0) g.indices.push(centre, centre + 1 + i, centre + 2 + i);
      else g.indices.push(centre, centre + 2 + i, centre + 1 + i);
    }
  }
  return g;
}

export function sphere(r: number, widthSegments = 24, heightSegments = 16): Geometry {
  const g: Geometry = { positions: [], normals: [], indices: [] };
  for (let y = 0; y <= heightSegments; y++) {
    const v = y / heightSegments;
    const phi = v * Math.PI;
    for (let x = 0; x <= widthSegments; x++) {
      const u = x / widthSegments;
      const theta = u * Math.PI * 2;
      const nx = Math.sin(phi) * Math.sin(theta);
      const ny = Math.cos(phi);
      const nz = Math.sin(phi) * Math.cos(theta);
      g.positions.push(r * nx, r * ny, r * nz);
      g.normals.push(nx, ny, nz);
    }
  }
  const row = widthSegments + 1;
  for (let y = 0; y < heightSegments; y++) {
    for (let x = 0; x < widthSegments; x++) {
      const a = y * row + x;
      const b = a + row;
      if (y !== 0) g.indices.push(a, b, a + 1);
      if (y !== heightSegments - 1) g.indices.push(a + 1, b, b + 1);
    }
  }
  return g;
}

/** Quaternion for a rotation of `angle` radians about the unit axis. */
export function axisAngle(ax: number, ay: number, az: number, angle: number): [number, number, number, number] {
  const s = Math.sin(angle / 2);
  return [ax * s, ay * s, az * s, Math.cos(angle / 2)];
}

function pad4(n: number): number {
  return (n + 3) & ~3;
}

/** Writes parts into one GLB. Positions and normals as float32, indices as uint16 or uint32. */
export function writeGlb(parts: Part[], generator = 'Ludao demo seed'): Buffer {
  const chunks: Buffer[] = [];
  let offset = 0;
  const bufferViews: object[] = [];
  const accessors: object[] = [];
  const meshes: object[] = [];
  const materials: object[] = [];
  const nodes: object[] = [];

  const addView = (data: Buffer, target: number): number => {
    const aligned = pad4(data.length);
    const padded = aligned === data.length ? data : Buffer.concat([data, Buffer.alloc(aligned - data.length)]);
    bufferViews.push({ buffer: 0, byteOffset: offset, byteLength: data.length, target });
    chunks.push(padded);
    offset += aligned;
    return bufferViews.length - 1;
  };

  for (const part of parts) {
    const { positions, normals, indices } = part.geometry;
    const vcount = positions.length / 3;
    const min = [Infinity, Infinity, Infinity];
    const max = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < positions.length; i++) {
      const k = i % 3;
      if (positions[i] < min[k]) min[k] = positions[i];
      if (positions[i] > max[k]) max[k] = positions[i];
    }
    const pos = Buffer.from(new Float32Array(positions).buffer);
    // Normals normalised exactly as float32, so the validator finds them unit length.
    const nrm = new Float32Array(normals.length);
    for (let i = 0; i < normals.length; i += 3) {
      const l = Math.hypot(normals[i], normals[i + 1], normals[i + 2]) || 1;
      nrm[i] = normals[i] / l;
      nrm[i + 1] = normals[i + 1] / l;
      nrm[i + 2] = normals[i + 2] / l;
    }
    const wide = vcount > 65535;
    const idx = Buffer.from((wide ? new Uint32Array(indices) : new Uint16Array(indices)).buffer);

    const pv = addView(pos, 34962);
    accessors.push({
      bufferView: pv,
      componentType: 5126,
      count: vcount,
      type: 'VEC3',
      min: min.map((v) => Math.fround(v)),
      max: max.map((v) => Math.fround(v)),
    });
    const posAcc = accessors.length - 1;
    const nv = addView(Buffer.from(nrm.buffer), 34962);
    accessors.push({ bufferView: nv, componentType: 5126, count: vcount, type: 'VEC3' });
    const nrmAcc = accessors.length - 1;
    const iv = addView(idx, 34963);
    accessors.push({ bufferView: iv, componentType: wide ? 5125 : 5123, count: indices.length, type: 'SCALAR' });
    const idxAcc = accessors.length - 1;

    materials.push({
      name: `${part.name}-material`,
      pbrMetallicRoughness: { baseColorFactor: [...part.color, 1], metallicFactor: part.metallic ?? 0.1, roughnessFactor: part.roughness ?? 0.6 },
    });
    meshes.push({ name: part.name, primitives: [{ attributes: { POSITION: posAcc, NORMAL: nrmAcc }, indices: idxAcc, material: materials.length - 1 }] });
    const node: Record<string, unknown> = { name: part.name, mesh: meshes.length - 1 };
    if (part.translation) node.translation = part.translation;
    if (part.rotation) node.rotation = part.rotation;
    if (part.scale) node.scale = part.scale;
    nodes.push(node);
  }

  const bin = Buffer.concat(chunks);
  const gltf = {
    asset: { version: '2.0', generator },
    scene: 0,
    scenes: [{ nodes: nodes.map((_, i) => i) }],
    nodes,
    meshes,
    materials,
    accessors,
    bufferViews,
    buffers: [{ byteLength: bin.length }],
  };
  return glbContainer(gltf, bin);
}

/** The binary glTF container: a 12-byte header, the JSON chunk (space-padded), the BIN chunk (already 4-byte aligned). */
export function glbContainer(gltf: object, bin: Buffer): Buffer {
  let json = Buffer.from(JSON.stringify(gltf), 'utf8');
  const jsonPad = pad4(json.length) - json.length;
  if (jsonPad) json = Buffer.concat([json, Buffer.alloc(jsonPad, 0x20)]);

  const header = Buffer.alloc(12);
  header.writeUInt32LE(0x46546c67, 0); // 'glTF'
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + json.length + 8 + bin.length, 8);
  const jsonHead = Buffer.alloc(8);
  jsonHead.writeUInt32LE(json.length, 0);
  jsonHead.writeUInt32LE(0x4e4f534a, 4); // 'JSON'
  const binHead = Buffer.alloc(8);
  binHead.writeUInt32LE(bin.length, 0);
  binHead.writeUInt32LE(0x004e4942, 4); // 'BIN\0'
  return Buffer.concat([header, jsonHead, json, binHead, bin]);
}
