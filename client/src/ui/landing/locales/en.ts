/** The `entry` i18n namespace, English. Same keys as zh-CN.ts (tests/unit/entryI18n.test.ts). */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  hallsNow: 'The halls now',
  visitors: '{{count}} here now',
  nowOnStage: 'On stage now: {{title}}',
  nextOnStage: 'Next on stage: {{title}} · {{time}}',
  noSession: 'Nothing scheduled on stage',
  loading: 'Reading the halls…',
  rule: { open: 'Open to all', code: 'Entry code needed', invite: 'By invitation only', account: 'Visitor accounts only' },
  codeLabel: 'Entry code for {{hall}}',
  codePlaceholder: 'The code the organizer gave you',
  passHeld: 'You hold an invitation from the organizer: invite-only halls are open to you.',
  passMissing: 'This hall is by invitation only: open the invitation link the organizer sent you.',
  accountWhy: 'This hall is for visitor accounts: sign in or register to enter.',
  checking: 'Checking your entry…',
  problem: {
    entry_code_needed: 'Please enter the entry code',
    entry_code_wrong: 'That entry code is not right; check it and try again',
    entry_throttled: 'Too many wrong codes; please try again in half a minute',
    entry_invite_needed: 'This hall is by invitation only: open the invitation link the organizer sent you',
    entry_account_needed: 'This hall is for visitor accounts: please sign in first',
    entry_unavailable: 'Entry cannot be checked right now; please retry shortly',
    network: 'Cannot reach the server; check your connection and retry',
  },
};
