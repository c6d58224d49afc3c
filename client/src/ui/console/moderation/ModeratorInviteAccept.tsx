/** /organizer?invite=… — a moderator invitation turned into an account (issue #11). */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { moderatorInviteAcceptSchema } from '../../../../../shared/api/moderation';
import type { UserView } from '../../../../../shared/api/schemas';
import { api } from '../../../net/api';
import { errorText } from '../session';
import { NS } from './locales';

export default function ModeratorInviteAccept({ token, onSignedIn }: { token: string; onSignedIn: (u: UserView) => void }) {
  const { t } = useTranslation(NS);
  const { t: tc } = useTranslation();
  const [info, setInfo] = useState<{ email: string | null } | 'invalid' | null>(null);
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    api('moderatorInviteInfo', { params: { token } })
      .then((r) => {
        setInfo({ email: r.email });
        if (r.email) setEmail(r.email);
      })
      .catch(() => setInfo('invalid'));
  }, [token]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const body = { token, email, displayName, password };
    const check = moderatorInviteAcceptSchema.safeParse(body);
    if (!check.success) return setProblem(check.error.issues.map((i) => i.message).join('; '));
    try {
      const { user } = await api('acceptModeratorInvite', { body });
      window.history.replaceState(null, '', '/organizer');
      onSignedIn(user);
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  if (info === null) return <p>{tc('console.loading')}</p>;
  if (info === 'invalid') return <p className="console-card form-problem">{t('inviteInvalid')}</p>;
  return (
    <form className="console-card login-form" onSubmit={(e) => void submit(e)}>
      <h2>{t('inviteTitle')}</h2>
      <p>{t('inviteFor')}</p>
      <label>
        {tc('console.email')}
        <input type="email" autoComplete="username" required value={email} readOnly={!!info.email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {tc('console.invite.displayName')}
        <input required maxLength={40} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
      </label>
      <label>
        {tc('console.invite.newPassword')}
        <input type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <p className="form-problem" role="alert">
        {problem}
      </p>
      <button type="submit" className="primary">
        {tc('console.invite.create')}
      </button>
    </form>
  );
}
