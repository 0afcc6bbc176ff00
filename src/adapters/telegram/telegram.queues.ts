/**
 * Runs tasks one after another per key (a chat): answers appear in the order commands were
 * sent, and a redelivered update waits for the first delivery to be remembered.
 */
export class SerialQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run(key: string, task: () => Promise<void>): Promise<void> {
    const result = (this.tails.get(key) ?? Promise.resolve()).then(task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  async idle(): Promise<void> {
    while (this.tails.size) await Promise.all(this.tails.values());
  }
}

/**
 * Delivers the latest value per key, one delivery in flight per key and at least `intervalMs`
 * between two deliveries of one key: ten votes on a card within a second become one edit at
 * once and one showing the final tally a second later. Telegram answers a group edited too
 * often with 429s, which would also hold up the answers to commands there.
 * `deliver` must not throw; it reports its own failures.
 */
export class LatestWins<K, V> {
  private readonly pending = new Map<K, V>();
  private readonly running = new Map<K, Promise<void>>();
  private readonly lastSent = new Map<K, number>();

  constructor(
    private readonly deliver: (key: K, value: V) => Promise<void>,
    private readonly pacing: { intervalMs: number; now: () => number; wait: (ms: number) => Promise<void> } = {
      intervalMs: 0,
      now: Date.now,
      wait: (ms) => new Promise((r) => setTimeout(r, ms)),
    },
  ) {}

  push(key: K, value: V): void {
    this.pending.set(key, value);
    if (!this.running.has(key)) this.running.set(key, this.drain(key));
  }

  private async drain(key: K): Promise<void> {
    const { intervalMs, now, wait } = this.pacing;
    try {
      while (this.pending.has(key)) {
        const since = now() - (this.lastSent.get(key) ?? -Infinity);
        if (since < intervalMs) await wait(intervalMs - since);
        const value = this.pending.get(key)!;
        this.pending.delete(key);
        this.lastSent.set(key, now());
        await this.deliver(key, value);
      }
    } finally {
      this.running.delete(key);
      this.forgetOld();
    }
  }

  /** Keys not delivered within the interval need no pacing: keep the map small. */
  private forgetOld(): void {
    if (this.lastSent.size < 1000) return;
    const cutoff = this.pacing.now() - this.pacing.intervalMs;
    for (const [k, at] of this.lastSent) if (at < cutoff && !this.running.has(k)) this.lastSent.delete(k);
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.all(this.running.values());
  }
}
