/**
 * The organizers' live dashboard (issue #11): who is in the expo now, per hall and instance, the
 * day's peak, joins, chat and reports per minute, session audiences and the most visited booths,
 * refreshed by the server's pushes every few seconds. Loaded with its own chunk; ECharts comes with
 * the first chart.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../../i18n';
import { routeUrl } from '../../../net/api';
import { Chart } from '../analytics/Chart';
import { perMinuteOption } from './dashboardOptions';
import { useDashboard } from './useDashboard';
import { NS } from './locales';
import '../analytics/analytics.css';
import './dashboard.css';

export default function LiveDashboard() {
  const { t, i18n } = useTranslation(NS);
  const { t: tApp } = useTranslation();
  const lang = i18n.language;
  const { snap, up, problem } = useDashboard();
  const option = useMemo(() => (snap ? perMinuteOption(snap.series, (k) => t(k)) : null), [snap, t]);
  const clock = (ms: number) => new Date(ms).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  const hm = (ms: number) => new Date(ms).toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit', hour12: false });
  const hallName = (id: string) => tApp(`halls.${id}`, { defaultValue: id });

  return (
    <section className="console-card dashboard" data-testid="dashboard" aria-labelledby="dashboard-title">
      <header className="dashboard-head">
        <h2 id="dashboard-title">{t('title')}</h2>
        <span className={`leads-live ${up ? 'up' : 'down'}`} role="status" data-testid="dashboard-live" data-state={up ? 'up' : 'down'}>
          {up ? t('live') : t('offline')}
        </span>
        {snap && <small data-testid="dashboard-updated">{t('updated', { time: clock(snap.at) })}</small>}
        <a className="button" href={routeUrl('dashboardExport')} download data-testid="dashboard-export">
          {t('exportCsv')}
        </a>
      </header>
      {problem && !snap && <p className="form-problem">{t('failed', { message: problem })}</p>}
      {!snap ? (
        !problem && <p>{t('loading')}</p>
      ) : (
        <>
          <ul className="analytics-counters">
            <li data-testid="dashboard-total">
              <b>{snap.total.toLocaleString()}</b>
              <span>{t('total')}</span>
            </li>
            <li data-testid="dashboard-peak">
              <b>{snap.peakToday.visitors.toLocaleString()}</b>
              <span>
                {t('peakToday')}
                {snap.peakToday.at !== null && ` · ${hm(snap.peakToday.at)}`}
              </span>
            </li>
            <li data-testid="dashboard-joins">
              <b>{snap.today.joins.toLocaleString()}</b>
              <span>{t('joinsToday')}</span>
            </li>
            <li data-testid="dashboard-chat">
              <b>{snap.today.chat.toLocaleString()}</b>
              <span>{t('chatToday')}</span>
            </li>
            <li data-testid="dashboard-reports">
              <b>{snap.today.reports.toLocaleString()}</b>
              <span>{t('reportsToday')}</span>
            </li>
          </ul>

          <h3>{t('halls')}</h3>
          {snap.halls.length === 0 ? (
            <p data-testid="dashboard-no-visitors">{t('noVisitors')}</p>
          ) : (
            <table className="dashboard-table" data-testid="dashboard-halls">
              <thead>
                <tr>
                  <th scope="col">{t('hall')}</th>
                  <th scope="col">{t('visitors')}</th>
                  <th scope="col">{t('atStage')}</th>
                </tr>
              </thead>
              <tbody>
                {snap.halls.map((h) => [
                  <tr key={h.hallId} className="dashboard-hall" data-testid={`dashboard-hall-${h.hallId}`} data-visitors={h.visitors}>
                    <th scope="row">{hallName(h.hallId)}</th>
                    <td>{h.visitors}</td>
                    <td>{h.instances.reduce((s, i) => s + i.atStage, 0)}</td>
                  </tr>,
                  ...h.instances.map((i) => (
                    <tr
                      key={`${h.hallId}-${i.instance}`}
                      className="dashboard-instance"
                      data-testid={`dashboard-instance-${h.hallId}-${i.instance}`}
                      data-visitors={i.visitors}
                    >
                      <th scope="row">{t('instance', { n: i.instance })}</th>
                      <td>{i.visitors}</td>
                      <td>{i.atStage}</td>
                    </tr>
                  )),
                ])}
              </tbody>
            </table>
          )}

          {option && <Chart option={option} label={t('perMinute')} testId="dashboard-chart" height={220} />}

          <div className="dashboard-columns">
            <div>
              <h3>{t('sessions')}</h3>
              {snap.sessions.length === 0 ? (
                <p>{t('noSessions')}</p>
              ) : (
                <table className="dashboard-table" data-testid="dashboard-sessions">
                  <thead>
                    <tr>
                      <th scope="col">{t('session')}</th>
                      <th scope="col">{t('time')}</th>
                      <th scope="col">{t('peakAudience')}</th>
                      <th scope="col">{t('hallPeak')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {snap.sessions.map((s) => (
                      <tr key={s.id} data-testid="dashboard-session">
                        <th scope="row">
                          {pick(s.title, lang)} <small>{hallName(s.hallId)}</small>
                        </th>
                        <td>
                          {hm(s.startsAt)}–{hm(s.endsAt)}
                        </td>
                        <td>{s.peakAudience}</td>
                        <td>{s.hallPeak}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            <div>
              <h3>{t('topBooths')}</h3>
              {snap.topBooths.length === 0 ? (
                <p>{t('noBooths')}</p>
              ) : (
                <table className="dashboard-table" data-testid="dashboard-top-booths">
                  <thead>
                    <tr>
                      <th scope="col">{t('booth')}</th>
                      <th scope="col">{t('visits')}</th>
                      <th scope="col">{t('uniques')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {snap.topBooths.map((b) => (
                      <tr key={b.boothId} data-testid="dashboard-booth">
                        <th scope="row">
                          {pick(b.name, lang)} <small>{hallName(b.hallId)}</small>
                        </th>
                        <td>{b.visits}</td>
                        <td>{b.uniqueVisitors}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
        </>
      )}
    </section>
  );
}
