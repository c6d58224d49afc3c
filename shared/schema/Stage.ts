import { Schema, defineTypes } from '@colyseus/schema';

/**
 * What is on the hall's stage now, or next (issue #11): a copy of one agenda session, kept by the
 * server (server/rooms/stage.ts) from the agenda. `sessionId` is '' while nothing is scheduled.
 * Every instance of the hall holds the same values, so a premiere's position,
 * (serverNow - startsAt) / 1000 s, is the same moment everywhere. Times are ms since the epoch (a
 * float64: they do not fit 32 bits); the URLs are served by us ('' when the session has none).
 * See Visitor.ts for why fields are declared and registered with defineTypes.
 */
export class Stage extends Schema {
  declare sessionId: string;
  /** one of shared/api/agenda.ts SESSION_KINDS, '' when nothing is scheduled */
  declare kind: string;
  declare titleZh: string;
  declare titleEn: string;
  declare startsAt: number;
  declare endsAt: number;
  declare videoUrl: string;
  declare captionsUrl: string;
  declare liveUrl: string;
  /** the session's edit stamp: a moved or re-cut premiere is told from the same one */
  declare updatedAt: number;

  constructor() {
    super();
    this.sessionId = '';
    this.kind = '';
    this.titleZh = '';
    this.titleEn = '';
    this.startsAt = 0;
    this.endsAt = 0;
    this.videoUrl = '';
    this.captionsUrl = '';
    this.liveUrl = '';
    this.updatedAt = 0;
  }
}
defineTypes(Stage, {
  sessionId: 'string',
  kind: 'string',
  titleZh: 'string',
  titleEn: 'string',
  startsAt: 'float64',
  endsAt: 'float64',
  videoUrl: 'string',
  captionsUrl: 'string',
  liveUrl: 'string',
  updatedAt: 'float64',
});
