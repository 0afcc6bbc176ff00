import { randomUUID } from 'node:crypto';
import type { Bot } from '../core/bot';
import type { Clock } from '../core/clock';
import type { JobRepo } from '../core/jobs';
import type { Logger } from '../core/logger';
import { translator } from '../i18n/catalog';
import type { ChatRef } from '../core/types';

export interface SchedulerOptions {
  /** How long a claimed job is ours before another process may take it over. */
  leaseMs?: number;
  /** Jobs handled per tick. */
  batch?: number;
  /** Delay before a failed job is tried again (grows with attempts). */
  retryBaseMs?: number;
}

/**
 * One loop over persisted jobs. tick(now) claims due jobs atomically, runs each handler, and marks
 * it done in the same transaction that queues all its posts, so a restart never re-sends a
 * finished job and never loses one of its posts.
 * A handler that throws is logged and retried later; it never stops the other jobs.
 */
export class Scheduler {
  readonly owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly retryBaseMs: number;

  constructor(
    private readonly bot: Bot,
    private readonly jobs: JobRepo,
    private readonly clock: Clock,
    private readonly logger: Logger,
    opts: SchedulerOptions = {},
  ) {
    this.leaseMs = opts.leaseMs ?? 5 * 60_000;
    this.batch = opts.batch ?? 50;
    this.retryBaseMs = opts.retryBaseMs ?? 60_000;
  }

  /** Runs every due job once; returns how many ran. Concurrent calls share one run. */
  tick(): Promise<number> {
    if (!this.running)
      this.running = this.runDue()
        // A database it cannot write now (another process's lock, a full disk): the next tick
        // tries again; never an unhandled rejection from the timer.
        .catch((e: unknown) => {
          this.logger.warn({ err: e }, 'scheduler tick failed; next tick tries again');
          return 0;
        })
        .finally(() => (this.running = undefined));
    return this.running;
  }

  private async runDue(): Promise<number> {
    let ran = 0;
    for (;;) {
      const now = this.clock.now();
      const due = this.jobs.claimDue(now, this.owner, this.leaseMs, this.batch);
      if (!due.length) return ran;
      for (const job of due) {
        ran++;
        const handler = this.bot.jobHandler(job.kind);
        if (!handler) {
          this.logger.error({ job: job.key, kind: job.kind }, 'no handler for job kind');
          this.jobs.fail(job.id, `no handler for ${job.kind}`, new Date(now.getTime() + this.retryBaseMs * 60));
          continue;
        }
        const { settings } = this.bot.services;
        let replies;
        try {
          replies = await handler.run({ job, now, locale: settings.locale, t: translator(settings.locale), services: this.bot.services });
        } catch (e) {
          const retryAt = new Date(now.getTime() + this.retryBaseMs * Math.min(2 ** (job.attempts - 1), 64));
          this.logger.error({ err: e, job: job.key, attempts: job.attempts, retryAt }, 'job failed; will retry');
          this.jobs.fail(job.id, String((e as Error)?.message ?? e), retryAt);
          continue;
        }
        try {
          // Done and every post queued in one transaction, then sent (bot.ts deliverJob).
          await this.bot.deliverJob(replies, (job.payload.chat as ChatRef | undefined) ?? 'console:main', () => this.jobs.complete(job.id, now));
        } catch (e) {
          // Not stored (disk full, lock held): the job stays claimed and runs again when its lease ends.
          this.logger.error({ err: e, job: job.key }, 'job replies could not be delivered');
        }
      }
      if (due.length < this.batch) return ran;
    }
  }

  start(intervalMs = 15_000): void {
    this.stop();
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
    void this.tick();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Waits for a tick in progress, for shutdown. */
  async idle(): Promise<void> {
    await this.running;
  }
}
