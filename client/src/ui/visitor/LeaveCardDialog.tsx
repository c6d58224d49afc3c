/**
 * "留下名片 / Leave my card" at one booth, step by step: sign in or register if needed, fill in a
 * card if there is none, then read the notice and agree (ConsentForm). Each opening of the dialog
 * is one attempt with one idempotency key, so however often the button is pressed it leaves at
 * most one lead.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card, ConsentNotice, ConsentView } from '../../../../shared/api/leads';
import { pick } from '../../i18n';
import { api } from '../../net/api';
import { useSession } from '../console/session';
import { AccountPanel } from './AccountPanel';
import { CardEditor } from './CardEditor';
import { VisitorDialog } from './VisitorDialog';
import { ConsentForm } from './ConsentForm';
import { newIdempotencyKey } from './idempotencyKey';
import { problemText } from './problem';
import './visitor.css';

type Loaded<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; message: string };
interface Mine {
  card: Card | null;
  /** the visitor's active consent at this booth, if any: a second one is refused */
  active: ConsentView | null;
}

export default function LeaveCardDialog({ boothId, onClose }: { boothId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { state: session, setUser, signOut, refresh } = useSession();
  const [key] = useState(newIdempotencyKey);
  const [notice, setNotice] = useState<Loaded<ConsentNotice>>({ status: 'loading' });
  const [mine, setMine] = useState<Loaded<Mine>>({ status: 'loading' });
  const [editing, setEditing] = useState(false);
  const [delivered, setDelivered] = useState<ConsentView | null>(null);
  const [noticeChanged, setNoticeChanged] = useState(false);
  const visitorId = session.status === 'signed-in' && session.user.role === 'visitor' ? session.user.id : null;

  const loadNotice = useCallback(() => {
    setNotice({ status: 'loading' });
    api('cardNotice', { params: { boothId } }).then(
      (value) => setNotice({ status: 'ready', value }),
      (err: unknown) => setNotice({ status: 'error', message: problemText(err, t) }),
    );
  }, [boothId, t]);
  useEffect(loadNotice, [loadNotice]);

  const loadMine = useCallback(() => {
    setMine({ status: 'loading' });
    Promise.all([api('myCard'), api('myConsents')]).then(
      ([{ card }, { consents }]) =>
        setMine({ status: 'ready', value: { card, active: consents.find((c) => c.boothId === boothId && c.withdrawnAt === null) ?? null } }),
      (err: unknown) => setMine({ status: 'error', message: problemText(err, t) }),
    );
  }, [boothId, t]);
  useEffect(() => {
    if (visitorId) loadMine();
  }, [visitorId, loadMine]);

  const exhibitor = notice.status === 'ready' ? pick(notice.value.exhibitor.name, i18n.language) : '';

  function body() {
    if (delivered) return <Delivered consent={delivered} exhibitor={exhibitor} onClose={onClose} />;
    if (notice.status === 'loading' || session.status === 'loading') return <p className="visitor-muted">{t('visitor.loading')}</p>;
    if (notice.status === 'error') return <Failed message={t('consent.loadFailed', { message: notice.message })} onRetry={loadNotice} />;
    if (!visitorId) return null; // the account panel above asks to sign in (or to use a visitor account)
    if (mine.status === 'loading') return <p className="visitor-muted">{t('visitor.loading')}</p>;
    if (mine.status === 'error') return <Failed message={mine.message} onRetry={loadMine} />;
    const { card, active } = mine.value;
    if (active) return <AlreadyThere />;
    if (!card || editing)
      return (
        <CardEditor
          card={card}
          fallbackName={session.status === 'signed-in' ? session.user.displayName : ''}
          intro={card ? undefined : t('card.first')}
          onSaved={(c) => {
            setMine({ status: 'ready', value: { card: c, active } });
            setEditing(false);
          }}
          onCancel={card ? () => setEditing(false) : undefined}
        />
      );
    return (
      <>
        {noticeChanged && (
          <p className="form-problem" role="alert" data-testid="consent-notice-changed">
            {t('consent.changed')}
          </p>
        )}
        <ConsentForm
          key={notice.value.hash}
          notice={notice.value}
          card={card}
          idempotencyKey={key}
          onDelivered={setDelivered}
          onEditCard={() => setEditing(true)}
          onNoticeChanged={() => {
            setNoticeChanged(true);
            loadNotice();
          }}
        />
      </>
    );
  }

  return (
    <VisitorDialog
      title={t('consent.title')}
      exhibitor={exhibitor}
      testId="leave-card-dialog"
      closeTestId="leave-card-close"
      boothId={boothId}
      onClose={onClose}
    >
      {!delivered && (
        <AccountPanel
          state={session}
          onSignedIn={setUser}
          onSignOut={() => {
            setMine({ status: 'loading' });
            void signOut();
          }}
          onRetry={() => void refresh()}
        />
      )}
      {body()}
    </VisitorDialog>
  );
}

function Delivered({ consent, exhibitor, onClose }: { consent: ConsentView; exhibitor: string; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="consent-done" role="status" data-testid="consent-delivered" data-consent={consent.id}>
      <p className="consent-done-title">✓ {t('consent.delivered')}</p>
      <p>{t('consent.deliveredDetail', { name: exhibitor })}</p>
      <p className="visitor-muted">
        {t('consent.sharedFields')}: {[t('card.fields.name'), ...consent.fields.map((f) => t(`card.fields.${f}`))].join('、')}
      </p>
      <div className="visitor-actions">
        {/* a new tab: leaving this page would leave the hall */}
        <a className="button" href="/privacy" target="_blank" rel="noopener" data-testid="consent-to-privacy">
          {t('consent.toPrivacy')}
        </a>
        <button type="button" className="primary" onClick={onClose} autoFocus>
          {t('consent.done')}
        </button>
      </div>
    </div>
  );
}

function AlreadyThere() {
  const { t } = useTranslation();
  return (
    <div data-testid="consent-already">
      <p>{t('consent.already')}</p>
      <a className="button visitor-link" href="/privacy" target="_blank" rel="noopener">
        {t('consent.toPrivacy')}
      </a>
    </div>
  );
}

function Failed({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <p className="form-problem" role="alert">
      {message}{' '}
      <button type="button" onClick={onRetry}>
        {t('visitor.retry')}
      </button>
    </p>
  );
}
