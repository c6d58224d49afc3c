/**
 * The messages of one conversation, oldest first, as text nodes only (never HTML). The list keeps
 * its newest message in view as messages arrive, unless the reader has scrolled up to read back.
 */
import { useLayoutEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../../shared/api/conversations';

export function Thread({
  messages,
  viewer,
  visitorName,
  exhibitorName,
  empty,
}: {
  messages: MessageView[];
  /** whose side the thread is shown to: their own messages sit on the right */
  viewer: 'visitor' | 'staff';
  visitorName: string;
  exhibitorName: string;
  empty: string;
}) {
  const { t, i18n } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const pinned = useRef(true);
  const last = messages.at(-1)?.id;

  useLayoutEffect(() => {
    const el = list.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [last]);

  const today = new Date().toDateString();
  const when = (at: number) => {
    const d = new Date(at);
    return d.toDateString() === today
      ? d.toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })
      : d.toLocaleString(i18n.language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  };
  const who = (m: MessageView) => {
    // staff see which colleague answered
    if (m.from === viewer) return viewer === 'staff' && m.staffName ? m.staffName : t('askStaff.you');
    if (m.from === 'visitor') return visitorName;
    return m.staffName ? t('askStaff.staffOf', { name: m.staffName, exhibitor: exhibitorName }) : exhibitorName;
  };

  return (
    <ol
      ref={list}
      className="thread"
      aria-live="polite"
      data-testid="thread"
      onScroll={(e) => {
        const el = e.currentTarget;
        pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {messages.length === 0 && <li className="thread-empty">{empty}</li>}
      {messages.map((m) => (
        <li key={m.id} className={m.from === viewer ? 'mine' : 'theirs'} data-testid="thread-message" data-from={m.from}>
          <span className="thread-meta">
            {who(m)} · <time dateTime={new Date(m.at).toISOString()}>{when(m.at)}</time>
          </span>
          <span className="thread-text">{m.text}</span>
        </li>
      ))}
    </ol>
  );
}
