/** HallState.stage as a plain value for the store (bindRoom copies it when `stageKey` changes). */
import type { Stage } from '../../../shared/schema/Stage';
import type { StageView } from '../store/stageSlice';

export function stageKey(s: Stage | undefined): string {
  if (!s) return '';
  return [s.sessionId, s.updatedAt, s.startsAt, s.endsAt, s.kind, s.titleZh, s.titleEn, s.videoUrl, s.captionsUrl, s.liveUrl].join('\u0001');
}

export function stageViewOf(s: Stage | undefined): StageView | null {
  if (!s?.sessionId) return null;
  return {
    sessionId: s.sessionId,
    kind: s.kind,
    title: { zh: s.titleZh, en: s.titleEn },
    startsAt: s.startsAt,
    endsAt: s.endsAt,
    videoUrl: s.videoUrl,
    captionsUrl: s.captionsUrl,
    liveUrl: s.liveUrl,
    updatedAt: s.updatedAt,
  };
}
