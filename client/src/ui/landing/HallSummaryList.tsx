/**
 * Before a visitor enters: each hall's visitors now, the stage's session on now or next, and the
 * hall's entry rule (issue #11). Updated by useHallSummaries; selecting a hall is the chips' job.
 */
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n';
import { catalogPath, navigate } from '../../router';
import type { HallSummaries } from './useHallSummaries';
import { NS } from './locales';
import './landing.css';

type Summary = HallSummaries['halls'][number];

function timeOf(ms: number, lang: string): string {
  const d = new Date(ms);
  const sameDay = new Date().toDateString() === d.toDateString();
  return new Intl.DateTimeFormat(
    lang,
    sameDay ? { hour: '2-digit', minute: '2-digit' } : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  ).format(d);
}

function Stage({ s }: { s: Summary }) {
  const { t, i18n } = useTranslation(NS);
  if (s.now) return <span>{t('nowOnStage', { title: pick(s.now.title, i18n.language) })}</span>;
  if (s.next) return <span>{t('nextOnStage', { title: pick(s.next.title, i18n.language), time: timeOf(s.next.startsAt, i18n.language) })}</span>;
  return <span className="muted">{t('noSession')}</span>;
}

export function HallSummaryList({ data, selected }: { data: HallSummaries | null; selected: string }) {
  const { t } = useTranslation(NS);
  const { t: tApp } = useTranslation();
  if (!data)
    return (
      <p className="hall-summaries-loading muted" data-testid="hall-summaries-loading">
        {t('loading')}
      </p>
    );
  return (
    <section className="hall-summaries" aria-label={t('hallsNow')} aria-live="polite">
      {data.halls.map((s) => (
        <div
          key={s.hallId}
          className={s.hallId === selected ? 'hall-summary selected' : 'hall-summary'}
          data-testid={`hall-summary-${s.hallId}`}
          data-rule={s.rule}
        >
          <strong>{tApp(`halls.${s.hallId}`)}</strong>
          <span data-testid={`hall-visitors-${s.hallId}`}>{t('visitors', { count: s.visitors })}</span>
          <span data-testid={`hall-stage-${s.hallId}`}>
            <Stage s={s} />
          </span>
          <span className={`entry-rule rule-${s.rule}`} data-testid={`hall-rule-${s.hallId}`}>
            {t(`rule.${s.rule}`)}
          </span>
          {/* the same hall without the 3D scene (issue #13): for phones, the keyboard, a screen reader */}
          <a
            className="hall-catalog-link"
            href={catalogPath(s.hallId)}
            data-testid={`hall-catalog-${s.hallId}`}
            onClick={(e) => {
              if (e.ctrlKey || e.metaKey || e.shiftKey) return;
              e.preventDefault();
              navigate(catalogPath(s.hallId));
            }}
          >
            {tApp('hud.catalog')}
            <span className="sr-only"> · {tApp(`halls.${s.hallId}`)}</span>
          </a>
        </div>
      ))}
    </section>
  );
}
