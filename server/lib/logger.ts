import pino from 'pino';

/** Structured JSON logs; pipe through `npx pino-pretty` to read them by eye. */
export function createLogger(level: string, destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    base: { app: 'ludao' },
    // Tokens must never reach the logs, wherever a caller put them.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'token', '*.token', 'reconnectionToken'],
  };
  // a destination (tests that read what was logged) or standard output
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
