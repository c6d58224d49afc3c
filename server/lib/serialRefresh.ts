/**
 * One run at a time: a call while a run is on the way does not start a second one beside it, it
 * asks for one more run after it (however many calls came meanwhile), and gets that run's promise.
 * What the hall's stage, Q&A and auction use to re-read the database when told something changed.
 * `run` must not reject; `stopped` ends the repeating (a closed room).
 */
export function serialRefresh(run: () => Promise<void>, stopped: () => boolean = () => false): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  return () => {
    if (stopped()) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await run();
      } while (again && !stopped());
    })().finally(() => {
      running = null;
    });
    return running;
  };
}
