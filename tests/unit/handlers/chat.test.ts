import { describe, expect, it } from 'vitest';
import { CHAT_BURST, CHAT_HISTORY, CHAT_REFILL_MS } from '../../../shared/constants';
import { TokenBucket } from '../../../server/lib/tokenBucket';
import { handleChat, newChatLog } from '../../../server/rooms/handlers/chat';

const alice = { sessionId: 'sA', name: 'Alice' };
const bucket = (now = 0) => new TokenBucket(CHAT_BURST, CHAT_REFILL_MS, now);

describe('handleChat', () => {
  it('turns a line into a numbered, stamped message and keeps it', () => {
    const log = newChatLog();
    const r = handleChat(log, alice, bucket(), { text: '  hello\nworld ' }, 1234);
    expect(r).toEqual({ ok: true, message: { id: 1, from: 'sA', name: 'Alice', text: 'hello world', at: 1234 } });
    expect(log.messages).toHaveLength(1);
    const r2 = handleChat(log, alice, bucket(), { text: 'again' }, 1300);
    expect(r2.ok && r2.message.id).toBe(2);
  });

  it('refuses bad text without spending the sender’s budget', () => {
    const log = newChatLog();
    const b = bucket();
    expect(handleChat(log, alice, b, { text: '   ' }, 0)).toEqual({ ok: false, reason: 'empty' });
    expect(handleChat(log, alice, b, { text: 'x'.repeat(281) }, 0)).toEqual({ ok: false, reason: 'too_long' });
    expect(handleChat(log, alice, b, { text: 'a\u202eb' }, 0)).toEqual({ ok: false, reason: 'control_chars' });
    expect(log.messages).toHaveLength(0);
    for (let i = 0; i < CHAT_BURST; i++) expect(handleChat(log, alice, b, { text: `ok ${i}` }, 0).ok).toBe(true);
  });

  it(`rate limits: a burst of ${CHAT_BURST}, then one line per ${CHAT_REFILL_MS} ms`, () => {
    const log = newChatLog();
    const b = bucket(0);
    for (let i = 0; i < CHAT_BURST; i++) expect(handleChat(log, alice, b, { text: `m${i}` }, 0).ok).toBe(true);
    expect(handleChat(log, alice, b, { text: 'too soon' }, 10)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(handleChat(log, alice, b, { text: 'still soon' }, CHAT_REFILL_MS - 1)).toEqual({ ok: false, reason: 'rate_limited' });
    expect(handleChat(log, alice, b, { text: 'now' }, CHAT_REFILL_MS).ok).toBe(true);
    expect(log.messages.map((m) => m.text)).not.toContain('too soon');
  });

  it(`keeps only the last ${CHAT_HISTORY} lines, in order`, () => {
    const log = newChatLog();
    for (let i = 0; i < CHAT_HISTORY + 17; i++) {
      // a fresh bucket per line: this checks the history, not the rate limit
      expect(handleChat(log, alice, bucket(i), { text: `line ${i}` }, i).ok).toBe(true);
    }
    expect(log.messages).toHaveLength(CHAT_HISTORY);
    expect(log.messages[0].text).toBe('line 17');
    expect(log.messages.at(-1)!.text).toBe(`line ${CHAT_HISTORY + 16}`);
    const ids = log.messages.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(CHAT_HISTORY);
  });
});
