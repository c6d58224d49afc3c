/**
 * Gulangyu, stylised and compressed to a walkable ~180 m island. Axes: +x east (towards
 * Xiamen Island across the Lujiang channel), -z north. Sea level is below y = 0; the island
 * ground is y = 0 except where `elevations` raise it (Sunlight Rock).
 */
import type { HallPlan, SceneryKind } from '../../shared/layout';
import { bi, distToPolyline, type Lane, type P, rect, rng, signedDistToPolygon, strip } from './plan-utils';

const PI = Math.PI;

export function gulangyu(): HallPlan {
  const coast: P[] = [
    [-88, -40],
    [-70, -62],
    [-40, -72],
    [0, -74],
    [30, -68],
    [50, -52],
    [60, -32],
    [60, -16],
    [60, -4],
    [58, 14],
    [64, 30],
    [72, 35],
    [82, 40],
    [82, 51],
    [70, 57],
    [52, 58],
    [42, 62],
    [20, 64],
    [0, 68],
    [-30, 70],
    [-58, 62],
    [-74, 50],
    [-90, 26],
    [-95, 0],
  ];
  const pier = rect(58, -14, 84, -6);
  // Forty-Four Bridge: a zig-zag of short spans out over the water, with a pavilion platform.
  const bridgePts: P[] = [
    [34, 57],
    [41, 66],
    [33, 74],
    [42, 82],
    [35, 90],
  ];
  const bridge: P[][] = [];
  for (let i = 1; i < bridgePts.length; i++) bridge.push(strip(bridgePts[i - 1], bridgePts[i], 2.8, 1.4));
  const pavilion = rect(38, 78.5, 45, 85.5);

  const sunlightRock = { x: -30, z: 16, r: 36, h: 18, plateau: 0.17 };

  const lanes: Lane[] = [
    // Longtou Road: from the pier plaza into the island
    {
      w: 6,
      pts: [
        [58, -10],
        [40, -10],
        [20, -8],
        [2, -2],
        [-14, -8],
        [-40, -20],
        [-72, -22],
      ],
    },
    // up to Bagua Lou
    {
      w: 4,
      pts: [
        [30, -10],
        [27, -26],
        [19, -33],
        [12, -36],
      ],
    },
    // to the foot of Sunlight Rock and up (a winding stair)
    {
      w: 4,
      pts: [
        [2, -2],
        [-6, 6],
        [-8, 16],
        [-16, 22],
        [-22, 18],
        [-29, 16],
      ],
    },
    // down to Shuzhuang Garden
    {
      w: 5,
      pts: [
        [20, -8],
        [24, 8],
        [22, 22],
        [30, 34],
        [34, 52],
        [34, 57],
      ],
    },
    // seaside promenade past Gangzaihou beach
    {
      w: 5,
      pts: [
        [34, 52],
        [12, 57],
        [-20, 61],
        [-50, 55],
        [-66, 44],
      ],
    },
    // to Haoyue Garden and Koxinga
    {
      w: 5,
      pts: [
        [22, 22],
        [44, 28],
        [62, 40],
        [68, 45],
      ],
    },
    // western lanes
    {
      w: 4,
      pts: [
        [-40, -20],
        [-62, 4],
        [-66, 26],
        [-66, 44],
      ],
    },
    {
      w: 4,
      pts: [
        [-14, -8],
        [-20, -38],
        [-44, -56],
      ],
    },
    {
      w: 3.5,
      pts: [
        [-20, -38],
        [0, -54],
        [26, -58],
      ],
    },
  ];

  const zones = [
    { id: 'pier', name: bi('码头广场', 'Pier Plaza') },
    { id: 'longtou', name: bi('龙头路商街', 'Longtou Road') },
    { id: 'music', name: bi('音乐广场', 'Music Square') },
    { id: 'rock', name: bi('日光岩下', 'Below Sunlight Rock') },
  ];

  type Slot = { id: string; zone: string; x: number; z: number; ry: number; size: 's' | 'm' | 'l' };
  const slots: Slot[] = [];
  // Pier plaza: two rows facing a central aisle that leads from the pier inland.
  [33, 39.5, 46].forEach((x, i) => {
    slots.push({ id: `pier-n${i + 1}`, zone: 'pier', x, z: -22, ry: 0, size: 'm' });
    slots.push({ id: `pier-s${i + 1}`, zone: 'pier', x, z: 2, ry: PI, size: 'm' });
  });
  slots.push({ id: 'pier-w1', zone: 'pier', x: 46, z: -30, ry: 0, size: 'm' });
  slots.push({ id: 'pier-w2', zone: 'pier', x: 46, z: 10, ry: PI, size: 'm' });
  // Longtou Road: small stalls on both sides of the street.
  const longtou: [number, number, number][] = [
    [26, -13.5, 0],
    [19, -13, 0],
    [12, -11, 0.3],
    [26, -3.5, PI],
    [19, -2.5, PI],
    [12, 0.5, PI - 0.3],
    [-22, -17, 0.45],
    [-28, -20, 0.45],
    [-36, -27, 0.45],
    [-45, -31, 0.1],
  ];
  longtou.forEach(([x, z, ry], i) => slots.push({ id: `longtou-${i + 1}`, zone: 'longtou', x, z, ry, size: 's' }));
  // Music Square, at the gate of Shuzhuang Garden.
  const music: [number, number, number][] = [
    [10, 28, PI / 2],
    [10, 35, PI / 2],
    [9, 42, PI / 2 + 0.5],
    [38, 22, -PI / 2 - 0.4],
    [42, 16, -PI / 2 - 0.4],
  ];
  music.forEach(([x, z, ry], i) => slots.push({ id: `music-${i + 1}`, zone: 'music', x, z, ry, size: 'm' }));
  // At the foot of Sunlight Rock.
  const rock: [number, number, number][] = [
    [8, 4, -PI / 2],
    [9, 12, -PI / 2],
    [-2, -16, 0],
    [-12, -22, -PI / 2],
  ];
  rock.forEach(([x, z, ry], i) => slots.push({ id: `rock-${i + 1}`, zone: 'rock', x, z, ry, size: 's' }));

  type Collider = { type: 'circle'; x: number; z: number; r: number } | { type: 'box'; x: number; z: number; w: number; d: number; rot: number };
  const colliders: Collider[] = [];
  const scenery: { kind: SceneryKind; x: number; z: number; ry: number; s: number }[] = [];
  const solid: { x: number; z: number; r: number }[] = [];

  // Landmark buildings (drawn by code at these spots).
  const baguaLou = { x: 12, z: -50 };
  colliders.push({ type: 'box', x: baguaLou.x, z: baguaLou.z, w: 17.4, d: 17.4, rot: 0 });
  solid.push({ x: baguaLou.x, z: baguaLou.z, r: 14 });
  const pianoMuseum = { x: 22, z: 44, w: 12, d: 8 };
  colliders.push({ type: 'box', x: pianoMuseum.x, z: pianoMuseum.z, w: pianoMuseum.w, d: pianoMuseum.d, rot: 0 });
  solid.push({ x: pianoMuseum.x, z: pianoMuseum.z, r: 9 });
  const piano = { x: 17, z: 35 };
  colliders.push({ type: 'circle', x: piano.x, z: piano.z, r: 2.4 });
  solid.push({ x: piano.x, z: piano.z, r: 4 });
  scenery.push({ kind: 'piano', x: piano.x, z: piano.z, ry: -0.6, s: 1 });
  // The stage's screen wall (client/src/scene/stage): solid, its audience stands or sits in front (+z).
  colliders.push({ type: 'box', x: 26, z: 26.6, w: 9.6, d: 0.9, rot: 0 });
  const koxinga = { x: 76, z: 46 };
  colliders.push({ type: 'circle', x: koxinga.x, z: koxinga.z, r: 5.5 });
  solid.push({ x: koxinga.x, z: koxinga.z, r: 9 });
  const terminal = { x: 54, z: -10 };
  colliders.push({ type: 'box', x: 54, z: -19.5, w: 8, d: 5, rot: 0 });
  colliders.push({ type: 'box', x: 54, z: -0.5, w: 8, d: 5, rot: 0 });
  solid.push({ x: terminal.x, z: terminal.z, r: 12 });
  const drumRock = { x: -80, z: 40 };
  colliders.push({ type: 'circle', x: drumRock.x, z: drumRock.z, r: 4 });
  solid.push({ x: drumRock.x, z: drumRock.z, r: 6 });
  scenery.push({ kind: 'drum-rock', x: drumRock.x, z: drumRock.z, ry: 0.6, s: 1 });

  // Granite boulders crowning Sunlight Rock, leaving the stair open on its east side; the
  // tallest one stands behind the platform like the real summit rock.
  const R = rng(44);
  for (let i = 0; i < 12; i++) {
    const a = (i / 12) * PI * 2 + 0.25;
    if (Math.abs(Math.atan2(Math.sin(a - 0.25), Math.cos(a - 0.25))) < 0.5) continue;
    const monolith = i === 7;
    const d = monolith ? 11 : 8.8 + R() * 2.5;
    const x = sunlightRock.x + Math.cos(a) * d;
    const z = sunlightRock.z + Math.sin(a) * d;
    const s = monolith ? 6.5 : 3.2 + R() * 1.8;
    scenery.push({ kind: monolith ? 'monolith' : 'boulder', x, z, ry: R() * PI * 2, s });
    colliders.push({ type: 'circle', x, z, r: monolith ? s * 0.85 : s * 0.85 });
  }
  for (const [x, z, s] of [
    [-14, 2, 2],
    [-44, -6, 2.4],
  ] as const) {
    scenery.push({ kind: 'boulder', x, z, ry: R() * 6, s });
    colliders.push({ type: 'circle', x, z, r: s * 0.9 });
    solid.push({ x, z, r: s });
  }

  let tries: number;
  const slotClear = (x: number, z: number, r: number) =>
    slots.every((s) => Math.hypot(s.x - x, s.z - z) > r + 1 + (s.size === 's' ? 2 : 3)) && solid.every((o) => Math.hypot(o.x - x, o.z - z) > r + o.r);
  const laneClear = (x: number, z: number, r: number) => lanes.every((l) => distToPolyline(x, z, l.pts) > l.w / 2 + r);
  const nearestLaneDir = (x: number, z: number) => {
    let best = Infinity;
    let ry = 0;
    for (const l of lanes)
      for (let i = 1; i < l.pts.length; i++) {
        const [ax, az] = l.pts[i - 1];
        const [bx, bz] = l.pts[i];
        const dx = bx - ax;
        const dz = bz - az;
        const t = Math.max(0, Math.min(1, ((x - ax) * dx + (z - az) * dz) / (dx * dx + dz * dz)));
        const px = ax + t * dx;
        const pz = az + t * dz;
        const d = Math.hypot(x - px, z - pz);
        if (d < best) {
          best = d;
          ry = Math.atan2(px - x, pz - z);
        }
      }
    return { d: best, ry };
  };
  const plaza = (x: number, z: number) => x > 30 && z > -34 && z < 14; // the pier plaza stays open
  const music2 = (x: number, z: number) => x > 4 && x < 46 && z > 12 && z < 50;
  const onRock = (x: number, z: number, pad: number) => Math.hypot(x - sunlightRock.x, z - sunlightRock.z) < sunlightRock.r + pad;

  // Rocks strewn over the slopes of Sunlight Rock, clear of the stair.
  let rocks = 0;
  tries = 0;
  while (rocks < 16 && tries++ < 3000) {
    const a = R() * PI * 2;
    const d = 14 + R() * 16;
    const x = sunlightRock.x + Math.cos(a) * d;
    const z = sunlightRock.z + Math.sin(a) * d;
    const s = 1.6 + R() * 2.2;
    if (!laneClear(x, z, s + 0.5) || !slotClear(x, z, s)) continue;
    scenery.push({ kind: 'boulder', x, z, ry: R() * PI * 2, s });
    colliders.push({ type: 'circle', x, z, r: s * 0.85 });
    solid.push({ x, z, r: s + 1 });
    rocks++;
  }

  // Red-brick veranda villas along the lanes, facing the nearest lane.
  const V = rng(1913);
  tries = 0;
  let villas = 0;
  while (villas < 34 && tries++ < 6000) {
    const x = -90 + V() * 150;
    const z = -72 + V() * 140;
    const s = 0.85 + V() * 0.35;
    const rad = 6.2 * s;
    if (signedDistToPolygon(x, z, coast) < rad + 4) continue;
    if (plaza(x, z) || music2(x, z) || onRock(x, z, rad - 4)) continue;
    if (!laneClear(x, z, rad * 0.8) || !slotClear(x, z, rad)) continue;
    const lane = nearestLaneDir(x, z);
    if (lane.d > 22) continue;
    const ry = Math.round(lane.ry / (PI / 8)) * (PI / 8);
    const kind = V() < 0.5 ? 'villa-a' : 'villa-b';
    scenery.push({ kind, x, z, ry, s });
    colliders.push({ type: 'box', x, z, w: 11 * s, d: 9 * s, rot: -ry });
    solid.push({ x, z, r: rad });
    villas++;
  }

  // Banyans shading the lanes, and bougainvillea spilling over garden walls.
  const T = rng(2017);
  let trees = 0;
  tries = 0;
  while (trees < 30 && tries++ < 6000) {
    const x = -90 + T() * 150;
    const z = -72 + T() * 140;
    if (signedDistToPolygon(x, z, coast) < 4) continue;
    if (onRock(x, z, -16)) continue;
    const lane = nearestLaneDir(x, z);
    if (lane.d > 7 || !laneClear(x, z, 1.2) || !slotClear(x, z, 1.5)) continue;
    const s = 0.8 + T() * 0.5;
    scenery.push({ kind: 'banyan', x, z, ry: T() * PI * 2, s });
    colliders.push({ type: 'circle', x, z, r: 0.9 * s });
    solid.push({ x, z, r: 1.5 });
    trees++;
  }
  // A few flame trees (the city tree) around the plazas.
  for (const [x, z] of [
    [33, -32],
    [57, 8],
    [8, 20],
    [44, 40],
    [-4, 48],
  ] as const) {
    scenery.push({ kind: 'flame-tree', x, z, ry: T() * 6, s: 1 });
    colliders.push({ type: 'circle', x, z, r: 0.6 });
  }
  let flowers = 0;
  tries = 0;
  while (flowers < 60 && tries++ < 6000) {
    const x = -90 + T() * 150;
    const z = -72 + T() * 140;
    if (signedDistToPolygon(x, z, coast) < 2) continue;
    const lane = nearestLaneDir(x, z);
    if (lane.d > 5 || !laneClear(x, z, 0.6) || !slotClear(x, z, 0.8)) continue;
    scenery.push({ kind: 'bougainvillea', x, z, ry: T() * 6, s: 0.7 + T() * 0.6 });
    flowers++;
  }

  // The ferry boat waits along the pier (drawn, not walkable).
  scenery.push({ kind: 'ferry', x: 75, z: -19, ry: PI / 2, s: 1 });
  scenery.push({ kind: 'pier-terminal', x: terminal.x, z: terminal.z, ry: 0, s: 1 });
  scenery.push({ kind: 'bagua-lou', x: baguaLou.x, z: baguaLou.z, ry: 0, s: 1 });
  scenery.push({ kind: 'piano-museum', x: pianoMuseum.x, z: pianoMuseum.z, ry: 0, s: 1 });
  scenery.push({ kind: 'koxinga', x: koxinga.x, z: koxinga.z, ry: PI / 2, s: 1 });
  scenery.push({ kind: 'sunlight-summit', x: sunlightRock.x, z: sunlightRock.z, ry: 0, s: 1 });
  scenery.push({ kind: 'pavilion', x: 41.5, z: 82, ry: 0, s: 1 });

  return {
    id: 'gulangyu',
    name: bi('鼓浪屿', 'Gulangyu'),
    bounds: { minX: -100, maxX: 90, minZ: -80, maxZ: 96 },
    spawns: [
      { x: 72, z: -10, ry: -PI / 2 },
      { x: 66, z: -8, ry: -PI / 2 },
      { x: 66, z: -12, ry: -PI / 2 },
    ],
    walkable: [
      { id: 'island', kind: 'ground', poly: coast },
      { id: 'pier', kind: 'pier', poly: pier },
      ...bridge.map((poly, i) => ({ id: `forty-four-bridge-${i + 1}`, kind: 'bridge' as const, poly })),
      { id: 'bridge-pavilion', kind: 'platform', poly: pavilion },
    ],
    // a low sea wall along the pier plaza, either side of the pier
    features: [
      {
        id: 'sea-wall-north',
        kind: 'sea-wall',
        pts: [
          [60.5, -33],
          [60.5, -15],
        ],
      },
      {
        id: 'sea-wall-south',
        kind: 'sea-wall',
        pts: [
          [60.5, -5.5],
          [60.5, 8.5],
        ],
      },
    ],
    colliders,
    elevations: [sunlightRock],
    zones,
    boothSlots: slots,
    hotspots: [
      {
        id: 'ferry-pier',
        x: 66,
        z: -10,
        radius: 7,
        title: bi('三丘田码头', 'Sanqiutian Ferry Pier'),
        body: bi(
          '渡轮几分钟就能穿过鹭江，从厦门岛来到鼓浪屿。岛上不通机动车，也不许骑自行车——从这里开始，一切都靠步行。登上码头边的渡轮，可以前往沙坡尾展厅。',
          'Ferries cross the Lujiang channel from Xiamen Island in a few minutes. The island is car-free — no motor vehicles, not even bicycles — so from here on everyone walks. Board the ferry at the pier to travel to the Shapowei hall.',
        ),
      },
      {
        id: 'bagua-lou',
        x: 20,
        z: -36,
        radius: 9,
        title: bi('八卦楼', 'Bagua Lou'),
        body: bi(
          '八卦楼建于二十世纪初，八角形的楼身上顶着一座红色肋拱圆顶，乘渡轮进港时一眼就能看到。如今这里是风琴博物馆。',
          'Built in the early 20th century, the "Octagonal Building" is crowned by a red ribbed dome — the landmark you see first from the ferry. Today it houses an organ museum.',
        ),
      },
      {
        id: 'sunlight-rock',
        x: sunlightRock.x,
        z: sunlightRock.z,
        radius: 8,
        title: bi('日光岩', 'Sunlight Rock'),
        body: bi(
          '日光岩是一块巨大的花岗岩，也是鼓浪屿的最高点（约 93 米）。站在观景台上，整座小岛的红屋顶和鹭江对岸的厦门天际线尽收眼底。',
          "Sunlight Rock is a granite outcrop and the island's highest point, about 93 m. From the viewing platform you see the red roofs of the whole island and Xiamen's skyline across the Lujiang.",
        ),
      },
      {
        id: 'shuzhuang',
        x: 34,
        z: 56,
        radius: 7,
        title: bi('菽庄花园 · 四十四桥', 'Shuzhuang Garden · Forty-Four Bridge'),
        body: bi(
          '菽庄花园建于 1913 年，依海而筑。曲折的"四十四桥"从岸边伸向海面，走在桥上仿佛踏浪而行。',
          'Shuzhuang Garden was built by the sea in 1913. Its zig-zag Forty-Four Bridge runs out over the water, so a stroll along it feels like walking on the waves.',
        ),
      },
      {
        id: 'piano-museum',
        x: 22,
        z: 36,
        radius: 6,
        title: bi('鼓浪屿钢琴博物馆', 'Gulangyu Piano Museum'),
        body: bi(
          '鼓浪屿被称为"钢琴之岛""音乐之岛"：这里家家户户钢琴特别多，音乐传统源远流长。钢琴博物馆就在菽庄花园里。',
          'Gulangyu is called "Piano Island" and the "Island of Music": unusually many households own a piano, and its musical tradition runs deep. The Piano Museum stands inside Shuzhuang Garden.',
        ),
      },
      {
        id: 'koxinga',
        x: 66,
        z: 44,
        radius: 7,
        title: bi('皓月园 · 郑成功雕像', 'Haoyue Garden · Koxinga Statue'),
        body: bi(
          '皓月园的礁石上，郑成功的花岗岩雕像面朝大海，守望着往来的船只。',
          'In Haoyue Garden a granite statue of Zheng Chenggong (Koxinga) stands on a rock, gazing out to sea over the passing ships.',
        ),
      },
      {
        id: 'drum-wave-rock',
        x: -72,
        z: 36,
        radius: 7,
        title: bi('鼓浪石', 'Drum-Wave Rock'),
        body: bi(
          '岛的西南岸有一块中空的礁石，海浪拍打时发出擂鼓般的声音——"鼓浪屿"因此得名。',
          'On the south-west shore, waves striking a hollow reef sound like a drum — which is how Gulangyu, "drum-wave island", got its name.',
        ),
      },
      {
        id: 'villas',
        x: -40,
        z: -20,
        radius: 8,
        title: bi('万国建筑', 'Villas of a Historic Settlement'),
        body: bi(
          '红砖、白色柱廊、拱形外廊和瓦屋顶：闽南传统、殖民地外廊式与"厦门装饰风格"在这里交融。2017 年，"鼓浪屿：历史国际社区"列入世界遗产名录。',
          'Red brick, white colonnades, arched verandas and tiled roofs: Minnan, colonial veranda and "Amoy Deco" styles meet here. "Kulangsu, a Historic International Settlement" became a UNESCO World Heritage Site in 2017.',
        ),
      },
      {
        id: 'gangzaihou',
        x: -12,
        z: 60,
        radius: 8,
        title: bi('港仔后海滩', 'Gangzaihou Beach'),
        body: bi(
          '日光岩脚下的港仔后海滩，细沙、榕树和海风，是岛上最惬意的散步地。城市花三角梅在墙头开得正艳。',
          "Below Sunlight Rock lies Gangzaihou Beach: fine sand, banyan shade and sea breeze. Bougainvillea, Xiamen's city flower, spills over the garden walls.",
        ),
      },
    ],
    tourStops: [
      { id: 't1', x: 64, z: -10, say: bi('欢迎来到鼓浪屿！我们从三丘田码头出发。', 'Welcome to Gulangyu! We start at Sanqiutian pier.') },
      { id: 't2', x: 42, z: -10, say: bi('码头广场是主展区，展位在道路两侧。', 'The Pier Plaza is the main exhibition area, with booths on both sides.') },
      { id: 't3', x: 20, z: -36, say: bi('抬头看八卦楼的红色圆顶。', 'Look up at the red dome of Bagua Lou.') },
      { id: 't4', x: -30, z: 16, say: bi('日光岩顶，可以眺望整座岛和厦门。', 'On top of Sunlight Rock: the whole island and Xiamen beyond.') },
      { id: 't5', x: 34, z: 56, say: bi('菽庄花园与四十四桥。', 'Shuzhuang Garden and the Forty-Four Bridge.') },
      { id: 't6', x: 66, z: 44, say: bi('最后一站：郑成功雕像。', 'Last stop: the statue of Koxinga.') },
    ],
    stage: { x: 26, z: 27, ry: 0 },
    portals: [{ id: 'ferry', x: 80, z: -10, radius: 3.5, to: 'shapowei', kind: 'ferry', label: bi('乘渡轮去沙坡尾', 'Ferry to Shapowei') }],
    landmarks: [
      { id: 'pier', x: 66, z: -10, name: bi('三丘田码头', 'Ferry Pier') },
      { id: 'bagua-lou', x: 20, z: -36, name: bi('八卦楼', 'Bagua Lou') },
      { id: 'sunlight-rock', x: -30, z: 16, name: bi('日光岩', 'Sunlight Rock') },
      { id: 'shuzhuang', x: 38, z: 70, name: bi('四十四桥', 'Forty-Four Bridge') },
      { id: 'piano-museum', x: 22, z: 36, name: bi('钢琴博物馆', 'Piano Museum') },
      { id: 'koxinga', x: 66, z: 44, name: bi('郑成功雕像', 'Koxinga Statue') },
      { id: 'gangzaihou', x: -12, z: 60, name: bi('港仔后海滩', 'Gangzaihou Beach') },
      { id: 'drum-wave-rock', x: -72, z: 36, name: bi('鼓浪石', 'Drum-Wave Rock') },
    ],
    scenery,
    lanes,
  };
}
