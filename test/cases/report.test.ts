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
      '📊 週報（2026年12月4日（五）–2026年12月11日（五））',
      '',
      '本週新議題（2）：',
      '#5 新議題 2 — 2 票／2 部會',
      '#4 新議題 1 — 0 票／0 部會',
      '',
      '支持度最高的開放議題（前 5）：',
      '#5 新議題 2 — 2 票／2 部會',
      '#3 舊議題 3 — 1 票／1 部會',
      '',
      '協作案進度（共 2 案）：',
      '確認主協辦（1）：第一案',
      '轉譯（1）：第二案',
      '',
      '14 天內到期的回應期限（1）：',
      '第一案「舊議題 1」 — 確認主協辦｜主辦 交通部｜期限 2026年12月12日（六）（剩 1 天）',
      '',
      '逾期的協作案（1）：',
      '⚠️ 第二案「舊議題 2」 — 轉譯｜主辦 未定｜期限 2026年12月10日（四）（⚠️ 已逾期 1 天）',
      '',
      '逾期的列管事項（1）：',
      '⚠️ 持續列管 #1 衛福部：交資料（期限 2026年12月9日（三），⚠️ 已逾期 2 天）',
    ].join('\n'),
  );
});

test('an empty network still gets a readable digest', async () => {
  app = caseApp();
  const text = (await say(app, 'alice', '/report')).text;
  expect(text.split('\n').filter((l) => l === '（無）')).toHaveLength(6);
});
