/**
 * Analytics as CSV: UTF-8 with a byte-order mark (what makes Excel on Windows read Chinese), times
 * in China Standard Time, text cells neutralised against formula injection like the lead export.
 */
import { DAY_OFFSET_MS, type AnalyticsTotals, type SeriesPoint } from '../../shared/api/analytics';
import { safeCell } from '../http/leadExport';
import type { ExpoBooth } from './repository';

function cell(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : safeCell(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csv(rows: (string | number)[][]): string {
  return `\uFEFF${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** 2025-05-20 14:05 in UTC+8 */
export function cstTime(ms: number): string {
  return new Date(ms + DAY_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

const MEASURES = [
  ['visits', '到访 Visits'],
  ['uniqueVisitors', '独立访客 Unique visitors'],
  ['brochureDownloads', '资料下载 Brochure downloads'],
  ['websiteClicks', '官网点击 Website clicks'],
  ['questions', '咨询 Questions'],
  ['cards', '名片 Cards'],
  ['meetingsBooked', '预约洽谈 Meetings booked'],
] as const;

export function seriesCsv(series: SeriesPoint[]): string {
  return csv([['时间 Time (UTC+8)', ...MEASURES.map(([, h]) => h)], ...series.map((p) => [cstTime(p.t), ...MEASURES.map(([k]) => p[k])])]);
}

export function boothsCsv(booths: (ExpoBooth & { totals: AnalyticsTotals })[], from: number, to: number): string {
  return csv([
    [
      '展商 Exhibitor',
      'Exhibitor (en)',
      '展馆 Hall',
      '展位 Slot',
      ...MEASURES.map(([, h]) => h),
      '平均停留秒 Avg dwell (s)',
      '已举行洽谈 Meetings held',
      '起 From (UTC+8)',
      '止 To (UTC+8)',
    ],
    ...booths.map((b) => [
      b.name.zh,
      b.name.en,
      b.hallId,
      b.slotId ?? '',
      ...MEASURES.map(([k]) => b.totals[k]),
      b.totals.avgDwellS,
      b.totals.meetingsHeld,
      cstTime(from),
      cstTime(to),
    ]),
  ]);
}
