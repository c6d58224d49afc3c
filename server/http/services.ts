/**
 * Everything the expo API needs, built once per app: the database (opened on first use, so a
 * server that never serves the expo API never touches it), repositories, media store, booth events
 * and the login throttle. `prepare()` migrates, creates the first organizer and seeds the demo.
 */
import type { Presence } from '@colyseus/core';
import type { Config } from '../config';
import type { Logger } from '../lib/logger';
import { openDatabase, migrateToLatest, ensurePgSchema, type Database } from '../db/open';
import { withStartupLock } from '../db/startupLock';
import { createRepositories, type Repositories } from '../db/repositories';
import { MediaStore } from '../uploads/storage';
import { createBoothEvents, type BoothEvents } from '../events';
import { dutyExpiry, type DutyExpiry } from '../dutyExpiry';
import { createLeadEvents, type LeadEvents } from '../leadEvents';
import { createConversationEvents, type ConversationEvents } from '../conversationEvents';
import { createMeetingEvents, type MeetingEvents } from '../meetingEvents';
import { createAgendaService, type AgendaService } from '../agenda/service';
import { DEFAULT_THROTTLE, LoginThrottle } from '../auth/throttle';
import { clientAddresses, type ClientAddresses } from './clientAddress';
import { ensureOrganizer } from '../auth/organizer';
import { reconcileBooths, seedDemoIfEmpty } from '../seed/demo';
import { startRetention } from '../jobs/retention';
import { devSmsProvider, type SmsProvider } from '../auth/sms';
import { createWordFilterService, type WordFilterService } from '../moderation/wordFilter';
import { createQaService, type QaService } from '../qa/service';
import { createAuctionService, type AuctionService } from '../auction/service';

export interface ExpoServices {
  readonly database: Database;
  readonly repos: Repositories;
  readonly store: MediaStore;
  readonly events: BoothEvents;
  /** a lapsed staff duty publishes a booth event (../dutyExpiry.ts) */
  readonly duty: DutyExpiry;
  /** new and withdrawn leads per booth, to the consoles' inboxes on every process */
  readonly leadEvents: LeadEvents;
  /** conversations changed, to booth inboxes and visitors on every process */
  readonly conversationEvents: ConversationEvents;
  /** meetings booked, moved or cancelled, to both sides' streams on every process */
  readonly meetingEvents: MeetingEvents;
  /** the agenda (issue #11): the stage's AgendaSource, and agenda changes to every process */
  readonly agenda: AgendaService;
  /** the sensitive-word filter: starter lists plus the organizer's list, reloaded on every process when edited */
  readonly words: WordFilterService;
  /** Q&A (issue #11): questions to the session on stage, changes to every instance on every process */
  readonly qa: QaService;
  /** the live auction (issue #12): bids, and the bus that tells every instance of a hall */
  readonly auction: AuctionService;
  /** SMS for phone verification (SMS_PROVIDER), or null when off */
  readonly sms: SmsProvider | null;
  readonly throttle: LoginThrottle;
  /** who a request is from (TRUSTED_PROXIES), for the login throttle and every other per-client limit */
  readonly addresses: ClientAddresses;
  readonly config: Config;
  readonly logger: Logger;
  /** open SSE streams, ended on shutdown */
  readonly streams: Set<{ end(): void }>;
  /** Migrations, first organizer, demo seed, slot reconciliation, orphan sweep. Call before listening. */
  prepare(): Promise<void>;
  close(): Promise<void>;
}

export function createExpoServices(config: Config, logger: Logger, presence: () => Presence | undefined): ExpoServices {
  const cfg = config.expo;
  let database: Database | null = null;
  let repos: Repositories | null = null;
  const open = (): Database => {
    database ??= openDatabase({ databaseUrl: cfg.databaseUrl ?? undefined, sqliteFile: cfg.sqliteFile, pgSchema: cfg.databaseSchema ?? undefined });
    return database;
  };
  const store = new MediaStore(cfg.uploadDir);
  const events = createBoothEvents(presence, config.presencePrefix, (err) => logger.warn({ err }, 'booth event bus'));
  const duty = dutyExpiry(events);
  const leadEvents = createLeadEvents(presence, config.presencePrefix, (err) => logger.warn({ err }, 'lead event bus'));
  const conversationEvents = createConversationEvents(presence, config.presencePrefix, (err) => logger.warn({ err }, 'conversation event bus'));
  const meetingEvents = createMeetingEvents(presence, config.presencePrefix, (err) => logger.warn({ err }, 'meeting event bus'));
  const getRepos = (): Repositories => (repos ??= createRepositories(open().db));
  const agenda = createAgendaService(getRepos, presence, config.presencePrefix, (err) => logger.warn({ err }, 'agenda event bus'));
  // reads the organizer's list through getRepos, so the database opens only when prepare() loads it
  const words = createWordFilterService(getRepos, logger, { presence, prefix: config.presencePrefix });
  const qa = createQaService(getRepos, presence, config.presencePrefix, (err) => logger.warn({ err }, 'qa event bus'));
  const auction = createAuctionService(getRepos, presence, config.presencePrefix, (err) => logger.warn({ err }, 'auction event bus'));
  const streams = new Set<{ end(): void }>();
  let stopRetention: (() => void) | null = null;

  return {
    get database() {
      return open();
    },
    get repos() {
      return getRepos();
    },
    store,
    events,
    duty,
    leadEvents,
    conversationEvents,
    meetingEvents,
    agenda,
    words,
    qa,
    auction,
    sms: config.expo.smsProvider === 'dev' ? devSmsProvider(logger) : null,
    throttle: new LoginThrottle({ ...DEFAULT_THROTTLE, ipBurst: cfg.loginIpBurst, emailBurst: cfg.loginEmailBurst }),
    addresses: clientAddresses(config.trustedProxies),
    config,
    logger,
    streams,

    async prepare() {
      if (cfg.databaseUrl && cfg.databaseSchema) await ensurePgSchema(cfg.databaseUrl, cfg.databaseSchema);
      const db = open();
      await withStartupLock(db, async () => {
        const applied = await migrateToLatest(db);
        logger.info({ dialect: db.dialect, applied }, db.dialect === 'sqlite' ? `database: ${cfg.sqliteFile}` : 'database: PostgreSQL');
        store.init();
        const r = this.repos;
        if (cfg.organizerEmail && cfg.organizerPassword) {
          const result = await ensureOrganizer(r, cfg.organizerEmail, cfg.organizerPassword);
          logger.info({ email: cfg.organizerEmail, result }, 'organizer account from ORGANIZER_EMAIL');
        }
        if (cfg.seedDemo) await seedDemoIfEmpty({ repos: r, store, log: logger });
        const expo = await r.expos.getActive();
        if (expo) await reconcileBooths(r, expo, logger);
        // the expo's souvenir signing key (issue #12), generated on first start and kept with the data
        const key = await r.souvenirs.ensureKey();
        logger.info({ key: key.id }, 'souvenir signing key');
        const removed = await store.sweep(await r.media.allFiles());
        if (removed) logger.info({ removed }, 'removed orphaned upload files');
      });
      stopRetention ??= startRetention(this);
      // the organizer's words, now that the table exists; a failure is logged and the starter lists stay
      await words.reload();
    },

    async close() {
      stopRetention?.();
      stopRetention = null;
      for (const s of streams) s.end();
      streams.clear();
      duty.close();
      events.close();
      leadEvents.close();
      conversationEvents.close();
      meetingEvents.close();
      agenda.close();
      words.close();
      qa.close();
      auction.close();
      if (database) await database.close();
      database = null;
      repos = null;
    },
  };
}
