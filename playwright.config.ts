/**
 * End-to-end: the built client (`vite build`, run by `npm run test:e2e`) served by the real server
 * on a fixed test port, driven in Chromium with software WebGL. One worker: two cores are shared.
 */
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/chromium';
import { E2E_ORIGIN, E2E_PORT } from './tests/e2e/support/origin';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  // Generous: two pages rendering in software on two shared cores are slow, not broken.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: {
    baseURL: E2E_ORIGIN,
    browserName: 'chromium',
    // Small: SwiftShader renders on the CPU.
    viewport: { width: 640, height: 360 },
    locale: 'zh-CN',
    launchOptions: chromiumLaunchOptions(),
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx server/index.ts',
    url: `${E2E_ORIGIN}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    // Self-contained: no Redis or PostgreSQL even when CI exports their URLs for other suites.
    env: {
      PORT: String(E2E_PORT),
      LOG_LEVEL: 'warn',
      REDIS_URL: '',
      DATABASE_URL: '',
      DATA_DIR: path.join(os.tmpdir(), `ludao-e2e-data-${process.pid}`),
    },
    stdout: 'pipe',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
  },
});
