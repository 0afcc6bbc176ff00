import { richToPlain } from '../../src/core/types';
import type { TestApp } from '../support/app';
import { caseApp, count, postTexts, propose, say } from './helpers';

// Issue #13, deliverable 1: after /select the issue is a case everywhere — its card (edited in
// place), /issue, /issues, agendas and the digest — and takes no more votes or withdrawals.

let app: TestApp;
afterEach(() => app?.cleanup());

const MONTHLY = { id: 'po-monthly', title: 'PO 月會', kind: 'monthly', start: '2026-01-05 14:00', rrule: 'FREQ=MONTHLY;BYDAY=1MO', durationMin: 120 };

function cardRef(issueId: number): `console:main#${string}` {
  return app.store.links.refsFor({ kind: 'issue', id: issueId })[0] as `console:main#${string}`;
}

test('a selected issue reads 已成案：第N案 on its card (edited in place), in /issue and /issues, and drops out of open lists', async () => {
  app = caseApp();
  await propose(app, 3);
  await say(app, 'bob', '/vote 2');
  await say(app, 'pdis', '/select 2 1');
  await app.bot.drain();
  const card = app.delivery.updates.filter((u) => u.ref === cardRef(2)).at(-1)!;
  const cardText = richToPlain(card.message.text);
  expect(cardText).toContain('議題 #2：議題 2 🎯 已成案：第一案（不再接受投票；進度請見 /case 1）');
  expect(cardText).not.toContain('按 👍');
  expect(card.message.buttons).toBeUndefined();
  expect(richToPlain(app.delivery.updates.filter((u) => u.ref === cardRef(1)).at(-1)!.message.text)).toContain('已成案：第二案');

  const shown = (await say(app, 'anyone', '/issue 2')).text;
  expect(shown).toContain('已成案：第一案');
  expect(shown).not.toContain('按 👍');
  expect((await say(app, 'anyone', '/issues')).text).toBe('開放中的議題：\n#3 議題 3 — 0 票／0 部會');
  expect((await say(app, 'anyone', '/issues top')).text).not.toContain('#2');
  expect((await say(app, 'anyone', '/issues all')).text).toBe(
    '全部議題：\n#3 議題 3 — 0 票／0 部會\n#2 議題 2 — 1 票／0 部會（已成案：第一案）\n#1 議題 1 — 0 票／0 部會（已成案：第二案）',
  );
  expect((await say(app, 'alice', '/issues mine')).text).toContain('#2 議題 2 — 1 票／0 部會（已成案：第一案）');
  expect((await say(app, 'pdis', '/report')).text).not.toMatch(/支持度最高的開放議題（前 5）：\n#2/);
});

test('a case takes no votes: a reaction is ignored, /vote and the button say it is a case now', async () => {
  app = caseApp();
  await propose(app, 2);
  await say(app, 'pdis', '/select 1');
  const before = count(app, 'votes');
  const reacted = await app.bot.dispatch({ kind: 'reaction', emoji: '👍', added: true, target: cardRef(1), actor: { platform: 'console', id: 'bob', name: 'bob' }, chat: 'console:main' });
  expect(reacted).toBeUndefined();
  const vote = await say(app, 'bob', '/vote 1');
  expect(vote).toMatchObject({ text: '議題 #1 已成案：第一案，不再接受投票。進度請見 /case 1。', private: true });
  const button = await app.bot.dispatch({ kind: 'button', action: 'vote', value: '1', target: cardRef(1), actor: { platform: 'console', id: 'bob', name: 'bob' }, chat: 'console:main' });
  expect(richToPlain(button!.message.text)).toBe('議題 #1 已成案：第一案，不再接受投票。進度請見 /case 1。');
  expect(count(app, 'votes')).toBe(before);
  // The other issue still takes votes.
  expect((await say(app, 'bob', '/vote 2')).text).toContain('已投票支持議題 #2');
});

test('/withdraw of a selected issue is refused with a pointer to the case, and nothing changes', async () => {
  app = caseApp();
  await propose(app, 1);
  await say(app, 'pdis', '/select 1');
  const posts = app.delivery.posts.length;
  for (const who of ['alice', 'pdis']) {
    expect(await say(app, who, '/withdraw 1')).toMatchObject({
      text: '議題 #1 已成案：第一案，不能撤回。案件的進度與結案請見 /case 1（結案由主持人用 /case 1 close）。',
      private: true,
    });
  }
  expect(app.store.issues.get(1)!.status).toBe('selected');
  expect(app.delivery.posts.length).toBe(posts);
  expect((await say(app, 'pdis', '/select 1')).text).toBe('議題 #1 已經是第一案；這次沒有選定任何議題。');
});

test('an open issue not selected stays on the next monthly ballot; the issues selected are marked on that meeting’s agenda', async () => {
  app = caseApp({ meetings: { series: [MONTHLY], horizonDays: 70 } }, { start: new Date('2026-11-20T02:00:00Z') });
  app.meetings.expand(app.clock.now());
  await propose(app, 5);
  for (const who of ['a', 'b', 'c']) await say(app, who, '/vote 5');
  await say(app, 'x', '/vote 2');
  // The December meeting (Mon 7 Dec 14:00): issues 2 and 1 are selected there.
  app.clock.set(new Date('2026-12-07T06:10:00Z'));
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'pdis', '/select 2 1');
  const december = app.store.minutes.recording('console:main')!.meetingId;
  const decAgenda = (await say(app, 'anyone', `/agenda ${december}`)).text;
  expect(decAgenda).toContain('本次會議成案（2 案）：\n議題 #2 議題 2 — 已成案：第一案\n議題 #1 議題 1 — 已成案：第二案');
  await say(app, 'pdis', '/endmeeting');
  // January's ballot still holds #5 (3 votes), #4 and #3, proposed before December's meeting.
  app.clock.set(new Date('2026-12-20T02:00:00Z'));
  const jan = (await say(app, 'anyone', '/agenda')).text;
  expect(jan).toContain('（所有仍開放、尚未成案的議題，依票數排序；未獲選的議題留在下次選題）');
  expect(jan).toContain('1. 議題 #5 議題 5 — 3 票／0 部會');
  expect(jan).toContain('議題 #4 議題 4');
  expect(jan).not.toMatch(/議題 #[12] /);
  expect(postTexts(app).some((t) => t.includes('🎯 選定 2 個協作案'))).toBe(true);
});

test('voting.ballotMonths leaves issues older than N months off the monthly ballot', async () => {
  app = caseApp({ voting: { ballotMonths: 1 }, meetings: { series: [MONTHLY], horizonDays: 70 } }, { start: new Date('2026-10-20T02:00:00Z') });
  await propose(app, 1, 'alice', '舊議題');
  app.clock.set(new Date('2026-11-25T02:00:00Z'));
  await propose(app, 1, 'alice', '新議題');
  app.meetings.expand(app.clock.now());
  const agenda = (await say(app, 'anyone', '/agenda')).text;
  expect(agenda).toContain('以後提出、仍開放、尚未成案的議題');
  expect(agenda).toContain('新議題 1');
  expect(agenda).not.toContain('舊議題 1');
});
