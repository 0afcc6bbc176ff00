/**
 * Thrown by an adapter when retrying cannot help (the bot was removed from the chat, the
 * message was deleted, the channel does not exist): the outbox gives up on the entry at once.
 * Anything else thrown by a send is treated as transient and retried with backoff.
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
