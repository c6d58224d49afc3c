/** Reads config, starts the server, and shuts it down gracefully (bounded) on SIGTERM/SIGINT. */
import { readConfig } from './config';
import { createLogger } from './lib/logger';
import { createApp } from './app';

const config = readConfig();
const logger = createLogger(config.logLevel);
const app = createApp(config, logger);

process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception'));

// Database: migrate, first organizer, demo expo on an empty database (issue #4).
let port: number;
try {
  await app.expo.prepare();
  port = await app.listen(config.port, config.host);
} catch (err) {
  // A port in use or a database that cannot open is fatal: say so and exit, never linger half-started.
  logger.fatal({ err }, 'could not start');
  process.exit(1);
}
logger.info(
  { port, host: config.host, dist: config.distDir, capacity: config.hallCapacity, redis: Boolean(config.redisUrl), publicAddress: config.publicAddress },
  `Ludao 鹭岛云展 listening on http://localhost:${port}`,
);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const timer = setTimeout(() => {
    logger.warn({ timeoutMs: config.shutdownTimeoutMs }, 'shutdown took too long, exiting anyway');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  timer.unref();
  try {
    await app.shutdown();
    logger.info('stopped');
    process.exit(0);
  } catch (err) {
    logger.error({ err }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
