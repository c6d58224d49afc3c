/** One limit for announcements: the API schema (and so OpenAPI) and the server's own check agree on ANNOUNCE_MAX. */
import { describe, expect, it } from 'vitest';
import type { Presence } from '@colyseus/core';
import { ANNOUNCE_MAX } from '../../shared/constants';
import { announceSchema } from '../../shared/api/schemas';
import { announceToHall } from '../../server/scale/announce';

const published: unknown[] = [];
const presence = { publish: async (_ch: string, p: unknown) => void published.push(p) } as unknown as Presence;

describe('announcement length', () => {
  it.each([
    ['latin', 'x'],
    ['汉字', '字'],
    ['emoji', '🌊'],
  ])(`%s: ${ANNOUNCE_MAX} characters pass both checks, one more fails both`, async (_what, ch) => {
    const ok = ch.repeat(ANNOUNCE_MAX);
    const long = ch.repeat(ANNOUNCE_MAX + 1);
    expect(announceSchema.safeParse({ hallId: 'gulangyu', text: ok }).success).toBe(true);
    expect((await announceToHall('gulangyu', ok, { presence })).ok).toBe(true);
    expect(announceSchema.safeParse({ hallId: 'gulangyu', text: long }).success).toBe(false);
    expect(await announceToHall('gulangyu', long, { presence })).toEqual({ ok: false, reason: 'bad_text' });
  });

  it('blank and control-character texts fail both', async () => {
    for (const text of ['   ', 'a\u202eb']) {
      expect(announceSchema.safeParse({ hallId: 'gulangyu', text }).success).toBe(false);
      expect((await announceToHall('gulangyu', text, { presence })).ok).toBe(false);
    }
  });
});
