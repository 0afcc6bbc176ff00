import { statSync } from 'node:fs';
import { join } from 'node:path';
import { startBackgroundCheckpoints } from '../../src/store/wal-checkpoints';
import { testApp, type TestApp } from '../support/app';
import { RecordingLogger } from '../support/recording-logger';

// The checkpoint thread is real: its own connection on the same file, in a worker thread.

async function until(cond: () => boolean): Promise<void> {
  const give = Date.now() + 10_000;
  while (!cond()) {
    if (Date.now() > give) throw new Error('condition not reached in 10 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function votes(app: TestApp, from: number, n: number): Promise<void> {
  await app.bot.dispatch({ kind: 'command', name: 'propose', args: `議題 ${from}`, actor: { platform: 'console', id: 'p', name: 'p' }, chat: 'console:main' });
  const target = app.delivery.posts.at(-1)!.ref;
  await Promise.all(
    Array.from({ length: n }, (_, i) =>
      app.bot.dispatch({ kind: 'reaction', emoji: '👍', added: true, target, actor: { platform: 'console', id: `u${from + i}`, name: `u${from + i}` }, chat: 'console:main', dedupKey: `c:${from + i}` }),
    ),
  );
}

const count = (app: TestApp) => (app.db.$client.prepare('select count(*) as n from votes').get() as { n: number }).n;
const autocheckpoint = (app: TestApp) => app.db.$client.pragma('wal_autocheckpoint', { simple: true });

test('checkpoints run on their own thread while the bot writes; stopping hands them back', async () => {
  const app = testApp();
  const logger = new RecordingLogger();
  const bg = startBackgroundCheckpoints(app.db.$client, join(app.dir, 'test.sqlite'), logger, 20);
  try {
    expect(autocheckpoint(app)).toBe(10_000);
    for (let k = 0; k < 5; k++) await votes(app, k * 200, 200);
    await until(() => bg.checkpoints() > 0);
    await bg.stop();
    expect(autocheckpoint(app)).toBe(1000);
    expect(count(app)).toBe(1000);
    expect(logger.entries.filter((e) => e.level !== 'info')).toEqual([]);
  } finally {
    await bg.stop();
    app.cleanup();
  }
});

test('under a steady stream of commits the WAL still starts over: the connection checkpoints past its backstop', async () => {
  const app = testApp();
  const wal = join(app.dir, 'test.sqlite-wal');
  // A thread that never gets its turn in this test: only the backstop can start the WAL over.
  const bg = startBackgroundCheckpoints(app.db.$client, join(app.dir, 'test.sqlite'), new RecordingLogger(), 60_000, 50);
  try {
    let largest = 0;
    // One commit per vote, a few WAL frames each: about 4 MB of frames in all.
    for (let k = 0; k < 300; k++) {
      await votes(app, k, 1);
      largest = Math.max(largest, statSync(wal).size);
    }
    expect(count(app)).toBe(300);
    expect(largest).toBeLessThan(1 << 20);
  } finally {
    await bg.stop();
    app.cleanup();
  }
});

test('if the thread dies the connection checkpoints itself again, and nothing is lost', async () => {
  const app = testApp();
  const logger = new RecordingLogger();
  const bg = startBackgroundCheckpoints(app.db.$client, join(app.dir, 'test.sqlite'), logger, 20);
  try {
    await votes(app, 0, 100);
    await bg.thread.terminate();
    await until(() => autocheckpoint(app) === 1000);
    expect(logger.entries.some((e) => e.level === 'warn' && /checkpoints itself again/.test(e.msg ?? ''))).toBe(true);
    await votes(app, 100, 100);
    expect(count(app)).toBe(200);
  } finally {
    await bg.stop();
    app.cleanup();
  }
});
