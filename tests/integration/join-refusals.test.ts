/** Joins the server must refuse before any seat or room exists, each with a code the client can translate. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from 'colyseus.js';
import { PROTOCOL_VERSION, ROOM_HALL, JoinError } from '../../shared/protocol';
import { HallState } from '../../shared/schema/HallState';
import { startServer, type TestServer } from '../fixtures/server';
import { joinHall, joinOptions, leaveAll } from '../fixtures/visitor';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function refusal(options: unknown): Promise<Error & { code?: number }> {
  const client = new Client(server.wsUrl);
  try {
    const room = await client.joinOrCreate<HallState>(ROOM_HALL, options as object, HallState);
    await room.leave(true);
  } catch (err) {
    return err as Error & { code?: number };
  }
  throw new Error(`join with ${JSON.stringify(options)} was accepted`);
}

async function health(): Promise<{ rooms: number; visitors: number }> {
  return (await fetch(`${server.httpUrl}/api/health`)).json();
}

describe('join refusals', () => {
  it.each([
    ['blank', 'empty', '   '],
    ['empty', 'empty', ''],
    ['a newline', 'control_chars', 'Ali\nce'],
    ['a NUL', 'control_chars', 'a\u0000b'],
    ['a bidi override', 'control_chars', 'abc\u202Egpj.exe'],
    ['a zero-width space', 'control_chars', 'a\u200Bb'],
    ['25 characters', 'too_long', 'x'.repeat(25)],
    ['25 Chinese characters', 'too_long', '鹭'.repeat(25)],
  ])('refuses a name with %s (bad_name:%s)', async (_what, problem, name) => {
    const err = await refusal(joinOptions({ name }));
    expect(err.message.startsWith(JoinError.badName)).toBe(true);
    expect(err.message).toBe(`${JoinError.badName}:${problem}`);
  });

  it('refuses an older or newer protocol with outdated_client, whatever else is wrong', async () => {
    for (const protocol of [PROTOCOL_VERSION - 1, PROTOCOL_VERSION + 1]) {
      const err = await refusal(joinOptions({ protocol }));
      expect(err.message.startsWith(JoinError.outdated)).toBe(true);
    }
    // No version at all (a client from before versioning) is outdated too, even with other junk.
    const { protocol: _p, ...noVersion } = joinOptions({ name: '' });
    expect((await refusal(noVersion)).message.startsWith(JoinError.outdated)).toBe(true);
  });

  it('refuses an unknown hall with unknown_hall', async () => {
    const err = await refusal(joinOptions({ hallId: 'atlantis' }));
    expect(err.message.startsWith(JoinError.unknownHall)).toBe(true);
  });

  it('refuses malformed options with bad_options', async () => {
    for (const bad of [
      joinOptions({ color: 99 }),
      joinOptions({ style: -1 }),
      joinOptions({ hallId: '../etc' }),
      { ...joinOptions(), name: 42 },
      { protocol: PROTOCOL_VERSION },
    ]) {
      const err = await refusal(bad);
      expect(err.message.startsWith(JoinError.badOptions)).toBe(true);
    }
  });

  it('creates no room and holds no seat for refused joins', async () => {
    expect(await health()).toMatchObject({ rooms: 0, visitors: 0 });
    await refusal(joinOptions({ name: '' }));
    await refusal(joinOptions({ hallId: 'atlantis' }));
    expect(await health()).toMatchObject({ rooms: 0, visitors: 0 });
    // ...and a good join still works afterwards.
    const v = await joinHall(server.wsUrl, { name: 'Fine' });
    expect(await health()).toMatchObject({ rooms: 1, visitors: 1 });
    await leaveAll(v);
  });
});
