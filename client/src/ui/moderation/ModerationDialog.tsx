/**
 * The dialog for one chat line or one person (issue #11): anyone reports it with a reason (and
 * words for 'other'); a moderator also mutes, removes or bans. The server resolves whom the line
 * or session id belongs to and authorizes; nothing here decides. Text is rendered as text.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_NOTE_MAX, REPORT_REASONS, type ReportReason, type SanctionAction } from '../../../../shared/api/moderationTerms';
import { currentRoom } from '../../net/connection';
import { sendMessage } from '../../net/messages';
import { useStore } from '../../store';
import { useModeration, type ModerationSubject } from './moderationStore';
import { SanctionChoices } from './SanctionChoices';
import './moderation.css';

const targetOf = (s: ModerationSubject) =>
  s.kind === 'line' ? { kind: 'line' as const, lineId: s.lineId } : { kind: 'person' as const, sessionId: s.sessionId };

export function ModerationDialog() {
  const subject = useModeration((s) => s.subject);
  if (!subject) return null;
  return <Dialog key={subject.kind === 'line' ? `l${subject.lineId}` : `p${subject.sessionId}`} subject={subject} />;
}

function Dialog({ subject }: { subject: ModerationSubject }) {
  const { t } = useTranslation();
  const moderator = useModeration((s) => s.moderator);
  const close = useModeration((s) => s.close);
  const toast = useStore((s) => s.toast);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  const first = useRef<HTMLInputElement>(null);

  useEffect(() => {
    first.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  function report(e: FormEvent) {
    e.preventDefault();
    const room = currentRoom();
    if (!room) return close();
    const words = note.trim();
    if (reason === 'other' && !words) return toast('moderation.note');
    sendMessage(room, 'report', { target: targetOf(subject), reason, ...(words ? { note: words } : {}) });
    close();
  }

  function act(action: SanctionAction, minutes: number | null = null) {
    const room = currentRoom();
    if (!room) return close();
    if (action === 'ban' && !window.confirm(t('moderation.confirmBan', { name: subject.name }))) return;
    sendMessage(room, 'moderate', { target: targetOf(subject), action, ...(action === 'kick' ? {} : { minutes }) });
    close();
  }

  return (
    <div className="moderation-backdrop" onClick={close}>
      <div
        className="moderation-dialog panel"
        role="dialog"
        aria-modal="true"
        aria-label={t('moderation.title', { name: subject.name })}
        data-testid="moderation-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.stopPropagation()}
      >
        <h2>{subject.name}</h2>
        {subject.kind === 'line' && <blockquote className="moderation-line">{subject.text}</blockquote>}
        <form onSubmit={report}>
          <fieldset>
            <legend>{t('moderation.reason')}</legend>
            {REPORT_REASONS.map((r, i) => (
              <label key={r} className="moderation-reason">
                <input ref={i === 0 ? first : undefined} type="radio" name="reason" value={r} checked={reason === r} onChange={() => setReason(r)} />
                {t(`moderation.reasons.${r}`)}
              </label>
            ))}
          </fieldset>
          <label className="moderation-note">
            {t('moderation.note')}
            <input value={note} maxLength={REPORT_NOTE_MAX} required={reason === 'other'} onChange={(e) => setNote(e.target.value)} data-testid="report-note" />
          </label>
          <div className="moderation-row">
            <button type="submit" className="primary" data-testid="report-send">
              {t('moderation.send')}
            </button>
            <button type="button" onClick={close}>
              {t('moderation.cancel')}
            </button>
          </div>
        </form>
        {moderator && (
          <section className="moderation-actions" aria-label={t('moderation.moderate')} data-testid="moderator-actions">
            <h3>{t('moderation.moderate')}</h3>
            <SanctionChoices onAct={act} rowClassName="moderation-row" />
          </section>
        )}
      </div>
    </div>
  );
}
