/**
 * The ask-the-guide panel's place in the hall: nothing until the visitor opens it, then the panel's
 * lazy chunk (the matcher and its words stay out of the hall's first bytes). It also finishes a walk
 * to a place asked for in the other hall, once the visitor is placed here.
 */
import { lazy, Suspense, useEffect } from 'react';
import { getLayout, type HallId } from '../../../../../shared/halls';
import { walkTo } from '../../../controls/walkTo';
import { localPlayer } from '../../../store/transient';
import { useAsk } from './askStore';
import { takePendingWalk } from './pendingWalk';

const AskGuidePanel = lazy(() => import('./AskGuidePanel'));

export function AskGuideLayer({ hallId }: { hallId: HallId }) {
  const open = useAsk((s) => s.open);

  useEffect(() => {
    const pending = takePendingWalk(hallId);
    if (!pending) return;
    const id = window.setInterval(() => {
      if (!localPlayer.ready) return;
      window.clearInterval(id);
      walkTo(getLayout(hallId), pending);
    }, 250);
    return () => window.clearInterval(id);
  }, [hallId]);

  // a new hall: the panel starts closed there
  useEffect(() => () => useAsk.getState().setOpen(false), [hallId]);

  if (!open) return null;
  return (
    <Suspense fallback={null}>
      <AskGuidePanel hallId={hallId} />
    </Suspense>
  );
}
