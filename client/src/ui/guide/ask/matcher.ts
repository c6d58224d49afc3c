/**
 * "Ask the guide" (issue #12): a small bilingual matcher over what the hall knows — its booths
 * (names, titles, products), its places (landmarks, the stage, the ferry, the halls) and the agenda —
 * that answers "where is X", "who makes Y" and "what's on now", with targets for "take me there".
 * No language model and no remote service: words are folded (fold.ts), the question's intent is read
 * from its wording (intents.ts), and its subject is compared with every name by weighted overlap —
 * character pairs for Chinese (no word breaks needed), words for English, forgiving one slip in a
 * word of four letters or more, two in one of seven. Rare words weigh more than common ones
 * ("鼓浪屿" is in many names, "钢琴" in few). A question nothing matches well gets an honest
 * "I don't know" and the directory.
 *
 * Pure (the clock comes in with the data) and total: any string in, an answer out, never a throw.
 */
import { fold, isHan } from './fold';
import { intentsOf, subjectOf, type Intent } from './intents';

export interface Bi {
  zh: string;
  en: string;
}

export interface AskProduct {
  name: Bi;
  description: Bi;
}

export interface AskBooth {
  boothId: string;
  hallId: string;
  /** null: not placed in the hall yet (no "take me there") */
  slotId: string | null;
  name: Bi;
  title: Bi;
  description: Bi;
  products: AskProduct[];
}

export type PlaceKind = 'landmark' | 'stage' | 'ferry' | 'zone' | 'hall';

export interface AskPlace {
  /** unique within its hall */
  id: string;
  hallId: string;
  kind: PlaceKind;
  /** the name shown, then other names it answers to */
  name: Bi;
  aliases: Bi[];
  /** where to stand: walkable */
  x: number;
  z: number;
}

export interface AskSession {
  id: string;
  hallId: string;
  title: Bi;
  speakers: string[];
  tags: string[];
  startsAt: number;
  endsAt: number;
}

export interface AskData {
  /** the hall the visitor is in */
  hallId: string;
  halls: Record<string, Bi>;
  booths: AskBooth[];
  places: AskPlace[];
  sessions: AskSession[];
}

export type AskTarget =
  | { kind: 'booth'; boothId: string; hallId: string; slotId: string | null; name: Bi }
  | { kind: 'place'; id: string; placeKind: PlaceKind; hallId: string; name: Bi; x: number; z: number }
  | { kind: 'session'; id: string; hallId: string; title: Bi; startsAt: number; endsAt: number };

/** A value for the answer's text: plain, bilingual (picked by the reader's language), or an instant (shown in the reader's time zone). */
export type AskParam = string | number | Bi | { at: number };

export type AnswerKind = 'where' | 'whoMakes' | 'agenda' | 'greeting' | 'help' | 'thanks' | 'unknown' | 'empty';

export interface AskAnswer {
  kind: AnswerKind;
  /** key in the guideAsk i18n namespace */
  key: string;
  params: Record<string, AskParam>;
  /** what "take me there" can go to, best first */
  targets: AskTarget[];
  /** offer the exhibitor directory (unknown questions) */
  directory: boolean;
}

/** Questions are cut to this many characters (the text box holds no more either). */
export const QUESTION_MAX = 200;
/** A match must score this much (0..1) to be offered. */
const ACCEPT = 0.5;
/** Others offered beside the best must score this share of it. */
const NEAR_BEST = 0.9;
/** Below this, the words left in a question match nothing we know. */
const WEAK = 0.25;
const MAX_TARGETS = 3;

// ---------- grams ----------

/** The grams of folded text: character pairs of each run of Chinese, words of anything else. */
export function gramsOf(folded: string): string[] {
  const out = new Set<string>();
  for (const word of folded.split(' ')) {
    if (!word) continue;
    let run = '';
    let latin = '';
    const flushRun = () => {
      const chars = Array.from(run);
      if (chars.length === 1) out.add(chars[0]);
      for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i] + chars[i + 1]);
      run = '';
    };
    const flushLatin = () => {
      if (latin) out.add(stem(latin));
      latin = '';
    };
    for (const ch of word) {
      if (isHan(ch)) {
        flushLatin();
        run += ch;
      } else {
        flushRun();
        latin += ch;
      }
    }
    flushRun();
    flushLatin();
  }
  return [...out];
}

/** "headsets" and "headset", "acoustics" and "acoustic" are one word here. */
function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Optimal string alignment distance (an adjacent swap counts one), stopping early past `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push(new Array<number>(b.length + 1).fill(0));
    rows[i][0] = i;
  }
  for (let j = 0; j <= b.length; j++) rows[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let best = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2][j - 2] + 1);
      rows[i][j] = d;
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
  }
  return rows[a.length][b.length];
}

/** How well two grams match, 0..1: the same; a word and its start (4+ letters); a word with a slip in it. */
function likeness(a: string, b: string): number {
  if (a === b) return 1;
  // Chinese pairs match exactly or not at all (a slip in a name still leaves its other pairs)
  if (isHan(a[0]) || isHan(b[0])) return 0;
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  if (short.length >= 4 && long.startsWith(short)) return 0.9;
  const n = short.length;
  if (n < 4 || /\d/.test(a + b)) return 0;
  const max = n >= 7 ? 2 : 1;
  return editDistance(a, b, max) <= max ? 0.8 : 0;
}

// ---------- the index ----------

type Role = 'name' | 'title' | 'desc' | 'product' | 'productDesc' | 'session';

interface Field {
  grams: string[];
  role: Role;
  /** the product this field belongs to, for "who makes" */
  product?: Bi;
}

interface Candidate {
  target: AskTarget;
  fields: Field[];
}

interface Index {
  candidates: Candidate[];
  /** how many fields hold each gram, and how many fields there are */
  df: Map<string, number>;
  fields: number;
}

const fieldsOf = (text: Bi, role: Role, product?: Bi): Field[] =>
  [text.zh, text.en].filter((s) => s.trim()).map((s) => ({ grams: gramsOf(fold(s)), role, product }));

/** A name with parts ("菽庄花园 · 四十四桥") answers to each part too. */
function withParts(name: Bi): Bi[] {
  const split = (s: string) => s.split(/\s*[·•|/]\s*/).filter(Boolean);
  const zh = split(name.zh);
  const en = split(name.en);
  if (zh.length < 2 && en.length < 2) return [name];
  const parts: Bi[] = [name];
  for (let i = 0; i < Math.max(zh.length, en.length); i++) parts.push({ zh: zh[i] ?? '', en: en[i] ?? '' });
  return parts;
}

function buildIndex(data: AskData): Index {
  const candidates: Candidate[] = [];
  for (const b of data.booths) {
    const fields = [...fieldsOf(b.name, 'name'), ...fieldsOf(b.title, 'title'), ...fieldsOf(b.description, 'desc')];
    for (const p of b.products) fields.push(...fieldsOf(p.name, 'product', p.name), ...fieldsOf(p.description, 'productDesc', p.name));
    candidates.push({ target: { kind: 'booth', boothId: b.boothId, hallId: b.hallId, slotId: b.slotId, name: b.name }, fields });
  }
  for (const p of data.places) {
    const fields = [p.name, ...p.aliases].flatMap(withParts).flatMap((n) => fieldsOf(n, 'name'));
    candidates.push({ target: { kind: 'place', id: p.id, placeKind: p.kind, hallId: p.hallId, name: p.name, x: p.x, z: p.z }, fields });
  }
  for (const s of data.sessions) {
    const fields = [...fieldsOf(s.title, 'session'), ...[...s.speakers, ...s.tags].flatMap((word) => fieldsOf({ zh: word, en: '' }, 'session'))];
    candidates.push({ target: { kind: 'session', id: s.id, hallId: s.hallId, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt }, fields });
  }
  const df = new Map<string, number>();
  let count = 0;
  for (const c of candidates)
    for (const f of c.fields) {
      count++;
      for (const g of f.grams) df.set(g, (df.get(g) ?? 0) + 1);
    }
  return { candidates, df, fields: count };
}

const indexes = new WeakMap<AskData, Index>();
function indexOf(data: AskData): Index {
  let index = indexes.get(data);
  if (!index) indexes.set(data, (index = buildIndex(data)));
  return index;
}

// ---------- scoring ----------

/** Rare grams weigh more; one no name holds weighs most (it is a word of the question that matches nothing). */
function weight(index: Index, gram: string): number {
  return Math.log(1 + index.fields / (index.df.get(gram) ?? 0.5));
}

/** Each gram of `from` against its best match in `to`: the weight matched and the weight there was. */
function covered(index: Index, from: readonly string[], to: readonly string[]): { hit: number; all: number } {
  let hit = 0;
  let all = 0;
  for (const g of from) {
    const w = weight(index, g);
    all += w;
    let best = 0;
    for (const h of to) {
      best = Math.max(best, likeness(g, h));
      if (best === 1) break;
    }
    hit += w * best;
  }
  return { hit, all };
}

/**
 * A field's score, 0..1. Names: the question holds the name (entity side), or the name holds the
 * question (question side), or both overlap (Dice). Longer texts (a product's description) count only
 * from the question's side and for less: they hold many words nobody asked about.
 */
function fieldScore(index: Index, question: readonly string[], field: Field): number {
  if (!field.grams.length || !question.length) return 0;
  const q = covered(index, question, field.grams);
  if (q.hit === 0) return 0;
  const qCov = q.hit / q.all;
  if (field.role === 'desc' || field.role === 'productDesc') return 0.65 * qCov;
  const e = covered(index, field.grams, question);
  const eCov = e.hit / e.all;
  const dice = (q.hit + e.hit) / (q.all + e.all);
  if (field.role === 'title') return Math.max(dice, 0.8 * eCov, 0.75 * qCov);
  return Math.max(dice, 0.9 * eCov, 0.8 * qCov);
}

/** How much each kind of field counts for each intent (a "who makes" question is about products first). */
function roleWeight(intent: Intent | null, kind: AskTarget['kind'], role: Role): number {
  if (intent === 'whoMakes') {
    if (kind !== 'booth') return 0;
    return role === 'name' ? 0.9 : 1;
  }
  if (intent === 'where') {
    if (kind === 'session') return 0.6;
    return role === 'name' ? 1 : 0.9;
  }
  if (intent === 'agenda') return kind === 'session' ? 1 : 0.7;
  return kind === 'session' ? 0.9 : 1;
}

interface Scored {
  target: AskTarget;
  score: number;
  /** matched through this field's role */
  role: Role;
  product?: Bi;
}

function rank(index: Index, question: readonly string[], intent: Intent | null, hallId: string, now: number): Scored[] {
  const out: Scored[] = [];
  for (const c of index.candidates) {
    let best: Scored | null = null;
    for (const f of c.fields) {
      const w = roleWeight(intent, c.target.kind, f.role);
      if (w === 0) continue;
      const s = w * fieldScore(index, question, f);
      if (!best || s > best.score) best = { target: c.target, score: s, role: f.role, product: f.product };
    }
    if (!best || best.score <= 0) continue;
    // a session that is over matters less than one to come
    if (c.target.kind === 'session' && c.target.endsAt <= now) best.score *= 0.9;
    // the visitor's own hall first when two score alike
    if (c.target.hallId === hallId) best.score += 1e-3;
    out.push(best);
  }
  return out.sort((a, b) => b.score - a.score);
}

// ---------- answers ----------

const answer = (kind: AnswerKind, key: string, params: Record<string, AskParam> = {}, targets: AskTarget[] = [], directory = false): AskAnswer => ({
  kind,
  key,
  params,
  targets,
  directory,
});

const hallName = (data: AskData, hallId: string): Bi => data.halls[hallId] ?? { zh: hallId, en: hallId };

function agendaNow(data: AskData, now: number): AskAnswer {
  const upcoming = data.sessions.filter((s) => s.endsAt > now).sort((a, b) => a.startsAt - b.startsAt || a.id.localeCompare(b.id));
  // this hall's programme first; another hall's only when this one has nothing left
  const here = upcoming.filter((s) => s.hallId === data.hallId);
  const list = here.length ? here : upcoming;
  const on = list.find((s) => s.startsAt <= now) ?? null;
  const next = list.find((s) => s.startsAt > now) ?? null;
  const target = (s: AskSession): AskTarget => ({ kind: 'session', id: s.id, hallId: s.hallId, title: s.title, startsAt: s.startsAt, endsAt: s.endsAt });
  const hall = (s: AskSession) => hallName(data, s.hallId);
  if (on && next)
    return answer('agenda', 'agenda.onAndNext', { title: on.title, hall: hall(on), end: { at: on.endsAt }, next: next.title, start: { at: next.startsAt } }, [
      target(on),
      target(next),
    ]);
  if (on) return answer('agenda', 'agenda.on', { title: on.title, hall: hall(on), end: { at: on.endsAt } }, [target(on)]);
  if (next) return answer('agenda', 'agenda.next', { title: next.title, hall: hall(next), start: { at: next.startsAt } }, [target(next)]);
  return answer('agenda', 'agenda.none', { hall: hallName(data, data.hallId) });
}

function fromMatch(data: AskData, best: Scored, others: Scored[], intent: Intent | null, now: number): AskAnswer {
  const t = best.target;
  const targets = [t, ...others.map((o) => o.target)];
  const hall = hallName(data, t.hallId);
  const elsewhere = t.hallId !== data.hallId;
  if (t.kind === 'session') {
    const key = t.startsAt <= now && now < t.endsAt ? 'agenda.sessionOn' : t.endsAt <= now ? 'agenda.sessionOver' : 'agenda.session';
    return answer('agenda', key, { title: t.title, hall, start: { at: t.startsAt }, end: { at: t.endsAt } }, targets);
  }
  if (t.kind === 'place') {
    if (t.placeKind === 'hall') return answer('where', t.hallId === data.hallId ? 'where.hallHere' : 'where.hall', { name: t.name }, targets);
    return answer('where', elsewhere ? 'where.placeElsewhere' : 'where.place', { name: t.name, hall }, targets);
  }
  const byProduct = best.role === 'product' || best.role === 'productDesc' || best.role === 'title' || best.role === 'desc' || intent === 'whoMakes';
  if (others.length) return answer(byProduct ? 'whoMakes' : 'where', byProduct ? 'whoMakes.many' : 'where.many', { count: targets.length }, targets);
  if (byProduct) {
    const what = best.product;
    const key = (what ? 'whoMakes.product' : 'whoMakes.booth') + (elsewhere ? 'Elsewhere' : '');
    return answer('whoMakes', key, what ? { name: t.name, product: what, hall } : { name: t.name, hall }, targets);
  }
  return answer('where', elsewhere ? 'where.boothElsewhere' : 'where.booth', { name: t.name, hall }, targets);
}

/** The first intent of a question, most specific first ("哪里能买" is about who sells, not only where). */
const FIRST: Intent[] = ['whoMakes', 'where', 'agenda', 'help', 'thanks', 'greeting'];

/** Removes control and invisible format characters, cuts to QUESTION_MAX characters (whole code points). */
export function cleanQuestion(raw: unknown): string {
  if (typeof raw !== 'string') return '';
  const s = raw.length > QUESTION_MAX * 4 ? raw.slice(0, QUESTION_MAX * 4) : raw;
  return Array.from(s.replace(/[\p{Cc}\p{Cf}]/gu, ' '))
    .slice(0, QUESTION_MAX)
    .join('')
    .trim();
}

export function askGuide(raw: unknown, data: AskData, now: number): AskAnswer {
  try {
    const question = cleanQuestion(raw);
    if (!question) return answer('empty', 'empty');
    const folded = fold(question);
    const intents = intentsOf(folded);
    const intent = FIRST.find((i) => intents.has(i)) ?? null;
    const subject = gramsOf(subjectOf(folded));
    const ranked = subject.length
      ? rank(indexOf(data), subject, intent === 'where' || intent === 'whoMakes' || intent === 'agenda' ? intent : null, data.hallId, now)
      : [];
    const best = ranked[0];
    if (best && best.score >= ACCEPT) {
      const others = ranked
        .slice(1)
        .filter((o) => o.score >= ACCEPT && o.score >= best.score * NEAR_BEST && o.target.kind === best.target.kind)
        // every hall has a stage: the one here, not both
        .filter((o) => !(o.target.kind === 'place' && best.target.kind === 'place' && o.target.id === best.target.id))
        .slice(0, MAX_TARGETS - 1);
      // a question about the programme that names no session: what is on now and next
      if (intent === 'agenda' && best.target.kind !== 'session') return agendaNow(data, now);
      return fromMatch(data, best, others, intent, now);
    }
    // "what's on" alone, or about something we know: the programme; "今天天气怎么样" is not about it
    if (intent === 'agenda' && (subject.length === 0 || (best?.score ?? 0) >= WEAK)) return agendaNow(data, now);
    if (intent === 'help') return answer('help', 'help');
    if (intent === 'thanks') return answer('thanks', 'thanks');
    if (intent === 'greeting') return answer('greeting', 'greeting');
    return answer('unknown', 'unknown', {}, [], true);
  } catch {
    // never a crash for a question: the honest answer instead
    return answer('unknown', 'unknown', {}, [], true);
  }
}
