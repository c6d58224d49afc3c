/**
 * The starter lists shipped in assets/moderation (zh and en), read once per process. They always
 * apply, whatever the database says: a filter without the organizer's words still has these.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config';
import { compileWordFilter, parseList, type WordEntry, type WordFilter } from './matcher';

export interface StarterLists {
  zh: WordEntry[];
  en: WordEntry[];
}

let lists: StarterLists | null = null;
let filter: WordFilter | null = null;

const read = (lang: 'zh' | 'en') => parseList(fs.readFileSync(path.join(projectRoot, 'assets', 'moderation', `words.${lang}.txt`), 'utf8'));

export function starterLists(): StarterLists {
  lists ??= { zh: read('zh'), en: read('en') };
  return lists;
}

export function starterEntries(): WordEntry[] {
  const l = starterLists();
  return [...l.zh, ...l.en];
}

/** The starter lists alone, compiled once: what applies before the organizer's list is loaded, or without a database. */
export function starterWordFilter(): WordFilter {
  filter ??= compileWordFilter(starterEntries(), 0);
  return filter;
}
