/**
 * What the selected hall's entry rule asks of the visitor, inside the landing form (so Enter
 * submits): the entry-code field, the sign-in panel for visitor-only halls, or a word about the
 * invitation an invite-only hall needs. Problems show under it, in the visitor's language.
 */
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_CODE_MAX } from '../../../../shared/api/entryTerms';
import { entryPass } from './entryCredentials';
import type { EntryProblem } from './checkEntry';
import { NS } from './locales';

const AccountGate = lazy(() => import('./AccountGate'));

export function EntryField({
  hallId,
  rule,
  code,
  onCode,
  problem,
  checking,
}: {
  hallId: string;
  rule: string;
  code: string;
  onCode: (v: string) => void;
  problem: EntryProblem | null;
  checking: boolean;
}) {
  const { t } = useTranslation(NS);
  const { t: tApp } = useTranslation();
  if (rule === 'open') return null;
  return (
    <fieldset className="entry-field" data-testid="entry-field" data-rule={rule}>
      <legend>{t(`rule.${rule}`)}</legend>
      {rule === 'code' && (
        <label>
          {t('codeLabel', { hall: tApp(`halls.${hallId}`) })}
          <input
            data-testid="entry-code"
            value={code}
            maxLength={ENTRY_CODE_MAX * 2}
            autoComplete="off"
            placeholder={t('codePlaceholder')}
            aria-invalid={!!problem}
            aria-describedby="entry-problem"
            onChange={(e) => onCode(e.target.value)}
          />
        </label>
      )}
      {rule === 'invite' && <p className="muted">{entryPass() ? t('passHeld') : t('passMissing')}</p>}
      {rule === 'account' && (
        <Suspense fallback={null}>
          <AccountGate why={t('accountWhy')} />
        </Suspense>
      )}
      <p id="entry-problem" className="form-problem" role="alert" data-testid="entry-problem">
        {checking ? t('checking') : problem ? t(`problem.${problem}`) : ''}
      </p>
    </fieldset>
  );
}
