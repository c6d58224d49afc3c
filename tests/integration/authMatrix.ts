/**
 * The authorization matrix (issue #11, item 7), written out by hand: who may send each room message
 * and who may call each kind of HTTP route. message-matrix.test.ts and api.test.ts check every cell
 * against a real server; the README prints these tables (renderMatrix), and a test fails when the
 * README's copy is out of date (`npx tsx tests/integration/authMatrix.ts` prints a fresh one).
 */
import type { Access } from '../../shared/api/routes';
import type { ClientMessageName } from '../../shared/messages';

/** The roles of the matrix, in the README's column order. */
export const MATRIX_ROLES = ['guest', 'member', 'staffHere', 'staffOther', 'moderator', 'organizer', 'banned'] as const;
export type MatrixRole = (typeof MATRIX_ROLES)[number];

export const ROLE_LABELS: Record<MatrixRole, string> = {
  guest: 'guest',
  member: 'visitor account',
  staffHere: 'staff of this booth',
  staffOther: 'staff of another booth',
  moderator: 'moderator',
  organizer: 'organizer',
  banned: 'banned',
};

/**
 * allowed: taken; refused: struck (an invalid-message notice, strikes add up to a kick);
 * own booth: taken, with effect only for the sender's own booth; no seat: a banned account or
 * device is refused at the join, so it cannot send anything.
 */
export type MessageCell = 'allowed' | 'refused' | 'own booth' | 'no seat';

const everyone = (): Record<MatrixRole, MessageCell> => ({
  guest: 'allowed',
  member: 'allowed',
  staffHere: 'allowed',
  staffOther: 'allowed',
  moderator: 'allowed',
  organizer: 'allowed',
  banned: 'no seat',
});

export const MESSAGE_MATRIX: Record<ClientMessageName, Record<MatrixRole, MessageCell>> = {
  move: everyone(),
  chat: everyone(),
  react: everyone(),
  clock: everyone(),
  report: everyone(),
  qaAsk: everyone(),
  qaVote: everyone(),
  // proximity voice (issue #13): anyone in the hall may turn it on (a muted visitor is answered "muted", not struck)
  voice: everyone(),
  present: {
    guest: 'refused',
    member: 'refused',
    staffHere: 'own booth',
    staffOther: 'own booth',
    moderator: 'refused',
    organizer: 'refused',
    banned: 'no seat',
  },
  moderate: {
    guest: 'refused',
    member: 'refused',
    staffHere: 'refused',
    staffOther: 'refused',
    moderator: 'allowed',
    organizer: 'allowed',
    banned: 'no seat',
  },
  // group tours (issue #12): organizers and booth staff on duty lead; a tour already on answers "busy", not a strike
  tour: {
    guest: 'refused',
    member: 'refused',
    staffHere: 'allowed',
    staffOther: 'allowed',
    moderator: 'refused',
    organizer: 'allowed',
    banned: 'no seat',
  },
};

/**
 * What each route access level answers each role: the HTTP status class a refused caller gets
 * (401 without an account, 403 with the wrong one) or `yes`. `banned` is a visitor account under a
 * live ban: it keeps what a visitor account has (its privacy rights included) except the routes
 * that reach other people (marked `refuseBanned` in the route table), which answer 403.
 */
export type RouteCell = 'yes' | '401' | '403';

export const ACCESS_MATRIX: Record<Access, Record<MatrixRole, RouteCell>> = {
  public: { guest: 'yes', member: 'yes', staffHere: 'yes', staffOther: 'yes', moderator: 'yes', organizer: 'yes', banned: 'yes' },
  session: { guest: '401', member: 'yes', staffHere: 'yes', staffOther: 'yes', moderator: 'yes', organizer: 'yes', banned: 'yes' },
  visitor: { guest: '401', member: 'yes', staffHere: '403', staffOther: '403', moderator: '403', organizer: '403', banned: 'yes' },
  booth: { guest: '401', member: '403', staffHere: 'yes', staffOther: '403', moderator: '403', organizer: 'yes', banned: '403' },
  staff: { guest: '401', member: '403', staffHere: 'yes', staffOther: '403', moderator: '403', organizer: '403', banned: '403' },
  moderator: { guest: '401', member: '403', staffHere: '403', staffOther: '403', moderator: 'yes', organizer: 'yes', banned: '403' },
  organizer: { guest: '401', member: '403', staffHere: '403', staffOther: '403', moderator: '403', organizer: 'yes', banned: '403' },
};

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** The README's section body: both tables, and which routes have which access. */
export function renderMatrix(routes: Record<string, { method: string; path: string; access: Access; refuseBanned?: true }>): string {
  const head = ['', ...MATRIX_ROLES.map((r) => ROLE_LABELS[r])];
  const sep = head.map(() => '---');
  const out: string[] = [];
  out.push('Room messages (`shared/messages.ts`), checked by `tests/integration/message-matrix.test.ts`:', '');
  out.push(row(head), row(sep));
  for (const [name, cells] of Object.entries(MESSAGE_MATRIX)) out.push(row([`\`${name}\``, ...MATRIX_ROLES.map((r) => cells[r])]));
  out.push('', 'HTTP routes by access level (`shared/api/routes.ts`), checked route by route by `tests/integration/api.test.ts`:', '');
  out.push(row(head), row(sep));
  for (const [access, cells] of Object.entries(ACCESS_MATRIX)) out.push(row([`**${access}**`, ...MATRIX_ROLES.map((r) => cells[r])]));
  out.push('');
  const banned = Object.values(routes)
    .filter((d) => d.refuseBanned)
    .map((d) => `\`${d.method.toUpperCase()} ${d.path}\``);
  out.push(`A banned account also gets 403 from the routes that reach other people: ${banned.join(', ')}.`, '');
  for (const access of Object.keys(ACCESS_MATRIX)) {
    const list = Object.values(routes)
      .filter((d) => d.access === access)
      .map((d) => `\`${d.method.toUpperCase()} ${d.path}\``);
    out.push(`- **${access}** (${list.length}): ${list.join(', ')}`);
  }
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { routes } = await import('../../shared/api/routes');
  console.log(renderMatrix(routes));
}
