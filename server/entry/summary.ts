/**
 * What the landing page shows before a visitor enters (issue #11 item 5): per hall, the visitors in
 * every instance on every process now (the matchmaker's room listing, which the RedisDriver shares
 * between processes), the stage's session on now and the next one (the agenda service), and the
 * entry rule. One summary is computed at most every SUMMARY_TTL_MS per process, whatever the
 * number of landing pages asking, and concurrent askers share the one computation.
 */
import { matchMaker } from '@colyseus/core';
import type { EntryHallSummary } from '../../shared/api/entry';
import { ENTRY_SUMMARY_REFRESH_MS } from '../../shared/api/entry';
import { HALL_IDS } from '../../shared/halls';
import { ROOM_HALL } from '../../shared/protocol';
import type { AgendaSessionView } from '../../shared/api/agenda';
import type { Repositories } from '../db/repositories';
import type { Logger } from '../lib/logger';
import type { EntryService } from './service';

const SUMMARY_TTL_MS = Math.min(2_000, ENTRY_SUMMARY_REFRESH_MS);

export interface SummaryDeps {
  repos: () => Repositories;
  entry: EntryService;
  upcoming: (hallId: string, now: number) => Promise<AgendaSessionView[]>;
  /** visitors per hall now (default: the matchmaker's listing of hall rooms) */
  visitors?: () => Promise<Record<string, number>>;
  log: Pick<Logger, 'warn'>;
}

/** Connected and reserved seats per hall, summed over the instances the matchmaker lists. */
export async function listedVisitors(): Promise<Record<string, number>> {
  const rooms = (await matchMaker.query({ name: ROOM_HALL })) as { clients: number; hallId?: unknown }[];
  const out: Record<string, number> = {};
  for (const r of rooms) if (typeof r.hallId === 'string') out[r.hallId] = (out[r.hallId] ?? 0) + r.clients;
  return out;
}

/** The session on the stage now and the one after it (sessions are listed by start). */
export function nowAndNext(sessions: AgendaSessionView[], now: number): { now: AgendaSessionView | null; next: AgendaSessionView | null } {
  const sorted = [...sessions].sort((a, b) => a.startsAt - b.startsAt);
  return { now: sorted.find((s) => s.startsAt <= now && s.endsAt > now) ?? null, next: sorted.find((s) => s.startsAt > now) ?? null };
}

export function hallSummaries(d: SummaryDeps): { get(): Promise<{ halls: EntryHallSummary[]; at: number }>; changed(): void } {
  let last: { at: number; value: { halls: EntryHallSummary[]; at: number } } | null = null;
  let pending: Promise<{ halls: EntryHallSummary[]; at: number }> | null = null;

  async function compute(): Promise<{ halls: EntryHallSummary[]; at: number }> {
    const at = Date.now();
    const expo = await d.repos().expos.getActive();
    const halls = expo ? HALL_IDS.filter((h) => expo.halls.includes(h)) : [...HALL_IDS];
    const visitors = await (d.visitors ?? listedVisitors)().catch((err: unknown) => {
      d.log.warn({ err }, 'hall occupancy could not be listed');
      return {} as Record<string, number>;
    });
    const out = await Promise.all(
      halls.map(async (hallId): Promise<EntryHallSummary> => {
        const [rule, sessions] = await Promise.all([
          // an unreadable rule is shown as invite-only, as the join would refuse it
          d.entry.ruleFor(hallId).catch(() => ({ rule: 'invite' as const })),
          d.upcoming(hallId, at).catch(() => [] as AgendaSessionView[]),
        ]);
        return { hallId, rule: rule.rule, visitors: visitors[hallId] ?? 0, ...nowAndNext(sessions, at) };
      }),
    );
    return { halls: out, at };
  }

  return {
    async get() {
      if (last && Date.now() - last.at < SUMMARY_TTL_MS) return last.value;
      pending ??= compute().finally(() => (pending = null));
      const value = await pending;
      last = { at: value.at, value };
      return value;
    },
    changed() {
      last = null;
    },
  };
}
