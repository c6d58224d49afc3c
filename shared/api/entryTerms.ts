/**
 * Entry-rule terms without zod (issue #11 item 5): the landing page and the hall's bundle import
 * these; shared/api/entry.ts has the schemas and re-exports them.
 */
export const ENTRY_RULES = ['open', 'code', 'invite', 'account'] as const;
export type EntryRule = (typeof ENTRY_RULES)[number];
/** a hall's own setting may also be "as the expo" */
export const HALL_ENTRY_SETTINGS = ['inherit', ...ENTRY_RULES] as const;
export type HallEntrySetting = (typeof HALL_ENTRY_SETTINGS)[number];

/** Entry codes: 4 to 32 characters; compared after trimming and NFKC, case-insensitive. */
export const ENTRY_CODE_MIN = 4;
export const ENTRY_CODE_MAX = 32;
/** What a visitor's pass looks like on the wire (256-bit base64url). */
export const ENTRY_PASS_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** How often the landing page refreshes the halls' summaries; the server caches them about as long. */
export const ENTRY_SUMMARY_REFRESH_MS = 5_000;

/** The form a code is hashed and compared in: "ab 12" and "AB12" and full-width "ＡＢ１２" are one code. */
export function normaliseEntryCode(code: string): string {
  return code.normalize('NFKC').replace(/\s+/g, '').toLowerCase();
}

/** Why an entry was refused: the join's JoinError codes and the check route's error codes are these. */
export const EntryRefusal = {
  codeNeeded: 'entry_code_needed',
  codeWrong: 'entry_code_wrong',
  throttled: 'entry_throttled',
  inviteNeeded: 'entry_invite_needed',
  accountNeeded: 'entry_account_needed',
} as const;
export type EntryRefusal = (typeof EntryRefusal)[keyof typeof EntryRefusal];
