/** The "…" button on a chat line or a person in the roster: opens the report / moderator dialog (issue #11). */
import { useTranslation } from 'react-i18next';
import { useModeration, type ModerationSubject } from './moderationStore';

export function ModerationButton({ subject }: { subject: ModerationSubject }) {
  const { t } = useTranslation();
  const open = useModeration((s) => s.open);
  return (
    <button
      type="button"
      className="moderation-more ghost"
      aria-label={t('moderation.more', { name: subject.name })}
      title={t('moderation.more', { name: subject.name })}
      onClick={() => open(subject)}
      data-testid="moderation-more"
    >
      ⋯
    </button>
  );
}

/** "You are muted" with its end when it has one: the time, with the day when that is not today. */
export function mutedText(t: (k: string, o?: Record<string, unknown>) => string, lang: string, until: number | null): string {
  if (until === null) return t('moderation.mutedForever');
  const end = new Date(until);
  const today = end.toDateString() === new Date().toDateString();
  const time = today
    ? end.toLocaleTimeString(lang, { hour: '2-digit', minute: '2-digit' })
    : end.toLocaleString(lang, { dateStyle: 'short', timeStyle: 'short' });
  return t('moderation.mutedUntil', { time });
}

/** Under the chat box: why one cannot chat right now, or that one moderates here. */
export function ChatModeHint({ id }: { id?: string }) {
  const { t, i18n } = useTranslation();
  const mode = useModeration((s) => s.mode);
  const mutedUntil = useModeration((s) => s.mutedUntil);
  const moderator = useModeration((s) => s.moderator);
  let text: string | null = null;
  if (mutedUntil !== undefined) text = mutedText(t, i18n.language, mutedUntil);
  else if (mode.chatOff) text = t('moderation.chatOff');
  else if (mode.muteAll) text = t('moderation.muteAll');
  else if (mode.slowModeS > 0) text = t('moderation.slowMode', { count: mode.slowModeS });
  if (moderator) text = text ? `${text} · ${t('moderation.moderator')}` : t('moderation.moderator');
  if (!text) return null;
  return (
    <p className="chat-mode fineprint" role="status" id={id} data-testid="chat-mode">
      {text}
    </p>
  );
}
