import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../../../../shared/api/schemas';
import { DEMO_PASSWORD } from '../../../../shared/demo';
import { api, ApiRequestError } from '../../net/api';

export function LoginForm({ onSignedIn }: { onSignedIn: (u: UserView) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [demo, setDemo] = useState(false);

  useEffect(() => {
    api('expo')
      .then((e) => setDemo(e.isDemo))
      .catch(() => {});
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      const { user } = await api('login', { body: { email, password } });
      onSignedIn(user);
    } catch (err) {
      const status = err instanceof ApiRequestError ? err.status : 0;
      setProblem(status === 401 ? t('console.wrongLogin') : status === 429 ? t('console.tooMany') : t('console.error', { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="console-card login-form" onSubmit={(e) => void submit(e)} data-testid="login-form">
      <label>
        {t('console.email')}
        <input type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="login-email" />
      </label>
      <label>
        {t('console.password')}
        <input
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="login-password"
        />
      </label>
      <p className="form-problem" role="alert">
        {problem}
      </p>
      <button type="submit" className="primary" disabled={busy} data-testid="login-submit">
        {busy ? t('console.signingIn') : t('console.signIn')}
      </button>
      {demo && <p className="fineprint">{t('console.demoHint', { password: DEMO_PASSWORD })}</p>}
    </form>
  );
}
