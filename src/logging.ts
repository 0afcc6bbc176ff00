import type * as Pino from 'pino';
import type { Logger } from './core/logger';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO', 40: 'WARN', 50: 'ERROR', 60: 'FATAL' };

/** One readable line per record for a person at the console: `12:00:01 WARN message key=value`. */
function humanLine(json: string): string {
  try {
    const { level, time, msg, app: _app, pid: _pid, hostname: _host, ...rest } = JSON.parse(json) as Record<string, unknown>;
    const when = new Date(Number(time)).toISOString().slice(11, 19);
    const extra = Object.entries(rest)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    return `${when} ${LEVELS[Number(level)] ?? level} ${msg ?? ''}${extra ? ' ' + extra : ''}\n`;
  } catch {
    return json;
  }
}

const LEVEL_VALUES: Record<string, number> = { ...Object.fromEntries(Object.entries(LEVELS).map(([n, name]) => [name.toLowerCase(), Number(n)])), silent: Infinity };

/**
 * Logs go to stderr (stdout belongs to the console chat): JSON lines in production, readable
 * lines when a person runs the console. Secrets never reach a log line: token-like fields are
 * redacted wherever they appear, and configuration errors name variables, not values.
 *
 * pino is loaded, and its redaction compiled, at the first line actually written: a run that
 * logs nothing at its level (a console session at the default `warn`) never loads it.
 */
export function createLogger(level: string, opts: { human?: boolean } = {}): Logger {
  let logger: Logger | undefined;
  const open = (): Logger => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, not at start-up
    const pino = require('pino') as typeof Pino.default;
    const options = {
      level,
      base: { app: 'po-bot' },
      redact: { paths: ['token', '*.token', 'headers.authorization', '*.headers.authorization', 'signingSecret', '*.signingSecret'], censor: '[redacted]' },
    };
    if (opts.human) return pino(options, { write: (line: string) => void process.stderr.write(humanLine(line)) });
    return pino(options, pino.destination({ fd: 2, sync: true }));
  };
  const min = LEVEL_VALUES[level] ?? LEVEL_VALUES.info!;
  const at = (name: keyof Logger): Logger[keyof Logger] =>
    LEVEL_VALUES[name]! >= min ? (obj, msg) => (logger ??= open())[name](obj, msg) : () => undefined;
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
