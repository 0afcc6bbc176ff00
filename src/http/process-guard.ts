import type { Logger } from '../core/logger';
import type { RequestStats } from './request-stats';

/**
 * No single request, event or timer may end the process and every platform with it (a signed
 * Slack request with a `null` body once did, from inside Bolt). An error nobody caught is
 * logged with its message and stack only (errors from HTTP libraries carry the request, headers
 * and all, as properties), counted for /healthz, and the process keeps serving. Returns a
 * function that removes the guard.
 */
export function installProcessGuard(logger: Logger, stats: RequestStats): () => void {
  const onError = (kind: string) => (e: unknown) => {
    stats.uncaught();
    const err = e instanceof Error ? { type: e.name, message: e.message, stack: e.stack } : { message: String(e).slice(0, 500) };
    logger.error({ err, kind }, 'uncaught error: logged and survived');
  };
  const onException = onError('exception');
  const onRejection = onError('rejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
