import type { Actor, ChatRef, InboundEvent, MessageRef, OutboundMessage, PersonRef, RecordRef } from './types';
import type { Locale, PlainMessageKey, Translate } from '../i18n/catalog';
import type { Clock } from './clock';
import type { Logger } from './logger';
import type { Store, User } from './records';
import type { People } from './people/people';
import type { JobHandler } from './jobs';
import type { SayitUploader } from './minutes/sayit/sayit.port';
import type { AgendaContributor } from './meetings/meeting';
import type { OfficeCalendar } from './calendar/office-calendar';
import type { PlatformDirectory } from './platform';

/** What a handler asks for; the bot carries it out through the adapters. */
export type Reply =
  /** An answer to the person who asked; `private` answers are shown only to them where the platform can. */
  | { type: 'reply'; message: OutboundMessage; private?: boolean }
  /** A public post (usually a card) in `chat` (default: where the event came from), linked to `show`. */
  | { type: 'post'; message: OutboundMessage; chat?: ChatRef; show?: RecordRef }
  /**
   * A message for one named person only (a nudge, their own lines of the minutes), who need not
   * be the one who asked. Stored in the outbox like a post (sent once, even across restarts)
   * and delivered by the person's platform privately: a direct message where it can reach them.
   * `near`: a group chat the person is in, where a platform that cannot reach them privately
   * falls back (an ephemeral message there, or a notice that names them without the content);
   * left out, such a platform gives up (a dead letter the facilitators hear of). docs/development.md.
   */
  | { type: 'private'; to: PersonRef; message: OutboundMessage; near?: ChatRef }
  /** Re-render every message that shows this record. */
  | { type: 'refresh'; record: RecordRef };

export interface CoreSettings {
  locale: Locale;
  timezone: string;
  voting: { countBy: 'person' | 'agency'; reactions: readonly string[]; emoji: string; ballotMonths?: number | null };
  /** Where the web pages are reached (web.baseUrl or PUBLIC_URL): chat answers link to them. */
  webBaseUrl?: string;
}

/** Everything a feature may use. Built once in the composition root. */
export interface Services {
  store: Store;
  people: People;
  clock: Clock;
  logger: Logger;
  settings: CoreSettings;
  cards: CardRenderers;
  /** Working days and holidays in the configured zone (the official office calendar). */
  calendar: OfficeCalendar;
  /** What each platform can do (private answers in a group, edits…): asked, never its name. */
  platforms: PlatformDirectory;
  /** Publishing minutes on SayIt, when sayit.url is set. */
  sayit?: SayitUploader;
}

export interface Context {
  event: InboundEvent;
  actor: Actor;
  user: User;
  chat: ChatRef;
  now: Date;
  locale: Locale;
  t: Translate;
  isFacilitator: boolean;
  services: Services;
}

export type HandlerResult = Reply | readonly Reply[] | undefined | void;

export interface Command {
  name: string;
  /** One-line description shown by /help, in the catalog. */
  description: PlainMessageKey;
  handle(ctx: Context, args: string): HandlerResult | Promise<HandlerResult>;
}

export interface ReactionHandler {
  /** Returns undefined when the reaction is not for this handler. */
  handle(ctx: Context, e: Extract<InboundEvent, { kind: 'reaction' }>): HandlerResult | Promise<HandlerResult>;
}

export interface ButtonHandler {
  action: string;
  handle(ctx: Context, e: Extract<InboundEvent, { kind: 'button' }>): HandlerResult | Promise<HandlerResult>;
}

export interface MessageListener {
  handle(ctx: Context, e: Extract<InboundEvent, { kind: 'message' }>): HandlerResult | Promise<HandlerResult>;
}

export interface JoinHandler {
  handle(ctx: Context, e: Extract<InboundEvent, { kind: 'join' }>): HandlerResult | Promise<HandlerResult>;
}

/**
 * Runs after a handler asked to refresh a record of `kind`: lets a feature react to another
 * feature's change (a vote → the support-threshold notice) without either importing the other.
 */
export interface ChangeListener {
  kind: string;
  /** Synchronous, so it runs in the same transaction as the change it reacts to. */
  changed(ctx: Context, record: RecordRef): HandlerResult;
}

/** A feature registers its commands and listeners in one place (grammY's Composer habit). */
export interface Feature {
  name: string;
  commands?: readonly Command[];
  reactions?: readonly ReactionHandler[];
  buttons?: readonly ButtonHandler[];
  messages?: readonly MessageListener[];
  /** Someone joined a chat. */
  joins?: readonly JoinHandler[];
  /** Card renderers by record kind, used to refresh messages in place. */
  cards?: Readonly<Record<string, CardRenderer>>;
  /** Handlers for scheduled jobs of the kinds this feature schedules. */
  jobs?: readonly JobHandler[];
  /** Lines this feature adds to meeting agendas. */
  agenda?: readonly AgendaContributor[];
  /** Reactions to records changed by any handler. */
  changes?: readonly ChangeListener[];
}

export type CardRenderer = (id: number, locale: Locale, services: Services) => OutboundMessage | undefined;

export interface CardRenderers {
  render(record: RecordRef, locale: Locale): OutboundMessage | undefined;
}

/** Where posts and updates go: the adapters, or an outbox in front of them. */
export interface Delivery {
  /** Returns where the message landed, or undefined when it was queued to be sent later. */
  post(chat: ChatRef, message: OutboundMessage, show?: RecordRef, opts?: PostOptions): Promise<MessageRef | undefined>;
  update(ref: MessageRef, message: OutboundMessage): Promise<void>;
  /**
   * Persists a post now (synchronously, so inside the caller's transaction) and returns what
   * sends it. The outbox has it; a delivery without it is posted to after the transaction.
   */
  enqueue?(chat: ChatRef, message: OutboundMessage, show?: RecordRef): () => Promise<MessageRef | undefined>;
  /** A message for one person only (Reply `private`); absent: this delivery cannot send one. */
  postPrivate?(to: PersonRef, message: OutboundMessage, near?: ChatRef, opts?: PostOptions): Promise<MessageRef | undefined>;
  /** postPrivate, persisted now (in the caller's transaction) and sent when the returned function is called. */
  enqueuePrivate?(to: PersonRef, message: OutboundMessage, near?: ChatRef): () => Promise<MessageRef | undefined>;
}

/** What the outbox tells a platform about a post it sends. */
export interface PostOptions {
  /** Stable for this post across attempts and restarts (`outbox:<id>`): a platform that can, stores it with the message. */
  key: string;
  /**
   * An earlier attempt may have reached the platform (the process died in the send window, or
   * the request timed out): a platform that can look messages up by `key` returns the one
   * already there instead of posting a second.
   */
  resend: boolean;
}

/** Hooks an adapter may pass to dispatch. */
export interface DispatchHooks {
  /**
   * Called once the event's changes are committed (or it was refused or skipped), before cards
   * are updated: an adapter acknowledges the platform here, so an acknowledged vote is stored.
   */
  committed?: () => void;
  /**
   * Called instead of `committed` when nothing of the event could be stored (disk full, the
   * write lock held by another process): the adapter must NOT acknowledge, so the platform
   * delivers the event again. The dispatch still resolves with a short answer for the person.
   */
  notStored?: () => void;
}

/** What a dispatch returns to the adapter that delivered the event. */
export interface Answer {
  message: OutboundMessage;
  private: boolean;
}
