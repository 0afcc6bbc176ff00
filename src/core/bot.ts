import { parseChatRef, parseMessageRef, type ChatRef, type InboundEvent, type MessageRef, type OutboundMessage, type RecordRef } from './types';
import type { Answer, DispatchHooks, ButtonHandler, CardRenderer, ChangeListener, Command, Context, Delivery, Feature, HandlerResult, JoinHandler, MessageListener, ReactionHandler, Reply, Services } from './feature';
import { StoreUnavailableError, UserError } from './errors';
import { translateDynamic, translator } from '../i18n/catalog';
import { closest } from './input/closest';
import { commandName, parseCommandLine } from './input/command-line';
import { checkInputSize, inputBytes, INPUT_MAX_BYTES } from './input/check-text';
import type { JobHandler } from './jobs';
import type { AgendaContributor } from './meetings/meeting';
import type { Membership } from './people/membership';
import { mirrorPosts, type MentionOn } from './delivery/mirror';

/**
 * The platform-neutral bot: routes inbound events to feature handlers, turns their replies
 * into posts and in-place updates through a Delivery, and is the one place errors are caught.
 */
export class Bot {
  private readonly commands = new Map<string, Command>();
  private readonly reactions: ReactionHandler[] = [];
  private readonly buttons = new Map<string, ButtonHandler>();
  private readonly listeners: MessageListener[] = [];
  private readonly joins: JoinHandler[] = [];
  private readonly renderers = new Map<string, CardRenderer>();
  private readonly jobHandlers = new Map<string, JobHandler>();
  private readonly contributors: AgendaContributor[] = [];
  private readonly changeListeners: ChangeListener[] = [];
  private readonly refreshing = new Map<MessageRef, { dirty: boolean; done: Promise<void> }>();
  private delivery: Delivery | undefined;
  private membership: Membership | undefined;
  readonly services: Services;

  constructor(base: Omit<Services, 'cards'>) {
    this.services = {
      ...base,
      cards: { render: (record, locale) => this.renderers.get(record.kind)?.(record.id, locale, this.services) },
    };
  }

  use(feature: Feature): this {
    for (const c of feature.commands ?? []) {
      if (this.commands.has(c.name)) throw new Error(`Command /${c.name} registered twice (feature ${feature.name})`);
      this.commands.set(c.name, c);
    }
    this.reactions.push(...(feature.reactions ?? []));
    for (const b of feature.buttons ?? []) this.buttons.set(b.action, b);
    this.listeners.push(...(feature.messages ?? []));
    this.joins.push(...(feature.joins ?? []));
    for (const [kind, r] of Object.entries(feature.cards ?? {})) this.renderers.set(kind, r);
    for (const j of feature.jobs ?? []) {
      if (this.jobHandlers.has(j.kind)) throw new Error(`Job kind ${j.kind} registered twice (feature ${feature.name})`);
      this.jobHandlers.set(j.kind, j);
    }
    this.contributors.push(...(feature.agenda ?? []));
    this.changeListeners.push(...(feature.changes ?? []));
    return this;
  }

  agendaContributors(): readonly AgendaContributor[] {
    return [...this.contributors].sort((a, b) => a.order - b.order);
  }

  setDelivery(d: Delivery): void {
    this.delivery = d;
  }

  /**
   * The network's chats (issue 30): with chats on more than one platform, a post goes to each
   * (delivery/mirror.ts). Without it, posts go only where their replies say.
   */
  setNetwork(chats: () => readonly ChatRef[]): void {
    this.network = chats;
  }

  private network: (() => readonly ChatRef[]) | undefined;

  /** Who may use the bot; without it (never in the app) everyone may. */
  setMembership(m: Membership): void {
    this.membership = m;
  }

  listCommands(): readonly Command[] {
    return [...this.commands.values()];
  }

  jobHandler(kind: string): JobHandler | undefined {
    return this.jobHandlers.get(kind);
  }

  /**
   * Carries out a scheduled job's replies. `markDone` (the job's completion) and every post, for
   * every chat, go into the store in ONE transaction before anything is sent: a crash at any
   * point leaves either the job to run again and nothing queued, or the job done and every
   * post in the outbox, each sent once after the restart.
   */
  async deliverJob(replies: readonly Reply[], fallbackChat: ChatRef, markDone: () => void): Promise<void> {
    const planned = this.services.store.transaction(() => {
      markDone();
      return this.plan(fallbackChat, replies);
    });
    await this.carry(planned);
  }

  hasCommand(name: string): boolean {
    return this.commands.has(name);
  }

  private readonly inFlight = new Set<Promise<unknown>>();
  private queue: Queued[] = [];

  /**
   * Handles one inbound event. Never throws: errors become an answer to the sender.
   *
   * Events are handled in batches (group commit): every event dispatched in one turn of the
   * event loop runs in one transaction, each in its own savepoint so a refusal or failure undoes
   * only its own writes. A commit costs more than a vote (bench/votes, bench/slack), and under
   * load many events arrive in the same turn; alone, an event waits only for that turn to end.
   */
  dispatch(event: InboundEvent, hooks: DispatchHooks = {}): Promise<Answer | undefined> {
    const enqueue = () =>
      new Promise<Answer | undefined>((resolve) => {
        if (!this.queue.length) setImmediate(() => this.flush());
        this.queue.push({ event, committed: once(hooks.committed), notStored: once(hooks.notStored), resolve, since: performance.now() });
      });
    // Someone not known as a member: the platform may still confirm them (an API call, outside
    // any transaction). runSync decides for good.
    const p = this.mayNeedConfirming(event) ? this.membership!.confirm(event).then(enqueue) : enqueue();
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
    return p;
  }

  private mayNeedConfirming(event: InboundEvent): boolean {
    try {
      return this.membership !== undefined && !this.membership.admits(event);
    } catch {
      // The store could not be read: runSync meets the same error and answers it.
      return false;
    }
  }

  /** Resolves when every event being handled now is done (graceful shutdown). */
  async drain(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    // Bounded, so one huge burst does not hold the write lock (and the loop) for long.
    const batch = this.queue.splice(0, MAX_BATCH);
    if (this.queue.length) setImmediate(() => this.flush());
    if (this.lockWait) {
      // The lock is another process's: these wait with the others instead of each waiting on SQLite.
      for (const q of batch) this.holdForLock(q, new StoreUnavailableError('SQLITE_BUSY'));
      return;
    }
    const run = () => batch.map((q) => this.runSync(q.event, batch.length > 1));
    let outcomes: Outcome[];
    try {
      outcomes = batch.length === 1 ? run() : this.services.store.transaction(run);
    } catch (e) {
      // The batch's commit itself failed: none of its changes were stored.
      this.services.people.forgetCached();
      outcomes = batch.map(() => ({ kind: 'failed', error: e }));
    }
    let busy = false;
    batch.forEach((q, i) => {
      const o = outcomes[i]!;
      if (o.kind === 'failed' && isBusy(o.error)) {
        busy = true;
        this.holdForLock(q, o.error);
      } else void this.finish(q, o);
    });
    if (!busy) this.lockBackoff = 0;
  }

  /** Events waiting for another process's write lock to go, and the timer that tries them again. */
  private lockWait: { timer: NodeJS.Timeout; waiting: Queued[] } | undefined;
  private lockBackoff = 0;

  /**
   * Another process holds the write lock (SQLITE_BUSY at BEGIN IMMEDIATE: nothing of the event
   * ran). The connection waits at most a few tens of milliseconds for it (db.ts), so the event
   * loop stays free; the event waits here, off the loop, with every other event that arrives
   * meanwhile (they do not touch the database), and all are tried again together, a little
   * later each time. An event still not stored LOCK_WAIT_MS after it arrived is refused as not
   * stored, within a platform's 3 s, and the platform sends it again.
   */
  private holdForLock(q: Queued, error: unknown): void {
    if (performance.now() - q.since >= LOCK_WAIT_MS) {
      void this.finish(q, { kind: 'failed', error });
      return;
    }
    if (!this.lockWait) {
      const delay = Math.min(LOCK_RETRY_MAX_MS, LOCK_RETRY_BASE_MS * 2 ** this.lockBackoff++);
      const timer = setTimeout(() => {
        const waiting = this.lockWait?.waiting ?? [];
        this.lockWait = undefined;
        if (!this.queue.length) setImmediate(() => this.flush());
        this.queue.unshift(...waiting);
      }, delay);
      this.lockWait = { timer, waiting: [] };
    }
    this.lockWait.waiting.push(q);
  }

  /**
   * An event's synchronous work in its own transaction (a savepoint inside a batch): the
   * delivery id is recorded first, so a repeat, even one in the same batch, changes nothing.
   * An async handler's work after its first await runs outside the transaction.
   */
  private runSync(event: InboundEvent, inBatch: boolean): Outcome {
    try {
      // Before anything is written (not even the delivery id): a stranger leaves no trace.
      if (this.membership && !this.membership.admits(event)) return { kind: 'refused' };
      return this.services.store.transaction((): Outcome => {
        if (event.dedupKey && !this.services.store.events.claim(event.dedupKey, this.services.clock.now())) return { kind: 'repeat' };
        if (event.kind === 'leave') {
          this.left(event);
          return { kind: 'noted' };
        }
        const ctx = this.context(event);
        const r = this.route(ctx, event);
        if (isPromise<HandlerResult>(r)) {
          // Handled by finish() in this same turn; this only keeps an early rejection from being reported as unhandled.
          r.catch(() => undefined);
          return { kind: 'async', ctx, later: r };
        }
        // Posts are queued here, in the event's transaction: a command that posts to several
        // chats has them all stored with its changes, or none.
        return { kind: 'done', ctx, planned: this.plan(ctx.chat, this.withChanges(ctx, toList(r)), ctx.event.direct === true) };
      });
    } catch (e) {
      // SQLite may answer a full disk or an I/O error by rolling back the whole transaction,
      // not just this event's savepoint: the batch's other events may be gone too (and later
      // ones would run outside it), so the batch fails as one and nothing in it is acknowledged.
      if (inBatch && e instanceof StoreUnavailableError) throw e;
      this.services.people.forgetCached();
      return { kind: 'failed', error: e };
    }
  }

  private async finish(q: Queued, o: Outcome): Promise<void> {
    let answer: Answer | undefined;
    let stored = true;
    try {
      if (o.kind === 'failed') throw o.error;
      if (o.kind === 'refused') answer = this.refusal(q.event);
      else if (o.kind !== 'repeat' && o.kind !== 'noted') {
        const planned = o.kind === 'done' ? o.planned : this.plan(o.ctx.chat, this.withChanges(o.ctx, toList(await o.later)), o.ctx.event.direct === true);
        q.committed();
        answer = await this.carry(planned);
      }
    } catch (e) {
      answer = this.failure(e, q.event);
      // Nothing was stored: the adapter must not acknowledge, so the platform sends it again.
      // (A refusal or a bug is a final answer: acknowledged, below.)
      if (e instanceof StoreUnavailableError) stored = false;
    }
    if (stored) q.committed();
    else q.notStored();
    q.resolve(answer);
  }

  /**
   * The one answer a non-member gets: to what they addressed to the bot (a command, a button, a
   * line in a private chat); their chat lines, reactions and joins elsewhere get nothing.
   */
  private refusal(event: InboundEvent): Answer | undefined {
    const addressed = event.kind === 'command' || event.kind === 'button' || (event.kind === 'message' && event.direct);
    if (!addressed) return undefined;
    return { message: { text: [translator(this.services.settings.locale)('common.membersOnly')] }, private: true };
  }

  /** Someone left a chat: leaving a network chat ends what being seen there gave them. */
  private left(event: Extract<InboundEvent, { kind: 'leave' }>): void {
    if (!this.membership?.isNetworkChat(event)) return;
    this.services.people.leftNetwork(event.actor, this.services.clock.now());
    this.membership.forgetConfirmation(event.actor);
  }

  private failure(e: unknown, event: InboundEvent): Answer {
    const locale = this.services.settings.locale;
    if (e instanceof UserError) return { message: { text: [translateDynamic(locale, e.key, e.params)] }, private: true };
    if (e instanceof StoreUnavailableError) {
      this.services.logger.warn({ code: e.code, event: describe(event) }, 'event not stored; not acknowledged');
      return { message: { text: [translator(locale)('common.notStored')] }, private: true };
    }
    this.services.logger.error({ err: e, event: describe(event) }, 'handler failed');
    return { message: { text: [translator(locale)('common.internalError')] }, private: true };
  }

  /** Posts a message (a scheduled reminder, an agenda) and links it to the record it shows. */
  async post(chat: ChatRef, message: OutboundMessage, show?: RecordRef): Promise<MessageRef | undefined> {
    const ref = await this.requireDelivery().post(chat, message, show);
    if (ref && show) this.services.store.links.link(ref, show, this.services.clock.now());
    return ref;
  }

  /** Re-renders every message showing the record. Concurrent refreshes of one message coalesce. */
  async refresh(record: RecordRef): Promise<void> {
    const refs = this.services.store.links.refsFor(record);
    await Promise.all(refs.map((ref) => this.refreshOne(ref, record)));
  }

  /**
   * refresh() without a promise per call: while a message's update waits its turn (paced
   * edits: minutes in a busy chat), each further vote only marks it for another round. A
   * promise per vote kept until then is what made garbage collection a vote's largest cost
   * under load (bench/telegram).
   */
  private refreshInBackground(record: RecordRef): void {
    for (const ref of this.services.store.links.refsFor(record)) {
      const running = this.refreshing.get(ref);
      if (running) running.dirty = true;
      else this.background(this.refreshOne(ref, record));
    }
  }

  private refreshOne(ref: MessageRef, record: RecordRef): Promise<void> {
    const running = this.refreshing.get(ref);
    if (running) {
      running.dirty = true;
      return running.done;
    }
    const state = { dirty: false, done: Promise.resolve() };
    state.done = (async () => {
      try {
        // A platform that cannot edit a posted message keeps the card as posted; /issue and the
        // lists show the current state.
        if (!this.services.platforms.capabilities(parseMessageRef(ref).platform).editsMessages) return;
        do {
          state.dirty = false;
          const msg = this.services.cards.render(record, this.services.settings.locale);
          if (msg) await this.requireDelivery().update(ref, msg);
        } while (state.dirty);
      } catch (e) {
        // The change is stored; a card that could not be updated is stale, not wrong.
        this.services.logger.warn({ err: e, ref }, 'card update failed');
      } finally {
        this.refreshing.delete(ref);
      }
    })();
    this.refreshing.set(ref, state);
    return state.done;
  }

  private context(event: InboundEvent): Context {
    const { people, clock, settings } = this.services;
    const now = clock.now();
    let user = people.resolve(event.actor, now);
    if (this.membership?.isNetworkChat(event)) user = people.seenInNetwork(user, now);
    return {
      event,
      actor: event.actor,
      user,
      chat: event.chat,
      now,
      locale: settings.locale,
      t: translator(settings.locale),
      isFacilitator: people.isFacilitator(event.actor),
      services: this.services,
    };
  }

  /** Synchronous when the handlers are, so the caller can keep their writes in one transaction. */
  private route(ctx: Context, event: InboundEvent): HandlerResult | Promise<HandlerResult> {
    switch (event.kind) {
      case 'command':
        checkInputSize(event.args);
        return this.command(ctx, commandName(event.name), event.args.replace(/^\s+/, ''));
      case 'reaction':
        return firstHandled(this.reactions, (r) => r.handle(ctx, event));
      case 'button':
        return this.buttons.get(event.action)?.handle(ctx, event);
      case 'message':
        // A chat line over the input limit is not recorded (it was not addressed to the bot,
        // so it gets no answer either); its length is logged, never its text.
        if (inputBytes(event.text) > INPUT_MAX_BYTES) {
          this.services.logger.warn({ chat: event.chat, bytes: inputBytes(event.text) }, 'chat line over the input limit not recorded');
          return [];
        }
        // `／vote 1`: an IME's full-width slash, which no platform reads as a command, is one here.
        if (event.text.trimStart().startsWith('／')) {
          const asCommand = parseCommandLine(event.text);
          if (asCommand) return this.command(ctx, asCommand.name, asCommand.args);
        }
        return collect(this.listeners, (l) => l.handle(ctx, event));
      case 'join':
        return collect(this.joins, (j) => j.handle(ctx, event));
      case 'leave':
        return [];
    }
  }

  /** Command syntax is read here for every adapter: the name folded (IME full width, case). */
  private command(ctx: Context, name: string, args: string): HandlerResult | Promise<HandlerResult> {
    const cmd = this.commands.get(name);
    if (!cmd) {
      if (!name) throw new UserError('common.noCommandName', undefined);
      throw new UserError('common.unknownCommand', { name: name.slice(0, 40), suggestion: closest(name, [...this.commands.keys()]) });
    }
    return cmd.handle(ctx, args);
  }

  /** Appends what change listeners answer to the records this result refreshes (in the event's transaction when it is synchronous). */
  private withChanges(ctx: Context, replies: readonly Reply[]): readonly Reply[] {
    if (!this.changeListeners.length) return replies;
    const out = [...replies];
    for (const r of replies) {
      if (r.type !== 'refresh') continue;
      for (const l of this.changeListeners) if (l.kind === r.record.kind) out.push(...toList(l.changed(ctx, r.record)));
    }
    return out;
  }

  /**
   * Persists every post among the replies (synchronously: call it inside the transaction that
   * produced them) and returns the replies with what sends each post.
   */
  private plan(chat: ChatRef, replies: readonly Reply[], direct = false): Planned[] {
    if (this.network) replies = mirrorPosts(replies, chat, direct, this.network(), this.mentionOn);
    return replies.map((r) =>
      r.type === 'post' ? { reply: { ...r, chat: r.chat ?? chat }, send: this.queuePost(r.chat ?? chat, r.message, r.show) } : r.type === 'private' ? { reply: r, send: this.queuePrivate(r) } : { reply: r },
    );
  }

  private queuePrivate(r: Extract<Reply, { type: 'private' }>): () => Promise<MessageRef | undefined> {
    const d = this.requireDelivery();
    if (d.enqueuePrivate) return d.enqueuePrivate(r.to, r.message, r.near);
    if (!d.postPrivate) throw new Error('This delivery cannot send private messages');
    return () => d.postPrivate!(r.to, r.message, r.near);
  }

  private queuePost(chat: ChatRef, message: OutboundMessage, show?: RecordRef): () => Promise<MessageRef | undefined> {
    const d = this.requireDelivery();
    // The outbox stores it now and links the card when it is sent; a delivery without a store
    // (tests, the bench) is simply posted to when its turn comes.
    return d.enqueue ? d.enqueue(chat, message, show) : () => this.post(chat, message, show);
  }

  private async carry(planned: readonly Planned[]): Promise<Answer | undefined> {
    let answer: Answer | undefined;
    // Sends go out in order on each platform, and the platforms side by side: one that is slow or
    // down (its sends fail and wait in the outbox) does not hold up another's copies.
    const sending = new Map<string, Promise<unknown>>();
    // A platform's first send starts at once, as before (its entry is claimed before anything else
    // runs: another process's recovery must find it taken); the next ones after it.
    const after = (platform: string, send: () => Promise<unknown>) => {
      const prior = sending.get(platform);
      sending.set(platform, prior ? prior.then(send) : send());
    };
    for (const { reply: r, send } of planned) {
      if (r.type === 'reply') answer = { message: r.message, private: r.private ?? false };
      else if (r.type === 'post') after(parseChatRef(r.chat!).platform, send!);
      else if (r.type === 'private') after(r.to.platform, send!);
      else {
        // After the posts before it (an announcement, then the cards it changed), as always.
        // Not awaited itself: a card's update may wait its turn (platforms pace edits), and the
        // answer must not. drain() still waits for it.
        await Promise.all(sending.values());
        this.refreshInBackground(r.record);
      }
    }
    await Promise.all(sending.values());
    return answer;
  }

  /** A mention in a copy for another platform: the same person's linked account there. */
  private readonly mentionOn: MentionOn = (m, platform) => {
    const user = this.services.store.people.userByRef(m.platform, m.id);
    const there = user && this.services.people.accountOn(user, platform);
    return there ? { platform: there.platform, id: there.platformUserId, name: there.name } : undefined;
  };

  private background(p: Promise<void>): void {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private requireDelivery(): Delivery {
    if (!this.delivery) throw new Error('Bot has no delivery: call setDelivery() before dispatching');
    return this.delivery;
  }
}

/** A reply, with what sends it when it is a post already stored in the outbox. */
interface Planned {
  reply: Reply;
  send?: () => Promise<MessageRef | undefined>;
}

/** Events handled in one transaction at most. */
const MAX_BATCH = 64;

interface Queued {
  event: InboundEvent;
  committed: () => void;
  notStored: () => void;
  resolve: (a: Answer | undefined) => void;
  /** When it arrived (monotonic ms). */
  since: number;
}

/** How long an event may wait for another process's write lock before it is refused as not stored. */
const LOCK_WAIT_MS = 1_000;
const LOCK_RETRY_BASE_MS = 50;
const LOCK_RETRY_MAX_MS = 400;

type Outcome =
  | { kind: 'repeat' }
  /** Not a member: nothing stored, one short answer. */
  | { kind: 'refused' }
  /** Stored, nothing to answer (someone left a chat). */
  | { kind: 'noted' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'done'; ctx: Context; planned: readonly Planned[] }
  | { kind: 'async'; ctx: Context; later: Promise<HandlerResult> };

function once(fn: (() => void) | undefined): () => void {
  let done = !fn;
  return () => {
    if (done) return;
    done = true;
    fn!();
  };
}

/** Another connection held the write lock past the busy timeout: nothing was run or stored. */
function isBusy(e: unknown): boolean {
  return e instanceof StoreUnavailableError && e.code.startsWith('SQLITE_BUSY');
}

function isPromise<T>(x: unknown): x is Promise<T> {
  return typeof (x as { then?: unknown } | undefined)?.then === 'function';
}

type MaybeAsync<T> = T | Promise<T>;

/** The first handler's result that is not undefined, staying synchronous while handlers are. */
function firstHandled<H>(handlers: readonly H[], run: (h: H) => MaybeAsync<HandlerResult>, from = 0): MaybeAsync<HandlerResult> {
  for (let i = from; i < handlers.length; i++) {
    const out = run(handlers[i]!);
    if (isPromise<HandlerResult>(out)) return out.then((v) => (v !== undefined ? v : firstHandled(handlers, run, i + 1)));
    if (out !== undefined) return out;
  }
  return undefined;
}

/** Every handler's replies, in order, staying synchronous while handlers are. */
function collect<H>(handlers: readonly H[], run: (h: H) => MaybeAsync<HandlerResult>, from = 0, acc: Reply[] = []): MaybeAsync<HandlerResult> {
  for (let i = from; i < handlers.length; i++) {
    const out = run(handlers[i]!);
    if (isPromise<HandlerResult>(out)) return out.then((v) => collect(handlers, run, i + 1, [...acc, ...toList(v)]));
    acc.push(...toList(out));
  }
  return acc;
}

function toList(r: HandlerResult): readonly Reply[] {
  if (r === undefined) return [];
  return Array.isArray(r) ? (r as readonly Reply[]) : [r as Reply];
}

function describe(e: InboundEvent): object {
  const base = { kind: e.kind, chat: e.chat, actor: `${e.actor.platform}:${e.actor.id}` };
  return e.kind === 'command' ? { ...base, command: e.name, argsLength: e.args.length } : base;
}
