/**
 * "Now on stage" in every instance of the hall: what is on (or next, with a countdown, or just
 * ended), the caption showing now, the sound switch (one click, remembered) and "watch in 2D".
 */
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n/pick';
import { useStore } from '../../store';
import { Slot } from '../layout/Overlay';
import { bannerShown, formatCountdown, stagePhase } from './premiereSync';
import { premiereOf } from './useStageSync';
import { useServerNow } from './useServerNow';

export function StageBanner() {
  const { t, i18n } = useTranslation();
  const stage = useStore((s) => s.stage);
  const ended = useStore((s) => s.stageEnded);
  const caption = useStore((s) => s.stageCaption);
  const sound = useStore((s) => s.stageSound);
  const blocked = useStore((s) => s.stageSoundBlocked);
  const setSound = useStore((s) => s.setStageSound);
  const setWatch2D = useStore((s) => s.setStageWatch2D);
  const now = useServerNow(1000);
  const phase = stagePhase(stage, now);
  if (!bannerShown(stage, now, !!ended)) return null;
  const lang = i18n.language;
  const premiere = premiereOf(stage);
  const status =
    phase === 'before' ? t('stage.startsIn', { time: formatCountdown((stage!.startsAt - now) / 1000) }) : phase === 'on' ? t('stage.onNow') : t('stage.ended');
  return (
    <Slot id="stage">
      <section className="panel stage-banner" aria-label={t('layout.stage')} data-testid="stage-banner" data-phase={phase}>
        {ended && ended.sessionId !== stage?.sessionId ? (
          <p className="stage-ended" data-testid="stage-ended">
            {t('stage.justEnded', { title: pick(ended.title, lang) })}
          </p>
        ) : null}
        {stage ? (
          <>
            <p className="stage-status">
              <span className="stage-kind">{t(`stage.kind.${stage.kind}`, { defaultValue: t('layout.stage') })}</span>
              <strong data-testid="stage-status">{phase === 'before' && ended ? `${t('stage.next')} · ${status}` : status}</strong>
            </p>
            <h2 className="stage-title" data-testid="stage-title">
              {pick(stage.title, lang)}
            </h2>
          </>
        ) : null}
        {phase === 'on' && caption ? (
          <p className="stage-caption" data-testid="stage-caption" lang="zh">
            {caption}
          </p>
        ) : null}
        {premiere && phase !== 'after' ? (
          <div className="row stage-actions">
            <button
              type="button"
              className={blocked ? 'primary' : undefined}
              aria-pressed={sound && !blocked}
              data-testid="stage-sound"
              onClick={() => setSound(blocked ? true : !sound)}
            >
              {blocked ? t('stage.soundBlocked') : sound ? t('stage.soundOn') : t('stage.soundOff')}
            </button>
            <button type="button" data-testid="stage-watch-2d" onClick={() => setWatch2D(true)}>
              {t('stage.watch2D')}
            </button>
          </div>
        ) : null}
      </section>
    </Slot>
  );
}
