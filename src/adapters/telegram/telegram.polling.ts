import { TelegramError, type Telegram } from 'telegraf';
import type { Logger } from '../../core/logger';
import { isNotStored } from '../not-stored';

export interface PollerOptions {
  allowedUpdates: readonly string[];
  /** Resolves once an update is stored; rejects with NotStoredError when it could not be. */
  handle: (update: unknown) => Promise<void>;
  /** Any other failure of an update (logged; the update is not asked for again). */
  onError: (err: unknown, updateId: number) => void;
  sleep: (ms: number) => Promise<void>;
  logger: Logger;
  /** First wait before asking again for an update that could not be stored; doubles to maxRetryMs. */
  retryMs?: number;
  maxRetryMs?: number;
}

interface RawUpdate {
  update_id: number;
}

/**
 * Long polling that confirms an update to Telegram only once it is stored. getUpdates' `offset`
 * is the confirmation: telegraf's own loop moves it past a batch as it arrives, so an update
 * that could not be stored (disk full, write lock held) was gone. Here the next offset is the
 * first update of the batch that could not be stored: Telegram sends it again, with those after
 * it; the ones already stored are then repeats the core skips by their delivery key.
 */
export class UpdatePoller {
  private readonly abort = new AbortController();
  private offset = 0;

  constructor(
    private readonly telegram: Telegram,
    private readonly o: PollerOptions,
  ) {}

  /** Resolves when stopped; rejects when Telegram refuses polling (token revoked, another poller). */
  async run(): Promise<void> {
    await this.telegram.deleteWebhook({ drop_pending_updates: false });
    const base = this.o.retryMs ?? 1_000;
    let wait = base;
    let refused = false;
    try {
      while (!this.abort.signal.aborted) {
        const updates = await this.fetch();
        if (!updates) continue;
        const results = await Promise.allSettled(updates.map((u) => this.o.handle(u)));
        let again: number | undefined;
        results.forEach((r, i) => {
          if (r.status === 'fulfilled') return;
          const id = updates[i]!.update_id;
          if (isNotStored(r.reason)) again = Math.min(again ?? id, id);
          else this.o.onError(r.reason, id);
        });
        if (again !== undefined) {
          this.offset = again;
          this.o.logger.warn({ updateId: again, retryInMs: wait }, 'telegram: update not stored; asking for it again');
          await this.o.sleep(wait);
          wait = Math.min(wait * 2, this.o.maxRetryMs ?? 30_000);
        } else {
          if (updates.length) this.offset = updates[updates.length - 1]!.update_id + 1;
          wait = base;
        }
      }
    } catch (e) {
      refused = true;
      throw e;
    } finally {
      // Confirms what was stored, so a restart does not get it again (as telegraf does).
      if (!refused && this.offset) await this.telegram.callApi('getUpdates', { offset: this.offset, limit: 1, timeout: 0 }).catch(() => undefined);
    }
  }

  stop(): void {
    this.abort.abort();
  }

  /** One getUpdates; undefined when it should simply be asked again (stopped, network, 429, 5xx). */
  private async fetch(): Promise<RawUpdate[] | undefined> {
    try {
      return (await this.telegram.callApi(
        'getUpdates',
        { timeout: 50, offset: this.offset, allowed_updates: [...this.o.allowedUpdates] as never },
        { signal: this.abort.signal as never },
      )) as unknown as RawUpdate[];
    } catch (e) {
      const err = e as Error & { parameters?: { retry_after?: number } };
      if (err.name === 'AbortError' || this.abort.signal.aborted) return undefined;
      if (err.name === 'FetchError' || (err instanceof TelegramError && (err.code === 429 || err.code >= 500))) {
        this.o.logger.warn({ name: err.name, code: (err as { code?: unknown }).code }, 'telegram: getUpdates failed; trying again');
        await this.o.sleep((err.parameters?.retry_after ?? 5) * 1000);
        return undefined;
      }
      throw e;
    }
  }
}
