/**
 * The 3D hall by keyboard alone (issue #13). First in the page's Tab order: a skip link to the
 * hall's 2D catalog, then "Nearby": a list of the booths and landmarks closest to the visitor, each
 * a button named with what it is, how far and which way (in the arrow keys' frame), recomputed about
 * once a second as the visitor walks. Enter opens the same booth panel or landmark card a click
 * does (a booth: and walks there, like a click) and moves focus into it; closing it brings focus
 * back (focusReturn.ts). Both stay out of sight until they have focus (only the keyboard or a
 * return to them gives it), so mouse users see the hall as before; the arrow keys keep walking wherever focus is (controls/useKeyboardMovement).
 */
import { useEffect, useMemo, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { getLayout, type HallId } from '../../../../shared/halls';
import { pick } from '../../i18n/pick';
import { catalogPath, navigate } from '../../router';
import { allDesks } from '../../scene/proximity/desks';
import { useStore } from '../../store';
import type { DeskRef } from '../../store/proximity';
import { input, localPlayer } from '../../store/transient';
import { walkToSlot } from '../booth/goTo';
import { installFocusReturn } from './focusReturn';
import { NS } from './locales';
import { nearbySignature, nearestDesks, type NearbyDesk } from './nearby';
import './a11y.css';

/** How many desks the list names: enough to choose from, few enough to Tab through. */
export const NEARBY_COUNT = 6;
const REFRESH_MS = 1000;
const KINDS = ['booth', 'hotspot'] as const;
const PANEL_OF = { booth: '[data-testid="booth-panel"]', hotspot: '[data-testid="hotspot-card"]' } as const;

/** Focuses the panel a desk opened once it is on screen (the booth panel is a lazy chunk). */
function focusWhenShown(selector: string): void {
  const until = performance.now() + 4000;
  const step = () => {
    const el = document.querySelector<HTMLElement>(selector);
    if (el && el.getClientRects().length > 0 && !el.closest('[hidden]')) {
      if (!el.hasAttribute('tabindex')) el.tabIndex = -1;
      el.focus({ preventScroll: true });
      return;
    }
    if (performance.now() < until) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

export function KeyboardNav({ hallId }: { hallId: HallId }) {
  const { t, i18n } = useTranslation(NS);
  const booths = useStore((s) => s.booths);
  // walking up to a desk is said aloud (a polite live region), as its card opens for sighted visitors
  const near = useStore((s) => s.near);
  const [list, setList] = useState<NearbyDesk[]>([]);
  const skipRef = useRef<HTMLAnchorElement>(null);
  // the entry with keyboard focus stays listed while the visitor walks (nearby.ts, `keep`)
  const focused = useRef<DeskRef | null>(null);
  const hotspots = useMemo(() => new Map(getLayout(hallId).hotspots.map((h) => [h.id, h])), [hallId]);

  useEffect(() => {
    let sig = '';
    const tick = () => {
      const next = localPlayer.ready
        ? nearestDesks(allDesks, localPlayer.x, localPlayer.z, input.cameraYaw, NEARBY_COUNT, { kinds: KINDS, keep: focused.current })
        : [];
      const s = nearbySignature(next);
      if (s === sig) return;
      sig = s;
      setList(next);
    };
    tick();
    const id = window.setInterval(tick, REFRESH_MS);
    return () => window.clearInterval(id);
  }, [hallId]);

  useEffect(() => {
    const root = document.querySelector<HTMLElement>('[data-testid="hall-page"]');
    if (!root) return;
    // the fallback is the overlay, not the nearby list: that would pop up over the panels for a mouse user
    return installFocusReturn(root, () => {
      const overlay = root.querySelector<HTMLElement>('[data-testid="overlay"]');
      if (overlay && !overlay.hasAttribute('tabindex')) overlay.tabIndex = -1;
      return overlay ?? skipRef.current;
    });
  }, []);

  const name = (e: NearbyDesk): string | null => {
    if (e.kind === 'booth') {
      const b = booths[e.id];
      return b ? pick(b.exhibitor.name, i18n.language) : null;
    }
    const h = hotspots.get(e.id);
    return h ? pick(h.title, i18n.language) : null;
  };

  const open = (e: NearbyDesk) => {
    const s = useStore.getState();
    if (e.kind === 'booth') {
      s.openBoothPanel(e.id, 'click');
      const slot = s.booths[e.id]?.slotId;
      if (slot) walkToSlot(hallId, slot);
    } else {
      s.openCard({ kind: 'hotspot', id: e.id }, 'click');
      s.raisePanel('landmarkCard');
    }
    focusWhenShown(PANEL_OF[e.kind as keyof typeof PANEL_OF]);
  };

  const skip = (ev: MouseEvent<HTMLAnchorElement>) => {
    if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    navigate(catalogPath(hallId));
  };

  const nearName = near && (near.kind === 'booth' || near.kind === 'hotspot') ? name({ kind: near.kind, id: near.id, distance: 0, direction: 'here' }) : null;
  const arrived = near && nearName ? t('arrived', { kind: t(near.kind), name: nearName }) : '';

  const entries = list.flatMap((e) => {
    const n = name(e);
    if (!n) return [];
    const where = e.direction === 'here' ? t('here') : t('away', { distance: e.distance, direction: t(`dir.${e.direction}`) });
    return [{ e, label: t('entry', { kind: t(e.kind), name: n, where }) }];
  });

  return (
    <>
      <a ref={skipRef} className="a11y-skip" href={catalogPath(hallId)} onClick={skip} data-testid="skip-to-catalog">
        {t('skip')}
        <span className="a11y-skip-hint"> · {t('skipHint')}</span>
      </a>
      <nav className="a11y-nearby" aria-labelledby="a11y-nearby-title" data-testid="nearby-nav">
        <h2 id="a11y-nearby-title">
          {t('nearby')} <span className="a11y-nearby-hint">({t('nearbyHint')})</span>
        </h2>
        {entries.length > 0 ? (
          <ul>
            {entries.map(({ e, label }) => (
              <li key={`${e.kind}:${e.id}`}>
                <button
                  type="button"
                  data-testid="nearby-desk"
                  data-kind={e.kind}
                  data-desk={e.id}
                  onClick={() => open(e)}
                  onFocus={() => (focused.current = { kind: e.kind, id: e.id })}
                  onBlur={() => (focused.current = null)}
                >
                  {label}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          // focusable so the list can be reached (and said to be empty) before anything is near
          <p tabIndex={0}>{t('none')}</p>
        )}
      </nav>
      <p className="a11y-sr" aria-live="polite" data-testid="nearby-arrived">
        {arrived}
      </p>
    </>
  );
}
