import { fork } from 'node:child_process';
import { join } from 'node:path';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config/load';
import { silentLogger } from '../../src/core/logger';
import { RecordingDelivery, type TestApp } from '../support/app';
import { Children } from '../support/children';
import { caseApp, count, event, postTexts, propose, say } from './helpers';
import { chineseNumeral, formatCaseNumber, parseCaseNumber } from '../../src/core/cases/case-number';

let app: TestApp;
afterEach(() => app?.cleanup());

function numbers(a: TestApp): { number: number; issue_id: number }[] {
  return a.db.$client.prepare('select number, issue_id from cases order by number').all() as { number: number; issue_id: number }[];
}

function expectGapless(a: TestApp, n: number): void {
  const rows = numbers(a);
  expect(rows.map((r) => r.number)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  expect(new Set(rows.map((r) => r.issue_id)).size).toBe(n);
}

test('selected issues become cases numbered in order, announced with who and when', async () => {
  app = caseApp();
  await propose(app, 3);
  expect(await say(app, 'pdis', '/select 2 #3')).toMatchObject({ text: '' });
  expect(postTexts(app).at(-1)).toBe(
    '🎯 選定 2 個協作案：\n第一案「議題 2」（議題 #2）\n第二案「議題 3」（議題 #3）\n由 pdis 於 2026年12月1日（二）10:00 選定。\n下一步：/case 1 lead <主辦部會> co <協辦部會…> 確認主協辦。',
  );
  await say(app, 'pdis', '/select 1');
  expect(numbers(app)).toEqual([
    { number: 1, issue_id: 2 },
    { number: 2, issue_id: 3 },
    { number: 3, issue_id: 1 },
  ]);
  const c = app.store.cases.byNumber(1)!;
  expect(c.selectedAt.toISOString()).toBe('2026-12-01T02:00:00.000Z');
  expect(app.bot.services.people.get(c.selectedBy)!.name).toBe('pdis');
  expect(c.stage).toBe('lead');
  expect(app.store.cases.events(c.id).map((e) => e.detail)).toEqual([{ kind: 'selected', issueId: 2, meetingId: null }]);
});

test('selecting during a meeting links the cases to it', async () => {
  app = caseApp();
  await propose(app, 2);
  await say(app, 'pdis', '/startmeeting PO 月會');
  await say(app, 'pdis', '/select 1 2');
  for (const n of [1, 2]) {
    const c = app.store.cases.byNumber(n)!;
    expect(app.store.cases.meetingIds(c.id)).toEqual([1]);
    expect(app.store.cases.events(c.id)[0]!.detail).toEqual({ kind: 'selected', issueId: c.issueId, meetingId: 1 });
  }
});

test('a /select with one bad issue selects none and leaves no gap', async () => {
  app = caseApp();
  await propose(app, 3);
  await say(app, 'alice', '/withdraw 3');
  await say(app, 'pdis', '/select 1');
  expect((await say(app, 'pdis', '/select 2 99')).text).toBe('找不到議題 #99；這次沒有選定任何議題。');
  expect((await say(app, 'pdis', '/select 2 3')).text).toBe('議題 #3 已撤回，不能選為協作案；這次沒有選定任何議題。');
  expect((await say(app, 'pdis', '/select 2 1')).text).toBe('議題 #1 已經是第一案；這次沒有選定任何議題。');
  expect((await say(app, 'pdis', '/select 2 x')).text).toContain('請提供數字編號');
  expect((await say(app, 'pdis', '/select')).text).toContain('用法：/select');
  expect(count(app, 'cases')).toBe(1);
  expect(count(app, 'case_events')).toBe(1);
  await say(app, 'pdis', '/select 2');
  expectGapless(app, 2);
});

test('many interleaved /select dispatches keep numbers gapless and each issue selected once', async () => {
  app = caseApp();
  await propose(app, 40);
  // Every issue is asked for by three overlapping requests at once.
  const lines = Array.from({ length: 40 }, (_, i) => [`/select ${i + 1}`, `/select ${i + 1} ${((i + 1) % 40) + 1}`, `/select ${((i + 7) % 40) + 1}`]).flat();
  const out = await Promise.all(lines.map((l) => say(app, 'pdis', l)));
  expectGapless(app, 40);
  const announced = postTexts(app).join('\n').match(/^第[一二三四五六七八九十]+案/gm)!;
  expect(announced).toHaveLength(40);
  // Each request either won (announced, no answer) or was refused whole as "already a case".
  expect(out.every((o) => o.text === '' || /^議題 #\d+ 已經是第.+案；這次沒有選定任何議題。$/.test(o.text))).toBe(true);
  expect(out.filter((o) => o.text === '').length).toBe(app.delivery.posts.length - 40);
});

test('two app instances on one SQLite file, dispatching interleaved, never share or skip a number', async () => {
  app = caseApp();
  await propose(app, 30);
  const other = createApp({ config: parseConfig({ facilitators: ['console:pdis'] }), databasePath: join(app.dir, 'test.sqlite'), clock: app.clock, logger: silentLogger });
  other.bot.setDelivery(new RecordingDelivery());
  try {
    const jobs: Promise<unknown>[] = [];
    for (let i = 1; i <= 30; i++) {
      jobs.push(app.bot.dispatch(event('pdis', `/select ${i}`)));
      jobs.push(other.bot.dispatch(event('pdis', `/select ${31 - i} ${i}`)));
    }
    await Promise.all(jobs);
    expectGapless(app, 30);
  } finally {
    other.close();
  }
});

test('two processes selecting the same issues at the same time get gapless, unique numbers', async () => {
  app = caseApp();
  await propose(app, 60);
  const db = join(app.dir, 'test.sqlite');
  const script = join(__dirname, 'fixtures', 'select-child.ts');
  const processes = new Children();
  const children = [17, 99].map((seed, k) => processes.track(fork(script, [db, String(seed), '60', String(k + 1)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })));
  let a: { results: { ids: number[]; ok: boolean; text: string }[] } | undefined;
  let b: typeof a;
  try {
    await Promise.all(children.map((c) => new Promise((r) => c.once('message', r))));
    const results = children.map((c) => new Promise<NonNullable<typeof a>>((r) => c.once('message', r as never)));
    for (const c of children) c.send('go');
    [a, b] = await Promise.all(results);
  } finally {
    // Each child exits once it has answered; one that has not (the test failed or timed out) is
    // killed. Either way both are gone, pipes and IPC channel closed, before the test ends.
    await processes.reap();
  }
  expectGapless(app, 60);
  // Every refusal is the all-or-nothing "already a case", never an internal error.
  for (const r of [...a!.results, ...b!.results].filter((x) => !x.ok)) expect(r.text).toMatch(/已經是第.+案；這次沒有選定任何議題/);
  const won = [...a!.results, ...b!.results].filter((x) => x.ok).flatMap((x) => x.ids);
  expect(won.sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
}, 60_000);

test('case numbers read the network way', () => {
  expect([1, 2, 10, 11, 12, 20, 50, 101, 110, 1010].map(chineseNumeral)).toEqual(['一', '二', '十', '十一', '十二', '二十', '五十', '一百零一', '一百一十', '一千零一十']);
  expect(formatCaseNumber(12, 'zh-TW')).toBe('第十二案');
  expect(formatCaseNumber(12, 'en')).toBe('Case 12');
  for (const s of ['12', '#12', '第12案', '第十二案', 'case 12', '第 十二 案', '１２']) expect(parseCaseNumber(s)).toBe(12);
  for (let n = 1; n <= 300; n++) expect(parseCaseNumber(formatCaseNumber(n, 'zh-TW'))).toBe(n);
  expect(parseCaseNumber('第案')).toBeUndefined();
  expect(parseCaseNumber('0')).toBeUndefined();
});

describe('support threshold', () => {
  const voters = [
    ['v1', '交通部'],
    ['v2', '衛福部'],
    ['v3', '經濟部'],
    ['v4', '經濟部'],
    ['v5', '內政部'],
  ];
  const notices = (a: TestApp) => postTexts(a).filter((t) => t.includes('已達支持門檻'));

  test('is announced once in the chat, however votes come and go', async () => {
    app = caseApp({ cases: { supportThreshold: { votes: 4, agencies: 3 } } });
    await propose(app, 1);
    for (const [v, agency] of voters) await say(app, v!, `/iam ${agency}`);
    await say(app, 'v1', '/vote 1');
    await say(app, 'v3', '/vote 1');
    await say(app, 'v4', '/vote 1');
    expect(notices(app)).toHaveLength(0); // 3 votes, 2 agencies
    // By reaction on the card: the votes feature casts, the cases feature notices.
    await app.bot.dispatch({ kind: 'reaction', emoji: '👍', added: true, target: app.delivery.posts[0]!.ref, actor: { platform: 'console', id: 'v2', name: 'v2' }, chat: 'console:main' });
    expect(notices(app)).toEqual(['📣 議題 #1「議題 1」已達支持門檻（4 票，來自 3 個部會），可列入月會投票議題。']);
    await say(app, 'v2', '/unvote 1');
    await say(app, 'v2', '/vote 1');
    await say(app, 'v5', '/vote 1');
    expect(notices(app)).toHaveLength(1);
  });

  test('counts agencies when configured so, and is off when both counts are null', async () => {
    app = caseApp({ cases: { supportThreshold: { votes: null, agencies: 2 } } });
    await propose(app, 2);
    for (const [v, agency] of voters) await say(app, v!, `/iam ${agency}`);
    await say(app, 'v3', '/vote 1');
    await say(app, 'v4', '/vote 1');
    expect(notices(app)).toHaveLength(0);
    await say(app, 'v1', '/vote 1');
    expect(notices(app)).toHaveLength(1);
    app.cleanup();
    app = caseApp({ cases: { supportThreshold: { votes: null, agencies: null } } });
    await propose(app, 1);
    for (const [v] of voters) await say(app, v!, '/vote 1');
    expect(notices(app)).toHaveLength(0);
  });

  test('is not said for an issue already selected', async () => {
    app = caseApp({ cases: { supportThreshold: { votes: 1, agencies: null } } });
    await propose(app, 1);
    await say(app, 'pdis', '/select 1');
    await say(app, 'v1', '/vote 1');
    expect(notices(app)).toHaveLength(0);
  });
});
