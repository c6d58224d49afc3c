/**
 * "咨询展商 / Ask staff" at one booth: a private one-to-one conversation with the booth's staff.
 * Signed out, it offers the visitor sign-in or registration first (the leave-a-card dialog's
 * AccountPanel). The thread comes from the askStaff store, which the visitor's event stream keeps
 * live; on screen, what the booth wrote is marked read. Its other conversations sit one tap away.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../shared/api/conversations';
import { pick } from '../../i18n';
import { api } from '../../net/api';
import { useStore } from '../../store';
import { useArrangement } from '../layout/Overlay';
import { AccountPanel } from '../visitor/AccountPanel';
import { visitorOf, useAskStaff } from './askStaffStore';
import { Composer } from './Composer';
import { Thread } from './Thread';
import './askStaff.css';

/** Marks what the booth wrote as read while the conversation is on screen in a visible tab. */
function useReadWhileShown(conv: ConversationView | undefined, shown: boolean): void {
  const upsert = useAskStaff((s) => s.upsert);
  const id = conv?.id;
  const unread = conv?.unread ?? 0;
  useEffect(() => {
    if (!id || !shown || unread === 0) return;
    let inflight = false;
    const read = () => {
      if (inflight || document.visibilityState !== 'visible') return;
      inflight = true;
      api('visitorRead', { params: { conversationId: id } }).then(upsert, () => {
        inflight = false; // tried again on the next look
      });
    };
    read();
    document.addEventListener('visibilitychange', read);
    return () => document.removeEventListener('visibilitychange', read);
  }, [id, shown, unread, upsert]);
}

export default function AskStaffDialog({ boothId, onClose }: { boothId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const session = useAskStaff((s) => s.session);
  const conversations = useAskStaff((s) => s.conversations);
  const loadProblem = useAskStaff((s) => s.loadProblem);
  const { refreshSession, setUser, signOut, load, upsert, open, setShown } = useAskStaff.getState();
  const booth = useStore((s) => s.booths[boothId]);
  const shown = !!useArrangement().shown.askStaff;
  const root = useRef<HTMLElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const visitor = visitorOf(session);
  const conv = conversations?.[boothId];
  const exhibitor = booth ? pick(booth.exhibitor.name, lang) : conv ? pick(conv.exhibitorName, lang) : '';
  const others = Object.values(conversations ?? {})
    .filter((c) => c.boothId !== boothId)
    .sort((a, b) => b.unread - a.unread || b.updatedAt - a.updatedAt)
    .slice(0, 4);

  // signed in elsewhere on the page (the leave-a-card dialog) since the hall checked: look again
  useEffect(() => {
    if (useAskStaff.getState().session.status !== 'signed-in') void refreshSession();
  }, [refreshSession]);

  // the text box is there once a visitor is signed in and their conversations are loaded
  const composing = !!visitor && conversations !== null;
  useEffect(() => {
    setShown(shown);
    // a folded panel raised from the dock, just opened, or just signed in to: the text box (or the sign-in) takes focus
    if (shown) (input.current ?? root.current)?.focus();
  }, [shown, setShown, composing]);
  useReadWhileShown(conv, shown);

  async function send(text: string) {
    const c = conv ? await api('visitorReply', { params: { conversationId: conv.id }, body: { text } }) : await api('askStaff', { body: { boothId, text } });
    upsert(c);
  }

  function body() {
    if (!visitor) return null; // the account panel above asks to sign in (or to use a visitor account)
    if (conversations === null)
      return loadProblem ? (
        <p className="form-problem" role="alert">
          {t('askStaff.loadFailed', { message: loadProblem })}{' '}
          <button type="button" onClick={() => void load()}>
            {t('visitor.retry')}
          </button>
        </p>
      ) : (
        <p className="visitor-muted">{t('visitor.loading')}</p>
      );
    return (
      <>
        {others.length > 0 && (
          <nav className="ask-staff-others" aria-label={t('askStaff.others')} data-testid="ask-staff-others">
            {others.map((c) => (
              <button key={c.id} type="button" className="pill" onClick={() => open(c.boothId)} data-booth={c.boothId}>
                {pick(c.exhibitorName, lang)}
                {c.unread > 0 && (
                  <span className="badge" aria-label={t('askStaff.unread', { count: c.unread })}>
                    {c.unread}
                  </span>
                )}
              </button>
            ))}
          </nav>
        )}
        <p className="visitor-muted ask-staff-private">{t('askStaff.private', { name: exhibitor })}</p>
        <Thread messages={conv?.messages ?? []} viewer="visitor" visitorName={visitor.displayName} exhibitorName={exhibitor} empty={t('askStaff.empty')} />
        <Composer onSend={send} placeholder={t('askStaff.placeholder')} inputRef={input} />
        {/* a new tab: leaving this page would leave the hall */}
        <a className="ask-staff-all" href="/privacy" target="_blank" rel="noopener" data-testid="ask-staff-privacy">
          {t('askStaff.allInPrivacy')}
        </a>
      </>
    );
  }

  return (
    <aside
      ref={root}
      tabIndex={-1}
      className={visitor ? 'ask-staff panel chatting' : 'ask-staff panel'}
      role="dialog"
      aria-labelledby="ask-staff-title"
      data-testid="ask-staff-dialog"
      data-booth={boothId}
      data-conversation={conv?.id}
    >
      <header className="leave-card-head">
        <h2 id="ask-staff-title">
          {t('askStaff.title')}
          {exhibitor && <small> · {exhibitor}</small>}
        </h2>
        <button type="button" className="ghost booth-close" onClick={onClose} aria-label={t('askStaff.close')} data-testid="ask-staff-close">
          ×
        </button>
      </header>
      <div className="ask-staff-body">
        <AccountPanel state={session} onSignedIn={setUser} onSignOut={() => void signOut()} onRetry={() => void refreshSession()} why={t('askStaff.why')} />
        {body()}
      </div>
    </aside>
  );
}
