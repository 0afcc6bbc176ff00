import type { Reply } from './feature';
import type { Locale, Translate } from '../i18n/catalog';
import type { Services } from './feature';

export type JobStatus = 'pending' | 'running' | 'done' | 'cancelled';

export interface Job {
  id: number;
  kind: string;
  key: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  status: JobStatus;
  attempts: number;
}

export interface NewJob {
  kind: string;
  /** Idempotency key: scheduling an existing key moves that job instead of adding one. */
  key: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

export interface JobRepo {
  /**
   * Creates or moves the job with this key. A pending (or cancelled) job gets the new time and
   * payload; a done job is left alone unless `rearm` (e.g. a meeting moved after its reminder went
   * out, to a time that needs a new one).
   */
  schedule(job: NewJob, opts?: { rearm?: boolean }): void;
  cancel(key: string): boolean;
  /** Cancels every pending job whose key starts with the prefix; returns how many. */
  cancelPrefix(prefix: string): number;
  get(key: string): Job | undefined;
  /** Atomically claims up to `limit` due jobs (and running ones whose lease expired). */
  claimDue(now: Date, owner: string, leaseMs: number, limit: number): Job[];
  complete(id: number, at: Date): void;
  /** Puts a failed job back to pending at `retryAt`, keeping the error for inspection. */
  fail(id: number, error: string, retryAt: Date): void;
  /** How many pending jobs are overdue at `now` (scheduler lag, for health checks). */
  overdue(now: Date): { count: number; oldest: Date | null };
  pending(prefix?: string): Job[];
}

export interface JobContext {
  job: Job;
  now: Date;
  locale: Locale;
  t: Translate;
  services: Services;
}

/**
 * Runs a due job and returns what to post, like a command handler. It must not post itself:
 * the scheduler marks the job done and hands the replies on, so a restart never re-sends.
 * Throwing retries the job later; returning [] completes it silently (e.g. a cancelled meeting).
 */
export interface JobHandler {
  kind: string;
  run(ctx: JobContext): readonly Reply[] | Promise<readonly Reply[]>;
}
