/**
 * Repeat visits in the halls bench (issue #13 part 5): the same browser context visits a hall twice,
 * first cold (empty HTTP cache, no service worker), then again with its cache and the service worker
 * the first visit installed (client/build/pwaPlugin.ts). The time is from the start of navigation to
 * the hall being ready: joined and its first frame drawn (the probe's render counter, as `measure`
 * waits for). Goal: the second visit starts in ≤ 30 % of the first's time. Two times are printed:
 * "code in hand" (navigation start to the end of the loading screen's download step: what the cache
 * and the SW save) and "joined and drawn" (which adds joining, building the scene and compiling its
 * shaders: on this machine's software WebGL that CPU work, the same on both visits, dominates).
 *
 * On localhost the network costs nothing, so each pair runs twice: straight to the server, and
 * through a small proxy in this file that gives every request and response (the service worker's
 * own fetches too, which a page's CDP throttling would not slow) a 4G-like link: 9 Mbit/s shared
 * downstream, 40 ms round trip. The proxy also counts the bytes that crossed the network (headers
 * and bodies as sent, compressed where the server compressed), so the rows say what each visit
 * fetched. WebSockets pass through the proxy unthrottled and uncounted (the room's traffic is the
 * same on both visits).
 */
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser } from '@playwright/test';
import { HALL_IDS } from '../../shared/halls';
import { NAME_SHIM, joinBots } from '../halls';
import type {} from '../../client/src/debug';

const LINK = { bitsPerSecond: 9e6, rttMs: 40 };
const GOAL = 0.3;

interface Proxy {
  base: string;
  /** bytes of HTTP responses (status line, headers, body) sent to the browser since the last reset */
  bytes(): number;
  requests(): number;
  reset(): void;
  close(): Promise<void>;
}

/** An HTTP proxy to `target` that shapes responses to a shared link (or passes them straight with `link` null) and counts them. */
async function shapingProxy(target: string, link: typeof LINK | null): Promise<Proxy> {
  const t = new URL(target);
  let bytes = 0;
  let requests = 0;
  // one downstream link shared by every connection: each chunk waits until the link is free
  let linkFreeAt = 0;
  const sendShaped = (res: http.ServerResponse, chunk: Buffer): Promise<void> => {
    bytes += chunk.length;
    if (!link) {
      res.write(chunk);
      return Promise.resolve();
    }
    const now = Date.now();
    linkFreeAt = Math.max(now, linkFreeAt) + (chunk.length * 8 * 1000) / link.bitsPerSecond;
    return new Promise((resolve) =>
      setTimeout(
        () => {
          res.write(chunk);
          resolve();
        },
        Math.max(0, linkFreeAt - now),
      ),
    );
  };
  const server = http.createServer((req, res) => {
    requests++;
    const headers = { ...req.headers, host: t.host };
    // the server checks Origin against its own address
    if (headers.origin) headers.origin = t.origin;
    if (headers.referer) headers.referer = headers.referer.replace(/^https?:\/\/[^/]+/, t.origin);
    const forward = () => {
      const up = http.request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers }, (upRes) => {
        const head = `HTTP/1.1 ${upRes.statusCode} ${upRes.statusMessage}\r\n${Object.entries(upRes.headers)
          .map(([k, v]) => `${k}: ${String(v)}`)
          .join('\r\n')}\r\n\r\n`;
        bytes += Buffer.byteLength(head);
        res.writeHead(upRes.statusCode ?? 502, upRes.headers);
        // the response's first byte a half round trip later
        const start = link ? new Promise((r) => setTimeout(r, link.rttMs / 2)) : Promise.resolve();
        let chain: Promise<unknown> = start;
        upRes.on('data', (c: Buffer) => {
          // server-sent events and long answers: chunks in order, each after the one before
          upRes.pause();
          chain = chain.then(() => sendShaped(res, c)).then(() => upRes.resume());
        });
        upRes.on('end', () => void chain.then(() => res.end()));
      });
      up.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      req.pipe(up);
    };
    // the request reaches the server a half round trip later
    if (link) setTimeout(forward, link.rttMs / 2);
    else forward();
  });
  // room sockets: raw TCP through, so the hall can join via the proxy's origin
  server.on('upgrade', (req, socket, head) => {
    const up = net.connect(Number(t.port), t.hostname, () => {
      const lines = [`${req.method} ${req.url} HTTP/1.1`];
      for (let i = 0; i < req.rawHeaders.length; i += 2) {
        const k = req.rawHeaders[i];
        let v = req.rawHeaders[i + 1];
        if (/^host$/i.test(k)) v = t.host;
        if (/^origin$/i.test(k)) v = t.origin;
        lines.push(`${k}: ${v}`);
      }
      up.write(lines.join('\r\n') + '\r\n\r\n');
      if (head.length) up.write(head);
      socket.pipe(up).pipe(socket);
    });
    const end = () => {
      up.destroy();
      socket.destroy();
    };
    up.on('error', end);
    socket.on('error', end);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://localhost:${port}`,
    bytes: () => bytes,
    requests: () => requests,
    reset: () => {
      bytes = 0;
      requests = 0;
    },
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

interface Visit {
  ms: number;
  /** from navigation start to the end of the loading screen's download step (the hall's code in hand) */
  codeMs: number;
  bytes: number;
  requests: number;
}

/** Runs in the page before its scripts: when each loading step first shows, from navigation start. */
function stageClock(): void {
  const times: Record<string, number> = {};
  (window as unknown as { __stageTimes: Record<string, number> }).__stageTimes = times;
  new MutationObserver(() => {
    const s = document.querySelector('[data-testid="hall-loading"]')?.getAttribute('data-stage');
    if (s && times[s] === undefined) times[s] = performance.now();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-stage'] });
}

/** Navigates and waits until the hall is joined and has drawn (serialized into the page: no closure). */
async function visit(page: import('@playwright/test').Page, url: string, proxy: Proxy): Promise<Visit> {
  proxy.reset();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(
    () => {
      // joined, drawing, and the loading screen at its last step (the scenery's first frame, scene/FirstFrame.tsx) or gone
      const stage = document.querySelector('[data-testid="hall-loading"]')?.getAttribute('data-stage');
      return window.__ludao?.render && window.__ludao.render.calls > 0 && window.__ludao.status() === 'joined' && (stage === undefined || stage === 'ready');
    },
    null,
    { timeout: 120_000, polling: 50 },
  );
  const ms = Date.now() - t0;
  const times = await page.evaluate(() => (window as unknown as { __stageTimes: Record<string, number> }).__stageTimes);
  // the step after the download: connect (or build/ready when joining was quicker than a frame)
  const after = ['connect', 'build', 'ready'].map((k) => times[k]).find((v) => v !== undefined);
  return { ms, codeMs: Math.round(after ?? NaN), bytes: proxy.bytes(), requests: proxy.requests() };
}

/**
 * Leaves the hall on purpose, then the page: a closed tab keeps its seat for the reconnection window,
 * and the second visit (same name) would wait on it (as tests/e2e/support/fixtures.ts does).
 */
async function leave(page: import('@playwright/test').Page): Promise<void> {
  await page
    .getByTestId('leave')
    .dispatchEvent('click', undefined, { timeout: 3000 })
    .then(() => page.waitForFunction(() => window.__ludao?.status() === 'idle', null, { timeout: 10_000 }))
    .catch(() => undefined);
  await page.goto('about:blank');
}

const kb = (n: number) => `${(n / 1024).toFixed(0).padStart(5)} KB`;

/** One hall, one link: a cold visit and a repeat visit in the same context. */
async function pair(browser: Browser, base: string, hall: string, link: typeof LINK | null): Promise<string> {
  const proxy = await shapingProxy(base, link);
  const ctx = await browser.newContext({ viewport: { width: 640, height: 360 } });
  try {
    await ctx.addInitScript(() => localStorage.setItem('ludao.profile', '{"name":"bench","color":1,"style":0}'));
    await ctx.addInitScript(NAME_SHIM);
    await ctx.addInitScript(stageClock);
    const page = await ctx.newPage();
    const url = `${proxy.base}/hall/${hall}?quality=low`;
    const first = await visit(page, url, proxy);
    // the worker the first visit registered, active and controlling, before the page goes
    const sw = await page
      .waitForFunction(() => !!navigator.serviceWorker?.controller, null, { timeout: 20_000 })
      .then(() => true)
      .catch(() => false);
    await leave(page);
    const second = await visit(page, url, proxy);
    await leave(page);
    const ratio = second.ms / first.ms;
    const codeRatio = second.codeMs / first.codeMs;
    return (
      `${hall.padEnd(9)}  ${(link ? `4G-like ${link.bitsPerSecond / 1e6} Mbit/s, ${link.rttMs} ms` : 'localhost').padEnd(24)}` +
      `  code in hand ${String(first.codeMs).padStart(6)} → ${String(second.codeMs).padStart(5)} ms = ×${codeRatio.toFixed(2)} ${codeRatio <= GOAL ? 'within 30 %' : 'OVER 30 %'}` +
      `  | joined and drawn ${String(first.ms).padStart(6)} → ${String(second.ms).padStart(6)} ms = ×${ratio.toFixed(2)} ${ratio <= GOAL ? 'within 30 %' : 'OVER 30 %'}` +
      `  | from network ${kb(first.bytes)} (${first.requests} req) → ${kb(second.bytes)} (${second.requests} req)${sw ? '' : '  (no service worker: is this a production build?)'}`
    );
  } finally {
    await ctx.close();
    await proxy.close();
  }
}

export async function pwaRows(browser: Browser, base: string): Promise<string[]> {
  const rows: string[] = [];
  for (const hall of HALL_IDS) {
    // one bot keeps the room open, so both visits join a room that already exists
    const bots = await joinBots(hall, 1);
    try {
      for (const link of [null, LINK]) {
        try {
          rows.push(await pair(browser, base, hall, link));
        } catch (err) {
          rows.push(`${hall.padEnd(9)}  ${link ? '4G-like' : 'localhost'}: not measured (${(err as Error).message.split('\n')[0]})`);
        }
      }
    } finally {
      for (const r of bots) await r.leave(true).catch(() => undefined);
    }
  }
  return rows;
}
