/**
 * The organizer's analytics: the expo's counters and series, every booth's figures side by side
 * (each opens its own booth page), and the hall heatmap. Lazy, like the booth card.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HALL_IDS, type HallId } from '../../../../../shared/halls';
import { pick } from '../../../i18n';
import { api, routeUrl } from '../../../net/api';
import { Chart } from './Chart';
import { Counters } from './Counters';
import { HallHeatmap } from './HallHeatmap';
import { NS } from './locales';
import { dwellOption, seriesOption } from './options';
import { PeriodBar } from './PeriodBar';
import { periodQuery, useFigures, type Period } from './useFigures';
import './analytics.css';

export default function ExpoAnalytics() {
  const { t, i18n } = useTranslation(NS);
  const [period, setPeriod] = useState<Period>('all');
  const [hall, setHall] = useState<HallId>(HALL_IDS[0]);
  const loadExpo = useCallback((query: { from?: string }) => api('expoAnalytics', { query }), []);
  const loadHeat = useCallback((query: { from?: string }) => api('hallHeatmap', { query: { hall, ...query } }), [hall]);
  const expo = useFigures(loadExpo, period);
  const heat = useFigures(loadHeat, period);
  const data = expo.data;
  const series = useMemo(() => data && seriesOption(data.series, data.bucket, t), [data, t]);
  const dwell = useMemo(() => data && dwellOption(data.dwell, t), [data, t]);
  const booths = useMemo(() => (data ? [...data.booths].sort((a, b) => b.totals.visits - a.totals.visits) : []), [data]);
  const refresh = () => {
    void expo.refresh();
    void heat.refresh();
  };

  return (
    <section className="console-card analytics" data-testid="expo-analytics" aria-labelledby="expo-analytics-title">
      <h2 id="expo-analytics-title">{t('expoTitle')}</h2>
      <PeriodBar
        period={period}
        onPeriod={setPeriod}
        onRefresh={refresh}
        csvUrl={routeUrl('expoAnalyticsExport', { query: periodQuery(period) })}
        at={expo.at}
      />
      {(expo.problem || heat.problem) && (
        <p className="form-problem" role="alert">
          {t('loadFailed', { message: expo.problem ?? heat.problem })}
        </p>
      )}
      {!data ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <Counters totals={data.totals} />
          <div className="analytics-grid">
            <div className="analytics-wide">
              <Chart option={series!} label={t('series')} testId="analytics-series" height={260} />
            </div>
            <div className="analytics-wide">
              <Chart option={dwell!} label={t('dwell')} testId="analytics-dwell" height={200} />
            </div>
          </div>
          <h3>{t('booths')}</h3>
          <div className="analytics-table-wrap">
            <table className="organizer-table analytics-table" data-testid="analytics-booths">
              <thead>
                <tr>
                  <th>{t('booth')}</th>
                  <th>{t('hall')}</th>
                  {(
                    [
                      'visits',
                      'uniqueVisitors',
                      'avgDwell',
                      'brochureDownloads',
                      'websiteClicks',
                      'questions',
                      'cards',
                      'meetingsBooked',
                      'meetingsHeld',
                    ] as const
                  ).map((k) => (
                    <th key={k}>{t(`counters.${k}`)}</th>
                  ))}
                  <th />
                </tr>
              </thead>
              <tbody>
                {booths.map((b) => (
                  <tr key={b.boothId} data-booth={b.boothId}>
                    <td>{pick(b.name, i18n.language)}</td>
                    <td>
                      {t(`halls.${b.hallId}`, { ns: 'translation', defaultValue: b.hallId })}
                      {b.slotId ? ` · ${b.slotId}` : ''}
                    </td>
                    <td>{b.totals.visits}</td>
                    <td>{b.totals.uniqueVisitors}</td>
                    <td>{t('seconds', { s: Math.round(b.totals.avgDwellS) })}</td>
                    <td>{b.totals.brochureDownloads}</td>
                    <td>{b.totals.websiteClicks}</td>
                    <td>{b.totals.questions}</td>
                    <td>{b.totals.cards}</td>
                    <td>{b.totals.meetingsBooked}</td>
                    <td>{b.totals.meetingsHeld}</td>
                    <td>
                      <a href={`/exhibitor?booth=${encodeURIComponent(b.boothId)}`}>{t('details')}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      <div className="console-row analytics-heat-head">
        <h3>{t('heatmap')}</h3>
        <div className="analytics-periods" role="group" aria-label={t('hall')}>
          {HALL_IDS.map((id) => (
            <button
              key={id}
              type="button"
              className={id === hall ? 'primary' : ''}
              aria-pressed={id === hall}
              onClick={() => setHall(id)}
              data-testid={`analytics-hall-${id}`}
            >
              {t(`halls.${id}`, { ns: 'translation' })}
            </button>
          ))}
        </div>
      </div>
      <p className="fineprint">{t('heatmapHint')}</p>
      {heat.data && heat.data.hallId === hall ? <HallHeatmap heat={heat.data} /> : <p>{t('loading')}</p>}
      <p className="fineprint">{t('privacy')}</p>
    </section>
  );
}
