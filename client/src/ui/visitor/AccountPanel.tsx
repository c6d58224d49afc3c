/**
 * The visitor's account in a few lines: who is signed in and a sign-out button, or the forms to
 * register (email, password, display name) or sign in. Visitors sign in where staff do (POST
 * /api/auth/login); the account's role tells the two apart.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/api/schemas';
import { PASSWORD_MAX, PASSWORD_MIN } from '../../../../shared/api/terms';
import { api, ApiRequestError } from '../../net/api';
import type { SessionState } from '../console/session';
import { MAX_LENGTH } from './cardFields';
import { problemText } from './problem';
import './visitor.css';

export function AccountPanel({
  state,
  onSignedIn,
  onSignOut,
  onRetry,
  why,
}: {
  state: SessionState;
  onSignedIn: (u: UserView) => void;
  onSignOut: () => void;
  onRetry: () => void;
  /** why an account is asked for here (the leave-a-card reason by default) */
  why?: string;
}) {
  const { t } = useTranslation();
  if (state.status === 'loading') return <p className="visitor-muted">{t('visitor.loading')}</p>;
  if (state.status === 'error')
    return (
      <p className="form-problem" role="alert">
        {t('visitor.sessionFailed', { message: state.message })}{' '}
        <button type="button" onClick={onRetry}>
          {t('visitor.retry')}
        </button>
      </p>
    );
  if (state.status === 'signed-out') return <AuthForms onSignedIn={onSignedIn} why={why ?? t('visitor.why')} />;
  const u = state.user;
  return (
    <div className="visitor-account" data-testid="visitor-account">
      <p>
        {t('visitor.signedInAs', { name: u.displayName, email: u.email })}{' '}
        <button type="button" className="ghost" onClick={onSignOut} data-testid="visitor-sign-out">
          {t('visitor.signOut')}
        </button>
      </p>
      {u.role !== 'visitor' && (
        <p className="form-problem" role="alert" data-testid="visitor-not-visitor">
          {t('visitor.notVisitor')}
        </p>
      )}
    </div>
  );
}

/** Register or sign in; registering signs in too. */
function AuthForms({ onSignedIn, why }: { onSignedIn: (u: UserView) => void; why: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [mode, setMode] = useState<'register' | 'signIn'>('register');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const registering = mode === 'register';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      const { user } = registering ? await api('register', { body: { email, password, displayName } }) : await api('login', { body: { email, password } });
      onSignedIn(user);
    } catch (err) {
      setProblem(!registering && err instanceof ApiRequestError && err.status === 401 ? t('visitor.wrongLogin') : problemText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="visitor-form" onSubmit={(e) => void submit(e)} data-testid="visitor-auth" data-mode={mode} aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{registering ? t('visitor.registerTitle') : t('visitor.signInTitle')}</h3>
      <p className="visitor-muted">{why}</p>
      <label>
        {t('visitor.email')}
        <input
          type="email"
          autoComplete={registering ? 'email' : 'username'}
          required
          maxLength={254}
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          data-testid="visitor-email"
        />
      </label>
      <label>
        {registering ? t('visitor.newPassword', { min: PASSWORD_MIN }) : t('visitor.password')}
        <input
          type="password"
          autoComplete={registering ? 'new-password' : 'current-password'}
          required
          minLength={registering ? PASSWORD_MIN : undefined}
          maxLength={PASSWORD_MAX}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="visitor-password"
        />
      </label>
      {registering && (
        <label>
          {t('visitor.displayName')}
          <input
            required
            autoComplete="nickname"
            maxLength={MAX_LENGTH.name}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            data-testid="visitor-display-name"
          />
        </label>
      )}
      <p className="form-problem" role="alert" data-testid="visitor-auth-problem">
        {problem}
      </p>
      <div className="visitor-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="visitor-auth-submit">
          {busy ? t('visitor.working') : registering ? t('visitor.register') : t('visitor.signIn')}
        </button>
        <button
          type="button"
          className="ghost"
          onClick={() => {
            setMode(registering ? 'signIn' : 'register');
            setProblem(null);
          }}
          data-testid="visitor-auth-switch"
        >
          {registering ? t('visitor.haveAccount') : t('visitor.noAccount')}
        </button>
      </div>
    </form>
  );
}
