/**
 * /privacy — the visitor's privacy centre (PIPL Art. 15, 45): the account, the card (editable), and
 * every consent given to an exhibitor, each active one with a one-click withdrawal, as easy as
 * giving it was. Signed out, it offers sign-in or registration first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from '../LanguageSwitch';
import { useSession } from '../console/session';
import { AccountPanel } from '../visitor/AccountPanel';
import { ConsentList } from './ConsentList';
import { MyCard } from './MyCard';
import { MyConversations } from './MyConversations';
import { MyDataActions } from './MyDataActions';
import { MyMeetings } from './MyMeetings';
import './privacy.css';

export default function PrivacyPage() {
  const { t } = useTranslation();
  const { state, setUser, signOut, refresh } = useSession();
  const [deleted, setDeleted] = useState(false);
  const visitor = state.status === 'signed-in' && state.user.role === 'visitor' ? state.user : null;
  return (
    <main className="privacy" data-testid="privacy-page">
      <header className="privacy-head">
        <h1>{t('privacy.title')}</h1>
        <div className="privacy-row">
          <LanguageSwitch />
          <a href="/">{t('privacy.home')}</a>
        </div>
      </header>
      <p className="privacy-intro">{t('privacy.intro')}</p>
      <section className="privacy-box">
        <AccountPanel state={state} onSignedIn={setUser} onSignOut={() => void signOut()} onRetry={() => void refresh()} />
      </section>
      {visitor && (
        <>
          <section className="privacy-box">
            <MyCard key={visitor.id} displayName={visitor.displayName} />
          </section>
          <section className="privacy-box" aria-labelledby="privacy-consents">
            <h2 id="privacy-consents">{t('privacy.consents')}</h2>
            <ConsentList key={visitor.id} />
          </section>
          <section className="privacy-box" aria-labelledby="privacy-conversations">
            <h2 id="privacy-conversations">{t('askStaff.privacyTitle')}</h2>
            <MyConversations key={visitor.id} visitorName={visitor.displayName} />
          </section>
          <section className="privacy-box" aria-labelledby="privacy-meetings">
            <h2 id="privacy-meetings">{t('meetings.privacyTitle')}</h2>
            <MyMeetings key={visitor.id} />
          </section>
          <section className="privacy-box">
            <MyDataActions
              onDeleted={() => {
                setDeleted(true);
                void refresh();
              }}
            />
          </section>
        </>
      )}
      {deleted && (
        <p role="status" data-testid="privacy-deleted">
          {t('privacy.deleted')}
        </p>
      )}
    </main>
  );
}
