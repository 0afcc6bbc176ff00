import { join } from 'node:path';
import { testApp, type TestApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import { openDatabase } from '../../src/store/db';
import { jobsRepo } from '../../src/store/repositories/jobs.repo';
import type { JobHandler } from '../../src/core/jobs';
import { richToPlain } from '../../src/core/types';

const HOUR = 3_600_000;
let app: TestApp;
let failuresLeft = 0;

const echo: JobHandler = {
  kind: 'test.echo',
  run({ job, now }) {
    if (failuresLeft > 0) {
      failuresLeft--;
      throw new Error('flaky');
    }
    return [{ type: 'post', chat: 'console:main', message: { text: [`echo ${job.payload.n} at ${now.toISOString()}`] } }];
  },
};

beforeEach(() => {
  failuresLeft = 0;
  app = testApp();
  app.bot.use({ name: 'test', jobs: [echo] });
});
afterEach(() => app.cleanup());

function scheduler(): Scheduler {
  return new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger, { retryBaseMs: 60_000 });
}

test('a job runs once when due, not before, and never again', async () => {
  const s = scheduler();
  app.store.jobs.schedule({ kind: 'test.echo', key: 'k1', dueAt: new Date(app.clock.now().getTime() + HOUR), payload: { n: 1 } });
  expect(await s.tick()).toBe(0);
  app.clock.advance(HOUR);
  expect(await s.tick()).toBe(1);
  expect(await s.tick()).toBe(0);
  expect(app.delivery.posts.map((p) => richToPlain(p.message.text))).toEqual([`echo 1 at ${app.clock.now().toISOString()}`]);
});

test('re-scheduling a key moves the job; a done job stays done unless re-armed', async () => {
  const s = scheduler();
  const t0 = app.clock.now().getTime();
  app.store.jobs.schedule({ kind: 'test.echo', key: 'k', dueAt: new Date(t0 + HOUR), payload: { n: 1 } });
  app.store.jobs.schedule({ kind: 'test.echo', key: 'k', dueAt: new Date(t0 + 2 * HOUR), payload: { n: 2 } });
  app.clock.advance(HOUR);
  expect(await s.tick()).toBe(0);
  app.clock.advance(HOUR);
  expect(await s.tick()).toBe(1);
  app.store.jobs.schedule({ kind: 'test.echo', key: 'k', dueAt: new Date(t0 + 3 * HOUR), payload: { n: 3 } });
  expect(app.store.jobs.get('k')!.status).toBe('done');
  app.store.jobs.schedule({ kind: 'test.echo', key: 'k', dueAt: new Date(t0 + 3 * HOUR), payload: { n: 3 } }, { rearm: true });
  app.clock.advance(HOUR);
  expect(await s.tick()).toBe(1);
  expect(app.delivery.posts).toHaveLength(2);
});

test('a throwing job is retried later and does not stop the others', async () => {
  const s = scheduler();
  const due = new Date(app.clock.now().getTime() - 1);
  failuresLeft = 1;
  app.store.jobs.schedule({ kind: 'test.echo', key: 'a', dueAt: due, payload: { n: 'a' } });
  app.store.jobs.schedule({ kind: 'test.echo', key: 'b', dueAt: new Date(due.getTime() + 0), payload: { n: 'b' } });
  await s.tick();
  expect(app.delivery.posts.map((p) => richToPlain(p.message.text)).join()).toContain('echo b');
  expect(app.store.jobs.get('a')!.status).toBe('pending');
  app.clock.advance(60_000);
  await s.tick();
  expect(app.store.jobs.get('a')!.status).toBe('done');
  expect(app.delivery.posts).toHaveLength(2);
});

test('cancelled jobs never run', async () => {
  const s = scheduler();
  app.store.jobs.schedule({ kind: 'test.echo', key: 'meeting:1:r1', dueAt: app.clock.now() });
  app.store.jobs.schedule({ kind: 'test.echo', key: 'meeting:1:r2', dueAt: app.clock.now() });
  app.store.jobs.schedule({ kind: 'test.echo', key: 'meeting:10:r1', dueAt: app.clock.now() });
  expect(app.store.jobs.cancelPrefix('meeting:1:')).toBe(2);
  expect(await s.tick()).toBe(1);
});

test('two processes on one database never both claim a job', () => {
  const other = openDatabase(join(app.dir, 'test.sqlite'));
  try {
    const repoB = jobsRepo(other);
    for (let i = 0; i < 50; i++) app.store.jobs.schedule({ kind: 'test.echo', key: `j${i}`, dueAt: app.clock.now() });
    const now = app.clock.now();
    const claimed: number[] = [];
    for (let round = 0; round < 10; round++) {
      claimed.push(...app.store.jobs.claimDue(now, 'A', 60_000, 3).map((j) => j.id));
      claimed.push(...repoB.claimDue(now, 'B', 60_000, 4).map((j) => j.id));
    }
    expect(claimed).toHaveLength(50);
    expect(new Set(claimed).size).toBe(50);
    // A lease that ran out (the owner died) is taken over.
    const later = new Date(now.getTime() + 61_000);
    expect(repoB.claimDue(later, 'B', 60_000, 100)).toHaveLength(50);
  } finally {
    other.$client.close();
  }
});

test('overdue() reports the backlog for health checks', () => {
  app.store.jobs.schedule({ kind: 'test.echo', key: 'x', dueAt: new Date(app.clock.now().getTime() - 5000) });
  const o = app.store.jobs.overdue(app.clock.now());
  expect(o.count).toBe(1);
  expect(o.oldest!.getTime()).toBe(app.clock.now().getTime() - 5000);
});
