import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_HALL, HALL_IDS, type HallId } from '../../../shared/halls';
import { hallPath, navigate } from '../router';
import { useStore } from '../store';
import { LanguageSwitch } from './LanguageSwitch';
import { ProfileForm } from './ProfileForm';

export function Landing() {
  const { t } = useTranslation();
  const profile = useStore((s) => s.profile);
  const setProfile = useStore((s) => s.setProfile);
  const [hall, setHall] = useState<HallId>(DEFAULT_HALL);

  return (
    <main className="landing">
      <header className="landing-head">
        <h1>{t('app.title')}</h1>
        <LanguageSwitch />
      </header>
      <p className="tagline">{t('app.tagline')}</p>
      <p className="landing-agenda">
        <a href="/agenda" data-testid="landing-agenda">
          {t('agenda.landingLink')}
        </a>
      </p>
      <ProfileForm
        initial={profile}
        onDone={(p) => {
          setProfile(p);
          navigate(hallPath(hall));
        }}
      >
        <fieldset>
          <legend>{t('landing.hallLabel')}</legend>
          <div className="chips">
            {HALL_IDS.map((id) => (
              <button
                key={id}
                type="button"
                data-testid={`pick-${id}`}
                className={id === hall ? 'chip selected' : 'chip'}
                aria-pressed={id === hall}
                onClick={() => setHall(id)}
              >
                {t(`halls.${id}`)}
              </button>
            ))}
          </div>
        </fieldset>
      </ProfileForm>
    </main>
  );
}
