/**
 * Every API route with each role: a visitor, the staff of this booth (A), the staff of another
 * booth (B) and an organizer. Plus: bad requests get a 4xx with a message (never a 500), the OpenAPI
 * document describes every route, booth changes reach the hall's event stream, and logins are throttled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, routePath, type RouteDef, type RouteName } from '../../shared/api/routes';
import { EMAILS, PASSWORD, glb, mp4, pdf, png, registerVisitor, startHarness, type CallOpts, type Harness, type Res, type Role } from './apiHarness';
import { waitFor } from '../fixtures/wait';
import { AGENDA_STREAMS, agendaCases } from './agendaCases';
import { ACCESS_MATRIX, MATRIX_ROLES, type MatrixRole, type RouteCell } from './authMatrix';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 60_000);
afterAll(async () => {
  await h?.stop();
});

type Expect = Record<Role, number>;
const PUBLIC = (status = 200): Expect => ({ visitor: status, member: status, exhibitorA: status, exhibitorB: status, organizer: status });
const SESSION: Expect = { visitor: 401, member: 200, exhibitorA: 200, exhibitorB: 200, organizer: 200 };
const BOOTH = (ok = 200, org = ok): Expect => ({ visitor: 401, member: 403, exhibitorA: ok, exhibitorB: 403, organizer: org });
const ORG = (ok = 200): Expect => ({ visitor: 401, member: 403, exhibitorA: 403, exhibitorB: 403, organizer: ok });
/** the booth's own staff only: organizers see counts, never cards */
const STAFF = (ok = 200): Expect => ({ visitor: 401, member: 403, exhibitorA: ok, exhibitorB: 403, organizer: 403 });
/** a signed-in visitor account only */
const MEMBER = (ok = 200, others = 403): Expect => ({ visitor: 401, member: ok, exhibitorA: others, exhibitorB: others, organizer: others });

interface Case {
  route: RouteName;
  expect: Expect;
  /** request for a role; runs right before that role's call, so it can create what the call consumes */
  req: (role: Role) => Promise<CallOpts> | CallOpts;
}

const booth = () => ({ boothId: h.a.boothId });
async function product(): Promise<string> {
  // Stay under the per-booth product limit however many cases ran before.
  const repo = h.server.app.expo.repos.booths;
  const rec = await repo.get(h.a.boothId);
  for (const p of rec!.products.slice(0, Math.max(0, rec!.products.length - 6))) await repo.deleteProduct(h.a.boothId, p.row.id);
  const { productId } = await h.server.app.expo.repos.booths.addProduct(h.a.boothId, { name: { zh: '品', en: 'P' }, description: { zh: '', en: '' } });
  return productId;
}
async function image(): Promise<string> {
  const r = await h.call('organizer', 'addImage', { params: booth(), file: { data: await png(), name: 'x.png' } });
  return r.json.images.at(-1).id;
}
let exhibitorToDelete = '';

const cases: Case[] = [
  { route: 'health', expect: PUBLIC(), req: () => ({}) },
  { route: 'openapi', expect: PUBLIC(), req: () => ({}) },
  { route: 'expo', expect: PUBLIC(), req: () => ({}) },
  { route: 'hallBooths', expect: PUBLIC(), req: () => ({ query: { hall: 'gulangyu' } }) },
  { route: 'directory', expect: PUBLIC(), req: () => ({ query: { q: 'tech' } }) },
  { route: 'booth', expect: PUBLIC(), req: () => ({ params: booth() }) },
  { route: 'inviteInfo', expect: PUBLIC(404), req: () => ({ params: { token: 'x'.repeat(43) } }) },
  {
    route: 'acceptInvite',
    expect: PUBLIC(404),
    req: () => ({ body: { token: 'y'.repeat(43), email: 'n@x.example', displayName: 'N', password: 'long-enough-pass' } }),
  },
  { route: 'me', expect: SESSION, req: () => ({}) },
  { route: 'updateBooth', expect: BOOTH(), req: (role) => ({ params: booth(), body: { title: { zh: `标题 ${role}`, en: `Title ${role}` } } }) },
  { route: 'uploadLogo', expect: BOOTH(), req: async () => ({ params: booth(), file: { data: await png(), name: 'logo.png', type: 'image/png' } }) },
  { route: 'deleteLogo', expect: BOOTH(), req: () => ({ params: booth() }) },
  { route: 'addImage', expect: BOOTH(201), req: async () => ({ params: booth(), file: { data: await png(), name: 'pic.png' } }) },
  {
    route: 'deleteImage',
    expect: BOOTH(),
    req: async (role) => ({ params: { ...booth(), itemId: role === 'exhibitorA' || role === 'organizer' ? await image() : 'aaaaaaaaaaaaaaaa' } }),
  },
  { route: 'uploadVideo', expect: BOOTH(), req: () => ({ params: booth(), file: { data: mp4(), name: 'v.mp4' } }) },
  { route: 'deleteVideo', expect: BOOTH(), req: () => ({ params: booth() }) },
  { route: 'uploadBrochure', expect: BOOTH(), req: () => ({ params: booth(), file: { data: pdf(), name: 'b.pdf' } }) },
  { route: 'deleteBrochure', expect: BOOTH(), req: () => ({ params: booth() }) },
  { route: 'addProduct', expect: BOOTH(201), req: () => ({ params: booth(), body: { name: { zh: '新品', en: 'New' }, description: { zh: '', en: '' } } }) },
  {
    route: 'updateProduct',
    expect: BOOTH(),
    req: async () => ({ params: { ...booth(), itemId: await product() }, body: { name: { zh: '改', en: 'Edited' }, description: { zh: '说明', en: 'Text' } } }),
  },
  { route: 'deleteProduct', expect: BOOTH(), req: async () => ({ params: { ...booth(), itemId: await product() } }) },
  {
    route: 'uploadProductImage',
    expect: BOOTH(),
    req: async () => ({ params: { ...booth(), itemId: await product() }, file: { data: await png(), name: 'p.png' } }),
  },
  {
    route: 'uploadProductModel',
    expect: BOOTH(),
    req: async () => ({ params: { ...booth(), itemId: await product() }, file: { data: glb(), name: 'm.glb' } }),
  },
  { route: 'deleteProductModel', expect: BOOTH(), req: async () => ({ params: { ...booth(), itemId: await product() } }) },
  // Duty is for the booth's own staff; an organizer is not staff.
  { route: 'setDuty', expect: BOOTH(200, 403), req: () => ({ params: booth(), body: { onDuty: true } }) },
  { route: 'organizerExhibitors', expect: ORG(), req: () => ({}) },
  {
    route: 'createExhibitor',
    expect: ORG(201),
    req: () => ({ body: { name: { zh: '丙', en: 'Gamma' }, industry: 'fintech', park: 'ftz', hallId: 'shapowei', slotId: null, template: 'pavilion' } }),
  },
  {
    route: 'deleteExhibitor',
    expect: ORG(),
    req: async (role) => {
      if (role === 'organizer') {
        const e = await h.server.app.expo.repos.exhibitors.create({
          expoId: h.expoId,
          name: { zh: '删', en: 'Del' },
          industry: 'ai',
          park: 'other',
          hallId: 'shapowei',
          slotId: null,
          template: 'kiosk',
        });
        exhibitorToDelete = e.exhibitorId;
      }
      return { params: { exhibitorId: exhibitorToDelete || 'aaaaaaaaaaaa' } };
    },
  },
  {
    route: 'placeBooth',
    expect: ORG(),
    req: () => ({ params: { boothId: h.b.boothId }, body: { hallId: 'gulangyu', slotId: h.server.app.expo.repos && 'x' ? slotOf(2) : null } }),
  },
  { route: 'createInvite', expect: ORG(201), req: () => ({ params: { exhibitorId: h.a.exhibitorId }, body: { email: '' } }) },
  { route: 'announce', expect: ORG(), req: () => ({ body: { hallId: 'gulangyu', text: '展会将于 18:00 闭馆' } }) },
  { route: 'slots', expect: ORG(), req: () => ({ query: { hall: 'gulangyu' } }) },
  {
    route: 'register',
    expect: PUBLIC(201),
    req: (role) => ({ body: { email: `new-${role}-${Date.now()}@visitor.example`, password: 'long-enough-pass', displayName: '新访客' } }),
  },
  { route: 'myCard', expect: MEMBER(), req: () => ({}) },
  {
    route: 'saveCard',
    expect: MEMBER(),
    req: () => ({ body: { name: '林小鹭', company: '鹭岛科技', email: 'lin@visitor.example', phone: '+86 592 555 0101' } }),
  },
  { route: 'myConsents', expect: MEMBER(), req: () => ({}) },
  { route: 'cardNotice', expect: PUBLIC(), req: () => ({ params: { boothId: h.b.boothId } }) },
  {
    route: 'leaveCard',
    expect: MEMBER(201),
    req: async () => {
      const n = (await h.call('visitor', 'cardNotice', { params: { boothId: h.b.boothId } })).json;
      return { body: { boothId: h.b.boothId, fields: ['email'], noticeVersion: n.version, noticeHash: n.hash, agree: true, idempotencyKey: 'matrix-key-1' } };
    },
  },
  {
    route: 'withdrawConsent',
    expect: MEMBER(),
    req: async (role) => {
      if (role !== 'member') return { params: { consentId: 'aaaaaaaaaaaaaaaa' } };
      const list = (await h.call('member', 'myConsents')).json;
      return { params: { consentId: list.consents[0].id } };
    },
  },
  { route: 'myData', expect: MEMBER(), req: () => ({}) },
  { route: 'askStaff', expect: MEMBER(201), req: () => ({ body: { boothId: h.a.boothId, text: '请问有样品吗？' } }) },
  { route: 'myConversations', expect: MEMBER(), req: () => ({}) },
  { route: 'visitorReply', expect: MEMBER(201), req: async (role) => ({ params: { conversationId: await conversationId(role) }, body: { text: '谢谢' } }) },
  { route: 'visitorRead', expect: MEMBER(), req: async (role) => ({ params: { conversationId: await conversationId(role) } }) },
  { route: 'boothConversations', expect: STAFF(), req: () => ({ params: booth() }) },
  {
    route: 'staffReply',
    expect: STAFF(201),
    req: async () => ({ params: { ...booth(), conversationId: await conversationId('member') }, body: { text: '有的' } }),
  },
  { route: 'staffRead', expect: STAFF(), req: async () => ({ params: { ...booth(), conversationId: await conversationId('member') } }) },
  // this server has no SMS provider (leads.test.ts runs one): 503 says so
  { route: 'phoneCode', expect: MEMBER(503), req: () => ({ body: { phone: '+8613900000000' } }) },
  { route: 'phoneVerify', expect: MEMBER(410), req: () => ({ body: { code: '123456' } }) },
  // the shared member account stays: a wrong password (leads.test.ts deletes an account for real)
  { route: 'deleteAccount', expect: MEMBER(403), req: () => ({ body: { password: 'not-the-password' } }) },
  { route: 'leads', expect: STAFF(), req: () => ({ params: booth(), query: { q: '林' } }) },
  {
    route: 'updateLead',
    expect: STAFF(404),
    req: () => ({ params: { ...booth(), leadId: 'aaaaaaaaaaaaaaaa' }, body: { rating: 'hot' } }),
  },
  { route: 'exportLeads', expect: STAFF(), req: () => ({ params: booth(), query: { format: 'csv' } }) },
  { route: 'meetingSlots', expect: PUBLIC(), req: () => ({ params: booth() }) },
  {
    route: 'addMeetingSlot',
    expect: STAFF(201),
    req: async () => ({ params: booth(), body: { startsAt: await nextStart(), minutes: 30, mode: 'video', videoUrl: 'https://meet.alpha.example/room' } }),
  },
  {
    route: 'withdrawMeetingSlot',
    expect: STAFF(),
    req: async (role) => ({ params: { ...booth(), slotId: role === 'exhibitorA' ? await freeSlot() : 'aaaaaaaaaaaaaaaa' } }),
  },
  { route: 'boothMeetings', expect: STAFF(), req: () => ({ params: booth() }) },
  { route: 'bookMeeting', expect: MEMBER(201), req: async (role) => ({ body: { slotId: role === 'member' ? await freeSlot() : 'aaaaaaaaaaaaaaaa' } }) },
  { route: 'myMeetings', expect: MEMBER(), req: () => ({}) },
  {
    route: 'rescheduleMyMeeting',
    expect: MEMBER(),
    req: async (role) => ({ params: { meetingId: await memberMeeting(role) }, body: { slotId: role === 'member' ? await freeSlot() : 'aaaaaaaaaaaaaaaa' } }),
  },
  { route: 'myMeetingIcs', expect: MEMBER(), req: async (role) => ({ params: { meetingId: await memberMeeting(role) } }) },
  { route: 'cancelMyMeeting', expect: MEMBER(), req: async (role) => ({ params: { meetingId: await memberMeeting(role) } }) },
  {
    route: 'staffRescheduleMeeting',
    expect: STAFF(),
    req: async (role) => ({
      params: { ...booth(), meetingId: await boothMeeting(role) },
      body: { slotId: role === 'exhibitorA' ? await freeSlot() : 'aaaaaaaaaaaaaaaa' },
    }),
  },
  { route: 'boothMeetingIcs', expect: STAFF(), req: async (role) => ({ params: { ...booth(), meetingId: await boothMeeting(role) } }) },
  { route: 'staffCancelMeeting', expect: STAFF(), req: async (role) => ({ params: { ...booth(), meetingId: await boothMeeting(role) } }) },
  { route: 'leadCounts', expect: ORG(), req: () => ({}) },
  { route: 'expoEnd', expect: ORG(), req: () => ({ body: { endsAt: null } }) },
  // analytics (analytics.test.ts checks the figures, the redirects and that B never reads A's)
  { route: 'boothAnalytics', expect: BOOTH(), req: () => ({ params: booth() }) },
  { route: 'boothAnalyticsExport', expect: BOOTH(), req: () => ({ params: booth(), query: { bucket: '1h' } }) },
  { route: 'expoAnalytics', expect: ORG(), req: () => ({}) },
  { route: 'expoAnalyticsExport', expect: ORG(), req: () => ({}) },
  { route: 'hallHeatmap', expect: ORG(), req: () => ({ query: { hall: 'gulangyu' } }) },
  // the live dashboard (dashboard.test.ts checks its figures and its stream)
  { route: 'dashboard', expect: ORG(), req: () => ({}) },
  { route: 'dashboardExport', expect: ORG(), req: () => ({}) },
  { route: 'brochureDownload', expect: PUBLIC(404), req: () => ({ params: { boothId: 'aaaaaaaaaaaaaaaa' } }) },
  { route: 'websiteVisit', expect: PUBLIC(404), req: () => ({ params: { boothId: 'aaaaaaaaaaaaaaaa' } }) },
  // the sensitive-word list (wordList.test.ts checks the filter itself)
  { route: 'wordList', expect: ORG(), req: () => ({}) },
  { route: 'addWords', expect: ORG(201), req: (role) => ({ body: { words: [`matrix ${role}`] } }) },
  { route: 'removeWord', expect: ORG(404), req: () => ({ params: { wordId: 'aaaaaaaaaaaaaaaa' } }) },
  { route: 'checkWords', expect: ORG(), req: () => ({ body: { text: '你好 hello' } }) },
  // moderation (issue #11; moderation.test.ts checks what each does, the block below the moderator and banned roles)
  { route: 'device', expect: PUBLIC(), req: () => ({ body: {} }) },
  { route: 'moderationReports', expect: ORG(), req: () => ({ query: { status: 'open' } }) },
  { route: 'resolveReport', expect: ORG(404), req: () => ({ params: { reportId: 'aaaaaaaaaaaaaaaa' }, body: { action: 'dismiss' } }) },
  { route: 'sanctions', expect: ORG(), req: () => ({}) },
  { route: 'liftSanction', expect: ORG(404), req: () => ({ params: { sanctionId: 'aaaaaaaaaaaaaaaa' } }) },
  { route: 'hallModes', expect: ORG(), req: () => ({}) },
  { route: 'setHallMode', expect: ORG(), req: () => ({ params: { hallId: 'shapowei' }, body: { slowModeS: 0, chatOff: false, muteAll: false } }) },
  { route: 'auditLog', expect: ORG(), req: () => ({ query: { action: 'organizer.announce' } }) },
  // Q&A (issue #11; qaRoom.test.ts and qa.spec.ts check what the decisions do)
  { route: 'qaQueue', expect: ORG(), req: () => ({ query: { status: 'pending' } }) },
  { route: 'qaDecide', expect: ORG(404), req: () => ({ params: { questionId: 'aaaaaaaaaaaaaaaa' }, body: { decision: 'approve' } }) },
  { route: 'createModeratorInvite', expect: ORG(201), req: () => ({ body: {} }) },
  { route: 'moderatorInviteInfo', expect: PUBLIC(404), req: () => ({ params: { token: 'x'.repeat(43) } }) },
  {
    route: 'acceptModeratorInvite',
    expect: PUBLIC(404),
    req: () => ({ body: { token: 'y'.repeat(43), email: 'm@x.example', displayName: 'M', password: 'long-enough-pass' } }),
  },
  // entry rules (issue #11; entry.test.ts checks what each does, at join with real clients)
  { route: 'entryHalls', expect: PUBLIC(), req: () => ({}) },
  { route: 'entryCheck', expect: PUBLIC(), req: () => ({ params: { hallId: 'gulangyu' }, body: {} }) },
  { route: 'entrySettings', expect: ORG(), req: () => ({}) },
  { route: 'setEntryRule', expect: ORG(), req: () => ({ params: { scope: 'shapowei' }, body: { rule: 'inherit' } }) },
  { route: 'createEntryInvite', expect: ORG(201), req: () => ({ body: { hallId: 'gulangyu', label: 'Matrix' } }) },
  { route: 'revokeEntryInvite', expect: ORG(404), req: () => ({ params: { inviteId: 'aaaaaaaaaaaaaaaa' } }) },
  // the live auction (issue #12; auction.test.ts checks what each does)
  { route: 'placeBid', expect: MEMBER(), req: () => ({ body: { lotId: 'a'.repeat(16), amount: 100, key: 'matrix-bid-key' } }) },
  { route: 'auctionLots', expect: ORG(), req: () => ({}) },
  {
    route: 'createAuctionLot',
    expect: ORG(201),
    req: () => ({
      body: {
        hallId: 'shapowei',
        kind: 'charity',
        title: { zh: '拍品', en: 'Lot' },
        description: { zh: '说明', en: 'About' },
        startPrice: 100,
        increment: 10,
        opensAt: Date.now(),
        closesAt: Date.now() + 60_000,
      },
    }),
  },
  { route: 'exportAuctionBids', expect: ORG(404), req: () => ({ params: { lotId: 'a'.repeat(16) } }) },
  { route: 'deleteAuctionLot', expect: ORG(404), req: () => ({ params: { lotId: 'a'.repeat(16) } }) },
  { route: 'uploadAuctionPicture', expect: ORG(201), req: async () => ({ file: { data: await png(), name: 'lot.png' } }) },
  { route: 'sessionAuctionLots', expect: PUBLIC(), req: () => ({ params: { sessionId: 'a'.repeat(16) } }) },
  // souvenir certificates (issue #12; souvenirSuite.ts and souvenir-cli.test.ts check what each does)
  { route: 'souvenirKeys', expect: PUBLIC(), req: () => ({}) },
  { route: 'souvenirLedger', expect: PUBLIC(), req: () => ({}) },
  { route: 'verifySouvenir', expect: PUBLIC(), req: () => ({ params: { souvenirId: 'a'.repeat(20) } }) },
  { route: 'verifySouvenirDocument', expect: PUBLIC(), req: () => ({ body: { certificate: null, signature: '' } }) },
  { route: 'mySouvenirs', expect: MEMBER(), req: () => ({}) },
  // the agenda (issue #11; agenda.test.ts checks what each does, and its event stream for every role)
  ...agendaCases(() => h),
];

let layoutSlots: string[] = [];
function slotOf(i: number): string {
  return layoutSlots[i];
}

// event streams stay open: leads.test.ts checks their access and events
const NOT_IN_MATRIX: RouteName[] = [
  'login',
  'logout',
  'events',
  'leadEvents',
  'myEvents',
  'boothInboxEvents',
  'dashboardEvents',
  'moderationEvents',
  ...AGENDA_STREAMS,
];

/** Meeting slots at booth A for the matrix, each an hour after the last, so none clash. */
let slotHour = 0;
async function nextStart(): Promise<number> {
  return Date.now() + 24 * 3600_000 + ++slotHour * 3600_000;
}
async function freeSlot(): Promise<string> {
  const repos = h.server.app.expo.repos;
  const [staff] = await repos.meetings.staffOf(h.a.boothId);
  const startsAt = await nextStart();
  return (await repos.meetings.addSlot({ boothId: h.a.boothId, staffId: staff.id, startsAt, endsAt: startsAt + 30 * 60_000, mode: 'booth', videoUrl: null }))
    .id;
}
/** The member's live meeting at booth A (bookMeeting ran before; cancelMyMeeting ends it); others get an id that is nobody's. */
async function memberMeeting(role: Role): Promise<string> {
  if (role !== 'member') return 'aaaaaaaaaaaaaaaa';
  return (await h.call('member', 'myMeetings')).json.meetings.find((m: { status: string }) => m.status === 'booked').id;
}
/** A live booking at booth A for the staff cases: the member books one if none is live. */
async function boothMeeting(role: Role): Promise<string> {
  if (role !== 'exhibitorA') return 'aaaaaaaaaaaaaaaa';
  const live = (await h.call('member', 'myMeetings')).json.meetings.find((m: { status: string }) => m.status === 'booked');
  if (live) return live.id;
  return (await h.call('member', 'bookMeeting', { body: { slotId: await freeSlot() } })).json.id;
}

/** The member's conversation with booth A (askStaff ran before); other roles get an id that is nobody's. */
async function conversationId(role: Role): Promise<string> {
  if (role !== 'member') return 'aaaaaaaaaaaaaaaa';
  return (await h.call('member', 'myConversations')).json.conversations[0].id;
}

/** Calls a route with a session cookie of its own (the two roles the harness does not make). */
const as = async (cookie: string, name: RouteName, opts: CallOpts = {}) => {
  const def = routes[name];
  let path = routePath(def.path, opts.params);
  if (opts.query) path += `?${new URLSearchParams(opts.query)}`;
  let body: BodyInit | undefined;
  const headers: Record<string, string> = { cookie };
  if (opts.file) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(opts.file.data)], { type: opts.file.type ?? 'application/octet-stream' }), opts.file.name);
    body = form;
  } else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  return h.raw(def.method.toUpperCase(), path, { headers, body });
};
/** a moderator invited by the organizer, and a visitor account under a live ban (issue #11) */
let moderator = '';
let banned = '';
async function extraRoles(): Promise<void> {
  if (moderator) return;
  const inv = await h.call('organizer', 'createModeratorInvite', { body: {} });
  const res = await fetch(`${h.server.httpUrl}/api/auth/moderator-invites/accept`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ token: inv.json.token, email: 'matrix-mod@ludao.example', displayName: 'Mod', password: 'long-enough-pass' }),
  });
  moderator = (res.headers.get('set-cookie') ?? '').split(';')[0];
  banned = await registerVisitor(h, 'Banned');
  const me = (await h.raw('GET', '/api/auth/me', { headers: { cookie: banned } })).json.user.id as string;
  await h.server.app.expo.repos.moderation.addSanction({
    kind: 'ban',
    keys: [`a:${me}`],
    minutes: null,
    targetName: 'Banned',
    hallId: 'gulangyu',
    createdBy: null,
  });
}

/** The README's matrix cell a response shows: refused for lack of an account (401), refused for the wrong one (403), or let through. */
function cellOf(res: Res): RouteCell {
  if (res.status === 401 && res.json?.error === 'unauthenticated') return '401';
  if (res.status === 403 && ['forbidden', 'banned'].includes(res.json?.error)) return '403';
  return 'yes';
}
const MATRIX_OF: Record<Role, MatrixRole> = { visitor: 'guest', member: 'member', exhibitorA: 'staffHere', exhibitorB: 'staffOther', organizer: 'organizer' };
/** Where a handler refuses what the access level lets through (README: noted under the table). */
const HANDLER_REFUSALS: Partial<Record<RouteName, Partial<Record<MatrixRole, RouteCell>>>> = {
  // on duty is for the booth's own staff: an organizer is not staff
  setDuty: { organizer: '403' },
};
/** What the README's matrix says `role` gets from route `name`. */
function expectedCell(name: RouteName, role: MatrixRole): RouteCell {
  const def = routes[name];
  const override = HANDLER_REFUSALS[name]?.[role];
  if (override) return override;
  if (role === 'banned' && 'refuseBanned' in def && def.refuseBanned) return '403';
  return ACCESS_MATRIX[def.access][role];
}

describe('route × role matrix', () => {
  beforeAll(async () => {
    const { getLayout } = await import('../../shared/halls');
    layoutSlots = getLayout('gulangyu').boothSlots.map((s) => s.id);
    await extraRoles();
  });

  it('covers every route in the table', () => {
    const covered = new Set([...cases.map((c) => c.route), ...NOT_IN_MATRIX]);
    expect(Object.keys(routes).filter((r) => !covered.has(r as RouteName))).toEqual([]);
  });

  for (const c of cases) {
    it(`${routes[c.route].method.toUpperCase()} ${routes[c.route].path}`, async () => {
      const got: Partial<Expect> = {};
      const cells: Partial<Record<MatrixRole, RouteCell>> = {};
      for (const role of ['visitor', 'member', 'exhibitorB', 'exhibitorA', 'organizer'] as Role[]) {
        const res = await h.call(role, c.route, await c.req(role));
        got[role] = res.status;
        cells[MATRIX_OF[role]] = cellOf(res);
        if (res.status >= 400) {
          expect(res.json, `${role}: an error is JSON with a message`).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        }
      }
      // the two roles of issue #11, with the request a guest would make (nothing of theirs to name)
      for (const [role, cookie] of [
        ['moderator', moderator],
        ['banned', banned],
      ] as const) {
        cells[role] = cellOf(await as(cookie, c.route, await c.req('visitor')));
      }
      expect(got).toEqual(c.expect);
      expect(cells).toEqual(Object.fromEntries(MATRIX_ROLES.map((r) => [r, expectedCell(c.route, r)])));
    });
  }
});

/**
 * The rest of the matrix: the event streams (opened, their answer read, closed) and sign-in and
 * sign-out, for all seven roles, against the same cells. Sign-out runs with a session made for it,
 * so the other tests keep theirs.
 */
describe('route × role matrix: streams, sign-in and sign-out', () => {
  beforeAll(extraRoles);
  const cookieOf = (role: MatrixRole): string =>
    ({
      guest: '',
      member: h.cookies.member,
      staffHere: h.cookies.exhibitorA,
      staffOther: h.cookies.exhibitorB,
      moderator,
      organizer: h.cookies.organizer,
      banned,
    })[role];

  for (const name of NOT_IN_MATRIX.filter((n) => (routes[n] as RouteDef).raw === 'text/event-stream')) {
    it(`${routes[name].path}: each role as the matrix says`, async () => {
      const cells: Partial<Record<MatrixRole, RouteCell>> = {};
      for (const role of MATRIX_ROLES) {
        const ctl = new AbortController();
        const res = await fetch(`${h.server.httpUrl}${routePath(routes[name].path, { boothId: h.a.boothId })}`, {
          headers: cookieOf(role) ? { cookie: cookieOf(role) } : {},
          signal: ctl.signal,
        });
        const text = res.status === 200 ? '' : await res.text();
        ctl.abort();
        cells[role] = cellOf({ status: res.status, headers: res.headers, text, json: text ? JSON.parse(text) : undefined });
        if (res.status === 200) expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      }
      expect(cells).toEqual(Object.fromEntries(MATRIX_ROLES.map((r) => [r, expectedCell(name, r)])));
    });
  }

  it('sign-in and sign-out are open to every role', async () => {
    for (const role of MATRIX_ROLES) {
      const login = await h.raw('POST', '/api/auth/login', {
        headers: { 'content-type': 'application/json', ...(cookieOf(role) ? { cookie: cookieOf(role) } : {}) },
        body: JSON.stringify({ email: 'nobody@ludao.example', password: 'not-a-password' }),
      });
      expect(cellOf(login), role).toBe(expectedCell('login', role));
    }
    // a fresh session per signed-in role to sign out of
    const fresh: Record<MatrixRole, string> = {
      guest: '',
      member: (await as('', 'login', { body: { email: EMAILS.member, password: PASSWORD } })).headers.get('set-cookie')?.split(';')[0] ?? '',
      staffHere: (await as('', 'login', { body: { email: EMAILS.exhibitorA, password: PASSWORD } })).headers.get('set-cookie')?.split(';')[0] ?? '',
      staffOther: (await as('', 'login', { body: { email: EMAILS.exhibitorB, password: PASSWORD } })).headers.get('set-cookie')?.split(';')[0] ?? '',
      moderator:
        (await as('', 'login', { body: { email: 'matrix-mod@ludao.example', password: 'long-enough-pass' } })).headers.get('set-cookie')?.split(';')[0] ?? '',
      organizer: (await as('', 'login', { body: { email: EMAILS.organizer, password: PASSWORD } })).headers.get('set-cookie')?.split(';')[0] ?? '',
      banned: await registerVisitor(h, 'Banned too'),
    };
    for (const role of MATRIX_ROLES) {
      if (role !== 'guest') expect(fresh[role], role).not.toBe('');
      const out = await as(fresh[role], 'logout');
      expect(out.status, role).toBe(200);
      expect(cellOf(out), role).toBe(expectedCell('logout', role));
    }
  });
});

/**
 * Two more roles (issue #11): a moderator (moderation routes yes, organizer routes no) and a visitor
 * account under a live ban (the routes that reach other people answer 403 banned; the privacy
 * centre stays open).
 */
describe('moderator and banned roles', () => {
  beforeAll(extraRoles);

  const moderation: [RouteName, CallOpts, number][] = [
    ['moderationReports', {}, 200],
    ['resolveReport', { params: { reportId: 'aaaaaaaaaaaaaaaa' }, body: { action: 'dismiss' } }, 404],
    ['sanctions', {}, 200],
    ['liftSanction', { params: { sanctionId: 'aaaaaaaaaaaaaaaa' } }, 404],
    ['hallModes', {}, 200],
    ['setHallMode', { params: { hallId: 'shapowei' }, body: { slowModeS: 5, chatOff: false, muteAll: false } }, 200],
    ['auditLog', {}, 200],
    ['qaQueue', {}, 200],
    ['qaDecide', { params: { questionId: 'aaaaaaaaaaaaaaaa' }, body: { decision: 'reject' } }, 404],
  ];
  it.each(moderation)('%s: a moderator may, a banned visitor may not', async (name, opts, ok) => {
    expect((await as(moderator, name, opts)).status).toBe(ok);
    expect((await as(banned, name, opts)).status).toBe(403);
  });

  it('a moderator is no organizer, no booth staff and no visitor account', async () => {
    for (const name of ['organizerExhibitors', 'createModeratorInvite', 'leadCounts', 'expoAnalytics'] as RouteName[])
      expect((await as(moderator, name, name === 'createModeratorInvite' ? { body: {} } : {})).status, name).toBe(403);
    expect((await as(moderator, 'updateBooth', { params: { boothId: h.a.boothId }, body: { template: 'kiosk' } })).status).toBe(403);
    expect((await as(moderator, 'myCard')).status).toBe(403);
    expect((await as(moderator, 'me')).json.user.role).toBe('moderator');
  });

  it('a banned account cannot write to or book with exhibitors, and keeps its privacy rights', async () => {
    const refused: [RouteName, CallOpts][] = [
      ['askStaff', { body: { boothId: h.a.boothId, text: '你好' } }],
      ['visitorReply', { params: { conversationId: 'aaaaaaaaaaaaaaaa' }, body: { text: '你好' } }],
      ['bookMeeting', { body: { slotId: 'aaaaaaaaaaaaaaaa' } }],
    ];
    for (const [name, opts] of refused) {
      const r = await as(banned, name, opts);
      expect(r.status, name).toBe(403);
      expect(r.json.error, name).toBe('banned');
    }
    for (const name of ['myData', 'myConsents', 'myConversations', 'myMeetings', 'me'] as RouteName[]) expect((await as(banned, name)).status, name).toBe(200);
    expect((await as(banned, 'device', { body: {} })).status).toBe(200);
  });
});

describe('auth', () => {
  it('signs in, reports the user and signs out', async () => {
    const me = await h.call('exhibitorA', 'me');
    expect(me.json.user).toMatchObject({ role: 'exhibitor', boothIds: [h.a.boothId] });
    const res = await fetch(`${h.server.httpUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'A@STAFF.example ', password: 'correct-horse-battery' }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=\d+/);
    const session = cookie.split(';')[0];
    const out = await h.raw('POST', '/api/auth/logout', { headers: { cookie: session } });
    expect(out.status).toBe(200);
    expect((await h.raw('GET', '/api/auth/me', { headers: { cookie: session } })).status).toBe(401);
  });

  it('accepts a bearer token as well as the cookie', async () => {
    const token = decodeURIComponent(h.cookies.exhibitorA.split('=')[1]);
    const r = await h.raw('GET', '/api/auth/me', { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
  });

  it('refuses cookie-authenticated writes from another site', async () => {
    const r = await h.raw('PATCH', `/api/booths/${h.a.boothId}`, {
      role: 'exhibitorA',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ template: 'kiosk' }),
    });
    expect(r.status).toBe(403);
  });

  it('turns an invitation into a staff account, once', async () => {
    const inv = await h.call('organizer', 'createInvite', { params: { exhibitorId: h.a.exhibitorId }, body: { email: 'new@staff.example' } });
    expect(inv.status).toBe(201);
    expect(inv.json.url).toContain('/exhibitor?invite=');
    const info = await h.call('visitor', 'inviteInfo', { params: { token: inv.json.token } });
    expect(info.json).toMatchObject({ exhibitorName: { en: 'Alpha Tech' }, email: 'new@staff.example' });
    const body = { token: inv.json.token, email: 'new@staff.example', displayName: '新同事', password: 'a-long-password' };
    const wrongEmail = await h.call('visitor', 'acceptInvite', { body: { ...body, email: 'other@staff.example' } });
    expect(wrongEmail.status).toBe(409);
    const ok = await h.call('visitor', 'acceptInvite', { body });
    expect(ok.status).toBe(201);
    expect(ok.json.user).toMatchObject({ role: 'exhibitor', boothIds: [h.a.boothId] });
    expect((await h.call('visitor', 'acceptInvite', { body })).status).toBe(404);
  });
});

describe('bad requests get a clear 4xx', () => {
  const cases: [string, string, string, Record<string, string>, string | undefined, number][] = [
    ['invalid JSON', 'PATCH', '/api/booths/{A}', { 'content-type': 'application/json' }, '{"title":', 400],
    ['not JSON', 'PATCH', '/api/booths/{A}', { 'content-type': 'text/plain' }, 'title', 415],
    ['unknown field', 'PATCH', '/api/booths/{A}', { 'content-type': 'application/json' }, '{"hacked":true}', 400],
    ['empty change', 'PATCH', '/api/booths/{A}', { 'content-type': 'application/json' }, '{}', 400],
    ['javascript: website', 'PATCH', '/api/booths/{A}', { 'content-type': 'application/json' }, '{"website":"javascript:alert(1)"}', 400],
    ['data: website', 'PATCH', '/api/booths/{A}', { 'content-type': 'application/json' }, '{"website":"data:text/html,hi"}', 400],
    ['bad colour', 'PATCH', '/api/booths/{A}', { 'content-type': 'application/json' }, '{"colors":{"primary":"red","accent":"#000000"}}', 400],
    ['control characters', 'PATCH', '/api/booths/{A}', { 'content-type': 'application/json' }, '{"title":{"zh":"a\\u202eb","en":""}}', 400],
    ['too long', 'PATCH', '/api/booths/{A}', { 'content-type': 'application/json' }, JSON.stringify({ title: { zh: 'x'.repeat(500), en: '' } }), 400],
    [
      'huge body',
      'PATCH',
      '/api/booths/{A}',
      { 'content-type': 'application/json' },
      JSON.stringify({ description: { zh: 'x'.repeat(300_000), en: '' } }),
      413,
    ],
    ['bad id', 'GET', '/api/booths/..%2F..%2Fetc', {}, undefined, 400],
    ['unknown booth', 'GET', '/api/booths/zzzzzzzzzzzzzzzz', {}, undefined, 404],
    ['unknown hall', 'GET', '/api/expo/booths?hall=atlantis', {}, undefined, 404],
    ['missing hall', 'GET', '/api/expo/booths', {}, undefined, 400],
    ['bad filter', 'GET', '/api/expo/exhibitors?industry=weapons', {}, undefined, 400],
    ['unknown route', 'GET', '/api/nope', {}, undefined, 404],
    ['bad login body', 'POST', '/api/auth/login', { 'content-type': 'application/json' }, '{"email":"not-an-email","password":""}', 400],
  ];
  for (const [name, method, path, headers, body, status] of cases) {
    it(name, async () => {
      const r = await h.raw(method, path.replace('{A}', h.a.boothId), { role: 'exhibitorA', headers, body });
      expect(r.status).toBe(status);
      expect(r.json).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    });
  }

  it('names the failing field', async () => {
    const r = await h.call('exhibitorA', 'updateBooth', { params: { boothId: h.a.boothId }, body: { website: 'ftp://x.example' } });
    expect(r.json.issues[0].path).toBe('body.website');
  });

  it('refuses a taken slot with 409', async () => {
    const slot = (await h.call('visitor', 'booth', { params: { boothId: h.a.boothId } })).json.slotId;
    const r = await h.call('organizer', 'placeBooth', { params: { boothId: h.b.boothId }, body: { hallId: 'gulangyu', slotId: slot } });
    expect(r.status).toBe(409);
    const unknown = await h.call('organizer', 'placeBooth', { params: { boothId: h.b.boothId }, body: { hallId: 'gulangyu', slotId: 'no-such-slot' } });
    expect(unknown.status).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents every route with its schemas', async () => {
    const r = await h.raw('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.json;
    expect(doc.openapi).toBe('3.1.0');
    for (const def of Object.values(routes)) {
      const op = doc.paths[def.path]?.[def.method];
      expect(op, `${def.method} ${def.path}`).toBeDefined();
      if ('body' in def) expect(op.requestBody.content['application/json'].schema).toBeTypeOf('object');
      if ('upload' in def) expect(op.requestBody.content['multipart/form-data']).toBeDefined();
      if (def.access !== 'public') expect(op.responses['401']).toBeDefined();
    }
    const website = doc.paths['/api/booths/{boothId}'].patch.requestBody.content['application/json'].schema.properties.website;
    expect(JSON.stringify(website)).toContain('uri');
  });
});

describe('live booth changes', () => {
  it('reach the hall event stream and the public booth', async () => {
    const events = h.server.app.expo.events;
    const before = events.listeners();
    const ctl = new AbortController();
    const res = await fetch(`${h.server.httpUrl}/api/expo/events?hall=gulangyu`, { signal: ctl.signal });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let seen = '';
    const got = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return seen;
        seen += dec.decode(value);
        if (seen.includes(h.a.boothId)) return seen;
      }
    })();
    // The stream is subscribed once the server counts a listener for it: no event can be missed after that.
    await waitFor(() => events.listeners() > before, 5000, 'the event stream to subscribe');
    const upd = await h.call('exhibitorA', 'updateBooth', { params: { boothId: h.a.boothId }, body: { title: { zh: '直播标题', en: 'Live title' } } });
    expect(upd.status).toBe(200);
    const text = await Promise.race([got, waitFor((): string | null => null, 5000, `a booth event for ${h.a.boothId}`)]);
    ctl.abort();
    expect(text).toContain('event: booth');
    expect(text).toContain(h.a.boothId);
    const pub = await h.call('visitor', 'booth', { params: { boothId: h.a.boothId } });
    expect(pub.json.title).toEqual({ zh: '直播标题', en: 'Live title' });
  });

  it('shows staff on duty', async () => {
    await h.call('exhibitorA', 'setDuty', { params: { boothId: h.a.boothId }, body: { onDuty: true } });
    expect((await h.call('visitor', 'booth', { params: { boothId: h.a.boothId } })).json.staffOnDuty).toBe(true);
    await h.call('exhibitorA', 'setDuty', { params: { boothId: h.a.boothId }, body: { onDuty: false } });
    expect((await h.call('visitor', 'booth', { params: { boothId: h.a.boothId } })).json.staffOnDuty).toBe(false);
  });
});

describe('media', () => {
  it('are served with a fixed type, nosniff, and PDFs as downloads', async () => {
    const up = await h.call('exhibitorA', 'uploadBrochure', { params: { boothId: h.a.boothId }, file: { data: pdf(), name: 'Broch<ure>.pdf' } });
    expect(up.status).toBe(200);
    expect(up.json.brochure.name).toBe('Brochure.pdf');
    const r = await h.raw('GET', up.json.brochure.url);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(r.headers.get('content-security-policy')).toContain('sandbox');
    expect((await h.raw('GET', '/media/..%2F..%2Fetc%2Fpasswd')).status).toBe(404);
    expect((await h.raw('GET', '/media/ludao.sqlite')).status).toBe(404);
  });
});

// Last: it locks exhibitor A's email for a while.
describe('login throttling', () => {
  it('answers 429 after repeated failures for one email, even with the right password', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const r = await h.call('visitor', 'login', { body: { email: 'a@staff.example', password: `wrong-${i}` } });
      statuses.push(r.status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const last = await h.call('visitor', 'login', { body: { email: 'a@staff.example', password: 'correct-horse-battery' } });
    expect(last.status).toBe(429);
    expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another account is not locked by it.
    expect((await h.call('visitor', 'login', { body: { email: 'b@staff.example', password: 'correct-horse-battery' } })).status).toBe(200);
  });
});
