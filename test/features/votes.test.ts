import { testApp, type TestApp } from '../support/app';
import { chat } from '../support/chat';

let app: TestApp;
let c: ReturnType<typeof chat>;
beforeEach(async () => {
  app = testApp();
  c = chat(app);
  await c.cmd('amy', '/iam 交通部');
  await c.cmd('bob', '/iam 交通部');
  await c.cmd('cat', '/iam 勞動部');
  await c.cmd('amy', '/propose 議題一');
});
afterEach(() => app.cleanup());

test('a vote reaction casts, removing it withdraws, and the card follows in place', async () => {
  const card = c.cardOf(1);
  await c.react('bob', card);
  expect(c.cardText(card)).toContain('👍 1 票，來自 1 個部會');
  await c.react('cat', card, '+1');
  expect(c.cardText(card)).toContain('👍 2 票，來自 2 個部會');
  await c.react('bob', card, '👍', false);
  expect(c.cardText(card)).toContain('👍 1 票，來自 1 個部會');
  expect(app.delivery.updates.every((u) => u.ref === card)).toBe(true);
  expect(app.delivery.updates).toHaveLength(3);
});

test('repeating an add or removing a vote never cast changes nothing and updates nothing', async () => {
  const card = c.cardOf(1);
  await c.react('bob', card);
  await c.react('bob', card);
  await c.react('bob', card, 'thumbsup');
  await c.react('cat', card, '👍', false);
  expect(app.store.votes.tally(1)).toEqual({ votes: 1, agencies: 1 });
  expect(app.delivery.updates).toHaveLength(1);
});

test('skin tones and Slack names count as the vote reaction; other reactions and other messages are ignored', async () => {
  const card = c.cardOf(1);
  await c.react('bob', card, '👍🏽');
  await c.react('cat', card, '+1::skin-tone-4');
  await c.react('dan', card, '❤️');
  await c.react('eve', 'console:main#999');
  expect(app.store.votes.tally(1)).toEqual({ votes: 2, agencies: 2 });
});

test('a redelivered platform event (same dedup key) is counted once, even after add/remove', async () => {
  const card = c.cardOf(1);
  await c.react('bob', card, '👍', true, 'slack:Ev1');
  await c.react('bob', card, '👍', false, 'slack:Ev2');
  await c.react('bob', card, '👍', true, 'slack:Ev1');
  expect(app.store.votes.tally(1)).toEqual({ votes: 0, agencies: 0 });
});

test('/vote and /unvote as text, with clear answers', async () => {
  expect(await c.cmd('bob', '/vote 1')).toBe('已投票支持議題 #1（目前 1 票，來自 1 個部會）。');
  expect(await c.cmd('bob', '/vote #1')).toBe('您已經投過議題 #1，一人一票，不會重複計算。');
  expect(await c.cmd('bob', '/unvote 1')).toBe('已撤回您對議題 #1 的投票。');
  expect(await c.cmd('bob', '/unvote 1')).toBe('您尚未對議題 #1 投票。');
  expect(await c.cmd('zed', '/vote 1')).toBe('已投票支持議題 #1（目前 1 票，來自 0 個部會）。\n提醒：您尚未登記部會（/iam <部會>），依部會計票時這一票不會計入。');
  expect(await c.cmd('bob', '/vote')).toBe('請提供數字編號。用法：/vote <議題編號>，例如 /vote 12');
});

test('the card button toggles the vote and answers privately', async () => {
  const card = c.cardOf(1);
  const press = () => app.bot.dispatch({ kind: 'button', action: 'vote', value: '1', target: card, actor: { platform: 'console', id: 'cat', name: 'cat' }, chat: 'console:main' });
  const first = await press();
  expect(first?.private).toBe(true);
  expect(app.store.votes.tally(1).votes).toBe(1);
  await press();
  expect(app.store.votes.tally(1).votes).toBe(0);
  expect(c.cardText(card)).toContain('👍 0 票');
});

test('per-agency counting: the ranking counts each ministry once; the card shows both numbers', async () => {
  const a = testApp({ voting: { countBy: 'agency' } });
  try {
    const x = chat(a);
    for (const [who, ag] of [['a1', '交通部'], ['a2', '交通部'], ['a3', '交通部'], ['b1', '勞動部'], ['c1', '內政部']]) await x.cmd(who!, `/iam ${ag}`);
    await x.cmd('a1', '/propose 三人同部會');
    await x.cmd('a1', '/propose 兩個部會');
    for (const who of ['a1', 'a2', 'a3']) await x.react(who, x.cardOf(1));
    for (const who of ['b1', 'c1']) await x.react(who, x.cardOf(2));
    expect(x.cardText(x.cardOf(1))).toContain('👍 3 票，來自 1 個部會 （依部會計票：每個部會算一票）');
    expect(await x.cmd('a1', '/issues top')).toBe('票數排行：\n#2 兩個部會 — 2 票／2 部會\n#1 三人同部會 — 3 票／1 部會');
  } finally {
    a.cleanup();
  }
});

test('a vote records the agency at the time of voting', async () => {
  await c.react('bob', c.cardOf(1));
  await c.cmd('bob', '/iam 勞動部');
  expect(app.store.votes.voters(1)[0]!.agencyId).toBe(app.bot.services.people.agencies.find('交通部')!.id);
});

test('votes on a card whose update waits its turn cost no tracked work each: one round follows with the final tally', async () => {
  const card = c.cardOf(1);
  // The platform holds card updates (paced edits): the first one waits until released.
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const recorded = app.delivery.update.bind(app.delivery);
  let calls = 0;
  app.delivery.update = async (ref, message) => {
    if (++calls === 1) await held;
    return recorded(ref, message);
  };
  for (let i = 0; i < 200; i++) await c.react(`u${i}`, card);
  // Looked at from inside on purpose: a promise kept per vote until the card's turn came was
  // what garbage collection spent most of a vote's time on under load (bench/telegram).
  const tracked = (app.bot as unknown as { inFlight: Set<Promise<unknown>> }).inFlight;
  expect(tracked.size).toBe(1);
  release();
  await app.bot.drain();
  expect(calls).toBe(2);
  expect(c.cardText(card)).toContain('👍 200 票');
});
