/**
 * Thrown by an adapter when retrying cannot help (the bot was removed from the chat, the
 * message was deleted, the channel does not exist): the outbox gives up on the entry at once.
 * Anything else thrown by a send is classified by the platform's DeliveryErrors.
 */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/**
 * What a failed send means for the outbox:
 * - `permanent`: the same send can never succeed as it is (a message over the platform's
 *   limits, a channel gone, the bot removed). The entry becomes a dead letter: kept, not
 *   retried, reported on /healthz and to the facilitators, re-queued by hand once fixed.
 * - `obsolete`: what the send was for is gone (a card update of a message someone deleted):
 *   nothing is left to do and nothing needs a person.
 * - `transient`: anything else (rate limits, 5xx, timeouts): retried with backoff, not before
 *   `retryAfterMs` when the platform said how long to wait.
 */
export type DeliveryFailure =
  | { kind: 'permanent'; code: string }
  | { kind: 'obsolete'; code: string }
  | { kind: 'transient'; code: string; retryAfterMs?: number };

/** Each platform's table of its errors, kept in its adapter's folder; the outbox asks it. */
export interface DeliveryErrors {
  classify(error: unknown, op: 'post' | 'update'): DeliveryFailure;
}

/** What is known without a platform's table: only an explicit PermanentDeliveryError stops retries. */
export const genericDeliveryErrors: DeliveryErrors = {
  classify(error) {
    if (error instanceof PermanentDeliveryError) return { kind: 'permanent', code: error.code ?? 'permanent' };
    const code = (error as { code?: unknown } | null)?.code;
    return { kind: 'transient', code: typeof code === 'string' ? code : 'error' };
  },
};

/** A Delivery that knows which platform a target is on and can classify its errors (the hub). */
export interface ClassifiesDeliveryErrors {
  classifyDeliveryError(target: string, error: unknown, op: 'post' | 'update'): DeliveryFailure;
}
