import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { jobs } from '../schema';
import type { Job, JobRepo } from '../../core/jobs';

type Row = typeof jobs.$inferSelect;

const keyStartsWith = (prefix: string) => sql`substr(${jobs.key}, 1, ${[...prefix].length}) = ${prefix}`;

function toJob(r: Row): Job {
  return { id: r.id, kind: r.kind, key: r.key, dueAt: new Date(r.dueAt), payload: JSON.parse(r.payload) as Record<string, unknown>, status: r.status, attempts: r.attempts };
}

/** A row read with a raw statement (snake_case columns). */
function fromSql(r: Record<string, unknown>): Job {
  return {
    id: r.id as number,
    kind: r.kind as string,
    key: r.key as string,
    dueAt: new Date(r.due_at as number),
    payload: JSON.parse(r.payload as string) as Record<string, unknown>,
    status: r.status as Job['status'],
    attempts: r.attempts as number,
  };
}

export function jobsRepo(db: Db): JobRepo {
  const client = db.$client;
  // One statement: SQLite's write lock makes the claim atomic across processes.
  const claim = client.prepare(`
    update jobs set status = 'running', claimed_by = @owner, claimed_until = @until, attempts = attempts + 1
    where id in (
      select id from jobs
      where (status = 'pending' and due_at <= @now) or (status = 'running' and claimed_until < @now)
      order by due_at, id limit @limit
    )
    returning *`);
  const overdue = client.prepare(`select count(*) as n, min(due_at) as oldest from jobs where status = 'pending' and due_at <= ?`);
  // Prepared once: every start re-schedules each upcoming meeting's jobs (meetings/calendar),
  // and building these through drizzle's query builder took most of a second at start-up.
  const byKey = client.prepare(`select id, kind, status, due_at as dueAt, payload from jobs where key = ?`);
  const insert = client.prepare(`insert into jobs (kind, key, due_at, payload, created_at) values (?, ?, ?, ?, ?)`);
  const reset = client.prepare(
    `update jobs set kind = ?, due_at = ?, payload = ?, status = 'pending', attempts = 0, last_error = null, done_at = null, claimed_by = null, claimed_until = null where id = ?`,
  );
  const cancel = client.prepare(`update jobs set status = 'cancelled' where key = ? and status = 'pending'`);
  const pendingAll = client.prepare(`select * from jobs where status = 'pending' order by due_at, id`);
  const pendingPrefix = client.prepare(`select * from jobs where status = 'pending' and substr(key, 1, ?) = ? order by due_at, id`);
  const schedule = client.transaction((kind: string, key: string, dueAt: number, payload: string, rearm: boolean) => {
    const existing = byKey.get(key) as { id: number; kind: string; status: Job['status']; dueAt: number; payload: string } | undefined;
    if (!existing) {
      insert.run(kind, key, dueAt, payload, Date.now());
      return;
    }
    // A job already sent stays sent unless the caller says the thing it announces changed.
    if (existing.status === 'done' && !rearm) return;
    // Already pending exactly so (every restart asks again): nothing to write.
    if (existing.status === 'pending' && existing.kind === kind && existing.dueAt === dueAt && existing.payload === payload) return;
    reset.run(kind, dueAt, payload, existing.id);
  });

  return {
    schedule(job, opts = {}) {
      const payload = JSON.stringify(job.payload ?? {});
      const dueAt = job.dueAt.getTime();
      schedule.immediate(job.kind, job.key, dueAt, payload, opts.rearm === true); // reads then writes: take the write lock first so another process makes us wait, not fail
    },
    cancel(key) {
      return cancel.run(key).changes > 0;
    },
    cancelPrefix(prefix) {
      return db
        .update(jobs)
        .set({ status: 'cancelled' })
        .where(and(keyStartsWith(prefix), eq(jobs.status, 'pending')))
        .run().changes;
    },
    get(key) {
      const r = db.select().from(jobs).where(eq(jobs.key, key)).get();
      return r ? toJob(r) : undefined;
    },
    claimDue(now, owner, leaseMs, limit) {
      const rows = claim.all({ owner, until: now.getTime() + leaseMs, now: now.getTime(), limit }) as Record<string, unknown>[];
      return rows
        .map(fromSql)
        .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.id - b.id);
    },
    complete(id, at) {
      db.update(jobs).set({ status: 'done', doneAt: at.getTime(), claimedBy: null, claimedUntil: null }).where(eq(jobs.id, id)).run();
    },
    fail(id, error, retryAt) {
      db.update(jobs)
        .set({ status: 'pending', dueAt: retryAt.getTime(), lastError: error.slice(0, 2000), claimedBy: null, claimedUntil: null })
        .where(eq(jobs.id, id))
        .run();
    },
    overdue(now) {
      const r = overdue.get(now.getTime()) as { n: number; oldest: number | null };
      return { count: r.n, oldest: r.oldest === null ? null : new Date(r.oldest) };
    },
    pending(prefix) {
      const rows = (prefix ? pendingPrefix.all([...prefix].length, prefix) : pendingAll.all()) as Record<string, unknown>[];
      return rows.map(fromSql);
    },
  };
}

