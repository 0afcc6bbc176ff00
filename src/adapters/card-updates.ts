/** Waits this many ms (injected by tests). */
export type Sleep = (ms: number) => Promise<void>;

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
  private readonly now: () => number;

  constructor(
    private readonly send: (key: string, message: M) => Promise<void>,
    private readonly opts: CardUpdatesOptions,
  ) {
    this.now = opts.now ?? (() => performance.now());
  }

  submit(key: string, message: M): Promise<void> {
    return new Promise<void>((resolve, reject) => {
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

  /** Resolves when every submitted update has been sent or has failed. */
  async settled(): Promise<void> {
    while (this.slots.size) await Promise.all([...this.slots.values()].map((s) => s.loop));
  }

  private async run(key: string, slot: Slot<M>): Promise<void> {
    try {
      while (slot.pending !== undefined) {
        const wait = slot.last + this.opts.intervalMs - this.now();
        if (wait > 0) await this.opts.sleep(wait);
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

  private remember(key: string, at: number): void {
    this.lastSent.set(key, at);
    if (this.lastSent.size > 2000) {
      const cutoff = this.now() - this.opts.intervalMs;
      for (const [k, t] of this.lastSent) if (t < cutoff) this.lastSent.delete(k);
    }
  }
}
