/**
 * An auction session's lots on the agenda (issue #12): each lot's picture, title and its start
 * price or the price so far, with a link into the hall where the bidding happens, and the line
 * that no payment happens in the product. Read when the card shows and again every 30 s while the
 * session has not ended (the agenda page has no room to push prices to it).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RouteResponse } from '../../../../shared/api/routes';
import { pick } from '../../i18n';
import { api } from '../../net/api';
import { hallPath } from '../../router';
import { errorText } from '../console/session';
import { NS } from './locales';

type Lot = RouteResponse<'sessionAuctionLots'>['lots'][number];

const REFRESH_MS = 30_000;

export function SessionLots({ sessionId, live, now }: { sessionId: string; live: boolean; now: number }) {
  const { t, i18n } = useTranslation(NS);
  const [lots, setLots] = useState<Lot[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    const load = async () => {
      try {
        const r = await api('sessionAuctionLots', { params: { sessionId } });
        if (!gone) {
          setLots(r.lots);
          setProblem(null);
        }
      } catch (err) {
        if (!gone) setProblem(errorText(err));
      }
    };
    void load();
    const id = live ? window.setInterval(() => void load(), REFRESH_MS) : undefined;
    return () => {
      gone = true;
      window.clearInterval(id);
    };
  }, [sessionId, live]);

  return (
    <section className="agenda-lots" data-testid="agenda-lots" aria-label={t('lots.title')}>
      <h4>{t('lots.title')}</h4>
      {problem && <p className="form-problem">{t('lots.failed', { message: problem })}</p>}
      {lots && lots.length === 0 && <p className="agenda-lots-none">{t('lots.none')}</p>}
      {lots && lots.length > 0 && (
        <ul>
          {lots.map((l) => (
            <li key={l.id} data-testid="agenda-lot" data-lot={l.id}>
              {l.pictureUrl ? <img src={l.pictureUrl} alt="" width={40} height={40} loading="lazy" /> : <span className="agenda-nophoto" aria-hidden="true" />}
              <a href={hallPath(l.hallId)} title={t('lots.bidInHall')}>
                {pick(l.title, i18n.language)}
              </a>
              <span className="agenda-lot-price" data-testid="agenda-lot-price">
                {l.price === null
                  ? t('lots.start', { price: l.startPrice })
                  : now >= l.closesAt
                    ? t('lots.sold', { price: l.price })
                    : t('lots.now', { price: l.price })}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="agenda-lots-note" data-testid="agenda-lots-offplatform">
        {t('lots.offPlatform')}
      </p>
    </section>
  );
}
