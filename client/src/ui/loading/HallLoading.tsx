/**
 * The way into a hall, step by step: download (in kB), connect, build the scene, ready. One
 * progress bar for screen readers (bytes while downloading, then the step's name), a list of steps
 * for the eye. It goes once the first frame is on screen.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../store';
import { HALL_STAGES, hallStage, kB } from './hallStage';
import './loading.css';

/** How long "ready" stays up: long enough to be read, short enough not to be in the way. */
const READY_MS = 500;

export function HallLoading() {
  const { t } = useTranslation();
  const code = useStore((s) => s.hallCode);
  const status = useStore((s) => s.status);
  const drawn = useStore((s) => s.hallDrawn);
  const bytes = useStore((s) => s.hallBytes);
  const shown = useStore((s) => s.hallShown);
  const stage = hallStage(code, status, drawn);
  const [gone, setGone] = useState(false);

  useEffect(() => {
    if (stage !== 'ready') return;
    const timer = setTimeout(() => {
      setGone(true);
      useStore.getState().setHallShown(true);
    }, READY_MS);
    return () => clearTimeout(timer);
  }, [stage]);
  useEffect(() => () => useStore.getState().setHallShown(false), []);

  if (gone || shown || !stage) return null;
  const step = HALL_STAGES.indexOf(stage);
  const known = bytes.total > 0;
  const downloading = stage === 'download';
  const sizes = known ? t('hallLoading.bytes', { loaded: kB(downloading ? bytes.loaded : bytes.total), total: kB(bytes.total) }) : '';
  const text = downloading && known ? `${t('hallLoading.download')} ${sizes}` : t(`hallLoading.${stage}`);
  // While downloading, the bar counts kB; after that it is full and names the step.
  const max = known ? kB(bytes.total) : 1;
  const now = downloading ? (known ? kB(bytes.loaded) : undefined) : max;

  return (
    <div className="hall-loading" data-testid="hall-loading" data-stage={stage}>
      <div
        className="hall-loading-bar"
        role="progressbar"
        aria-label={t('hallLoading.label')}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={now}
        aria-valuetext={text}
      >
        <span style={{ width: now === undefined ? undefined : `${(100 * now) / max}%` }} className={now === undefined ? 'indeterminate' : undefined} />
      </div>
      <ol className="hall-loading-steps">
        {HALL_STAGES.map((s, i) => (
          <li key={s} className={i < step ? 'done' : i === step ? 'current' : undefined} aria-current={i === step ? 'step' : undefined}>
            {t(`hallLoading.${s}`)}
            {s === 'download' && known ? ` ${sizes}` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
