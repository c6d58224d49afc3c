/**
 * The organizer's form for one lot, and its conversion to the body the server checks (shared
 * lotInputSchema). Every problem is a code the form says in the organizer's language, each beside
 * its field, so a bad price or a close before the opening is named before anything is sent.
 */
import { AUCTION_MAX_AMOUNT } from '../../../../../shared/auctionRules';
import type { LotInput } from '../../../../../shared/api/auction';
import { LOT_KIND_VALUES } from '../../../../../shared/api/auction';
import { fromLocalInput, toLocalInput } from '../agenda/draft';

export type LotKind = (typeof LOT_KIND_VALUES)[number];

export interface LotDraft {
  hallId: string;
  sessionId: string;
  kind: LotKind;
  titleZh: string;
  titleEn: string;
  descZh: string;
  descEn: string;
  startPrice: string;
  increment: string;
  opens: string;
  closes: string;
  softClose: string;
  picture: { id: string; url: string } | null;
}

export type LotProblem = 'titleZh' | 'titleEn' | 'descZh' | 'descEn' | 'startPrice' | 'increment' | 'opens' | 'closes' | 'order' | 'past' | 'softClose';
/** Which field each problem is shown beside. */
export const PROBLEM_FIELD: Record<LotProblem, keyof LotDraft> = {
  titleZh: 'titleZh',
  titleEn: 'titleEn',
  descZh: 'descZh',
  descEn: 'descEn',
  startPrice: 'startPrice',
  increment: 'increment',
  opens: 'opens',
  closes: 'closes',
  order: 'closes',
  past: 'closes',
  softClose: 'softClose',
};

/** A new lot: opens at the next full 10 minutes, for half an hour. */
export function emptyLot(hallId: string, now: number): LotDraft {
  const opens = Math.ceil((now + 60_000) / 600_000) * 600_000;
  return {
    hallId,
    sessionId: '',
    kind: 'goods',
    titleZh: '',
    titleEn: '',
    descZh: '',
    descEn: '',
    startPrice: '100',
    increment: '10',
    opens: toLocalInput(opens),
    closes: toLocalInput(opens + 30 * 60_000),
    softClose: '30',
    picture: null,
  };
}

const whole = (v: string, min: number, max: number): number | null => {
  if (!/^\s*\d+\s*$/.test(v)) return null;
  const n = Number(v);
  return Number.isSafeInteger(n) && n >= min && n <= max ? n : null;
};

/** The body to send, or the problems that keep it from being sent. */
export function lotBody(d: LotDraft, now: number): { ok: true; body: LotInput } | { ok: false; problems: LotProblem[] } {
  const problems: LotProblem[] = [];
  for (const k of ['titleZh', 'titleEn', 'descZh', 'descEn'] as const) if (!d[k].trim()) problems.push(k);
  const startPrice = whole(d.startPrice, 1, AUCTION_MAX_AMOUNT);
  if (startPrice === null) problems.push('startPrice');
  const increment = whole(d.increment, 1, AUCTION_MAX_AMOUNT);
  if (increment === null) problems.push('increment');
  const softCloseS = whole(d.softClose, 0, 600);
  if (softCloseS === null) problems.push('softClose');
  const opensAt = fromLocalInput(d.opens);
  const closesAt = fromLocalInput(d.closes);
  if (!Number.isFinite(opensAt)) problems.push('opens');
  if (!Number.isFinite(closesAt)) problems.push('closes');
  else if (Number.isFinite(opensAt) && closesAt <= opensAt) problems.push('order');
  else if (closesAt <= now) problems.push('past');
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    body: {
      hallId: d.hallId,
      sessionId: d.sessionId || null,
      kind: d.kind,
      title: { zh: d.titleZh.trim(), en: d.titleEn.trim() },
      description: { zh: d.descZh.trim(), en: d.descEn.trim() },
      startPrice: startPrice!,
      increment: increment!,
      opensAt,
      closesAt,
      softCloseS: softCloseS!,
      pictureMediaId: d.picture?.id ?? null,
    },
  };
}
