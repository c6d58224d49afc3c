/**
 * The organizer's agenda (issue #11): every session of the running expo, to add, edit and delete,
 * with speakers and uploads. Saves reach open agenda pages, hall panels and the stage through the
 * agenda's event stream; this list follows the same stream, so two organizers see each other's work.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgendaSessionEdit } from '../../../../../shared/api/agenda';
import { pick } from '../../../i18n';
import { api, routeUrl } from '../../../net/api';
import { followStream } from '../../../net/sharedStream';
import { errorText } from '../session';
import { agendaClock, agendaDate } from '../../agenda/agendaTime';
import { KindBadge } from '../../agenda/SessionCard';
import { NS } from '../../agenda/locales';
import { draftOf, emptyDraft, type Draft } from './draft';
import { SessionForm } from './SessionForm';
import '../../agenda/agenda.css';
import './agendaEditor.css';

type Editing = { id: null; draft: Draft } | { id: string; session: AgendaSessionEdit } | null;

export default function AgendaEditor() {
  const { t, i18n } = useTranslation(NS);
  const lang = i18n.language;
  const [list, setList] = useState<AgendaSessionEdit[] | null>(null);
  const [halls, setHalls] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);

  const load = useCallback(async () => {
    try {
      const r = await api('organizerAgenda');
      setList(r.sessions);
      setHalls(r.halls);
      setProblem(null);
    } catch (err) {
      setProblem(errorText(err));
    }
  }, []);
  useEffect(() => {
    void load();
    return followStream(routeUrl('agendaEvents'), {
      events: { agenda: () => void load() },
      onStatus: (up, reconnected) => {
        if (up && reconnected) void load();
      },
    });
  }, [load]);

  async function remove(s: AgendaSessionEdit) {
    if (!window.confirm(t('editor.confirmRemove', { title: pick(s.title, lang) }))) return;
    try {
      await api('deleteAgendaSession', { params: { sessionId: s.id } });
      setStatus(t('editor.removed'));
      if (editing?.id === s.id) setEditing(null);
      await load();
    } catch (err) {
      setProblem(errorText(err));
    }
  }

  const saved = (s: AgendaSessionEdit) => {
    setEditing(null);
    setStatus(t('editor.saved'));
    setList((l) => (l ? [...l.filter((x) => x.id !== s.id), s].sort((a, b) => a.startsAt - b.startsAt) : [s]));
  };
  const hallName = (h: string) => i18n.t(`halls.${h}`, { ns: 'translation', defaultValue: h });

  return (
    <section className="console-card agenda-editor" data-testid="agenda-editor" aria-labelledby="agenda-editor-title">
      <div className="console-row">
        <h2 id="agenda-editor-title">{t('editor.title')}</h2>
        <button
          type="button"
          onClick={() => setEditing({ id: null, draft: emptyDraft(halls[0], Date.now()) })}
          disabled={editing?.id === null || halls.length === 0}
          data-testid="agenda-add"
        >
          {t('editor.add')}
        </button>
        <a href="/agenda" target="_blank" rel="noopener">
          {t('title')}
        </a>
        <span className="fineprint" role="status">
          {status}
        </span>
      </div>
      <p className="fineprint">{t('editor.intro')}</p>
      {problem && (
        <p className="form-problem" role="alert">
          {problem}
        </p>
      )}
      {editing?.id === null && <SessionForm initial={editing.draft} sessionId={null} halls={halls} onSaved={saved} onCancel={() => setEditing(null)} />}
      {!list ? (
        <p>{t('loading')}</p>
      ) : list.length === 0 ? (
        <p>{t('editor.none')}</p>
      ) : (
        <table className="organizer-table agenda-table">
          <thead>
            <tr>
              <th>{t('editor.columns.when')}</th>
              <th>{t('editor.columns.hall')}</th>
              <th>{t('editor.columns.kind')}</th>
              <th>{t('editor.columns.title')}</th>
              <th>{t('editor.columns.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <SessionRow
                key={s.id}
                s={s}
                when={`${agendaDate(s.startsAt, lang)} ${agendaClock(s.startsAt, lang)}–${agendaClock(s.endsAt, lang)}`}
                hall={hallName(s.hallId)}
                editing={editing?.id === s.id}
                halls={halls}
                onEdit={() => setEditing({ id: s.id, session: s })}
                onRemove={() => void remove(s)}
                onSaved={saved}
                onCancel={() => setEditing(null)}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function SessionRow(p: {
  s: AgendaSessionEdit;
  when: string;
  hall: string;
  editing: boolean;
  halls: string[];
  onEdit: () => void;
  onRemove: () => void;
  onSaved: (s: AgendaSessionEdit) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  return (
    <>
      <tr data-testid="agenda-row" data-session={p.s.id}>
        <td>{p.when}</td>
        <td>{p.hall}</td>
        <td>
          <KindBadge kind={p.s.kind} />
        </td>
        <td>{pick(p.s.title, i18n.language)}</td>
        <td className="console-row">
          <button type="button" onClick={p.onEdit} disabled={p.editing} data-testid="agenda-edit">
            {t('editor.edit')}
          </button>
          <button type="button" onClick={p.onRemove} data-testid="agenda-remove">
            {t('editor.remove')}
          </button>
        </td>
      </tr>
      {p.editing && (
        <tr>
          <td colSpan={5}>
            <SessionForm initial={draftOf(p.s)} sessionId={p.s.id} halls={p.halls} onSaved={p.onSaved} onCancel={p.onCancel} />
          </td>
        </tr>
      )}
    </>
  );
}
