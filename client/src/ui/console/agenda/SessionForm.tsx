/** One session's form: hall, kind, bilingual title and description, times, tags, speakers with photos, and the kind's media or stream. */
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AGENDA_LIMITS,
  SESSION_KINDS,
  SPEAKERS_MAX,
  liveUrlFor,
  sessionInputSchema,
  type AgendaSessionEdit,
  type SessionKind,
} from '../../../../../shared/api/agenda';
import { api, ApiRequestError } from '../../../net/api';
import { UploadField } from '../UploadField';
import { errorText } from '../session';
import { NS } from '../../agenda/locales';
import { bodyOf, newSpeaker, type Draft, type SpeakerDraft } from './draft';

export function SessionForm({
  initial,
  sessionId,
  halls,
  onSaved,
  onCancel,
}: {
  initial: Draft;
  /** null: a new session */
  sessionId: string | null;
  halls: string[];
  onSaved: (s: AgendaSessionEdit) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation(NS);
  const [d, setD] = useState<Draft>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    <K extends keyof Draft>(k: K) =>
    (v: Draft[K]) =>
      setD((x) => ({ ...x, [k]: v }));
  const text = (k: 'titleZh' | 'titleEn' | 'descZh' | 'descEn' | 'start' | 'end' | 'tags' | 'liveName') => (e: { target: { value: string } }) =>
    set(k)(e.target.value);
  const setSpeaker = (key: number, patch: Partial<SpeakerDraft>) => set('speakers')(d.speakers.map((p) => (p.key === key ? { ...p, ...patch } : p)));
  const hallName = (h: string) => i18n.t(`halls.${h}`, { ns: 'translation', defaultValue: h });
  const prefix = sessionId ?? 'new';

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const parsed = sessionInputSchema.safeParse(bodyOf(d));
    if (!parsed.success) return setProblem(t('editor.invalid', { message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }));
    setBusy(true);
    try {
      const body = bodyOf(d);
      onSaved(sessionId ? await api('updateAgendaSession', { params: { sessionId }, body }) : await api('createAgendaSession', { body }));
    } catch (err) {
      setProblem(err instanceof ApiRequestError && err.code === 'session_overlap' ? `${t('editor.overlap')} ${err.message}` : errorText(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="agenda-form" onSubmit={(e) => void submit(e)} data-testid="agenda-form" aria-label={sessionId ? t('editor.edit') : t('editor.add')}>
      <div className="console-grid">
        <label className="console-field">
          {t('editor.hall')}
          <select value={d.hallId} onChange={(e) => set('hallId')(e.target.value)} data-testid="agenda-form-hall">
            {halls.map((h) => (
              <option key={h} value={h}>
                {hallName(h)}
              </option>
            ))}
          </select>
        </label>
        <label className="console-field">
          {t('editor.kind')}
          <select value={d.kind} onChange={(e) => set('kind')(e.target.value as SessionKind)} data-testid="agenda-form-kind">
            {SESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="console-field">
          {t('editor.titleZh')}
          <input value={d.titleZh} onChange={text('titleZh')} maxLength={AGENDA_LIMITS.title} required data-testid="agenda-form-title-zh" />
        </label>
        <label className="console-field">
          {t('editor.titleEn')}
          <input value={d.titleEn} onChange={text('titleEn')} maxLength={AGENDA_LIMITS.title} data-testid="agenda-form-title-en" />
        </label>
        <label className="console-field">
          {t('editor.startsAt')}
          <input type="datetime-local" value={d.start} onChange={text('start')} required data-testid="agenda-form-start" />
        </label>
        <label className="console-field">
          {t('editor.endsAt')}
          <input type="datetime-local" value={d.end} onChange={text('end')} required data-testid="agenda-form-end" />
        </label>
        <label className="console-field">
          {t('editor.descriptionZh')}
          <textarea rows={3} value={d.descZh} onChange={text('descZh')} maxLength={AGENDA_LIMITS.description} data-testid="agenda-form-desc-zh" />
        </label>
        <label className="console-field">
          {t('editor.descriptionEn')}
          <textarea rows={3} value={d.descEn} onChange={text('descEn')} maxLength={AGENDA_LIMITS.description} />
        </label>
        <label className="console-field">
          {t('editor.tags')}
          <input value={d.tags} onChange={text('tags')} data-testid="agenda-form-tags" />
        </label>
        {d.kind === 'live' && (
          <label className="console-field">
            {t('editor.liveName')}
            <input value={d.liveName} onChange={text('liveName')} pattern="[a-z0-9\-]{1,40}" maxLength={40} required data-testid="agenda-form-live" />
            <span className="fineprint">{t('editor.liveHint', { url: liveUrlFor(d.liveName || '…') })}</span>
          </label>
        )}
      </div>

      {(d.kind === 'premiere' || d.kind === 'live') && (
        <div className="agenda-form-media">
          {d.kind === 'premiere' && (
            <MediaSlot
              label={t('editor.video')}
              current={d.video}
              empty={t('editor.noVideo')}
              removeLabel={t('editor.removeVideo')}
              onRemove={() => set('video')(null)}
            >
              <UploadField
                route="uploadAgendaVideo"
                params={undefined}
                label={t('editor.video')}
                hint={t('editor.videoHint')}
                onDone={(r) => set('video')({ id: r.mediaId, url: r.url, name: r.name })}
                testId={`agenda-video-${prefix}`}
              />
            </MediaSlot>
          )}
          <MediaSlot label={t('editor.captions')} current={d.captions} removeLabel={t('editor.removeCaptions')} onRemove={() => set('captions')(null)}>
            <UploadField
              route="uploadAgendaCaptions"
              params={undefined}
              label={t('editor.captions')}
              hint={t('editor.captionsHint')}
              onDone={(r) => set('captions')({ id: r.mediaId, url: r.url, name: r.name })}
              testId={`agenda-captions-${prefix}`}
            />
          </MediaSlot>
        </div>
      )}

      <fieldset className="agenda-speakers-edit">
        <legend>{t('editor.speakers')}</legend>
        {d.speakers.map((p, i) => (
          <div key={p.key} className="agenda-speaker-edit" data-testid="agenda-form-speaker">
            {p.photo ? <img src={p.photo.url} alt="" width={48} height={48} /> : <span className="agenda-nophoto" aria-hidden="true" />}
            <label className="console-field">
              {t('editor.speakerName')}
              <input
                value={p.name}
                onChange={(e) => setSpeaker(p.key, { name: e.target.value })}
                maxLength={AGENDA_LIMITS.speakerName}
                required
                data-testid="agenda-speaker-name"
              />
            </label>
            <label className="console-field">
              {t('editor.speakerTitleZh')}
              <input
                value={p.titleZh}
                onChange={(e) => setSpeaker(p.key, { titleZh: e.target.value })}
                maxLength={AGENDA_LIMITS.speakerTitle}
                data-testid="agenda-speaker-title-zh"
              />
            </label>
            <label className="console-field">
              {t('editor.speakerTitleEn')}
              <input value={p.titleEn} onChange={(e) => setSpeaker(p.key, { titleEn: e.target.value })} maxLength={AGENDA_LIMITS.speakerTitle} />
            </label>
            <UploadField
              route="uploadAgendaPhoto"
              params={undefined}
              label={t('editor.photo')}
              hint={t('editor.photoHint')}
              onDone={(r) => setSpeaker(p.key, { photo: { id: r.mediaId, url: r.url } })}
              testId={`agenda-speaker-photo-${i}`}
            />
            <div className="console-row">
              {p.photo && (
                <button type="button" onClick={() => setSpeaker(p.key, { photo: null })}>
                  {t('editor.removePhoto')}
                </button>
              )}
              <button type="button" onClick={() => set('speakers')(d.speakers.filter((x) => x.key !== p.key))}>
                {t('editor.removeSpeaker')}
              </button>
            </div>
          </div>
        ))}
        {d.speakers.length < SPEAKERS_MAX && (
          <button type="button" onClick={() => set('speakers')([...d.speakers, newSpeaker()])} data-testid="agenda-add-speaker">
            {t('editor.addSpeaker')}
          </button>
        )}
      </fieldset>

      {problem && (
        <p className="form-problem" role="alert" data-testid="agenda-form-problem">
          {problem}
        </p>
      )}
      <div className="console-row save-row">
        <button type="submit" disabled={busy} data-testid="agenda-form-save">
          {sessionId ? t('editor.save') : t('editor.create')}
        </button>
        <button type="button" className="ghost" onClick={onCancel}>
          {t('editor.cancel')}
        </button>
      </div>
    </form>
  );
}

function MediaSlot({
  label,
  current,
  empty,
  removeLabel,
  onRemove,
  children,
}: {
  label: string;
  current: { url: string; name?: string } | null;
  empty?: string;
  removeLabel: string;
  onRemove: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation(NS);
  return (
    <div className="agenda-media-slot">
      <h4>{label}</h4>
      {current ? (
        <p className="console-row">
          <a href={current.url} target="_blank" rel="noopener">
            {t('editor.uploaded', { name: current.name ?? current.url.split('/').pop() })}
          </a>
          <button type="button" onClick={onRemove}>
            {removeLabel}
          </button>
        </p>
      ) : (
        empty && <p className="fineprint">{empty}</p>
      )}
      {children}
    </div>
  );
}
