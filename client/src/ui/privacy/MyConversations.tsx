/**
 * The visitor's conversations with booths ("Ask staff"), later in their account: every thread with
 * its messages, newest conversation first, each with a reply box and, when the booth has written
 * since the visitor last looked, a mark-read button. Read on opening the page, then kept live by the
 * visitor's own event stream (a booth's reply appears without a reload; after a drop, read again).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../shared/api/conversations';
import { pick } from '../../i18n';
import { api } from '../../net/api';
import { Composer } from '../askStaff/Composer';
import { Thread } from '../askStaff/Thread';
import { followMyConversations } from '../askStaff/myStream';
import { problemText } from '../visitor/problem';
import '../askStaff/askStaff.css';

export function MyConversations({ visitorName }: { visitorName: string }) {
  const { t } = useTranslation();
  const [list, setList] = useState<ConversationView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const load = useCallback(() => {
    setProblem(null);
    api('myConversations').then(
      (r) => setList(r.conversations),
      (err: unknown) => setProblem(t('privacy.loadFailed', { message: problemText(err, t) })),
    );
  }, [t]);
  useEffect(load, [load]);

  const replace = useCallback(
    (c: ConversationView) => setList((cur) => (cur ? [c, ...cur.filter((x) => x.id !== c.id)].sort((a, b) => b.updatedAt - a.updatedAt) : cur)),
    [],
  );
  useEffect(
    () =>
      followMyConversations({
        onConversation: replace,
        onStatus: (up, reconnected) => {
          if (up && reconnected) load();
        },
      }),
    [replace, load],
  );

  return (
    <>
      {problem && (
        <p className="form-problem" role="alert" data-testid="conversations-problem">
          {problem}{' '}
          <button type="button" onClick={load}>
            {t('visitor.retry')}
          </button>
        </p>
      )}
      {!list ? (
        !problem && <p className="visitor-muted">{t('visitor.loading')}</p>
      ) : list.length === 0 ? (
        <p className="visitor-muted" data-testid="conversations-none">
          {t('askStaff.privacyNone')}
        </p>
      ) : (
        <ul className="privacy-conversations" data-testid="privacy-conversations">
          {list.map((c) => (
            <ConversationItem key={c.id} conversation={c} visitorName={visitorName} onChanged={replace} />
          ))}
        </ul>
      )}
    </>
  );
}

function ConversationItem({
  conversation: c,
  visitorName,
  onChanged,
}: {
  conversation: ConversationView;
  visitorName: string;
  onChanged: (c: ConversationView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = pick(c.exhibitorName, i18n.language);

  async function markRead() {
    setBusy(true);
    setProblem(null);
    try {
      onChanged(await api('visitorRead', { params: { conversationId: c.id } }));
    } catch (err) {
      setProblem(problemText(err, t));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="privacy-conversation" data-testid="privacy-conversation" data-booth={c.boothId} data-conversation={c.id}>
      <div className="privacy-conversation-head">
        <b>{name}</b>
        {c.unread > 0 && (
          <>
            <span className="badge" data-testid="privacy-conversation-unread">
              {t('askStaff.unread', { count: c.unread })}
            </span>
            <button type="button" className="ghost" disabled={busy} onClick={() => void markRead()} data-testid="privacy-conversation-read">
              {t('askStaff.markRead')}
            </button>
          </>
        )}
      </div>
      <p className="form-problem" role="alert">
        {problem}
      </p>
      <Thread messages={c.messages} viewer="visitor" visitorName={visitorName} exhibitorName={name} empty={t('askStaff.empty')} />
      <Composer
        placeholder={t('askStaff.replyPlaceholder')}
        onSend={async (text) => onChanged(await api('visitorReply', { params: { conversationId: c.id }, body: { text } }))}
      />
    </li>
  );
}
