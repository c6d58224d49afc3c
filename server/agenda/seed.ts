/**
 * The demo expo's programme (issue #11): two days — the day of seeding and the next, in China time —
 * in both halls: the opening, a talk on Gulangyu's piano culture, one on Shapowei harbour's design,
 * guided tours, the Wangchuan heritage talk, an exhibitors' showcase, the closing and an evening
 * premiere. Facts are from the team's landmark sheet; speakers are fictional, their photos drawn
 * here. The premiere plays assets/stage/demo-premiere.mp4 (with its .vtt captions) when the stage
 * has committed them; without the file it is seeded without a video.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { SessionKind } from '../../shared/api/agenda';
import { projectRoot } from '../config';
import type { Repositories } from '../db/repositories';
import type { SpeakerRecord } from '../db/repositories/agenda';
import type { ExpoRecord } from '../db/repositories/expos';
import type { MediaStore } from '../uploads/storage';
import { checkMp4, checkVtt } from '../uploads/checks';

interface Log {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

const CHINA_OFFSET_MS = 8 * 3600_000;

/** Start of the China-time day `day` days after the one `now` falls in. */
function chinaDay(now: number, day: number): number {
  const d = new Date(now + CHINA_OFFSET_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + day) - CHINA_OFFSET_MS;
}

interface DemoSpeaker {
  name: string;
  title: [string, string];
  /** the portrait's colours: background, clothes */
  colors: [string, string];
}

interface DemoSession {
  day: 0 | 1;
  hall: 'gulangyu' | 'shapowei';
  kind: SessionKind;
  /** China time, "HH:MM" */
  from: string;
  to: string;
  title: [string, string];
  description: [string, string];
  speakers: DemoSpeaker[];
  tags: string[];
}

const HOST: DemoSpeaker = { name: '陈思远', title: ['展会主办方代表', 'For the expo organizers'], colors: ['#0d3b57', '#c0392b'] };
const PIANO: DemoSpeaker = { name: '林雅琴', title: ['音乐史研究者', 'Music historian'], colors: ['#6b3fa0', '#f2b63d'] };
const DESIGN: DemoSpeaker = { name: '黄海澄', title: ['城市设计师', 'Urban designer'], colors: ['#1f6f78', '#e67e22'] };
const GUIDE_G: DemoSpeaker = { name: '苏晓鹭', title: ['鼓浪屿讲解员', 'Gulangyu guide'], colors: ['#b03a48', '#f4d35e'] };
const GUIDE_S: DemoSpeaker = { name: '郑港生', title: ['沙坡尾讲解员', 'Shapowei guide'], colors: ['#2e4057', '#66a182'] };
const FOLK: DemoSpeaker = { name: '吴清澜', title: ['闽南民俗研究者', 'Researcher of Minnan folk culture'], colors: ['#7a4419', '#d9b26f'] };

const FILM_TITLE: [string, string] = ['首映：短片《鹭岛》', 'Premiere: “Egret Island”, a short film'];
const FILM_TEXT: [string, string] = [
  '一部关于厦门的短片在舞台上首映，每个分馆实例同时播放同一画面。',
  'A short film about Xiamen premieres on the stage; every instance of the hall plays the same moment.',
];

export const DEMO_PROGRAMME: DemoSession[] = [
  {
    day: 0,
    hall: 'gulangyu',
    kind: 'talk',
    from: '09:30',
    to: '10:00',
    title: ['开幕致辞：厦门元宇宙产业博览会', 'Opening of the Xiamen Metaverse Expo'],
    description: [
      '欢迎来到鹭岛云展。本届博览会在两座厦门地标展厅中举行：世界文化遗产鼓浪屿，与由老渔港变身艺术街区的沙坡尾。',
      'Welcome to Ludao. This expo takes place in two Xiamen landmarks: the World Heritage island of Gulangyu, and Shapowei, an old fishing harbour turned arts district.',
    ],
    speakers: [HOST],
    tags: ['开幕', 'Opening'],
  },
  {
    day: 0,
    hall: 'gulangyu',
    kind: 'talk',
    from: '10:30',
    to: '11:15',
    title: ['琴岛琴声：鼓浪屿的钢琴文化', "Piano Island: Gulangyu's piano culture"],
    description: [
      '鼓浪屿被称为“钢琴之岛”“音乐之岛”，岛上家庭拥有钢琴的比例之高少有地方能及。讲座从菽庄花园里的鼓浪屿钢琴博物馆说起，讲述这座 2017 年列入世界文化遗产的“历史国际社区”的音乐传统。',
      'Gulangyu is called "Piano Island" and "Island of Music": few places have as many pianos per household. The talk starts at the Gulangyu Piano Museum in Shuzhuang Garden and follows the musical tradition of "Kulangsu, a Historic International Settlement", a World Heritage Site since 2017.',
    ],
    speakers: [PIANO],
    tags: ['音乐', 'Music', '世界遗产'],
  },
  {
    day: 0,
    hall: 'gulangyu',
    kind: 'tour',
    from: '14:00',
    to: '14:45',
    title: ['漫步鼓浪屿：从日光岩到菽庄花园', 'Walking Gulangyu: from Sunlight Rock to Shuzhuang Garden'],
    description: [
      '岛上不通汽车，我们步行穿过榕树下的小巷：登上全岛最高点日光岩（约 93 米），远眺八卦楼的红色穹顶（今为风琴博物馆），再走上菽庄花园伸入海中的四十四桥。“鼓浪”之名，来自西南海岸被浪拍击时声如擂鼓的礁石。',
      'The island is car-free, so we walk the lanes under the banyans: up Sunlight Rock, the highest point at about 93 m, past the red dome of Bagua Lou (now an organ museum), and out over the sea on the Forty-Four Bridge of Shuzhuang Garden. The name "drum waves" comes from a reef on the south-west shore that booms like a drum when the waves strike it.',
    ],
    speakers: [GUIDE_G],
    tags: ['导览', 'Tour'],
  },
  {
    day: 0,
    hall: 'gulangyu',
    kind: 'premiere',
    from: '16:00',
    to: '16:20',
    title: FILM_TITLE,
    description: FILM_TEXT,
    speakers: [],
    tags: ['首映', 'Film'],
  },
  {
    day: 0,
    hall: 'shapowei',
    kind: 'talk',
    from: '10:00',
    to: '10:45',
    title: ['从避风坞到艺术西区：沙坡尾港湾设计', 'From typhoon shelter to Art West Zone: designing Shapowei harbour'],
    description: [
      '沙坡尾是厦门岛南岸的老渔港，常被称为厦门港的发源地之一；它的避风坞里至今停泊着渔船。围绕港池的旧仓库、冰厂和厂房改造成了沙坡尾艺术西区。讲座谈如何在保留港湾肌理的同时，让工作室、画廊和小店进驻，以及近旁贴海而过的演武大桥如何框住这片水面。',
      "Shapowei is an old fishing harbour on the south shore of Xiamen Island, often called a birthplace of the Port of Xiamen; fishing boats still moor in its typhoon shelter. The warehouses, ice plants and factories around the basin became the Shapowei Art West Zone. The talk is about keeping the harbour's fabric while studios, galleries and shops move in, and about how the low Yanwu Bridge nearby frames the water.",
    ],
    speakers: [DESIGN],
    tags: ['设计', 'Design', '城市更新'],
  },
  {
    day: 0,
    hall: 'shapowei',
    kind: 'tour',
    from: '15:00',
    to: '15:40',
    title: ['沙坡尾港湾导览', 'Guided tour of Shapowei harbour'],
    description: [
      '沿避风坞走一圈：看停泊的渔船，走进由旧冰厂与仓库改造的艺术西区，最后在港边眺望演武大桥与环岛路。',
      'A walk around the typhoon shelter: the moored fishing boats, the Art West Zone in the old ice plants and warehouses, and a view of the Yanwu Bridge and the Huandao road from the harbour.',
    ],
    speakers: [GUIDE_S],
    tags: ['导览', 'Tour'],
  },
  {
    day: 1,
    hall: 'gulangyu',
    kind: 'tour',
    from: '10:00',
    to: '10:45',
    title: ['漫步鼓浪屿（第二场）', 'Walking Gulangyu (second run)'],
    description: [
      '再走一次：日光岩、八卦楼、菽庄花园与四十四桥，途经红砖白柱、拱廊环绕的老别墅。',
      'Once more: Sunlight Rock, Bagua Lou, Shuzhuang Garden and the Forty-Four Bridge, past old villas of red brick, white colonnades and arched verandas.',
    ],
    speakers: [GUIDE_G],
    tags: ['导览', 'Tour'],
  },
  {
    day: 1,
    hall: 'gulangyu',
    kind: 'talk',
    from: '14:00',
    to: '14:45',
    title: ['园区企业路演', 'Industrial park showcase'],
    description: [
      '来自厦门各产业园区的参展企业轮流登台，介绍各自的产品，并邀请观众到展位交流、预约会面。',
      "Exhibitors from Xiamen's industrial parks take turns on the stage to present their products, and invite you to their booths to talk or book a meeting.",
    ],
    speakers: [HOST],
    tags: ['路演', 'Showcase'],
  },
  {
    day: 1,
    hall: 'gulangyu',
    kind: 'talk',
    from: '17:00',
    to: '17:30',
    title: ['闭幕', 'Closing'],
    description: ['感谢各位参与，明年再会。', 'Thank you for coming; see you next year.'],
    speakers: [HOST],
    tags: ['闭幕', 'Closing'],
  },
  {
    day: 1,
    hall: 'shapowei',
    kind: 'talk',
    from: '11:00',
    to: '11:45',
    title: ['送王船：闽南沿海的海洋民俗', 'Wangchuan: the boat-sending ceremony of the Minnan coast'],
    description: [
      '厦门沿海社区延续着送王船习俗。2020 年，“送王船——有关人与海洋可持续联系的仪式及相关实践”由中国与马来西亚联合申报，列入联合国教科文组织人类非物质文化遗产代表作名录。',
      "Xiamen's coastal communities keep the Wangchuan boat-sending ceremony. In 2020 UNESCO inscribed it, nominated jointly by China and Malaysia, on the Representative List of the Intangible Cultural Heritage of Humanity.",
    ],
    speakers: [FOLK],
    tags: ['非遗', 'Heritage'],
  },
  {
    day: 1,
    hall: 'shapowei',
    kind: 'tour',
    from: '15:00',
    to: '15:40',
    title: ['沙坡尾港湾导览（第二场）', 'Guided tour of Shapowei harbour (second run)'],
    description: ['避风坞、渔船与艺术西区，再走一遍。', 'The typhoon shelter, the fishing boats and the Art West Zone, once more.'],
    speakers: [GUIDE_S],
    tags: ['导览', 'Tour'],
  },
  {
    day: 1,
    hall: 'shapowei',
    kind: 'premiere',
    from: '19:30',
    to: '19:50',
    title: ['夜场放映：短片《鹭岛》', 'Evening screening: “Egret Island”, a short film'],
    description: FILM_TEXT,
    speakers: [],
    tags: ['首映', 'Film'],
  },
];

/** A speaker's portrait: a head and shoulders in their colours, no text (no font needed). */
function portraitSvg([bg, cloth]: [string, string]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
<rect width="256" height="256" fill="${bg}"/>
<circle cx="128" cy="104" r="50" fill="#f1d3b3"/>
<path d="M128 54c-30 0-50 20-50 46 10-14 28-22 50-22s40 8 50 22c0-26-20-46-50-46z" fill="#2b2118"/>
<path d="M40 256c6-54 42-84 88-84s82 30 88 84z" fill="${cloth}"/>
</svg>`;
}

const clock = (day: number, hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return day + (h * 60 + m) * 60_000;
};

export interface AgendaSeedOptions {
  repos: Repositories;
  store: MediaStore;
  log: Log;
  /** false: no photos and no video (tests that only need rows) */
  media?: boolean;
  /** where demo-premiere.mp4 and .vtt are looked for */
  stageAssets?: string;
}

/** Seeds the programme into the demo expo. Returns how many sessions it made. */
export async function seedDemoAgenda(opts: AgendaSeedOptions, expo: ExpoRecord, now = Date.now()): Promise<number> {
  const { repos, store } = opts;
  const withMedia = opts.media !== false;
  const dir = opts.stageAssets ?? path.join(projectRoot, 'assets', 'stage');
  const video = withMedia ? readChecked(path.join(dir, 'demo-premiere.mp4'), checkMp4, opts.log) : null;
  const captions = video ? readChecked(path.join(dir, 'demo-premiere.vtt'), checkVtt, opts.log) : null;
  const photos = new Map<DemoSpeaker, Buffer>();

  const storeMedia = async (kind: 'speaker_photo' | 'session_video' | 'captions', data: Buffer, ext: 'webp' | 'mp4' | 'vtt', mime: string, name: string) =>
    (await repos.agenda.addMedia({ exhibitorId: null, kind, file: await store.put(data, ext), mime, bytes: data.length, displayName: name })).id;

  let made = 0;
  for (const s of DEMO_PROGRAMME) {
    if (!expo.halls.includes(s.hall)) continue;
    const speakers: SpeakerRecord[] = [];
    for (const p of s.speakers) {
      let photoMediaId: string | null = null;
      if (withMedia) {
        let webp = photos.get(p);
        if (!webp)
          photos.set(
            p,
            (webp = await sharp(Buffer.from(portraitSvg(p.colors)))
              .webp({ quality: 84 })
              .toBuffer()),
          );
        // each session holds its own copy: removing one session must not take another's photo
        photoMediaId = await storeMedia('speaker_photo', webp, 'webp', 'image/webp', 'speaker.webp');
      }
      speakers.push({ name: p.name, title: { zh: p.title[0], en: p.title[1] }, photoMediaId });
    }
    const isPremiere = s.kind === 'premiere';
    const day = chinaDay(now, s.day);
    await repos.agenda.create(
      expo.id,
      {
        hallId: s.hall,
        kind: s.kind,
        title: { zh: s.title[0], en: s.title[1] },
        description: { zh: s.description[0], en: s.description[1] },
        speakers,
        tags: s.tags,
        startsAt: clock(day, s.from),
        endsAt: clock(day, s.to),
        videoMediaId: isPremiere && video ? await storeMedia('session_video', video, 'mp4', 'video/mp4', 'demo-premiere.mp4') : null,
        captionsMediaId: isPremiere && captions ? await storeMedia('captions', captions, 'vtt', 'text/vtt', 'demo-premiere.vtt') : null,
        liveName: null,
      },
      now,
    );
    made++;
  }
  opts.log.info({ sessions: made, premiereVideo: !!video, captions: !!captions }, 'Seeded the demo agenda for today and tomorrow (China time)');
  return made;
}

/** The file's checked bytes, or null when it is not there (or does not pass the upload check). */
function readChecked(file: string, check: (d: Buffer) => { data: Buffer }, log: Log): Buffer | null {
  let data: Buffer;
  try {
    data = fs.readFileSync(file);
  } catch {
    return null;
  }
  try {
    return check(data).data;
  } catch (err) {
    log.warn({ file, err: (err as Error).message }, 'demo stage asset refused by the upload check; seeding without it');
    return null;
  }
}
