import { defineConfig } from 'vitest/config';

/**
 * Two projects, one chain (`npm test` runs them in turn):
 * - unit: pure functions, no sockets, fast and parallel.
 * - integration: a real Ludao server (createApp on port 0) and real colyseus.js clients. Colyseus'
 *   matchMaker is a process-wide singleton, so every file runs in its own forked process, one file
 *   at a time, and starts exactly one server.
 *
 * Schema classes use legacy decorators: the transform follows tsconfig.base.json
 * (experimentalDecorators + useDefineForClassFields false). tests/integration/hall.test.ts checks
 * that state really decodes (a visitor's name reaches the other client), because a transform that
 * ignores those options decodes empty state without any error.
 */
export default defineConfig({
  test: {
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
