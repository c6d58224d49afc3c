/**
 * The bilingual info card that opens when a visitor walks up to a landmark, and the veil shown
 * while travelling between halls. Layout copy is data (assets/halls), rendered as text only.
 * It is the hotspot desk's card (store/proximity.ts), so a booth panel replaces it. On short
 * screens (a phone held sideways) it shows two lines of its text until "more" is pressed.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getLayout, type HallId } from '../../../shared/halls';
import { pick } from '../i18n';
import { travelTo } from '../scene/hotspots/travel';
import { useStore } from '../store';
import { Slot } from './layout/Overlay';

export function HotspotCard({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation();
  const open = useStore((s) => (s.card?.kind === 'hotspot' ? s.card.id : null));
  const close = useStore((s) => s.closeCard);
  const layout = getLayout(hallId);
  const h = open ? layout.hotspots.find((x) => x.id === open) : undefined;
  const [more, setMore] = useState(false);
  useEffect(() => setMore(false), [open]);
  if (!h) return null;
  // a portal close to this hotspot: offer the trip from the card too
  const portal = layout.portals.find((p) => Math.hypot(p.x - h.x, p.z - h.z) < h.radius + p.radius + 6);
  const other = (lang: string) => (lang.startsWith('zh') ? 'en' : 'zh');
  return (
    <Slot id="landmarkCard" onClose={close}>
      <aside className="hotspot-card panel" role="dialog" aria-labelledby="hotspot-title" data-testid="hotspot-card" data-hotspot={h.id}>
        <p className="hotspot-kicker">{t('hotspot.label')}</p>
        <h2 id="hotspot-title">{pick(h.title, i18n.language)}</h2>
        <p className="hotspot-sub" lang={other(i18n.language) === 'zh' ? 'zh-CN' : 'en'}>
          {other(i18n.language) === 'zh' ? h.title.zh : h.title.en}
        </p>
        <p className={more ? 'hotspot-body' : 'hotspot-body clamped'} id="hotspot-body" data-testid="hotspot-body">
          {pick(h.body, i18n.language)}
        </p>
        <div className="row">
          {/* shown only where the text is clamped (styles.css, short screens) */}
          <button
            type="button"
            className="hotspot-more"
            data-testid="hotspot-more"
            aria-expanded={more}
            aria-controls="hotspot-body"
            onClick={() => setMore((m) => !m)}
          >
            {t(more ? 'hotspot.less' : 'hotspot.more')}
          </button>
          {portal && (
            <button type="button" className="primary" data-testid="hotspot-travel" onClick={() => travelTo(portal.to as HallId)}>
              {t(portal.kind === 'ferry' ? 'hall.ferry' : 'hall.portal', { hall: t(`halls.${portal.to}`) })}
            </button>
          )}
          <button type="button" data-testid="hotspot-close" onClick={close}>
            {t('hotspot.close')}
          </button>
        </div>
      </aside>
    </Slot>
  );
}

/**
 * Covers the screen while travelling: fades in before the route changes and stays until the
 * new hall is joined and has drawn a few frames, then fades out.
 */
export function TravelOverlay() {
  const { t } = useTranslation();
  const travelling = useStore((s) => s.travelling);
  const status = useStore((s) => s.status);
  const hallId = useStore((s) => s.hallId);
  const [leaving, setLeaving] = useState(false);
  useEffect(() => {
    if (!travelling || hallId !== travelling || status !== 'joined') return;
    // joined the destination: give the scene a moment to draw, then lift the veil
    const a = window.setTimeout(() => setLeaving(true), 700);
    const b = window.setTimeout(() => {
      useStore.getState().setTravelling(null);
      setLeaving(false);
    }, 1200);
    return () => {
      window.clearTimeout(a);
      window.clearTimeout(b);
    };
  }, [travelling, hallId, status]);
  if (!travelling) return null;
  return (
    <div className={`travel-veil${leaving ? ' leaving' : ''}`} role="status" aria-live="polite" data-testid="travel-overlay">
      <span className="spinner" aria-hidden="true" />
      <p>{t('hall.travelling', { hall: t(`halls.${travelling}`) })}</p>
    </div>
  );
}
