/**
 * The card's fields as the hall's bundle sees them: shared/api/leads.ts holds the real lists, but
 * it runs zod at import, so only its types come here and the compiler checks the copies match.
 */
import type { CardField, CARD_LIMITS } from '../../../../shared/api/leads';
import { TEXT_LIMITS } from '../../../../shared/api/terms';

export const OPTIONAL_FIELDS = ['company', 'title', 'email', 'phone', 'wechat'] as const satisfies readonly CardField[];
// a field added to the contract and forgotten here stops the build
const complete: [Exclude<CardField, (typeof OPTIONAL_FIELDS)[number]>] extends [never] ? true : false = true;
void complete;

export type CardKey = 'name' | CardField;
export const CARD_KEYS: readonly CardKey[] = ['name', ...OPTIONAL_FIELDS];

/** Longest value per field (the contract's CARD_LIMITS, checked by type; email and phone from the shared rules). */
const LIMITS = { name: 60, company: 100, title: 60, wechat: 40 } as const satisfies typeof CARD_LIMITS;
export const MAX_LENGTH: Record<CardKey, number> = { ...LIMITS, email: 254, phone: TEXT_LIMITS.phone };
