import type { TestApp } from '../support/app';
import { caseApp, propose, say } from './helpers';

let app: TestApp;
afterEach(() => app.cleanup());

const DAY = 86_400_000;

test('/report compiles the weekly digest', async () => {
  app = caseApp();
  await say(app, 'alice', '/iam 交通部');
  await say(app, 'bob', '/iam 衛福部');
  await propose(app, 3, 'alice', '舊議題');
  await say(app, 'pdis', '/select 1 2');
  await say(app, 'pdis', '/case 1 lead 交通部');
  await say(app, 'pdis', '/case 1 deadline 12/12');
  await say(app, 'pdis', '/case 2 deadline 12/20');
  await say(app, 'pdis', '/case 2 stage 轉譯');
  await say(app, 'pdis', '/action 衛福部 交資料 due 12/9');
  app.clock.advance(10 * DAY); // 2026-12-11
  await propose(app, 2, 'bob', '新議題');
  await say(app, 'alice', '/vote 5');
  await say(app, 'bob', '/vote 5');
  await say(app, 'alice', '/vote 3');
  await say(app, 'pdis', '/case 2 deadline 2026/12/10'); // a past deadline needs its year
  const out = await say(app, 'bob', '/report');
  expect(out.private).toBe(false);
  expect(out.text).toBe(
    [
      // The last complete week, Monday to Sunday, whatever day /report is asked on (#13).
      '📊 週報（2026年11月30日（一）–2026年12月6日（日））',
      '',
      '本週新議題（3）：',
      '#3 舊議題 3 — 1 票／1 部會',
      '#2 舊議題 2 — 0 票／0 部會（已成案：第二案）',
      '#1 舊議題 1 — 0 票／0 部會（已成案：第一案）',
      '',
      // As many as are listed (issue #25, lows: it said 前 5 over two lines).
      '支持度最高的開放議題（前 2）：',
      '#5 新議題 2 — 2 票／2 部會',
      '#3 舊議題 3 — 1 票／1 部會',
      '',
      '協作案進度（進行中與本週結案，共 2 案）：',
      '確認主協辦（1）：',
      '・第一案「舊議題 1」 — 確認主協辦｜主辦 交通部｜期限 2026年12月12日（六）（剩 1 天）',
      '轉譯（1）：',
      '・⚠️ 第二案「舊議題 2」 — 轉譯｜主辦 未定｜期限 2026年12月10日（四）（⚠️ 已逾期 1 個工作天）',
      '',
      '14 天內到期的回應期限（1）：',
      '第一案「舊議題 1」 — 確認主協辦｜主辦 交通部｜期限 2026年12月12日（六）（剩 1 天）',
      '',
      '逾期的協作案（1）：',
      '⚠️ 第二案「舊議題 2」 — 轉譯｜主辦 未定｜期限 2026年12月10日（四）（⚠️ 已逾期 1 個工作天）',
      '',
      '逾期的列管事項（1）：',
      '⚠️ 持續列管 #1 衛福部：交資料（期限 2026年12月9日（三），⚠️ 已逾期 2 個工作天）',
    ].join('\n'),
  );
});

test('the Monday digest covers exactly Monday to Sunday, marks withdrawn issues, and its counts match its lines', async () => {
  // Sunday 2026-12-06 23:59 Taipei: the week is still 11/23–11/29; a minute later it is 11/30–12/6.
  app = caseApp({}, { start: new Date('2026-11-29T15:59:00Z') });
  await propose(app, 2, 'alice', '上週議題');
  await say(app, 'alice', '/withdraw 2');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 lead 交通部');
  app.clock.set(new Date('2026-12-06T15:59:00Z'));
  await propose(app, 1, 'bob', '週日深夜的議題');
  app.clock.set(new Date('2026-12-06T16:00:00Z')); // Monday 00:00: this week's issues are not last week's
  await propose(app, 1, 'bob', '週一的議題');
  app.clock.set(new Date('2026-12-07T00:30:00Z')); // Monday 08:30
  const text = (await say(app, 'pdis', '/report')).text;
  expect(text.split('\n')[0]).toBe('📊 週報（2026年11月30日（一）–2026年12月6日（日））');
  expect(text).toContain('本週新議題（1）：\n#3 週日深夜的議題 1 — 0 票／0 部會\n');
  app.clock.set(new Date('2026-11-30T01:00:00Z'));
  const before = (await say(app, 'pdis', '/report')).text;
  expect(before.split('\n')[0]).toBe('📊 週報（2026年11月23日（一）–2026年11月29日（日））');
  expect(before).toContain('本週新議題（2）：\n#2 上週議題 2 — 0 票／0 部會（已撤回）\n#1 上週議題 1 — 0 票／0 部會（已成案：第一案）\n');
  // Every section's count is the number of its lines.
  for (const section of before.split('\n\n').slice(1)) {
    const [head, ...lines] = section.split('\n');
    const n = Number(/（(?:共 )?(?:進行中與本週結案，共 )?(\d+)(?: 案)?）：$/.exec(head!)?.[1] ?? NaN);
    if (head!.startsWith('支持度最高')) continue; // "前 5" is a limit, not a count
    const items = lines.filter((l) => l !== '（無）' && !/^\S+（\d+）：$/.test(l));
    expect([head, items.length]).toEqual([head, n]);
  }
  expect(before).toContain('協作案進度（進行中與本週結案，共 1 案）：\n確認主協辦（1）：\n・第一案「上週議題 1」 — 確認主協辦｜主辦 交通部');
});

test('an empty network still gets a readable digest', async () => {
  app = caseApp();
  const text = (await say(app, 'alice', '/report')).text;
  expect(text.split('\n').filter((l) => l === '（無）')).toHaveLength(6);
});
