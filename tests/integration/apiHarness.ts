/**
 * Shared set-up for the API suites: a real server with a migrated database, one expo with two
 * exhibitors (A and B), their staff accounts and an organizer, and a client that calls routes from
 * the shared table as a given role.
 */
import sharp from 'sharp';
import { routes, routePath, type RouteName } from '../../shared/api/routes';
import { startServer, type TestServer } from '../fixtures/server';
import type { Logger } from '../../server/lib/logger';
import { hashPassword } from '../../server/auth/password';
import { brochurePdf } from '../../server/seed/pdf';
import { productModel } from '../../server/seed/models';

/** visitor: anonymous; member: a signed-in visitor account (issue #10) */
export type Role = 'visitor' | 'member' | 'exhibitorA' | 'exhibitorB' | 'organizer';
export const PASSWORD = 'correct-horse-battery';
export const EMAILS: Record<Exclude<Role, 'visitor'>, string> = {
  exhibitorA: 'a@staff.example',
  exhibitorB: 'b@staff.example',
  organizer: 'org@ludao.example',
  member: 'member@visitor.example',
};

export interface Harness {
  server: TestServer;
  expoId: string;
  a: { exhibitorId: string; boothId: string };
  b: { exhibitorId: string; boothId: string };
  cookies: Record<Role, string>;
  call(role: Role, name: RouteName, opts?: CallOpts): Promise<Res>;
  raw(method: string, path: string, init?: { headers?: Record<string, string>; body?: BodyInit; role?: Role }): Promise<Res>;
  stop(): Promise<void>;
}

export interface CallOpts {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  file?: { data: Buffer; name: string; type?: string };
  headers?: Record<string, string>;
}

export interface Res {
  status: number;
  headers: Headers;
  text: string;
  // Tests read fields of many different answers (and of refusals); the routes' own schemas are
  // checked by the OpenAPI and client tests, so `any` here saves a cast per line, not a check.
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

async function toRes(r: Response): Promise<Res> {
  const text = await r.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: r.status, headers: r.headers, text, json };
}

export async function startHarness(env: Record<string, string> = {}, opts: { logger?: Logger } = {}): Promise<Harness> {
  // A generous per-address login budget: every role signs in from 127.0.0.1.
  const server = await startServer({ LOGIN_IP_BURST: '500', ...env }, { logger: opts.logger });
  const s = server.app.expo;
  await s.prepare();
  const r = s.repos;
  const expo = await r.expos.create({
    slug: 'api-test',
    name: { zh: '测试博览会', en: 'Test Expo' },
    isDemo: false,
    active: true,
    halls: ['gulangyu', 'shapowei'],
  });
  const { getLayout } = await import('../../shared/halls');
  const [slotA, slotB] = getLayout('gulangyu').boothSlots;
  const a = await r.exhibitors.create({
    expoId: expo.id,
    name: { zh: '甲科技', en: 'Alpha Tech' },
    industry: 'ai',
    park: 'torch',
    hallId: 'gulangyu',
    slotId: slotA.id,
    template: 'kiosk',
  });
  const b = await r.exhibitors.create({
    expoId: expo.id,
    name: { zh: '乙科技', en: 'Beta Tech' },
    industry: 'xr',
    park: 'software_park',
    hallId: 'gulangyu',
    slotId: slotB.id,
    template: 'island',
  });
  const hash = await hashPassword(PASSWORD);
  await r.users.create({ email: EMAILS.exhibitorA, passwordHash: hash, role: 'exhibitor', exhibitorId: a.exhibitorId, displayName: 'A' });
  await r.users.create({ email: EMAILS.exhibitorB, passwordHash: hash, role: 'exhibitor', exhibitorId: b.exhibitorId, displayName: 'B' });
  await r.users.create({ email: EMAILS.organizer, passwordHash: hash, role: 'organizer', exhibitorId: null, displayName: 'Org' });
  const member = await r.users.create({ email: EMAILS.member, passwordHash: hash, role: 'visitor', exhibitorId: null, displayName: 'M' });
  await r.leads.saveCard(member.id, {
    name: '林小鹭',
    company: '鹭岛科技',
    title: '经理',
    email: 'lin@visitor.example',
    phone: '+86 592 555 0101',
    wechat: 'lin_xl',
  });

  const cookies: Record<Role, string> = { visitor: '', member: '', exhibitorA: '', exhibitorB: '', organizer: '' };
  for (const role of ['member', 'exhibitorA', 'exhibitorB', 'organizer'] as const) {
    const res = await fetch(`${server.httpUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EMAILS[role], password: PASSWORD }),
    });
    if (res.status !== 200) throw new Error(`login ${role}: ${res.status} ${await res.text()}`);
    cookies[role] = (res.headers.get('set-cookie') ?? '').split(';')[0];
  }

  const raw: Harness['raw'] = async (method, path, init = {}) => {
    const headers: Record<string, string> = { ...(init.headers ?? {}) };
    if (init.role && cookies[init.role]) headers.cookie = cookies[init.role];
    return toRes(await fetch(`${server.httpUrl}${path}`, { method, headers, body: init.body }));
  };

  const call: Harness['call'] = async (role, name, opts = {}) => {
    const def = routes[name];
    let path = routePath(def.path, opts.params);
    if (opts.query) path += `?${new URLSearchParams(opts.query)}`;
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    let body: BodyInit | undefined;
    if (opts.file) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(opts.file.data)], { type: opts.file.type ?? 'application/octet-stream' }), opts.file.name);
      body = form;
    } else if (opts.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(opts.body);
    }
    return raw(def.method.toUpperCase(), path, { headers, body, role });
  };

  return { server, expoId: expo.id, a, b, cookies, call, raw, stop: () => server.stop() };
}

// ---- sample files ----

/** The password of every visitor account `registerVisitor` makes. */
export const VISITOR_PASSWORD = 'long-enough-pass';

/** Signs up a new visitor account through the API; returns its session cookie (`name=value`). */
export async function registerVisitor(h: Harness, displayName: string): Promise<string> {
  const res = await fetch(`${h.server.httpUrl}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: `${Date.now()}-${Math.random().toString(36).slice(2)}@visitor.example`, password: VISITOR_PASSWORD, displayName }),
  });
  if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

export async function png(width = 64, height = 48, color = '#d6336c'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}

export async function jpegWithExif(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: '#0d3b57' } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'secret-location-data', Artist: 'someone' } })
    .toBuffer();
}

function box(type: string, payload: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(8 + payload.length, 0);
  head.write(type, 4, 'latin1');
  return Buffer.concat([head, payload]);
}

/** A structurally valid (if content-free) MP4: ftyp, moov, mdat. */
export function mp4(opts: { moov?: boolean } = {}): Buffer {
  const ftyp = box('ftyp', Buffer.concat([Buffer.from('isom', 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2avc1mp41', 'latin1')]));
  const moov = box('moov', box('mvhd', Buffer.alloc(100)));
  const mdat = box('mdat', Buffer.alloc(256, 7));
  return Buffer.concat(opts.moov === false ? [ftyp, mdat] : [ftyp, moov, mdat]);
}

export const pdf = () => brochurePdf('Test brochure', ['Line one', 'Line two'], '#0d3b57');
export const glb = () => productModel('speaker', '#0d3b57', '#f2b63d');
