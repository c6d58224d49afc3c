/**
 * Which fields of the entry-pass form are wrong, from zod's issues (the form's own check) or the
 * server's 400 answer (`body.maxUses`): the form says so in the page's language under each field,
 * instead of zod's English.
 */
export const INVITE_FIELDS = ['label', 'hallId', 'maxUses', 'days'] as const;
export type InviteField = (typeof INVITE_FIELDS)[number];

export function inviteProblems(issues: readonly { path: string | readonly PropertyKey[] }[] | undefined): InviteField[] {
  const out = new Set<InviteField>();
  for (const i of issues ?? []) {
    const parts = typeof i.path === 'string' ? i.path.split('.') : i.path.map(String);
    const field = parts[0] === 'body' ? parts[1] : parts[0];
    if ((INVITE_FIELDS as readonly string[]).includes(field)) out.add(field as InviteField);
  }
  return INVITE_FIELDS.filter((f) => out.has(f));
}
