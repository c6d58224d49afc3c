/**
 * The hall's 2D catalog (issue #13): the whole expo without the 3D scene, at /hall/<id>/2d. Its
 * own lazy chunk, with no three.js in it: a phone, a screen reader or the keyboard alone gets every
 * booth, landmark, the stage, chat, announcements, the passport and the auction as plain HTML. The
 * page joins the hall room as a seated visitor (JoinOptions.mode '2d'), so others see them at the
 * entrance and chat with them. A shared link asks for a name first, like the hall itself.
 */
import { useTranslation } from 'react-i18next';
import type { HallId } from '../../../../shared/halls';
import { useStore } from '../../store';
import { ProfileForm } from '../ProfileForm';
import { LanguageSwitch } from '../LanguageSwitch';
import { CatalogHall } from './CatalogHall';
import { NS } from './locales';
import './catalog.css';

export default function CatalogPage({ hallId }: { hallId: HallId }) {
  const profile = useStore((s) => s.profile);
  const setProfile = useStore((s) => s.setProfile);
  const { t } = useTranslation(NS);
  const hall = t(`halls.${hallId}`, { ns: 'translation' });
  if (!profile) {
    return (
      <main className="landing">
        <header className="landing-head">
          <h1>{t('title', { hall })}</h1>
          <LanguageSwitch />
        </header>
        <ProfileForm initial={null} onDone={setProfile} />
      </main>
    );
  }
  return <CatalogHall hallId={hallId} profile={profile} />;
}
