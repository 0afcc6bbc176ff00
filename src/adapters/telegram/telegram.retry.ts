import type { Logger } from '../../core/logger';
import { retryAfterSeconds } from './telegram.errors';

export interface RetryOptions {
  /** Injected so tests observe the wait instead of sleeping through it. */
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  /** Calls in all, the first included. */
  attempts?: number;
}

export { realSleep } from '../real-sleep';

/**
 * Runs a Bot API call; on 429 waits the `retry_after` Telegram asked for and calls again.
 * Only 429 is retried: Telegram guarantees the call was refused, so the retry cannot send a
 * message twice. A network error or 5xx may have gone through and is left to the caller.
 */
export async function withFloodRetry<T>(method: string, call: () => Promise<T>, opts: RetryOptions): Promise<T> {
  const attempts = opts.attempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      const wait = retryAfterSeconds(e);
      if (wait === undefined || attempt >= attempts) throw e;
      opts.logger.warn({ method, retryAfter: wait, attempt }, 'telegram flood limit: waiting before retrying');
      await opts.sleep(wait * 1000);
    }
  }
}
