import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * The one logger factory. Anything that could carry a credential is redacted here, once, so that no
 * caller has to remember to: tokens must never reach logs.
 */
export function createLogger(options: { level?: string; name?: string } = {}): Logger {
  return pino({
    name: options.name ?? 'gateway',
    level: options.level ?? 'info',
    redact: {
      paths: [
        'authorization',
        'token',
        '*.authorization',
        '*.token',
        'headers.authorization',
        'req.headers.authorization',
        '*.headers.authorization',
      ],
      censor: '[redacted]',
    },
  });
}

/** A logger that drops everything: the default for tests and for library code given no logger. */
export const silentLogger: Logger = pino({ level: 'silent' });
