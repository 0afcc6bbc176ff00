import { testApp, type TestApp } from '../support/app';
import { chat, person, CHAT } from '../support/chat';
import { richToPlain } from '../../src/core/types';

// Events dispatched in the same turn of the event loop share one transaction (group commit),
// each in its own savepoint. These dispatch without awaiting in between, so they do.

let app: TestApp;
let c: ReturnType<typeof chat>;
beforeEach(async () => {
  app = testApp();
  c = chat(app);
  await c.cmd('amy', '/propose 議題一');
});
afterEach(() => app.cleanup());

const storedVotes = (a: TestApp) => a.db.$client.prepare('select count(*) as n from votes').pluck();

test('a burst of votes is stored in one commit, every one counted and the card right', async () => {
  const card = c.cardOf(1);
  const other = new (require('better-sqlite3'))(app.db.$client.name) as import('better-sqlite3').Database;
  try {
    const before = other.prepare('pragma data_version').pluck().get() as number;
    await Promise.all(Array.from({ length: 20 }, (_, i) => c.react(`u${i}`, card)));
    // Another connection sees data_version move once per commit it did not make.
    const after = other.prepare('pragma data_version').pluck().get() as number;
    expect(after - before).toBe(1);
  } finally {
    other.close();
  }
  expect(storedVotes(app).get()).toBe(20);
  expect(c.cardText(card)).toContain('👍 20 票');
});

test('a refused event in a batch undoes only its own writes; the others are stored and answered', async () => {
  const card = c.cardOf(1);
  const [a, refused, b] = await Promise.all([
    c.react('bob', card),
    // /withdraw by someone who is not the proposer: refused after the person was resolved.
    app.bot.dispatch({ kind: 'command', name: 'withdraw', args: '1', actor: person('eve'), chat: CHAT }),
    c.react('cat', card),
  ]);
  expect(a).toBeUndefined();
  expect(b).toBeUndefined();
  expect(refused?.private).toBe(true);
  expect(richToPlain(refused!.message.text)).not.toBe('');
  expect(app.store.votes.tally(1).votes).toBe(2);
  expect(app.store.issues.get(1)?.status).toBe('open');
  // Eve was first seen by the refused event: her user row went with its savepoint.
  expect(app.db.$client.prepare(`select count(*) from users where platform_user_id = 'eve'`).pluck().get()).toBe(0);
  // The person resolved inside the undone savepoint is stored on their next event all the same.
  await c.react('eve', card);
  expect(app.store.votes.tally(1).votes).toBe(3);
});

test('the same delivery id twice in one batch counts once; a different id from the same person changes nothing', async () => {
  const card = c.cardOf(1);
  await Promise.all([c.react('bob', card, '👍', true, 'slack:Ev1'), c.react('bob', card, '👍', true, 'slack:Ev1'), c.react('bob', card, '👍', true, 'slack:Ev2')]);
  expect(app.store.votes.tally(1).votes).toBe(1);
  expect(app.store.events.seen('slack:Ev1')).toBe(true);
  expect(app.store.events.seen('slack:Ev2')).toBe(true);
  // Add, remove and re-add redelivered together: each delivery acts once, in order.
  await Promise.all([c.react('bob', card, '👍', false, 'slack:Ev3'), c.react('bob', card, '👍', false, 'slack:Ev3'), c.react('bob', card, '👍', true, 'slack:Ev4')]);
  expect(app.store.votes.tally(1).votes).toBe(1);
});

test('every dispatch of a batch learns when its event is committed, before its answer', async () => {
  const card = c.cardOf(1);
  const order: string[] = [];
  await Promise.all(
    ['bob', 'cat'].map((who) =>
      app.bot
        .dispatch({ kind: 'reaction', emoji: '👍', added: true, target: card, actor: person(who), chat: CHAT, dedupKey: `k:${who}` }, { committed: () => order.push(`committed ${who}`) })
        .then(() => order.push(`answered ${who}`)),
    ),
  );
  expect(order.indexOf('committed bob')).toBeLessThan(order.indexOf('answered bob'));
  expect(order.indexOf('committed cat')).toBeLessThan(order.indexOf('answered cat'));
  expect(order.filter((o) => o.startsWith('committed'))).toHaveLength(2);
});
