import type { webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger';

type WebClient = webApi.WebClient;

import type { Sleep } from '../card-updates';
import { realSleep } from '../real-sleep';
export { realSleep, type Sleep };

/** A Web API call that failed; `code` is Slack's error code (`not_in_channel`, `ratelimited`…). */
export class SlackApiError extends Error {
  override name = 'SlackApiError';
  constructor(
    readonly method: string,
    readonly code: string,
    /** How long Slack asked us to wait (429's Retry-After), when it did. */
    readonly retryAfterMs?: number,
  ) {
    super(`Slack ${method} failed: ${code}`);
  }
}

export interface SlackApiOptions {
  logger: Logger;
  /** Waits out a Retry-After; injected so tests never sleep. */
  sleep?: Sleep;
  /** How many 429s in a row one call waits out before giving up. */
  maxRateLimitWaits?: number;
}

/**
 * The Web API as the adapter uses it. The client is built with `rejectRateLimitedCalls`, so a
 * 429 surfaces here and is waited out per its Retry-After and then sent again: the request
 * was refused, not performed, so the retry posts once. Other failures become SlackApiError
 * with Slack's code, logged once here.
 */
export class SlackApi {
  private readonly sleep: Sleep;
  private readonly maxWaits: number;

  constructor(
    readonly client: WebClient,
    private readonly opts: SlackApiOptions,
  ) {
    this.sleep = opts.sleep ?? realSleep;
    this.maxWaits = opts.maxRateLimitWaits ?? 3;
  }

  async call(method: string, args: Record<string, unknown>): Promise<Record<string, unknown>> {
    for (let waits = 0; ; waits++) {
      try {
        return (await this.client.apiCall(method, args)) as unknown as Record<string, unknown>;
      } catch (e) {
        const err = e as { code?: string; retryAfter?: number; data?: { error?: string }; statusCode?: number };
        if (err.code === 'slack_webapi_rate_limited_error' && waits < this.maxWaits) {
          const seconds = Math.max(0, Math.min(err.retryAfter ?? 1, 300));
          this.opts.logger.warn({ method, retryAfter: seconds }, 'slack rate limited: waiting Retry-After');
          await this.sleep(seconds * 1000);
          continue;
        }
        const code =
          err.code === 'slack_webapi_platform_error'
            ? (err.data?.error ?? 'unknown_error')
            : err.code === 'slack_webapi_rate_limited_error'
              ? 'ratelimited'
              : err.code === 'slack_webapi_http_error'
                ? `http_${err.statusCode ?? 'error'}`
                : 'request_failed';
        this.opts.logger.error({ method, code, err: e }, 'slack api call failed');
        const retryAfterMs = err.code === 'slack_webapi_rate_limited_error' ? Math.max(0, err.retryAfter ?? 1) * 1000 : undefined;
        throw new SlackApiError(method, code, retryAfterMs);
      }
    }
  }
}
