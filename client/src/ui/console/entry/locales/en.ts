/** The `entryConsole` i18n namespace, English. Same keys as zh-CN.ts (tests/unit/entryI18n.test.ts). */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  title: 'Entry rules',
  intro:
    "Set who may enter for the whole expo, and override it for a hall if needed (the hall's rule wins). Organizers and moderators always get in; booth staff get into the hall of their own booth. A rule applies from the next entry; visitors already in a hall stay.",
  expo: 'The whole expo',
  setting: {
    inherit: 'As the expo',
    open: 'Open to all',
    code: 'Entry code',
    invite: 'By invitation only',
    account: 'Visitor accounts only',
  },
  effective: 'In effect: {{rule}}',
  ruleLabel: 'Entry rule for {{scope}}',
  codeLabel: 'Entry code (4–32 characters, case does not matter)',
  codeKeep: 'A code is set; leave empty to keep it',
  codeNew: 'Set an entry code',
  save: 'Save',
  saving: 'Saving…',
  saved: '{{scope}}: saved',
  loading: 'Reading the entry rules…',
  loadFailed: 'Could not read them: {{message}}',
  invites: 'Entry passes (invite-only halls)',
  invitesIntro:
    'Each pass is a link for one visitor or one group (the label says whom). The link is shown once, when made; revoke it at any time. Uses count entries into a hall.',
  inviteLabel: 'Label (e.g. Xiamen University visitors)',
  inviteHall: 'Hall',
  inviteAll: 'Every invite-only hall',
  inviteMax: 'Most uses (empty: no limit)',
  inviteDays: 'Valid for days (empty: no limit)',
  create: 'Make an invitation link',
  created: 'Invitation link (shown only now: copy it):',
  none: 'No passes yet.',
  uses: 'Used {{uses}} times',
  usesOf: 'Used {{uses}} of {{max}}',
  revoked: 'Revoked',
  expires: 'Valid until {{time}}',
  revoke: 'Revoke',
  revokeLabel: 'Revoke the pass “{{label}}”',
  problems: {
    label: 'Give the pass a label (1–80 characters)',
    hallId: 'Choose a hall',
    maxUses: 'Most uses: a whole number from 1 to 100000, or empty',
    days: 'Valid for days: a whole number from 1 to 365, or empty',
  },
};
