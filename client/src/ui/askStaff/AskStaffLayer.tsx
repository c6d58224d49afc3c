/**
 * "Ask staff" across the hall page: finds out whether a visitor is signed in, and if so loads their
 * conversations and follows their event stream for the page's whole life, so a booth's answer
 * reaches them wherever they are in the hall. An answer to a conversation that is not on screen
 * shows a toast, counts in the tab's title, and (when no conversation is open) puts the
 * conversation in the dock, one tap from reading it; so do answers that came while they were away. The panel itself is its own overlay region
 * entry (panels.ts `askStaff`), kept mounted while folded so a half-written message survives.
 * Its code loads on first use.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useStore } from '../../store';
import { Slot } from '../layout/Overlay';
import { useTitleBadge } from '../titleBadge';
import { unreadTotal, useAskStaff, visitorOf } from './askStaffStore';
import { newMessagesFrom } from './merge';
import { followMyConversations } from './myStream';
import './askStaff.css';

const AskStaffDialog = lazy(() => import('./AskStaffDialog'));

function useFollowReplies(visitorId: string | null): void {
  useEffect(() => {
    if (!visitorId) return;
    const ask = useAskStaff.getState;
    void ask()
      .load()
      .then(() => {
        // answers that came while the visitor was away: the latest waits in the dock
        const s = ask();
        const waiting = Object.values(s.conversations ?? {})
          .filter((c) => c.unread > 0)
          .sort((a, b) => b.updatedAt - a.updatedAt)[0];
        if (!waiting || s.boothId !== null) return;
        useStore.getState().foldPanel('askStaff');
        s.open(waiting.boothId);
      });
    return followMyConversations({
      onConversation: (c) => {
        const s = ask();
        // before the list has loaded every answer would look new: no news until we know what was there
        const fresh = s.conversations === null ? 0 : newMessagesFrom(s.conversations[c.boothId], c, 'staff');
        s.upsert(c);
        if (fresh === 0 || (s.shown && s.boothId === c.boothId)) return;
        const hall = useStore.getState();
        hall.toast('askStaff.replied');
        if (s.boothId === null) {
          // folded first, so it arrives in the dock rather than over whatever the visitor is looking at
          hall.foldPanel('askStaff');
          s.open(c.boothId);
        }
      },
      onStatus: (up, reconnected) => {
        if (up && reconnected) void ask().load();
      },
    });
  }, [visitorId]);
}

export function AskStaffLayer() {
  const visitorId = useAskStaff((s) => visitorOf(s.session)?.id ?? null);
  const boothId = useAskStaff((s) => s.boothId);
  const unread = useAskStaff((s) => unreadTotal(s.conversations));
  const close = useAskStaff((s) => s.close);
  const [hallTitle] = useState(() => document.title);

  useEffect(() => {
    void useAskStaff.getState().refreshSession();
    // leaving the hall closes the panel; the session stays known for the next hall
    return () => useAskStaff.getState().close();
  }, []);
  useFollowReplies(visitorId);
  useTitleBadge('askStaff', unread, hallTitle);

  if (!boothId) return null;
  return (
    <Slot id="askStaff" onClose={close} keepMounted>
      <Suspense fallback={null}>
        <AskStaffDialog key={boothId} boothId={boothId} onClose={close} />
      </Suspense>
    </Slot>
  );
}
