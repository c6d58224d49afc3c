/**
 * Shapowei: the typhoon-shelter basin running inland from the sea (south, +z), the Art West
 * Zone's converted warehouses on the east quay, a qilou arcade street on the west side, and
 * the Yanwu Bridge low over the sea beyond. Axes: +x east, -z north.
 */
import { bi, rect, rng, type Lane, type P } from './plan-utils';

const PI = Math.PI;

export function shapowei() {
  const basin = { x0: -13, x1: 13, z0: -48, z1: 46 };
  // Land on three sides of the basin (one U-shaped polygon), quay promenade along the sea.
  const land: P[] = [
    [-95, -72], [85, -72], [85, 46], [basin.x1, 46], [basin.x1, basin.z0], [basin.x0, basin.z0], [basin.x0, 46], [-95, 46],
  ];
  // A footbridge across the basin, low over the boats.
  const footbridge = rect(basin.x0 - 1, -6, basin.x1 + 1, -1);
  // The road bridge over the basin mouth: the seafront square where the stage stands.
  const mouth = rect(basin.x0 - 1, 34, basin.x1 + 1, 46);

  const zones = [
    { id: 'artwest', name: bi('艺术西区', 'Art West Zone') },
    { id: 'qilou', name: bi('骑楼老街', 'Qilou Street') },
    { id: 'quay', name: bi('避风坞码头', 'Shelter Quay') },
    { id: 'seafront', name: bi('海滨广场', 'Seafront Square') },
  ];
  type Slot = { id: string; zone: string; x: number; z: number; ry: number; size: 's' | 'm' | 'l' };
  const slots: Slot[] = [];
  // Art West Zone: in front of the warehouse doors, facing the quay (west).
  [-52, -40, -28, -12, 0, 12, 24, 34].forEach((z, i) => slots.push({ id: `artwest-${i + 1}`, zone: 'artwest', x: 36, z, ry: -PI / 2, size: 'm' }));
  // Qilou street: stalls in front of the arcades, alternating sides (street x -57.5..-46.5).
  [-50, -26, -2, 22].forEach((z, i) => slots.push({ id: `qilou-e${i + 1}`, zone: 'qilou', x: -49, z, ry: -PI / 2, size: 's' }));
  [-38, -14, 10, 34].forEach((z, i) => slots.push({ id: `qilou-w${i + 1}`, zone: 'qilou', x: -55, z, ry: PI / 2, size: 's' }));
  // On the basin quays, facing the promenade, backs to the water.
  [-36, -20, 14, 28].forEach((z, i) => slots.push({ id: `quay-w${i + 1}`, zone: 'quay', x: -20, z, ry: -PI / 2, size: 's' }));
  [-36, 14].forEach((z, i) => slots.push({ id: `quay-e${i + 1}`, zone: 'quay', x: 20, z, ry: PI / 2, size: 's' }));
  // Seafront square by the stage.
  [-40, -28, 28, 44].forEach((x, i) => slots.push({ id: `seafront-${i + 1}`, zone: 'seafront', x, z: 36, ry: PI, size: 'm' }));

  type Collider = { type: 'circle'; x: number; z: number; r: number } | { type: 'box'; x: number; z: number; w: number; d: number; rot: number };
  const colliders: Collider[] = [];
  const scenery: { kind: string; x: number; z: number; ry: number; s: number }[] = [];
  const box = (x: number, z: number, w: number, d: number) => colliders.push({ type: 'box', x, z, w, d, rot: 0 });

  // Art West Zone warehouses (long sheds, doors facing west to the quay promenade).
  const warehouses = [
    { z: -46, len: 26, kind: 'warehouse-a' },
    { z: -16, len: 24, kind: 'warehouse-b' },
    { z: 14, len: 26, kind: 'warehouse-a' },
  ];
  for (const w of warehouses) {
    scenery.push({ kind: w.kind, x: 54, z: w.z, ry: -PI / 2, s: 1 });
    box(54, w.z, 26, w.len);
  }
  scenery.push({ kind: 'chimney', x: 74, z: 0, ry: 0, s: 1 });
  box(74, 0, 4, 4);
  // Qilou: two rows of arcade houses (14 m deep, 3.5 m arcade in front) facing the street.
  for (const side of [-1, 1] as const) {
    for (let i = 0; i < 8; i++) {
      const z = -60 + i * 12;
      const x = side === 1 ? -36 : -68;
      const ry = side === 1 ? -PI / 2 : PI / 2;
      scenery.push({ kind: i % 2 ? 'qilou-b' : 'qilou-a', x, z, ry, s: 1 });
      // the shops behind the arcade are solid; the arcade is walkable between its columns
      box(x + side * 1.75, z, 10.5, 12);
      for (const dz of [-6, -2, 2]) colliders.push({ type: 'circle', x: x - side * 6.7, z: z + dz, r: 0.35 });
    }
  }
  // Lamps and trees along the promenade.
  const L = rng(9);
  for (let x = -88; x <= 80; x += 14) {
    if (Math.abs(x) < 16) continue;
    scenery.push({ kind: 'lamp', x, z: 43, ry: 0, s: 1 });
    colliders.push({ type: 'circle', x, z: 43, r: 0.3 });
  }
  for (const z of [-40, -20, 0, 20, 40]) {
    for (const x of [-15.5, 15.5]) {
      scenery.push({ kind: 'lamp', x, z, ry: 0, s: 1 });
      colliders.push({ type: 'circle', x, z, r: 0.3 });
    }
  }
  for (const [x, z] of [[-84, 30], [-84, -8], [-84, -40], [78, 32], [78, -32], [26, -68], [-26, -68], [0, -68], [64, 38], [-22, 40]] as const) {
    scenery.push({ kind: L() < 0.4 ? 'flame-tree' : 'banyan', x, z, ry: L() * 6, s: 0.9 + L() * 0.3 });
    colliders.push({ type: 'circle', x, z, r: 0.9 });
  }
  for (let i = 0; i < 14; i++) scenery.push({ kind: 'bougainvillea', x: -88 + L() * 6, z: -60 + i * 7.5, ry: L() * 6, s: 0.8 + L() * 0.4 });
  // Fishing boats moored in two rows along the basin.
  for (let i = 0; i < 12; i++) {
    const side = i % 2 ? 1 : -1;
    const z = -42 + Math.floor(i / 2) * 12.5 + L() * 2;
    if (z > -9 && z < 2) continue;
    scenery.push({ kind: 'fishing-boat', x: side * 7.2, z, ry: PI / 2 + (side > 0 ? PI : 0) + (L() - 0.5) * 0.2, s: 0.9 + L() * 0.25 });
  }
  scenery.push({ kind: 'wangchuan', x: 0, z: 30, ry: 0, s: 1 });
  scenery.push({ kind: 'portal', x: 36, z: -64, ry: PI, s: 1 });

  const lanes: Lane[] = [
    { w: 11, pts: [[-52, -70], [-52, 44]] },
    { w: 6, pts: [[-90, 41], [80, 41]] },
    { w: 5, pts: [[-18, -50], [-18, 40]] },
    { w: 5, pts: [[18, -50], [18, 40]] },
    { w: 6, pts: [[36, -68], [36, 40]] },
    { w: 6, pts: [[-90, -62], [80, -62]] },
  ];

  return {
    id: 'shapowei',
    name: bi('沙坡尾', 'Shapowei'),
    bounds: { minX: -100, maxX: 90, minZ: -78, maxZ: 52 },
    spawns: [
      { x: 36, z: -56, ry: 0 },
      { x: 33, z: -55, ry: 0 },
      { x: 39, z: -55, ry: 0 },
    ],
    walkable: [land, footbridge, mouth],
    colliders,
    elevations: [],
    zones,
    boothSlots: slots,
    hotspots: [
      {
        id: 'typhoon-shelter', x: -18, z: 6, radius: 7,
        title: bi('避风坞', 'The Typhoon Shelter'),
        body: bi(
          '沙坡尾是厦门的老渔港，常被称为"厦门港的发源地"。这个小小的封闭港池就是避风坞，至今仍停泊着渔船，台风来时船家在这里避风。',
          'Shapowei is Xiamen\'s old fishing harbour, often called a birthplace of the Port of Xiamen. Its small enclosed basin is the typhoon shelter, where fishing boats still moor and ride out the storms.',
        ),
      },
      {
        id: 'art-west', x: 36, z: -2, radius: 8,
        title: bi('沙坡尾艺术西区', 'Shapowei Art West Zone'),
        body: bi(
          '港池边的旧仓库、冰厂和厂房，被改造成了艺术西区：工作室、画廊、Livehouse、咖啡馆、街头涂鸦和独立小店。',
          'The old warehouses, ice plants and factory buildings around the basin became the Art West Zone: studios, galleries, live-music venues, cafés, street art and independent shops.',
        ),
      },
      {
        id: 'qilou', x: -52, z: -20, radius: 8,
        title: bi('骑楼', 'Qilou Arcades'),
        body: bi(
          '骑楼是闽南老街的标志：楼上住人，楼下店面向街道退进，形成连续的廊道，行人可以在廊下避雨遮阳。',
          'Arcade buildings (qilou) mark the old streets of southern Fujian: homes above, shops set back below, forming a continuous covered walkway that shelters people from rain and sun.',
        ),
      },
      {
        id: 'yanwu-bridge', x: 0, z: 42, radius: 9,
        title: bi('演武大桥', 'Yanwu Bridge'),
        body: bi(
          '眼前这条贴着海面延伸的长桥是演武大桥，桥那头连着环岛路，沿着海岸线一直通往厦门岛东部。',
          'The long, low viaduct skimming the sea ahead is the Yanwu Bridge; beyond it the Huandao seaside road follows the coast round Xiamen Island.',
        ),
      },
      {
        id: 'wangchuan', x: 0, z: 36, radius: 6,
        title: bi('送王船', 'Wangchuan: Sending off the King\'s Boat'),
        body: bi(
          '厦门沿海社区传承着"送王船"习俗，祈求平安与海上顺遂。2020 年，中国与马来西亚联合申报的"送王船"列入联合国教科文组织人类非物质文化遗产代表作名录。',
          'Xiamen\'s coastal communities practise the Wangchuan ceremony, sending off a decorated "king\'s boat" to pray for safety at sea. In 2020 UNESCO inscribed it, jointly with Malaysia, as intangible cultural heritage.',
        ),
      },
      {
        id: 'portal', x: 36, z: -60, radius: 6,
        title: bi('去鼓浪屿', 'To Gulangyu'),
        body: bi(
          '走进光门，就能回到鼓浪屿展厅：渡轮几分钟便可穿过鹭江。',
          'Step through the gate to go to the Gulangyu hall — just a few minutes across the Lujiang by ferry.',
        ),
      },
    ],
    tourStops: [
      { id: 't1', x: 36, z: -56, say: bi('欢迎来到沙坡尾！', 'Welcome to Shapowei!') },
      { id: 't2', x: 30, z: -2, say: bi('艺术西区的仓库里藏着画廊和小店。', 'The Art West Zone warehouses hide galleries and shops.') },
      { id: 't3', x: -18, z: 6, say: bi('避风坞里停着渔船。', 'Fishing boats in the typhoon shelter.') },
      { id: 't4', x: -52, z: -20, say: bi('骑楼老街，廊下逛展。', 'Browse the booths under the qilou arcades.') },
      { id: 't5', x: 0, z: 40, say: bi('远处是演武大桥。', 'Out at sea: the Yanwu Bridge.') },
    ],
    stage: { x: 0, z: 40, ry: 0 },
    portals: [
      { id: 'gate', x: 36, z: -66, radius: 3.5, to: 'gulangyu', kind: 'portal', label: bi('去鼓浪屿', 'To Gulangyu') },
    ],
    landmarks: [
      { id: 'portal', x: 36, z: -60, name: bi('光门', 'Portal') },
      { id: 'shelter', x: -18, z: 6, name: bi('避风坞', 'Typhoon Shelter') },
      { id: 'art-west', x: 36, z: -2, name: bi('艺术西区', 'Art West Zone') },
      { id: 'qilou', x: -52, z: -20, name: bi('骑楼老街', 'Qilou Street') },
      { id: 'seafront', x: 0, z: 40, name: bi('海滨广场', 'Seafront') },
    ],
    scenery,
    lanes,
  };
}
