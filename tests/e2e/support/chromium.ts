/**
 * Which Chromium to drive. `npx playwright install` cannot download browsers here, so:
 * CHROMIUM_PATH if set, else Debian's /usr/bin/chromium when present, else Playwright's own
 * bundled browser (on machines that have one).
 */
import fs from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

export function chromiumExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
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
