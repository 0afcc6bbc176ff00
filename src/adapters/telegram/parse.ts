import * as z from 'zod';
import type { Actor, ChatRef, InboundEvent, MessageRef } from '../../core/types';
import { CALLBACK_SEPARATOR } from './render';

// The update shapes this adapter reads, validated once at the edge. Only the fields used are
// declared (zod drops the rest), so new Bot API fields never make a valid update fail.

const user = z.object({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});
export type TelegramUser = z.infer<typeof user>;

const chat = z.object({
  id: z.number().int(),
  type: z.enum(['private', 'group', 'supergroup', 'channel']),
  title: z.string().optional(),
});
export type TelegramChat = z.infer<typeof chat>;

const message = z.object({
  message_id: z.number().int(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  /** People (and bots) who joined the group: the newcomer's welcome (issue 19). */
  new_chat_members: z.array(user).optional(),
  /** Someone left or was removed: they are no longer a member through this chat (issue 23). */
  left_chat_member: user.optional(),
});

const callbackQuery = z.object({
  id: z.string().min(1),
  from: user,
  // Absent for buttons on inline-mode messages; an "inaccessible" old message still has both ids.
  message: z.object({ message_id: z.number().int(), chat }).optional(),
  data: z.string().optional(),
});

// Emoji, custom emoji, paid stars, and whatever Telegram adds next: only `emoji` votes.
const reactionType = z.object({ type: z.string(), emoji: z.string().optional() });

const messageReaction = z.object({
  chat,
  message_id: z.number().int(),
  user: user.optional(),
  actor_chat: chat.optional(),
  old_reaction: z.array(reactionType),
  new_reaction: z.array(reactionType),
});

const chatMember = z.object({ status: z.string(), user });
const myChatMember = z.object({ chat, from: user, old_chat_member: chatMember, new_chat_member: chatMember });
/** Same shape, about anyone (sent only to an admin bot that asks for it in allowed_updates). */
const otherChatMember = myChatMember;

export const updateSchema = z.object({
  update_id: z.number().int().nonnegative(),
  message: message.optional(),
  callback_query: callbackQuery.optional(),
  message_reaction: messageReaction.optional(),
  my_chat_member: myChatMember.optional(),
  chat_member: otherChatMember.optional(),
});
export type TelegramUpdate = z.infer<typeof updateSchema>;

/** Every update type the adapter handles: passed as allowed_updates to polling and setWebhook. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'message_reaction', 'my_chat_member', 'chat_member'] as const;

/** Statuses of someone in a chat; `restricted` may have left (is_member false), read separately. */
export const IN_CHAT = new Set(['creator', 'administrator', 'member', 'restricted']);

export interface ParseContext {
  botId: number;
  /** The bot's @username without the @, for `/cmd@username`. */
  botUsername: string;
  isVoteReaction(emoji: string): boolean;
}

export type Interpreted =
  /**
   * A command, chat message or vote reaction; `replyTo` is the message answers should quote;
   * `addressed` tells a `/cmd@ThisBot` from a bare `/cmd` (which every bot in a group receives).
   */
  | { kind: 'event'; event: InboundEvent; chatId: number; chatType: TelegramChat['type']; replyTo?: number; addressed?: boolean }
  /** A button press; `event` is undefined when the button's data is not ours to map. */
  | { kind: 'callback'; queryId: string; chatId?: number; event?: Extract<InboundEvent, { kind: 'button' }> }
  /** People joined a group: one join event each (bots, the bot itself included, are left out). */
  | { kind: 'joins'; items: Extract<Interpreted, { kind: 'event' }>[] }
  /** The bot was added, promoted or removed somewhere. */
  | { kind: 'membership'; chat: TelegramChat; status: string; previous: string }
  | { kind: 'ignore'; reason: string };

export function chatRef(chatId: number | string): ChatRef {
  return `telegram:${chatId}`;
}

export function messageRef(chatId: number | string, messageId: number | string): MessageRef {
  return `telegram:${chatId}#${messageId}`;
}

export function telegramActor(u: TelegramUser): Actor {
  // Every update names its sender: a template, not an array filtered and joined, per update.
  const name = (u.last_name ? `${u.first_name} ${u.last_name}` : u.first_name).trim() || u.username || String(u.id);
  return { platform: 'telegram', id: String(u.id), name, ...(u.language_code ? { languageHint: u.language_code } : {}) };
}

// Telegram command names are Latin letters, digits and underscores; `/cmd@bot` addresses one bot.
const COMMAND = /^\/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{1,64}))?(?=\s|$)/;

export type ParsedCommand = { name: string; args: string; addressed: boolean } | { otherBot: string };

/** `/propose 標題`, `/propose@PoBot 標題` or `/propose\n標題\n說明`; undefined when not a command. */
export function parseCommand(text: string, botUsername: string): ParsedCommand | undefined {
  const m = COMMAND.exec(text);
  if (!m) return undefined;
  if (m[2] && m[2].toLowerCase() !== botUsername.toLowerCase()) return { otherBot: m[2] };
  return { name: m[1]!.toLowerCase(), args: text.slice(m[0].length).replace(/^\s+/, ''), addressed: Boolean(m[2]) };
}

export function decodeCallbackData(data: string | undefined): { action: string; value: string } | undefined {
  if (!data) return undefined;
  const i = data.indexOf(CALLBACK_SEPARATOR);
  if (i <= 0) return undefined;
  return { action: data.slice(0, i), value: data.slice(i + 1) };
}

function dedupKey(ctx: ParseContext, updateId: number): string {
  return `telegram:${ctx.botId}:${updateId}`;
}

/** The first plain emoji in a reaction list that counts as a vote. */
function voteEmoji(list: readonly z.infer<typeof reactionType>[], ctx: ParseContext): string | undefined {
  for (const x of list) if (x.type === 'emoji' && x.emoji !== undefined && ctx.isVoteReaction(x.emoji)) return x.emoji;
  return undefined;
}

/** Turns one validated update into what the adapter should do with it. */
export function interpretUpdate(update: TelegramUpdate, ctx: ParseContext): Interpreted {
  const key = dedupKey(ctx, update.update_id);
  if (update.message) {
    const m = update.message;
    if (m.new_chat_members) {
      const people = m.new_chat_members.filter((u) => !u.is_bot && u.id !== ctx.botId);
      if (!people.length) return { kind: 'ignore', reason: 'only bots joined' };
      // A bot cannot write first in private: the welcome is a short group message naming them.
      const items = people.map((u) => ({
        kind: 'event' as const,
        // One update can add several people: each has a delivery key of its own.
        event: { kind: 'join' as const, privateReach: false, actor: telegramActor(u), chat: chatRef(m.chat.id), dedupKey: `${key}:${u.id}` },
        chatId: m.chat.id,
        chatType: m.chat.type,
      }));
      return { kind: 'joins', items };
    }
    if (m.left_chat_member) {
      const u = m.left_chat_member;
      if (u.is_bot) return { kind: 'ignore', reason: 'a bot left' };
      return leaveEvent(u, m.chat, key);
    }
    if (!m.from || m.from.is_bot) return { kind: 'ignore', reason: 'not from a person' };
    if (m.text === undefined) return { kind: 'ignore', reason: 'no text' };
    const base = { actor: telegramActor(m.from), chat: chatRef(m.chat.id), dedupKey: key, ...direct(m.chat) };
    const replyTo = m.chat.type === 'private' ? undefined : m.message_id;
    const cmd = parseCommand(m.text, ctx.botUsername);
    if (cmd && 'otherBot' in cmd) return { kind: 'ignore', reason: 'command for another bot' };
    if (!cmd) return { kind: 'event', event: { ...base, kind: 'message', text: m.text }, chatId: m.chat.id, chatType: m.chat.type, replyTo };
    const event: InboundEvent = { ...base, kind: 'command', name: cmd.name, args: cmd.args };
    return { kind: 'event', event, chatId: m.chat.id, chatType: m.chat.type, replyTo, addressed: cmd.addressed };
  }
  if (update.callback_query) {
    const q = update.callback_query;
    const decoded = decodeCallbackData(q.data);
    if (!q.message || !decoded) return { kind: 'callback', queryId: q.id, chatId: q.message?.chat.id };
    const chatId = q.message.chat.id;
    return {
      kind: 'callback',
      queryId: q.id,
      chatId,
      event: {
        kind: 'button',
        action: decoded.action,
        value: decoded.value,
        target: messageRef(chatId, q.message.message_id),
        actor: telegramActor(q.from),
        chat: chatRef(chatId),
        dedupKey: key,
        ...direct(q.message.chat),
      },
    };
  }
  if (update.message_reaction) {
    const r = update.message_reaction;
    // Anonymous group admins react as the chat: there is no person to count.
    if (!r.user || r.user.is_bot) return { kind: 'ignore', reason: 'anonymous reaction' };
    const before = voteEmoji(r.old_reaction, ctx);
    const after = voteEmoji(r.new_reaction, ctx);
    // One event per update: the vote emoji appeared or disappeared; anything else is not a vote.
    if ((before === undefined) === (after === undefined)) return { kind: 'ignore', reason: 'no vote change' };
    const event: InboundEvent = {
      kind: 'reaction',
      emoji: (after ?? before)!,
      added: after !== undefined,
      target: messageRef(r.chat.id, r.message_id),
      actor: telegramActor(r.user),
      chat: chatRef(r.chat.id),
      dedupKey: key,
      ...direct(r.chat),
    };
    return { kind: 'event', event, chatId: r.chat.id, chatType: r.chat.type };
  }
  if (update.my_chat_member) {
    const u = update.my_chat_member;
    if (u.new_chat_member.user.id !== ctx.botId) return { kind: 'ignore', reason: 'another member' };
    return { kind: 'membership', chat: u.chat, status: u.new_chat_member.status, previous: u.old_chat_member.status };
  }
  if (update.chat_member) {
    const u = update.chat_member;
    const was = IN_CHAT.has(u.old_chat_member.status);
    const is = IN_CHAT.has(u.new_chat_member.status);
    if (!was || is || u.new_chat_member.user.is_bot) return { kind: 'ignore', reason: 'not someone leaving' };
    return leaveEvent(u.new_chat_member.user, u.chat, key);
  }
  return { kind: 'ignore', reason: 'update type not handled' };
}

/** The event's `direct` flag: a private chat is one person's chat with the bot. */
function direct(c: TelegramChat): { direct?: true } {
  return c.type === 'private' ? { direct: true } : {};
}

function leaveEvent(u: TelegramUser, c: TelegramChat, key: string): Interpreted {
  return { kind: 'event', event: { kind: 'leave', actor: telegramActor(u), chat: chatRef(c.id), dedupKey: key }, chatId: c.id, chatType: c.type };
}
