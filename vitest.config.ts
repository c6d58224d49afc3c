import { defineConfig } from 'vitest/config';

/**
 * Two projects, one chain (`npm test` runs them in turn):
 * - unit: pure functions, no sockets, fast and parallel.
 * - integration: a real Ludao server (createApp on port 0) and real colyseus.js clients. Colyseus'
 *   matchMaker is a process-wide singleton, so every file runs in its own forked process, one file
 *   at a time, and starts exactly one server.
 *
 * Schema classes register their fields with defineTypes (no decorators), so every transform yields
 * the same accessors. tests/integration/hall.test.ts still checks that state really decodes (a
 * visitor's name reaches the other client): a class-field regression decodes empty, without errors.
 */
export default defineConfig({
  test: {
    // Expected noise: Colyseus and ws log the malformed frames the misbehaving-client tests send.
    onConsoleLog(log: string) {
      if (/MessagePack|Max payload size exceeded|reconnection token invalid|allowreconnection/i.test(log)) return false;
      return undefined;
    },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          isolate: true,
          fileParallelism: false,
          maxWorkers: 1,
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
