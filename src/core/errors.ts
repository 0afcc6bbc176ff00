import type { MessageKey, MessageParams } from '../i18n/catalog';

/**
 * An error the user caused and can fix: shown to them in their language. Anything else that
 * escapes a handler is a bug: logged with context, answered with a generic apology.
 */
export class UserError<K extends MessageKey = MessageKey> extends Error {
  constructor(
    readonly key: K,
    readonly params: MessageParams<K>,
  ) {
    super(key);
    this.name = 'UserError';
  }
}

export function userError<K extends MessageKey>(key: K, ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]): UserError<K> {
  return new UserError(key, params[0] as MessageParams<K>);
}

/**
 * The store could not take a write just now (disk full, another process holding the write lock
 * past the busy timeout, an I/O error). Nothing of the event was stored, so it must not be
 * acknowledged: the platform delivers it again, and the person is told to try again.
 */
export class StoreUnavailableError extends Error {
  constructor(
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(`store unavailable (${code})`, options);
    this.name = 'StoreUnavailableError';
  }
}
