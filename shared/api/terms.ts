/** The API's vocabulary and limits (enums, lengths, safe links) as plain values: no schema runs here. */

/** Industries an exhibitor can list under (labels live in the client's i18n). */
export const INDUSTRIES = [
  'software',
  'ai',
  'xr',
  'digital_content',
  'semiconductor',
  'smart_manufacturing',
  'biomed',
  'new_energy',
  'fintech',
  'culture_tourism',
  'logistics',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

/** Xiamen industrial parks. */
export const PARKS = ['software_park', 'torch', 'ftz', 'haicang_biomed', 'tongan', 'other'] as const;
export type Park = (typeof PARKS)[number];

export const BOOTH_TEMPLATES = ['kiosk', 'island', 'pavilion'] as const;
export type BoothTemplate = (typeof BOOTH_TEMPLATES)[number];

/**
 * visitor: an account a visitor makes to leave cards, book meetings, collect stamps (issue #10);
 * moderator: invited by an organizer, moderates the halls' chat and the reports queue (issue #11)
 */
export const ROLES = ['organizer', 'exhibitor', 'visitor', 'moderator'] as const;
export type Role = (typeof ROLES)[number];

export const TEXT_LIMITS = {
  name: 80,
  title: 60,
  description: 2000,
  productName: 60,
  productDescription: 600,
  website: 300,
  phone: 30,
} as const;

/** Most products a booth can show, and images in its gallery. */
export const MAX_PRODUCTS = 12;
export const MAX_IMAGES = 8;

/** Passwords: long enough to matter, short enough that hashing them is cheap to bound. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

/** True when a URL is safe to put in an <a href>: http or https only. */
export function isSafeLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
