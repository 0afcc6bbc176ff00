import { TelegramError } from 'telegraf';

// What the Bot API's error replies mean for us. Descriptions are matched loosely: Telegram
// words them per chat type ("kicked from the group chat" / "…supergroup chat").

function describe(e: unknown): { code: number; description: string } | undefined {
  return e instanceof TelegramError ? { code: e.code, description: (e.description ?? '').toLowerCase() } : undefined;
}

/** 429 Too Many Requests: seconds to wait before the same call will be accepted. */
export function retryAfterSeconds(e: unknown): number | undefined {
  if (!(e instanceof TelegramError) || e.code !== 429) return undefined;
  const s = e.parameters?.retry_after;
  return typeof s === 'number' && s >= 0 ? s : 1;
}

/** An edit that would leave the message as it is: the card already shows this. */
export function isNotModified(e: unknown): boolean {
  const d = describe(e);
  return d !== undefined && d.code === 400 && d.description.includes('message is not modified');
}

/** The bot cannot write to this chat any more: removed, blocked, or the chat is gone. */
export function isChatGone(e: unknown): boolean {
  const d = describe(e);
  if (!d) return false;
  if (d.code === 403) return true;
  return d.code === 400 && (d.description.includes('chat not found') || d.description.includes('group chat was upgraded'));
}

/** The message to edit was deleted (e.g. by an admin). */
export function isMessageGone(e: unknown): boolean {
  const d = describe(e);
  return d !== undefined && d.code === 400 && (d.description.includes('message to edit not found') || d.description.includes('message can\'t be edited'));
}

/** Telegram could not parse our HTML: a rendering bug, answered by sending plain text. */
export function isParseError(e: unknown): boolean {
  const d = describe(e);
  return d !== undefined && d.code === 400 && d.description.includes("can't parse entities");
}

/** For logs: the API's own words, never the request (it may carry user text). */
export function errorSummary(e: unknown): { code?: number; description: string } {
  if (e instanceof TelegramError) return { code: e.code, description: e.description ?? e.message };
  return { description: e instanceof Error ? e.message : String(e) };
}

/**
 * The person has not pressed Start in the bot's private chat (or blocked it): Telegram lets a bot
 * write to them only after that. Thrown after they were told in a group, so the outbox tries
 * again later (they may press Start meanwhile) instead of giving up at once.
 */
export class PrivateChatClosedError extends Error {
  override name = 'PrivateChatClosedError';
  readonly code = 'private_chat_not_started';
}

/** Telegram refused a private chat with a person: they never started the bot, or blocked it. */
export function isPrivateChatClosed(e: unknown): boolean {
  return describe(e)?.code === 403;
}
