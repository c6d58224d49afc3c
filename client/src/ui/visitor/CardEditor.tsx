/**
 * The visitor's business card: a name, and optionally company, title, email, phone and WeChat ID.
 * One card per account; leaving it at a booth copies only the fields ticked there.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card } from '../../../../shared/api/leads';
import { api } from '../../net/api';
import { CARD_KEYS, MAX_LENGTH, type CardKey } from './cardFields';
import { problemText } from './problem';
import './visitor.css';

type Draft = Record<CardKey, string>;

const INPUT: Record<CardKey, { type?: string; autoComplete: string; pattern?: string; inputMode?: 'tel' | 'email' }> = {
  name: { autoComplete: 'name' },
  company: { autoComplete: 'organization' },
  title: { autoComplete: 'organization-title' },
  email: { type: 'email', autoComplete: 'email' },
  phone: { type: 'tel', autoComplete: 'tel', pattern: '[0-9+\\-() ]*', inputMode: 'tel' },
  // the contract's rule: letters, digits, _ and -
  wechat: { autoComplete: 'off', pattern: '[A-Za-z0-9_\\-]*' },
};

function draftOf(card: Card | null, fallbackName: string): Draft {
  return {
    name: card?.name ?? fallbackName,
    company: card?.company ?? '',
    title: card?.title ?? '',
    email: card?.email ?? '',
    phone: card?.phone ?? '',
    wechat: card?.wechat ?? '',
  };
}

export function CardEditor({
  card,
  fallbackName = '',
  intro,
  onSaved,
  onCancel,
}: {
  card: Card | null;
  /** prefills the name of a first card (the account's display name) */
  fallbackName?: string;
  intro?: string;
  onSaved: (card: Card) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(card, fallbackName));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setProblem(null);
    setSaved(false);
    try {
      const { card: out } = await api('saveCard', { body: draft });
      if (!out) throw new Error(t('card.notSaved'));
      setSaved(true);
      onSaved(out);
    } catch (err) {
      setProblem(problemText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="visitor-form" onSubmit={(e) => void submit(e)} data-testid="card-editor" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('card.heading')}</h3>
      {intro && <p className="visitor-muted">{intro}</p>}
      {CARD_KEYS.map((k) => (
        <label key={k}>
          <span>
            {t(`card.fields.${k}`)} <small className="visitor-muted">{k === 'name' ? t('card.required') : t('card.optional')}</small>
          </span>
          <input
            {...INPUT[k]}
            required={k === 'name'}
            maxLength={MAX_LENGTH[k]}
            value={draft[k]}
            onChange={(e) => {
              const value = e.target.value;
              setDraft((d) => ({ ...d, [k]: value }));
              setSaved(false);
            }}
            title={k === 'wechat' ? t('card.wechatHint') : undefined}
            data-testid={`card-${k}`}
          />
        </label>
      ))}
      <p className="form-problem" role="alert" data-testid="card-problem">
        {problem}
      </p>
      <div className="visitor-actions">
        <button type="submit" className="primary" disabled={busy} data-testid="card-save">
          {busy ? t('card.saving') : t('card.save')}
        </button>
        {onCancel && (
          <button type="button" className="ghost" onClick={onCancel} data-testid="card-cancel">
            {t('card.cancel')}
          </button>
        )}
        <span className="visitor-ok" role="status" data-testid="card-status">
          {saved ? t('card.saved') : ''}
        </span>
      </div>
    </form>
  );
}
