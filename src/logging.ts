import pino from 'pino';
import type { Logger } from './core/logger';

/**
 * JSON logs on stderr (stdout belongs to the console chat). Secrets never reach a log line:
 * token-like fields are redacted wherever they appear.
 */
export function createLogger(level: string): Logger & { flush?: () => void } {
  return pino(
    {
      level,
      base: { app: 'po-bot' },
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'signingSecret', '*.signingSecret'], censor: '[redacted]' },
    },
    pino.destination({ fd: 2, sync: true }),
  );
}
