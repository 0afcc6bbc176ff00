import { PassThrough } from 'node:stream';
import { Outbox } from '../../src/core/delivery/outbox';
import { AdapterHub } from '../../src/adapters/hub';
import { ConsoleAdapter } from '../../src/adapters/console/console.adapter';
import type { Delivery, PostOptions } from '../../src/core/feature';
import type { ChatRef, MessageRef, OutboundMessage, PersonRef } from '../../src/core/types';
import { silentLogger } from '../../src/core/logger';
import { testApp, type TestApp } from '../support/app';
import { whisperFeature } from '../support/whisper';

// The platform-neutral private message to a named person (Reply `private`): stored in the outbox
// with the handler's changes, sent once, after a restart too; the console shows it as private.

/** The far side: a platform that takes private messages, failing when told to. */
class PrivatePlatform implements Delivery {
  readonly got: { to: string; near?: ChatRef; text: string; key?: string }[] = [];
  failNext = 0;
  private n = 0;
  async post(chat: ChatRef): Promise<MessageRef> {
    return `${chat}#${++this.n}` as MessageRef;
  }
  async update(): Promise<void> {}
  async postPrivate(to: PersonRef, m: OutboundMessage, near?: ChatRef, opts?: PostOptions): Promise<MessageRef> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('timeout');
    }
    this.got.push({ to: `${to.platform}:${to.id}`, near, text: String(m.text[0]), key: opts?.key });
    return `${to.platform}:D${to.id}#${++this.n}` as MessageRef;
  }
}

let app: TestApp;
afterEach(() => app?.cleanup());

const rows = () => app.db.$client.prepare(`select op, target, status from outbox where op = 'private'`).all() as { op: string; target: string; status: string }[];

test('a private message is stored with the command, sent once to its person, near the chat it came from', async () => {
  app = testApp();
  app.bot.use(whisperFeature());
  const platform = new PrivatePlatform();
  const outbox = new Outbox(app.store.outbox, platform, app.store.links, app.clock, silentLogger, { baseDelayMs: 1000 });
  app.bot.setDelivery(outbox);
  const answer = await app.bot.dispatch({ kind: 'command', name: 'whisper', args: 'console:bob only for you', actor: { platform: 'console', id: 'amy', name: 'amy' }, chat: 'console:main' });
  expect(answer?.private).toBe(true);
  expect(platform.got).toEqual([{ to: 'console:bob', near: 'console:main', text: 'only for you', key: expect.stringMatching(/^outbox:\d+$/) }]);
  expect(rows()).toEqual([{ op: 'private', target: 'console:bob', status: 'sent' }]);
  // Nothing of it went to the chat.
  expect(app.db.$client.prepare(`select count(*) as n from outbox where op = 'post'`).get()).toEqual({ n: 0 });
  await outbox.flush();
  expect(platform.got).toHaveLength(1);
});

test('a failed send is retried, and one cut off by a stop is sent once by the next process', async () => {
  app = testApp();
  app.bot.use(whisperFeature({ far: true }));
  const platform = new PrivatePlatform();
  platform.failNext = 1;
  const first = new Outbox(app.store.outbox, platform, app.store.links, app.clock, silentLogger, { baseDelayMs: 1000, owner: 'p1', leaseMs: 60_000 });
  app.bot.setDelivery(first);
  await app.bot.dispatch({ kind: 'command', name: 'whisper', args: 'console:bob hello', actor: { platform: 'console', id: 'amy', name: 'amy' }, chat: 'console:main' });
  expect(platform.got).toEqual([]);
  expect(rows()[0]!.status).toBe('pending');
  app.clock.advance(1000);
  await first.flush();
  expect(platform.got.map((g) => [g.to, g.near, g.text])).toEqual([['console:bob', undefined, 'hello']]);

  // A second one is claimed by a process that then dies mid-send: the next process sends it, once.
  await app.bot.dispatch({ kind: 'command', name: 'whisper', args: 'console:cy second', actor: { platform: 'console', id: 'amy', name: 'amy' }, chat: 'console:main' });
  const id = app.store.outbox.enqueuePrivate({ platform: 'console', id: 'dan', name: 'dan' }, { text: ['cut off'] }, null, app.clock.now());
  expect(app.store.outbox.claim(id, app.clock.now(), { owner: 'dead', ms: 60_000 })).toBeDefined();
  app.clock.advance(61_000);
  const second = new Outbox(app.store.outbox, platform, app.store.links, app.clock, silentLogger, { owner: 'p2' });
  await second.recover();
  await second.recover();
  expect(platform.got.map((g) => g.to)).toEqual(['console:bob', 'console:cy', 'console:dan']);
  expect(rows().map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
});

test('the dead-letter list previews a private message like a post', () => {
  app = testApp();
  const id = app.store.outbox.enqueuePrivate({ platform: 'console', id: 'bob', name: 'Bob' }, { text: ['your lines'] }, 'console:main', app.clock.now());
  app.store.outbox.claim(id, app.clock.now());
  app.store.outbox.dead(id, 'gone');
  expect(app.store.outbox.deadLetters(10)).toEqual([expect.objectContaining({ id, op: 'private', target: 'console:bob', preview: 'your lines' })]);
  expect(app.store.outbox.requeue(id, app.clock.now())).toBe(true);
  expect(app.store.outbox.due(app.clock.now(), 10)[0]).toMatchObject({ op: 'private', recipient: { to: { id: 'bob', name: 'Bob' }, near: 'console:main' }, message: { text: ['your lines'] } });
});

describe('the console shows a private message as one', () => {
  async function run(json: boolean, lines: string[]): Promise<string> {
    app = testApp();
    app.bot.use(whisperFeature());
    const hub = new AdapterHub();
    app.bot.setDelivery(new Outbox(app.store.outbox, hub, app.store.links, app.clock, silentLogger));
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d) => (out += d));
    const consoleAdapter = new ConsoleAdapter({ input, output, json, locale: app.config.locale, user: 'amy' });
    hub.add(consoleAdapter);
    await consoleAdapter.start((e, h) => app.bot.dispatch(e, h));
    input.end(lines.join('\n') + '\n');
    await consoleAdapter.finished;
    await app.bot.drain();
    return out;
  }

  test('--json: the message for bob carries "to": "bob"; the asker\'s private answer "to": "amy"; a public post none', async () => {
    const out = await run(true, ['/whisper console:bob 第 3 案：公告期限 6/8', '/propose 公車路線整併']);
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as { id: number; text: string; to?: string });
    expect(lines[0]).toEqual({ id: 1, text: '第 3 案：公告期限 6/8', to: 'bob' });
    expect(lines[1]).toEqual({ id: 2, text: 'ok', to: 'amy' });
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines.slice(2)) expect(l.to).toBeUndefined();
  });

  test('on screen: printed with the person it is for', async () => {
    const out = await run(false, ['/whisper console:bob 第 3 案：公告期限 6/8']);
    expect(out).toContain('[#1] 🔒 私訊給 bob（只有 bob 看得到）：\n第 3 案：公告期限 6/8\n');
    expect(out).toContain('[#2] ok\n');
  });
});
