/**
 * The agenda's routes × roles (issue #11), as cases for the API matrix: api.test.ts runs them with
 * every other route, agenda.test.ts runs them on its own server. Roles: a guest ('visitor'), a
 * visitor account ('member'), the staff of two booths and an organizer. Each request is made right
 * before its role's call, so a create or a delete always has something fresh to work on.
 */
import type { RouteName } from '../../shared/api/routes';
import type { CallOpts, Harness, Role } from './apiHarness';
import { mp4, png } from './apiHarness';
import { VTT } from '../fixtures/agendaFiles';

export type Expect = Record<Role, number>;
export interface Case {
  route: RouteName;
  expect: Expect;
  req: (role: Role) => Promise<CallOpts> | CallOpts;
}

const PUBLIC = (status = 200): Expect => ({ visitor: status, member: status, exhibitorA: status, exhibitorB: status, organizer: status });
const ORG = (ok = 200): Expect => ({ visitor: 401, member: 403, exhibitorA: 403, exhibitorB: 403, organizer: ok });
const MEMBER = (ok = 200): Expect => ({ visitor: 401, member: ok, exhibitorA: 403, exhibitorB: 403, organizer: 403 });

const H = 3600_000;
/** Each session the cases make gets an hour of its own, a month ahead (so no two ever overlap). */
let hour = 0;
const nextHour = () => Date.now() + 30 * 24 * H + ++hour * H;
const NOBODY = 'aaaaaaaaaaaaaaaa';

export function sessionBody(startsAt = nextHour(), over: Record<string, unknown> = {}) {
  return {
    hallId: 'gulangyu',
    kind: 'talk',
    title: { zh: '矩阵讲座', en: 'Matrix talk' },
    description: { zh: '', en: '' },
    speakers: [],
    tags: [],
    startsAt,
    endsAt: startsAt + 45 * 60_000,
    ...over,
  };
}

export function agendaCases(harness: () => Harness): Case[] {
  /** A session made straight in the database (the create route has its own case). */
  const fresh = async () => {
    const h = harness();
    const expo = (await h.server.app.expo.repos.expos.getActive())!;
    const startsAt = nextHour();
    const r = await h.server.app.expo.repos.agenda.create(expo.id, {
      hallId: 'gulangyu',
      kind: 'talk',
      title: { zh: '场次', en: 'Session' },
      description: { zh: '', en: '' },
      speakers: [],
      tags: [],
      startsAt,
      endsAt: startsAt + 30 * 60_000,
      videoMediaId: null,
      captionsMediaId: null,
      liveName: null,
    });
    return r.row.id;
  };
  let shared = '';
  const one = async () => (shared ||= await fresh());

  return [
    { route: 'agenda', expect: PUBLIC(), req: () => ({ query: { hall: 'gulangyu' } }) },
    { route: 'agendaSession', expect: PUBLIC(), req: async () => ({ params: { sessionId: await one() } }) },
    { route: 'agendaSessionIcs', expect: PUBLIC(), req: async () => ({ params: { sessionId: await one() } }) },
    { route: 'agendaCalendar', expect: PUBLIC(), req: async () => ({ query: { sessions: `${await one()},${NOBODY}` } }) },
    { route: 'myStars', expect: MEMBER(), req: () => ({}) },
    { route: 'mergeStars', expect: MEMBER(), req: async () => ({ body: { sessionIds: [await one(), NOBODY] } }) },
    { route: 'starSession', expect: MEMBER(), req: async () => ({ params: { sessionId: await one() } }) },
    { route: 'unstarSession', expect: MEMBER(), req: async () => ({ params: { sessionId: await one() } }) },
    { route: 'organizerAgenda', expect: ORG(), req: () => ({}) },
    { route: 'createAgendaSession', expect: ORG(201), req: () => ({ body: sessionBody() }) },
    {
      route: 'updateAgendaSession',
      expect: ORG(),
      req: async (role) => ({ params: { sessionId: role === 'organizer' ? await fresh() : NOBODY }, body: sessionBody() }),
    },
    { route: 'deleteAgendaSession', expect: ORG(), req: async (role) => ({ params: { sessionId: role === 'organizer' ? await fresh() : NOBODY } }) },
    { route: 'uploadAgendaPhoto', expect: ORG(201), req: async () => ({ file: { data: await png(), name: 'speaker.png' } }) },
    { route: 'uploadAgendaVideo', expect: ORG(201), req: () => ({ file: { data: mp4(), name: 'film.mp4' } }) },
    { route: 'uploadAgendaCaptions', expect: ORG(201), req: () => ({ file: { data: Buffer.from(VTT), name: 'film.vtt' } }) },
  ];
}

/** Event streams stay open, so the matrix leaves them out; agenda.test.ts checks this one for every role. */
export const AGENDA_STREAMS: RouteName[] = ['agendaEvents'];
