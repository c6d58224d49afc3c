import type { Kdb, MediaTable } from '../types';
import { newId } from './ids';

export type MediaRow = MediaTable;
export type MediaKind = 'logo' | 'image' | 'video' | 'brochure' | 'product_image' | 'model' | AgendaMediaKind | 'lot_picture';
/** uploads of the agenda (issue #11), attached to a session when it is saved */
export type AgendaMediaKind = 'speaker_photo' | 'session_video' | 'captions';

export interface NewMedia {
  exhibitorId: string | null;
  kind: MediaKind;
  file: string;
  mime: string;
  bytes: number;
  width?: number | null;
  height?: number | null;
  displayName?: string | null;
}

export function mediaRow(m: NewMedia): MediaRow {
  return {
    id: newId(),
    exhibitor_id: m.exhibitorId,
    kind: m.kind,
    file: m.file,
    mime: m.mime,
    bytes: m.bytes,
    width: m.width ?? null,
    height: m.height ?? null,
    display_name: m.displayName ?? null,
    created_at: Date.now(),
  };
}

export function mediaRepository(db: Kdb) {
  return {
    async byIds(ids: string[]): Promise<Map<string, MediaRow>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('media')
        .selectAll()
        .where('id', 'in', [...new Set(ids)])
        .execute();
      return new Map(rows.map((r) => [r.id, r]));
    },
    /** Every file name the database knows: anything else in the upload directory is an orphan. */
    async allFiles(): Promise<Set<string>> {
      const rows = await db.selectFrom('media').select('file').execute();
      return new Set(rows.map((r) => r.file));
    },
  };
}

export type MediaRepository = ReturnType<typeof mediaRepository>;
