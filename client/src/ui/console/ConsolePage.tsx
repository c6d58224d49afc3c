/**
 * /exhibitor — the exhibitor console: sign in (or accept an invitation), then edit your booth.
 * Organizers land here too when they follow "edit booth" (?booth=ID) from their console.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../LanguageSwitch';
import { BoothEditor } from './BoothEditor';
import { InviteAccept } from './InviteAccept';
import { LeadsInbox } from './LeadsInbox';
import { BoothInbox } from './inbox/BoothInbox';
import { LoginForm } from './LoginForm';
import { BoothMeetings } from './meetings/BoothMeetings';
import { useSession } from './session';
import './console.css';

// analytics (and ECharts, which it loads on its first chart) arrive only when the console shows them
const BoothAnalytics = lazy(() => import('./analytics/BoothAnalytics'));

export function ConsoleShell({ title, children, onSignOut }: { title: string; children: React.ReactNode; onSignOut?: () => void }) {
  const { t } = useTranslation();
  return (
    <main className="console" data-testid="console">
      <header className="console-head">
        <h1>{title}</h1>
        <div className="console-row">
          <LanguageSwitch />
          {onSignOut && (
            <button type="button" className="ghost" onClick={onSignOut} data-testid="sign-out">
              {t('console.signOut')}
            </button>
          )}
        </div>
      </header>
      {children}
    </main>
  );
}

export default function ConsolePage() {
  const { t } = useTranslation();
  const { state, setUser, signOut } = useSession();
  const params = new URLSearchParams(window.location.search);
  const invite = params.get('invite');
  const wanted = params.get('booth');

  if (state.status === 'loading') return <ConsoleShell title={t('console.title')}>{t('console.loading')}</ConsoleShell>;
  if (state.status === 'error') return <ConsoleShell title={t('console.title')}>{t('console.error', { message: state.message })}</ConsoleShell>;
  if (state.status === 'signed-out') {
    return (
      <ConsoleShell title={t('console.title')}>
        {invite && /^[A-Za-z0-9_-]{20,64}$/.test(invite) ? <InviteAccept token={invite} onSignedIn={setUser} /> : <LoginForm onSignedIn={setUser} />}
      </ConsoleShell>
    );
  }
  const user = state.user;
  const organizer = user.role === 'organizer';
  const boothId = organizer ? wanted : (user.boothIds[0] ?? null);
  return (
    <ConsoleShell title={t('console.title')} onSignOut={() => void signOut()}>
      <p className="console-who">
        {user.displayName} · {user.email}
        {organizer && (
          <>
            {' · '}
            <a href="/organizer">{t('console.toOrganizer')}</a>
          </>
        )}
      </p>
      {/* leads are the booth staff's own: an organizer editing a booth does not see its cards */}
      {!organizer && user.boothIds.filter((id) => /^[a-z0-9]{6,32}$/.test(id)).map((id) => <LeadsInbox key={id} boothId={id} />)}
      {/* visitors' questions ("Ask staff"): the booth staff's too, organizers do not read them */}
      {!organizer && user.boothIds.filter((id) => /^[a-z0-9]{6,32}$/.test(id)).map((id) => <BoothInbox key={id} boothId={id} />)}
      {/* meetings with visitors: the booth staff's own, like its leads */}
      {!organizer && user.boothIds.filter((id) => /^[a-z0-9]{6,32}$/.test(id)).map((id) => <BoothMeetings key={id} boothId={id} me={user.id} />)}
      {/* the booth's analytics: its own staff, or an organizer who opened it */}
      {boothId && /^[a-z0-9]{6,32}$/.test(boothId) && (
        <Suspense fallback={null}>
          <BoothAnalytics key={boothId} boothId={boothId} />
        </Suspense>
      )}
      {boothId && /^[a-z0-9]{6,32}$/.test(boothId) ? (
        <BoothEditor key={boothId} boothId={boothId} isStaff={!organizer} />
      ) : (
        <p className="console-card">{organizer ? t('console.chooseBooth') : t('console.noBooth')}</p>
      )}
    </ConsoleShell>
  );
}
