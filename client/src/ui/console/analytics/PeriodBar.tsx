/** Period choice, refresh, CSV export and "as of": the head row of an analytics card. */
import { useTranslation } from 'react-i18next';
import { clockTime } from './format';
import { NS } from './locales';
import type { Period } from './useFigures';

const PERIODS: Period[] = ['all', 'today', 'hour'];

export function PeriodBar({
  period,
  onPeriod,
  onRefresh,
  csvUrl,
  at,
}: {
  period: Period;
  onPeriod: (p: Period) => void;
  onRefresh: () => void;
  csvUrl: string;
  at: number | null;
}) {
  const { t } = useTranslation(NS);
  return (
    <div className="console-row analytics-bar">
      <div className="analytics-periods" role="group" aria-label={t('range')}>
        {PERIODS.map((p) => (
          <button
            key={p}
            type="button"
            className={p === period ? 'primary' : ''}
            aria-pressed={p === period}
            onClick={() => onPeriod(p)}
            data-testid={`analytics-period-${p}`}
          >
            {t(`ranges.${p}`)}
          </button>
        ))}
      </div>
      <button type="button" className="ghost" onClick={onRefresh} data-testid="analytics-refresh">
        {t('refresh')}
      </button>
      <a className="button" href={csvUrl} download data-testid="analytics-csv">
        {t('exportCsv')}
      </a>
      {at && <small className="analytics-at">{t('updated', { time: clockTime(at) })}</small>}
    </div>
  );
}
