/**
 * End-to-end: the built client (`vite build`, run by `npm run test:e2e`) served by the real server
 * on a fixed test port, driven in Chromium with software WebGL. One worker: two cores are shared.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/support/chromium';
import { E2E_HLS_PORT, E2E_ORIGIN, E2E_PORT } from './tests/e2e/support/origin';

// One throwaway data folder per run (workers inherit the variable, so they do not make their own);
// removed by the global teardown.
process.env.LUDAO_E2E_DATA_DIR ||= fs.mkdtempSync(path.join(os.tmpdir(), 'ludao-e2e-data-'));

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
  globalTeardown: './tests/e2e/support/teardown.ts',
  // E2E_OUTPUT_DIR / E2E_PORT let two people on one machine run the suite side by side.
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results',
  use: {
    baseURL: E2E_ORIGIN,
    browserName: 'chromium',
    // Small: SwiftShader renders on the CPU.
    viewport: { width: 640, height: 360 },
    locale: 'zh-CN',
    launchOptions: chromiumLaunchOptions(),
    screenshot: 'only-on-failure',
    // Traces cost CPU while recording and nobody can open one from a CI log: local runs only.
    trace: process.env.CI ? 'off' : 'retain-on-failure',
  },
  webServer: [
    {
      // the venue's media server for the live stage spec: the HLS fixture as a live stream
      command: 'npx tsx tests/fixtures/hlsOrigin.ts',
      url: `http://127.0.0.1:${E2E_HLS_PORT}/stage/index.m3u8`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: { PORT: String(E2E_HLS_PORT) },
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
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
        DATA_DIR: process.env.LUDAO_E2E_DATA_DIR,
        // The first organizer, for specs that run the expo (announcements).
        ORGANIZER_EMAIL: 'organizer@e2e.ludao.example',
        ORGANIZER_PASSWORD: 'e2e-organizer-password',
        LIVE_HLS_ORIGIN: `http://127.0.0.1:${E2E_HLS_PORT}`,
      },
      stdout: 'pipe',
      stderr: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
