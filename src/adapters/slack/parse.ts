import * as z from 'zod';
import type { ChatRef, MessageRef } from '../../core/types';

// The slices of Slack's payloads the adapter reads, validated once at the edge; everything
// past these schemas trusts the types.

const id = z.string().regex(/^[A-Z0-9]{2,40}$/, 'expected a Slack id');
const ts = z.string().regex(/^\d{1,12}\.\d{1,9}$/, 'expected a Slack message timestamp');

/** A slash command (form fields of the HTTP request, or a Socket Mode `slash_commands` payload). */
export const slashCommandSchema = z.object({
  command: z.string().regex(/^\/[^\s/]{1,64}$/),
  text: z.string().max(8000).default(''),
  user_id: id,
  user_name: z.string().max(200).optional(),
  channel_id: id,
  response_url: z.url().optional(),
});
export type SlashCommand = z.output<typeof slashCommandSchema>;

/** An Events API callback carrying `reaction_added` / `reaction_removed`. */
export const reactionEnvelopeSchema = z.object({
  event_id: z.string().min(1).max(100),
  event: z.object({
    type: z.enum(['reaction_added', 'reaction_removed']),
    user: id,
    reaction: z.string().min(1).max(200),
    item_user: id.optional(),
    item: z.discriminatedUnion('type', [
      z.object({ type: z.literal('message'), channel: id, ts }),
      z.object({ type: z.literal('file'), file: z.string().optional() }),
      z.object({ type: z.literal('file_comment'), file_comment: z.string().optional() }),
    ]),
  }),
});
export type ReactionEnvelope = z.output<typeof reactionEnvelopeSchema>;

/** A channel message (`message.channels` / `message.groups`), for the in-chat minutes. */
export const messageEnvelopeSchema = z.object({
  event_id: z.string().min(1).max(100),
  event: z.object({
    type: z.literal('message'),
    subtype: z.string().optional(),
    user: id.optional(),
    bot_id: z.string().optional(),
    text: z.string().max(40000).optional(),
    channel: id,
  }),
});

/** Someone joined a channel the bot is in (`member_joined_channel`): the newcomer's welcome. */
export const joinEnvelopeSchema = z.object({
  event_id: z.string().min(1).max(100),
  event: z.object({
    type: z.literal('member_joined_channel'),
    user: id,
    channel: id,
  }),
});

/** Someone left a channel the bot is in (`member_left_channel`): no longer a member through it. */
export const leaveEnvelopeSchema = z.object({
  event_id: z.string().min(1).max(100),
  event: z.object({
    type: z.literal('member_left_channel'),
    user: id,
    channel: id,
  }),
});

/** A button press on one of our messages (`block_actions`). */
export const blockActionSchema = z.object({
  type: z.literal('block_actions'),
  user: z.object({ id, username: z.string().optional(), name: z.string().optional() }),
  container: z.object({ channel_id: id, message_ts: ts }).partial().optional(),
  channel: z.object({ id }).optional(),
  message: z.object({ ts }).optional(),
  actions: z.array(z.object({ action_id: z.string().max(255), value: z.string().max(2000).optional() })).min(1),
});
export type BlockAction = z.output<typeof blockActionSchema>;

/** The profile fields of users.info that name a person. */
export const userInfoSchema = z.object({
  user: z.object({
    id,
    name: z.string().optional(),
    real_name: z.string().optional(),
    is_bot: z.boolean().optional(),
    deleted: z.boolean().optional(),
    profile: z.object({ display_name: z.string().optional(), real_name: z.string().optional() }).optional(),
  }),
});

/**
 * A chat message as people read it: Slack's `<…>` markup becomes plain words (links, channel
 * names, `@` names from `names`, broadcasts as `@here`), then entities are decoded. Every
 * renderer escapes it again on the way out.
 */
export function messageText(raw: string, names: ReadonlyMap<string, string>): string {
  const plain = raw.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
    if (target.startsWith('@')) return `@${label ?? names.get(target.slice(1)) ?? target.slice(1)}`;
    if (target.startsWith('#')) return label ? `#${label}` : target;
    if (target.startsWith('!subteam^')) return label ?? '@group';
    if (target.startsWith('!')) return `@${target.slice(1)}`;
    return target;
  });
  return plain.replace(/&(amp|lt|gt);/g, (_m, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));
}

/** User ids mentioned as `<@U…>` in a message. */
export function mentionedUsers(raw: string): string[] {
  return [...new Set([...raw.matchAll(/<@([UW][A-Z0-9]{2,})(?:\|[^>]*)?>/g)].map((m) => m[1]!))];
}

/** The bot command a slash command names: `/po-topic` is `topic` (see SLACK_BUILTIN_COMMANDS). */
export function commandName(slash: string): string {
  const name = slash.replace(/^\//, '');
  return name.startsWith('po-') && name.length > 3 ? name.slice(3) : name;
}

export const slackChat = (channel: string): ChatRef => `slack:${channel}`;
export const slackMessageRef = (channel: string, messageTs: string): MessageRef => `slack:${channel}#${messageTs}`;

/**
 * Turns what Slack delivers as command text back into what the person typed. Slack encodes
 * `&`, `<`, `>` and may wrap links, mentions and channels in its own `<…>` markup; those are
 * unwrapped to plain words (`#交通部` stays a hashtag even when Slack linked a channel of that
 * name). A broadcast (`<!here>`, `<!subteam^…>`) is left as markup on purpose: the core
 * refuses it with a clear message instead of storing a ping.
 */
export function commandText(raw: string): string {
  const unwrapped = raw.replace(/<([^<>]*)>/g, (whole, inner: string) => {
    const [target = '', label] = inner.split('|', 2) as [string, string | undefined];
    if (/^https?:\/\//i.test(target)) return target;
    if (target.startsWith('#C') || target.startsWith('#G')) return label ? `#${label}` : target;
    if (target.startsWith('@U') || target.startsWith('@W')) return label ? `@${label}` : target;
    return whole;
  });
  return unwrapped.replace(/&(amp|lt|gt);/g, (_m, e: string) => (e === 'amp' ? '&' : e === 'lt' ? '<' : '>'));
}
