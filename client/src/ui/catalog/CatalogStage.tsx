/**
 * The stage and the hall's agenda in 2D. The stage's session (premiere or live) plays in a plain
 * inline <video> in the page, kept in step with everyone in the hall by the hall's own hooks
 * (ui/stage: useStageSync for premieres, useLiveStage for our relay's HLS), with its captions
 * shown by the browser and full sound once the visitor asks for it. The agenda lists what is on
 * now, next and later in this hall, with the agenda's own session cards (star, calendar file).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { pick } from '../../i18n';
import { useStore } from '../../store';
import { disposeStageVideo, inlineVideo } from '../stage/stageVideo';
import { useStageSync, premiereOf } from '../stage/useStageSync';
import { useLiveStage, liveOf } from '../stage/useLiveStage';
import { useServerNow } from '../stage/useServerNow';
import { formatCountdown, stagePhase } from '../stage/premiereSync';
import { useAgenda } from '../agenda/agendaStore';
import { nowAndNext } from '../agenda/agendaTime';
import { SessionCard } from '../agenda/SessionCard';
import { useStars } from '../agenda/starsStore';
import { useNow } from '../meetings/useNow';
import { NS } from './locales';
import '../agenda/agenda.css';
import '../stage/stage.css';

/** Sessions listed under "later": enough for the rest of a day. */
const LATER_MAX = 8;

export function CatalogStage({ hallId }: { hallId: HallId }) {
  const { t } = useTranslation(NS);
  return (
    <section id="catalog-stage" className="catalog-section" aria-labelledby="catalog-stage-title" tabIndex={-1}>
      <h2 id="catalog-stage-title">{t('stage.title')}</h2>
      <StageNow hallId={hallId} />
      <HallSessions hallId={hallId} />
    </section>
  );
}

function StageNow({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const [video, setVideo] = useState<HTMLVideoElement | null>(null);
  const holder = useRef<HTMLDivElement>(null);
  const stage = useStore((s) => s.stage);
  const sound = useStore((s) => s.stageSound);
  const blocked = useStore((s) => s.stageSoundBlocked);
  const setSound = useStore((s) => s.setStageSound);
  const now = useServerNow(1000);

  // the hall's one stage video, made for this page and dropped with it (as ui/stage/StageLayer does)
  useEffect(() => {
    const v = inlineVideo();
    v.className = 'catalog-video';
    v.setAttribute('aria-label', t('stage.player'));
    setVideo(v);
    const s = useStore.getState();
    s.setStageVideo(v);
    // no distance to the stage here: the 2D player's full sound, as in the hall's "watch in 2D"
    s.setStageWatch2D(true);
    return () => {
      const st = useStore.getState();
      st.setStageVideo(null);
      st.setStageWatch2D(false);
      useStore.setState({ stage: null, stageEnded: null });
      disposeStageVideo(v);
    };
    // the label follows the language on the next visit; the element lives for the page
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hallId]);

  useStageSync(hallId, video);
  useLiveStage(video);

  const phase = stagePhase(stage, now);
  const playable = !!(premiereOf(stage) || liveOf(stage, now));
  const showVideo = playable && phase !== 'after';

  // the element is the stage's, not React's: put it in the page while there is something to play
  useEffect(() => {
    const box = holder.current;
    if (!box || !video) return;
    if (!showVideo) {
      video.remove();
      return;
    }
    box.appendChild(video);
    const track = video.textTracks[0];
    if (track) track.mode = 'showing';
    void video.play().catch(() => {});
  }, [video, showVideo]);

  const lang = i18n.language;
  const status =
    phase === 'before'
      ? t('stage.startsIn', { time: formatCountdown((stage!.startsAt - now) / 1000) })
      : phase === 'on'
        ? t('stage.onNow')
        : phase === 'after'
          ? t('stage.ended')
          : '';
  return (
    <div className="catalog-stage" data-testid="catalog-stage" data-phase={phase}>
      <h3>{t('stage.now')}</h3>
      {!stage || phase === 'none' ? (
        <p className="muted">{t('stage.none')}</p>
      ) : (
        <>
          <p>
            <strong data-testid="catalog-stage-title">{pick(stage.title, lang)}</strong> · <span>{status}</span>
          </p>
          {!playable && <p className="muted">{t('stage.noVideo')}</p>}
        </>
      )}
      <div className="catalog-video-box" ref={holder} hidden={!showVideo} />
      {showVideo && (
        <p className="row">
          <button
            type="button"
            className={blocked ? 'primary' : undefined}
            aria-pressed={sound && !blocked}
            data-testid="catalog-stage-sound"
            onClick={() => setSound(blocked ? true : !sound)}
          >
            {blocked ? t('stage.soundBlocked') : sound ? t('stage.soundOn') : t('stage.soundOff')}
          </button>
        </p>
      )}
    </div>
  );
}

function HallSessions({ hallId }: { hallId: HallId }) {
  const { t } = useTranslation(NS);
  const { t: ta } = useTranslation('agenda');
  const follow = useAgenda((s) => s.follow);
  const initStars = useStars((s) => s.init);
  const status = useAgenda((s) => s.status);
  const problem = useAgenda((s) => s.problem);
  const reload = useAgenda((s) => s.reload);
  const sessions = useAgenda((s) => s.sessions);
  const now = useNow(30_000, sessions);
  useEffect(() => follow(), [follow]);
  useEffect(() => void initStars(), [initStars]);
  const { on, next, later } = nowAndNext(
    sessions.filter((s) => s.hallId === hallId),
    now,
  );
  return (
    <div className="catalog-agenda" data-testid="catalog-agenda">
      <h3>{t('stage.agenda')}</h3>
      {status === 'loading' && <p>{ta('loading')}</p>}
      {status === 'error' && (
        <p className="form-problem" role="alert">
          {ta('loadFailed', { message: problem })}{' '}
          <button type="button" onClick={() => void reload()}>
            {ta('retry')}
          </button>
        </p>
      )}
      {status === 'ready' && (
        <>
          <h4>{ta('onNow')}</h4>
          {on.length ? on.map((s) => <SessionCard key={s.id} s={s} now={now} compact />) : <p className="muted">{ta('nothingNow')}</p>}
          <h4>{ta('next')}</h4>
          {next ? <SessionCard s={next} now={now} compact /> : <p className="muted">{ta('nothingLater')}</p>}
          {later.length > 0 && (
            <>
              <h4>{ta('later')}</h4>
              {later.slice(0, LATER_MAX).map((s) => (
                <SessionCard key={s.id} s={s} now={now} compact />
              ))}
            </>
          )}
        </>
      )}
      <p>
        <a href={`/agenda?hall=${hallId}`} target="_blank" rel="noopener">
          {ta('fullAgenda')}
        </a>
      </p>
    </div>
  );
}
