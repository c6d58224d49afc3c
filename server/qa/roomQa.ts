/**
 * Q&A in one hall instance (issue #11). The session visitors ask is the one on this hall's stage now
 * (HallState.stage, kept by ../rooms/stage.ts: every instance shows the same one); before it starts
 * and after it ends nobody may ask. Asks and votes are stored through the repository (which holds
 * the limit and the one-vote rule), then published on the Q&A bus; every instance of the hall, on
 * every process, hears that, reads the session's questions again (reads folded into one while one is
 * on the way) and broadcasts them. The asker or voter gets its own standing back (qaMine).
 * Every method catches its own errors: a rejection escaping a room ends the process (DESIGN §5).
 */
import { QA_MAX_PER_SESSION, QA_PANEL_MAX } from '../../shared/constants';
import type { QaMine, QaRefusal, QaSnapshot } from '../../shared/api/qa';
import type { ServerMessageName, ServerPayload } from '../../shared/messages';
import type { Logger } from '../lib/logger';
import type { WordFilter } from '../moderation/wordFilter';
import { primaryKey } from './identity';
import type { QaService } from './service';
import { questionView } from './views';
import { serialRefresh } from '../lib/serialRefresh';

export interface RoomQaHost {
  hallId: string;
  /** the hall's stage as the room state holds it */
  stage: { sessionId: string; startsAt: number; endsAt: number };
  broadcast<N extends ServerMessageName>(name: N, payload: ServerPayload<N>): void;
  sendTo<N extends ServerMessageName>(sessionId: string, name: N, payload: ServerPayload<N>): void;
  log: Pick<Logger, 'warn'>;
  now?: () => number;
}

/** Who asks or votes: the connection and its moderation keys; the name shown beside a question. */
export interface QaVisitor {
  sessionId: string;
  keys: readonly string[];
  name: string;
}

const EMPTY: QaSnapshot = { sessionId: '', approved: [], pending: [] };

export class RoomQa {
  private snap: QaSnapshot = EMPTY;
  private watched = '';
  private unsubscribe: (() => void) | null = null;
  private closed = false;
  private readonly now: () => number;

  constructor(
    private readonly host: RoomQaHost,
    private readonly service: QaService | null,
    private readonly words: () => Pick<WordFilter, 'mask'>,
  ) {
    this.now = host.now ?? Date.now;
  }

  /** The session on stage now, or '' (none, not started yet, ended). */
  sessionOnNow(now = this.now()): string {
    const s = this.host.stage;
    return s.sessionId && s.startsAt <= now && now < s.endsAt ? s.sessionId : '';
  }

  snapshot(): QaSnapshot {
    return this.snap;
  }

  open(): void {
    if (!this.service) return;
    this.unsubscribe = this.service.onChange(this.host.hallId, (e) => {
      if (e.sessionId === this.watched) void this.refresh();
    });
    this.tick();
  }

  /** Called once a second by the room: a session that started or ended changes what is asked. */
  tick(): void {
    const on = this.sessionOnNow();
    if (on === this.watched) return;
    this.watched = on;
    void this.refresh();
  }

  /** Reads the watched session's questions and broadcasts them; never rejects. */
  readonly refresh = serialRefresh(
    () => this.readOnce(),
    () => this.closed,
  );

  private async readOnce(): Promise<void> {
    const sessionId = this.watched;
    let next: QaSnapshot = EMPTY;
    if (sessionId && this.service) {
      try {
        const r = await this.service.repo().snapshot(sessionId, QA_PANEL_MAX);
        next = { sessionId, approved: r.approved.map(questionView), pending: r.pending.map(questionView) };
      } catch (err) {
        this.host.log.warn({ err, hall: this.host.hallId }, 'qa: reading the questions failed');
        return;
      }
    }
    if (this.closed || sessionId !== this.watched) return;
    this.snap = next;
    this.host.broadcast('qa', next);
  }

  /** A newcomer gets the questions and its own standing (a reconnecting visitor keeps its votes). */
  async join(v: QaVisitor): Promise<void> {
    this.host.sendTo(v.sessionId, 'qa', this.snap);
    const sessionId = this.sessionOnNow();
    if (sessionId) await this.sendMine(v, sessionId);
  }

  async ask(v: QaVisitor, text: string): Promise<void> {
    const sessionId = this.sessionOnNow();
    if (!sessionId || !this.service) return this.refuse(v, 'ask', 'no_session');
    const key = primaryKey(v.keys);
    if (!key) return this.refuse(v, 'ask', 'failed');
    try {
      // masked before it is stored or shown: the sensitive-word filter (issue #11)
      const masked = this.words().mask(text);
      const r = await this.service
        .repo()
        .ask({ sessionId, hallId: this.host.hallId, askerKey: key, askerKeys: v.keys, name: v.name, text: masked, limit: QA_MAX_PER_SESSION });
      if (!r.ok) return await this.sendMine(v, sessionId, { action: 'ask', ok: false, code: r.code });
      this.service.changed(this.host.hallId, sessionId, 'asked');
      await this.sendMine(v, sessionId, { action: 'ask', ok: true });
    } catch (err) {
      this.host.log.warn({ err, hall: this.host.hallId }, 'qa: storing a question failed');
      this.refuse(v, 'ask', 'failed');
    }
  }

  async vote(v: QaVisitor, questionId: string): Promise<void> {
    const sessionId = this.sessionOnNow();
    if (!sessionId || !this.service) return this.refuse(v, 'vote', 'no_session');
    const key = primaryKey(v.keys);
    if (!key) return this.refuse(v, 'vote', 'failed');
    try {
      const r = await this.service.repo().vote({ questionId, sessionId, voterKey: key, voterKeys: v.keys });
      if (!r.ok) return await this.sendMine(v, sessionId, { action: 'vote', ok: false, code: r.code });
      this.service.changed(this.host.hallId, sessionId, 'voted');
      await this.sendMine(v, sessionId, { action: 'vote', ok: true });
    } catch (err) {
      this.host.log.warn({ err, hall: this.host.hallId }, 'qa: storing a vote failed');
      this.refuse(v, 'vote', 'failed');
    }
  }

  /** A refusal that needs no database (no session on, no identity, a failure). */
  refuse(v: Pick<QaVisitor, 'sessionId'>, action: 'ask' | 'vote', code: QaRefusal): void {
    const sessionId = this.sessionOnNow();
    this.host.sendTo(v.sessionId, 'qaMine', {
      sessionId,
      asked: 0,
      limit: QA_MAX_PER_SESSION,
      voted: [],
      mine: [],
      result: { action, ok: false, code },
      partial: true,
    });
  }

  private async sendMine(v: QaVisitor, sessionId: string, result?: QaMine['result']): Promise<void> {
    try {
      const m = await this.service!.repo().mine(sessionId, v.keys);
      this.host.sendTo(v.sessionId, 'qaMine', { sessionId, limit: QA_MAX_PER_SESSION, ...m, ...(result ? { result } : {}) });
    } catch (err) {
      this.host.log.warn({ err, hall: this.host.hallId }, 'qa: reading a visitor standing failed');
      if (result) this.host.sendTo(v.sessionId, 'qaMine', { sessionId, asked: 0, limit: QA_MAX_PER_SESSION, voted: [], mine: [], result, partial: true });
    }
  }

  close(): void {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
  }
}
