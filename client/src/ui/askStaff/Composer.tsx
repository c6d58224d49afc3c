/**
 * The text box of a conversation (hall, privacy centre, console): hall chat's rules checked as one
 * types (shared/text.ts: one line, at most CHAT_MAX characters, an emoji or a 汉字 counting one),
 * Enter sends (not while an input method is composing, so Chinese typing is safe), Shift+Enter is
 * a space like any newline, and a failed send keeps the text and says why.
 */
import { useId, useState, type FormEvent, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CHAT_MAX } from '../../../../shared/constants';
import { checkChatText, visibleLength } from '../../../../shared/text';
import { sendProblem } from './sendProblem';

export function Composer({
  onSend,
  placeholder,
  disabled,
  inputRef,
}: {
  /** rejects when the message did not go */
  onSend: (text: string) => Promise<void>;
  placeholder: string;
  disabled?: boolean;
  inputRef?: Ref<HTMLTextAreaElement>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const length = visibleLength(text.replace(/[\r\n\t]+/g, ' ').trim());
  const over = length > CHAT_MAX;

  async function send(e?: FormEvent) {
    e?.preventDefault();
    if (busy || disabled) return;
    const r = checkChatText(text);
    if (!r.ok) {
      if (r.problem === 'too_long') setProblem(t('askStaff.tooLong', { max: CHAT_MAX, n: length }));
      else if (r.problem === 'control_chars') setProblem(t('askStaff.badText'));
      return; // empty: nothing to send, nothing to say
    }
    setBusy(true);
    setProblem(null);
    try {
      await onSend(r.text);
      setText('');
    } catch (err) {
      setProblem(sendProblem(err, t));
    } finally {
      setBusy(false);
    }
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    // keyCode 229: an input method still holds the keystroke (Chinese, Japanese...): Enter picks a
    // candidate and Escape drops the composition, neither sends nor closes the panel
    const composing = e.nativeEvent.isComposing || e.keyCode === 229;
    if (composing && e.key === 'Escape') e.stopPropagation();
    if (e.key !== 'Enter' || e.shiftKey || composing) return;
    e.preventDefault();
    void send();
  }

  return (
    <form className="composer" onSubmit={(e) => void send(e)} data-testid="composer">
      <div className="composer-row">
        <textarea
          ref={inputRef}
          rows={2}
          value={text}
          placeholder={placeholder}
          aria-label={placeholder}
          aria-describedby={`${id}-count ${id}-problem`}
          aria-invalid={over || undefined}
          enterKeyHint="send"
          disabled={disabled}
          onChange={(e) => {
            setText(e.target.value);
            if (problem) setProblem(null);
          }}
          onKeyDown={onKeyDown}
          data-testid="composer-input"
        />
        <button type="submit" className="primary" disabled={busy || disabled || length === 0} data-testid="composer-send">
          {busy ? t('askStaff.sending') : t('askStaff.send')}
        </button>
      </div>
      <p className="composer-foot">
        <span id={`${id}-problem`} className="form-problem" role="alert" data-testid="composer-problem">
          {problem}
        </span>
        <span id={`${id}-count`} className={over ? 'composer-count over' : 'composer-count'} data-testid="composer-count">
          {t('askStaff.count', { n: length, max: CHAT_MAX })}
        </span>
      </p>
    </form>
  );
}
