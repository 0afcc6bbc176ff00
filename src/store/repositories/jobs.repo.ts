import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { jobs } from '../schema';
import type { Job, JobRepo } from '../../core/jobs';

type Row = typeof jobs.$inferSelect;

const keyStartsWith = (prefix: string) => sql`substr(${jobs.key}, 1, ${[...prefix].length}) = ${prefix}`;

function toJob(r: Row): Job {
  return { id: r.id, kind: r.kind, key: r.key, dueAt: new Date(r.dueAt), payload: JSON.parse(r.payload) as Record<string, unknown>, status: r.status, attempts: r.attempts };
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

  return {
    schedule(job, opts = {}) {
      const payload = JSON.stringify(job.payload ?? {});
      client.transaction(() => {
        const existing = db.select({ id: jobs.id, status: jobs.status }).from(jobs).where(eq(jobs.key, job.key)).get();
        if (!existing) {
          db.insert(jobs).values({ kind: job.kind, key: job.key, dueAt: job.dueAt.getTime(), payload, createdAt: Date.now() }).run();
          return;
        }
        // A job already sent stays sent unless the caller says the thing it announces changed.
        if (existing.status === 'done' && !opts.rearm) return;
        db.update(jobs)
          .set({ kind: job.kind, dueAt: job.dueAt.getTime(), payload, status: 'pending', attempts: 0, lastError: null, doneAt: null, claimedBy: null, claimedUntil: null })
          .where(eq(jobs.id, existing.id))
          .run();
      }).immediate(); // reads then writes: take the write lock first so another process makes us wait, not fail
    },
    cancel(key) {
      return db.update(jobs).set({ status: 'cancelled' }).where(and(eq(jobs.key, key), eq(jobs.status, 'pending'))).run().changes > 0;
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
        .map((r) => ({
          id: r.id as number,
          kind: r.kind as string,
          key: r.key as string,
          dueAt: new Date(r.due_at as number),
          payload: JSON.parse(r.payload as string) as Record<string, unknown>,
          status: r.status as Job['status'],
          attempts: r.attempts as number,
        }))
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
      const where = prefix
        ? and(eq(jobs.status, 'pending'), keyStartsWith(prefix))
        : eq(jobs.status, 'pending');
      return db.select().from(jobs).where(where).orderBy(asc(jobs.dueAt), asc(jobs.id)).all().map(toJob);
    },
  };
}

