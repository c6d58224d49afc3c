import { describe, expect, it } from 'vitest';
import { CHAT_HISTORY } from '../../../shared/constants';
import { parseChat } from '../../../shared/validate';
import { handleChat, newChatLog } from '../../../server/rooms/handlers/chat';

const alice = { sessionId: 'sA', name: 'Alice' };

// Text rules (empty, too long, control characters) are the chat schema's and the chat budget is the
// dispatcher's: see tests/unit/dispatch.test.ts. This is what the handler itself does.
describe('handleChat', () => {
  it('turns a cleaned line into a numbered, stamped message and keeps it', () => {
    const log = newChatLog();
    const p = parseChat({ text: '  hello\nworld ' });
    expect(p).toEqual({ text: 'hello world' });
    expect(handleChat(log, alice, p!, 1234)).toEqual({ id: 1, from: 'sA', name: 'Alice', text: 'hello world', at: 1234 });
    expect(log.messages).toHaveLength(1);
    expect(handleChat(log, alice, { text: 'again' }, 1300).id).toBe(2);
  });

  it(`keeps only the last ${CHAT_HISTORY} lines, in order`, () => {
    const log = newChatLog();
    for (let i = 0; i < CHAT_HISTORY + 17; i++) handleChat(log, alice, { text: `line ${i}` }, i);
    expect(log.messages).toHaveLength(CHAT_HISTORY);
    expect(log.messages[0].text).toBe('line 17');
    expect(log.messages.at(-1)!.text).toBe(`line ${CHAT_HISTORY + 16}`);
    const ids = log.messages.map((m) => m.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(CHAT_HISTORY);
  });
});
