/**
 * A booth's conversation inbox in the exhibitor console ("Ask staff", issue #10): every visitor
 * who asked, newest first, with unread counts; open a thread to read it (which marks it read) and
 * answer. Live over the booth's conversation stream: a visitor's new message moves their thread to
 * the top, plays a short chime and counts in the tab's title (beside the leads inbox's count)
 * until someone looks at it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationView } from '../../../../../shared/api/conversations';
import { pick } from '../../../i18n';
import { api } from '../../../net/api';
import { Composer } from '../../askStaff/Composer';
import { mergeConversation, newMessagesFrom } from '../../askStaff/merge';
import { Thread } from '../../askStaff/Thread';
import { useTitleBadge } from '../../titleBadge';
import { errorText } from '../session';
import { useChime } from './chime';
import { followInbox } from './inboxStream';
import '../../askStaff/askStaff.css';
import './inbox.css';

export function BoothInbox({ boothId }: { boothId: string }) {
  const { t, i18n } = useTranslation();
  const [list, setList] = useState<ConversationView[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [stream, setStream] = useState<'connecting' | 'up' | 'down'>('connecting');
  const [openId, setOpenId] = useState<string | null>(null);
  const sound = useChime();
  // events that arrive while the list is being fetched are merged into it
  const during = useRef<ConversationView[] | null>(null);
  const listRef = useRef(list);
  useEffect(() => {
    listRef.current = list;
  }, [list]);
  const chimeRef = useRef(sound.chime);
  useEffect(() => {
    chimeRef.current = sound.chime;
  }, [sound.chime]);

  const put = useCallback((c: ConversationView) => setList((cur) => (cur ? mergeConversation(cur, c) : cur)), []);

  const load = useCallback(async () => {
    during.current = [];
    try {
      const r = await api('boothConversations', { params: { boothId } });
      setList(during.current.reduce(mergeConversation, r.conversations));
      setProblem(null);
    } catch (err) {
      setProblem(t('askStaff.loadFailed', { message: errorText(err) }));
    } finally {
      during.current = null;
    }
  }, [boothId, t]);
  useEffect(() => {
    void load();
  }, [load]);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  }, [load]);

  useEffect(
    () =>
      followInbox(boothId, {
        onConversation: (c) => {
          const fresh = newMessagesFrom(
            listRef.current?.find((x) => x.id === c.id),
            c,
            'visitor',
          );
          during.current?.push(c);
          put(c);
          if (fresh > 0) chimeRef.current();
        },
        onStatus: (up, reconnected) => {
          setStream(up ? 'up' : 'down');
          if (reconnected) void loadRef.current();
        },
      }),
    [boothId, put],
  );

  const unread = (list ?? []).reduce((n, c) => n + c.unread, 0);
  useTitleBadge(`conversations:${boothId}`, unread, t('console.title'));

  const reading = useRef<string | null>(null);
  const markRead = useCallback(
    (c: ConversationView | undefined) => {
      if (!c || c.unread === 0 || reading.current === c.id) return;
      reading.current = c.id;
      api('staffRead', { params: { boothId, conversationId: c.id } })
        .then(put, (err: unknown) => setProblem(errorText(err)))
        .finally(() => {
          if (reading.current === c.id) reading.current = null;
        });
    },
    [boothId, put],
  );

  const open = list?.find((c) => c.id === openId);
  const when = (ms: number) => new Date(ms).toLocaleString(i18n.language, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });

  return (
    <section
      className="console-card conv-inbox"
      aria-labelledby={`conv-${boothId}`}
      data-testid="conversation-inbox"
      data-booth={boothId}
      data-chimes={sound.chimes}
    >
      <div className="console-row conv-inbox-head">
        <h2 id={`conv-${boothId}`}>
          {t('askStaff.inboxTitle')}
          {list && <small> · {t('askStaff.inboxCount', { count: list.length })}</small>}
          {unread > 0 && (
            <span className="badge" data-testid="inbox-unread-total">
              {t('askStaff.unread', { count: unread })}
            </span>
          )}
        </h2>
        <span className={`leads-live ${stream}`} role="status" data-testid="inbox-live" data-state={stream}>
          <span className="dot" aria-hidden="true" />
          {t(`leads.stream.${stream}`)}
        </span>
        <button
          type="button"
          className="ghost conv-sound"
          aria-pressed={sound.state === 'on'}
          onClick={sound.toggle}
          data-testid="inbox-sound"
          data-state={sound.state}
        >
          {t(`askStaff.sound.${sound.state}`)}
        </button>
      </div>
      <p className="form-problem" role="alert">
        {problem}
      </p>
      {list === null ? (
        !problem && <p>{t('console.loading')}</p>
      ) : list.length === 0 ? (
        <p className="leads-empty" data-testid="inbox-empty">
          {t('askStaff.inboxNone')}
        </p>
      ) : (
        <div className="conv-inbox-body">
          <ul className="conv-list" data-testid="inbox-list">
            {list.map((c) => {
              const last = c.messages.at(-1);
              return (
                <li key={c.id}>
                  <button
                    type="button"
                    className="conv-item"
                    aria-current={c.id === openId || undefined}
                    data-unread={c.unread || undefined}
                    onClick={() => {
                      setOpenId(c.id);
                      markRead(c);
                    }}
                    data-testid="inbox-conversation"
                    data-conversation={c.id}
                  >
                    <span className="conv-item-head">
                      <b>{c.visitorName}</b>
                      <time dateTime={new Date(c.updatedAt).toISOString()}>{when(c.updatedAt)}</time>
                    </span>
                    <span className="conv-item-last">
                      {last ? `${last.from === 'staff' ? `${last.staffName ?? t('askStaff.you')}: ` : ''}${last.text}` : ''}
                    </span>
                    {c.unread > 0 && (
                      <span className="badge" aria-label={t('askStaff.unread', { count: c.unread })} data-testid="inbox-conversation-unread">
                        {c.unread}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
          {open ? (
            // looking at an open thread reads what arrives in it, as in the leads inbox
            <div
              className="conv-thread"
              data-testid="inbox-thread"
              data-conversation={open.id}
              onPointerMove={() => markRead(open)}
              onFocus={() => markRead(open)}
              onKeyDown={() => markRead(open)}
            >
              <div className="conv-thread-head">
                <h3>{open.visitorName}</h3>
                {open.unread > 0 && (
                  <button type="button" className="ghost" onClick={() => markRead(open)} data-testid="inbox-mark-read">
                    {t('askStaff.markRead')}
                  </button>
                )}
              </div>
              <Thread
                messages={open.messages}
                viewer="staff"
                visitorName={open.visitorName}
                exhibitorName={pick(open.exhibitorName, i18n.language)}
                empty={t('askStaff.empty')}
              />
              <Composer
                key={open.id}
                placeholder={t('askStaff.replyPlaceholder')}
                onSend={async (text) => put(await api('staffReply', { params: { boothId, conversationId: open.id }, body: { text } }))}
              />
            </div>
          ) : (
            <p className="conv-thread conv-choose">{t('askStaff.inboxChoose')}</p>
          )}
        </div>
      )}
    </section>
  );
}
