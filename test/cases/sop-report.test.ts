import { startSite, type WebSite } from '../web/support';
import { propose, say } from './helpers';
import { unguard } from '../../src/core/reports/csv';
import type { TestApp } from '../support/app';

// Issue 26 item 6: the SOP compliance report (/report sop, /sop, /export sop), checked against a
// scripted set of 12 cases whose outcomes are known (worked out by hand below). All pass Monday
// 2026-03-02 (case 10: 4/10): 公告 due 3/9, contact due 3/20 (14 working days), answer 60 days.
// Case 13 passed in 2025: outside the period.
//
// case  lead    公告 (3/9)            聯繫提案人 (3/20)        正式回應        extensions
//  1    交通部   3/5 on time (3)       3/18 on time (16)        4/10 on time (39)
//  2    交通部   3/9 on time (7)       3/24 late (22)           open
//  3    交通部   3/12 late (10)        missed, reason 3/25      open
//  4    交通部   missed, reason 3/12   missed, no reason        open
//  5    交通部   missed, no reason     missed, no reason        open            1
//  6    交通部   3/6 on time (4)       3/20 on time (18)        open            2
//  7    衛福部   3/6 on time (4)       3/6 on time (4)          3/6 on time (4)
//  8    衛福部   3/9 on time (7)       3/23 late (21)           open
//  9    衛福部   missed, reason 3/25   missed, reason 3/25      open
// 10    衛福部   open (passed 4/10)    open                     open
// 11    —       3/9 on time (7)       missed, no reason        open
// 12    —       4/14 late (43)        4/14 late (43)           4/14 on time (43)

let site: WebSite;
let app: TestApp;
afterEach(async () => site?.close());

const at = (day: string) => app.clock.set(new Date(`${day}T02:00:00Z`));

async function script(publicCases: boolean): Promise<void> {
  site = await startSite({ web: { public: publicCases ? ['cases'] : [] } }, { start: new Date('2026-03-02T02:00:00Z') });
  app = site.app;
  await say(app, 'tpo', '/iam 交通部');
  await say(app, 'hpo', '/iam 衛福部');
  await propose(app, 13, 'alice', '議題');
  const leads: Record<number, string> = { 1: '交通部', 2: '交通部', 3: '交通部', 4: '交通部', 5: '交通部', 6: '交通部', 7: '衛福部', 8: '衛福部', 9: '衛福部', 10: '衛福部', 13: '交通部' };
  for (let n = 1; n <= 13; n++) {
    await say(app, 'pdis', `/select ${n}`);
    if (leads[n]) await say(app, 'pdis', `/case ${n} lead ${leads[n]}`);
    if (n !== 10) await say(app, 'pdis', `/case ${n} passed ${n === 13 ? '2025-12-01' : '2026-03-02'}`);
  }
  const steps: [string, string, string][] = [
    ['2026-03-05', 'pdis', '/case 1 stage schedule'],
    ['2026-03-06', 'pdis', '/case 6 stage schedule'],
    ['2026-03-06', 'pdis', '/case 7 stage response'],
    ['2026-03-09', 'pdis', '/case 2 stage schedule'],
    ['2026-03-09', 'pdis', '/case 8 stage schedule'],
    ['2026-03-09', 'pdis', '/case 11 stage schedule'],
    ['2026-03-12', 'pdis', '/case 3 stage schedule'],
    ['2026-03-12', 'tpo', '/case 4 reason 首長出國未及核定'],
    ['2026-03-18', 'pdis', '/case 1 stage proposer'],
    ['2026-03-20', 'pdis', '/case 6 stage proposer'],
    ['2026-03-23', 'pdis', '/case 8 stage proposer'],
    ['2026-03-24', 'pdis', '/case 2 stage proposer'],
    ['2026-03-25', 'tpo', '/case 3 reason 提案人聯絡資料有誤'],
    ['2026-03-25', 'hpo', '/case 9 reason 承辦人異動'],
    ['2026-04-01', 'tpo', '/case 5 extend 2026-06-30 需跨部會協調 | 已召開會前會'],
    ['2026-04-01', 'tpo', '/case 6 extend 2026-06-15 待預算 | 初稿完成'],
    ['2026-04-10', 'pdis', '/case 1 stage response'],
    ['2026-04-10', 'tpo', '/case 6 extend 2026-06-30 預算延後'],
    ['2026-04-10', 'pdis', '/case 10 passed 2026-04-10'],
    ['2026-04-14', 'pdis', '/case 12 stage response'],
  ];
  for (const [day, who, line] of steps) {
    at(day);
    const r = await say(app, who, line);
    expect(r.private).toBe(false);
  }
  at('2026-04-15');
}

test('/report sop: the scripted 12 cases counted per milestone, in total and per lead agency', async () => {
  await script(false);
  const text = (await say(app, 'alice', '/report sop 2026-01-01 2026-04-15')).text;
  expect(text).toBe(
    [
      '📋 Join SOP 期程報告（2026年1月1日（四） 至 2026年4月15日（三） 通過連署的協作案）',
      '12 案：5 案未於 7 日內完成「回應期程公告」；8 案未於 14 個工作天內完成「聯繫提案人」；0 案未於 60 日內完成「正式回應」',
      '',
      '全部（12 案），展延 3 次（2 案）',
      '・回應期程公告（7 日）：如期 6、逾期 2、未完成有說明 2、未完成無說明 1、尚未到期 1；中位數 7 天',
      '・聯繫提案人（14 個工作天）：如期 3、逾期 3、未完成有說明 2、未完成無說明 3、尚未到期 1；中位數 19.5 天',
      '・正式回應（60 日）：如期 3、逾期 0、未完成有說明 0、未完成無說明 0、尚未到期 9；中位數 39 天',
      '',
      '交通部（6 案），展延 3 次（2 案）',
      '・回應期程公告（7 日）：如期 3、逾期 1、未完成有說明 1、未完成無說明 1；中位數 5.5 天',
      '・聯繫提案人（14 個工作天）：如期 2、逾期 1、未完成有說明 1、未完成無說明 2；中位數 18 天',
      '・正式回應（60 日）：如期 1、逾期 0、未完成有說明 0、未完成無說明 0、尚未到期 5；中位數 39 天',
      '',
      '衛福部（4 案）',
      '・回應期程公告（7 日）：如期 2、逾期 0、未完成有說明 1、未完成無說明 0、尚未到期 1；中位數 5.5 天',
      '・聯繫提案人（14 個工作天）：如期 1、逾期 1、未完成有說明 1、未完成無說明 0、尚未到期 1；中位數 12.5 天',
      '・正式回應（60 日）：如期 1、逾期 0、未完成有說明 0、未完成無說明 0、尚未到期 3；中位數 4 天',
      '',
      '（未指定主辦部會）（2 案）',
      '・回應期程公告（7 日）：如期 1、逾期 1、未完成有說明 0、未完成無說明 0；中位數 25 天',
      '・聯繫提案人（14 個工作天）：如期 0、逾期 1、未完成有說明 0、未完成無說明 1；中位數 43 天',
      '・正式回應（60 日）：如期 1、逾期 0、未完成有說明 0、未完成無說明 0、尚未到期 1；中位數 43 天',
    ].join('\n'),
  );
  // Without dates: every case passed up to today, case 13 (2025) included.
  expect((await say(app, 'alice', '/report sop')).text).toContain('2026年4月15日（三） 以前通過連署的協作案）\n13 案：');
  // A yearless date looks back (a report is about the past).
  expect((await say(app, 'alice', '/report sop 1/1')).text).toContain('2026年1月1日（四） 至 2026年4月15日（三）');
  expect((await say(app, 'alice', '/report sop 2027-01-01 2027-02-01')).text).toContain('這段期間沒有通過連署的協作案。');
});

test('bad periods are answered and nothing else happens', async () => {
  await script(false);
  expect(await say(app, 'alice', '/report sop 昨天的昨天')).toMatchObject({ private: true, text: '「昨天的昨天」不是日期。用法：/report sop [起日] [迄日]，例如 /report sop 2026-01-01 2026-07-31' });
  expect((await say(app, 'alice', '/report sop 2026-04-01 2026-03-01')).text).toBe('起日 2026年4月1日（三） 在迄日 2026年3月1日（日） 之後。');
  expect((await say(app, 'alice', '/report sop 2026-01-01 2026-02-01 2026-03-01')).text).toContain('用法：/report sop');
  expect((await say(app, 'alice', '/export sop 2026-04-01 2026-03-01')).text).toBe('起日 2026年4月1日（三） 在迄日 2026年3月1日（日） 之後。');
  expect((await site.get('/sop?from=2026-13-01')).status).toBe(403);
});

test('/export sop is the same table as CSV; /sop and /api/sop show it when cases are public', async () => {
  await script(true);
  const r = await say(app, 'alice', '/export sop 2026-01-01 2026-04-15');
  const csv = r.answer!.message.file!.content.replace(/^\uFEFF/, '').trim().split('\r\n');
  const head = csv[0]!.split(',');
  const rows = csv.slice(1).map((l) => Object.fromEntries(l.split(',').map((v, i) => [head[i], unguard(v)])));
  expect(rows).toHaveLength(12);
  expect(rows.map((x) => [x.agency, x.stage, x.on_time, x.late, x.missed_with_reason, x.missed_without_reason, x.open, x.median_days])).toEqual([
    ['全部', 'schedule', '6', '2', '2', '1', '1', '7'],
    ['全部', 'proposer', '3', '3', '2', '3', '1', '19.5'],
    ['全部', 'response', '3', '0', '0', '0', '9', '39'],
    ['交通部', 'schedule', '3', '1', '1', '1', '0', '5.5'],
    ['交通部', 'proposer', '2', '1', '1', '2', '0', '18'],
    ['交通部', 'response', '1', '0', '0', '0', '5', '39'],
    ['衛福部', 'schedule', '2', '0', '1', '0', '1', '5.5'],
    ['衛福部', 'proposer', '1', '1', '1', '0', '1', '12.5'],
    ['衛福部', 'response', '1', '0', '0', '0', '3', '4'],
    ['（未指定主辦部會）', 'schedule', '1', '1', '0', '0', '0', '25'],
    ['（未指定主辦部會）', 'proposer', '0', '1', '0', '1', '0', '43'],
    ['（未指定主辦部會）', 'response', '1', '0', '0', '0', '1', '43'],
  ]);
  expect(rows[0]).toMatchObject({ period_from: '2026-01-01', period_to: '2026-04-15', cases: '12', extensions: '3', extended_cases: '2' });

  const page = await site.get('/sop?from=2026-01-01&to=2026-04-15');
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('12 案：5 案未於 7 日內完成「回應期程公告」');
  expect(html).toContain('聯繫提案人（14 個工作天）：如期 3、逾期 3、未完成有說明 2、未完成無說明 3、尚未到期 1；中位數 19.5 天');
  const json = (await (await site.get('/api/sop?from=2026-01-01&to=2026-04-15')).json()) as { total: { cases: number; milestones: { stage: string; missedWithReason: number }[] }; agencies: { agency: string | null }[] };
  expect(json.total.cases).toBe(12);
  expect(json.total.milestones.map((m) => [m.stage, m.missedWithReason])).toEqual([['schedule', 2], ['proposer', 2], ['response', 0]]);
  expect(json.agencies.map((a) => a.agency)).toEqual(['交通部', '衛福部', null]);
  // Case 6's page and API keep its original deadline and say how many extensions (item 5).
  expect(await (await site.get('/cases/6')).text()).toContain('已展延至 2026年6月30日（二）（第 2 次展延）');
  expect(((await (await site.get('/api/cases/6')).json()) as { extension: unknown }).extension).toEqual({ originalDeadline: expect.stringMatching(/^2026-05-0\d$/), deadline: '2026-06-30', count: 2, progress: '初稿完成' });
  expect((await site.get('/sop?from=2026-04-01&to=2026-03-01')).status).toBe(400);
  expect((await site.get('/api/sop?from=x')).status).toBe(400);
});

test('/sop is for signed-in members when cases are not public', async () => {
  await script(false);
  expect((await site.get('/sop')).status).toBe(403);
  expect((await site.get('/api/sop')).status).toBe(403);
  const cookie = await site.signIn('alice');
  expect((await site.get('/sop', { cookie })).status).toBe(200);
});
