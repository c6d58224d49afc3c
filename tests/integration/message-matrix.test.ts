/**
 * The room-message half of the authorization matrix (issue #11, item 7): every client message of
 * the registry against every role, on a real server and database with real colyseus.js clients.
 * The expectations are written out here by hand (MESSAGE_MATRIX), not derived from the registry:
 * opening a message to a role it was not meant for fails this test, and a new message without a
 * row fails "covers every message". api.test.ts holds the HTTP routes' half; the README prints both.
 *
 * A cell is "allowed" when the server takes the message (no strike: no invalidMessage notice by the
 * time the answer to a clock sample sent right after it arrives; a polite rate-limit or "no session
 * on stage" notice is an answer, not a refusal) and "refused" when it strikes it. Staff of another
 * booth may send `present`, but only for their own booth: for this booth it has no effect, checked
 * by what a watcher sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { clientMessageNames, type ClientMessageName, type ClientPayloadInput, type ServerPayload } from '../../shared/messages';
import { JoinError, NoticeCode, ROOM_HALL } from '../../shared/protocol';
import { HallState } from '../../shared/schema/HallState';
import { getLayout } from '../../shared/halls';
import { joinHall, joinOptions, type TestVisitor } from '../fixtures/visitor';
import { waitFor } from '../fixtures/wait';
import { registerVisitor, startHarness, type Harness } from './apiHarness';
import { MATRIX_ROLES, MESSAGE_MATRIX, renderMatrix, type MatrixRole } from './authMatrix';
import fs from 'node:fs';
import { routes } from '../../shared/api/routes';

let h: Harness;
const cookies: Partial<Record<MatrixRole, string>> = {};
const slotA = getLayout('gulangyu').boothSlots[0].id;

beforeAll(async () => {
  h = await startHarness();
  cookies.member = h.cookies.member;
  cookies.staffHere = h.cookies.exhibitorA;
  cookies.staffOther = h.cookies.exhibitorB;
  cookies.organizer = h.cookies.organizer;
  for (const [role, boothId] of [
    ['exhibitorA', h.a.boothId],
    ['exhibitorB', h.b.boothId],
  ] as const) {
    expect((await h.call(role, 'setDuty', { params: { boothId }, body: { onDuty: true } })).status).toBe(200);
  }
  // a moderator, invited by the organizer
  const inv = await h.call('organizer', 'createModeratorInvite', { body: {} });
  const accepted = await fetch(`${h.server.httpUrl}/api/auth/moderator-invites/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: inv.json.token, email: 'msg-matrix-mod@ludao.example', displayName: 'Mod', password: 'long-enough-pass' }),
  });
  expect(accepted.status).toBe(201);
  cookies.moderator = (accepted.headers.get('set-cookie') ?? '').split(';')[0];
  // a visitor account under a live ban
  cookies.banned = await registerVisitor(h, 'Banned');
  const me = (await h.raw('GET', '/api/auth/me', { headers: { cookie: cookies.banned } })).json.user.id as string;
  await h.server.app.expo.repos.moderation.addSanction({
    kind: 'ban',
    keys: [`a:${me}`],
    minutes: null,
    targetName: 'Banned',
    hallId: 'gulangyu',
    createdBy: null,
  });
}, 60_000);

afterAll(async () => {
  await h?.stop();
});

const headersOf = (role: MatrixRole) => (cookies[role] ? { cookie: cookies[role]! } : undefined);

/** A well-formed payload per message (a bad one would be struck for its shape, not its sender). */
function sample<N extends ClientMessageName>(name: N, ctx: { lineId: number; victim: string }): ClientPayloadInput<N> {
  const all: { [M in ClientMessageName]: ClientPayloadInput<M> } = {
    move: { x: 0.2, z: 0.1, ry: 0, moving: true },
    chat: { text: '大家好' },
    react: { slotId: slotA, kind: 'like' },
    present: { slotId: slotA, item: { kind: 'brochure', page: 2 } },
    clock: { t0: 1 },
    report: { target: { kind: 'line', lineId: ctx.lineId }, reason: 'spam' },
    moderate: { target: { kind: 'person', sessionId: ctx.victim }, action: 'mute', minutes: 1 },
    qaAsk: { text: '下一场讲什么？' },
    qaVote: { questionId: 'abcdef123456' },
    tour: { action: 'start', mode: 'guide' },
    voice: { kind: 'on' },
  };
  return all[name] as ClientPayloadInput<N>;
}

/** Sends `name` as a fresh visitor of `role`; resolves 'allowed' or 'refused' once a clock answer shows the server has read it. */
async function verdict(role: MatrixRole, name: ClientMessageName, ctx: { lineId: number; victim: string }): Promise<'allowed' | 'refused'> {
  const v = await joinHall(h.server.wsUrl, { name: `${role}-${name}` }, headersOf(role));
  try {
    const echoed: number[] = [];
    v.room.onMessage('clock', (m: ServerPayload<'clock'>) => echoed.push(m.t0));
    v.room.send(name, sample(name, ctx));
    v.room.send('clock', { t0: 777 });
    await waitFor(() => (echoed.includes(777) ? true : null), 5000, `the clock answer after ${name} from ${role}`);
    return v.inbox.notices.some((n) => n.code === NoticeCode.invalidMessage) ? 'refused' : 'allowed';
  } finally {
    await v.room.leave(true);
  }
}

describe('room message × role matrix', () => {
  let victim: TestVisitor;
  let lineId = 0;
  beforeAll(async () => {
    // someone to report and to moderate: a guest with a line in the chat
    victim = await joinHall(h.server.wsUrl, { name: '被举报的人' });
    victim.room.send('chat', { text: '一句会被举报的话' });
    const watcher = await joinHall(h.server.wsUrl, { name: '旁观者' });
    lineId = (
      await waitFor(
        () => watcher.inbox.history?.find((m) => m.text === '一句会被举报的话') ?? watcher.inbox.chats.find((m) => m.text === '一句会被举报的话') ?? null,
        5000,
        'the line',
      )
    ).id;
    await watcher.room.leave(true);
  });
  afterAll(async () => {
    await victim?.room.leave(true);
  });

  it('covers every message of the registry', () => {
    expect(Object.keys(MESSAGE_MATRIX).sort()).toEqual([...clientMessageNames].sort());
  });

  it('is printed in the README as it stands (regenerate: npx tsx tests/integration/authMatrix.ts)', () => {
    expect(fs.readFileSync('README.md', 'utf8').replace(/\r\n/g, '\n')).toContain(renderMatrix(routes));
  });

  for (const name of clientMessageNames) {
    it(`${name}: each role as the matrix says`, async () => {
      const got: Partial<Record<MatrixRole, string>> = {};
      const want: Partial<Record<MatrixRole, string>> = {};
      for (const role of MATRIX_ROLES) {
        const cell = MESSAGE_MATRIX[name][role];
        want[role] = cell;
        if (role === 'banned') {
          got[role] = await joinRefused(cookies.banned!);
          continue;
        }
        const v = await verdict(role, name, { lineId, victim: victim.id });
        // 'own booth only': taken without a strike, and without effect on another booth (checked below)
        got[role] = cell === 'own booth' && v === 'allowed' ? 'own booth' : v;
      }
      expect(got).toEqual(want);
    });
  }

  it('present from the staff of another booth has no effect on this booth; from this booth it shows', async () => {
    const watcher = await joinHall(h.server.wsUrl, { name: '展台前的访客' });
    const seen: ServerPayload<'presenting'>[] = [];
    watcher.room.onMessage('presenting', (m: ServerPayload<'presenting'>) => seen.push(m));
    const other = await joinHall(h.server.wsUrl, { name: '别家展商' }, headersOf('staffOther'));
    other.room.send('present', { slotId: slotA, item: { kind: 'brochure', page: 7 } });
    const own = await joinHall(h.server.wsUrl, { name: '本家展商' }, headersOf('staffHere'));
    own.room.send('present', { slotId: slotA, item: { kind: 'brochure', page: 3 } });
    await waitFor(() => seen.find((m) => m.item?.kind === 'brochure') ?? null, 5000, 'the own booth’s presentation');
    expect(seen.filter((m) => m.item?.kind === 'brochure' && m.item.page === 7)).toEqual([]);
    for (const v of [watcher, other, own]) await v.room.leave(true);
  });
});

/** A banned account cannot even take a seat: every message is out of reach. */
async function joinRefused(cookie: string): Promise<string> {
  const client = new Client(h.server.wsUrl);
  client.http.headers = { ...client.http.headers, cookie };
  try {
    const room = await client.joinOrCreate(ROOM_HALL, joinOptions({ name: 'Banned' }), HallState);
    await room.leave(true);
    return 'allowed';
  } catch (err) {
    return String((err as Error).message).includes(JoinError.banned) ? 'no seat' : `error: ${(err as Error).message}`;
  }
}
