/**
 * The public tour's box (issue #12, group tours; a lazy chunk of the hall): who leads, which stop,
 * the stop's caption in this visitor's language (the same stop for everyone in the instance, from
 * the server's snapshot and clock), Follow, and for the host the next stop, "gather here" and end.
 * A host's "gather here" shows as an offer to walk over. It sits in the overlay's captions region,
 * where the private tour's box would (a public tour ends the private one). Answers
 * `window.__ludao.groupTour()` for tests.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getLayout, type HallId } from '../../../../../shared/halls';
import type { HallLayout } from '../../../../../shared/layout';
import type { Point } from '../../../../../shared/tourPath';
import { currentRoom } from '../../../net/connection';
import { serverClock } from '../../../net/clock';
import { sendMessage } from '../../../net/messages';
import { leaderAt, publicTourClock, type PublicTourView } from '../../../scene/guide/publicTour';
import { useStore } from '../../../store';
import { pick } from '../../../i18n/pick';
import { Slot } from '../../layout/Overlay';
import { stopCaption } from '../tourScript';
import { useTour } from '../tourStore';
import type { GroupTourProbe } from '../../../debug';
import { OFFER_MS, useGroupTour } from './groupTourStore';
import { Walker } from './follow';
import { NS } from './locales';
import '../guide.css';
import './groupTour.css';

/** The caption box re-reads the timeline this often (a stop changes every half minute or so). */
const VIEW_MS = 250;
/** "Gather here": one stands this close to where the host called from, metres */
const GATHER_GAP_M = 1.2;

const scratchView: PublicTourView = { phase: 'walking', stop: 0, told: null, tellT: 0, tellS: 0 };

/** What the box shows of the timeline now: re-rendered only when the phase or stop changes. */
function useTimelineView(layout: HallLayout): { phase: 'walking' | 'telling'; stop: number; told: number | null } | null {
  const tour = useGroupTour((s) => s.tour);
  const [view, setView] = useState<{ phase: 'walking' | 'telling'; stop: number; told: number | null } | null>(null);
  useEffect(() => {
    if (!tour) return setView(null);
    const read = () => {
      const v = publicTourClock(layout).view(tour, serverClock.now(), scratchView);
      setView((old) => (old && old.phase === v.phase && old.stop === v.stop && old.told === v.told ? old : { phase: v.phase, stop: v.stop, told: v.told }));
    };
    read();
    const id = setInterval(read, VIEW_MS);
    return () => clearInterval(id);
  }, [tour, layout]);
  return view;
}

/** The one walker of this page: following the leader, or walking once to a gathering. */
let walker: Walker | null = null;
function stopWalking(): void {
  const w = walker;
  walker = null;
  w?.stop();
}

function useFollowing(layout: HallLayout): void {
  const following = useGroupTour((s) => s.following);
  useEffect(() => {
    if (!following) return;
    stopWalking();
    const w = new Walker({
      layout,
      leader: (out: Point) => {
        const tour = useGroupTour.getState().tour;
        return tour ? leaderAt(layout, tour, serverClock.now(), out) : null;
      },
      onStop: (reason) => {
        if (walker === w) walker = null;
        if (reason === 'manual') useGroupTour.getState().setFollowing(false);
      },
    });
    walker = w;
    w.start();
    return () => {
      if (walker === w) stopWalking();
    };
  }, [following, layout]);
}

/** Accepting "gather here": one walk to a spot beside where the host stood when they called. */
function walkToGathering(layout: HallLayout, at: Point): void {
  useGroupTour.getState().setFollowing(false);
  stopWalking();
  const w = new Walker({
    layout,
    leader: (out) => {
      out.x = at.x;
      out.z = at.z;
      return out;
    },
    once: true,
    gap: GATHER_GAP_M,
    onStop: () => {
      if (walker === w) walker = null;
    },
  });
  walker = w;
  w.start();
}

function send(action: 'next' | 'gather' | 'end'): void {
  const room = currentRoom();
  if (room) sendMessage(room, 'tour', { action });
}

function probe(layout: HallLayout): GroupTourProbe {
  const s = useGroupTour.getState();
  const tour = s.tour;
  const view = tour ? publicTourClock(layout).view(tour, serverClock.now(), { phase: 'walking', stop: 0, told: null, tellT: 0, tellS: 0 }) : null;
  const leader = tour ? leaderAt(layout, tour, serverClock.now(), { x: 0, z: 0 }) : null;
  const el = document.querySelector('[data-testid="group-caption"]');
  return {
    tour: tour ? { id: tour.id, mode: tour.mode, hostId: tour.hostId, hostName: tour.hostName, stop: tour.stop, session: tour.session?.id ?? null } : null,
    phase: view?.phase ?? null,
    told: view?.told ?? null,
    tellT: view?.tellT ?? 0,
    guide: tour?.mode === 'guide' && leader ? { x: leader.x, z: leader.z } : null,
    leader: leader ? { x: leader.x, z: leader.z } : null,
    following: s.following,
    walking: walker?.running ?? false,
    offer: s.offer ? { x: s.offer.x, z: s.offer.z, by: s.offer.by } : null,
    canLead: s.canLead,
    caption: el?.textContent ?? '',
  };
}

export default function GroupTourPanel({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const layout = getLayout(hallId);
  const tour = useGroupTour((s) => s.tour);
  const following = useGroupTour((s) => s.following);
  const offer = useGroupTour((s) => s.offer);
  const canLead = useGroupTour((s) => s.canLead);
  const refused = useGroupTour((s) => s.refused);
  const guide = useTour((s) => s.guide);
  const view = useTimelineView(layout);
  const selfId = useStore((s) => s.sessionId);
  useFollowing(layout);

  useEffect(() => {
    const p = window.__ludao;
    if (!p) return;
    const fn = () => probe(layout);
    p.groupTour = fn;
    return () => {
      if (p.groupTour === fn) delete p.groupTour;
    };
  }, [layout]);
  // a public tour takes the guide: the private one ends
  useEffect(() => {
    if (tour) useTour.getState().end();
  }, [tour?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  // leaving the hall stops any walk after the leader
  useEffect(() => () => stopWalking(), [hallId]);
  useEffect(() => {
    if (refused) useStore.getState().toast(`${NS}:refused.${refused.reason}`);
  }, [refused]);
  useEffect(() => {
    if (!offer) return;
    const id = setTimeout(() => useGroupTour.getState().dismissOffer(), Math.max(0, OFFER_MS - (Date.now() - offer.at)));
    return () => clearTimeout(id);
  }, [offer]);

  if (!tour || !view) return null;
  const lang = i18n.language;
  const name = guide ? pick(guide, lang) : i18n.t('defaultName', { ns: 'guide' });
  const count = layout.tourStops.length;
  const n = view.stop + 1;
  const isHost = tour.hostId !== '' && tour.hostId === selfId;
  // the host, and anyone who may lead (an organizer may move any tour on; the server answers the rest)
  const leads = isHost || canLead;
  const title = tour.session
    ? t('title.agenda', { title: pick(tour.session.title, lang) })
    : tour.mode === 'host'
      ? t('title.host', { host: tour.hostName })
      : t('title.guide', { name });
  const status =
    tour.mode === 'host'
      ? t('status.host', { n, count, host: tour.hostName })
      : view.phase === 'walking'
        ? t('status.walking', { name, n, count })
        : t('status.telling', { n, count });
  const caption = view.told === null ? null : stopCaption(layout, view.told, lang);
  const followLabel = tour.mode === 'host' ? t('followHost', { host: tour.hostName }) : t('followGuide', { name });
  const where = tour.mode === 'host' ? tour.hostName || t('hostWord') : name || t('guideWord');

  return (
    <Slot id="guideCaptions">
      <section className="panel guide-captions group-tour" data-testid="group-tour" data-mode={tour.mode} data-phase={view.phase} aria-label={t('region')}>
        <p className="guide-status" data-testid="group-status">
          <span className="group-title">{title}</span> · {status}
        </p>
        {offer && !isHost ? (
          <div className="group-offer" role="alertdialog" aria-live="assertive" data-testid="group-offer">
            <p>{t('offer', { by: offer.by || where, where })}</p>
            <button
              type="button"
              className="primary"
              data-testid="group-offer-go"
              onClick={() => {
                walkToGathering(layout, { x: offer.x, z: offer.z });
                useGroupTour.getState().dismissOffer();
              }}
            >
              {t('offerGo')}
            </button>
            <button type="button" className="ghost" data-testid="group-offer-no" onClick={() => useGroupTour.getState().dismissOffer()}>
              {t('offerNo')}
            </button>
          </div>
        ) : null}
        <div className="guide-caption" data-testid="group-caption" aria-live="polite" lang={lang.startsWith('zh') ? 'zh-CN' : 'en'}>
          {caption ? (
            <>
              {caption.title ? <h3>{caption.title}</h3> : null}
              {caption.paragraphs.map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </>
          ) : (
            <p className="guide-hint">{followLabel}</p>
          )}
        </div>
        <div className="guide-controls group-controls">
          {isHost ? null : (
            <button
              type="button"
              className={following ? 'primary' : 'ghost'}
              aria-pressed={following}
              title={followLabel}
              data-testid="group-follow"
              onClick={() => useGroupTour.getState().setFollowing(!following)}
            >
              {following ? t('following') : t('follow')}
            </button>
          )}
          {leads ? (
            <>
              <button type="button" className="ghost" data-testid="group-next" onClick={() => send('next')}>
                {t('next')}
              </button>
              <button type="button" className="ghost" title={t('gatherLabel')} data-testid="group-gather" onClick={() => send('gather')}>
                {t('gather')}
              </button>
              <button type="button" className="ghost" data-testid="group-end" onClick={() => send('end')}>
                {t('end')}
              </button>
            </>
          ) : null}
        </div>
      </section>
    </Slot>
  );
}
