import type { HallId } from '../../../../shared/halls';

/** Placeholder: remote and local avatars. */
export function Avatars(_: { hallId: HallId }) {
  return null;
}
