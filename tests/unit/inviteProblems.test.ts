/** The entry-pass form's wrong fields (client/src/ui/console/entry/inviteProblems.ts), from the form's own check and from the server's 400. */
import { describe, expect, it } from 'vitest';
import { entryInviteInputSchema } from '../../shared/api/entry';
import { inviteProblems } from '../../client/src/ui/console/entry/inviteProblems';
import { zhCN } from '../../client/src/ui/console/entry/locales/zh-CN';
import { en } from '../../client/src/ui/console/entry/locales/en';

const issuesOf = (body: unknown) => {
  const r = entryInviteInputSchema.safeParse(body);
  return r.success ? [] : r.error.issues;
};

describe('inviteProblems', () => {
  it('names each wrong field of the schema, once, in the form order', () => {
    expect(inviteProblems(issuesOf({ label: 'ok', hallId: null, maxUses: null, days: null }))).toEqual([]);
    expect(inviteProblems(issuesOf({ label: '  ', hallId: 'Not A Hall', maxUses: 0, days: 366 }))).toEqual(['label', 'hallId', 'maxUses', 'days']);
    expect(inviteProblems(issuesOf({ label: 'x'.repeat(81), hallId: null, maxUses: 1.5, days: null }))).toEqual(['label', 'maxUses']);
  });

  it('reads the server’s issue paths (body.field) and leaves what is no field to the general message', () => {
    expect(inviteProblems([{ path: 'body.days' }, { path: 'body.days' }, { path: 'body' }, { path: 'query.x' }, { path: 'body.label' }])).toEqual([
      'label',
      'days',
    ]);
    expect(inviteProblems(undefined)).toEqual([]);
  });

  it('has words for every field in both languages', () => {
    for (const f of ['label', 'hallId', 'maxUses', 'days'] as const) {
      expect(zhCN.problems[f]).toMatch(/[\u4e00-\u9fff]/);
      expect(en.problems[f]).toBeTruthy();
    }
  });
});
