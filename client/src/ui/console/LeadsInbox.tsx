/**
 * A booth's leads inbox in the exhibitor console: the cards visitors left (consented fields only),
 * newest first, live over the booth's lead stream (a new card appears at the top, a withdrawn one
 * disappears), with search, a rating filter, one-click rating, tags and notes, and CSV / Excel
 * exports. New cards count in the tab's title until the exhibitor looks at the inbox.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_RATINGS, type LeadRating, type LeadView } from '../../../../shared/api/leads';
import { api, routeUrl } from '../../net/api';
import { followLeads } from './leads/leadStream';
import { LeadRow } from './leads/LeadRow';
import { useTitleBadge } from '../titleBadge';
import { errorText } from './session';
import './leads/leads.css';

type Change = { kind: 'lead'; lead: LeadView } | { kind: 'removed'; id: string };

function apply(list: LeadView[], c: Change): LeadView[] {
  if (c.kind === 'removed') return list.filter((l) => l.id !== c.id);
  return [c.lead, ...list.filter((l) => l.id !== c.lead.id)].sort((a, b) => b.createdAt - a.createdAt);
}

export function LeadsInbox({ boothId }: { boothId: string }) {
  const { t, i18n } = useTranslation();
  const [leads, setLeads] = useState<LeadView[] | null>(null);
  const [lastExportAt, setLastExportAt] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stream, setStream] = useState<'connecting' | 'up' | 'down'>('connecting');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [rating, setRating] = useState<LeadRating | ''>('');
  const [unread, setUnread] = useState<ReadonlySet<string>>(new Set());
  // events that arrive while a list is being fetched are replayed on top of it
  const during = useRef<Change[] | null>(null);
  // typing a search starts a load per pause: only the latest one's answer counts
  const seq = useRef(0);
  const filtered = query !== '' || rating !== '';

  const load = useCallback(async () => {
    const mine = ++seq.current;
    during.current = [];
    try {
      const r = await api('leads', { params: { boothId }, query: { q: query || undefined, rating: rating || undefined } });
      if (mine !== seq.current) return;
      // a filtered list takes new leads from the server (it knows the match rules); an unfiltered one replays them
      const replay = filtered ? during.current.filter((c) => c.kind === 'removed') : during.current;
      setLeads(replay.reduce(apply, r.leads));
      setLastExportAt(r.lastExportAt);
      setProblem(null);
    } catch (err) {
      if (mine === seq.current) setProblem(t('leads.loadFailed', { message: errorText(err) }));
    } finally {
      if (mine === seq.current) during.current = null;
    }
  }, [boothId, query, rating, filtered, t]);

  useEffect(() => {
    void load();
  }, [load]);

  // search as one types, without a request per key
  useEffect(() => {
    const id = window.setTimeout(() => setQuery(q.trim()), 300);
    return () => window.clearTimeout(id);
  }, [q]);

  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  }, [load]);
  const filteredRef = useRef(filtered);
  useEffect(() => {
    filteredRef.current = filtered;
  }, [filtered]);

  useEffect(
    () =>
      followLeads(boothId, {
        onLead: (lead) => {
          setUnread((u) => new Set(u).add(lead.id));
          if (during.current) during.current.push({ kind: 'lead', lead });
          // whether a new lead matches a search is the server's rule: ask it again
          else if (filteredRef.current) void loadRef.current();
          else setLeads((cur) => (cur ? apply(cur, { kind: 'lead', lead }) : cur));
        },
        onRemoved: ({ id }) => {
          setUnread((u) => {
            if (!u.has(id)) return u;
            const next = new Set(u);
            next.delete(id);
            return next;
          });
          during.current?.push({ kind: 'removed', id });
          setLeads((cur) => (cur ? apply(cur, { kind: 'removed', id }) : cur));
        },
        onStatus: (up, reconnected) => {
          setStream(up ? 'up' : 'down');
          if (reconnected) void loadRef.current();
        },
      }),
    [boothId],
  );

  useTitleBadge(`leads:${boothId}`, unread.size, t('console.title'));
  const markRead = () => {
    if (unread.size > 0) setUnread(new Set());
  };

  const exportUrl = (format: 'csv' | 'xlsx', newSince: boolean) =>
    routeUrl('exportLeads', { params: { boothId }, query: { format, newSince: newSince ? '1' : '0' } });
  // the download happens beside the page: fetch the new "last export" time once it has gone through
  const afterExport = () => window.setTimeout(() => void load(), 1500);
  const when = (ms: number) => new Date(ms).toLocaleString(i18n.language);

  return (
    <section
      className="console-card leads-inbox"
      aria-labelledby={`leads-${boothId}`}
      data-testid="leads-inbox"
      data-booth={boothId}
      onPointerMove={markRead}
      onFocus={markRead}
      onKeyDown={markRead}
    >
      <div className="console-row leads-head">
        <h2 id={`leads-${boothId}`}>
          {t('leads.title')}
          {leads && <small> · {t('leads.count', { count: leads.length })}</small>}
        </h2>
        <span className={`leads-live ${stream}`} role="status" data-testid="leads-live" data-state={stream}>
          <span className="dot" aria-hidden="true" />
          {t(`leads.stream.${stream}`)}
        </span>
      </div>

      <div className="console-row leads-filters">
        <label>
          {t('leads.search')}
          <input
            type="search"
            value={q}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('leads.searchPlaceholder')}
            data-testid="leads-search"
          />
        </label>
        <label>
          {t('leads.ratingFilter')}
          <select value={rating} onChange={(e) => setRating(e.target.value as LeadRating | '')} data-testid="leads-rating-filter">
            <option value="">{t('leads.allRatings')}</option>
            {LEAD_RATINGS.map((r) => (
              <option key={r} value={r}>
                {t(`leads.ratings.${r}`)}
              </option>
            ))}
          </select>
        </label>
      </div>

      <div className="console-row leads-export">
        <span>{t('leads.export')}:</span>
        <a className="button" href={exportUrl('csv', false)} download onClick={afterExport} data-testid="leads-export-csv">
          {t('leads.exportCsv')}
        </a>
        <a className="button" href={exportUrl('xlsx', false)} download onClick={afterExport} data-testid="leads-export-xlsx">
          {t('leads.exportXlsx')}
        </a>
        <a className="button" href={exportUrl('csv', true)} download onClick={afterExport} data-testid="leads-export-new">
          {t('leads.exportNew')}
        </a>
        <small className="leads-last-export" data-testid="leads-last-export">
          {lastExportAt ? t('leads.lastExport', { date: when(lastExportAt) }) : t('leads.neverExported')}
        </small>
      </div>

      <p className="form-problem" role="alert">
        {problem}
      </p>
      {leads === null ? (
        !problem && <p>{t('console.loading')}</p>
      ) : leads.length === 0 ? (
        <p className="leads-empty" data-testid="leads-empty">
          {filtered ? t('leads.noMatch') : t('leads.none')}
        </p>
      ) : (
        <ul className="leads-list" data-testid="leads-list">
          {leads.map((l) => (
            <LeadRow key={l.id} lead={l} unread={unread.has(l.id)} onChanged={(n) => setLeads((cur) => cur && cur.map((x) => (x.id === n.id ? n : x)))} />
          ))}
        </ul>
      )}
    </section>
  );
}
