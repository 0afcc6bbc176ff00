import { join } from 'node:path';
import { openDatabase, type Db } from '../../src/store/db';
import { sqliteStore } from '../../src/store/sqlite-store';
import { Outbox } from '../../src/core/delivery/outbox';
import { PermanentDeliveryError } from '../../src/core/delivery/delivery-errors';
import { ManualClock } from '../../src/core/clock';
import type { Delivery } from '../../src/core/feature';
import type { Logger } from '../../src/core/logger';
import type { ChatRef, MessageRef, OutboundMessage } from '../../src/core/types';
import type { Store } from '../../src/core/records';
import { tempDir } from '../support/app';

/** The far side: a platform that fails when told to and records what it accepted. */
class FlakyPlatform implements Delivery {
  accepted: { op: string; target: string; text: string }[] = [];
  failNext: Error[] = [];
  private n = 0;
  async post(chat: ChatRef, m: OutboundMessage): Promise<MessageRef> {
    const e = this.failNext.shift();
    if (e) throw e;
    this.accepted.push({ op: 'post', target: chat, text: String(m.text[0]) });
    return `${chat}#${++this.n}` as MessageRef;
  }
  async update(ref: MessageRef, m: OutboundMessage): Promise<void> {
    const e = this.failNext.shift();
    if (e) throw e;
    this.accepted.push({ op: 'update', target: ref, text: String(m.text[0]) });
  }
}

const logs: { level: string; msg?: string; obj: object }[] = [];
const logger: Logger = {
  debug: () => {},
  info: (obj, msg) => logs.push({ level: 'info', obj, msg }),
  warn: (obj, msg) => logs.push({ level: 'warn', obj, msg }),
  error: (obj, msg) => logs.push({ level: 'error', obj, msg }),
};

let dir: string;
let cleanup: () => void;
let db: Db;
let store: Store;
let clock: ManualClock;
let platform: FlakyPlatform;
let outbox: Outbox;

function open(): void {
  db = openDatabase(join(dir, 'db.sqlite'));
  store = sqliteStore(db);
  outbox = new Outbox(store.outbox, platform, store.links, clock, logger, { baseDelayMs: 1000, maxAttempts: 4 });
}

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  clock = new ManualClock(new Date('2026-12-01T00:00:00Z'));
  platform = new FlakyPlatform();
  logs.length = 0;
  open();
});
afterEach(() => {
  db.$client.close();
  cleanup();
});

const msg = (s: string): OutboundMessage => ({ text: [s] });
const row = (id: number) => db.$client.prepare('select status, attempts, result_ref as ref, last_error as error from outbox where id = ?').get(id) as { status: string; attempts: number; ref: string | null; error: string | null };

test('a post goes out at once, is recorded as sent and links its card', async () => {
  const ref = await outbox.post('console:main', msg('card'), { kind: 'issue', id: 7 });
  expect(ref).toBe('console:main#1');
  expect(row(1)).toMatchObject({ status: 'sent', attempts: 1, ref: 'console:main#1' });
  expect(store.links.find('console:main#1')).toEqual({ kind: 'issue', id: 7 });
});

test('a failing send is retried with growing backoff and delivered exactly once', async () => {
  platform.failNext = [new Error('ECONNRESET'), new Error('HTTP 502')];
  expect(await outbox.post('console:main', msg('card'), { kind: 'issue', id: 1 })).toBeUndefined();
  expect(row(1)).toMatchObject({ status: 'pending', attempts: 1, error: 'ECONNRESET' });
  await outbox.flush(); // not due yet
  expect(platform.accepted).toHaveLength(0);
  clock.advance(1000);
  await outbox.flush(); // second attempt fails: next in 2 s
  expect(row(1)).toMatchObject({ status: 'pending', attempts: 2 });
  clock.advance(1999);
  await outbox.flush();
  expect(platform.accepted).toHaveLength(0);
  clock.advance(1);
  await outbox.flush();
  await outbox.flush();
  expect(platform.accepted).toEqual([{ op: 'post', target: 'console:main', text: 'card' }]);
  expect(row(1)).toMatchObject({ status: 'sent', attempts: 3 });
  expect(store.links.find('console:main#1')).toEqual({ kind: 'issue', id: 1 });
  expect(outbox.backlog()).toEqual({ pending: 0, dead: 0, oldestPending: null });
});

test('a permanent failure is given up at once and logged with its code', async () => {
  platform.failNext = [new PermanentDeliveryError('bot was kicked from the group', 'kicked')];
  await outbox.post('telegram:-100', msg('x'));
  expect(row(1)).toMatchObject({ status: 'dead', attempts: 1 });
  expect(logs.find((l) => l.level === 'error')?.obj).toMatchObject({ code: 'kicked', target: 'telegram:-100' });
  expect(outbox.backlog().dead).toBe(1);
});

test('after too many attempts an entry is dead, not retried forever', async () => {
  platform.failNext = Array.from({ length: 10 }, () => new Error('down'));
  await outbox.post('console:main', msg('x'));
  for (let i = 0; i < 6; i++) {
    clock.advance(60_000);
    await outbox.flush();
  }
  expect(row(1)).toMatchObject({ status: 'dead', attempts: 4 });
});

test('a newer update of the same card replaces one not yet sent', async () => {
  platform.failNext = [new Error('down')];
  await outbox.update('console:main#5', msg('tally 1'));
  await outbox.update('console:main#5', msg('tally 2')); // entry 1 is pending: replaced, and sent now
  expect(platform.accepted).toEqual([{ op: 'update', target: 'console:main#5', text: 'tally 2' }]);
  clock.advance(10_000);
  await outbox.flush();
  expect(platform.accepted).toHaveLength(1);
  expect((db.$client.prepare('select count(*) from outbox').pluck().get() as number)).toBe(1);
});

test('sends cut off by a crash are sent after the restart; finished ones are not sent again', async () => {
  await outbox.post('console:main', msg('done before the crash'));
  // A send the process was in the middle of when it died, and one it never started.
  store.outbox.enqueuePost('console:main', msg('interrupted'), { kind: 'issue', id: 3 }, clock.now());
  store.outbox.claim(2, clock.now());
  store.outbox.enqueuePost('console:main', msg('queued'), null, clock.now());
  db.$client.close();

  open();
  expect(await outbox.recover()).toBe(2);
  expect(platform.accepted.map((a) => a.text)).toEqual(['done before the crash', 'interrupted', 'queued']);
  expect(store.links.find('console:main#2')).toEqual({ kind: 'issue', id: 3 });
  expect(logs.some((l) => l.msg?.includes('interrupted'))).toBe(true);
});

test('close() waits for sends in flight and flushes what is due', async () => {
  let release!: () => void;
  const slow: Delivery = {
    post: () => new Promise<MessageRef>((r) => (release = () => r('console:main#9'))),
    update: async () => {},
  };
  const o = new Outbox(store.outbox, slow, store.links, clock, logger);
  const p = o.post('console:main', msg('slow'));
  const closing = o.close();
  let closed = false;
  void closing.then(() => (closed = true));
  await new Promise((r) => setImmediate(r));
  expect(closed).toBe(false);
  release();
  await closing;
  expect(await p).toBe('console:main#9');
  expect(row(1)).toMatchObject({ status: 'sent' });
});
