import { PermanentDeliveryError, type DeliveryErrors, type DeliveryFailure } from '../../core/delivery/delivery-errors';
import { SlackApiError } from './api';

// Slack's error codes (the `error` of a Web API answer; chat.postMessage's and chat.update's
// documented errors, https://api.slack.com/methods/chat.postMessage) sorted by what sending
// the same request again would do. docs/slack.md has the table in words.

/** The request itself can never succeed: the entry becomes a dead letter. */
const PERMANENT = new Set([
  // The message: over a limit, or malformed (a rendering bug). msg_blocks_too_long is
  // undocumented: all blocks' text over about 12,000–13,300 characters (bolt-js #2509, #2867).
  'msg_too_long',
  'msg_blocks_too_long',
  'no_text',
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_arguments',
  'invalid_metadata_format',
  'invalid_metadata_schema',
  'too_many_attachments',
  // The channel: gone, archived, or the bot is not in it (an /invite, then `npm run outbox -- retry`).
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'team_access_not_granted',
  // The token or the app's scopes: nothing works until an administrator fixes the install.
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'not_allowed_token_type',
  'no_permission',
  'access_denied',
]);

/** A card update whose message was deleted or can no longer be edited: nothing left to do. */
const OBSOLETE_UPDATE = new Set(['message_not_found', 'cant_update_message', 'edit_window_closed']);

export function isPermanent(code: string): boolean {
  return PERMANENT.has(code) || OBSOLETE_UPDATE.has(code);
}

/**
 * Everything else is retried: `ratelimited` after the Retry-After Slack sent (the adapter has
 * already waited out a few), Slack's `internal_error`/`fatal_error`/`service_unavailable`,
 * HTTP 5xx, timeouts and network failures.
 */
export const slackDeliveryErrors: DeliveryErrors = {
  classify(e, op): DeliveryFailure {
    if (e instanceof PermanentDeliveryError) return { kind: 'permanent', code: e.code ?? 'permanent' };
    if (!(e instanceof SlackApiError)) return { kind: 'transient', code: 'request_failed' };
    if (op === 'update' && OBSOLETE_UPDATE.has(e.code)) return { kind: 'obsolete', code: e.code };
    if (PERMANENT.has(e.code) || OBSOLETE_UPDATE.has(e.code)) return { kind: 'permanent', code: e.code };
    return { kind: 'transient', code: e.code, ...(e.retryAfterMs !== undefined ? { retryAfterMs: e.retryAfterMs } : {}) };
  },
};
