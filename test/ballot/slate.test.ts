import { say, postTexts, count } from '../cases/helpers';
import { buildWebApp } from '../../src/web/server';
import { silentLogger } from '../../src/core/logger';
import { WEB_SECTIONS } from '../../src/config/web.schema';
import { AGENCIES, ballotApp, ballotState, po, proposeSix, registerPOs, type BallotApp } from './helpers';

// Issue 28, items 1 and 2: the slate, and 部會自行處理 with its 列管 item.

let t: BallotApp;
beforeEach(async () => {
  t = ballotApp();
  await registerPOs(t.app);
  await proposeSix(t.app);
});
afterEach(() => t.app.cleanup());

test('a facilitator puts issues up; a PO puts up one issue of their own agency, shown as 部會提出', async () => {
  const { app } = t;
  const r = await say(app, 'pdis', '/slate add #1 #2 #3 passed 11/20');
  expect(r.text).toContain('#1');
  expect((await say(app, po(3), '/slate add #4')).text).toContain('勞動部');
  const shown = (await say(app, 'nobody', '/slate')).text;
  expect(shown).toContain('月會');
  expect(shown).toMatch(/#4 議題4 — 部會提出（勞動部）/);
  expect(shown).toMatch(/#1 議題1 — 主持人提出/);
  // Join status: passed on 11/20, the answer due 60 days later, rolled to a working day.
  expect(shown).toContain('已成案');
  expect(shown).toContain('回應期限');
  expect(shown).toContain('目前支持');
  expect(app.store.ballots.slate(t.meeting.id).map((e) => e.issueId)).toEqual([1, 2, 3, 4]);
});

test('bad slate input is answered and changes nothing', async () => {
  const { app } = t;
  await say(app, 'pdis', '/slate add #1');
  await say(app, po(3), '/slate add #4');
  await say(app, 'alice', '/propose 議題7 #勞動部');
  const before = ballotState(app);
  const cases: [string, string, RegExp][] = [
    [po(3), '/slate add #7', /勞動部這次已提出議題 #4/],
    [po(3), '/slate add #6', /沒有標記勞動部/],
    [po(0), '/slate add #2', /沒有標記交通部/], // #2 is 內政部's
    [po(0), '/slate add #1 #2', /一次加一案/],
    ['pdis', '/slate add #1', /已在名單上/],
    ['pdis', '/slate add #99', /找不到/],
    ['pdis', '/slate add #1 #1', /兩次/],
    ['pdis', '/slate add 一', /數字|編號/],
    ['stranger', '/slate remove #1', /主持人/],
    ['pdis', '/slate remove #5', /不在/],
    [po(1), '/slate handle #1 我們處理', /沒有標記內政部/],
    [po(0), '/slate handle #1', /理由/],
    ['stranger', '/slate handle #1 理由', /\/iam/],
    ['pdis', '/slate frobnicate', /用法/],
  ];
  for (const [who, line, answer] of cases) {
    const r = await say(app, who, line);
    expect(r.text).toMatch(answer);
    expect(ballotState(app)).toBe(before);
  }
});

test('部會自行處理: the tagged agency takes an issue off the ballot; a 列管 item is due by the next 月會; a facilitator may put it back', async () => {
  const { app } = t;
  await say(app, 'pdis', '/slate add #1 #2');
  await app.bot.dispatch({ kind: 'command', name: 'issue', args: '2', actor: { platform: 'console', id: 'x', name: 'x' }, chat: 'console:main' });
  const r = await say(app, po(1), '/slate handle #2 本部已列入明年度計畫');
  expect(r.text).toBe('');
  const post = postTexts(app).at(-1)!;
  expect(post).toContain('內政部自行處理');
  expect(post).toContain('本部已列入明年度計畫');
  const item = app.store.actions.list({ ownerAgencyId: app.bot.services.people.agencies.find('內政部')!.id })[0]!;
  expect(item.text).toContain('回報自行處理進度');
  expect(item.due).toBe('2027-01-05');
  expect(item.status).toBe('open');
  // The mark everywhere the issue is shown.
  expect((await say(app, 'x', '/issue 2')).text).toContain('部會自行處理（內政部）');
  expect((await say(app, 'x', '/issues')).text).toContain('部會自行處理');
  expect((await say(app, 'x', '/slate')).text).toContain(`列管 #${item.id}`);
  // Another agency's PO cannot put it back; a facilitator can, and the 列管 item is released.
  expect((await say(app, po(1), '/slate add #2')).text).toContain('只有主持人');
  expect((await say(app, 'pdis', '/slate add #2')).text).toContain('放回');
  expect(app.store.actions.get(item.id)!.status).toBe('done');
  expect((await say(app, 'x', '/issue 2')).text).not.toContain('部會自行處理');
  expect(count(app, 'slate_entries')).toBe(2);
});

test('the slate is on the meeting agenda and its web page, and /slate N shows another meeting', async () => {
  t.app.cleanup();
  t = ballotApp({ web: { public: [...WEB_SECTIONS] } });
  await registerPOs(t.app);
  await proposeSix(t.app);
  const { app } = t;
  await say(app, 'pdis', '/slate add #1 #3');
  await say(app, po(1), '/slate add #2');
  await say(app, po(1), '/slate handle #2 自行處理');
  const agenda = (await say(app, 'x', `/agenda ${t.meeting.id}`)).text;
  expect(agenda).toContain('月會議題名單（3 案）');
  expect(agenda).toMatch(/#2 議題2 — 部會提出（內政部） ⏸ 部會自行處理（內政部）/);
  expect((await say(app, 'x', `/slate ${t.meeting.id + 1}`)).text).toContain('還沒有議題');
  const page = await (await buildWebApp({ app, clock: app.clock, logger: silentLogger }).request(`/meetings/${t.meeting.id}`)).text();
  expect(page).toContain('月會議題名單（3 案）');
  expect(page).toContain('部會自行處理（內政部）');
  void AGENCIES;
});
