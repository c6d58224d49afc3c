/**
 * Moderation's vocabulary and limits (issue #11) as plain values, no zod: the hall's report dialog
 * and the moderator's menu use these without loading any schema.
 */

/** Why a visitor reports a chat line or a person. */
export const REPORT_REASONS = ['spam', 'abuse', 'fraud', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
/** The reporter's own words (required for 'other'). */
export const REPORT_NOTE_MAX = 200;

/** What a moderator can do to one visitor. */
export const SANCTION_ACTIONS = ['mute', 'kick', 'ban'] as const;
export type SanctionAction = (typeof SANCTION_ACTIONS)[number];
/** How a report is closed: one of the actions, or dismissed. */
export const REPORT_RESOLUTIONS = ['dismiss', ...SANCTION_ACTIONS] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

/** Mutes and bans last this many minutes at most when timed (30 days); null means until lifted. */
export const SANCTION_MAX_MINUTES = 30 * 24 * 60;
/** The durations the menus offer, in minutes (null: until lifted). */
export const MUTE_CHOICES = [10, 60, 24 * 60, null] as const;
export const BAN_CHOICES = [24 * 60, 7 * 24 * 60, null] as const;

/** Slow mode: one line per this many seconds per visitor (0: off). */
export const SLOW_MODE_MAX_S = 300;
export const SLOW_MODE_CHOICES = [0, 5, 10, 30, 60] as const;

export interface HallChatMode {
  /** seconds between two lines of one visitor; 0: off */
  slowModeS: number;
  /** nobody but moderators and organizers may chat */
  chatOff: boolean;
  /** only booth staff, moderators and organizers may chat */
  muteAll: boolean;
}
export const OPEN_CHAT: HallChatMode = { slowModeS: 0, chatOff: false, muteAll: false };

/**
 * The audit log's action names for moderation and organizer actions. Other domains add their own
 * (any `domain.verb` name is accepted); these are the ones this codebase records today.
 */
export const AUDIT_ACTIONS = [
  'moderation.mute',
  'moderation.kick',
  'moderation.ban',
  'moderation.lift',
  'moderation.hall_mode',
  'moderation.report_dismiss',
  'moderation.invite_moderator',
  'moderation.moderator_joined',
  'organizer.announce',
  'organizer.exhibitor_create',
  'organizer.exhibitor_delete',
  'organizer.booth_place',
  'organizer.invite_staff',
  'organizer.expo_end',
  'organizer.word_add',
  'organizer.word_remove',
  'agenda.session_create',
  'agenda.session_update',
  'agenda.session_delete',
] as const;
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9_]{1,23}\.[a-z][a-z0-9_]{1,23}$/;
/** The log is a security log (Cybersecurity Law Art. 21): kept at least 6 months. */
export const AUDIT_MIN_RETENTION_DAYS = 183;

/** The device token's cookie and the browser's copy of it. */
export const DEVICE_COOKIE = 'ludao_device';
export const DEVICE_PATTERN = /^[A-Za-z0-9_-]{32,64}$/;
