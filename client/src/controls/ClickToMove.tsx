import type { ReactNode } from 'react';
import type { HallId } from '../../../shared/halls';

/** Placeholder: click or tap on walkable ground to walk there. */
export function ClickToMove({ children }: { hallId: HallId; children: ReactNode }) {
  return <group>{children}</group>;
}
