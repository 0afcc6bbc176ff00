import { testApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';

test('old delivery ids and sent outbox entries are pruned daily; recent ones and unsent ones stay', async () => {
  const app = testApp({}, { start: new Date('2026-12-01T00:00:00Z') });
  try {
    const { store, clock } = app;
    store.events.claim('slack:old', new Date('2026-11-01T00:00:00Z'));
    store.events.claim('slack:recent', new Date('2026-11-30T00:00:00Z'));
    const oldSent = store.outbox.enqueuePost('console:main', { text: ['a'] }, null, new Date('2026-10-01T00:00:00Z'));
    store.outbox.claim(oldSent, clock.now());
    store.outbox.sent(oldSent, 'console:main#1', new Date('2026-10-01T00:00:00Z'));
    const stuck = store.outbox.enqueuePost('console:main', { text: ['b'] }, null, new Date('2026-10-01T00:00:00Z'));
    store.outbox.claim(stuck, clock.now());
    store.outbox.dead(stuck, 'gone');

    const s = new Scheduler(app.bot, store.jobs, clock, silentLogger);
    clock.set(new Date('2026-12-02T03:00:00Z'));
    await s.tick();
    expect(store.events.seen('slack:old')).toBe(false);
    expect(store.events.seen('slack:recent')).toBe(true);
    const left = app.db.$client.prepare('select id, status from outbox order by id').all();
    expect(left).toEqual([{ id: stuck, status: 'dead' }]);
    // And the next day's run is scheduled once.
    expect(store.jobs.pending('maintenance:prune:').map((j) => j.key)).toEqual(['maintenance:prune:2026-12-03']);
  } finally {
    app.cleanup();
  }
});
