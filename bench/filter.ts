/**
 * Word-filter bench: the time the sensitive-word filter takes per 100-character chat message, p50
 * and p99 over 20,000 generated messages of mixed Chinese and English (greetings, questions about
 * booths, numbers, emoji, punctuation; about one in twenty carries a listed word, often disguised
 * with symbols, spaces, full-width or traditional characters), with the full starter lists plus
 * 1,000 extra words compiled in. Measured in the same run: the baseline (plain NFKC + toLowerCase
 * of the same messages) and the filter's check() and mask(), mask() being what a chat line costs.
 * Budget: 1 ms per message (issue #11). Figures only: a bench never fails a build.
 *
 *   npm run bench:filter               (BENCH_MESSAGES=... to change the count)
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { compileWordFilter, parseEntry, type WordEntry } from '../server/moderation/wordFilter';
import { starterLists } from '../server/moderation/wordFilter/starter';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20_000);
const LENGTH = 100;
const EXTRA_WORDS = 1000;
const BUDGET_MS = 1;

/** A small deterministic PRNG (mulberry32), so every run measures the same messages. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261202);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

const ZH = [
  '大家好，欢迎来到鼓浪屿展馆！',
  '请问这个展位的负责人在吗？',
  '你们的产品支持在线演示吗',
  '我想了解一下智能制造方案',
  '沙坡尾的夜景真好看',
  '明天下午三点的论坛在哪个展厅？',
  '这款机器人多少钱一台',
  '我们公司在厦门软件园二期',
  '可以加个微信详细聊聊吗',
  '感谢分享，收获很大',
  '直播什么时候开始呀',
  '展位上的视频很精彩',
  '有没有英文版的资料',
  '排队的人好多啊',
  '这个3D模型能下载吗',
];
const EN = [
  'Hello everyone, greetings from Singapore!',
  'Is there a demo of the new battery pack?',
  'Great talk, thanks for sharing the slides',
  'Where is booth A12 in the Gulangyu hall?',
  'Can I book a meeting for tomorrow at 3pm',
  'The VR tour looks amazing on my phone',
  'Do you ship to Europe and what are the MOQ terms',
  'Nice method, what dataset did you use?',
  'See you at the Scunthorpe partners session',
];
const GLUE = [' ', '，', '。', '! ', ' 😀 ', ' 👍', '...', ' 2026 ', '?', ' #expo '];
/** listed words in the disguises the filter has to see through */
const BAD = ['傻*逼', '賭博', 'f.u.c.k', 'ｆｕｃｋ', '刷 单 返 利', 'S H I T', '網上賭場', '约\u200b炮', 'Bitches', 'k粉'];

function message(): string {
  let s = '';
  while ([...s].length < LENGTH) {
    const r = rand();
    s += r < 0.05 ? pick(BAD) : r < 0.6 ? pick(ZH) : pick(EN);
    s += pick(GLUE);
  }
  return [...s].slice(0, LENGTH).join('');
}

/** 1,000 more words the way an organizer would list them: half Chinese (2 to 4 characters), half English. */
function extraWords(): WordEntry[] {
  const han =
    '的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该属布';
  const out: WordEntry[] = [];
  const seen = new Set<string>();
  while (out.length < EXTRA_WORDS) {
    let w = '';
    if (out.length % 2 === 0) {
      const n = 2 + Math.floor(rand() * 3);
      for (let i = 0; i < n; i++) w += han[Math.floor(rand() * han.length)];
    } else {
      const n = 4 + Math.floor(rand() * 6);
      for (let i = 0; i < n; i++) w += String.fromCharCode(97 + Math.floor(rand() * 26));
      if (rand() < 0.2) w += '*';
    }
    const p = parseEntry(w);
    if (p.ok && !seen.has(p.entry.word)) {
      seen.add(p.entry.word);
      out.push(p.entry);
    }
  }
  return out;
}

function quantiles(ms: number[]): { p50: number; p99: number; mean: number } {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { p50: at(0.5), p99: at(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/**
 * Times `fn` on every message, after a warm-up pass, one sample per message: wall time, and the
 * process's CPU time over the same call (µs resolution), which leaves out the time other processes
 * on a shared machine held the core.
 */
function time(messages: string[], fn: (m: string) => unknown): { wall: number[]; cpu: number[] } {
  for (let i = 0; i < Math.min(2000, messages.length); i++) fn(messages[i]);
  const wall = new Array<number>(messages.length);
  const cpu = new Array<number>(messages.length);
  let sink = 0;
  for (let i = 0; i < messages.length; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const r = fn(messages[i]);
    wall[i] = performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpu[i] = (c.user + c.system) / 1000;
    if (r) sink++;
  }
  if (sink < 0) console.log(sink); // keeps the results alive
  return { wall, cpu };
}

function measure(what: string, fn: (m: string) => unknown) {
  const t = time(messages, fn);
  return { what, wall: quantiles(t.wall), cpu: quantiles(t.cpu) };
}

const starter = starterLists();
const entries = [...starter.zh, ...starter.en, ...extraWords()];
const t0 = performance.now();
const filter = compileWordFilter(entries, 1);
const compileMs = performance.now() - t0;
const messages = Array.from({ length: MESSAGES }, message);
const withHits = messages.filter((m) => filter.check(m).hits.length).length;

const rows = [
  measure('baseline: NFKC + toLowerCase', (m) => m.normalize('NFKC').toLowerCase()),
  measure('filter.check (hits only)', (m) => filter.check(m)),
  measure('filter.mask (what a chat line costs)', (m) => filter.mask(m)),
];

const f = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
console.log(
  `word filter: ${entries.length} entries (${starter.zh.length} zh + ${starter.en.length} en starter, ${EXTRA_WORDS} extra), compiled in ${compileMs.toFixed(1)} ms`,
);
console.log(`${MESSAGES} messages of ${LENGTH} characters, ${withHits} (${((withHits / MESSAGES) * 100).toFixed(1)} %) with a listed word\n`);
console.log('| what | wall p50 | wall p99 | wall mean | on-CPU p50 | on-CPU p99 | mean vs baseline |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(
    `| ${r.what} | ${f(r.wall.p50)} | ${f(r.wall.p99)} | ${f(r.wall.mean)} | ${f(r.cpu.p50)} | ${f(r.cpu.p99)} | ×${(r.wall.mean / rows[0].wall.mean).toFixed(0)} |`,
  );
}
const mask = rows[2];
const verdict = (ms: number) => (ms <= BUDGET_MS ? 'MET' : 'NOT MET');
console.log(`\nbudget ${BUDGET_MS} ms per 100-character message (filter.mask):`);
console.log(
  `  p50 wall ${f(mask.wall.p50)}: ${verdict(mask.wall.p50)}; p99 wall ${f(mask.wall.p99)}: ${verdict(mask.wall.p99)}; p99 on-CPU ${f(mask.cpu.p99)}: ${verdict(mask.cpu.p99)}`,
);
console.log(
  `  load average now: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} on ${os.cpus().length} cores (wall p99 includes time other processes held the core)`,
);
