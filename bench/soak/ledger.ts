// Every delivery the soak makes, as the platform sees it: how many tries, whether one was
// acknowledged, and what the database must hold for it afterwards.

export const KINDS = ['reactions', 'button votes', 'commands', 'minutes lines'] as const;
export type Kind = (typeof KINDS)[number];
export type PlatformName = 'slack' | 'telegram';

/** What one delivery must leave in the database: exactly one row. */
export type Expect =
  | { table: 'votes'; issueId: number; platform: PlatformName; user: string }
  | { table: 'issues'; title: string }
  | { table: 'minutes_lines'; chat: string; text: string };

export interface Delivery {
  id: number;
  kind: Kind;
  platform: PlatformName;
  expect: Expect;
  /** One try; `retry` counts the tries before it (Slack's x-slack-retry-num). Resolves with the HTTP status (0: none in time). */
  attempt: (retry: number) => Promise<number>;
  /** Slack resends an event 3 times; commands and button presses never; Telegram until it gets a 2xx. */
  maxTries: number;
  tries: number;
  acked: boolean;
  inFlight: boolean;
  /** Real time (ms) of the next try. */
  nextTryAt: number;
  /** Each try's HTTP status (0: no answer within the deadline). */
  statuses: number[];
}

export class Ledger {
  readonly all: Delivery[] = [];

  add(d: Omit<Delivery, 'id' | 'tries' | 'acked' | 'inFlight' | 'nextTryAt' | 'statuses'>): Delivery {
    const full: Delivery = { ...d, id: this.all.length + 1, tries: 0, acked: false, inFlight: false, nextTryAt: Date.now(), statuses: [] };
    this.all.push(full);
    return full;
  }

  /** Makes one try now; a failed one is tried again later (backoff), while tries remain. */
  async send(d: Delivery): Promise<void> {
    if (d.acked || d.inFlight || d.tries >= d.maxTries) return;
    d.inFlight = true;
    const retry = d.tries++;
    const status = await d.attempt(retry).finally(() => (d.inFlight = false));
    d.statuses.push(status);
    if (status >= 200 && status < 300) d.acked = true;
    else d.nextTryAt = Date.now() + Math.min(10_000, 1_000 * 2 ** retry);
  }

  /** Deliveries that may be tried again now. */
  due(now = Date.now()): Delivery[] {
    return this.all.filter((d) => !d.acked && !d.inFlight && d.tries > 0 && d.tries < d.maxTries && d.nextTryAt <= now);
  }

  /** Unanswered deliveries that will still be tried (the run is not finished while there are some). */
  open(): Delivery[] {
    return this.all.filter((d) => !d.acked && d.tries < d.maxTries);
  }

  /** How the tries of each kind were answered (status → count), for the verbose log. */
  answers(): Record<string, Record<string, number>> {
    const out: Record<string, Record<string, number>> = {};
    for (const d of this.all) {
      const k = `${d.kind} (${d.platform})`;
      out[k] ??= {};
      for (const s of d.statuses) out[k]![String(s)] = (out[k]![String(s)] ?? 0) + 1;
    }
    return out;
  }

  /** Minutes lines for `chat` not yet acknowledged that will be tried again: the meeting stays open for them. */
  openLines(chat: string): number {
    return this.open().filter((d) => d.expect.table === 'minutes_lines' && d.expect.chat === chat).length;
  }
}
