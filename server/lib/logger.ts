import pino from 'pino';

/** Structured JSON logs; pipe through `npx pino-pretty` to read them by eye. */
export function createLogger(level: string) {
  return pino({
    level,
    base: { app: 'ludao' },
    // Tokens must never reach the logs, wherever a caller put them.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'token', '*.token', 'reconnectionToken'],
  });
}

export type Logger = ReturnType<typeof createLogger>;
