/**
 * Which Chromium the e2e tests and benches drive, in this order: CHROMIUM_PATH, then the system's
 * chromium (Debian's /usr/bin/chromium or any chromium/chrome on PATH), then Playwright's own
 * downloaded browser. `provision.ts` (run by `npm run test:e2e` first) gets one when there is none.
 * The lookup takes its facts as arguments so the order is unit-tested without touching the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type LaunchOptions } from '@playwright/test';

export type BrowserSource = 'CHROMIUM_PATH' | 'system' | 'playwright';

export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

export interface BrowserFacts {
  env: NodeJS.ProcessEnv;
  exists(file: string): boolean;
  /** Playwright's own browser for this version, where it would be installed */
  playwrightPath(): string | undefined;
}

/** Names a system Chromium goes by (Debian, Ubuntu, Fedora, Chrome). */
export const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'] as const;

export function onPath(name: string, facts: Pick<BrowserFacts, 'env' | 'exists'>): string | undefined {
  for (const dir of (facts.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (facts.exists(file)) return file;
  }
  return undefined;
}

/**
 * The browser to use, or null when there is none. A CHROMIUM_PATH that names nothing is an error,
 * not a reason to fall back silently: the person who set it meant that browser.
 */
export function findChromium(facts: BrowserFacts): FoundBrowser | null {
  const wanted = facts.env.CHROMIUM_PATH;
  if (wanted) {
    if (!facts.exists(wanted)) throw new Error(`CHROMIUM_PATH=${wanted} does not exist`);
    return { path: wanted, source: 'CHROMIUM_PATH' };
  }
  if (facts.exists('/usr/bin/chromium')) return { path: '/usr/bin/chromium', source: 'system' };
  for (const name of SYSTEM_NAMES) {
    const file = onPath(name, facts);
    if (file) return { path: file, source: 'system' };
  }
  const own = facts.playwrightPath();
  if (own && facts.exists(own)) return { path: own, source: 'playwright' };
  return null;
}

export const machineFacts: BrowserFacts = {
  env: process.env,
  exists: (file) => fs.existsSync(file),
  playwrightPath: () => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  },
};

/** The path for `executablePath` (undefined lets Playwright use its own default). */
export function chromiumExecutable(facts: BrowserFacts = machineFacts): string | undefined {
  const found = findChromium(facts);
  return found?.source === 'playwright' ? undefined : found?.path;
}

/** WebGL in software (SwiftShader through ANGLE), and no background traffic to Google's hosts. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--use-gl=angle',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];

export function chromiumLaunchOptions(): LaunchOptions {
  return { executablePath: chromiumExecutable(), args: CHROMIUM_ARGS };
}
