/**
 * Travel between halls: fade out, then navigate to /hall/<id>. HallPage is keyed by hall id, so
 * the old page unmounts (leaving its room) and the new one mounts (joining the other room); the
 * veil stays up until the new hall reports it is joined and drawing.
 */
import type { HallId } from '../../../../shared/halls';
import { hallPath, navigate } from '../../router';
import { useStore } from '../../store';

/** How long the fade-out takes before the route changes. */
export const TRAVEL_FADE_MS = 450;

export function travelTo(to: HallId): void {
  const s = useStore.getState();
  if (s.travelling) return;
  s.closeCard();
  s.setTravelling(to);
  window.setTimeout(() => navigate(hallPath(to)), TRAVEL_FADE_MS);
}
