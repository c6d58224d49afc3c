/**
 * Where the leave-a-card dialog sits in the hall: its own panel in the overlay's `end` region
 * (panels.ts), above the booth panel, which waits in the dock meanwhile. It stays mounted while
 * folded, so a half-filled form or an attempt's idempotency key survives a look at the booth.
 * The dialog's code loads on first use: the hall's first frame never waits on it.
 */
import { lazy, Suspense } from 'react';
import { Slot } from '../layout/Overlay';
import './visitor.css';

const LeaveCardDialog = lazy(() => import('./LeaveCardDialog'));

export function LeaveCardSlot({ boothId, onClose }: { boothId: string; onClose: () => void }) {
  return (
    <Slot id="leaveCard" onClose={onClose} keepMounted>
      <Suspense fallback={null}>
        <LeaveCardDialog boothId={boothId} onClose={onClose} />
      </Suspense>
    </Slot>
  );
}
