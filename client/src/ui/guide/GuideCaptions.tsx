/**
 * The private tour's caption box (a lazy chunk of the hall): where the guide is in the tour, what it
 * says at the stop — always as text, in the visitor's language, announced politely to screen readers —
 * and the tour's controls: pause, replay, next stop, the voice (where a local one speaks), end. At the
 * booth district it offers a booth's staff or its card (GuideFinale). It sits in the overlay's captions region.
 */
import { useTranslation } from 'react-i18next';
import { getLayout, type HallId } from '../../../../shared/halls';
import { pick } from '../../i18n/pick';
import { Slot } from '../layout/Overlay';
import { stopCaption } from './tourScript';
import { GuideFinale } from './GuideFinale';
import { VoiceToggle } from './VoiceToggle';
import { useTour } from './tourStore';
import { NS } from './locales';
import './guide.css';

function Control(props: { label: string; symbol: string; onClick: () => void; testId: string; disabled?: boolean; pressed?: boolean }) {
  return (
    <button
      type="button"
      className="ghost"
      aria-label={props.label}
      title={props.label}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      onClick={props.onClick}
      data-testid={props.testId}
    >
      <span aria-hidden="true">{props.symbol}</span>
    </button>
  );
}

export default function GuideCaptions({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const active = useTour((s) => s.active);
  const paused = useTour((s) => s.paused);
  const phase = useTour((s) => s.phase);
  const stop = useTour((s) => s.stop);
  const told = useTour((s) => s.told);
  const count = useTour((s) => s.count);
  const guide = useTour((s) => s.guide);
  if (!active) return null;
  const lang = i18n.language;
  const caption = told === null ? null : stopCaption(getLayout(hallId), told, lang);
  const name = guide ? pick(guide, lang) : t('defaultName');
  const n = (phase === 'telling' || phase === 'done' ? (told ?? stop) : stop) + 1;
  const status = paused ? t('status.paused') : phase === 'off' ? '' : t(`status.${phase}`, { name, n, count: count || n });
  const tour = useTour.getState();
  return (
    <Slot id="guideCaptions">
      <section className="panel guide-captions" data-testid="guide-captions" data-phase={phase} aria-label={t('region')}>
        <p className="guide-status" data-testid="guide-status">
          {status}
        </p>
        <div className="guide-caption" data-testid="guide-caption" aria-live="polite" lang={lang.startsWith('zh') ? 'zh-CN' : 'en'}>
          {phase === 'done' ? (
            <GuideFinale hallId={hallId} />
          ) : caption ? (
            <>
              {caption.title ? <h3>{caption.title}</h3> : null}
              {caption.paragraphs.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </>
          ) : (
            <p className="guide-hint">{t(phase === 'toBooths' ? 'followToBooths' : 'follow', { name })}</p>
          )}
        </div>
        {/* symbols, named for screen readers and tooltips: the captions area is narrow on a small screen */}
        <div className="guide-controls">
          <Control label={paused ? t('resume') : t('pause')} pressed={paused} onClick={tour.togglePause} testId="guide-pause" symbol={paused ? '▶' : 'Ⅱ'} />
          <Control label={t('replay')} onClick={tour.replay} disabled={told === null && stop === 0} testId="guide-replay" symbol="↺" />
          <Control label={t('skip')} onClick={tour.skip} disabled={phase === 'done'} testId="guide-skip" symbol="»" />
          <VoiceToggle />
          <Control label={t('end')} onClick={tour.end} testId="guide-end" symbol="×" />
        </div>
      </section>
    </Slot>
  );
}
