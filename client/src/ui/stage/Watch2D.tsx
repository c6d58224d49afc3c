/**
 * "Watch in 2D": the stage's own video element, full screen over the hall, with its captions shown
 * by the browser (<track kind="captions">) and full sound. The same element keeps playing in step;
 * closing (button or Escape) hands it back to the 3D screen.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n/pick';
import { useStore } from '../../store';

export function Watch2D({ video }: { video: HTMLVideoElement }) {
  const { t, i18n } = useTranslation();
  const stage = useStore((s) => s.stage);
  const sound = useStore((s) => s.stageSound);
  const setSound = useStore((s) => s.setStageSound);
  const close = useStore((s) => s.setStageWatch2D);
  const holder = useRef<HTMLDivElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const box = holder.current;
    if (!box) return;
    const before = document.activeElement as HTMLElement | null;
    video.classList.add('stage-2d-video');
    box.appendChild(video);
    const track = video.textTracks[0];
    if (track) track.mode = 'showing';
    // taking the element out of the page pauses it; the stage's check starts it again in step
    void video.play().catch(() => {});
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      close(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (track) track.mode = 'hidden';
      video.classList.remove('stage-2d-video');
      video.remove();
      void video.play().catch(() => {});
      before?.focus?.();
    };
  }, [video, close]);

  return (
    <div className="stage-2d" role="dialog" aria-modal="true" aria-label={t('stage.watch2D')} data-testid="stage-2d">
      <div className="stage-2d-bar">
        <strong>{stage ? pick(stage.title, i18n.language) : t('layout.stage')}</strong>
        <button type="button" aria-pressed={sound} data-testid="stage-2d-sound" onClick={() => setSound(!sound)}>
          {sound ? t('stage.soundOn') : t('stage.soundOff')}
        </button>
        <button type="button" ref={closeButton} data-testid="stage-2d-close" onClick={() => close(false)}>
          {t('stage.close2D')}
        </button>
      </div>
      <div className="stage-2d-screen" ref={holder} />
    </div>
  );
}
