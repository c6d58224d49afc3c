/**
 * The e2e `test`: every page of every context it opens is watched, and the test fails if any
 * request (documents, scripts, fonts, sockets...) leaves the origin, or if a page throws.
 * `openVisitor()` gives each visitor its own browser context (own storage, own connection).
 */
import { test as base, expect, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import { staysOnOrigin } from './origin';

export interface Watch {
  /** every request seen, so a test can show the watch is not vacuous */
  seen: number;
  offOrigin: string[];
  pageErrors: string[];
}

function watch(context: BrowserContext, w: Watch): void {
  context.on('request', (req) => {
    w.seen++;
    if (!staysOnOrigin(req.url())) w.offOrigin.push(`${req.method()} ${req.url()}`);
  });
  const onPage = (page: Page) => {
    page.on('websocket', (ws) => {
      if (!staysOnOrigin(ws.url())) w.offOrigin.push(`WS ${ws.url()}`);
    });
    page.on('pageerror', (err) => w.pageErrors.push(`${page.url()}: ${err.message}`));
  };
  context.pages().forEach(onPage);
  context.on('page', onPage);
}

/**
 * Leaves any hall on purpose before a context closes. A closed tab keeps its seat for the
 * reconnection window (20 s), which would make the next test see a visitor who is "away".
 */
async function leaveHalls(context: BrowserContext): Promise<void> {
  for (const page of context.pages()) {
    try {
      const leave = page.getByTestId('leave');
      if ((await leave.count()) === 0) continue;
      // A DOM click, not a pointer one: on narrow screens the button sits in a folded menu, a card
      // or overlay may cover it, and teardown must not depend on the layout.
      await leave.dispatchEvent('click', undefined, { timeout: 3000 });
      await expect.poll(() => page.evaluate(() => window.__ludao?.status()), { timeout: 5000 }).toBe('idle');
    } catch {
      /* the page is gone or broken: the test has already said so */
    }
  }
}

interface Fixtures {
  watchState: Watch;
  /** A fresh browser context and page, watched like the default one (options: a touch phone, say). */
  openVisitor: (options?: BrowserContextOptions) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  watchState: [
    async ({}, use) => {
      const w: Watch = { seen: 0, offOrigin: [], pageErrors: [] };
      await use(w);
      expect(w.offOrigin, 'requests that left the origin').toEqual([]);
      expect(w.pageErrors, 'uncaught errors in pages').toEqual([]);
    },
    { auto: true },
  ],

  context: async ({ context, watchState }, use) => {
    watch(context, watchState);
    await use(context);
    await leaveHalls(context);
  },

  openVisitor: async ({ browser, watchState, baseURL, viewport, locale }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (options) => {
      const context = await browser.newContext({ baseURL, viewport, locale, ...options });
      watch(context, watchState);
      contexts.push(context);
      return context.newPage();
    });
    for (const c of contexts) {
      await leaveHalls(c);
      await c.close();
    }
  },
});

export { expect };
