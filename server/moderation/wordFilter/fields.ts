/** Which of a form's text fields holds a listed word: names and booth texts that hit are refused, not masked. */
import type { WordFilter } from './matcher';

export interface RefusedField {
  /** the field's path, e.g. "description.zh" */
  field: string;
  hits: string[];
}

/** The string leaves of a (bilingual) text object, by dotted path: { title: { zh, en } } -> title.zh, title.en. */
export function textFields(obj: Record<string, unknown>, keys: readonly string[], prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = obj[k];
    const path = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out[path] = v;
    else if (v && typeof v === 'object') Object.assign(out, textFields(v as Record<string, unknown>, Object.keys(v), path));
  }
  return out;
}

/** The first field (in the given order) whose text hits the filter, or null when every one is clean. */
export function refusedField(filter: Pick<WordFilter, 'check'>, fields: Record<string, string>): RefusedField | null {
  for (const [field, text] of Object.entries(fields)) {
    const { hits } = filter.check(text);
    if (hits.length) return { field, hits };
  }
  return null;
}
