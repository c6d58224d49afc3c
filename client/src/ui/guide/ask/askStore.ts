/**
 * The ask-the-guide panel's state that the hall's first bytes carry: whether it is open (the HUD's
 * button sets it) and the conversation so far, kept while the panel is closed so that "take me
 * there" and reopening do not lose it. The panel and the matcher themselves are a lazy chunk.
 */
import { create } from 'zustand';
import type { AskAnswer } from './matcher';

export interface Exchange {
  id: number;
  question: string;
  /** null while the guide still gathers what it knows (the booths' first load) */
  answer: AskAnswer | null;
  /** ms since epoch: the answer's times are said relative to this day */
  answeredAt: number;
}

/** The conversation shows this many exchanges, the newest last. */
const KEEP = 6;

interface AskState {
  open: boolean;
  log: Exchange[];
  setOpen(open: boolean): void;
  ask(question: string): number;
  answered(id: number, answer: AskAnswer, at: number): void;
  clear(): void;
}

let nextId = 1;

export const useAsk = create<AskState>((set) => ({
  open: false,
  log: [],
  setOpen: (open) => set({ open }),
  ask: (question) => {
    const id = nextId++;
    set((s) => ({ log: [...s.log, { id, question, answer: null, answeredAt: 0 }].slice(-KEEP) }));
    return id;
  },
  answered: (id, answer, at) => set((s) => ({ log: s.log.map((e) => (e.id === id ? { ...e, answer, answeredAt: at } : e)) })),
  clear: () => set({ log: [] }),
}));
