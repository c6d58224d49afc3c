/** Database records -> the shapes the API promises (shared/api/schemas). */
import type { BoothView, DirectoryEntry, ProductView } from '../../shared/api/schemas';
import type { BoothTemplate, Industry, Park } from '../../shared/api/common';
import type { BoothRecord, ProductRecord } from '../db/repositories/booths';
import type { MediaRow } from '../db/repositories/media';

export const MEDIA_PREFIX = '/media/';

const url = (m: MediaRow) => `${MEDIA_PREFIX}${m.file}`;
const image = (m: MediaRow | null) => (m ? { url: url(m), width: m.width ?? 0, height: m.height ?? 0 } : null);
const file = (m: MediaRow | null, fallback: string) => (m ? { url: url(m), bytes: m.bytes, name: m.display_name ?? fallback } : null);

export function productView(p: ProductRecord): ProductView {
  return {
    id: p.row.id,
    name: { zh: p.row.name_zh, en: p.row.name_en },
    description: { zh: p.row.description_zh, en: p.row.description_en },
    image: image(p.image),
    model: file(p.model, 'model.glb'),
  };
}

export function boothView(r: BoothRecord): BoothView {
  const { booth: b, exhibitor: e } = r;
  return {
    id: b.id,
    expoId: b.expo_id,
    hallId: b.hall_id,
    slotId: b.slot_id,
    template: b.template as BoothTemplate,
    colors: { primary: b.color_primary, accent: b.color_accent },
    title: { zh: b.title_zh, en: b.title_en },
    exhibitor: {
      id: e.id,
      name: { zh: e.name_zh, en: e.name_en },
      description: { zh: e.description_zh, en: e.description_en },
      industry: e.industry as Industry,
      park: e.park as Park,
      website: e.website,
      contact: { email: e.contact_email, phone: e.contact_phone },
      logo: image(r.logo),
    },
    images: r.images.map((i) => ({ id: i.id, ...image(i.media)! })),
    video: file(r.video, 'video.mp4'),
    brochure: file(r.brochure, 'brochure.pdf'),
    products: r.products.map(productView),
    staffOnDuty: r.staffOnDuty,
    updatedAt: Math.max(b.updated_at, e.updated_at),
  };
}

export interface DirectoryRow {
  booth_id: string;
  hall_id: string;
  slot_id: string | null;
  title_zh: string;
  title_en: string;
  exhibitor_id: string;
  name_zh: string;
  name_en: string;
  industry: string;
  park: string;
  logo_file: string | null;
  logo_width: number | null;
  logo_height: number | null;
}

export function directoryEntry(r: DirectoryRow): DirectoryEntry {
  return {
    boothId: r.booth_id,
    exhibitorId: r.exhibitor_id,
    hallId: r.hall_id,
    slotId: r.slot_id,
    name: { zh: r.name_zh, en: r.name_en },
    title: { zh: r.title_zh, en: r.title_en },
    industry: r.industry as Industry,
    park: r.park as Park,
    logo: r.logo_file ? { url: `${MEDIA_PREFIX}${r.logo_file}`, width: r.logo_width ?? 0, height: r.logo_height ?? 0 } : null,
  };
}
