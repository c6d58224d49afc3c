/**
 * The organizer's "拍卖 · Auction" section (issue #12 item 7): every lot of the running expo by
 * hall, with its status on this page's clock (the server's clock decides bids; this is only a
 * label), price, leader, bids, whether its hash-chained bid log is whole, and its CSV; a lot
 * nobody has bid on can be taken down. Below, the form to put a lot up. It says plainly that no
 * payment happens in the product. Lazy, like the other organizer sections.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaSessionEdit } from '../../../../../shared/api/agenda';
import type { RouteResponse } from '../../../../../shared/api/routes';
import { pick } from '../../../i18n';
import { api, routeUrl } from '../../../net/api';
import { useNow } from '../../meetings/useNow';
import { errorText } from '../session';
import { LotForm } from './LotForm';
import { NS } from './locales';
import './auctionConsole.css';

type Lot = RouteResponse<'auctionLots'>['lots'][number];

/** The results move with every bid; the console has no room, so it reads them again now and then. */
const REFRESH_MS = 10_000;

export function lotStatus(l: Pick<Lot, 'opensAt' | 'closesAt'>, now: number): 'upcoming' | 'open' | 'closed' {
  return now < l.opensAt ? 'upcoming' : now < l.closesAt ? 'open' : 'closed';
}

export default function AuctionConsole() {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const [lots, setLots] = useState<Lot[] | null>(null);
  const [halls, setHalls] = useState<string[]>([]);
  const [sessions, setSessions] = useState<AgendaSessionEdit[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const now = useNow(1000, lots);

  const load = useCallback(async () => {
    try {
      const [l, a] = await Promise.all([api('auctionLots'), api('organizerAgenda')]);
      setLots(l.lots);
      setHalls(a.halls);
      setSessions(a.sessions.filter((s) => s.kind === 'auction'));
      setProblem(null);
    } catch (err) {
      setProblem(t('loadFailed', { message: errorText(err) }));
    }
  }, [t]);
  useEffect(() => {
    void load();
    const id = window.setInterval(() => void load(), REFRESH_MS);
    return () => window.clearInterval(id);
  }, [load]);

  async function remove(l: Lot) {
    if (!window.confirm(t('confirmRemove', { title: pick(l.title, lang) }))) return;
    try {
      await api('deleteAuctionLot', { params: { lotId: l.id } });
      setNote(t('removed'));
      await load();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  const hallName = (h: string) => i18n.t(`halls.${h}`, { ns: 'translation', defaultValue: h });
  const sessionTitle = (id: string | null) => {
    const s = id ? sessions.find((x) => x.id === id) : undefined;
    return s ? pick(s.title, lang) : null;
  };
  return (
    <section className="console-card auction-console" data-testid="auction-console" aria-labelledby="auction-console-title">
      <h2 id="auction-console-title">{t('title')}</h2>
      <p className="fineprint">{t('intro')}</p>
      <p className="auction-console-note" data-testid="auction-console-offplatform">
        {t('offPlatform')}
      </p>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      {note && <p className="fineprint">{note}</p>}
      <h3>{t('lots')}</h3>
      {!lots ? (
        <p>{t('loading')}</p>
      ) : lots.length === 0 ? (
        <p data-testid="auction-console-empty">{t('none')}</p>
      ) : (
        halls
          .filter((h) => lots.some((l) => l.hallId === h))
          .map((h) => (
            <div key={h} className="auction-console-hall">
              <h4>{hallName(h)}</h4>
              <table className="organizer-table auction-console-table">
                <thead>
                  <tr>
                    <th>{t('col.lot')}</th>
                    <th>{t('col.status')}</th>
                    <th>{t('col.price')}</th>
                    <th>{t('col.leader')}</th>
                    <th>{t('col.bids')}</th>
                    <th>{t('col.chain')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {lots
                    .filter((l) => l.hallId === h)
                    .map((l) => {
                      const status = lotStatus(l, now);
                      const session = sessionTitle(l.sessionId);
                      return (
                        <tr key={l.id} data-testid="auction-console-lot" data-lot={l.id} data-status={status}>
                          <td>
                            <div className="auction-console-lotcell">
                              {l.pictureUrl ? (
                                <img src={l.pictureUrl} alt="" width={48} height={48} loading="lazy" data-testid="auction-console-picture" />
                              ) : (
                                <span className="auction-console-nopic" aria-hidden="true" />
                              )}
                              <span>
                                <strong>{pick(l.title, lang)}</strong>
                                <span className="fineprint">
                                  {t(`kinds.${l.kind}`)}
                                  {session ? ` · ${session}` : ''}
                                </span>
                              </span>
                            </div>
                          </td>
                          <td>
                            <span className={`auction-console-status status-${status}`}>{t(`status.${status}`)}</span>
                          </td>
                          <td>{l.price !== null ? `¥${l.price}` : <span className="fineprint">{t('startAt', { price: l.startPrice })}</span>}</td>
                          <td>{l.leader ?? '—'}</td>
                          <td>{l.bids}</td>
                          <td className={l.chainOk ? '' : 'form-problem'}>{l.chainOk ? t('chainOk') : t('chainBad')}</td>
                          <td>
                            <div className="auction-console-actions">
                              <a
                                className="button"
                                href={routeUrl('exportAuctionBids', { params: { lotId: l.id } })}
                                download
                                data-testid="auction-console-csv"
                              >
                                {t('csv')}
                              </a>
                              {l.bids === 0 && (
                                <button type="button" onClick={() => void remove(l)} data-testid="auction-console-remove">
                                  {t('remove')}
                                </button>
                              )}
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                </tbody>
              </table>
            </div>
          ))
      )}
      {halls.length > 0 && (
        <LotForm
          halls={halls}
          sessions={sessions}
          onCreated={(title) => {
            setNote(t('created', { title }));
            void load();
          }}
        />
      )}
    </section>
  );
}
