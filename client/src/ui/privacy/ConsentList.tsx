/** Every consent the visitor gave: exhibitor, fields, date, status, and "withdraw" on each active one. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsentView } from '../../../../shared/api/leads';
import { pick } from '../../i18n';
import { api } from '../../net/api';
import { problemText } from '../visitor/problem';

export function ConsentList() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [consents, setConsents] = useState<ConsentView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    api('myConsents').then(
      (r) => live && setConsents(r.consents),
      (err: unknown) => live && setProblem(t('privacy.loadFailed', { message: problemText(err, t) })),
    );
    return () => {
      live = false;
    };
  }, [t]);

  async function withdraw(c: ConsentView) {
    if (busy) return;
    setBusy(c.id);
    setProblem(null);
    setDone(null);
    try {
      const r = await api('withdrawConsent', { params: { consentId: c.id } });
      setConsents(r.consents);
      setDone(t('privacy.withdrawn', { name: pick(c.exhibitorName, lang) }));
    } catch (err) {
      setProblem(problemText(err, t));
    } finally {
      setBusy(null);
    }
  }

  const when = (ms: number) => new Date(ms).toLocaleString(lang);
  // newest first: the one just given is the one most likely to be looked for
  const list = consents ? [...consents].sort((a, b) => b.createdAt - a.createdAt) : null;
  return (
    <>
      <p className="form-problem" role="alert" data-testid="consents-problem">
        {problem}
      </p>
      <p className="visitor-ok" role="status" data-testid="consents-status">
        {done}
      </p>
      {!list ? (
        !problem && <p className="visitor-muted">{t('visitor.loading')}</p>
      ) : list.length === 0 ? (
        <p className="visitor-muted" data-testid="consents-none">
          {t('privacy.none')}
        </p>
      ) : (
        <ul className="consent-list" data-testid="consent-list">
          {list.map((c) => {
            const name = pick(c.exhibitorName, lang);
            const active = c.withdrawnAt === null;
            return (
              <li key={c.id} data-testid="consent-item" data-consent={c.id} data-booth={c.boothId} data-active={active}>
                <b>{name}</b>
                <dl>
                  <dt>{t('privacy.fields')}</dt>
                  <dd>{[t('card.fields.name'), ...c.fields.map((f) => t(`card.fields.${f}`))].join('、')}</dd>
                  <dt>{t('privacy.date')}</dt>
                  <dd>{when(c.createdAt)}</dd>
                  <dt>{t('privacy.status')}</dt>
                  <dd data-testid="consent-status">{active ? t('privacy.active') : t('privacy.withdrawnAt', { date: when(c.withdrawnAt!) })}</dd>
                </dl>
                {active && (
                  <button
                    type="button"
                    disabled={busy !== null}
                    onClick={() => void withdraw(c)}
                    aria-label={t('privacy.withdrawLabel', { name })}
                    data-testid="consent-withdraw"
                  >
                    {busy === c.id ? t('privacy.withdrawing') : t('privacy.withdraw')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
