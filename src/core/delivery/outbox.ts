import { randomUUID } from 'node:crypto';
import type { Clock } from '../clock';
import type { Delivery } from '../feature';
import type { Logger } from '../logger';
import type { LinkRepo } from '../records';
import type { ChatRef, MessageRef, OutboundMessage, PersonRef, RecordRef } from '../types';
import type { OutboxEntry, OutboxRepo } from './outbox.port';
import { genericDeliveryErrors, PermanentDeliveryError, type ClassifiesDeliveryErrors, type DeliveryFailure } from './delivery-errors';

export interface OutboxOptions {
  /** First retry delay; doubles per attempt up to maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** After this many failed attempts an entry is given up (status dead) and logged. */
  maxAttempts?: number;
  /**
   * How long a send may take before another process on the same database may take it for
   * interrupted (its sender died) and send it again (default 2 min).
   */
  leaseMs?: number;
  /** This process's name on the entries it sends (default: a random id per Outbox). */
  owner?: string;
  /** Whether the process that claimed an entry has stopped (its lease then ends at once). */
  ownerGone?: (owner: string) => boolean;
  /**
   * Who is told, privately, when a send becomes a dead letter (the facilitators' own chats on
   * a platform that runs here), and in what words. Once per chat: while a chat has dead
   * letters, further ones for it are not announced again.
   */
  deadLetterNotice?: { to: () => readonly ChatRef[]; message: (d: { id: number; chat: string; code: string }) => OutboundMessage };
}

/** Tries to record a send's outcome over about a minute before leaving it to the lease. */
const RECORD_ATTEMPTS = 35;

/**
 * The bot's Delivery: every post and update is written to the outbox first, then sent through
 * the adapters. A failed send stays queued and is retried with backoff by flush(); a card's
 * link to its record is stored when its post finally goes out.
 */
export class Outbox implements Delivery {
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly maxAttempts: number;
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<number> | undefined;
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly repo: OutboxRepo,
    private readonly target: Delivery,
    private readonly links: LinkRepo,
    private readonly clock: Clock,
    private readonly logger: Logger,
    opts: OutboxOptions = {},
  ) {
    this.baseDelayMs = opts.baseDelayMs ?? 2_000;
    this.maxDelayMs = opts.maxDelayMs ?? 5 * 60_000;
    this.maxAttempts = opts.maxAttempts ?? 12;
    this.lease = { owner: opts.owner ?? randomUUID(), ms: opts.leaseMs ?? 2 * 60_000 };
    this.ownerGone = opts.ownerGone;
    this.notice = opts.deadLetterNotice;
    // The hub knows each target's platform and asks that platform's table; anything else
    // (a test's fake platform) gets the generic rule.
    const classifier = target as Delivery & Partial<ClassifiesDeliveryErrors>;
    this.classify = classifier.classifyDeliveryError
      ? (t, e, op) => classifier.classifyDeliveryError!(t, e, op)
      : (_t, e, op) => genericDeliveryErrors.classify(e, op);
  }

  private readonly notice: OutboxOptions['deadLetterNotice'];
  private readonly classify: (target: string, e: unknown, op: 'post' | 'update') => DeliveryFailure;

  private readonly ownerGone: ((owner: string) => boolean) | undefined;

  private readonly lease: { owner: string; ms: number };

  async post(chat: ChatRef, message: OutboundMessage, show?: RecordRef): Promise<MessageRef | undefined> {
    const id = this.repo.enqueuePost(chat, message, show ?? null, this.clock.now());
    if (this.closed) return undefined;
    return this.track(this.send(id));
  }

  /** Stored at once (in the caller's transaction, if any); sent when the returned function is called. */
  enqueue(chat: ChatRef, message: OutboundMessage, show?: RecordRef): () => Promise<MessageRef | undefined> {
    const id = this.repo.enqueuePost(chat, message, show ?? null, this.clock.now());
    return () => (this.closed ? Promise.resolve(undefined) : this.track(this.send(id)));
  }

  async postPrivate(to: PersonRef, message: OutboundMessage, near?: ChatRef): Promise<MessageRef | undefined> {
    const id = this.repo.enqueuePrivate(to, message, near ?? null, this.clock.now());
    if (this.closed) return undefined;
    return this.track(this.send(id));
  }

  /** A private message stored at once (in the caller's transaction), sent when the returned function is called. */
  enqueuePrivate(to: PersonRef, message: OutboundMessage, near?: ChatRef): () => Promise<MessageRef | undefined> {
    const id = this.repo.enqueuePrivate(to, message, near ?? null, this.clock.now());
    return () => (this.closed ? Promise.resolve(undefined) : this.track(this.send(id)));
  }

  async update(ref: MessageRef, message: OutboundMessage): Promise<void> {
    const id = this.repo.enqueueUpdate(ref, message, this.clock.now());
    if (this.closed) return;
    await this.track(this.send(id));
  }

  /** Sends every entry that is due (retries, and what a crash left behind). */
  flush(): Promise<number> {
    if (!this.flushing)
      this.flushing = this.flushDue()
        // The store could not be written now (another process's write lock, a full disk):
        // what is queued stays queued for the next flush; never an unhandled rejection.
        .catch((e: unknown) => {
          this.logger.warn({ err: e }, 'outbox: flush failed; the next one tries again');
          return 0;
        })
        .finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  /**
   * At start-up: entries a dead process left mid-send go back in the queue, then flush. Only
   * those whose lease has ended: another process on the same file may be sending the others.
   */
  recover(): Promise<number> {
    // flush() recovers first, and never throws: a locked or full store leaves it to the timer.
    return this.flush();
  }

  private recoverExpired(): void {
    const n = this.repo.recoverInterrupted(this.clock.now(), this.lease.owner, this.ownerGone);
    if (n) this.logger.warn({ entries: n }, 'outbox: sends interrupted by a stop are sent again');
  }

  start(intervalMs = 5_000): void {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  /** Stops taking new sends, waits for those in flight and one last flush (bounded by the caller). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await Promise.allSettled([...this.inFlight]);
    await this.flush();
    this.closed = true;
  }

  /** Resolves when every send started so far is done (a dead letter's notice included). */
  async idle(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  backlog() {
    return this.repo.backlog(this.clock.now());
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p)).catch(() => undefined);
    return p;
  }

  private async flushDue(): Promise<number> {
    // A process that died on the same file leaves its sends to whoever is still running.
    this.recoverExpired();
    let sent = 0;
    for (;;) {
      const due = this.repo.due(this.clock.now(), 50);
      if (!due.length) return sent;
      const before = sent;
      for (const e of due) if ((await this.send(e.id)) !== undefined || e.op === 'update') sent++;
      // A full batch: there may be more. A post that went out may have been holding a newer one
      // to the same chat back (repo.due leaves those out): look again. Otherwise, done.
      if (due.length < 50 && sent === before) return sent;
    }
  }

  /** Sends one entry if it is still pending; never throws. Returns the message ref of a post. */
  private async send(id: number): Promise<MessageRef | undefined> {
    let entry: OutboxEntry | undefined;
    try {
      // A chat's posts go out in order: behind an older one still waiting for its platform
      // (down, or refusing for now), this one waits too and the next flush sends both, oldest first.
      if (this.repo.olderPostWaiting(id)) return undefined;
      entry = this.repo.claim(id, this.clock.now(), this.lease);
    } catch (e) {
      // Not claimed (the lock is another process's): still pending, the timer sends it.
      this.logger.warn({ outbox: id, err: e }, 'outbox: could not claim an entry now; it stays queued');
      return undefined;
    }
    if (!entry) return undefined;
    try {
      if (entry.op === 'private') {
        if (!this.target.postPrivate || !entry.recipient) throw new PermanentDeliveryError('no private delivery here', 'private_unsupported');
        const { to, near } = entry.recipient;
        const ref = (await this.target.postPrivate(to, entry.message, near, { key: `outbox:${entry.id}`, resend: entry.attempts > 1 }))!;
        this.record(id, () => this.repo.sent(id, ref, this.clock.now()));
        return ref;
      }
      if (entry.op === 'post') {
        // A second attempt may follow one that reached the platform (a crash or a timeout in
        // the send window): the adapter looks for it by key before posting again.
        const ref = (await this.target.post(entry.target as ChatRef, entry.message, entry.show ?? undefined, { key: `outbox:${entry.id}`, resend: entry.attempts > 1 }))!;
        const show = entry.show;
        this.record(id, () => {
          if (show) this.links.link(ref, show, this.clock.now());
          this.repo.sent(id, ref, this.clock.now());
        });
        return ref;
      }
      await this.target.update(entry.target as MessageRef, entry.message);
      this.record(id, () => this.repo.sent(id, null, this.clock.now()));
      return undefined;
    } catch (e) {
      const failed = entry;
      this.record(id, () => this.failed(failed, e));
      return undefined;
    }
  }

  /**
   * Writes what became of a send. If the store cannot take it now (another process's write
   * lock), it is written a little later, off the event loop, rather than waited for: the entry
   * stays 'sending' under this process's lease meanwhile, so nobody sends it again.
   */
  private record(id: number, write: () => void, attempt = 0): void {
    try {
      write();
    } catch (e) {
      if (attempt >= RECORD_ATTEMPTS) {
        this.logger.error({ outbox: id, err: e }, 'outbox: could not record a send; its lease will end and it is sent again');
        return;
      }
      const p = new Promise<void>((resolve) => setTimeout(() => resolve(this.record(id, write, attempt + 1)), Math.min(2_000, 100 * 2 ** attempt)));
      this.track(p);
    }
  }

  private failed(entry: OutboxEntry, e: unknown): void {
    const error = String((e as Error)?.message ?? e).slice(0, 500);
    let f: DeliveryFailure;
    try {
      f = this.classify(entry.target, e, kindOf(entry));
    } catch {
      f = genericDeliveryErrors.classify(e, kindOf(entry));
    }
    const { code } = f;
    const log = { outbox: entry.id, op: entry.op, target: entry.target, attempts: entry.attempts, code, error };
    if (f.kind === 'obsolete') {
      this.repo.dropped(entry.id, `${code}: ${error}`, this.clock.now());
      this.logger.info(log, 'outbox: what the send was for is gone; nothing left to send');
      return;
    }
    if (f.kind === 'permanent' || entry.attempts >= this.maxAttempts) {
      this.repo.dead(entry.id, `${code}: ${error}`);
      this.logger.error({ ...log, permanent: f.kind === 'permanent' }, 'outbox: giving up on a send (dead letter: npm run outbox -- list)');
      this.tell(entry, code);
      return;
    }
    // The platform's own wait (Retry-After) when it said one, never less than the backoff.
    const delay = Math.max(Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** (entry.attempts - 1)), f.retryAfterMs ?? 0);
    this.repo.retry(entry.id, error, new Date(this.clock.now().getTime() + delay));
    this.logger.warn({ ...log, retryInMs: delay }, 'outbox: send failed, will retry');
  }

  /** The facilitators hear of a chat's first dead letter, privately; never of a notice's own. */
  private tell(entry: OutboxEntry, code: string): void {
    if (!this.notice || this.closed) return;
    const chat = entry.target.split('#')[0]!;
    const to = this.notice.to();
    if (to.includes(chat as ChatRef)) return;
    if (this.repo.deadIn(chat) > 1) return;
    const message = this.notice.message({ id: entry.id, chat, code });
    for (const c of to) void this.post(c, message);
  }
}

/** A private message fails as a post does (nothing of it exists yet to be edited or deleted). */
function kindOf(entry: OutboxEntry): 'post' | 'update' {
  return entry.op === 'update' ? 'update' : 'post';
}
