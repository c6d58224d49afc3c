/**
 * The consent step of leaving a card (PIPL Art. 14, 17, 23): who receives it and how to reach
 * them, why, which fields (the name always; the rest only if ticked), how long they keep it, the
 * notice's full text, and a separate agreement box that must be ticked before anything is sent.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Card, CardField, ConsentNotice, ConsentView } from '../../../../shared/api/leads';
import { pick } from '../../i18n';
import { api, ApiRequestError } from '../../net/api';
import { problemText } from './problem';

export function ConsentForm({
  notice,
  card,
  idempotencyKey,
  onDelivered,
  onEditCard,
  onNoticeChanged,
}: {
  notice: ConsentNotice;
  card: Card;
  /** one per opening of the dialog: a double click or a retry cannot make a second lead */
  idempotencyKey: string;
  onDelivered: (consent: ConsentView) => void;
  onEditCard: () => void;
  onNoticeChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language;
  const [fields, setFields] = useState<CardField[]>([]);
  const [agreed, setAgreed] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const receiver = pick(notice.exhibitor.name, lang);
  const contact = [notice.exhibitor.email, notice.exhibitor.phone].filter(Boolean).join(' · ') || t('consent.noContact');
  const zh = lang.startsWith('zh');

  function toggle(f: CardField, on: boolean) {
    setFields((cur) => (on ? [...cur.filter((x) => x !== f), f] : cur.filter((x) => x !== f)));
  }

  async function send() {
    if (!agreed || sending) return;
    setSending(true);
    setProblem(null);
    try {
      const out = await api('leaveCard', {
        body: {
          boothId: notice.boothId,
          // in the notice's order, whatever order they were ticked in
          fields: notice.fields.filter((f) => fields.includes(f)),
          noticeVersion: notice.version,
          noticeHash: notice.hash,
          agree: true,
          idempotencyKey,
        },
      });
      onDelivered(out.consent);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'notice_changed') {
        onNoticeChanged();
        return;
      }
      setProblem(problemText(err, t));
      setSending(false);
    }
  }

  return (
    <form
      className="visitor-form consent-form"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
      data-testid="consent-form"
      data-notice-version={notice.version}
    >
      <dl className="consent-facts">
        <dt>{t('consent.receiver')}</dt>
        <dd data-testid="consent-receiver">
          {receiver}
          <br />
          <small>
            {t('consent.contact')}: {contact}
          </small>
        </dd>
        <dt>{t('consent.purpose')}</dt>
        <dd>{t('consent.purposeText')}</dd>
        <dt>{t('consent.retention')}</dt>
        <dd data-testid="consent-retention">{t('consent.retentionText', { days: notice.retentionDays })}</dd>
      </dl>

      <fieldset className="consent-fields">
        <legend>{t('consent.fields')}</legend>
        <label>
          <input type="checkbox" checked disabled />
          <span>
            {t('card.fields.name')}: <b>{card.name}</b> <small className="visitor-muted">{t('consent.nameAlways')}</small>
          </span>
        </label>
        {notice.fields.map((f) => {
          const value = card[f];
          return (
            <label key={f}>
              <input
                type="checkbox"
                checked={fields.includes(f)}
                disabled={!value || sending}
                onChange={(e) => toggle(f, e.target.checked)}
                data-testid={`consent-field-${f}`}
              />
              <span>
                {t(`card.fields.${f}`)}: {value ? <b>{value}</b> : <small className="visitor-muted">{t('consent.notOnCard')}</small>}
              </span>
            </label>
          );
        })}
        <button type="button" className="link" onClick={onEditCard} disabled={sending} data-testid="consent-edit-card">
          {t('consent.editCard')}
        </button>
      </fieldset>

      <section aria-labelledby={`${id}-notice`}>
        <h4 id={`${id}-notice`}>{t('consent.notice')}</h4>
        <p className="consent-notice" data-testid="consent-notice-text">
          {zh ? notice.text.zh : notice.text.en}
        </p>
        <details>
          <summary>{t('consent.otherLanguage')}</summary>
          <p className="consent-notice" lang={zh ? 'en' : 'zh-CN'}>
            {zh ? notice.text.en : notice.text.zh}
          </p>
        </details>
      </section>

      <label className="consent-agree">
        <input type="checkbox" checked={agreed} disabled={sending} onChange={(e) => setAgreed(e.target.checked)} data-testid="consent-agree" />
        <span>{t('consent.agree', { name: receiver })}</span>
      </label>

      <p className="form-problem" role="alert" data-testid="consent-problem">
        {problem}
      </p>
      <button type="submit" className="primary" disabled={!agreed || sending} data-testid="consent-submit">
        {sending ? t('consent.sending') : t('consent.submit')}
      </button>
    </form>
  );
}
