/** Numbers both sides agree on. Changing one is a protocol change: bump PROTOCOL_VERSION. */

/** Positions travel as integer centimetres (int16: ±327 m covers every hall). */
export const POS_SCALE = 100;
/** Yaw travels as one byte: 256 steps per turn. */
export const YAW_STEPS = 256;

/** Server patch rate: 20 Hz. */
export const PATCH_MS = 50;
/** Client sends its movement at most this often (10 Hz). */
export const MOVE_SEND_MS = 100;

/** Walking speed in metres per second; the server allows a margin for jitter. */
export const WALK_SPEED = 4.5;
export const SPEED_TOLERANCE = 1.35;
/** Largest time span one move message may claim, so a stalled client cannot bank distance. */
export const MAX_MOVE_DT_MS = 500;

export const NAME_MAX = 24;
export const CHAT_MAX = 280;
/** An organizer's announcement: one line in every visitor's chat, so no longer than a chat line. */
export const ANNOUNCE_MAX = CHAT_MAX;
export const CHAT_HISTORY = 50;
/** Chat token bucket: burst of 5, refilled at one message per 1.5 s. */
export const CHAT_BURST = 5;
export const CHAT_REFILL_MS = 1500;
/** Any message: burst of 40, 25 per second sustained (movement is 10/s). */
export const MSG_BURST = 40;
export const MSG_PER_SECOND = 25;
/** Strikes for rejected messages before the visitor is disconnected. */
export const MAX_STRIKES = 50;

/** A dropped connection keeps its seat this long (seconds). */
export const RECONNECT_WINDOW_S = 20;

/** Avatar looks: colour swatches and body styles chosen on the landing page. */
export const AVATAR_COLORS = ['#c0392b', '#e67e22', '#f1c40f', '#27ae60', '#16a085', '#2980b9', '#8e44ad', '#d6336c'] as const;
export const AVATAR_STYLES = ['casual', 'business', 'traditional'] as const;
export type AvatarStyle = (typeof AVATAR_STYLES)[number];

/**
 * Crowds (issue #5). Interest management: the hall floor is cut into square cells; a visitor
 * gets full-rate poses only for visitors in its own cell and the eight around it, and a coarse
 * "dot" (DOT_M resolution, refreshed about once a second) for everyone else.
 */
export const INTEREST_CELL_M = 20;
/** A visitor changes cell only once this far past the cell's edge, so walking along a border does not flap. */
export const INTEREST_HYSTERESIS_M = 2;
/** Coarse dot resolution in metres; a dot is one byte per axis, centred on 128 (±256 m). */
export const DOT_M = 2;
/** Every visitor's dot is refreshed once per this many patches (20 patches = 1 s). */
export const DOT_REFRESH_PATCHES = 20;

/** Default visitors per hall instance (the benchmark's figure; HALL_CAPACITY overrides it). */
export const DEFAULT_HALL_CAPACITY = 300;
/** A seat reserved by the matchmaker but never taken is released after this many seconds. */
export const SEAT_RESERVATION_S = 15;

/**
 * Q&A (issue #11): questions visitors ask the session on stage. Each visitor (account, else device
 * token, else connection) may ask at most QA_MAX_PER_SESSION questions per session; the stage
 * screen shows the QA_STAGE_MAX approved questions with the most votes, the hall panel QA_PANEL_MAX.
 */
export const QA_MAX_PER_SESSION = 3;
export const QA_TEXT_MAX = 140;
export const QA_STAGE_MAX = 3;
export const QA_PANEL_MAX = 30;
