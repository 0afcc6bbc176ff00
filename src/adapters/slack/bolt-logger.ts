import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger';

/**
 * Bolt and its Web API client log through this bridge into our structured logger (stderr),
 * never their own console logger: stdout belongs to the console chat. Bolt's debug lines (a
 * dozen per request) are dropped here, before they are formatted, unless `debug` is set.
 */
export function boltLogger(logger: Logger, opts: { debug?: boolean; name?: string } = {}): BoltLogger {
  let level: LogLevel = opts.debug ? LogLevel.DEBUG : LogLevel.INFO;
  let name = opts.name ?? 'slack';
  // Strings and error messages only: an object Bolt or the Web API client passes may be a
  // request or a payload, and no header or body may reach a log line at any level.
  const line = (msg: unknown[]) => ({ component: name, detail: msg.map((m) => (m instanceof Error ? m.message : typeof m === 'string' ? m : `[${typeof m}]`)).join(' ') });
  return {
    debug: (...msg) => {
      if (level === LogLevel.DEBUG) logger.debug(line(msg), 'bolt');
    },
    info: (...msg) => logger.info(line(msg), 'bolt'),
    warn: (...msg) => logger.warn(line(msg), 'bolt'),
    error: (...msg) => logger.error(line(msg), 'bolt'),
    setLevel: (l) => void (level = l),
    getLevel: () => level,
    setName: (n) => void (name = n),
  };
}
