/** The `wordList` i18n namespace, English. Same keys as zh-CN.ts (tests/unit/wordFilterI18n.test.ts). */
import type { zhCN } from './zh-CN';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export const en: Shape<typeof zhCN> = {
  title: 'Word list',
  intro:
    'Listed words in chat lines and questions are replaced by *; display names and booth texts with a listed word are refused. Traditional characters, full-width letters, case and symbols or spaces between letters are folded first, so "賭.博" is found as "赌博".',
  rules:
    'Chinese words match anywhere; English words match whole words ("meth" does not match "method"). Put * before or after an English word to let it match longer words: "scam*" also matches "scammers".',
  addLabel: 'Add words (one per line)',
  addPlaceholder: 'For example:\n刷单\nscam*',
  add: 'Add',
  adding: 'Adding…',
  added: '{{count}} added',
  already: '{{count}} already listed: {{words}}',
  nothingToAdd: 'Enter at least one word',
  custom: 'Custom words ({{count}} / {{max}})',
  customEmpty: 'No custom words yet.',
  remove: 'Remove',
  removeLabel: 'Remove “{{word}}”',
  removed: '“{{word}}” removed',
  addedAt: 'added {{time}}',
  tryTitle: 'Try it',
  tryLabel: 'Type a sentence to see how chat would show it',
  tryButton: 'Check',
  tryHits: 'Found: {{words}}',
  tryClean: 'No listed word found',
  tryMasked: 'Chat shows: {{text}}',
  starter: 'Starter list ({{count}} words, read-only)',
  starterZh: 'Chinese ({{count}})',
  starterEn: 'English ({{count}})',
  loading: 'Loading the word list…',
  loadFailed: 'Could not load the word list: {{message}}',
  applies: 'Changes apply to the next chat line in every hall instance at once.',
};
