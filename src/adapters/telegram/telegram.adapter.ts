import { Telegraf, TelegramError } from 'telegraf';
import type { ChatAdapter, Dispatch } from '../chat-adapter';
import type { Command, DispatchHooks } from '../../core/feature';
import { NotStoredError, isNotStored } from '../not-stored';
import type { Logger } from '../../core/logger';
import { parseChatRef, parseMessageRef, type ChatRef, type InboundEvent, type MessageRef, type OutboundMessage, type PersonRef } from '../../core/types';
import type { PostOptions } from '../../core/feature';
import { isVoteReaction } from '../../core/votes/vote-reaction';
import { closest } from '../../core/input/closest';
import { translator, type Locale, type Translate } from '../../i18n/catalog';
import { ALLOWED_UPDATES, IN_CHAT, interpretUpdate, messageRef, updateSchema, type Interpreted, type ParseContext } from './parse';
import { htmlToPlain, renderKeyboard, renderLong, renderSingle, renderToast, type InlineKeyboard, type RenderOptions } from './render';
import { commandMenus, unlistableCommands } from './telegram.commands';
import { errorSummary, isChatGone, isMessageGone, isNotModified, isParseError, isPrivateChatClosed, PrivateChatClosedError } from './telegram.errors';
import { SerialQueue } from './telegram.queues';
import { CardUpdates } from '../card-updates';
import { telegramDeliveryErrors } from './telegram.delivery-errors';
import { realSleep, withFloodRetry, type RetryOptions } from './telegram.retry';
import { webhookListener } from './telegram.webhook';
import { UpdatePoller } from './telegram.polling';
import { listen, type ListeningServer, type RequestListener } from '../../http/http-server';

export type TelegramMode =
  | { kind: 'polling' }
  | {
      kind: 'webhook';
      /** The public HTTPS URL registered with setWebhook. */
      url: string;
      secret: string;
      /** Path served locally (usually the URL's path; differs behind a rewriting proxy). */
      path: string;
      /** Port of the adapter's own server; undefined: mount `webhookHandler` in a shared server. */
      port?: number;
      host?: string;
    };

export interface TelegramAdapterOptions {
  token: string;
  /** A self-hosted Bot API server or the emulator; Telegram's own by default. */
  apiRoot?: string;
  mode: TelegramMode;
  locale: Locale;
  /** Emoji that count as a vote (config `voting.reactions`). */
  voteReactions: readonly string[];
  /** The emoji shown on cards and in the group greeting (config `voting.emoji`). */
  voteEmoji: string;
  /** Every command the bot has, read at start-up for Telegram's command menu. */
  listCommands: () => readonly Command[];
  logger: Logger;
  /** Injected so tests observe 429 waits without sleeping. */
  sleep?: (ms: number) => Promise<void>;
  /** Least time between two edits of one card (default 1 s); later votes coalesce meanwhile. */
  editIntervalMs?: number;
  /**
   * Least time between two card edits in one chat (default 4 s). Telegram lets a bot send and
   * edit about 20 messages a minute in a group, edits and messages counted together: at most
   * 15 edits a minute leaves room for answers, where a 429 would hold up the whole chat.
   */
  chatEditGapMs?: number;
  /** Polling stopped by itself (revoked token, another instance polling the same bot). */
  onFatal?: (e: Error) => void;
}

const MEMBER = new Set(['creator', 'administrator', 'member', 'restricted']);
/** Within main.ts's 9 s stop guard. */
const SHUTDOWN_FLUSH_MS = 5_000;
const DEFAULT_EDIT_INTERVAL_MS = 1000;
const DEFAULT_CHAT_EDIT_GAP_MS = 4000;
const CHAT_ID = /^-?\d{1,20}$/;

/**
 * Telegram through telegraf: commands, `👍` reactions and the card's button become core
 * events; answers go back as HTML messages, card updates as edits in place.
 */
export class TelegramAdapter implements ChatAdapter {
  readonly platform = 'telegram' as const;
  readonly deliveryErrors = telegramDeliveryErrors;
  private readonly bot: Telegraf;
  private readonly t: Translate;
  private readonly retry: RetryOptions;
  private readonly render: RenderOptions;
  private readonly chats = new SerialQueue();
  private readonly edits: CardUpdates<OutboundMessage>;
  private parseCtx: ParseContext | undefined;
  private dispatch: Dispatch | undefined;
  private polling: Promise<void> | undefined;
  private poller: UpdatePoller | undefined;
  private server: ListeningServer | undefined;
  private handler: RequestListener | undefined;
  private stopping = false;
  /** Private messages whose person was already told in a group to press Start (by outbox key). */
  private readonly toldToStart = new Set<string>();

  constructor(private readonly opts: TelegramAdapterOptions) {
    // webhookReply off: every call is a real request whose errors we see (and can retry).
    this.bot = new Telegraf(opts.token, { telegram: { apiRoot: opts.apiRoot, webhookReply: false } });
    this.t = translator(opts.locale);
    this.retry = { sleep: opts.sleep ?? realSleep, logger: opts.logger };
    this.render = { truncatedNote: this.t('telegram.truncated') };
    this.edits = new CardUpdates((ref, m) => this.edit(ref as MessageRef, m), {
      intervalMs: opts.editIntervalMs ?? DEFAULT_EDIT_INTERVAL_MS,
      sleep: opts.sleep ?? realSleep,
      groupOf: (ref) => ref.slice(0, ref.indexOf('#')),
      groupGapMs: opts.chatEditGapMs ?? DEFAULT_CHAT_EDIT_GAP_MS,
    });
  }

  /** The port the webhook server bound (useful when configured as 0). */
  get webhookPort(): number | undefined {
    return this.server?.port;
  }

  /**
   * The webhook endpoint as a plain request listener (answers only its path, 404 otherwise),
   * for an HTTP server shared with other receivers. Set once start() has run in webhook mode.
   */
  get webhookHandler(): RequestListener | undefined {
    return this.handler;
  }

  async start(dispatch: Dispatch): Promise<void> {
    this.dispatch = dispatch;
    const me = await withFloodRetry('getMe', () => this.bot.telegram.getMe(), this.retry);
    this.bot.botInfo = me;
    this.parseCtx = { botId: me.id, botUsername: me.username, isVoteReaction: voteReactionTest(this.opts.voteReactions) };
    await this.registerCommands();
    const mode = this.opts.mode;
    if (mode.kind === 'polling') {
      const poller = (this.poller = new UpdatePoller(this.bot.telegram, {
        allowedUpdates: ALLOWED_UPDATES,
        handle: (u) => this.handleUpdate(u),
        onError: (err, updateId) => this.logFailure(err, updateId),
        sleep: this.opts.sleep ?? realSleep,
        logger: this.opts.logger,
      }));
      this.polling = poller.run().catch((e: Error) => {
        if (this.stopping) return;
        this.opts.logger.error({ ...errorSummary(e) }, 'telegram polling stopped');
        this.opts.onFatal?.(e);
      });
      this.opts.logger.info({ bot: me.username }, 'telegram: long polling');
      return;
    }
    this.handler = webhookListener((update) => this.receive(update), { path: mode.path, secret: mode.secret, logger: this.opts.logger });
    if (mode.port !== undefined) this.server = await listen(this.handler, mode.port, mode.host);
    try {
      await withFloodRetry(
        'setWebhook',
        () => this.bot.telegram.setWebhook(mode.url, { secret_token: mode.secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false }),
        this.retry,
      );
    } catch (e) {
      await this.server?.close();
      this.server = undefined;
      throw e;
    }
    this.opts.logger.info({ bot: me.username, port: this.server?.port ?? 'shared', path: mode.path }, 'telegram: webhook');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.polling) {
      this.poller?.stop();
      await this.polling;
    }
    await this.server?.close();
    // Updates being handled get a bounded time; card edits still waiting for their turn are
    // given up (the outbox keeps them for the next start), so a paced chat never holds a stop.
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((r) => (timer = setTimeout(r, SHUTDOWN_FLUSH_MS).unref()));
    await Promise.race([this.chats.idle(), deadline]);
    this.edits.stop();
    await Promise.race([this.edits.settled(), deadline]);
    clearTimeout(timer);
  }

  /** Waits until every accepted update has been handled; card edits may still wait their turn. */
  async handled(): Promise<void> {
    await this.chats.idle();
  }

  /** Waits until every accepted update and card edit has been handled (tests, benchmarks). */
  async idle(): Promise<void> {
    await this.chats.idle();
    await this.edits.settled();
  }

  async post(chat: ChatRef, m: OutboundMessage): Promise<MessageRef> {
    const chatId = telegramChatId(chat);
    try {
      // A message with buttons is a card that will be edited in place: it must stay one message.
      const ids = await this.send(chatId, m, { single: Boolean(m.buttons?.length) });
      return messageRef(chatId, ids[0]!);
    } catch (e) {
      if (isChatGone(e)) this.opts.logger.warn({ chat, ...errorSummary(e) }, 'telegram: the bot cannot post in this chat (removed or blocked)');
      throw e;
    }
  }

  /**
   * In the person's private chat with the bot (its id is theirs). Telegram refuses it until they
   * have pressed Start there (403): then, once per message, they are mentioned in `near` (a
   * group) and told to press Start, without the content; the outbox tries again with backoff,
   * so it reaches them once they do, and after its last attempt it is a dead letter the
   * facilitators hear of. Without `near`, the refusal is final at once.
   */
  async postPrivate(to: PersonRef, m: OutboundMessage, opts: PostOptions & { near?: ChatRef }): Promise<MessageRef> {
    if (!/^\d{1,20}$/.test(to.id)) throw new Error(`Not a Telegram user: ${to.id}`);
    try {
      const ids = await this.send(to.id, m, { single: Boolean(m.buttons?.length) });
      return messageRef(to.id, ids[0]!);
    } catch (e) {
      if (!isPrivateChatClosed(e) || !opts.near) throw e;
      this.opts.logger.info({ user: to.id, ...errorSummary(e) }, 'telegram: no private chat with this person yet; told in the group');
      // Without an outbox key (no outbox in front) there is no "once": each is told.
      if (!opts.key || !this.toldToStart.has(opts.key)) {
        const link = `https://t.me/${this.bot.botInfo?.username ?? ''}`;
        await this.send(telegramChatId(opts.near), { text: [{ mention: { ...to } }, this.t('telegram.privateWaiting', { link })] }, { single: true });
        this.toldToStart.add(opts.key);
      }
      throw new PrivateChatClosedError(`telegram: ${to.id} has not started the bot`);
    }
  }

  /**
   * Resolves once the card shows this content or newer (at once, or when the card's edit
   * interval has passed: see CardUpdates), so the outbox in front records an edit as sent only
   * when it is, and retries one that failed. Meanwhile the core coalesces further refreshes of
   * the card into one, rendered when its turn comes.
   */
  async update(ref: MessageRef, m: OutboundMessage): Promise<void> {
    const { chatId, messageId } = parseMessageRef(ref);
    if (!CHAT_ID.test(chatId) || !/^\d+$/.test(messageId)) throw new Error(`Not a Telegram message: ${ref}`);
    await this.edits.submit(ref, m);
  }

  /**
   * Whether Telegram lists the person in one of these (home) groups: getChatMember on each,
   * one after another, stopping at the first yes. An error (the bot is not in that group, the
   * person is unknown to it) is a no for that group. The core remembers the answer briefly.
   */
  async isMember(userId: string, chats: readonly ChatRef[]): Promise<boolean> {
    if (!/^\d{1,20}$/.test(userId)) return false;
    for (const chat of chats) {
      try {
        const m = await withFloodRetry('getChatMember', () => this.bot.telegram.getChatMember(telegramChatId(chat), Number(userId)), this.retry);
        if (m.status === 'restricted' ? m.is_member : IN_CHAT.has(m.status)) return true;
      } catch (e) {
        this.opts.logger.info({ chat, ...errorSummary(e) }, 'telegram: could not ask whether someone is in a home group');
      }
    }
    return false;
  }

  /**
   * A webhook update: a failure is logged and answered 200 (Telegram would only send the same
   * failure again), except an update that could not be stored: that one is answered 503.
   */
  private async receive(raw: unknown): Promise<void> {
    try {
      await this.handleUpdate(raw);
    } catch (err) {
      if (isNotStored(err)) throw err;
      this.logFailure(err, (raw as { update_id?: unknown } | null)?.update_id);
    }
  }

  /** One bad update never stops polling or the process. API errors are logged by their description only: their request payload carries user text. */
  private logFailure(err: unknown, updateId: unknown): void {
    this.opts.logger.error({ ...(err instanceof TelegramError ? errorSummary(err) : { err }), updateId }, 'telegram update failed');
  }

  /**
   * One raw update, as polling or the webhook delivers it. Resolves once its changes are stored:
   * Telegram is answered then (an answered update is never lost), while the reply and the card
   * refresh go on in the update's queue without holding up the webhook response.
   */
  async handleUpdate(raw: unknown): Promise<void> {
    const parsed = updateSchema.safeParse(raw);
    if (!parsed.success) {
      const updateId = (raw as { update_id?: unknown } | null)?.update_id;
      this.opts.logger.warn({ updateId, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'telegram update not understood');
      return;
    }
    if (!this.parseCtx) throw new Error('TelegramAdapter.start() has not run');
    const it = interpretUpdate(parsed.data, this.parseCtx);
    switch (it.kind) {
      case 'ignore':
        this.opts.logger.debug({ updateId: parsed.data.update_id, reason: it.reason }, 'telegram update ignored');
        return;
      case 'membership':
        return this.chats.run(String(it.chat.id), () => this.onMembership(it));
      case 'event':
        return this.untilStored(queueKey(it.event, it.chatId), parsed.data.update_id, (hooks) => this.onEvent(it, hooks));
      case 'joins':
        for (const item of it.items) await this.untilStored(queueKey(item.event, item.chatId), parsed.data.update_id, (hooks) => this.onEvent(item, hooks));
        return;
      case 'callback':
        // A button nobody maps only gets a toast: it changes nothing and waits for nothing.
        return this.untilStored(it.event && queueKey(it.event, it.chatId!), parsed.data.update_id, (hooks) => this.onCallback(it, hooks));
    }
  }

  /**
   * Runs `task` in its queue (none: at once); resolves when it reports its changes stored, or
   * ends; rejects with NotStoredError when they could not be stored (the webhook answers 503,
   * polling asks for the update again), while the task goes on to tell the person.
   */
  private untilStored(key: string | undefined, updateId: number, task: (hooks: Required<DispatchHooks>) => Promise<void>): Promise<void> {
    return new Promise((resolve, reject) => {
      const hooks = { committed: resolve, notStored: () => reject(new NotStoredError()) };
      const done = key === undefined ? task(hooks) : this.chats.run(key, () => task(hooks));
      done.then(resolve, (err: unknown) => {
        resolve();
        this.logFailure(err, updateId);
      });
    });
  }

  private async onEvent(it: Extract<Interpreted, { kind: 'event' }>, hooks: DispatchHooks): Promise<void> {
    let event: InboundEvent = it.event;
    if (event.kind === 'command') {
      const names = this.opts.listCommands().map((c) => c.name);
      // Telegram sends /start when someone first opens the bot: show the help unless a feature owns it.
      // A deep link (`t.me/<bot>?start=ballot`, Button.privateStart) starts the private chat with that command.
      if (event.name === 'start' && !names.includes('start')) {
        const payload = event.args.trim();
        event = names.includes(payload) && /^[a-z]+$/.test(payload) ? { ...event, name: payload, args: '' } : { ...event, name: 'help' };
      }
      // A bare /cmd in a group reaches every bot there: one far from all of ours is another bot's.
      else if (it.chatType !== 'private' && !it.addressed && !names.includes(event.name) && !closest(event.name, names)) {
        this.opts.logger.debug({ chat: event.chat, command: event.name.slice(0, 40) }, 'telegram: command for another bot ignored');
        return;
      }
    }
    const answer = await this.requireDispatch()(event, hooks);
    if (!answer) return;
    // A reaction has no message to answer under, and Telegram cannot show one person a
    // private note in a group: such answers are not worth a group post.
    if (event.kind === 'reaction' && answer.private) {
      this.opts.logger.debug({ chat: event.chat }, 'telegram: private answer to a reaction not shown');
      return;
    }
    await this.trySend(it.chatId, answer.message, { replyTo: it.replyTo });
  }

  private async onCallback(it: Extract<Interpreted, { kind: 'callback' }>, hooks: DispatchHooks): Promise<void> {
    if (!it.event) return this.answerCallback(it.queryId, this.t('telegram.buttonExpired'));
    const answer = await this.requireDispatch()(it.event, hooks);
    let toast: string | undefined;
    if (answer?.private) toast = renderToast(answer.message.text);
    else if (answer) await this.trySend(it.chatId!, answer.message, {});
    await this.answerCallback(it.queryId, toast);
  }

  private async onMembership(it: Extract<Interpreted, { kind: 'membership' }>): Promise<void> {
    const { chat, status, previous } = it;
    const log = { chat: chat.id, type: chat.type, status, previous };
    if (MEMBER.has(previous) && !MEMBER.has(status)) {
      this.opts.logger.warn(log, 'telegram: the bot was removed from a chat');
      return;
    }
    if (status === 'administrator' && previous !== 'administrator') this.opts.logger.info(log, 'telegram: the bot is an admin here: reaction votes arrive');
    if (!MEMBER.has(previous) && MEMBER.has(status) && (chat.type === 'group' || chat.type === 'supergroup')) {
      this.opts.logger.info(log, 'telegram: the bot joined a group');
      await this.trySend(chat.id, { text: [this.t('telegram.addedToGroup', { emoji: this.opts.voteEmoji })] }, {});
    }
  }

  private async answerCallback(queryId: string, text: string | undefined): Promise<void> {
    try {
      await withFloodRetry('answerCallbackQuery', () => this.bot.telegram.answerCbQuery(queryId, text), this.retry);
    } catch (e) {
      // A redelivered update's query was answered already ("query is too old"): nothing lost.
      this.opts.logger.info({ ...errorSummary(e) }, 'telegram: could not answer a button press');
    }
  }

  private async registerCommands(): Promise<void> {
    const commands = this.opts.listCommands();
    const skipped = unlistableCommands(commands);
    if (skipped.length) this.opts.logger.warn({ skipped }, 'telegram: command names Telegram cannot list in its menu');
    for (const menu of commandMenus(commands, this.opts.locale)) {
      const extra = menu.languageCode ? { language_code: menu.languageCode } : {};
      try {
        await withFloodRetry('setMyCommands', () => this.bot.telegram.setMyCommands(menu.commands, extra), this.retry);
      } catch (e) {
        // The menu is a convenience: typed commands work without it.
        this.opts.logger.warn({ languageCode: menu.languageCode, ...errorSummary(e) }, 'telegram: could not register the command menu');
      }
    }
  }

  /** Answers and greetings: a failure is logged, never thrown into the update loop. */
  private async trySend(chatId: number | string, m: OutboundMessage, o: { replyTo?: number }): Promise<void> {
    try {
      await this.send(chatId, m, { replyTo: o.replyTo, single: false });
    } catch (e) {
      const gone = isChatGone(e);
      this.opts.logger.warn({ chat: chatId, ...errorSummary(e) }, gone ? 'telegram: the bot cannot post in this chat (removed or blocked)' : 'telegram: could not send an answer');
    }
  }

  private async send(chatId: number | string, m: OutboundMessage, o: { replyTo?: number; single: boolean }): Promise<number[]> {
    const long = o.single ? { parts: [renderSingle(m.text, this.render)] } : renderLong(m.text, { ...this.render, continuedNote: this.t('telegram.continuedInFile') });
    const parts = long.parts;
    const keyboard = this.keyboard(m);
    const ids: number[] = [];
    for (let i = 0; i < parts.length; i++) {
      const extra = {
        link_preview_options: { is_disabled: true },
        ...(i === 0 && o.replyTo !== undefined ? { reply_parameters: { message_id: o.replyTo, allow_sending_without_reply: true } } : {}),
        ...(i === parts.length - 1 && keyboard.inline_keyboard.length ? { reply_markup: keyboard } : {}),
      };
      const sent = await this.withHtml('sendMessage', parts[i]!, (text, html) =>
        this.bot.telegram.sendMessage(chatId, text, { ...extra, ...(html ? { parse_mode: 'HTML' as const } : {}) }),
      );
      ids.push(sent.message_id);
    }
    // Text beyond five messages goes out whole as a file (a flood of messages would hit
    // Telegram's per-chat limits): nothing is left out.
    if (long.overflow !== undefined) {
      const overflow = long.overflow;
      await withFloodRetry('sendDocument', () => this.bot.telegram.sendDocument(chatId, { source: Buffer.from(overflow, 'utf8'), filename: 'message.txt' }), this.retry);
    }
    const file = m.file;
    if (file) {
      await withFloodRetry('sendDocument', () => this.bot.telegram.sendDocument(chatId, { source: Buffer.from(file.content, 'utf8'), filename: file.filename }), this.retry);
    }
    return ids;
  }

  private async edit(ref: MessageRef, m: OutboundMessage): Promise<void> {
    const { chatId, messageId } = parseMessageRef(ref);
    // An empty keyboard removes the button (e.g. once an issue is withdrawn).
    const keyboard = this.keyboard(m);
    try {
      await this.withHtml('editMessageText', renderSingle(m.text, this.render), (text, html) =>
        this.bot.telegram.editMessageText(chatId, Number(messageId), undefined, text, {
          link_preview_options: { is_disabled: true },
          reply_markup: keyboard,
          ...(html ? { parse_mode: 'HTML' as const } : {}),
        }),
      );
    } catch (e) {
      // The card already shows this: what the edit was for is done.
      if (isNotModified(e)) return;
      const log = { ref, ...errorSummary(e) };
      // Network, 5xx, a 429 left after waiting: the outbox in front retries.
      if (!isChatGone(e) && !isMessageGone(e)) throw e;
      if (isChatGone(e)) this.opts.logger.warn(log, 'telegram: card not updated: the bot was removed from the chat');
      else this.opts.logger.info(log, 'telegram: card not updated: the message was deleted');
      // Editing again cannot help: telegramDeliveryErrors tells the outbox so.
      throw e;
    }
  }

  /** Sends HTML; if Telegram cannot parse it (a rendering bug), the same text goes out plain. */
  private async withHtml<T>(method: string, html: string, call: (text: string, asHtml: boolean) => Promise<T>): Promise<T> {
    try {
      return await withFloodRetry(method, () => call(html, true), this.retry);
    } catch (e) {
      if (!isParseError(e)) throw e;
      this.opts.logger.error({ method, ...errorSummary(e) }, 'telegram refused our HTML; sending plain text');
      return withFloodRetry(method, () => call(htmlToPlain(html), false), this.retry);
    }
  }

  private keyboard(m: OutboundMessage): InlineKeyboard {
    const { markup, dropped } = renderKeyboard(m.buttons, { botUsername: this.bot.botInfo?.username });
    if (dropped) this.opts.logger.warn({ dropped }, 'telegram: buttons left out (callback data over 64 bytes)');
    return markup;
  }

  private requireDispatch(): Dispatch {
    if (!this.dispatch) throw new Error('TelegramAdapter.start() has not run');
    return this.dispatch;
  }
}

/**
 * Whether an emoji counts as a vote, remembered per emoji: normalizing runs three regexes and
 * every reaction update asks once or twice. Telegram's reaction emoji are a fixed set of about
 * seventy; the cap only guards against a client sending made-up ones.
 */
function voteReactionTest(configured: readonly string[]): (emoji: string) => boolean {
  const known = new Map<string, boolean>();
  return (emoji) => {
    let vote = known.get(emoji);
    if (vote === undefined) {
      vote = isVoteReaction(emoji, configured);
      if (known.size < 512) known.set(emoji, vote);
    }
    return vote;
  };
}

/**
 * Updates run one after another per chat, so answers appear in the order commands were sent.
 * Votes (reactions and the card's button) only need their order per person and card (👍 then
 * un-👍, a press after a reaction), and a redelivered one (same person, same card) still waits
 * for the first: other votes in the group run side by side, so the store can commit them together.
 */
function queueKey(e: InboundEvent, chatId: number): string {
  return e.kind === 'reaction' || e.kind === 'button' ? `${e.target}:${e.actor.id}` : String(chatId);
}

function telegramChatId(chat: ChatRef): string {
  const { platform, chatId } = parseChatRef(chat);
  if (platform !== 'telegram' || !CHAT_ID.test(chatId)) throw new Error(`Not a Telegram chat: ${chat}`);
  return chatId;
}
