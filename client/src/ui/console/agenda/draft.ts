/**
 * The organizer's form state for one session, and its two conversions: from the saved session
 * (the editor's view) and to the body the server checks (shared sessionInputSchema). Times are
 * edited as the browser's local datetime-local values.
 */
import type { AgendaSessionEdit, SessionInput, SessionKind } from '../../../../../shared/api/agenda';

export interface Upload {
  id: string;
  url: string;
  name?: string;
}

export interface SpeakerDraft {
  /** a key for React while the list is edited */
  key: number;
  name: string;
  titleZh: string;
  titleEn: string;
  photo: Upload | null;
}

export interface Draft {
  hallId: string;
  kind: SessionKind;
  titleZh: string;
  titleEn: string;
  descZh: string;
  descEn: string;
  start: string;
  end: string;
  tags: string;
  speakers: SpeakerDraft[];
  video: Upload | null;
  captions: Upload | null;
  liveName: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** ms -> "2026-12-02T14:30" in the browser's zone */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** "2026-12-02T14:30" (local) -> ms, or NaN */
export function fromLocalInput(v: string): number {
  return v ? new Date(v).getTime() : NaN;
}

let keys = 0;
export const newSpeaker = (): SpeakerDraft => ({ key: ++keys, name: '', titleZh: '', titleEn: '', photo: null });

/** A new session: the next full hour, 45 minutes. */
export function emptyDraft(hallId: string, now: number): Draft {
  const start = Math.ceil((now + 60_000) / 3600_000) * 3600_000;
  return {
    hallId,
    kind: 'talk',
    titleZh: '',
    titleEn: '',
    descZh: '',
    descEn: '',
    start: toLocalInput(start),
    end: toLocalInput(start + 45 * 60_000),
    tags: '',
    speakers: [],
    video: null,
    captions: null,
    liveName: '',
  };
}

export function draftOf(s: AgendaSessionEdit): Draft {
  return {
    hallId: s.hallId,
    kind: s.kind,
    titleZh: s.title.zh,
    titleEn: s.title.en,
    descZh: s.description.zh,
    descEn: s.description.en,
    start: toLocalInput(s.startsAt),
    end: toLocalInput(s.endsAt),
    tags: s.tags.join(', '),
    speakers: s.speakers.map((p) => ({
      key: ++keys,
      name: p.name,
      titleZh: p.title.zh,
      titleEn: p.title.en,
      photo: p.photoMediaId && p.photoUrl ? { id: p.photoMediaId, url: p.photoUrl } : null,
    })),
    video: s.videoMediaId && s.videoUrl ? { id: s.videoMediaId, url: s.videoUrl } : null,
    captions: s.captionsMediaId && s.captionsUrl ? { id: s.captionsMediaId, url: s.captionsUrl } : null,
    liveName: s.liveName ?? '',
  };
}

/** The body to send; the kind decides which media and stream fields go with it. */
export function bodyOf(d: Draft): SessionInput {
  const premiere = d.kind === 'premiere';
  const live = d.kind === 'live';
  return {
    hallId: d.hallId,
    kind: d.kind,
    title: { zh: d.titleZh, en: d.titleEn },
    description: { zh: d.descZh, en: d.descEn },
    speakers: d.speakers.map((p) => ({ name: p.name, title: { zh: p.titleZh, en: p.titleEn }, photoMediaId: p.photo?.id ?? null })),
    tags: [
      ...new Set(
        d.tags
          .split(/[,，、]/)
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ],
    startsAt: fromLocalInput(d.start),
    endsAt: fromLocalInput(d.end),
    videoMediaId: premiere ? (d.video?.id ?? null) : null,
    captionsMediaId: premiere || live ? (d.captions?.id ?? null) : null,
    liveName: live ? d.liveName.trim() || null : null,
  };
}
