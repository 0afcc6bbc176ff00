import { setMaxListeners } from 'node:events';
/** Waits this many ms, or less if the signal is aborted (injected by tests). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

interface Waiter {
  resolve: () => void;
  reject: (e: unknown) => void;
}

interface Slot<M> {
  pending: M | undefined;
  waiters: Waiter[];
  last: number;
  loop: Promise<void>;
}

export interface CardUpdatesOptions {
  /** At most one update per message per this many ms (Slack and Telegram both rate-limit edits). */
  intervalMs: number;
  sleep: Sleep;
  /** Monotonic milliseconds; injected by tests. */
  now?: () => number;
  /**
   * Messages whose updates share a budget (Telegram: one chat) and the least time between two
   * updates in one such group. Cards waiting for the group take turns in the order they asked.
   */
  groupOf?: (key: string) => string;
  groupGapMs?: number;
}

/** What waiting callers get once stop() has given up on their update. */
export class CardUpdatesStopped extends Error {
  override name = 'CardUpdatesStopped';
}

/**
 * In-place card updates, throttled per message with the latest content winning. A burst of
 * votes on one card (the monthly meeting's call to vote) becomes one update at once and then
 * at most one per interval, each carrying the newest tally, instead of one edit per vote that
 * the platform would answer with 429s. `submit` resolves once that content, or newer
 * content that replaced it, is on the card, and rejects with the send's error, so the outbox
 * in front retries what failed.
 */
export class CardUpdates<M> {
  private readonly slots = new Map<string, Slot<M>>();
  private readonly lastSent = new Map<string, number>();
  /** Per group: the earliest time its next update may go. */
  private readonly groupNext = new Map<string, number>();
  private readonly now: () => number;
  /** Aborted by stop(): ends every wait at once and clears its timer. */
  private readonly stopping = new AbortController();
  private readonly whenStopped = new Promise<void>((r) => this.stopping.signal.addEventListener('abort', () => r(), { once: true }));

  constructor(
    private readonly send: (key: string, message: M) => Promise<void>,
    private readonly opts: CardUpdatesOptions,
  ) {
    this.now = opts.now ?? (() => performance.now());
    // Every card waiting for its turn listens on this one signal: many are expected.
    setMaxListeners(0, this.stopping.signal);
  }

  submit(key: string, message: M): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.stopping.signal.aborted) return reject(new CardUpdatesStopped('card updates stopped'));
      const running = this.slots.get(key);
      if (running) {
        running.pending = message;
        running.waiters.push({ resolve, reject });
        return;
      }
      const slot: Slot<M> = { pending: message, waiters: [{ resolve, reject }], last: this.lastSent.get(key) ?? -Infinity, loop: Promise.resolve() };
      this.slots.set(key, slot);
      slot.loop = this.run(key, slot);
    });
  }

  /**
   * Gives up on every update still waiting for its turn (shutdown): their callers get
   * CardUpdatesStopped, which the outbox in front keeps to send after the restart. A send
   * already on the wire finishes.
   */
  stop(): void {
    this.stopping.abort();
  }

  /** Resolves when every submitted update has been sent or has failed. */
  async settled(): Promise<void> {
    while (this.slots.size) await Promise.all([...this.slots.values()].map((s) => s.loop));
  }

  private async run(key: string, slot: Slot<M>): Promise<void> {
    try {
      while (slot.pending !== undefined) {
        await this.pause(slot.last + this.opts.intervalMs - this.now());
        await this.pause(this.groupTurn(key));
        if (this.stopping.signal.aborted) {
          const err = new CardUpdatesStopped('card updates stopped');
          for (const w of slot.waiters) w.reject(err);
          return;
        }
        const message = slot.pending;
        const waiters = slot.waiters;
        slot.pending = undefined;
        slot.waiters = [];
        slot.last = this.now();
        try {
          await this.send(key, message!);
          for (const w of waiters) w.resolve();
        } catch (e) {
          for (const w of waiters) w.reject(e);
        }
      }
    } finally {
      this.slots.delete(key);
      this.remember(key, slot.last);
    }
  }

  /** Reserves the group's next turn for this key; returns how long to wait for it. */
  private groupTurn(key: string): number {
    const { groupOf, groupGapMs = 0 } = this.opts;
    if (!groupOf || groupGapMs <= 0) return 0;
    const group = groupOf(key);
    const now = this.now();
    const at = Math.max(now, this.groupNext.get(group) ?? -Infinity);
    this.groupNext.set(group, at + groupGapMs);
    if (this.groupNext.size > 2000) for (const [g, t] of this.groupNext) if (t < now) this.groupNext.delete(g);
    return at - now;
  }

  /** Sleeps, unless stop() comes first. */
  private async pause(ms: number): Promise<void> {
    if (ms <= 0 || this.stopping.signal.aborted) return;
    await Promise.race([this.opts.sleep(ms, this.stopping.signal), this.whenStopped]);
  }

  private remember(key: string, at: number): void {
    this.lastSent.set(key, at);
    if (this.lastSent.size > 2000) {
      const cutoff = this.now() - this.opts.intervalMs;
      for (const [k, t] of this.lastSent) if (t < cutoff) this.lastSent.delete(k);
    }
  }
}
