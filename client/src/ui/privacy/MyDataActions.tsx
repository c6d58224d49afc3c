/**
 * The visitor's own data: a copy as JSON (PIPL Art. 45) and deleting the account (Art. 47). Deleting
 * asks for the password again and takes every card out of the exhibitors' inboxes at once.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, routeUrl } from '../../net/api';
import { problemText } from '../visitor/problem';

export function MyDataActions({ onDeleted }: { onDeleted: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const pwId = useId();

  const remove = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || !password) return;
    if (!window.confirm(t('privacy.deleteConfirm'))) return;
    setBusy(true);
    setProblem(null);
    try {
      await api('deleteAccount', { body: { password } });
      onDeleted();
    } catch (err) {
      setProblem(problemText(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h2>{t('privacy.myData')}</h2>
      <p>
        <a href={routeUrl('myData')} download="ludao-my-data.json" data-testid="privacy-export">
          {t('privacy.export')}
        </a>
      </p>
      <form onSubmit={(e) => void remove(e)} className="privacy-delete">
        <label htmlFor={pwId}>{t('privacy.deletePassword')}</label>
        <input id={pwId} type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <button type="submit" disabled={busy || !password} data-testid="privacy-delete">
          {busy ? t('privacy.deleting') : t('privacy.delete')}
        </button>
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
      </form>
    </>
  );
}
