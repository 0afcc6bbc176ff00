import { join } from 'node:path';
import { say, postTexts, CHAT } from '../cases/helpers';
import { richToPlain } from '../../src/core/types';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config/load';
import { silentLogger } from '../../src/core/logger';
import { ManualClock } from '../../src/core/clock';
import { Scheduler } from '../../src/scheduler/scheduler';
import { RecordingDelivery } from '../support/app';
import { MEETING_START, ballotApp, ballotState, ballotVotes, po, proposeSix, registerPOs, type BallotApp } from './helpers';

// Issue 28, items 3–7: the timed per-agency ballot, hidden until it closes, its automatic close,
// and the ranking turned into numbered cases through /select's own path.

let t: BallotApp;
const at = (min: number) => new Date(MEETING_START.getTime() + min * 60_000);

beforeEach(async () => {
  t = ballotApp();
  await registerPOs(t.app);
  await proposeSix(t.app);
  const { app } = t;
  await say(app, 'pdis', '/slate add #1 #2 #3 #4');
  await say(app, po(4), '/slate add #5');
  await say(app, po(5), '/slate add #6');
  await say(app, po(1), '/slate handle #2 本部自行處理');
  app.clock.set(at(0));
  await say(app, 'pdis', '/startmeeting');
});
afterEach(() => t.app.cleanup());

async function open(line = '/ballot open 10m votes 3') {
  const r = await say(t.app, 'pdis', line);
  expect(r.text).toBe('');
  return t.app.store.ballots.current()!;
}

test('open: one public card with the count only; the close is a persisted job at the end', async () => {
  const b = await open();
  expect(b.issueIds).toEqual([1, 3, 4, 5, 6]);
  expect(b.votesPerAgency).toBe(3);
  expect(b.closesAt.toISOString()).toBe(at(10).toISOString());
  const card = postTexts(t.app).at(-1)!;
  expect(card).toContain('已有 0／8 個部會投票');
  expect(card).toContain('10:10 截止');
  expect(t.app.store.jobs.get(`ballot:${b.id}:close`)!.dueAt.toISOString()).toBe(at(10).toISOString());
});

test('bad input: each is answered and changes nothing', async () => {
  const { app } = t;
  // Before it opens: durations and vote counts out of range, a non-facilitator.
  for (const [who, line, answer] of [
    ['pdis', '/ballot open 30s', /1 分鐘到 1 天/],
    ['pdis', '/ballot open 2d', /1 分鐘到 1 天/],
    ['pdis', '/ballot open 10m votes 0', /票數/],
    ['pdis', '/ballot open soon', /用法/],
    [po(0), '/ballot open', /主持人/],
    [po(0), '/ballot vote #1', /沒有進行中的投票|還沒有投票/],
    ['pdis', '/ballot select', /還沒有投票/],
  ] as const) {
    const before = ballotState(app);
    expect((await say(app, who, line)).text).toMatch(answer);
    expect(ballotState(app)).toBe(before);
  }
  await open();
  await say(app, po(0), '/ballot vote #1 #3');
  for (const [who, line, answer] of [
    ['pdis', '/ballot open', /已經有一場投票進行中（10:10 截止）/],
    [po(0), '/ballot vote #2', /不在這次的投票名單上/], // handled by 內政部: off the ballot
    [po(0), '/ballot vote #99', /不在這次的投票名單上/],
    [po(0), '/ballot vote #1 #3 #4 #5', /每個部會 3 票，這裡列了 4 案/],
    [po(0), '/ballot vote #1 #1', /寫了兩次/],
    [po(0), '/ballot vote', /用法/],
    ['stranger', '/ballot vote #1', /\/iam/],
    ['stranger', '/ballot', /\/iam/],
    ['pdis', '/ballot select 2', /還在進行/],
    ['pdis', '/slate add #2', /正在投票/],
    [po(1), '/ballot frob', /用法/],
  ] as const) {
    const before = ballotState(app);
    expect((await say(app, who, line)).text).toMatch(answer);
    expect(ballotState(app)).toBe(before);
  }
});

test('a PO without a confirmed agency (roster in use, /iam not confirmed) is told why and cannot vote', async () => {
  t.app.cleanup();
  t = ballotApp({ roster: [{ user: 'console:po0', agency: '交通部' }] });
  await say(t.app, 'pdis', '/propose 議題 #交通部');
  await say(t.app, 'pdis', '/slate add #1');
  await say(t.app, 'lee', '/iam 內政部');
  await open();
  const before = ballotState(t.app);
  expect((await say(t.app, 'lee', '/ballot vote #1')).text).toMatch(/尚未經主持人以 \/confirm 確認/);
  expect(ballotState(t.app)).toBe(before);
  expect((await say(t.app, 'po0', '/ballot vote #1')).text).toContain('已記錄');
});

test('votes: an agency\'s POs share one choice of at most K, changed until close; others see only the count', async () => {
  const { app } = t;
  await open();
  const r = await say(app, po(0), '/ballot vote #1 #3');
  expect(r.private).toBe(true);
  expect(r.text).toContain('交通部的選票：已投 2／3 票');
  expect(r.answer!.message.buttons!.map((b) => b.label)).toEqual(['✅ #1 議題1', '⬜ #3 議題3', '⬜ #4 議題4', '⬜ #5 議題5', '⬜ #6 議題6'].map((l, i) => (i === 1 ? '✅ #3 議題3' : l)));
  // A second PO of 交通部 sees the agency's current choice and changes it.
  await say(app, 'po0b', '/iam 交通部');
  expect((await say(app, 'po0b', '/ballot')).text).toMatch(/✅ #1 議題1[\s\S]*✅ #3 議題3/);
  await say(app, 'po0b', '/ballot vote #4');
  expect(app.store.ballots.choices(app.store.ballots.current()!.id, app.bot.services.people.agencies.find('交通部')!.id)).toEqual([4]);
  // The public card: only how many agencies have voted, edited in place.
  await app.bot.drain();
  const card = richToPlain(app.delivery.updates.at(-1)!.message.text);
  expect(card).toContain('已有 1／8 個部會投票');
  expect(card).not.toMatch(/— \d+ 票/);
  await say(app, po(1), '/ballot vote #1 #5 #6');
  await app.bot.drain();
  expect(richToPlain(app.delivery.updates.at(-1)!.message.text)).toContain('已有 2／8 個部會投票');
  // The one card was edited, not posted again.
  expect(new Set(app.delivery.updates.filter((u) => richToPlain(u.message.text).includes('投票進行中')).map((u) => u.ref)).size).toBe(1);
});

test('the buttons of the private ballot toggle one vote each, within K', async () => {
  const { app } = t;
  const b = await open('/ballot open 10m votes 2');
  const press = (who: string, issue: number) => app.bot.dispatch({ kind: 'button', action: 'ballot.toggle', value: `${b.id}:${issue}`, target: `${CHAT}#9`, actor: { platform: 'console', id: who, name: who }, chat: CHAT });
  expect(richToPlain((await press(po(0), 1))!.message.text)).toContain('已投議題 #1');
  await press(po(0), 3);
  const before = ballotState(app);
  expect(richToPlain((await press(po(0), 4))!.message.text)).toContain('2 票都投了');
  expect(ballotState(app)).toBe(before);
  expect(richToPlain((await press(po(0), 1))!.message.text)).toContain('收回');
  expect(ballotVotes(app).map((v) => v.issue)).toEqual([3]);
  const show = await app.bot.dispatch({ kind: 'button', action: 'ballot.show', value: String(b.id), target: `${CHAT}#1`, actor: { platform: 'console', id: po(0), name: po(0) }, chat: CHAT });
  expect(show!.private).toBe(true);
  expect(richToPlain(show!.message.text)).toContain('已投 1／2 票');
});

test('close by itself at the end: totals and ranking (ties by the earlier proposal, marked) to everyone; a late vote is refused with the time', async () => {
  const { app, scheduler } = t;
  await open();
  // 8 agencies × up to 3 votes: #3 5, #1 4, #5 4 (tie: #1 first), #6 2, #4 0.
  const choices = ['#1 #3 #5', '#1 #3 #5', '#1 #3 #6', '#1 #3 #5', '#3 #5 #6', '', '', ''];
  for (let i = 0; i < 8; i++) if (choices[i]) await say(app, po(i), `/ballot vote ${choices[i]}`);
  app.clock.set(at(9));
  await scheduler.tick();
  expect(app.store.ballots.current()).toBeDefined();
  const before = postTexts(app).length;
  app.clock.set(at(10));
  await scheduler.tick();
  expect(app.store.ballots.current()).toBeUndefined();
  const result = postTexts(app).slice(before).join('\n');
  expect(result).toContain('投票結果（');
  expect(result).toContain('5 個部會投票'.replace('5 個部會投票', '已有 5／8 個部會投票'));
  expect(result).toMatch(/1\. #3 議題3 — 5 票\n2\. #1 議題1 — 4 票 （同票）\n3\. #5 議題5 — 4 票 （同票）\n4\. #6 議題6 — 2 票\n5\. #4 議題4 — 0 票/);
  expect(result).toContain('先提出的議題');
  const late = await say(app, po(6), '/ballot vote #4');
  expect(late.text).toBe('投票已於 10:10 截止，這一票沒有計入。');
  // The minutes have the opening, the withdrawal and the totals.
  const lines = app.store.minutes.lines(app.store.minutes.recording(CHAT)!.id).map((l) => l.text).join('\n');
  expect(lines).toContain('開始投票：#1、#3、#4、#5、#6');
  expect(lines).toContain('部會自行處理、不列入投票：#2（內政部）');
  expect(lines).toContain('投票截止，5 個部會投票。結果：#3 5 票、#1 4 票（同票）、#5 4 票（同票）、#6 2 票、#4 0 票');
});

test('/ballot close ends it early; /ballot select 2 makes 第N案 and 第N+1案 in ranking order through /select; the rest are 本月未選定', async () => {
  const { app } = t;
  // An earlier case, so the ballot's cases continue the numbering.
  await say(app, 'alice', '/propose 先前的議題');
  await say(app, 'pdis', '/select 7');
  await open();
  await say(app, po(0), '/ballot vote #5 #6');
  await say(app, po(1), '/ballot vote #6');
  await say(app, po(2), '/ballot vote #5 #6 #1');
  app.clock.set(at(4));
  await say(app, 'pdis', '/ballot close');
  expect(app.store.jobs.get(`ballot:${app.store.ballots.latest()!.id}:close`)!.status).toBe('cancelled');
  expect((await say(app, po(3), '/ballot vote #1')).text).toContain('10:04 截止');
  const before = postTexts(app).length;
  expect((await say(app, 'pdis', '/ballot select 2')).text).toBe('');
  const posted = postTexts(app).slice(before).join('\n');
  expect(posted).toMatch(/第二案「議題6」（議題 #6）\n第三案「議題5」（議題 #5）/);
  expect(posted).toContain('本月未選定：#1、#3、#4');
  expect(app.store.cases.list().map((c) => [c.number, c.issueId])).toEqual([[1, 7], [2, 6], [3, 5]]);
  expect(app.store.issues.get(6)!.status).toBe('selected');
  expect(app.store.issues.get(1)!.status).toBe('open');
  expect((await say(app, 'x', '/issue 1')).text).toContain('本月未選定');
  expect((await say(app, 'x', '/issue 2')).text).toContain('部會自行處理（內政部）');
  const before2 = ballotState(app);
  expect((await say(app, 'pdis', '/ballot select 2')).text).toContain('已經選定過');
  expect(ballotState(app)).toBe(before2);
  const lines = app.store.minutes.lines(app.store.minutes.recording(CHAT)!.id).map((l) => l.text).join('\n');
  expect(lines).toContain('第二案');
  expect(lines).toContain('本月未選定：#1、#3、#4');
  // The digest of that week: totals and ranking, the cases, the agency that handles one itself.
  app.clock.set(new Date('2026-12-08T01:00:00Z'));
  const digest = (await say(app, 'x', '/report')).text;
  expect(digest).toContain('本週月會投票（1）');
  expect(digest).toContain('3 個部會投票；排名 #6 3 票、#5 2 票、#1 1 票、#3 0 票、#4 0 票；選定 第二案「議題6」、第三案「議題5」；部會自行處理 #2（內政部）');
  // Still eligible next month: the issue is open and can go on the next slate.
  app.clock.set(new Date('2026-12-20T02:00:00Z'));
  await say(app, 'pdis', '/endmeeting');
  // The SayIt file of the meeting carries the ballot's record.
  const xml = (await app.bot.dispatch({ kind: 'command', name: 'minutes', args: `${t.meeting.id} xml`, actor: { platform: 'console', id: 'pdis', name: 'pdis' }, chat: CHAT }))!.message.file!.content;
  expect(xml).toContain('開始投票：#1、#3、#4、#5、#6');
  expect(xml).toContain('投票截止，3 個部會投票');
  expect(xml).toContain('本月未選定：#1、#3、#4');
  expect((await say(app, 'pdis', '/slate add #1')).text).toContain('放上月會名單');
  expect((await say(app, 'x', '/issue 1')).text).not.toContain('本月未選定');
});

test('the close survives a restart: a new process on the same file closes it at its time', async () => {
  const { app } = t;
  const b = await open();
  await say(app, po(0), '/ballot vote #3');
  const file = join(app.dir, 'test.sqlite');
  app.close();
  const clock = new ManualClock(at(12));
  const again = createApp({ config: parseConfig({ facilitators: ['console:pdis'] }), databasePath: file, clock, logger: silentLogger });
  const delivery = new RecordingDelivery();
  again.bot.setDelivery(delivery);
  try {
    await new Scheduler(again.bot, again.store.jobs, clock, silentLogger).tick();
    expect(again.store.ballots.get(b.id)!.closedAt!.toISOString()).toBe(at(10).toISOString());
    expect(delivery.posts.map((p) => richToPlain(p.message.text)).join('\n')).toMatch(/1\. #3 議題3 — 1 票/);
  } finally {
    // afterEach's cleanup closes the first connection again, which better-sqlite3 allows.
    again.close();
  }
});

test('halfway, one private reminder to each PO of an agency that has not voted, and to nobody else; nothing public', async () => {
  const { app, scheduler } = t;
  await open();
  await say(app, 'po3b', '/iam 勞動部');
  for (const i of [0, 1, 2]) await say(app, po(i), '/ballot vote #1');
  app.clock.set(at(4));
  await scheduler.tick();
  expect(app.delivery.privates).toHaveLength(0);
  const posts = app.delivery.posts.length;
  app.clock.set(at(5));
  await scheduler.tick();
  const to = app.delivery.privates.map((p) => p.to.id).sort();
  expect(to).toEqual(['po3', 'po3b', 'po4', 'po5', 'po6', 'po7']);
  expect(richToPlain(app.delivery.privates[0]!.message.text)).toContain('還沒投票');
  expect(app.delivery.privates.every((p) => p.near === CHAT)).toBe(true);
  expect(app.delivery.posts.length).toBe(posts);
  // Once: the job is done, later ticks send nothing more.
  app.clock.set(at(6));
  await scheduler.tick();
  expect(app.delivery.privates).toHaveLength(6);
});

test('a ballot closed before halfway sends no reminder', async () => {
  const { app, scheduler } = t;
  const b = await open();
  await say(app, 'pdis', '/ballot close');
  expect(app.store.jobs.get(`ballot:${b.id}:nudge`)!.status).toBe('cancelled');
  app.clock.set(at(5));
  await scheduler.tick();
  expect(app.delivery.privates).toHaveLength(0);
});

test('a PO with linked accounts (/link) gets the reminder once, on the ballot\'s platform', async () => {
  const { app, scheduler } = t;
  await open();
  const tg = { platform: 'telegram' as const, id: '77', name: 'po3 on Telegram' };
  await app.bot.dispatch({ kind: 'command', name: 'iam', args: '勞動部', actor: tg, chat: 'telegram:-100' });
  const ids = app.db.$client.prepare("select id from users where platform_user_id in ('po3', '77') order by id").pluck().all() as number[];
  expect(ids).toHaveLength(2);
  app.db.$client.prepare('update users set person_id = ? where id in (?, ?)').run(ids[0], ids[0], ids[1]);
  app.clock.set(at(5));
  await scheduler.tick();
  const to = app.delivery.privates.map((p) => `${p.to.platform}:${p.to.id}`);
  expect(to).toContain('console:po3');
  expect(to).not.toContain('telegram:77');
});
