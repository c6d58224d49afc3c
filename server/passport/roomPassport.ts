/**
 * One hall instance's stamp passport (issue #12 items 5 and 6). Once a second the watcher looks at
 * the room's own poses, against the hall's landmarks and the booths placed in it (re-read on each
 * booth event, as exhibitors are placed and taken away, or every BOOTHS_EVERY_S without an event bus); a stamp earned is told to its visitor at once, kept in the database when
 * they are signed in (a guest's stamps last for the session), and when the hall's landmark set is
 * complete a signed souvenir is issued to the account. Each visitor gets the whole passport on join
 * and after every change: the stamps they hold (of every hall, for an account) and their souvenirs.
 */
import type { HallLayout } from '../../shared/layout';
import { boothStamps, hallStamps, landmarkSetOf, type StampDef } from '../../shared/passport';
import { serialRefresh } from '../lib/serialRefresh';
import type { ServerPayload } from '../../shared/messages';
import type { Logger } from '../lib/logger';
import type { PassportStore } from './store';
import { StampWatcher, type PoseCm } from './stampWatcher';

/** How often the booths placed in the hall are read again (s). */
const BOOTHS_EVERY_S = 15;

interface Holder {
  userId: string | null;
  earned: Set<string>;
  souvenirs: { set: string; id: string }[];
  /** the account's stamps are still being read: nothing is earned before they are known */
  ready: boolean;
  /** a souvenir is being issued: stamps that land meanwhile do not ask again */
  issuing: boolean;
}

export interface RoomPassportDeps {
  layout: HallLayout;
  visitors: { forEach(cb: (v: PoseCm, sessionId: string) => void): void; has(sessionId: string): boolean };
  send(sessionId: string, payload: ServerPayload<'passport'>): void;
  log: Logger;
  now?: () => number;
  /** this hall's booth change events: booth stamps are re-read on each (returns the unsubscribe); absent: every BOOTHS_EVERY_S */
  onBoothChange?: (listener: () => void) => () => void;
}

export class RoomPassport {
  private readonly holders = new Map<string, Holder>();
  private readonly watcher: StampWatcher;
  private readonly setStamps: string[];
  private readonly setId: string;
  private readonly landmarks: StampDef[];
  private ticks = 0;
  private closed = false;
  private readonly readBooths: () => Promise<void>;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: RoomPassportDeps,
    private readonly store: PassportStore | null,
    dwellMs?: number,
  ) {
    this.landmarks = hallStamps(deps.layout);
    this.watcher = new StampWatcher(this.landmarks, dwellMs);
    this.setStamps = this.landmarks.map((s) => s.id);
    this.setId = landmarkSetOf(deps.layout.id);
    this.readBooths = serialRefresh(
      async () => {
        if (!this.store) return;
        try {
          const booths = await this.store.booths(deps.layout.id);
          if (!this.closed) this.watcher.setStamps([...this.landmarks, ...boothStamps(deps.layout, booths)]);
        } catch (err) {
          // the last list stays: a booth stamp waits for the next read, landmarks are never lost
          this.deps.log.warn({ err }, 'booths for stamps could not be read');
        }
      },
      () => this.closed,
    );
  }

  /** Reads the hall's booths (their stamps count from then on); the room calls it when it opens. */
  open(): Promise<void> {
    if (this.deps.onBoothChange) this.unsubscribe = this.deps.onBoothChange(() => void this.readBooths());
    return this.readBooths();
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  async join(sessionId: string, userId: string | null): Promise<void> {
    const holder: Holder = { userId, earned: new Set(), souvenirs: [], ready: !userId || !this.store, issuing: false };
    this.holders.set(sessionId, holder);
    if (userId && this.store) {
      try {
        const [stamps, souvenirs] = await Promise.all([this.store.stamps(userId), this.store.souvenirs(userId)]);
        for (const s of stamps) holder.earned.add(s);
        holder.souvenirs = souvenirs;
      } catch (err) {
        this.deps.log.warn({ err }, 'passport could not be read');
      }
      holder.ready = true;
    }
    if (this.holders.get(sessionId) !== holder) return;
    this.send(sessionId, holder);
    await this.maybeIssue(sessionId, holder, (this.deps.now ?? Date.now)());
  }

  /** A reconnection (a reload within the window takes the seat back): the page starts empty, so send it again. */
  rejoined(sessionId: string): void {
    const h = this.holders.get(sessionId);
    if (h) this.send(sessionId, h);
  }

  tick(): void {
    if (++this.ticks % BOOTHS_EVERY_S === 0 && !this.deps.onBoothChange) void this.readBooths();
    const now = (this.deps.now ?? Date.now)();
    for (const id of this.holders.keys()) if (!this.deps.visitors.has(id)) this.holders.delete(id);
    const earned = this.watcher.tick(now, this.deps.visitors, (sessionId, stampId) => {
      const h = this.holders.get(sessionId);
      // not ready (or not joined yet): treat as held, so nothing is earned twice
      return !h || !h.ready || h.earned.has(stampId);
    });
    for (const { sessionId, stampId } of earned) void this.earn(sessionId, stampId, now);
  }

  private async earn(sessionId: string, stampId: string, now: number): Promise<void> {
    const h = this.holders.get(sessionId);
    if (!h) return;
    h.earned.add(stampId);
    this.send(sessionId, h);
    if (!h.userId || !this.store) return;
    try {
      await this.store.add(h.userId, stampId, now);
    } catch (err) {
      this.deps.log.warn({ err, stampId }, 'stamp could not be kept');
      return;
    }
    await this.maybeIssue(sessionId, h, now);
  }

  /** A complete set with no souvenir yet gets one (also on join: an issue that failed is tried again). */
  private async maybeIssue(sessionId: string, h: Holder, now: number): Promise<void> {
    if (!h.userId || !this.store || h.issuing) return;
    if (!this.setStamps.every((s) => h.earned.has(s)) || h.souvenirs.some((s) => s.set === this.setId)) return;
    h.issuing = true;
    try {
      h.souvenirs.push(await this.store.issue(h.userId, this.setId, now));
      if (this.holders.get(sessionId) === h) this.send(sessionId, h);
    } catch (err) {
      this.deps.log.warn({ err }, 'souvenir could not be issued');
    } finally {
      h.issuing = false;
    }
  }

  private send(sessionId: string, h: Holder): void {
    this.deps.send(sessionId, { earned: [...h.earned], souvenirs: h.souvenirs, guest: !h.userId });
  }
}
