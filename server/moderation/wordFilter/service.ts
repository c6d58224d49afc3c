/**
 * The process's word filter: the starter lists plus the organizer's list from the database,
 * compiled into one automaton kept in memory. It answers from the starter lists until the
 * organizer's list is loaded, and keeps the last good filter when the database cannot be read: it
 * never falls back to no list at all. An edit on any process reaches every process through the
 * presence (server/pubsub.ts), and each reloads from the database.
 */
import crypto from 'node:crypto';
import type { Presence } from '@colyseus/core';
import type { Logger } from '../../lib/logger';
import type { WordListRepository } from '../../db/repositories/wordList';
import { createTopicBus } from '../../pubsub';
import { compileWordFilter, parseEntry, type WordEntry, type WordFilter } from './matcher';
import { starterEntries, starterLists, starterWordFilter } from './starter';

export interface WordFilterService extends WordFilter {
  /** the starter lists' entries, read-only (the console shows them) */
  starter(): { zh: string[]; en: string[] };
  /** true once the organizer's list has been read from the database */
  readonly loaded: boolean;
  /** Reads the organizer's list again and compiles; on failure keeps the filter it has (and logs). */
  reload(): Promise<void>;
  /** The organizer's list changed on this process: reload here now, then tell every other process. */
  changed(): Promise<void>;
  close(): void;
}

interface ChangeEvent {
  key: 'words';
  /** the process that changed the list: it has reloaded already */
  origin: string;
}

export interface WordFilterServiceOptions {
  presence: () => Presence | undefined;
  /** prefix of Ludao's presence channels */
  prefix: string;
}

export function createWordFilterService(repos: () => { wordList: WordListRepository }, logger: Logger, opts: WordFilterServiceOptions): WordFilterService {
  const origin = crypto.randomUUID();
  let current: WordFilter = starterWordFilter();
  let version = 0;
  let loaded = false;
  // one load at a time, in order: a slow read must not overwrite a newer one
  let chain: Promise<void> = Promise.resolve();

  const load = async () => {
    try {
      const rows = await repos().wordList.list();
      const custom: WordEntry[] = [];
      for (const r of rows) {
        const p = parseEntry(r.word);
        if (p.ok) custom.push(p.entry);
      }
      current = compileWordFilter([...starterEntries(), ...custom], ++version);
      loaded = true;
    } catch (err) {
      logger.warn({ err }, 'word list: could not read the organizer list; the filter keeps its current words');
    }
  };
  const bus = createTopicBus<ChangeEvent>(
    opts.presence,
    `${opts.prefix}wordList`,
    (raw) => ((raw as ChangeEvent)?.key === 'words' ? 'words' : null),
    (err) => logger.warn({ err }, 'word list event bus'),
  );
  // listens once the presence exists (the bus subscribes to it on first use, which must find it)
  let unsubscribe: (() => void) | null = null;
  const listen = () => {
    if (unsubscribe || !opts.presence()) return;
    unsubscribe = bus.subscribe('words', (e) => {
      if (e.origin !== origin) void reload();
    });
  };
  const reload = () => {
    listen();
    return (chain = chain.then(load));
  };

  const starterWords = () => {
    const l = starterLists();
    return { zh: l.zh.map((e) => e.word), en: l.en.map((e) => e.word) };
  };

  return {
    get version() {
      return version;
    },
    get loaded() {
      return loaded;
    },
    check(text) {
      try {
        return current.check(text);
      } catch (err) {
        logger.error({ err }, 'word filter check failed');
        return { hits: ['?'] };
      }
    },
    mask(text) {
      try {
        return current.mask(text);
      } catch (err) {
        // closed, not open: a line the filter cannot read is not shown as it is
        logger.error({ err }, 'word filter mask failed');
        return typeof text === 'string' ? '*'.repeat([...text].length) : '';
      }
    },
    starter: starterWords,
    reload,
    async changed() {
      await reload();
      bus.publish({ key: 'words', origin });
    },
    close() {
      unsubscribe?.();
      unsubscribe = null;
      bus.close();
    },
  };
}
