/** Rows of cards, consents and leads as the API shows them (shared/api/leads.ts). */
import { CARD_FIELDS, LEAD_RATINGS, type Card, type CardField, type ConsentView, type LeadRating, type LeadView } from '../../shared/api/leads';
import type { CardRow, ConsentRow, LeadRow } from '../db/repositories/leads';

export function cardView(c: CardRow): Card {
  return { name: c.name, company: c.company, title: c.title, email: c.email, phone: c.phone, wechat: c.wechat, updatedAt: c.updated_at };
}

/** Stored JSON arrays, read defensively: anything unexpected reads as empty rather than failing a page. */
function stringArray(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function consentView(c: ConsentRow): ConsentView {
  return {
    id: c.id,
    boothId: c.booth_id,
    exhibitorName: { zh: c.name_zh, en: c.name_en },
    fields: stringArray(c.fields).filter((f): f is CardField => (CARD_FIELDS as readonly string[]).includes(f)),
    noticeVersion: c.notice_version,
    noticeHash: c.notice_hash,
    createdAt: c.created_at,
    withdrawnAt: c.withdrawn_at,
  };
}

export function leadView(l: LeadRow): LeadView {
  return {
    id: l.id,
    boothId: l.booth_id,
    name: l.name,
    company: l.company,
    title: l.title,
    email: l.email,
    phone: l.phone,
    wechat: l.wechat,
    rating: (LEAD_RATINGS as readonly string[]).includes(l.rating ?? '') ? (l.rating as LeadRating) : null,
    tags: stringArray(l.tags),
    notes: l.notes,
    createdAt: l.created_at,
  };
}
