import { lazy, Suspense, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_MAX } from '../../../shared/constants';
import { checkChatText } from '../../../shared/text';
import { sendChat } from '../net/send';
import { useStore } from '../store';
import { Slot } from './layout/Overlay';
import { ChatModeHint, ModerationButton, mutedText } from './moderation/ChatLineActions';
import { useModeration } from './moderation/moderationStore';

// the report / moderate dialog: its own chunk, loaded when someone opens it (not in the hall's first JS)
const ModerationDialog = lazy(() => import('./moderation/ModerationDialog').then((m) => ({ default: m.ModerationDialog })));

/** Hall chat. Messages are rendered as text nodes only: never as HTML. */
/** `startOpen`: the 2D catalog (issue #13) shows the log at any size: there is no hall to keep in view. */
export function Chat({ startOpen = false }: { startOpen?: boolean } = {}) {
  const { t, i18n } = useTranslation();
  const messages = useStore((s) => s.messages);
  // muted (issue #11): the box says so and until when, and takes nothing until the mute lifts or runs out
  const mutedUntil = useModeration((s) => s.mutedUntil);
  const muted = mutedUntil !== undefined;
  const moderating = useModeration((s) => s.subject !== null);
  const hintId = useId();
  const selfId = useStore((s) => s.sessionId);
  const toast = useStore((s) => s.toast);
  const [text, setText] = useState('');
  const listRef = useRef<HTMLOListElement>(null);
  // Small screens start with the log folded so the hall stays visible; the input is always there.
  const [open, setOpen] = useState(() => startOpen || !window.matchMedia('(max-width: 760px), (max-height: 480px)').matches);
  const last = messages[messages.length - 1];

  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [messages.length]);

  function submit(e: FormEvent) {
    e.preventDefault();
    if (muted) return;
    const r = checkChatText(text);
    if (!r.ok) {
      if (r.problem === 'too_long') toast('chat.tooLong');
      return;
    }
    if (sendChat(r.text)) setText('');
  }

  return (
    <Slot id="chat">
      <section className={open ? 'chat panel' : 'chat panel folded'} aria-label={t('chat.title')} data-testid="chat">
        <button type="button" className="chat-fold" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid="chat-fold">
          <span>{t('chat.title')}</span>
          {!open && last && (
            <span className="chat-last">
              {last.name}: {last.text}
            </span>
          )}
          <span aria-hidden="true">{open ? '▾' : '▴'}</span>
          <span className="sr-only">{open ? t('chat.hide') : t('chat.show')}</span>
        </button>
        <ol className="chat-log" ref={listRef} aria-live="polite" hidden={!open}>
          {messages.length === 0 && <li className="muted">{t('chat.empty')}</li>}
          {messages.map((m) => (
            <li key={m.id} className={m.from === selfId ? 'mine' : undefined}>
              <b>{m.name}</b>
              <span>{m.text}</span>
              {/* report a line, or moderate its sender (issue #11); announcements (negative ids) and one's own lines have none */}
              {m.id > 0 && m.from !== selfId && <ModerationButton subject={{ kind: 'line', lineId: m.id, name: m.name, text: m.text }} />}
            </li>
          ))}
        </ol>
        <ChatModeHint id={hintId} />
        {moderating && (
          <Suspense fallback={null}>
            <ModerationDialog />
          </Suspense>
        )}
        <form onSubmit={submit} className="chat-form">
          <input
            data-testid="chat-input"
            value={text}
            maxLength={CHAT_MAX}
            placeholder={muted ? mutedText(t, i18n.language, mutedUntil) : t('chat.placeholder')}
            aria-label={t('chat.placeholder')}
            disabled={muted}
            aria-describedby={muted ? hintId : undefined}
            // Typing must not walk the avatar.
            onKeyDown={(e) => e.stopPropagation()}
            onChange={(e) => setText(e.target.value)}
          />
          <button type="submit" disabled={muted} data-testid="chat-send">
            {t('chat.send')}
          </button>
        </form>
      </section>
    </Slot>
  );
}
