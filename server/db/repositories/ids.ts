import crypto from 'node:crypto';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random id of lower-case letters and digits (16 chars ≈ 82 bits): unguessable, URL- and file-safe. */
export function newId(length = 16): string {
  const bytes = crypto.randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[bytes[i] % 36];
  return out;
}

/** Errors a repository reports on purpose; the HTTP layer maps them to 4xx answers. */
export class RepoError extends Error {
  constructor(
    readonly code: 'not_found' | 'conflict' | 'limit',
    message: string,
  ) {
    super(message);
    this.name = 'RepoError';
  }
}

/** True for a unique-constraint violation on either dialect. */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** `%q%` for LIKE, lower-cased, with the wildcards of user input escaped (used with ESCAPE '\'). */
export function likePattern(q: string): string {
  return `%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
