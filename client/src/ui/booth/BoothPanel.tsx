/**
 * The booth panel: who the exhibitor is, what they show (products, pictures, video), the brochure,
 * their website, whether staff are on duty, and how many visitors stand at the booth right now.
 * Everything from exhibitors is rendered as text; links are shown only when they are http(s).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoothView } from '../../../../shared/api/schemas';
import { isSafeLink } from '../../../../shared/api/terms';
import { getLayout, type HallId } from '../../../../shared/halls';
import { isNearSlot } from '../../../../shared/boothReach';
import { pick } from '../../i18n';
import { api, routeUrl } from '../../net/api';
import { useStore } from '../../store';
import { localPlayer } from '../../store/transient';
import { Slot } from '../layout/Overlay';
import { LeaveCardSlot } from '../visitor/LeaveCardSlot';
import { MeetingSlot } from '../meetings/MeetingSlot';
import { BoothReactionButtons } from './BoothReactionButtons';
import { PresentControls, PresentingView } from './Presenting';
import { AskStaffLayer } from '../askStaff/AskStaffLayer';
import { useAskStaff } from '../askStaff/askStaffStore';
import { useBoothRequests } from './boothRequests';
import './booth.css';
import { inlineVideoProps } from '../../platform/inlineVideo';

function mb(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * Visitors at the booth: the server's hall-wide count (every instance, once a second, in the room
 * state). `near`: you stand there yourself (shared/boothReach.ts, as the server counts), so you
 * can react.
 */
function useVisitorsAt(hallId: HallId, slotId: string | null): { count: number; near: boolean } {
  const count = useStore((s) => (slotId ? (s.boothCounts[slotId] ?? 0) : 0));
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (!slotId) return;
    const layout = getLayout(hallId);
    const check = () => setNear(localPlayer.ready && isNearSlot(layout, slotId, localPlayer.x, localPlayer.z));
    check();
    const id = window.setInterval(check, 1000);
    return () => window.clearInterval(id);
  }, [hallId, slotId]);
  return { count, near };
}

/** `flat`: in the 2D catalog (issue #13), where no one stands at a booth, so the reactions (which need reach) are left out. */
export function BoothPanel({ hallId, flat = false }: { hallId: HallId; flat?: boolean }) {
  // the booth panel is the booth desk's card (store/proximity.ts): one card open at a time
  const panel = useStore((s) => (s.card?.kind === 'booth' ? s.card : null));
  const booth = useStore((s) => (s.card?.kind === 'booth' ? s.booths[s.card.id] : undefined));
  const close = useStore((s) => s.closeBoothPanel);
  const raise = useStore((s) => s.raisePanel);
  // the booth whose "leave my card" dialog is open (it closes when the panel moves to another booth)
  const [leaving, setLeaving] = useState<string | null>(null);
  const closeLeaving = useCallback(() => setLeaving(null), []);
  // the booth whose "book a meeting" dialog is open
  const [meeting, setMeeting] = useState<string | null>(null);
  const closeMeeting = useCallback(() => setMeeting(null), []);
  // "leave a card" asked for from outside the panel (the guide's tour end): the same as its button
  const wantsCard = useBoothRequests((s) => s.leaveCard);
  const boothId = booth?.id;
  useEffect(() => {
    if (!wantsCard || wantsCard !== boothId) return;
    useBoothRequests.getState().taken();
    setLeaving(wantsCard);
    raise('leaveCard');
  }, [wantsCard, boothId, raise]);
  const lang = useTranslation().i18n.language;
  // Duty expires without an event: refresh the open booth now and then.
  useEffect(() => {
    if (!panel) return;
    const id = window.setInterval(() => {
      void api('booth', { params: { boothId: panel.id } })
        .then((b) => useStore.getState().upsertBooth(b))
        .catch(() => {});
    }, 60_000);
    return () => window.clearInterval(id);
  }, [panel]);
  return (
    <>
      {/* "Ask staff" lives for the hall's whole life: answers arrive with no booth open */}
      <AskStaffLayer />
      {panel && booth && (
        <>
          <Slot id="boothPanel" onClose={close}>
            <PanelBody
              key={booth.id}
              hallId={hallId}
              booth={booth}
              flat={flat}
              onClose={close}
              onLeaveCard={() => {
                setLeaving(booth.id);
                // above the booth panel even when that one was raised (opened from the directory)
                raise('leaveCard');
              }}
              onMeeting={() => {
                setMeeting(booth.id);
                raise('meetings');
              }}
              onAskStaff={() => {
                useAskStaff.getState().open(booth.id);
                raise('askStaff');
              }}
            />
          </Slot>
          {leaving === booth.id && <LeaveCardSlot boothId={booth.id} onClose={closeLeaving} />}
          {meeting === booth.id && <MeetingSlot boothId={booth.id} exhibitor={pick(booth.exhibitor.name, lang)} onClose={closeMeeting} />}
        </>
      )}
    </>
  );
}

function PanelBody({
  hallId,
  booth,
  flat,
  onClose,
  onLeaveCard,
  onMeeting,
  onAskStaff,
}: {
  hallId: HallId;
  booth: BoothView;
  flat: boolean;
  onClose: () => void;
  onLeaveCard: () => void;
  onMeeting: () => void;
  onAskStaff: () => void;
}) {
  const { t, i18n } = useTranslation();
  const asked = useAskStaff((s) => s.conversations?.[booth.id]);
  const lang = i18n.language;
  const { count: visitors, near } = useVisitorsAt(hallId, booth.slotId);
  const e = booth.exhibitor;
  const name = pick(e.name, lang);
  const description = pick(e.description, lang);
  const website = e.website && isSafeLink(e.website) ? e.website : null;

  return (
    <aside
      className="booth-panel panel"
      role="dialog"
      aria-labelledby="booth-panel-name"
      data-testid="booth-panel"
      data-booth={booth.id}
      style={{ borderTopColor: booth.colors.primary }}
    >
      <header className="booth-panel-head">
        {e.logo ? (
          <img className="booth-logo" src={e.logo.url} alt="" width={56} height={56} data-testid="booth-panel-logo" />
        ) : (
          <span className="booth-logo placeholder" style={{ background: booth.colors.primary }} aria-hidden="true">
            {[...name][0]}
          </span>
        )}
        <div className="booth-panel-titles">
          <h2 id="booth-panel-name" data-testid="booth-panel-name">
            {name}
          </h2>
          <p className="booth-panel-title" data-testid="booth-panel-title">
            {pick(booth.title, lang)}
          </p>
          <p className="booth-tags">
            <span>{t(`industries.${e.industry}`)}</span>
            <span>{t(`parks.${e.park}`)}</span>
          </p>
        </div>
        <button type="button" className="ghost booth-close" onClick={onClose} aria-label={t('booth.close')} data-testid="booth-panel-close">
          ×
        </button>
      </header>
      <p className="booth-live">
        <span className={booth.staffOnDuty ? 'duty on' : 'duty'} data-testid="booth-duty">
          <span className="dot" aria-hidden="true" />
          {booth.staffOnDuty ? t('booth.staffOnDuty') : t('booth.staffAway')}
        </span>
        <span data-testid="booth-visitors" data-count={visitors}>
          {t('booth.visitorsHere', { count: visitors })}
        </span>
        {booth.slotId && !flat && <BoothReactionButtons slotId={booth.slotId} near={near} />}
        <button type="button" className="primary booth-leave-card" onClick={onLeaveCard} data-testid="booth-leave-card">
          {t('booth.leaveCard')}
        </button>
        <button type="button" className="booth-meeting" onClick={onMeeting} data-testid="booth-meeting">
          {t('meetings.button')}
        </button>
        <button type="button" className="booth-ask-staff" onClick={onAskStaff} data-testid="booth-ask-staff">
          {t('askStaff.button')}
          {!!asked?.unread && (
            <span className="badge" aria-label={t('askStaff.unread', { count: asked.unread })} data-testid="booth-ask-staff-unread">
              {asked.unread}
            </span>
          )}
        </button>
      </p>
      <div className="booth-panel-scroll">
        <PresentingView booth={booth} />
        <PresentControls booth={booth} />
        {description ? <p className="booth-description">{description}</p> : <p className="booth-description muted">{t('booth.noDescription')}</p>}

        {booth.products.length > 0 && (
          <section>
            <h3>{t('booth.products')}</h3>
            <ul className="booth-products">
              {booth.products.map((p) => (
                <li key={p.id}>
                  {p.image ? (
                    <img src={p.image.url} alt="" loading="lazy" width={88} height={88} />
                  ) : (
                    <span className="booth-product-blank" aria-hidden="true" />
                  )}
                  <div>
                    <b>{pick(p.name, lang)}</b>
                    {p.model && <span className="booth-badge">{t('booth.model3d')}</span>}
                    <p>{pick(p.description, lang)}</p>
                  </div>
                </li>
              ))}
            </ul>
          </section>
        )}

        {booth.images.length > 0 && (
          <section>
            <h3>{t('booth.gallery')}</h3>
            <div className="booth-gallery">
              {booth.images.map((img, i) => (
                <a
                  key={img.id}
                  href={img.url}
                  target="_blank"
                  rel="noopener noreferrer"
                  aria-label={t('booth.galleryOpen', { n: i + 1, count: booth.images.length })}
                >
                  <img src={img.url} alt="" loading="lazy" width={160} height={Math.round((160 * img.height) / Math.max(1, img.width))} />
                </a>
              ))}
            </div>
          </section>
        )}

        {booth.video && (
          <section>
            <h3>{t('booth.video')}</h3>
            <video className="booth-video" src={booth.video.url} controls preload="metadata" {...inlineVideoProps} />
          </section>
        )}

        <section className="booth-links">
          {booth.brochure && (
            // counted on the server (booth analytics), which then redirects to the file
            <a
              className="button primary"
              href={routeUrl('brochureDownload', { params: { boothId: booth.id } })}
              download={booth.brochure.name}
              data-testid="booth-brochure"
            >
              {t('booth.brochure')} ({mb(booth.brochure.bytes)})
            </a>
          )}
          {website && (
            // counted, then redirected to the exhibitor's own (http/https) site
            <a
              className="button"
              href={routeUrl('websiteVisit', { params: { boothId: booth.id } })}
              target="_blank"
              rel="noopener noreferrer nofollow"
              data-testid="booth-website"
            >
              {t('booth.website')}
            </a>
          )}
        </section>

        {(e.contact.email || e.contact.phone) && (
          <section>
            <h3>{t('booth.contact')}</h3>
            <dl className="booth-contact">
              {e.contact.email && (
                <>
                  <dt>{t('booth.email')}</dt>
                  <dd>{e.contact.email}</dd>
                </>
              )}
              {e.contact.phone && (
                <>
                  <dt>{t('booth.phone')}</dt>
                  <dd>{e.contact.phone}</dd>
                </>
              )}
            </dl>
          </section>
        )}
      </div>
    </aside>
  );
}
