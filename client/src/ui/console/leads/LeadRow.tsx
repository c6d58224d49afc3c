/**
 * One lead in the inbox: the name and only the fields the visitor consented to (a null field was
 * not shared), a one-click rating, and tags and notes behind one "edit" click (save is the second).
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LEAD_RATINGS, type LeadRating, type LeadView } from '../../../../../shared/api/leads';
import { api } from '../../../net/api';
import { errorText } from '../session';

const FIELDS = ['company', 'title', 'email', 'phone', 'wechat'] as const;
const MAX_TAGS = 10;

export function LeadRow({ lead, unread, onChanged }: { lead: LeadView; unread: boolean; onChanged: (lead: LeadView) => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);

  async function update(body: { rating?: LeadRating | null; tags?: string[]; notes?: string }): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    try {
      onChanged(await api('updateLead', { params: { boothId: lead.boothId, leadId: lead.id }, body }));
      return true;
    } catch (err) {
      setProblem(errorText(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="lead" data-testid="lead" data-lead={lead.id} data-unread={unread || undefined}>
      <div className="lead-head">
        {unread && <span className="lead-new">{t('leads.new')}</span>}
        <b data-testid="lead-name">{lead.name}</b>
        <time dateTime={new Date(lead.createdAt).toISOString()}>{new Date(lead.createdAt).toLocaleString(i18n.language)}</time>
      </div>
      <dl className="lead-fields">
        {FIELDS.map((f) => (
          <div key={f} data-testid={`lead-${f}`} data-shared={lead[f] !== null}>
            <dt>{t(`card.fields.${f}`)}</dt>
            <dd className={lead[f] === null ? 'muted' : undefined}>{lead[f] === null ? t('leads.notShared') : lead[f] || t('leads.blank')}</dd>
          </div>
        ))}
      </dl>
      <div className="lead-tools">
        <span className="lead-rating" role="group" aria-label={t('leads.rating')}>
          {LEAD_RATINGS.map((r) => (
            <button
              key={r}
              type="button"
              className={`pill rating-${r}`}
              aria-pressed={lead.rating === r}
              disabled={busy}
              // pressing the current rating again clears it
              onClick={() => void update({ rating: lead.rating === r ? null : r })}
              data-testid={`lead-rate-${r}`}
            >
              {t(`leads.ratings.${r}`)}
            </button>
          ))}
        </span>
        {!editing && (
          <>
            <span className="lead-tags" data-testid="lead-tags">
              {lead.tags.map((tag) => (
                <span key={tag} className="lead-tag">
                  {tag}
                </span>
              ))}
            </span>
            <button type="button" className="ghost" onClick={() => setEditing(true)} disabled={busy} data-testid="lead-edit">
              {t('leads.edit')}
            </button>
          </>
        )}
      </div>
      {!editing && lead.notes && (
        <p className="lead-notes" data-testid="lead-notes">
          {lead.notes}
        </p>
      )}
      {editing && (
        <NotesEditor
          lead={lead}
          busy={busy}
          onSave={async (tags, notes) => {
            if (await update({ tags, notes })) setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <p className="form-problem" role="alert">
        {problem}
      </p>
    </li>
  );
}

function NotesEditor({
  lead,
  busy,
  onSave,
  onCancel,
}: {
  lead: LeadView;
  busy: boolean;
  onSave: (tags: string[], notes: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [tags, setTags] = useState(lead.tags.join(', '));
  const [notes, setNotes] = useState(lead.notes);

  function submit(e: FormEvent) {
    e.preventDefault();
    // commas of either width: exhibitors type in Chinese and English
    const list = [...new Set(tags.split(/[,，、]/).map((s) => s.trim()))].filter(Boolean).slice(0, MAX_TAGS);
    void onSave(list, notes);
  }

  return (
    <form
      className="lead-editor"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
      }}
      data-testid="lead-editor"
    >
      <label htmlFor={`${id}-tags`}>{t('leads.tags')}</label>
      <input
        id={`${id}-tags`}
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        placeholder={t('leads.tagsHint')}
        autoFocus
        data-testid="lead-tags-input"
      />
      <label htmlFor={`${id}-notes`}>{t('leads.notes')}</label>
      <textarea id={`${id}-notes`} rows={3} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} data-testid="lead-notes-input" />
      <div className="console-row">
        <button type="submit" className="primary" disabled={busy} data-testid="lead-save">
          {busy ? t('leads.saving') : t('leads.save')}
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('leads.cancel')}
        </button>
      </div>
    </form>
  );
}
