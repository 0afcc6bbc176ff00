// Plain data that crosses the boundary between adapters and the core. Nothing here may
// mention a platform SDK: adapters translate their payloads into these shapes.
import type { PlatformName } from '../platforms/registry';

/** A registered platform's name (src/platforms/registry.ts lists them). */
export type Platform = PlatformName;
/** Where to post: `<platform>:<chat id>`. Stored with records so reminders know where to go. */
export type ChatRef = `${Platform}:${string}`;
/** Which platform message shows which record: `<chat ref>#<message id>`. */
export type MessageRef = `${ChatRef}#${string}`;

/**
 * A person on a platform, as a private message names them: who it is for. `id` is the platform's
 * own user id (as in Actor and User.platformUserId); `name` is how they are shown.
 */
export interface PersonRef {
  platform: Platform;
  id: string;
  name: string;
}

export interface Actor {
  platform: Platform;
  /** The platform's own user id (Slack `U…`, Telegram numeric id, console name). */
  id: string;
  /** Best-known display name; adapters fill it from the platform's profile. */
  name: string;
  /** Language the platform reports for this user, if any (Telegram `language_code`). */
  languageHint?: string;
}

interface EventBase {
  actor: Actor;
  chat: ChatRef;
  /**
   * The platform's delivery id (`slack:<event_id>`, `telegram:<bot>:<update_id>`) when it may
   * redeliver: an event whose key was already handled is skipped, even after a restart.
   */
  dedupKey?: string;
  /**
   * A private chat between the person and the bot. Adapters set it; a group chat leaves it out.
   * Only network members may use the bot there (core/people/membership.ts).
   */
  direct?: boolean;
}

export type InboundEvent =
  | (EventBase & { kind: 'command'; name: string; args: string })
  | (EventBase & { kind: 'reaction'; emoji: string; added: boolean; target: MessageRef })
  | (EventBase & { kind: 'button'; action: string; value: string; target: MessageRef })
  | (EventBase & { kind: 'message'; text: string })
  /**
   * `actor` joined the chat (never a bot: adapters leave those out). `privateReach`: a private
   * answer reaches only them (Slack's ephemeral message, the console); where it does not
   * (a Telegram group), the welcome is a short public message that mentions them.
   */
  | (EventBase & { kind: 'join'; privateReach: boolean })
  /** `actor` left the chat, or was removed from it. */
  | (EventBase & { kind: 'leave' });

/**
 * Rich text as a list of spans. User-supplied text always travels as a plain string span so
 * each adapter escapes it for its own markup; only the core decides what is bold or a link.
 */
export type Span =
  | string
  | { bold: string }
  | { code: string }
  | { link: string; text: string }
  | { mention: { platform: Platform; id: string; name: string } };
export type RichText = readonly Span[];

export interface Button {
  /** Stable action id the adapter routes back as a `button` event. */
  action: string;
  value: string;
  label: string;
  /**
   * Where a platform answers privately only in a person's own chat with the bot (Telegram), the
   * button opens that chat instead, starting it with the command of this name (a deep link:
   * `/start <name>` arrives as `/<name>`). Elsewhere it is pressed like any other button.
   */
  privateStart?: string;
}

export interface Attachment {
  filename: string;
  mime: string;
  content: string;
}

export interface OutboundMessage {
  text: RichText;
  buttons?: readonly Button[];
  file?: Attachment;
}

/** A record a card can show; used to find every message that displays it. */
export interface RecordRef {
  kind: string;
  id: number;
}

export function parseChatRef(ref: string): { platform: Platform; chatId: string } {
  const i = ref.indexOf(':');
  return { platform: ref.slice(0, i) as Platform, chatId: ref.slice(i + 1) };
}

export function parseMessageRef(ref: MessageRef): { chat: ChatRef; messageId: string; platform: Platform; chatId: string } {
  const i = ref.lastIndexOf('#');
  const chat = ref.slice(0, i) as ChatRef;
  return { chat, messageId: ref.slice(i + 1), ...parseChatRef(chat) };
}

export function richToPlain(text: RichText): string {
  return text
    .map((s) => {
      if (typeof s === 'string') return s;
      if ('bold' in s) return s.bold;
      if ('code' in s) return s.code;
      if ('link' in s) return s.text === s.link ? s.link : `${s.text} (${s.link})`;
      return `@${s.mention.name}`;
    })
    .join('');
}
