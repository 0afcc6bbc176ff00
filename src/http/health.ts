import type { Clock } from '../core/clock';
import type { JobRepo } from '../core/jobs';
import type { OutboxRepo } from '../core/delivery/outbox.port';
import type { ChatAdapter } from '../adapters/chat-adapter';
import type { Db } from '../store/db';
import { writeHealth } from '../store/write-health';
import type { RequestCounts, RequestStats } from './request-stats';

export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: {
    database: { ok: boolean; error?: string };
    /** Whether the last transaction could be stored (a read works on a full disk). */
    writes: { ok: boolean; error?: string; failures?: number };
    adapters: Record<string, { ok: boolean }>;
    scheduler: { ok: boolean; overdueJobs: number; lagMs: number };
    outbox: { ok: boolean; pending: number; dead: number; oldestPendingMs: number; platforms?: Record<string, PlatformBacklog> };
    /** Minutes whose upload to SayIt (sayit.url) failed and is being retried; only when SayIt is configured. */
    sayit?: { ok: boolean; failing: number; meetings: number[]; lastError?: string };
    /** Refused and failed HTTP requests, uncaught errors: reported, never failed on (a flood is not the bot's fault). */
    requests?: RequestCounts & { ok: true };
  };
}

/** One platform's share of the outbox (issue 30): a platform that is down shows here alone. */
export interface PlatformBacklog {
  ok: boolean;
  pending: number;
  dead: number;
  oldestPendingMs: number;
}

export interface HealthSources {
  db: Db;
  adapters: () => readonly ChatAdapter[];
  jobs: JobRepo;
  outbox: OutboxRepo;
  clock: Clock;
  requests?: RequestStats;
  /** Minutes whose last SayIt upload failed (when SayIt is configured). */
  sayit?: () => readonly { meetingId: number; error: string; at: Date }[];
  /** Jobs overdue longer than this mean the scheduler is stuck (it ticks every 15 s). */
  maxSchedulerLagMs?: number;
  /** A post queued longer than this means a platform has been failing for a while. */
  maxOutboxAgeMs?: number;
}

/**
 * Whether a write could start now: the last transaction's outcome, and if that was fine, a
 * BEGIN IMMEDIATE taken and given back at once, so another process holding the write lock is
 * reported before any event meets it. Waits at most the connection's busy timeout (40 ms
 * while serving, db.ts).
 */
function probeWrites(db: Db, last: HealthReport['checks']['writes']): HealthReport['checks']['writes'] {
  const c = db.$client;
  if (!last.ok || c.inTransaction) return last;
  try {
    c.exec('BEGIN IMMEDIATE');
    c.exec('ROLLBACK');
    return last;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    const c2 = typeof code === 'string' ? code : 'error';
    return { ok: false, error: c2.startsWith('SQLITE_BUSY') ? `${c2}: another connection holds the write lock` : c2 };
  }
}

/** What /healthz reports: 200 when every check passes, 503 (with the same JSON) otherwise. */
export function checkHealth(s: HealthSources): HealthReport {
  const now = s.clock.now();
  let database: HealthReport['checks']['database'];
  try {
    s.db.$client.prepare('select 1').get();
    database = { ok: true };
  } catch (e) {
    database = { ok: false, error: (e as Error).message };
  }
  const writes = database.ok ? probeWrites(s.db, writeHealth(s.db.$client).current()) : writeHealth(s.db.$client).current();
  const adapters = Object.fromEntries(s.adapters().map((a) => [a.platform, { ok: a.connected ? a.connected() : true }]));
  let scheduler: HealthReport['checks']['scheduler'] = { ok: false, overdueJobs: 0, lagMs: 0 };
  let outbox: HealthReport['checks']['outbox'] = { ok: false, pending: 0, dead: 0, oldestPendingMs: 0 };
  if (database.ok) {
    const overdue = s.jobs.overdue(now);
    const lagMs = overdue.oldest ? now.getTime() - overdue.oldest.getTime() : 0;
    scheduler = { ok: lagMs <= (s.maxSchedulerLagMs ?? 5 * 60_000), overdueJobs: overdue.count, lagMs };
    const b = s.outbox.backlog(now);
    const oldestPendingMs = b.oldestPending ? now.getTime() - b.oldestPending.getTime() : 0;
    // A dead letter is a message a platform refused for good: degraded until a person looks
    // (`npm run outbox -- list`), re-queues it (`retry`) or the bot is told why by its log.
    const maxAge = s.maxOutboxAgeMs ?? 10 * 60_000;
    // Every running platform is listed (all clear when it has nothing waiting), and any other a
    // queued send names (a platform not running here still has posts waiting for it).
    const platforms: Record<string, PlatformBacklog> = {};
    for (const a of s.adapters()) platforms[a.platform] = { ok: true, pending: 0, dead: 0, oldestPendingMs: 0 };
    for (const [platform, p] of Object.entries(s.outbox.backlogByPlatform(now))) {
      const age = p.oldestPending ? now.getTime() - p.oldestPending.getTime() : 0;
      platforms[platform] = { ok: age <= maxAge && p.dead === 0, pending: p.pending, dead: p.dead, oldestPendingMs: age };
    }
    outbox = { ok: oldestPendingMs <= maxAge && b.dead === 0, pending: b.pending, dead: b.dead, oldestPendingMs, platforms };
  }
  let sayit: HealthReport['checks']['sayit'];
  if (s.sayit) {
    const failing = database.ok ? s.sayit() : [];
    sayit = { ok: failing.length === 0, failing: failing.length, meetings: failing.map((f) => f.meetingId), ...(failing.length ? { lastError: failing.at(-1)!.error } : {}) };
  }
  const ok = database.ok && writes.ok && Object.values(adapters).every((a) => a.ok) && scheduler.ok && outbox.ok && (sayit?.ok ?? true);
  const requests = s.requests ? { ok: true as const, ...s.requests.snapshot() } : undefined;
  return { status: ok ? 'ok' : 'degraded', checks: { database, writes, adapters, scheduler, outbox, ...(sayit ? { sayit } : {}), ...(requests ? { requests } : {}) } };
}
