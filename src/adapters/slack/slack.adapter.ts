import { AsyncLocalStorage } from 'node:async_hooks';
import { listen, type ListeningServer, type RequestListener } from '../../http/http-server';
import { RequestStats } from '../../http/request-stats';
import { slackHttpEdge, type SignedRequest, type SlackEdgeOptions } from './http-edge';
import { App, HTTPModuleFunctions as httpFunc, HTTPReceiver, type SocketModeReceiver, webApi, type RespondFn } from '@slack/bolt';
import type { ChatAdapter, Dispatch } from '../chat-adapter';
import type { Answer, DispatchHooks, PostOptions } from '../../core/feature';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import { parseChatRef, parseMessageRef, type Actor, type ChatRef, type MessageRef, type OutboundMessage, type PersonRef } from '../../core/types';
import { translator, type Locale } from '../../i18n/catalog';
import { realSleep, SlackApi, SlackApiError, type Sleep } from './api';
import { CardUpdates } from '../card-updates';
import { isPermanent, slackDeliveryErrors } from './delivery-errors';
import { boltLogger } from './bolt-logger';
import { SlackIdentity } from './identity';
import { fromAnotherWorkspace, isDirectChannel } from './workspace';
import { blockActionSchema, commandName, commandText, joinEnvelopeSchema, leaveEnvelopeSchema, mentionedUsers, messageEnvelopeSchema, messageText, reactionEnvelopeSchema, slackChat, slackMessageRef, slashCommandSchema } from './parse';
import { actionFromId, renderSlackCard, renderSlackMessages, renderTextMessages, type SlackMessage } from './render';
import { uploadFile } from './files';
import { socketModeReceiver } from './socket-ack';
import { isVoteReaction } from '../../core/votes/vote-reaction';
import { NotStoredError, isNotStored } from '../not-stored';

export type SlackConnection =
  /** Socket Mode: Slack is reached over an outbound WebSocket; no public URL needed. */
  | { mode: 'socket'; appToken: string }
  /** Events API over HTTP at `/slack/events`, every request signed with the signing secret. */
  | {
      mode: 'http';
      signingSecret: string;
      port: number;
      host?: string;
      /** Mount the receiver in a shared HTTP server at /slack/events instead of listening on `port`. */
      mount?: (path: string, listener: RequestListener) => void;
    };

export interface SlackAdapterOptions {
  token: string;
  connection: SlackConnection;
  /** Another Web API address (a Slack-compatible server, tests); ends with `/api/`. */
  apiUrl?: string;
  locale: Locale;
  logger: Logger;
  clock: Clock;
  /** Answer HTTP requests only after handling. Tests use it for determinism; production acks first. */
  processBeforeResponse?: boolean;
  /** Web API retries of failed requests (not 429s, which SlackApi waits out itself). */
  retryConfig?: webApi.RetryOptions;
  sleep?: Sleep;
  /** Minimum time between two chat.update calls on one card (default 1,000 ms). */
  cardUpdateIntervalMs?: number;
  /**
   * Least time between two chat.update calls of the whole app (default 1,200 ms). Slack limits
   * each Web API method per app per workspace; chat.update is Tier 3, 50+ a minute, so cards
   * take turns rather than earn 429s during a busy vote.
   */
  updateGapMs?: number;
  /** Pass Bolt's and the Web API client's debug lines to the logger. */
  debug?: boolean;
  /** Emoji that count as a vote (config `voting.reactions`); default `+1`. */
  voteReactions?: readonly string[];
  /** Counts of refused and failed HTTP requests (shown on /healthz). */
  stats?: RequestStats;
  /** The HTTP edge's limits and wall clock (tests). */
  edge?: Pick<SlackEdgeOptions, 'now' | 'maxBodyBytes' | 'maxUnverified' | 'responseDeadlineMs'>;
}

type WebClientOptions = ConstructorParameters<typeof webApi.WebClient>[1];

/** Who caused the work in progress, so a post Slack refuses can be explained to them. */
interface Origin {
  channel: string;
  user: string;
  respond?: RespondFn;
  told: boolean;
}

/** Slack behind the core's ChatAdapter: slash commands, reaction votes, buttons, Block Kit cards. */
export class SlackAdapter implements ChatAdapter {
  readonly platform = 'slack' as const;
  readonly deliveryErrors = slackDeliveryErrors;
  private app: App | undefined;
  private socket: SocketModeReceiver | undefined;
  private api: SlackApi | undefined;
  /** The same Web API without the client's own retries, for the outbox's posts. */
  private postApi: SlackApi | undefined;
  private identity: SlackIdentity | undefined;
  private botUserId = '';
  /** Our workspace (auth.test's team_id): requests naming another are refused. */
  private teamId = '';
  private server: ListeningServer | undefined;
  /** Handlers still running (production acknowledges first): stop() lets them finish. */
  private readonly inflight = new Set<Promise<void>>();
  private readonly cards: CardUpdates<OutboundMessage>;
  private readonly origin = new AsyncLocalStorage<Origin>();

  constructor(private readonly opts: SlackAdapterOptions) {
    this.cards = new CardUpdates((ref, m) => this.sendUpdate(ref as MessageRef, m), {
      intervalMs: opts.cardUpdateIntervalMs ?? 1000,
      groupOf: () => 'chat.update',
      groupGapMs: opts.updateGapMs ?? 1200,
      sleep: opts.sleep ?? realSleep,
    });
  }


  /** The HTTP receiver's port once started on a server of its own (HTTP mode). */
  get port(): number | undefined {
    return this.server?.port;
  }

  async start(dispatch: Dispatch): Promise<void> {
    const { opts } = this;
    const log = boltLogger(opts.logger, { debug: opts.debug });
    const clientOptions: WebClientOptions = {
      // The client appends the method name to this string as is: it must end with a slash.
      ...(opts.apiUrl ? { slackApiUrl: opts.apiUrl.endsWith('/') ? opts.apiUrl : `${opts.apiUrl}/` } : {}),
      retryConfig: opts.retryConfig ?? { retries: 3 },
      logger: log,
    };
    const api = new SlackApi(new webApi.WebClient(opts.token, { ...clientOptions, rejectRateLimitedCalls: true }), { logger: opts.logger, sleep: opts.sleep });
    // Posts the outbox sends are tried once per outbox attempt: the client's own retry after a
    // lost answer (Slack took the post, the connection dropped) posted it again, where the
    // outbox's next attempt looks it up by its key first (found by the soak: a card twice).
    this.postApi = new SlackApi(new webApi.WebClient(opts.token, { ...clientOptions, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true }), { logger: opts.logger, sleep: opts.sleep });
    // Checked here rather than inside Bolt so a bad token stops start-up with Slack's reason.
    let auth: Record<string, unknown>;
    try {
      auth = await api.call('auth.test', {});
    } catch (e) {
      const code = e instanceof SlackApiError ? e.code : 'request_failed';
      throw new SlackStartError(`Slack auth.test failed (${code}): check SLACK_BOT_TOKEN${opts.apiUrl ? ' and SLACK_API_URL' : ''}`);
    }
    this.botUserId = String(auth.user_id ?? '');
    this.teamId = typeof auth.team_id === 'string' ? auth.team_id : '';
    this.api = api;
    this.identity = new SlackIdentity(api, opts.clock, opts.logger);

    const receiver =
      opts.connection.mode === 'socket'
        ? (this.socket = socketModeReceiver({ appToken: opts.connection.appToken, logger: log, installerOptions: { clientOptions } }))
        : new HTTPReceiver({
            signingSecret: opts.connection.signingSecret,
            endpoints: '/slack/events',
            // The HTTP answer waits for the listener; our listeners resolve as soon as an event is
            // stored (commands: as soon as they are acknowledged), so an acknowledged vote is
            // never lost to a crash and Slack's 3 s are kept.
            processBeforeResponse: opts.processBeforeResponse ?? true,
            logger: log,
            // The edge (http-edge.ts) has read and verified the body; its signature identifies a replay.
            customPropertiesExtractor: (req) => ({ requestSignature: (req as SignedRequest).requestSignature }),
            // An event that could not be stored is answered 503: Slack sends it again.
            processEventErrorHandler: async (a) => {
              if (!isNotStored(a.error)) return httpFunc.defaultProcessEventErrorHandler(a);
              a.response.writeHead(503);
              a.response.end();
              return false;
            },
          });
    const app = new App({ receiver, ...boltAppOptions, token: opts.token, botUserId: this.botUserId, botId: String(auth.bot_id ?? ''), logger: log, clientOptions });
    app.error(async (e) => {
      // Passed on to the receiver, which then does not acknowledge the event.
      if (isNotStored(e)) throw e;
      opts.logger.error({ err: e }, 'slack listener failed');
    });
    this.listen(app, dispatch);
    try {
      if (opts.connection.mode === 'socket') await app.start();
      else {
        // Bolt's own server is never used: every request passes the edge first.
        const edge = slackHttpEdge((receiver as HTTPReceiver).requestListener, {
          signingSecret: opts.connection.signingSecret,
          logger: opts.logger,
          stats: opts.stats ?? new RequestStats(),
          ...opts.edge,
        });
        if (opts.connection.mount) {
          opts.connection.mount('/slack/events', edge);
        } else {
          const own: RequestListener = (req, res) => ((req.url ?? '').split('?')[0] === '/slack/events' ? edge(req, res) : void res.writeHead(404).end());
          this.server = await listen(own, opts.connection.port, opts.connection.host);
        }
      }
    } catch (e) {
      throw new SlackStartError(startFailure(opts.connection, e));
    }
    this.app = app;
    opts.logger.info({ mode: opts.connection.mode, port: this.port, botUserId: this.botUserId }, 'slack adapter started');
  }

  /**
   * One global middleware instead of listeners: Bolt runs every request through each listener's
   * own matcher chain, which cost more per event than the rest of the adapter (bench/slack).
   * Routing here on the body's shape is as cheap as it gets, and a later feature's command works
   * without touching the adapter (the core answers an unknown one). next() is never called.
   */
  private listen(app: App, dispatch: Dispatch): void {
    app.use(async (args) => {
      const body = args.body as { type?: unknown; command?: unknown; event?: { type?: unknown }; actions?: { action_id?: unknown }[] };
      const { ack, respond } = args as unknown as { ack?: () => Promise<void>; respond?: RespondFn };
      if (fromAnotherWorkspace(body, this.teamId)) {
        // Not the network's workspace: one short answer to what was addressed to the bot, nothing passed on.
        await ack?.();
        if (respond && (typeof body.command === 'string' || body.type === 'block_actions')) void this.track(() => this.refuseForeign(respond));
        return;
      }
      if (typeof body.command === 'string') {
        // Acknowledged once the command's changes are committed (or it had none): an
        // acknowledged command is never lost to a crash. One that could not be stored is not
        // acknowledged (NotStoredError: the HTTP answer is 503, Slack shows the person an error)
        // and the core's own answer says why. The answer follows through response_url.
        await this.untilStored((hooks) => this.onCommand(body, respond!, withAck(dispatch, hooks), replayKey(args.context)));
        await ack?.();
      } else if (body.type === 'event_callback') {
        // Slack's acknowledgement (the HTTP answer, or the Socket Mode envelope's: socket-ack.ts) waits for this promise.
        const type = body.event?.type;
        if (type === 'reaction_added' || type === 'reaction_removed') await this.untilStored((hooks) => this.onReaction(body, withAck(dispatch, hooks)));
        else if (type === 'message') await this.untilStored((hooks) => this.onMessage(body, withAck(dispatch, hooks)));
        else if (type === 'member_joined_channel') await this.untilStored((hooks) => this.onJoin(body, withAck(dispatch, hooks)));
        else if (type === 'member_left_channel') await this.untilStored((hooks) => this.onLeave(body, withAck(dispatch, hooks)));
      } else if (body.type === 'block_actions') {
        // Like a command: acknowledged once the press is stored. Slack never resends a button
        // press, so one acknowledged first was lost to a crash or a held lock (found by the soak).
        const id = body.actions?.[0]?.action_id;
        if (typeof id === 'string' && id.startsWith('po:')) await this.untilStored((hooks) => this.onButton(body, respond!, withAck(dispatch, hooks), replayKey(args.context)));
        await ack?.();
      } else {
        // Anything else interactive (a shortcut, a view) is not ours, but Slack still wants its answer.
        await ack?.();
      }
    });
  }

  /**
   * Resolves (letting the receiver answer Slack) once the event is stored, or ignored, or refused;
   * rejects with NotStoredError when it could not be stored, so Slack is not acknowledged and
   * sends it again. Card updates and answers (the person's short error too) go on in the
   * background, tracked for shutdown.
   */
  private untilStored(work: (hooks: Required<DispatchHooks>) => Promise<void>): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      void this.track(() => work({ committed: resolve, notStored: () => reject(new NotStoredError()) })).finally(resolve);
    });
  }

  /** Work in flight, for stop(); a failure is logged, never left unhandled. */
  private track(work: () => Promise<void>): Promise<void> {
    const p: Promise<void> = work()
      .catch((e: unknown) => this.opts.logger.error({ err: e }, 'slack: handling an event failed'))
      .finally(() => this.inflight.delete(p));
    this.inflight.add(p);
    return p;
  }

  /** The core's Actor for a Slack user, or undefined for a bot (bots do not vote or command). */
  private async actor(userId: string, fallbackName?: string): Promise<Actor | undefined> {
    const person = await this.identity!.lookup(userId, fallbackName);
    return person.isBot ? undefined : { platform: 'slack', id: userId, name: person.name };
  }

  private async onCommand(body: unknown, respond: RespondFn, dispatch: Dispatch, dedupKey?: string): Promise<void> {
    const parsed = slashCommandSchema.safeParse(body);
    if (!parsed.success) {
      this.opts.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'slack: ignored a malformed slash command');
      return;
    }
    const c = parsed.data;
    const actor = await this.actor(c.user_id, c.user_name);
    if (!actor) return;
    const to = { channel: c.channel_id, user: c.user_id, respond: c.response_url ? respond : undefined, told: false };
    const event = { kind: 'command' as const, name: commandName(c.command), args: commandText(c.text), actor, chat: slackChat(c.channel_id), dedupKey, ...direct(c.channel_id) };
    const answer = await this.origin.run(to, () => dispatch(event));
    if (answer) await this.answer(answer, to);
  }

  private async onReaction(body: unknown, dispatch: Dispatch): Promise<void> {
    const parsed = reactionEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      this.opts.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'slack: ignored a malformed reaction event');
      return;
    }
    const { event_id, event } = parsed.data;
    if (event.item.type !== 'message') return;
    // Votes count only on the bot's own messages: anything else is dropped before any lookup.
    if (event.item_user !== undefined && event.item_user !== this.botUserId) return;
    if (event.user === this.botUserId) return;
    const actor = await this.actor(event.user);
    if (!actor) return;
    const { channel, ts } = event.item;
    if (event.type === 'reaction_removed' && (await this.stillVotes(channel, ts, event.user, event.reaction))) return;
    const answer = await dispatch({
      kind: 'reaction',
      emoji: event.reaction,
      added: event.type === 'reaction_added',
      target: slackMessageRef(channel, ts),
      actor,
      chat: slackChat(channel),
      // Slack redelivers an event it thinks was not acknowledged with the same event_id.
      dedupKey: `slack:${event_id}`,
      ...direct(channel),
    });
    if (answer) await this.answer(answer, { channel, user: event.user });
  }

  /**
   * Whether, after taking off one vote reaction, the person still has another on the message
   * (`+1` and `+1::skin-tone-4` are two reactions in Slack, one vote here): then the vote stays.
   * Slack's events say only what changed, so the message's reactions are asked for. If Slack
   * cannot answer, the removal counts, as it would have without this check.
   */
  private async stillVotes(channel: string, ts: string, user: string, removed: string): Promise<boolean> {
    const vote = (name: string) => isVoteReaction(name, this.opts.voteReactions ?? ['+1']);
    if (!vote(removed)) return false;
    try {
      const res = await this.requireApi().call('reactions.get', { channel, timestamp: ts, full: true });
      const reactions = (res.message as { reactions?: { name?: unknown; users?: unknown }[] } | undefined)?.reactions ?? [];
      return reactions.some((r) => typeof r.name === 'string' && vote(r.name) && Array.isArray(r.users) && r.users.includes(user));
    } catch (e) {
      if (!(e instanceof SlackApiError)) this.opts.logger.warn({ err: e, channel }, 'slack: reactions.get failed; the removal counts');
      return false;
    }
  }

  /** Plain messages people write in a channel; edits, joins, bots and the bot itself are not. */
  private async onMessage(body: unknown, dispatch: Dispatch): Promise<void> {
    const parsed = messageEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      this.opts.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'slack: ignored a malformed message event');
      return;
    }
    const { event_id, event } = parsed.data;
    if ((event.subtype && event.subtype !== 'thread_broadcast') || event.bot_id || !event.user || event.user === this.botUserId) return;
    if (!event.text?.trim()) return;
    const actor = await this.actor(event.user);
    if (!actor) return;
    const names = new Map<string, string>();
    await Promise.all(mentionedUsers(event.text).map(async (u) => names.set(u, (await this.identity!.lookup(u)).name)));
    const answer = await dispatch({
      kind: 'message',
      text: messageText(event.text, names),
      actor,
      chat: slackChat(event.channel),
      dedupKey: `slack:${event_id}`,
      ...direct(event.channel),
    });
    if (answer) await this.answer(answer, { channel: event.channel, user: event.user });
  }

  /** A person joined a channel: welcomed privately (ephemeral), once; the bot and other bots never. */
  private async onJoin(body: unknown, dispatch: Dispatch): Promise<void> {
    const parsed = joinEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      this.opts.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'slack: ignored a malformed member_joined_channel event');
      return;
    }
    const { event_id, event } = parsed.data;
    if (event.user === this.botUserId) return;
    const actor = await this.actor(event.user);
    if (!actor) return;
    const answer = await dispatch({ kind: 'join', privateReach: true, actor, chat: slackChat(event.channel), dedupKey: `slack:${event_id}` });
    if (answer) await this.answer(answer, { channel: event.channel, user: event.user });
  }

  /** Someone left a channel: the core forgets that being there made them a member. */
  private async onLeave(body: unknown, dispatch: Dispatch): Promise<void> {
    const parsed = leaveEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      this.opts.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'slack: ignored a malformed member_left_channel event');
      return;
    }
    const { event_id, event } = parsed.data;
    if (event.user === this.botUserId) return;
    // No profile lookup: leaving needs no name, and the person may already be gone.
    await dispatch({ kind: 'leave', actor: { platform: 'slack', id: event.user, name: event.user }, chat: slackChat(event.channel), dedupKey: `slack:${event_id}` });
  }

  private async refuseForeign(respond: RespondFn): Promise<void> {
    const text = translator(this.opts.locale)('common.membersOnly');
    await respond({ response_type: 'ephemeral', replace_original: false, text });
  }

  private async onButton(body: unknown, respond: RespondFn, dispatch: Dispatch, dedupKey?: string): Promise<void> {
    const parsed = blockActionSchema.safeParse(body);
    if (!parsed.success) {
      this.opts.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, 'slack: ignored a malformed button press');
      return;
    }
    const b = parsed.data;
    const pressed = b.actions[0]!;
    const action = actionFromId(pressed.action_id);
    const channel = b.container?.channel_id ?? b.channel?.id;
    const ts = b.container?.message_ts ?? b.message?.ts;
    if (!action || !channel || !ts) return;
    const actor = await this.actor(b.user.id, b.user.username ?? b.user.name);
    if (!actor) return;
    const to = { channel, user: b.user.id, respond, told: false };
    const event = { kind: 'button' as const, action, value: pressed.value ?? '', target: slackMessageRef(channel, ts), actor, chat: slackChat(channel), dedupKey, ...direct(channel) };
    const answer = await this.origin.run(to, () => dispatch(event));
    if (answer) await this.answer(answer, to);
  }

  /**
   * Private answers are ephemeral (only the caller sees them); public ones go to the channel,
   * an attachment as a file after the text. Slack has no ephemeral files, so a private
   * attachment is shown inline. Content over one message's Block Kit limits goes out as
   * follow-up messages in order.
   */
  private async answer(a: Answer, to: { channel: string; user: string; respond?: RespondFn }): Promise<void> {
    const upload = a.message.file && !a.private ? a.message.file : undefined;
    const msgs = upload ? renderTextMessages(a.message, this.opts.locale) : renderSlackMessages(a.message, this.opts.locale);
    for (const [i, msg] of msgs.entries()) {
      try {
        // A response_url takes at most five messages; the rest go through the Web API.
        if (to.respond && i < RESPONSE_URL_USES) await to.respond({ response_type: a.private ? 'ephemeral' : 'in_channel', replace_original: false, ...msg });
        else if (a.private) await this.requireApi().call('chat.postEphemeral', { channel: to.channel, user: to.user, ...msg });
        else await this.postRendered(to.channel, msg);
      } catch (e) {
        // Already logged with Slack's code when it came from the Web API.
        if (!(e instanceof SlackApiError)) this.opts.logger.error({ err: e, channel: to.channel }, 'slack: answer not delivered');
        return;
      }
    }
    if (upload) await this.attach(to.channel, a.message, to);
  }

  /** Uploads a message's attachment; if Slack refuses, the caller still gets its content inline. */
  private async attach(channel: string, m: OutboundMessage, to?: { channel: string; user: string; respond?: RespondFn }): Promise<void> {
    try {
      await uploadFile(this.requireApi(), channel, m.file!);
    } catch (e) {
      if (!(e instanceof SlackApiError)) this.opts.logger.error({ err: e, channel }, 'slack: file upload failed');
      if (!to) throw e;
      const code = e instanceof SlackApiError ? e.code.replace(/[^a-z0-9_]/gi, '').slice(0, 60) : 'request_failed';
      const text = translator(this.opts.locale)('slack.fileFailed', { code });
      await this.answer({ message: { text: [text], file: m.file }, private: true }, to);
    }
  }

  private async postRendered(channel: string, msg: SlackMessage, key?: string): Promise<MessageRef> {
    const metadata = key === undefined ? {} : { metadata: { event_type: POST_MARKER, event_payload: { key } } };
    const api = key === undefined ? this.requireApi() : (this.postApi ?? this.requireApi());
    const res = await api.call('chat.postMessage', { channel, ...msg, ...metadata, unfurl_links: false, unfurl_media: false });
    return slackMessageRef(String(res.channel ?? channel), String(res.ts));
  }

  /**
   * The message posted earlier with this outbox key, if Slack has it: a post cut off by a crash
   * (or a timeout) after Slack took it is found here instead of being posted a second time, an
   * orphan card nobody's votes would reach. Looks at the channel's latest 100 messages.
   */
  private async findPosted(channel: string, key: string): Promise<MessageRef | undefined> {
    const res = await this.requireApi().call('conversations.history', { channel, limit: 100, include_all_metadata: true });
    const messages = (res.messages ?? []) as { ts?: unknown; metadata?: { event_type?: unknown; event_payload?: { key?: unknown } } }[];
    const found = messages.find((x) => x.metadata?.event_type === POST_MARKER && x.metadata.event_payload?.key === key);
    return found && typeof found.ts === 'string' ? slackMessageRef(channel, found.ts) : undefined;
  }

  /**
   * A card or notice in a channel. A refusal is explained to whoever caused the post. The ref is
   * the first message's: reactions and card updates refer to it. The outbox's key travels as
   * that message's metadata, so a resend after a crash in the send window finds the first copy
   * (its follow-ups and file, if any, are then not sent again).
   */
  async post(chat: ChatRef, m: OutboundMessage, opts?: PostOptions): Promise<MessageRef> {
    const channel = parseChatRef(chat).chatId;
    const [first, ...rest] = m.file ? renderTextMessages(m, this.opts.locale) : renderSlackMessages(m, this.opts.locale);
    let ref: MessageRef;
    try {
      if (opts?.resend) {
        // If Slack cannot say, the post goes out: a second copy beats a lost one.
        const earlier = await this.findPosted(channel, opts.key).catch((e: unknown) => {
          this.opts.logger.warn({ channel, err: e instanceof SlackApiError ? e.code : e }, 'slack: could not look for an interrupted post; posting it');
          return undefined;
        });
        if (earlier) {
          this.opts.logger.warn({ channel, key: opts.key }, 'slack: a post interrupted after Slack took it was found; not posted again');
          return earlier;
        }
      }
      ref = await this.postRendered(channel, first!, opts?.key);
    } catch (e) {
      if (!(e instanceof SlackApiError)) throw e;
      await this.explain(channel, e);
      // The outbox asks slackDeliveryErrors whether to retry.
      throw e;
    }
    // The first message is out and has its ref: from here nothing may throw, or the outbox would
    // post it twice. A follow-up Slack refuses (after the client's retries) is logged.
    for (const msg of rest) {
      try {
        await this.postRendered(channel, msg);
      } catch (e) {
        this.opts.logger.error({ err: e, channel, ref }, 'slack: a follow-up message of a long post was not delivered');
      }
    }
    if (m.file) await this.attach(channel, m).catch(() => undefined);
    return ref;
  }

  /**
   * A direct message (conversations.open, then a post there like any other: long text split,
   * the outbox key as metadata so a resend finds it). When Slack will not open one (a guest
   * account, a workspace that restricts them), an ephemeral message in `near` instead, which
   * only that person sees; without `near`, Slack's refusal goes to the outbox.
   */
  async postPrivate(to: PersonRef, m: OutboundMessage, opts: PostOptions & { near?: ChatRef }): Promise<MessageRef> {
    let dm: string | undefined;
    try {
      const res = await this.requireApi().call('conversations.open', { users: to.id, return_im: false });
      const id = (res.channel as { id?: unknown } | undefined)?.id;
      if (typeof id === 'string') dm = id;
    } catch (e) {
      if (!(e instanceof SlackApiError) || !opts.near) throw e;
      this.opts.logger.warn({ user: to.id, code: e.code }, 'slack: no direct message to this person; an ephemeral one in the chat instead');
    }
    if (dm) return this.post(slackChat(dm), m, opts);
    const channel = parseChatRef(opts.near!).chatId;
    let ref: MessageRef | undefined;
    for (const msg of renderSlackMessages({ text: m.text, buttons: m.buttons }, this.opts.locale)) {
      const res = await this.requireApi().call('chat.postEphemeral', { channel, user: to.id, ...msg });
      ref ??= slackMessageRef(channel, String(res.message_ts ?? ''));
    }
    return ref!;
  }

  /**
   * Resolves once the card shows this content (or newer): at once, or when the card's update
   * interval has passed (see CardUpdates). A refusal goes to the outbox to retry or drop.
   */
  async update(ref: MessageRef, m: OutboundMessage): Promise<void> {
    this.requireApi();
    await this.cards.submit(ref, m);
  }

  /** Rendered only when sent: of a burst of tallies only the last one reaches Slack. */
  private async sendUpdate(ref: MessageRef, m: OutboundMessage): Promise<void> {
    const { chatId, messageId } = parseMessageRef(ref);
    await this.requireApi().call('chat.update', { channel: chatId, ts: messageId, ...renderSlackCard(m, this.opts.locale) });
  }

  /** Tells the person whose command caused a refused post what happened, once, only to them. */
  private async explain(channel: string, e: SlackApiError): Promise<void> {
    const to = this.origin.getStore();
    if (!to || to.channel !== channel || to.told) return;
    to.told = true;
    const t = translator(this.opts.locale);
    const code = e.code.replace(/[^a-z0-9_]/gi, '').slice(0, 60);
    const text =
      e.code === 'not_in_channel'
        ? t('slack.notInChannel')
        : e.code === 'channel_not_found'
          ? t('slack.channelNotFound')
          : isPermanent(e.code)
            ? t('slack.apiError', { code })
            : t('slack.retrying', { code });
    await this.answer({ message: { text: [text] }, private: true }, to);
  }

  /** Resolves when every event received so far has been handled (votes stored, answers sent). */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }

  /** Like idle(), and every card update has been sent too. */
  async settled(): Promise<void> {
    await this.idle();
    await this.cards.settled();
  }

  async stop(): Promise<void> {
    const app = this.app;
    this.app = undefined;
    if (!app) return;
    // Bolt's stop() does not wait for the WebSocket close handshake; the client's disconnect does.
    if (this.socket) await this.socket.client.disconnect();
    else await this.server?.close();
    await this.idle();
    // Card updates still waiting for their turn are given up (the outbox keeps them for the
    // next start): a paced queue of cards must not hold the stop.
    this.cards.stop();
    await this.cards.settled();
  }

  private requireApi(): SlackApi {
    if (!this.api) throw new Error('Slack adapter is not started');
    return this.api;
  }
}

/**
 * App options beyond the receiver, token and logger. botId and botUserId come from our own
 * auth.test so Bolt does not call it again; no conversation store, which we do not use and
 * which costs a thrown Error per event. The benchmark's bare Bolt app uses the same options.
 */
export const boltAppOptions = { convoStore: false } as const;

/** The metadata event type of the bot's outbox posts (Slack: `metadata.event_type`). */
const POST_MARKER = 'po_bot_post';

/** Start-up could not reach or authenticate with Slack. */
export class SlackStartError extends Error {
  override name = 'SlackStartError';
}

/** Why the receiver could not start, in words an operator can act on. */
function startFailure(c: SlackConnection, e: unknown): string {
  const err = e as { code?: string; data?: { error?: string }; message?: string };
  if (c.mode === 'http') return `Slack HTTP receiver cannot listen on port ${c.port}: ${err.code ?? err.message ?? String(e)}`;
  if (err.code === 'slack_webapi_platform_error') {
    return `Slack apps.connections.open failed (${err.data?.error ?? 'unknown_error'}): check SLACK_APP_TOKEN (an xapp- token with connections:write)`;
  }
  return `Slack Socket Mode could not connect: ${err.message ?? String(e)}`;
}

/** Slack accepts up to five posts to one response_url (within 30 minutes). */
const RESPONSE_URL_USES = 5;

/**
 * Slack never resends a slash command or a button press, so the same signature twice is a
 * replay (a signature covers the body and its timestamp, and the edge refuses it after five
 * minutes). The key goes through the core's delivery-id log, in the command's own transaction:
 * a replay changes nothing, in this process or another on the same database.
 */
function replayKey(context: unknown): string | undefined {
  const signature = (context as { requestSignature?: unknown } | undefined)?.requestSignature;
  return typeof signature === 'string' ? `slack:req:${signature}` : undefined;
}

/** The event's `direct` flag. */
function direct(channel: string): { direct?: true } {
  return isDirectChannel(channel) ? { direct: true } : {};
}

/** A dispatch that reports the moment the event's changes are committed, or could not be. */
function withAck(dispatch: Dispatch, ack: Required<DispatchHooks>): Dispatch {
  return (e, hooks) =>
    dispatch(e, {
      committed: () => {
        hooks?.committed?.();
        ack.committed();
      },
      notStored: () => {
        hooks?.notStored?.();
        ack.notStored();
      },
    });
}
