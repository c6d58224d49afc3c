/**
 * Reads something again when told to, one read at a time. Requests that come within `delayMs` of
 * each other make one read (a popular talk's burst of upvotes is one read of the queue, not fifty);
 * a request during a read makes one more read after it, so the last change is always seen.
 */
export interface CoalescedReader {
  /** read soon (after `delayMs`), or at once when `now` */
  request(now?: boolean): void;
  /** no more reads; a read under way finishes and is not followed */
  stop(): void;
}

export function coalescedReader(read: () => Promise<unknown>, delayMs: number): CoalescedReader {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let reading = false;
  let again = false;
  let stopped = false;

  const run = () => {
    timer = null;
    if (stopped) return;
    reading = true;
    read()
      .catch(() => {
        /* the reader shows its own failures; the next request tries again */
      })
      .finally(() => {
        reading = false;
        if (again && !stopped) {
          again = false;
          request();
        }
      });
  };

  function request(now = false): void {
    if (stopped) return;
    if (reading) {
      again = true;
      return;
    }
    if (now) {
      if (timer) clearTimeout(timer);
      run();
      return;
    }
    if (!timer) timer = setTimeout(run, delayMs);
  }

  return {
    request,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
