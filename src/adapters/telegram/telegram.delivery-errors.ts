import { TelegramError } from 'telegraf';
import { PrivateChatClosedError } from './telegram.errors';
import { PermanentDeliveryError, type DeliveryErrors, type DeliveryFailure } from '../../core/delivery/delivery-errors';

// The Bot API's error replies (https://core.telegram.org/api/errors, the Bot API's
// `ResponseParameters`) sorted by what sending the same request again would do. Telegram's
// descriptions are matched loosely: they are worded per chat type ("kicked from the group
// chat" / "…supergroup chat"). docs/telegram.md has the table in words.

/** 400s that mean "this message, to this chat, can never go out as it is". */
const PERMANENT_400 = [
  'chat not found',
  'message is too long',
  'message text is empty',
  'group chat was upgraded to a supergroup chat',
  'have no rights to send a message',
  'not enough rights',
  'chat_write_forbidden',
  'need administrator rights',
  'topic_closed',
  'group is deactivated',
  'peer_id_invalid',
  'button_data_invalid',
  'entities too long',
];

/** 400s of an edit whose message is gone: nothing left to do. */
const OBSOLETE_EDIT = ['message to edit not found', "message can't be edited"];

function describe(e: TelegramError): { code: number; description: string } {
  return { code: e.code, description: (e.description ?? '').toLowerCase() };
}

/**
 * - 403 (the bot was kicked or blocked, is not a member, a deactivated user) and 401 (the token
 *   was revoked): permanent, for every request to that chat or with that token.
 * - 400 with one of the descriptions above: permanent; a deleted message's edit: obsolete.
 * - 429: retried after `parameters.retry_after` seconds; 5xx, timeouts, network errors and
 *   400s not in the table: retried with backoff (and dead letters after the last attempt).
 */
export const telegramDeliveryErrors: DeliveryErrors = {
  classify(e, op): DeliveryFailure {
    if (e instanceof PermanentDeliveryError) return { kind: 'permanent', code: e.code ?? 'permanent' };
    if (e instanceof PrivateChatClosedError) return { kind: 'transient', code: e.code };
    if (!(e instanceof TelegramError)) return { kind: 'transient', code: 'request_failed' };
    const d = describe(e);
    const code = `${d.code} ${d.description}`.trim().slice(0, 80);
    if (d.code === 429) {
      const s = e.parameters?.retry_after;
      return { kind: 'transient', code, retryAfterMs: (typeof s === 'number' && s >= 0 ? s : 1) * 1000 };
    }
    if (op === 'update' && d.code === 400 && OBSOLETE_EDIT.some((x) => d.description.includes(x))) return { kind: 'obsolete', code };
    if (d.code === 401 || d.code === 403) return { kind: 'permanent', code };
    if (d.code === 400 && PERMANENT_400.some((x) => d.description.includes(x))) return { kind: 'permanent', code };
    return { kind: 'transient', code };
  },
};
