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
