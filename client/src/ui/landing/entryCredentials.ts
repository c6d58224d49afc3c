/**
 * What a visitor holds to meet a hall's entry rule (issue #11): the entry code they typed on the
 * landing page (this tab only: sessionStorage, per hall) and an entry pass from an organizer's
 * invitation link (`/?pass=TOKEN`, kept in localStorage so the link works once per browser). Both
 * ride along in every join's options, reconnections included; the server checks them each time.
 * No zod here: the hall's bundle imports this.
 */
const CODES_KEY = 'ludao.entryCodes';
const PASS_KEY = 'ludao.entryPass';
const PASS_PATTERN = /^[A-Za-z0-9_-]{43}$/;

function read(store: () => Storage, key: string): Record<string, string> {
  try {
    const v = JSON.parse(store().getItem(key) ?? '{}') as unknown;
    return v && typeof v === 'object' ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

function write(store: () => Storage, key: string, value: Record<string, string>): void {
  try {
    store().setItem(key, JSON.stringify(value));
  } catch {
    /* storage unavailable: the code is asked for again next time */
  }
}

export function entryCodeFor(hallId: string): string | null {
  return read(() => sessionStorage, CODES_KEY)[hallId] ?? null;
}

export function rememberEntryCode(hallId: string, code: string): void {
  write(() => sessionStorage, CODES_KEY, { ...read(() => sessionStorage, CODES_KEY), [hallId]: code });
}

export function forgetEntryCode(hallId: string): void {
  const all = read(() => sessionStorage, CODES_KEY);
  delete all[hallId];
  write(() => sessionStorage, CODES_KEY, all);
}

export function entryPass(): string | null {
  const p = read(() => localStorage, PASS_KEY).token;
  return p && PASS_PATTERN.test(p) ? p : null;
}

/**
 * Takes an entry pass and hall out of the address (`?pass=...&hall=...`), keeps the pass, and
 * removes both from the address bar so the link is not shared on by accident. Returns the hall named.
 */
export function takePassFromUrl(): string | null {
  if (typeof window === 'undefined') return null;
  const q = new URLSearchParams(window.location.search);
  const pass = q.get('pass');
  const hall = q.get('hall');
  if (!pass) return null;
  if (PASS_PATTERN.test(pass)) write(() => localStorage, PASS_KEY, { token: pass });
  q.delete('pass');
  q.delete('hall');
  const rest = q.toString();
  window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : ''));
  return hall;
}

/** The join options' entry fields for a hall (absent when the visitor holds nothing). */
export function entryOptions(hallId: string): { entryCode?: string; entryPass?: string } {
  const code = entryCodeFor(hallId);
  const pass = entryPass();
  return { ...(code ? { entryCode: code } : {}), ...(pass ? { entryPass: pass } : {}) };
}
