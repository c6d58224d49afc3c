/** A hall link: the name form first if the visitor has none yet, then the hall itself. */
import { lazy, Suspense } from 'react';
import type { HallId } from '../../../shared/halls';
import { useStore } from '../store';
import { ProfileForm } from './ProfileForm';
import { LanguageSwitch } from './LanguageSwitch';
import { useTranslation } from 'react-i18next';
import { loadHall } from './loading/loadHall';
import { HallLoading } from './loading/HallLoading';
import { HallLoadError } from './loading/HallLoadError';

// three, the React renderer and the scene: a lazy chunk, counted in bytes by the loading screen.
const InHall = lazy(() => loadHall().then((m) => ({ default: m.InHall })));

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
  return (
    <HallLoadError>
      <Suspense fallback={null}>
        <InHall hallId={hallId} profile={profile} />
      </Suspense>
      <HallLoading />
    </HallLoadError>
  );
}
