/** The headline figures as tiles: what an exhibitor reads first. */
import { useTranslation } from 'react-i18next';
import type { AnalyticsTotals } from '../../../../../shared/api/analytics';
import { dwellParts } from './format';
import { NS } from './locales';

const ORDER = ['visits', 'uniqueVisitors', 'avgDwell', 'brochureDownloads', 'websiteClicks', 'questions', 'cards', 'meetingsBooked', 'meetingsHeld'] as const;

export function Counters({ totals }: { totals: AnalyticsTotals }) {
  const { t } = useTranslation(NS);
  const value = (k: (typeof ORDER)[number]): string => {
    if (k !== 'avgDwell') return totals[k].toLocaleString();
    const { m, s } = dwellParts(totals.avgDwellS);
    return m ? t('minutes', { m, s }) : t('seconds', { s });
  };
  return (
    <ul className="analytics-counters">
      {ORDER.map((k) => (
        <li key={k} data-testid={`analytics-${k}`}>
          <b>{value(k)}</b>
          <span>{t(`counters.${k}`)}</span>
        </li>
      ))}
    </ul>
  );
}
