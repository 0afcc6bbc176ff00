import { testApp, type TestApp } from '../support/app';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import { richToPlain, type Actor, type ChatRef, type MessageRef } from '../../src/core/types';

// One network across platforms (issue 30, items 1, 2, 4) through the real core and store: with
// home chats on two platforms, every post goes to both, each copy linked to the same record and
// edited on change; votes on any copy add to one tally. The adapters: test/network/two-platforms.
const SLACK: ChatRef = 'slack:C1';
const TG: ChatRef = 'telegram:-100';
const HOME = { meetings: { homeChats: [SLACK, TG] } };

const amy: Actor = { platform: 'slack', id: 'UAMY', name: 'Amy' };
const amyTg: Actor = { platform: 'telegram', id: '501', name: 'Amy T' };
const bob: Actor = { platform: 'telegram', id: '502', name: 'Bob' };
const cal: Actor = { platform: 'slack', id: 'UCAL', name: 'Cal' };

let app: TestApp;
afterEach(() => app.cleanup());

const home = (a: Actor): ChatRef => (a.platform === 'slack' ? SLACK : TG);
async function cmd(actor: Actor, line: string, chat: ChatRef = home(actor), direct = false): Promise<string> {
  const m = /^\/(\S+)(?:\s([\s\S]*))?$/.exec(line)!;
  const a = await app.bot.dispatch({ kind: 'command', name: m[1]!, args: m[2] ?? '', actor, chat, ...(direct ? { direct: true } : {}) });
  await app.bot.drain();
  return a ? richToPlain(a.message.text) : '';
}
async function react(actor: Actor, target: MessageRef, added = true): Promise<void> {
  await app.bot.dispatch({ kind: 'reaction', emoji: '👍', added, target, actor, chat: home(actor) });
  await app.bot.drain();
}
const cards = (id: number) => app.store.links.refsFor({ kind: 'issue', id });
const cardIn = (id: number, chat: ChatRef) => cards(id).find((r) => r.startsWith(`${chat}#`))!;
function shown(ref: MessageRef): string {
  const ups = app.delivery.updates.filter((u) => u.ref === ref);
  return richToPlain((ups.length ? ups.at(-1)!.message : app.delivery.posts.find((p) => p.ref === ref)!.message).text);
}

test('a proposal on either platform is posted in every home chat, each copy linked to the issue', async () => {
  app = testApp(HOME);
  await cmd(amy, '/propose 公車路線整併');
  await cmd(bob, '/propose 長照交通');
  for (const id of [1, 2]) {
    expect(cards(id).map((r) => r.slice(0, r.indexOf('#'))).sort()).toEqual([SLACK, TG].sort());
  }
  expect(app.delivery.posts.map((p) => p.chat)).toEqual([SLACK, TG, TG, SLACK]);
  // Each copy is its own outbox entry: one platform's send never waits on the other's.
  expect(app.delivery.posts.filter((p) => shown(p.ref).includes('議題 #1'))).toHaveLength(2);
});

test('votes from any copy and /vote anywhere add to one tally; every copy shows the same count; removing removes', async () => {
  app = testApp(HOME);
  await cmd(amy, '/propose 公車路線整併');
  await react(bob, cardIn(1, TG));
  await react(cal, cardIn(1, SLACK));
  expect(await cmd(amyTg, '/vote 1')).toBe('已投票支持議題 #1（目前 3 票，來自 0 個部會）。\n提醒：您尚未登記部會（/iam <部會>），依部會計票時這一票不會計入。');
  expect(app.store.votes.tally(1).votes).toBe(3);
  for (const ref of cards(1)) expect(shown(ref)).toContain('👍 3 票');
  await react(bob, cardIn(1, TG), false);
  for (const ref of cards(1)) expect(shown(ref)).toContain('👍 2 票');
  // The card's button on either copy counts too.
  await app.bot.dispatch({ kind: 'button', action: 'vote', value: '1', target: cardIn(1, SLACK), actor: bob, chat: SLACK });
  await app.bot.drain();
  for (const ref of cards(1)) expect(shown(ref)).toContain('👍 3 票');
});

test('one person unlinked on both platforms is two voters and one agency; once linked, one voter', async () => {
  app = testApp(HOME);
  await cmd(amy, '/iam 交通部');
  await cmd(amyTg, '/iam 交通部');
  await cmd(bob, '/propose 議題一');
  await react(amy, cardIn(1, SLACK));
  await react(amyTg, cardIn(1, TG));
  expect(app.store.votes.tally(1)).toEqual({ votes: 2, agencies: 1 });
  const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(await cmd(amy, '/link'))![1]!;
  await app.bot.dispatch({ kind: 'command', name: 'link', args: code, actor: amyTg, chat: 'telegram:501', direct: true });
  await app.bot.drain();
  expect(app.store.votes.tally(1)).toEqual({ votes: 1, agencies: 1 });
  for (const ref of cards(1)) expect(shown(ref)).toContain('👍 1 票，來自 1 個部會');
  for (const ref of cards(1)) expect(shown(ref)).toContain('🔗');
});

test('a command is answered where it was typed, with the same numbers everywhere; a private chat gets no mirrored copies', async () => {
  app = testApp(HOME);
  await cmd(amy, '/propose 公車路線整併');
  expect(await cmd(bob, '/issue 1')).toContain('議題 #1：公車路線整併');
  const before = app.delivery.posts.length;
  // A proposal made in a private chat stays there.
  await cmd(bob, '/propose 私下提案', 'telegram:502', true);
  expect(app.delivery.posts.slice(before).map((p) => p.chat)).toEqual(['telegram:502']);
});

test('a case announcement and a deadline reminder reach every home chat', async () => {
  app = testApp({ ...HOME, facilitators: ['slack:UPDIS'] });
  const pdis: Actor = { platform: 'slack', id: 'UPDIS', name: 'PDIS' };
  await cmd(bob, '/propose 長照交通');
  const before = app.delivery.posts.length;
  await cmd(pdis, '/select 1');
  const announced = app.delivery.posts.slice(before);
  expect(announced.map((p) => p.chat).sort()).toEqual([SLACK, TG].sort());
  expect(richToPlain(announced[0]!.message.text)).toBe(richToPlain(announced[1]!.message.text));
  await cmd(pdis, '/case 1 lead 交通部');
  await cmd(pdis, '/case 1 deadline 2027-01-30');
  const scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  const mark = app.delivery.posts.length;
  app.clock.set(new Date('2027-01-10T01:00:00Z'));
  await scheduler.tick();
  await app.bot.drain();
  const reminders = app.delivery.posts.slice(mark);
  expect(reminders.map((p) => p.chat).sort()).toEqual([SLACK, TG].sort());
});

test('with home chats on one platform only, nothing is mirrored', async () => {
  app = testApp({ meetings: { homeChats: [SLACK, 'slack:C2'] } });
  await cmd(amy, '/propose 公車路線整併');
  expect(app.delivery.posts.map((p) => p.chat)).toEqual([SLACK]);
});

test('a mention in a copy for another platform becomes the linked account there', async () => {
  app = testApp({ ...HOME, facilitators: ['slack:UPDIS'] });
  const pdis: Actor = { platform: 'slack', id: 'UPDIS', name: 'PDIS' };
  await cmd(amyTg, '/iam 交通部');
  const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(await cmd(amy, '/link'))![1]!;
  await app.bot.dispatch({ kind: 'command', name: 'link', args: code, actor: amyTg, chat: 'telegram:501', direct: true });
  await cmd(pdis, '/action @UAMY 聯繫提案人 due 12/3');
  const scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  const mark = app.delivery.posts.length;
  app.clock.set(new Date('2026-12-03T01:00:00Z'));
  await scheduler.tick();
  await app.bot.drain();
  const posts = app.delivery.posts.slice(mark);
  const mentions = (chat: ChatRef) => posts.find((p) => p.chat === chat)!.message.text.filter((s) => typeof s === 'object' && 'mention' in s);
  expect(mentions(SLACK)).toEqual([{ mention: { platform: 'slack', id: 'UAMY', name: 'Amy' } }]);
  expect(mentions(TG)).toEqual([{ mention: { platform: 'telegram', id: '501', name: 'Amy T' } }]);
});
