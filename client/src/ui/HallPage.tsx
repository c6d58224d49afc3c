import { useEffect } from 'react';
import type { HallId } from '../../../shared/halls';
import { joinHall, leaveHall } from '../net/connection';
import { HallCanvas } from '../scene/HallCanvas';
import { useStore } from '../store';
import type { Profile } from '../store/sessionSlice';
import { Chat } from './Chat';
import { Hud } from './Hud';
import { ProfileForm } from './ProfileForm';
import { StatusOverlay } from './StatusOverlay';
import { Toast } from './Toast';
import { AnnouncementBanner } from './AnnouncementBanner';
import { BoothLayer } from './booth/BoothLayer';
import { Minimap } from './Minimap';
import { HotspotCard, TravelOverlay } from './HotspotCard';
import { TouchJoystick } from './TouchJoystick';
import { LanguageSwitch } from './LanguageSwitch';
import { useTranslation } from 'react-i18next';

export function HallPage({ hallId }: { hallId: HallId }) {
  const profile = useStore((s) => s.profile);
  const setProfile = useStore((s) => s.setProfile);
  const { t } = useTranslation();
  if (!profile) {
    // A shared link opens straight into the hall once the visitor has a name.
    return (
      <main className="landing">
        <header className="landing-head">
          <h1>
            {t('app.title')} · {t(`halls.${hallId}`)}
          </h1>
          <LanguageSwitch />
        </header>
        <ProfileForm initial={null} onDone={setProfile} />
      </main>
    );
  }
  return <InHall hallId={hallId} profile={profile} />;
}

function InHall({ hallId, profile }: { hallId: HallId; profile: Profile }) {
  useEffect(() => {
    void joinHall(hallId, profile);
    return () => void leaveHall();
    // The profile is fixed for the life of this page; a new hall remounts (key in App).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hallId]);

  return (
    <div className="hall-page" data-testid="hall-page">
      <HallCanvas hallId={hallId} />
      <Hud hallId={hallId} />
      <Chat />
      <TouchJoystick />
      <StatusOverlay />
      <Toast />
      <AnnouncementBanner />
      <BoothLayer hallId={hallId} />
      <Minimap hallId={hallId} />
      <HotspotCard hallId={hallId} />
      <TravelOverlay />
    </div>
  );
}
