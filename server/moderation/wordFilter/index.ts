/**
 * The sensitive-word filter (issue #11): folding (normalise.ts), the automaton and its matching
 * rules (matcher.ts), the shipped starter lists (starter.ts) and the process's live filter with the
 * organizer's list (service.ts). Chat lines and questions are masked; names and booth texts that
 * hit are refused.
 */
export { compileWordFilter, covers, parseEntry, parseList, type EntryProblem, type WordEntry, type WordFilter } from './matcher';
export { normalise, normaliseWord, type Normalised } from './normalise';
export { starterLists, starterWordFilter } from './starter';
export { createWordFilterService, type WordFilterService } from './service';
export { refusedField, textFields, type RefusedField } from './fields';
