import { PermanentDeliveryError } from '../../core/delivery/delivery-errors';
import type { SlackApiError } from './api';

// Slack error codes after which sending the same message again cannot succeed: the outbox
// gives up on it at once. Everything else (rate limits left after waiting, network failures,
// Slack's own 5xx, and not_in_channel, which an /invite fixes) stays queued and is retried.
const PERMANENT = new Set([
  'channel_not_found',
  'is_archived',
  'message_not_found',
  'cant_update_message',
  'edit_window_closed',
  'msg_too_long',
  'no_text',
  'invalid_blocks',
  'invalid_blocks_format',
  'invalid_arguments',
  'invalid_auth',
  'not_authed',
  'account_inactive',
  'token_revoked',
  'token_expired',
  'missing_scope',
  'not_allowed_token_type',
  'team_access_not_granted',
  'restricted_action',
  'restricted_action_read_only_channel',
  'restricted_action_thread_only_channel',
  'restricted_action_non_threadable_channel',
  'ekm_access_denied',
  'duplicate_message_not_found',
]);

export function isPermanent(code: string): boolean {
  return PERMANENT.has(code);
}

/** What the outbox gets: a PermanentDeliveryError to stop, the Slack error itself to retry. */
export function forOutbox(e: SlackApiError): Error {
  return isPermanent(e.code) ? new PermanentDeliveryError(e.message, e.code) : e;
}
