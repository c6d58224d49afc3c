import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { acceptInviteSchema, type UserView } from '../../../../shared/api/schemas';
import { api } from '../../net/api';
import { errorText } from './session';

export function InviteAccept({ token, onSignedIn }: { token: string; onSignedIn: (u: UserView) => void }) {
  const { t, i18n } = useTranslation();
  const [info, setInfo] = useState<{ name: string; email: string | null } | 'invalid' | null>(null);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api('inviteInfo', { params: { token } })
      .then((r) => {
        setInfo({ name: i18n.language.startsWith('zh') ? r.exhibitorName.zh : r.exhibitorName.en || r.exhibitorName.zh, email: r.email });
        if (r.email) setEmail(r.email);
      })
      .catch(() => setInfo('invalid'));
  }, [token, i18n.language]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { token, email, displayName, password };
    const check = acceptInviteSchema.safeParse(body);
    if (!check.success) {
      setProblem(check.error.issues.map((i) => i.message).join('; '));
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const { user } = await api('acceptInvite', { body });
      window.history.replaceState(null, '', '/exhibitor');
      onSignedIn(user);
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (info === null) return <p>{t('console.loading')}</p>;
  if (info === 'invalid') return <p className="console-card form-problem">{t('console.invite.invalid')}</p>;
  return (
    <form className="console-card login-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('console.invite.title')}</h2>
      <p>{t('console.invite.for', { name: info.name })}</p>
      <label>
        {t('console.email')}
        <input type="email" autoComplete="username" required value={email} readOnly={!!info.email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t('console.invite.displayName')}
        <input required maxLength={40} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        {t('console.invite.newPassword')}
        <input type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <p className="form-problem" role="alert">
        {problem}
      </p>
      <button type="submit" className="primary" disabled={busy}>
        {t('console.invite.create')}
      </button>
    </form>
  );
}
