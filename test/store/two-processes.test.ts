import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { testApp, type TestApp } from '../support/app';
import { Outbox } from '../../src/core/delivery/outbox';
import { silentLogger } from '../../src/core/logger';
import { ownerGone, processOwner } from '../../src/store/process-owner';
import type { Actor, InboundEvent, MessageRef } from '../../src/core/types';
import { closed } from '../support/children';

// Issue 14, item 3: two real processes on one database file (the README allows several
// webhook instances). This test's process is A; test/support/second-process.ts is B.

const ROOT = resolve(__dirname, '..', '..');
const START = '2026-12-01T02:00:00Z';
const amy: Actor = { platform: 'console', id: 'amy', name: 'Amy' };

let a: TestApp;
let b: { child: ChildProcessWithoutNullStreams; send(cmd: object): Promise<Record<string, unknown>>; close(): Promise<void> };

async function second(file: string): Promise<typeof b> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'support', 'second-process.ts'), file, '{}', START], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  void closed(child);
  child.stderr.resume();
  const answers: ((o: Record<string, unknown>) => void)[] = [];
  const ready = new Promise<void>((r) => answers.push(() => r()));
  createInterface({ input: child.stdout }).on('line', (l) => answers.shift()?.(JSON.parse(l) as Record<string, unknown>));
  await ready;
  return {
    child,
    send: (cmd) =>
      new Promise((r) => {
        answers.push(r);
        child.stdin.write(JSON.stringify(cmd) + '\n');
      }),
    close: async () => {
      // B exits at the end of its input; its pipes closed too, or they hold jest's worker open.
      child.stdin.end();
      await closed(child);
    },
  };
}

beforeAll(async () => {
  a = testApp({}, { start: new Date(START) });
  b = await second(join(a.dir, 'test.sqlite'));
}, 30_000);

afterAll(async () => {
  await b?.close();
  a?.cleanup();
});

const command = (name: string, args: string, actor = amy): InboundEvent => ({ kind: 'command', name, args, actor, chat: 'console:main' });

test('/iam made through process B counts in process A at its next event: the vote is stored under the new agency', async () => {
  await a.bot.dispatch(command('iam', '交通部'));
  await a.bot.dispatch(command('propose', '公車路線整併'));
  // A has Amy in memory, with 交通部. She changes her agency through B.
  expect(((await b.send({ op: 'dispatch', event: command('iam', '勞動部') })).answer as string)).toContain('勞動部');
  await a.bot.dispatch(command('vote', '1'));
  const agency = a.db.$client.prepare('select g.name from votes v join agencies g on g.id = v.agency_id where v.issue_id = 1').pluck().get();
  expect(agency).toBe('勞動部');
});

test('B starting up while A sends a card: B\'s recovery leaves A\'s send alone, and the card goes out once', async () => {
  let release!: (ref: MessageRef) => void;
  const accepted: string[] = [];
  const slow = {
    post: (chat: string) =>
      new Promise<MessageRef>((r) => {
        accepted.push(chat);
        release = r;
      }),
    update: async () => {},
  };
  const outbox = new Outbox(a.store.outbox, slow, a.store.links, a.clock, silentLogger, { owner: processOwner(), ownerGone });
  a.bot.setDelivery(outbox);
  let stored!: () => void;
  const committed = new Promise<void>((r) => (stored = r));
  const done = a.bot.dispatch(command('propose', '第二個議題'), { committed: stored });
  await committed;
  // A's post is on its way to the platform (claimed, leased to A). B starts and recovers.
  const r = await b.send({ op: 'recover' });
  expect(r.posts).toEqual([]);
  release('console:main#a1');
  await done;
  await outbox.close();
  expect(accepted).toEqual(['console:main']);
  expect(a.db.$client.prepare(`select status from outbox where op = 'post'`).pluck().all()).toEqual(['sent']);
});
