/** The hall once the visitor has a name: the 3D canvas and the DOM overlay above it. */
import { lazy, Suspense, useEffect } from 'react';
import type { HallId } from '../../../shared/halls';
import { joinHall, leaveHall } from '../net/connection';
import { HallCanvas } from '../scene/HallCanvas';
import type { Profile } from '../store/sessionSlice';
import { Chat } from './Chat';
import { Hud } from './Hud';
import { StatusOverlay } from './StatusOverlay';
import { Notices } from './Notices';
import { AnnouncementBanner } from './AnnouncementBanner';
import { BoothLayer } from './booth/BoothLayer';
import { Minimap } from './Minimap';
import { HotspotCard, TravelOverlay } from './HotspotCard';
import { TouchJoystick } from './TouchJoystick';
import { Overlay } from './layout/Overlay';
import { Dock } from './layout/Dock';
import { AskGuideLayer } from './guide/ask/AskGuideLayer';
import { KeyboardNav } from './a11y/KeyboardNav';

// the signed-in visitor's meeting reminders: loaded after the hall, never in its first bytes
const MeetingReminders = lazy(() => import('./meetings/MeetingReminders'));
// the hall's agenda panel and starred-session reminders (issue #11): loaded after the hall too
const HallAgenda = lazy(() => import('./agenda/HallAgenda'));
// the stage's banner, video and 2D player: loaded after the hall's first frame too
const StageLayer = lazy(() => import('./stage/StageLayer'));
// questions to the session on stage (issue #11): loaded after the hall too
const HallQa = lazy(() => import('./qa/HallQa'));
// the private tour's caption box (issue #12): loaded after the hall too
const GuideCaptions = lazy(() => import('./guide/GuideCaptions'));
// the instance's public tour box, follow and gather (issue #12, group tours): loaded after the hall too
const GroupTourPanel = lazy(() => import('./guide/group/GroupTourPanel'));
// the stamp passport panel (issue #12): loaded after the hall too
const PassportPanel = lazy(() => import('./passport/PassportPanel'));
// the live auction panel (issue #12): loaded after the hall too
const HallAuction = lazy(() => import('./auction/HallAuction'));

export function InHall({ hallId, profile }: { hallId: HallId; profile: Profile }) {
  useEffect(() => {
    void joinHall(hallId, profile);
    return () => void leaveHall();
    // The profile is fixed for the life of this page; a new hall remounts (key in App).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hallId]);

  return (
    <div className="hall-page" data-testid="hall-page">
      {/* first in the Tab order: the skip link to the 2D catalog and the nearby booths (issue #13) */}
      <KeyboardNav hallId={hallId} />
      <HallCanvas hallId={hallId} />
      {/* every panel sits in the overlay's named regions (ui/layout/panels.ts) */}
      <Overlay>
        <Hud hallId={hallId} />
        <AnnouncementBanner />
        <Suspense fallback={null}>
          <MeetingReminders hallId={hallId} />
        </Suspense>
        <Suspense fallback={null}>
          <HallAgenda hallId={hallId} />
        </Suspense>
        <Suspense fallback={null}>
          <StageLayer hallId={hallId} />
        </Suspense>
        <Suspense fallback={null}>
          <HallQa />
        </Suspense>
        <Suspense fallback={null}>
          <GuideCaptions hallId={hallId} />
        </Suspense>
        <Suspense fallback={null}>
          <GroupTourPanel hallId={hallId} />
        </Suspense>
        <Suspense fallback={null}>
          <PassportPanel hallId={hallId} />
        </Suspense>
        <Suspense fallback={null}>
          <HallAuction />
        </Suspense>
        <AskGuideLayer hallId={hallId} />
        <BoothLayer hallId={hallId} />
        <HotspotCard hallId={hallId} />
        <Minimap hallId={hallId} />
        <Chat />
        <Dock />
        <Notices />
        <TouchJoystick />
      </Overlay>
      <StatusOverlay />
      <TravelOverlay />
    </div>
  );
}
