import type { TestApp } from '../support/app';
import { caseApp, count, postTexts, propose, say, snapshot } from './helpers';

let app: TestApp;
afterEach(() => app.cleanup());

async function oneCase(config: Record<string, unknown> = {}): Promise<void> {
  app = caseApp(config);
  await say(app, 'alice', '/iam 交通部');
  await say(app, 'bob', '/iam 衛福部');
  await propose(app, 1, 'alice', '路口安全');
  await say(app, 'pdis', '/select 1');
}

test('/case N shows lead, co-agencies, stage, petition and deadline, items, meetings and a dated timeline', async () => {
  await oneCase();
  await say(app, 'pdis', '/case 1 lead 交通部 co 衛福部、經濟部');
  app.clock.advance(3_600_000);
  await say(app, 'pdis', '/case 第一案 stage 轉譯');
  await say(app, 'pdis', '/case 1 petition https://join.gov.tw/idea/detail/abc');
  await say(app, 'pdis', '/case 1 passed 2026-11-20');
  await say(app, 'pdis', '/case 1 note 已與提案人聯繫\n下週回覆');
  await say(app, 'pdis', '/action 第一案 交通部 提供資料 due 12/20');
  await say(app, 'pdis', '/action case 1 衛福部 回覆');
  await say(app, 'bob', '/done 2 已回覆');
  const out = await say(app, 'bob', '/case 1');
  expect(out.private).toBe(false);
  expect(out.text).toBe(
    [
      '第一案「路口安全 1」（議題 #1）',
      '階段：轉譯（4/8）',
      '主辦：交通部',
      '協辦：經濟部、衛福部',
      'Join 連署：https://join.gov.tw/idea/detail/abc',
      '連署通過：2026年11月20日（五）',
      '回應期限：2027年1月19日（二）（2027 年辦公日曆尚未公布，上班日為推算）（剩 49 天）',
      // Selected on 12/1, after the 7-day notice was due: nobody recorded when it was published.
      // Moved to 轉譯 that day: past 聯繫提案人, so that one counts as met then.
      'Join 期程：',
      '回應期程公告：2026年11月27日（五） 前（7 日）— 未記錄（成案前的事，沒有紀錄）',
      '聯繫提案人：2026年12月10日（四） 前（14 個工作天）— 如期（2026年12月1日（二））',
      '正式回應：2027年1月19日（二） 前（60 日）— 未完成，剩 49 天',
      '列管事項（持續 1、解除 1）：',
      '持續列管 #1 交通部：提供資料（期限 2026年12月20日（日），剩 19 天）',
      '解除列管 #2 衛福部：回覆（2026年12月1日（二） 解除：已回覆）',
      '時間軸：',
      '2026年12月1日（二）10:00 pdis：由議題 #1 選為協作案',
      '2026年12月1日（二）10:00 pdis：主辦 交通部；協辦 衛福部、經濟部',
      '2026年12月1日（二）11:00 pdis：階段「確認主協辦」→「轉譯」',
      '2026年12月1日（二）11:00 pdis：Join 連署：https://join.gov.tw/idea/detail/abc',
      '2026年12月1日（二）11:00 pdis：Join 連署於 2026年11月20日（五） 通過，回應期限 2027年1月19日（二）',
      '2026年12月1日（二）11:00 pdis：備註：已與提案人聯繫\n下週回覆',
      '2026年12月1日（二）11:00 pdis：列管 #1：提供資料',
      '2026年12月1日（二）11:00 pdis：列管 #2：回覆',
      '2026年12月1日（二）11:00 bob：解除列管 #2：已回覆',
    ].join('\n'),
  );
  // The petition link is a link span, not text the platform could misread.
  expect(out.answer!.message.text).toContainEqual({ link: 'https://join.gov.tw/idea/detail/abc', text: 'https://join.gov.tw/idea/detail/abc' });
});

test('naming the lead pings its POs once; re-saving the same lead does not', async () => {
  await oneCase();
  const first = await say(app, 'pdis', '/case 1 lead 交通部');
  expect(first.text).toBe('已更新第一案：主辦 交通部；協辦 （無）。\n@alice 貴部會是第一案的主辦部會，請協助聯繫與回應。');
  expect(first.answer!.message.text).toContainEqual({ mention: { platform: 'console', id: 'alice', name: 'alice' } });
  const again = await say(app, 'pdis', '/case 1 lead 交通部 co 衛福部');
  expect(again.text).toBe('已更新第一案：主辦 交通部；協辦 衛福部。');
  // The lead is never also a co-agency.
  await say(app, 'pdis', '/case 1 co 交通部 經濟部');
  expect(app.store.cases.byNumber(1)!.coAgencyIds.map((id) => app.bot.services.people.agencies.name(id))).toEqual(['經濟部']);
  await say(app, 'pdis', '/case 1 co none');
  expect(app.store.cases.byNumber(1)!.coAgencyIds).toEqual([]);
});

test.each([
  ['/case', '用法：/case <案號> 查看協作案'],
  ['/case abc', '請提供數字編號'],
  ['/case 9', '找不到第九案。輸入 /cases 查看協作案清單。'],
  ['/case 1 owner 交通部', '不認得「owner」。'],
  ['/case 1 lead', '用法：/case <案號> lead'],
  ['/case 1 lead 交通部 衛福部', '主辦部會只能有一個。'],
  ['/case 1 lead 交通 co 衛福部', '找不到部會「交通」。您是不是要找：交通部？'],
  ['/case 1 stage 發呆', '不認得階段「發呆」。可用的階段：\n1. 確認主協辦 (lead)\n2. 回應期程公告 (schedule)'],
  ['/case 1 deadline', '用法：/case <案號> deadline'],
  ['/case 1 deadline 2026-02-30', '看不懂日期「2026-02-30」'],
  ['/case 1 deadline next month', '看不懂日期「next month」'],
  ['/case 1 passed 2027-01-01', '連署通過日期（2027年1月1日（五））不能在未來。'],
  ['/case 1 note', '用法：/case <案號> note'],
  ['/case 1 note <!channel> 大家看', '全體提及'],
  ['/case 1 petition javascript:alert(1)', '用法：/case <案號> petition'],
])('%s is answered clearly and changes nothing', async (line, expected) => {
  await oneCase();
  const before = snapshot(app);
  const out = await say(app, 'pdis', line);
  expect(out.text).toContain(expected);
  expect(out.private).toBe(true);
  expect(snapshot(app)).toEqual(before);
});

test('stages are configurable and matched by id, label or position', async () => {
  await oneCase({ cases: { stages: [{ id: 'new', 'zh-TW': '新案', en: 'New' }, { id: 'work', 'zh-TW': '處理中', en: 'Working' }, { id: 'done', 'zh-TW': '完成', en: 'Done' }] } });
  expect(app.store.cases.byNumber(1)!.stage).toBe('new');
  expect((await say(app, 'pdis', '/case 1 stage 2')).text).toBe('第一案：階段由「新案」改為「處理中」。');
  expect((await say(app, 'pdis', '/case 1 stage WORK')).text).toBe('第一案已經在「處理中」階段。');
  await say(app, 'pdis', '/case 1 stage 完成');
  expect((await say(app, 'bob', '/cases')).text).toBe('目前沒有進行中的協作案（已結案的見 /cases all）。');
  expect((await say(app, 'bob', '/cases all')).text).toContain('第一案「路口安全 1」 — 完成');
  expect((await say(app, 'bob', '/cases 完成')).text).toContain('「完成」階段的協作案：');
});

test('/cases lists by number with stage, lead and deadline', async () => {
  await oneCase();
  await propose(app, 2, 'bob', '長照');
  await say(app, 'pdis', '/select 3 2');
  await say(app, 'pdis', '/case 2 lead 衛福部');
  await say(app, 'pdis', '/case 2 deadline 12/31');
  expect((await say(app, 'alice', '/cases')).text).toBe(
    [
      '進行中的協作案：',
      '第一案「路口安全 1」 — 確認主協辦｜主辦 未定',
      '第二案「長照 2」 — 確認主協辦｜主辦 衛福部｜期限 2026年12月31日（四）（剩 30 天）',
      '第三案「長照 1」 — 確認主協辦｜主辦 未定',
      '共 3 案。',
    ].join('\n'),
  );
  expect((await say(app, 'alice', '/cases 轉譯')).text).toBe('沒有在「轉譯」階段的協作案。/cases 列出進行中的協作案。');
  expect((await say(app, 'alice', '/cases 發呆')).text).toContain('不認得階段');
});

test('/action parses owner, case and due date, and refuses what it cannot understand', async () => {
  await oneCase();
  await say(app, 'carol', 'hi');
  const made = await say(app, 'pdis', '/action @carol 聯繫提案人 期限 12月10日');
  expect(made.text).toBe('📌 列管 #1　carol：聯繫提案人（期限 2026年12月10日（四））\n@carol\n完成後請輸入 /done 1 [說明] 解除列管。');
  expect(app.store.actions.get(1)).toMatchObject({ ownerUserId: expect.any(Number), ownerAgencyId: null, due: '2026-12-10', caseId: null, meetingId: null });
  // Due dates take the words /meet takes: on Tuesday 12/1, 下週五 is the Friday of next week.
  expect((await say(app, 'pdis', '/action 交通部 彙整意見 due 下週五')).text).toContain('期限 2026年12月11日（五）');
  expect((await say(app, 'pdis', '/action 交通部 回電 期限 後天')).text).toContain('期限 2026年12月3日（四）');
  const before = count(app, 'action_items');
  for (const [line, expected] of [
    ['/action', '用法：/action'],
    ['/action 交通部', '請寫出列管事項的內容。'],
    ['/action 交通部 due 12/4', '請寫出列管事項的內容。'],
    ['/action 火星部 探勘', '找不到負責部會或人員「火星部」'],
    ['/action @nobody 探勘', '找不到負責部會或人員「nobody」'],
    ['/action 交通部 做事 due 13/45', '看不懂日期「13/45」'],
    ['/action 第九案 交通部 做事', '找不到第九案'],
    ['/action 交通部 <b>做事</b>', 'HTML 標籤'],
  ]) {
    const out = await say(app, 'pdis', line!);
    expect(out.text).toContain(expected);
    expect(out.private).toBe(true);
  }
  expect(count(app, 'action_items')).toBe(before);
  expect((await say(app, 'alice', '/done 9')).text).toBe('找不到列管事項 #9。輸入 /actions 查看清單。');
  expect((await say(app, 'alice', '/done x')).text).toContain('請提供數字編號');
});

test('/actions lists open items, mine, by agency, or all', async () => {
  await oneCase();
  await say(app, 'pdis', '/action 交通部 一');
  await say(app, 'pdis', '/action 衛福部 二');
  await say(app, 'bob', '/done 2');
  expect((await say(app, 'alice', '/actions')).text).toBe('列管事項（1 項）：\n持續列管 #1 交通部：一（未定期限）');
  expect((await say(app, 'alice', '/actions mine')).text).toContain('#1 交通部');
  expect((await say(app, 'bob', '/actions mine')).text).toBe('沒有您或您部會持續列管的事項。');
  expect((await say(app, 'bob', '/actions all')).text).toContain('解除列管 #2 衛福部：二');
  expect((await say(app, 'bob', '/actions 交通部')).text).toContain('#1');
  expect((await say(app, 'bob', '/actions 火星')).text).toBe('用法：/actions [all|mine|overdue|<部會>] [頁碼]');
});

test('English when configured', async () => {
  await oneCase({ locale: 'en' });
  expect(postTexts(app).at(-1)).toContain('Case 1 "路口安全 1" (issue #1)');
  await say(app, 'pdis', '/case 1 lead 交通部');
  await say(app, 'pdis', '/case 1 deadline 2026-12-11');
  expect((await say(app, 'bob', '/cases')).text).toBe('Open cases:\nCase 1 "路口安全 1" - Confirm lead and co-agencies | lead Ministry of Transportation and Communications | due Fri 11 Dec 2026 (10 days left)\n1 case.');
  expect((await say(app, 'bob', '/select 1')).text).toBe('Only a facilitator (PDIS) can do this.');
});
