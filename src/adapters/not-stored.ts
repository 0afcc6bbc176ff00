/**
 * Thrown inside an adapter when the core reported an event as not stored (disk full, write
 * lock held): whatever answers the platform turns it into "not acknowledged" (an HTTP 503, no
 * Socket Mode ack, a Telegram offset not moved past it) so the platform delivers it again.
 * It has a `code` so Bolt passes it through its error handler unchanged.
 */
export class NotStoredError extends Error {
  readonly code = 'po_bot_not_stored';
  constructor() {
    super('event not stored; not acknowledged so the platform redelivers it');
    this.name = 'NotStoredError';
  }
}

export function isNotStored(e: unknown): e is NotStoredError {
  return e instanceof NotStoredError;
}
