/** Agenda records -> the shapes the API and the stage read (shared/api/agenda.ts). */
import { liveUrlFor, type AgendaSessionEdit, type AgendaSessionView, type SessionKind } from '../../shared/api/agenda';
import type { SessionRecord } from '../db/repositories/agenda';
import { MEDIA_PREFIX } from '../http/views';

const mediaUrl = (r: SessionRecord, id: string | null) => {
  const m = id ? r.media.get(id) : undefined;
  return m ? `${MEDIA_PREFIX}${m.file}` : null;
};

export function sessionView(r: SessionRecord): AgendaSessionView {
  const s = r.row;
  return {
    id: s.id,
    hallId: s.hall_id,
    kind: s.kind as SessionKind,
    title: { zh: s.title_zh, en: s.title_en },
    description: { zh: s.description_zh, en: s.description_en },
    speakers: r.speakers.map((p) => ({ name: p.name, title: { ...p.title }, photoUrl: mediaUrl(r, p.photoMediaId) })),
    tags: [...r.tags],
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    videoUrl: s.kind === 'premiere' ? mediaUrl(r, s.video_media_id) : null,
    captionsUrl: mediaUrl(r, s.captions_media_id),
    liveUrl: s.kind === 'live' && s.live_name ? liveUrlFor(s.live_name) : null,
    updatedAt: s.updated_at,
  };
}

export function sessionEditView(r: SessionRecord): AgendaSessionEdit {
  const v = sessionView(r);
  return {
    ...v,
    speakers: r.speakers.map((p, i) => ({ ...v.speakers[i], photoMediaId: p.photoMediaId && r.media.has(p.photoMediaId) ? p.photoMediaId : null })),
    videoMediaId: v.videoUrl ? r.row.video_media_id : null,
    captionsMediaId: v.captionsUrl ? r.row.captions_media_id : null,
    liveName: r.row.live_name,
    sequence: r.row.sequence,
  };
}
