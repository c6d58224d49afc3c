/**
 * Shapowei: the typhoon-shelter basin running inland from the sea (south, +z), the Art West
 * Zone's converted warehouses on the east quay, a qilou arcade street on the west side, and
 * the Yanwu Bridge low over the sea beyond. Axes: +x east, -z north.
 */
import type { HallPlan, SceneryKind } from '../../shared/layout';
import { bi, rect, rng, type Lane, type P } from './plan-utils';

const PI = Math.PI;

export function shapowei(): HallPlan {
  // The basin: long and narrow, quay walls on both sides, open to the sea under the mouth bridge.
  const basin = { x0: -15, x1: 15, z0: -50, z1: 46 };
  // Land on three sides of the basin (one U-shaped polygon), quay promenade along the sea.
  const shore = { west: -95, east: 85, north: -76 };
  const land: P[] = [
    [shore.west, shore.north],
    [shore.east, shore.north],
    [shore.east, basin.z1],
    [basin.x1, basin.z1],
    [basin.x1, basin.z0],
    [basin.x0, basin.z0],
    [basin.x0, basin.z1],
    [shore.west, basin.z1],
  ];
  // A footbridge across the basin, low over the boats.
  const footbridge = rect(basin.x0 - 1, -7, basin.x1 + 1, -3);
  // The road bridge over the basin mouth: the seafront square where the stage stands.
  const mouth = rect(basin.x0 - 1, 37, basin.x1 + 1, basin.z1);

  const zones = [
    { id: 'artwest', name: bi('艺术西区', 'Art West Zone') },
    { id: 'qilou', name: bi('骑楼老街', 'Qilou Street') },
    { id: 'quay', name: bi('避风坞码头', 'Shelter Quay') },
    { id: 'seafront', name: bi('海滨广场', 'Seafront Square') },
  ];
  type Slot = { id: string; zone: string; x: number; z: number; ry: number; size: 's' | 'm' | 'l' };
  const slots: Slot[] = [];
  // Art West Zone: on the east quay in front of the warehouse doors, backs to the basin.
  [-45, -34, -23, -12, 1, 12, 23, 32].forEach((z, i) => slots.push({ id: `artwest-${i + 1}`, zone: 'artwest', x: 23, z, ry: PI / 2, size: 'm' }));
  // Qilou street (x -70..-56): stalls in front of the arcades, alternating sides.
  [-46, -22, 2, 26].forEach((z, i) => slots.push({ id: `qilou-e${i + 1}`, zone: 'qilou', x: -60, z, ry: -PI / 2, size: 's' }));
  [-34, -10, 14, 34].forEach((z, i) => slots.push({ id: `qilou-w${i + 1}`, zone: 'qilou', x: -66, z, ry: PI / 2, size: 's' }));
  // On the west quay in front of the arcades, and at the basin head.
  [-40, -22, 12, 28].forEach((z, i) => slots.push({ id: `quay-w${i + 1}`, zone: 'quay', x: -22, z, ry: -PI / 2, size: 's' }));
  slots.push({ id: 'quay-n1', zone: 'quay', x: -22, z: -62, ry: 0, size: 's' });
  slots.push({ id: 'quay-n2', zone: 'quay', x: 14, z: -66, ry: 0, size: 's' });
  // Seafront square by the stage.
  [-44, -30, 30, 44].forEach((x, i) => slots.push({ id: `seafront-${i + 1}`, zone: 'seafront', x, z: 40, ry: PI, size: 'm' }));

  type Collider = { type: 'circle'; x: number; z: number; r: number } | { type: 'box'; x: number; z: number; w: number; d: number; rot: number };
  const colliders: Collider[] = [];
  const scenery: { kind: SceneryKind; x: number; z: number; ry: number; s: number }[] = [];
  const box = (x: number, z: number, w: number, d: number) => colliders.push({ type: 'box', x, z, w, d, rot: 0 });

  // Art West Zone warehouses lining the east quay: 26 m deep sheds, doors facing west to the basin.
  const warehouses = [
    { z: -38, len: 24, kind: 'warehouse-a' },
    { z: -10, len: 24, kind: 'warehouse-b' },
    { z: 17, len: 22, kind: 'warehouse-c' },
  ] as const;
  for (const w of warehouses) {
    scenery.push({ kind: w.kind, x: 43, z: w.z, ry: -PI / 2, s: 1 });
    box(43, w.z, 26, w.len);
  }
  scenery.push({ kind: 'chimney', x: 66, z: -24, ry: 0, s: 1 });
  box(66, -24, 5, 5);
  // Qilou: one arcade row facing the basin across the west quay, two more facing each other
  // across the old street behind it (14 m deep, 3.5 m arcade in front).
  const rows = [
    { x: -35, side: 1 },
    { x: -49, side: -1 },
    { x: -77, side: 1 },
  ] as const;
  rows.forEach((row, r) => {
    for (let i = 0; i < 7; i++) {
      const z = -46 + i * 12;
      const ry = row.side === 1 ? PI / 2 : -PI / 2;
      scenery.push({ kind: (i + r) % 2 ? 'qilou-b' : 'qilou-a', x: row.x, z, ry, s: 1 });
      // the shops behind the arcade are solid; the arcade is walkable between its columns
      box(row.x - row.side * 1.75, z, 10.5, 12);
      for (const dz of [-5.7, -1.9, 1.9]) colliders.push({ type: 'circle', x: row.x + row.side * 6.7, z: z + dz, r: 0.35 });
    }
  });
  // The stage's truss towers and screen (client/src/scene/stage) stand on the sea wall.
  colliders.push({ type: 'box', x: 0, z: 45.6, w: 10.4, d: 1, rot: 0 });
  // Lamps along the quay edges and the sea promenade; trees on the squares.
  const L = rng(9);
  for (let x = -88; x <= 80; x += 14) {
    if (Math.abs(x) < 18) continue;
    scenery.push({ kind: 'lamp', x, z: 44.6, ry: PI, s: 1 });
    colliders.push({ type: 'circle', x, z: 44.6, r: 0.3 });
  }
  for (const z of [-44, -28, -12, 6, 22]) {
    for (const x of [-16, 16]) {
      scenery.push({ kind: 'lamp', x, z: z + 6, ry: x < 0 ? PI / 2 : -PI / 2, s: 1 });
      colliders.push({ type: 'circle', x, z: z + 6, r: 0.3 });
    }
  }
  for (const [x, z] of [
    [-88, 30],
    [-88, -8],
    [-88, -40],
    [76, 34],
    [76, -50],
    [30, -70],
    [-30, -70],
    [62, 38],
    [-24, 40],
    [24, -56],
  ] as const) {
    scenery.push({ kind: L() < 0.4 ? 'flame-tree' : 'banyan', x, z, ry: L() * 6, s: 0.9 + L() * 0.3 });
    colliders.push({ type: 'circle', x, z, r: 0.9 });
  }
  for (let i = 0; i < 10; i++) scenery.push({ kind: 'bougainvillea', x: -90 + L() * 4, z: -60 + i * 10, ry: L() * 6, s: 0.8 + L() * 0.4 });
  // Fishing boats packed along the basin: bow-in to the west quay, rafted two abreast along
  // the east quay, a few at the head. Hulls come in three paint schemes (a, b, c).
  const hull = () => (['boat-a', 'boat-b', 'boat-c'] as const)[Math.floor(L() * 3)];
  const clear = (z: number) => z < -9.5 || z > -0.5; // under the footbridge
  for (let z = -46.5; z < 33; z += 4.3) {
    if (!clear(z)) continue;
    const s = 0.78 + L() * 0.22;
    scenery.push({ kind: hull(), x: basin.x0 + 0.6 + 5.5 * s, z, ry: -PI / 2 + (L() - 0.5) * 0.12, s });
  }
  for (let z = -44; z < 33; z += 11.5) {
    if (!clear(z) || !clear(z - 5) || !clear(z + 5)) continue;
    const s = 0.85 + L() * 0.2;
    const ry = L() < 0.5 ? 0 : PI;
    scenery.push({ kind: hull(), x: basin.x1 - 2.3, z: z + (L() - 0.5), ry, s });
    if (L() < 0.8) scenery.push({ kind: hull(), x: basin.x1 - 2.3 - 3.9 * s, z: z + (L() - 0.5) * 2, ry: ry + (L() - 0.5) * 0.1, s: s * 0.95 });
  }
  scenery.push({ kind: 'wangchuan', x: 4, z: 28, ry: 0.05, s: 1 });
  scenery.push({ kind: 'portal', x: -36, z: -68, ry: 0, s: 1 });

  const lanes: Lane[] = [
    {
      w: 11,
      pts: [
        [-63, -74],
        [-63, 44],
      ],
    },
    {
      w: 6,
      pts: [
        [-90, 41],
        [80, 41],
      ],
    },
    {
      w: 6,
      pts: [
        [-21.5, -52],
        [-21.5, 40],
      ],
    },
    {
      w: 6,
      pts: [
        [22, -52],
        [22, 40],
      ],
    },
    {
      w: 8,
      pts: [
        [-90, -58],
        [80, -58],
      ],
    },
  ];

  return {
    id: 'shapowei',
    name: bi('沙坡尾', 'Shapowei'),
    bounds: { minX: -100, maxX: 90, minZ: -80, maxZ: 52 },
    // at the head of the basin, looking down it past the boats to the sea and the bridge
    spawns: [
      { x: 0, z: -57, ry: 0 },
      { x: -3, z: -58, ry: 0 },
      { x: 3, z: -58, ry: 0 },
    ],
    walkable: [
      { id: 'quays', kind: 'ground', poly: land },
      { id: 'footbridge', kind: 'bridge', poly: footbridge },
      { id: 'basin-mouth', kind: 'bridge', poly: mouth },
    ],
    features: [
      { id: 'basin', kind: 'basin', pts: rect(basin.x0, basin.z0, basin.x1, basin.z1) },
      // the promenade's edge on the sea, either side of the basin mouth
      {
        id: 'sea-wall-west',
        kind: 'sea-wall',
        pts: [
          [shore.west, basin.z1],
          [basin.x0, basin.z1],
        ],
      },
      {
        id: 'sea-wall-east',
        kind: 'sea-wall',
        pts: [
          [basin.x1, basin.z1],
          [shore.east, basin.z1],
        ],
      },
    ],
    colliders,
    elevations: [],
    zones,
    boothSlots: slots,
    hotspots: [
      {
        id: 'typhoon-shelter',
        x: 0,
        z: -55,
        radius: 7,
        title: bi('避风坞', 'The Typhoon Shelter'),
        body: bi(
          '沙坡尾是厦门的老渔港，常被称为"厦门港的发源地"。这个小小的封闭港池就是避风坞，至今仍停泊着渔船，台风来时船家在这里避风。',
          "Shapowei is Xiamen's old fishing harbour, often called a birthplace of the Port of Xiamen. Its small enclosed basin is the typhoon shelter, where fishing boats still moor and ride out the storms.",
        ),
      },
      {
        id: 'art-west',
        x: 24,
        z: 6,
        radius: 7,
        title: bi('沙坡尾艺术西区', 'Shapowei Art West Zone'),
        body: bi(
          '港池边的旧仓库、冰厂和厂房，被改造成了艺术西区：工作室、画廊、Livehouse、咖啡馆、街头涂鸦和独立小店。',
          'The old warehouses, ice plants and factory buildings around the basin became the Art West Zone: studios, galleries, live-music venues, cafés, street art and independent shops.',
        ),
      },
      {
        id: 'qilou',
        x: -63,
        z: -16,
        radius: 7,
        title: bi('骑楼', 'Qilou Arcades'),
        body: bi(
          '骑楼是闽南老街的标志：楼上住人，楼下店面向街道退进，形成连续的廊道，行人可以在廊下避雨遮阳。',
          'Arcade buildings (qilou) mark the old streets of southern Fujian: homes above, shops set back below, forming a continuous covered walkway that shelters people from rain and sun.',
        ),
      },
      {
        id: 'yanwu-bridge',
        x: -24,
        z: 42,
        radius: 7,
        title: bi('演武大桥', 'Yanwu Bridge'),
        body: bi(
          '眼前这条贴着海面延伸的长桥是演武大桥，桥那头连着环岛路，沿着海岸线一直通往厦门岛东部。',
          'The long, low viaduct skimming the sea ahead is the Yanwu Bridge; beyond it the Huandao seaside road follows the coast round Xiamen Island.',
        ),
      },
      {
        id: 'wangchuan',
        x: 18,
        z: 32,
        radius: 5,
        title: bi('送王船', "Wangchuan: Sending off the King's Boat"),
        body: bi(
          '厦门沿海社区传承着"送王船"习俗，祈求平安与海上顺遂。2020 年，中国与马来西亚联合申报的"送王船"列入联合国教科文组织人类非物质文化遗产代表作名录。',
          'Xiamen\'s coastal communities practise the Wangchuan ceremony, sending off a decorated "king\'s boat" to pray for safety at sea. In 2020 UNESCO inscribed it, jointly with Malaysia, as intangible cultural heritage.',
        ),
      },
      {
        id: 'portal',
        x: -36,
        z: -62,
        radius: 6,
        title: bi('去鼓浪屿', 'To Gulangyu'),
        body: bi(
          '走进光门，就能回到鼓浪屿展厅：渡轮几分钟便可穿过鹭江。',
          'Step through the gate to go to the Gulangyu hall — just a few minutes across the Lujiang by ferry.',
        ),
      },
    ],
    tourStops: [
      { id: 't1', x: 0, z: -57, say: bi('欢迎来到沙坡尾！', 'Welcome to Shapowei!') },
      { id: 't2', x: 19, z: 6, say: bi('艺术西区的仓库里藏着画廊和小店。', 'The Art West Zone warehouses hide galleries and shops.') },
      { id: 't3', x: 0, z: -5, say: bi('避风坞里停着渔船。', 'Fishing boats in the typhoon shelter.') },
      { id: 't4', x: -63, z: -16, say: bi('骑楼老街，廊下逛展。', 'Browse the booths under the qilou arcades.') },
      { id: 't5', x: 0, z: 40, say: bi('远处是演武大桥。', 'Out at sea: the Yanwu Bridge.') },
    ],
    // on the sea wall, facing the basin: the square on the bridge and the quays across the water see it
    stage: { x: 0, z: 45.2, ry: PI },
    portals: [{ id: 'gate', x: -36, z: -68, radius: 3.5, to: 'gulangyu', kind: 'portal', label: bi('去鼓浪屿', 'To Gulangyu') }],
    landmarks: [
      { id: 'portal', x: -36, z: -62, name: bi('光门', 'Portal') },
      { id: 'shelter', x: 0, z: -55, name: bi('避风坞', 'Typhoon Shelter') },
      { id: 'art-west', x: 20, z: 6, name: bi('艺术西区', 'Art West Zone') },
      { id: 'qilou', x: -63, z: -16, name: bi('骑楼老街', 'Qilou Street') },
      { id: 'seafront', x: 0, z: 40, name: bi('海滨广场', 'Seafront') },
    ],
    scenery,
    lanes,
  };
}
