/**
 * A booth's analytics in the exhibitor console (also shown to an organizer who opens the booth):
 * headline counters, visits over time, how long visitors stayed, and the engagement funnel, with a
 * CSV of the time series. Lazy: this module and ECharts load only when the console shows it.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, routeUrl } from '../../../net/api';
import { Chart } from './Chart';
import { Counters } from './Counters';
import { NS } from './locales';
import { dwellOption, funnelOption, seriesOption } from './options';
import { PeriodBar } from './PeriodBar';
import { periodQuery, useFigures, type Period } from './useFigures';
import './analytics.css';

export default function BoothAnalytics({ boothId }: { boothId: string }) {
  const { t } = useTranslation(NS);
  const [period, setPeriod] = useState<Period>('all');
  const load = useCallback((query: { from?: string }) => api('boothAnalytics', { params: { boothId }, query }), [boothId]);
  const { data, problem, at, refresh } = useFigures(load, period);
  const series = useMemo(() => data && seriesOption(data.series, data.bucket, t), [data, t]);
  const dwell = useMemo(() => data && dwellOption(data.dwell, t), [data, t]);
  const funnel = useMemo(() => data && funnelOption(data.totals, t), [data, t]);
  const csvUrl = routeUrl('boothAnalyticsExport', { params: { boothId }, query: periodQuery(period) });

  return (
    <section className="console-card analytics" data-testid="booth-analytics" aria-labelledby="booth-analytics-title">
      <h2 id="booth-analytics-title">{t('boothTitle')}</h2>
      <PeriodBar period={period} onPeriod={setPeriod} onRefresh={() => void refresh()} csvUrl={csvUrl} at={at} />
      {problem && (
        <p className="form-problem" role="alert">
          {t('loadFailed', { message: problem })}
        </p>
      )}
      {!data ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <Counters totals={data.totals} />
          {data.totals.visits === 0 && <p className="fineprint">{t('empty')}</p>}
          <div className="analytics-grid">
            <div className="analytics-wide">
              <Chart option={series!} label={t('series')} testId="analytics-series" height={260} />
            </div>
            <Chart option={dwell!} label={t('dwell')} testId="analytics-dwell" />
            <Chart option={funnel!} label={t('funnel')} testId="analytics-funnel" />
          </div>
        </>
      )}
      <p className="fineprint">{t('privacy')}</p>
    </section>
  );
}
