/** Demo product models built from primitives; each stands on y = 0 and fits in about 0.8 m. */
import { axisAngle, box, cylinder, sphere, writeGlb, type Part } from './glb';

type RGB = [number, number, number];

function rgb(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  // glTF colours are linear: convert from sRGB.
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((c) => Math.pow(c / 255, 2.2)) as RGB;
}

export type ModelKind = 'drone' | 'robot' | 'headset' | 'battery' | 'speaker';

export function productModel(kind: ModelKind, primary: string, accent: string): Buffer {
  const P = rgb(primary);
  const A = rgb(accent);
  const dark: RGB = [0.03, 0.03, 0.035];
  const light: RGB = [0.8, 0.8, 0.82];
  const parts: Part[] = [];
  switch (kind) {
    case 'drone': {
      parts.push({ name: 'body', geometry: box(0.34, 0.1, 0.34), color: P, translation: [0, 0.32, 0], metallic: 0.3, roughness: 0.4 });
      parts.push({ name: 'camera', geometry: sphere(0.06, 16, 10), color: dark, translation: [0, 0.24, 0.12], metallic: 0.6, roughness: 0.2 });
      const arms: [number, number][] = [
        [0.28, 0.28],
        [-0.28, 0.28],
        [0.28, -0.28],
        [-0.28, -0.28],
      ];
      arms.forEach(([x, z], i) => {
        const ang = Math.atan2(x, z);
        parts.push({ name: `arm${i}`, geometry: box(0.04, 0.03, 0.4), color: dark, translation: [x / 2, 0.33, z / 2], rotation: axisAngle(0, 1, 0, ang) });
        parts.push({ name: `motor${i}`, geometry: cylinder(0.035, 0.035, 0.06, 16), color: A, translation: [x, 0.37, z], metallic: 0.5 });
        parts.push({ name: `rotor${i}`, geometry: cylinder(0.15, 0.15, 0.006, 24), color: light, translation: [x, 0.41, z], roughness: 0.3 });
      });
      parts.push({ name: 'legL', geometry: box(0.02, 0.26, 0.02), color: dark, translation: [0.1, 0.14, 0] });
      parts.push({ name: 'legR', geometry: box(0.02, 0.26, 0.02), color: dark, translation: [-0.1, 0.14, 0] });
      parts.push({ name: 'skidL', geometry: box(0.03, 0.02, 0.3), color: dark, translation: [0.1, 0.01, 0] });
      parts.push({ name: 'skidR', geometry: box(0.03, 0.02, 0.3), color: dark, translation: [-0.1, 0.01, 0] });
      break;
    }
    case 'robot': {
      parts.push({ name: 'base', geometry: cylinder(0.18, 0.22, 0.1, 24), color: dark, translation: [0, 0.05, 0], metallic: 0.4 });
      parts.push({ name: 'turret', geometry: cylinder(0.12, 0.14, 0.12, 24), color: P, translation: [0, 0.16, 0], metallic: 0.3 });
      parts.push({ name: 'shoulder', geometry: sphere(0.09, 16, 12), color: A, translation: [0, 0.26, 0], metallic: 0.5 });
      parts.push({ name: 'upper', geometry: box(0.09, 0.36, 0.09), color: P, translation: [0.07, 0.42, 0], rotation: axisAngle(0, 0, 1, -0.4), metallic: 0.3 });
      parts.push({ name: 'elbow', geometry: sphere(0.07, 16, 12), color: A, translation: [0.15, 0.58, 0], metallic: 0.5 });
      parts.push({ name: 'fore', geometry: box(0.07, 0.3, 0.07), color: P, translation: [0.28, 0.64, 0], rotation: axisAngle(0, 0, 1, -1.2), metallic: 0.3 });
      parts.push({ name: 'wrist', geometry: cylinder(0.04, 0.04, 0.08, 16), color: dark, translation: [0.42, 0.69, 0], rotation: axisAngle(0, 0, 1, -1.2) });
      parts.push({ name: 'gripA', geometry: box(0.02, 0.08, 0.02), color: light, translation: [0.47, 0.66, 0.03] });
      parts.push({ name: 'gripB', geometry: box(0.02, 0.08, 0.02), color: light, translation: [0.47, 0.66, -0.03] });
      break;
    }
    case 'headset': {
      parts.push({ name: 'visor', geometry: box(0.5, 0.24, 0.22), color: P, translation: [0, 0.38, 0.05], metallic: 0.2, roughness: 0.3 });
      parts.push({ name: 'glass', geometry: box(0.46, 0.2, 0.02), color: dark, translation: [0, 0.38, 0.17], metallic: 0.8, roughness: 0.1 });
      parts.push({ name: 'strap', geometry: cylinder(0.24, 0.24, 0.05, 32), color: A, translation: [0, 0.38, -0.12], scale: [1, 1, 0.8] });
      parts.push({ name: 'stand', geometry: cylinder(0.03, 0.03, 0.26, 16), color: light, translation: [0, 0.13, -0.05] });
      parts.push({ name: 'foot', geometry: cylinder(0.14, 0.16, 0.03, 24), color: dark, translation: [0, 0.015, -0.05] });
      break;
    }
    case 'battery': {
      parts.push({ name: 'cabinet', geometry: box(0.46, 0.72, 0.34), color: light, translation: [0, 0.36, 0], metallic: 0.3, roughness: 0.5 });
      for (let i = 0; i < 4; i++) parts.push({ name: `module${i}`, geometry: box(0.4, 0.13, 0.02), color: P, translation: [0, 0.12 + i * 0.16, 0.175] });
      parts.push({ name: 'gauge', geometry: box(0.1, 0.05, 0.02), color: A, translation: [0.12, 0.68, 0.18] });
      break;
    }
    case 'speaker': {
      parts.push({ name: 'body', geometry: cylinder(0.13, 0.15, 0.42, 32), color: P, translation: [0, 0.21, 0], roughness: 0.8 });
      parts.push({ name: 'top', geometry: cylinder(0.125, 0.13, 0.02, 32), color: dark, translation: [0, 0.43, 0] });
      parts.push({ name: 'ring', geometry: cylinder(0.1, 0.1, 0.008, 32), color: A, translation: [0, 0.444, 0], metallic: 0.6 });
      break;
    }
  }
  return writeGlb(parts);
}
