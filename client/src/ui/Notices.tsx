/**
 * The overlay's notice row (layout/forms.ts): the connection status line and the toast, stacked
 * under the toolbar and any announcement, so they push panels aside instead of covering them.
 */
import { useStore } from '../store';
import { Slot } from './layout/Overlay';
import { StatusBanner, useStatusLine } from './StatusOverlay';
import { Toast } from './Toast';

export function Notices() {
  const line = useStatusLine();
  const toastKey = useStore((s) => s.toastKey);
  return (
    <Slot id="notice" open={!!line || !!toastKey}>
      <div className="notices" data-testid="notices">
        <StatusBanner />
        <Toast />
      </div>
    </Slot>
  );
}
