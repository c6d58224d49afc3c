/**
 * Where the booking dialog sits in the hall: its own panel in the overlay's `end` region
 * (panels.ts), above the booth panel, which waits in the dock meanwhile. Its code loads on first use.
 */
import { lazy, Suspense } from 'react';
import { Slot } from '../layout/Overlay';

const MeetingDialog = lazy(() => import('./MeetingDialog'));

export function MeetingSlot({ boothId, exhibitor, onClose }: { boothId: string; exhibitor: string; onClose: () => void }) {
  return (
    <Slot id="meetings" onClose={onClose} keepMounted>
      <Suspense fallback={null}>
        <MeetingDialog boothId={boothId} exhibitor={exhibitor} onClose={onClose} />
      </Suspense>
    </Slot>
  );
}
