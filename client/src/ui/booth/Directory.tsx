/** The exhibitor directory: search by name or theme, filter by industry, park and hall, and go there. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INDUSTRIES, PARKS } from '../../../../shared/api/terms';
import type { DirectoryEntry } from '../../../../shared/api/schemas';
import { HALL_IDS, type HallId } from '../../../../shared/halls';
import { pick } from '../../i18n';
import { api } from '../../net/api';
import { useStore } from '../../store';
import { goToBooth } from './goTo';
import { Slot } from '../layout/Overlay';
import './booth.css';

export function Directory({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const open = useStore((s) => s.directoryOpen);
  const setOpen = useStore((s) => s.setDirectoryOpen);
  const [entries, setEntries] = useState<DirectoryEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [q, setQ] = useState('');
  const [industry, setIndustry] = useState('');
  const [park, setPark] = useState('');
  const [hall, setHall] = useState<string>('');
  const [attempt, setAttempt] = useState(0);
  const close = useCallback(() => setOpen(false), [setOpen]);

  useEffect(() => {
    if (!open) return;
    const ctl = new AbortController();
    setFailed(false);
    api('directory', { signal: ctl.signal })
      .then((d) => setEntries(d.exhibitors))
      .catch(() => !ctl.signal.aborted && setFailed(true));
    return () => ctl.abort();
  }, [open, attempt]);

  const shown = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return (entries ?? [])
      .filter((e) => !industry || e.industry === industry)
      .filter((e) => !park || e.park === park)
      .filter((e) => !hall || e.hallId === hall)
      .filter((e) => !needle || [e.name.zh, e.name.en, e.title.zh, e.title.en].some((s) => s.toLowerCase().includes(needle)))
      .sort((a, b) => (a.hallId === hallId ? 0 : 1) - (b.hallId === hallId ? 0 : 1) || pick(a.name, lang).localeCompare(pick(b.name, lang), lang));
  }, [entries, q, industry, park, hall, hallId, lang]);

  if (!open) return null;
  return (
    <Slot id="directory" onClose={close}>
      <aside className="directory panel" role="dialog" aria-labelledby="directory-title" data-testid="directory">
        <header className="directory-head">
          <h2 id="directory-title">{t('directory.title')}</h2>
          <button type="button" className="ghost" onClick={() => setOpen(false)} aria-label={t('directory.close')}>
            ×
          </button>
        </header>
        <div className="directory-filters">
          <input
            type="search"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t('directory.search')}
            aria-label={t('directory.search')}
            maxLength={60}
            data-testid="directory-search"
          />
          <select value={industry} onChange={(e) => setIndustry(e.target.value)} aria-label={t('directory.allIndustries')} data-testid="directory-industry">
            <option value="">{t('directory.allIndustries')}</option>
            {INDUSTRIES.map((i) => (
              <option key={i} value={i}>
                {t(`industries.${i}`)}
              </option>
            ))}
          </select>
          <select value={park} onChange={(e) => setPark(e.target.value)} aria-label={t('directory.allParks')} data-testid="directory-park">
            <option value="">{t('directory.allParks')}</option>
            {PARKS.map((p) => (
              <option key={p} value={p}>
                {t(`parks.${p}`)}
              </option>
            ))}
          </select>
          <select value={hall} onChange={(e) => setHall(e.target.value)} aria-label={t('directory.allHalls')}>
            <option value="">{t('directory.allHalls')}</option>
            {HALL_IDS.map((h) => (
              <option key={h} value={h}>
                {t(`halls.${h}`)}
              </option>
            ))}
          </select>
        </div>
        {failed ? (
          <p className="directory-note">
            {t('directory.error')}{' '}
            <button type="button" onClick={() => setAttempt((n) => n + 1)}>
              {t('directory.retry')}
            </button>
          </p>
        ) : !entries ? (
          <p className="directory-note">{t('directory.loading')}</p>
        ) : (
          <>
            <p className="directory-note">{t('directory.count', { count: shown.length })}</p>
            {shown.length === 0 && <p className="directory-note">{t('directory.empty')}</p>}
            <ul className="directory-list" data-testid="directory-list">
              {shown.map((e) => (
                <li key={e.boothId} data-booth={e.boothId}>
                  {e.logo ? (
                    <img src={e.logo.url} alt="" width={40} height={40} loading="lazy" />
                  ) : (
                    <span className="booth-logo placeholder small" aria-hidden="true" />
                  )}
                  <div className="directory-entry">
                    <b>{pick(e.name, lang)}</b>
                    <span className="muted">{pick(e.title, lang)}</span>
                    <span className="booth-tags">
                      <span>{t(`industries.${e.industry}`)}</span>
                      <span>{t(`parks.${e.park}`)}</span>
                      {e.hallId !== hallId && <span>{t(`halls.${e.hallId}`, { defaultValue: e.hallId })}</span>}
                    </span>
                  </div>
                  <button type="button" className="primary" onClick={() => goToBooth(hallId, e)} data-testid="directory-go" disabled={!e.slotId}>
                    {t('directory.takeMeThere')}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </aside>
    </Slot>
  );
}
