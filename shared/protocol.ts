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
 * 4: the hall's stage (HallState.stage) and the clock message pair for the server-time offset.
 * 5: 2D catalog visitors (join option `mode`, Visitor.seated), proximity voice (Visitor.voice and the
 *    `voice` signal relay).
 */
export const PROTOCOL_VERSION = 5;

export const ROOM_HALL = 'hall' as const;

export interface JoinOptions {
  protocol: number;
  hallId: string;
  name: string;
  color: number;
  style: number;
  /** the browser's device token (moderation, issue #11): checked against bans with the device cookie */
  device?: string;
  /** the hall's entry code, when its entry rule asks for one (issue #11; checked hashed, throttled) */
  entryCode?: string;
  /** an organizer-issued entry pass, for invite-only halls (issue #11) */
  entryPass?: string;
  /** '2d': the visitor browses the hall's 2D catalog (issue #13): seated at the entrance, never moves */
  mode?: '3d' | '2d';
}

/** Short, localisable reasons the server gives; the client maps codes to translated text. */
export const NoticeCode = {
  rateLimited: 'rate_limited',
  invalidMessage: 'invalid_message',
  serverShutdown: 'server_shutdown',
  // moderation (issue #11): why a chat line was refused, and answers to reports and moderators
  muted: 'muted',
  chatOff: 'chat_off',
  muteAll: 'mute_all',
  slowMode: 'slow_mode',
  reported: 'reported',
  reportGone: 'report_gone',
  moderated: 'moderated',
  moderationFailed: 'moderation_failed',
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
  /** the display name holds a word of the sensitive-word list (issue #11) */
  nameRefused: 'name_refused',
  /** the account or the device is banned (moderation, issue #11) */
  banned: 'banned',
  // entry rules (issue #11): same strings as shared/api/entry.ts EntryRefusal
  entryCodeNeeded: 'entry_code_needed',
  entryCodeWrong: 'entry_code_wrong',
  entryThrottled: 'entry_throttled',
  entryInviteNeeded: 'entry_invite_needed',
  entryAccountNeeded: 'entry_account_needed',
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
  /** removed by a moderator and banned: no reconnection, no new join (issue #11) */
  banned: 4102,
} as const;
