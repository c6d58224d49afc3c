/**
 * The registry-driven path every client message takes (server/rooms/dispatch.ts): general budget,
 * seated visitor, sender rule, schema, the entry's own budget, handler; strikes and the kick.
 * Each rule is checked for EVERY entry of clientMessages, so a new message gets them for free.
 */
import { describe, expect, it, vi } from 'vitest';
import { CHAT_BURST, CHAT_REFILL_MS, MAX_STRIKES, MSG_BURST } from '../../shared/constants';
import {
  BUDGETS,
  clientMessageNames,
  clientMessages,
  serverMessages,
  type ClientMessageName,
  type ClientPayloadInput,
  type SenderRole,
} from '../../shared/messages';
import { CloseCode, NoticeCode } from '../../shared/protocol';
import { Visitor } from '../../shared/schema/Visitor';
import { toCm } from '../../shared/quantize';
import { dispatchMessage, unknownMessage, type DispatchClient, type MessageRouter } from '../../server/rooms/dispatch';
import { hallHandlers, type HallHandlers } from '../../server/rooms/handlers';
import { newChatLog } from '../../server/rooms/handlers/chat';
import { newSession } from '../../server/rooms/session';
import { testLayout } from '../fixtures/layout';

/** A well-formed payload per message; typed from the registry, so a new entry needs one here. */
const samples: { [N in ClientMessageName]: ClientPayloadInput<N> } = {
  move: { x: 0.2, z: 0.1, ry: 0, moving: true },
  chat: { text: 'hello' },
  react: { slotId: 'b1', kind: 'like' },
  present: { slotId: 'b1', item: { kind: 'brochure', page: 2 } },
  clock: { t0: 1 },
  report: { target: { kind: 'line', lineId: 1 }, reason: 'spam' },
  moderate: { target: { kind: 'person', sessionId: 'sess2' }, action: 'mute', minutes: 10 },
  qaAsk: { text: 'What comes next?' },
  qaVote: { questionId: 'abcdef123456' },
  tour: { action: 'start', mode: 'guide' },
  voice: { kind: 'on' },
};

// every role by default: the sender rule has a test of its own below
function stubClient(sessionId = 's1', roles: readonly SenderRole[] = ['visitor', 'staff', 'organizer', 'moderator']) {
  const sent: Array<{ type: string; message: unknown }> = [];
  const client: DispatchClient & { sent: typeof sent; left: number[] } = {
    sessionId,
    userData: newSession(0, roles),
    sent,
    left: [],
    send(type, message) {
      sent.push({ type, message });
    },
    leave(code) {
      client.left.push(code ?? 0);
    },
  };
  return client;
}

function setup(opts: { handlers?: HallHandlers; seated?: boolean } = {}) {
  const visitor = new Visitor();
  visitor.name = 'Alice';
  visitor.x = toCm(0);
  visitor.z = toCm(0);
  let now = 0;
  const broadcasts: Array<{ name: string; payload: unknown }> = [];
  const moved: string[] = [];
  const reactions: Array<{ slotId: string; kind: string }> = [];
  const r: MessageRouter = {
    hall: {
      layout: testLayout(),
      chatLog: newChatLog(),
      broadcast: (name, payload) => broadcasts.push({ name, payload }),
      moved: (id) => moved.push(id),
      react: (slotId, kind) => reactions.push({ slotId, kind }),
      present: () => {},
    },
    handlers: opts.handlers ?? hallHandlers,
    visitorOf: (id) => (opts.seated === false || id !== 's1' ? undefined : visitor),
    log: { warn: vi.fn() },
    now: () => now,
  };
  return { r, visitor, broadcasts, moved, reactions, at: (t: number) => (now = t) };
}

function spyHandlers() {
  const calls: Array<{ name: string; payload: unknown }> = [];
  const handlers = Object.fromEntries(
    clientMessageNames.map((n) => [n, (_ctx: unknown, payload: unknown) => calls.push({ name: n, payload })]),
  ) as unknown as HallHandlers;
  return { handlers, calls };
}

const notices = (c: ReturnType<typeof stubClient>) => c.sent.filter((m) => m.type === 'notice').map((m) => (m.message as { code: string }).code);

describe('the handler map', () => {
  it('has exactly one handler per client message of the registry', () => {
    expect(Object.keys(hallHandlers).sort()).toEqual([...clientMessageNames].sort());
    expect(Object.keys(samples).sort()).toEqual([...clientMessageNames].sort());
  });

  it('every entry names a budget that exists and at least one sender', () => {
    for (const n of clientMessageNames) {
      expect(Object.keys(BUDGETS)).toContain(clientMessages[n].budget);
      expect(clientMessages[n].senders.length).toBeGreaterThan(0);
    }
  });
});

describe.each(clientMessageNames)('message %s', (name) => {
  it('a well-formed payload reaches its handler, parsed', () => {
    const { handlers, calls } = spyHandlers();
    const { r } = setup({ handlers });
    const c = stubClient();
    expect(dispatchMessage(r, name, c, samples[name])).toBe('handled');
    expect(calls).toEqual([{ name, payload: clientMessages[name].schema.parse(samples[name]) }]);
    expect(c.userData!.strikes).toBe(0);
  });

  it.each([
    ['null', null],
    ['a string', 'junk'],
    ['an extra field', 'extra'],
  ])('a malformed payload (%s) is a strike and never reaches the handler', (_what, raw) => {
    const { handlers, calls } = spyHandlers();
    const { r } = setup({ handlers });
    const c = stubClient();
    const payload = raw === 'extra' ? { ...(samples[name] as object), extra: 1 } : raw;
    expect(dispatchMessage(r, name, c, payload)).toBe('malformed');
    expect(calls).toEqual([]);
    expect(c.userData!.strikes).toBe(1);
    expect(notices(c)).toEqual([NoticeCode.invalidMessage]);
  });

  it(`the general budget applies: a burst of ${MSG_BURST}, then strikes`, () => {
    const { handlers, calls } = spyHandlers();
    const { r } = setup({ handlers });
    const c = stubClient();
    // Malformed sends still spend the general budget, so this drains it for any entry.
    for (let i = 0; i < MSG_BURST; i++) dispatchMessage(r, name, c, null);
    expect(c.userData!.strikes).toBe(MSG_BURST);
    expect(dispatchMessage(r, name, c, samples[name])).toBe('over_budget');
    expect(calls).toEqual([]);
    expect(c.userData!.strikes).toBe(MSG_BURST + 1);
  });

  it('the sender rule applies: a connection with none of the allowed roles is struck', () => {
    const { handlers, calls } = spyHandlers();
    const { r } = setup({ handlers });
    const c = stubClient('s1', []);
    expect(dispatchMessage(r, name, c, samples[name])).toBe('forbidden');
    expect(calls).toEqual([]);
    expect(c.userData!.strikes).toBe(1);
    const allowed = stubClient('s1', clientMessages[name].senders);
    expect(dispatchMessage(r, name, allowed, samples[name])).toBe('handled');
  });

  it('someone without a visitor in the hall is struck', () => {
    const { handlers, calls } = spyHandlers();
    const { r } = setup({ handlers, seated: false });
    const c = stubClient();
    expect(dispatchMessage(r, name, c, samples[name])).toBe('not_seated');
    expect(calls).toEqual([]);
  });

  it('the entry’s own budget applies on top: when spent, a rate_limited notice and no strike', () => {
    const budget = clientMessages[name].budget as keyof typeof BUDGETS;
    if (budget === 'messages') return; // drawn on by every message, checked above
    const { handlers, calls } = spyHandlers();
    const { r } = setup({ handlers });
    const c = stubClient();
    for (let i = 0; i < BUDGETS[budget].burst; i++) expect(dispatchMessage(r, name, c, samples[name])).toBe('handled');
    expect(dispatchMessage(r, name, c, samples[name])).toBe('rate_limited');
    expect(notices(c)).toEqual([NoticeCode.rateLimited]);
    expect(c.userData!.strikes).toBe(0);
    expect(calls).toHaveLength(BUDGETS[budget].burst);
  });
});

describe('strikes', () => {
  it('unknown message types are strikes; a client that keeps it up is dropped as flooding', () => {
    const { r, at } = setup();
    const c = stubClient();
    for (let i = 0; i < MAX_STRIKES; i++) {
      at(i * 1000); // within the general budget: only the strikes count
      expect(unknownMessage(r, c)).toBe('unknown');
    }
    expect(c.userData!.kicked).toBe(true);
    expect(c.left).toEqual([CloseCode.flooding]);
    // Notices go out on the first strike and every tenth, not on each one.
    expect(notices(c)).toHaveLength(1 + Math.floor(MAX_STRIKES / 10));
    expect(dispatchMessage(r, 'chat', c, samples.chat)).toBe('ignored');
    expect(unknownMessage(r, c)).toBe('ignored');
  });
});

describe('with the real handlers', () => {
  it('chat: a clean line is broadcast; bad text is a strike that spends no chat budget', () => {
    const { r, broadcasts } = setup();
    const c = stubClient();
    for (const text of ['   ', 'x'.repeat(281), 'a\u202eb']) expect(dispatchMessage(r, 'chat', c, { text })).toBe('malformed');
    expect(broadcasts).toEqual([]);
    for (let i = 0; i < CHAT_BURST; i++) expect(dispatchMessage(r, 'chat', c, { text: ` line\n${i} ` })).toBe('handled');
    expect(broadcasts.map((b) => (b.payload as { text: string }).text)).toEqual([...Array(CHAT_BURST).keys()].map((i) => `line ${i}`));
    for (const b of broadcasts) expect(serverMessages.chat.schema.safeParse(b.payload).success).toBe(true);
  });

  it(`chat: a burst of ${CHAT_BURST}, then one line per ${CHAT_REFILL_MS} ms`, () => {
    const { r, at } = setup();
    const c = stubClient();
    for (let i = 0; i < CHAT_BURST; i++) dispatchMessage(r, 'chat', c, { text: `m${i}` });
    at(10);
    expect(dispatchMessage(r, 'chat', c, { text: 'too soon' })).toBe('rate_limited');
    at(CHAT_REFILL_MS);
    expect(dispatchMessage(r, 'chat', c, { text: 'now' })).toBe('handled');
  });

  it('move: the visitor walks and interest management hears of it', () => {
    const { r, visitor, moved, at } = setup();
    const c = stubClient();
    at(100);
    expect(dispatchMessage(r, 'move', c, { x: 0.2, z: 0.1, ry: 0, moving: true })).toBe('handled');
    expect([visitor.x, visitor.z, visitor.anim]).toEqual([toCm(0.2), toCm(0.1), 1]);
    expect(moved).toEqual(['s1']);
  });
});
