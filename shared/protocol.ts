/**
 * The wire contract between client and server: the version, the room name, join options and the
 * codes both sides agree on. The messages themselves (names, schemas, payload types) are in
 * ./messages.ts. Bump PROTOCOL_VERSION on any incompatible change: the server refuses joins from
 * other versions and the client asks the visitor to reload.
 */
/**
 * 2: interest management (pose fields only for visitors in range, coarse dots gx/gz for all),
 *    hall announcements, invite codes.
 * 3: staff on duty in the roster (Visitor.staff), hall-wide booth counts (HallState.booths),
 *    booth reactions and presentations.
 */
export const PROTOCOL_VERSION = 3;

export const ROOM_HALL = 'hall' as const;

export interface JoinOptions {
  protocol: number;
  hallId: string;
  name: string;
  color: number;
  style: number;
}

/** Short, localisable reasons the server gives; the client maps codes to translated text. */
export const NoticeCode = {
  rateLimited: 'rate_limited',
  invalidMessage: 'invalid_message',
  serverShutdown: 'server_shutdown',
} as const;
export type NoticeCode = (typeof NoticeCode)[keyof typeof NoticeCode];

/** Error codes carried in join refusals (`ServerError.message` is one of these). */
export const JoinError = {
  outdated: 'outdated_client',
  badName: 'bad_name',
  badOptions: 'bad_options',
  unknownHall: 'unknown_hall',
  /** an invite code (a room id) for an instance of another hall */
  wrongHall: 'wrong_hall',
  /** too many matchmaking requests from one address (HTTP 429) */
  rateLimited: 'rate_limited',
} as const;
export type JoinError = (typeof JoinError)[keyof typeof JoinError];

/** WebSocket close codes the server uses on purpose (4000-4999 are application codes). */
export const CloseCode = {
  /** the visitor left on purpose (Colyseus' own code) */
  consented: 4000,
  /** Colyseus' code when the server disconnects a room, e.g. on shutdown */
  serverDisconnect: 4201,
  kicked: 4100,
  flooding: 4101,
} as const;
