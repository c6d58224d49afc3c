/**
 * `window.__ludaoQa`: what the hall's Q&A panel lists and what the stage screen's card last drew, for
 * e2e tests. Read-only, and nothing a visitor could not read on screen.
 */
import { useQa } from './qaStore';

export interface QaProbe {
  sessionId(): string;
  approved(): string[];
  pending(): string[];
  /** the questions the 3D stage card drew last (empty while a video plays on the screen) */
  card(): string[];
}

declare global {
  interface Window {
    __ludaoQa?: QaProbe;
  }
}

/** Written by scene/stage/Stage each time the card is drawn. */
export const cardQuestions = { drawn: [] as string[] };

export function installQaProbe(): () => void {
  const probe: QaProbe = {
    sessionId: () => useQa.getState().snapshot.sessionId,
    approved: () => useQa.getState().snapshot.approved.map((q) => q.text),
    pending: () => useQa.getState().snapshot.pending.map((q) => q.text),
    card: () => [...cardQuestions.drawn],
  };
  window.__ludaoQa = probe;
  return () => {
    if (window.__ludaoQa === probe) delete window.__ludaoQa;
  };
}
