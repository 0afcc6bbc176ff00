import { XMLParser } from 'fast-xml-parser';
import type { TestApp } from '../support/app';
import { caseApp, postTexts, propose, say, snapshot } from './helpers';

// Issue #13, deliverables 4 and 6: the minutes carry what the meeting decided by command, and a
// case is closed, flagged and linked the way the network runs it.

let app: TestApp;
afterEach(() => app?.cleanup());

async function file(line: string): Promise<string> {
  const answer = await app.bot.dispatch({ kind: 'command', name: 'minutes', args: line, actor: { platform: 'console', id: 'pdis', name: 'pdis' }, chat: 'console:main' });
  return answer!.message.file!.content;
}

test('/select and /case changes made while recording are 決議 lines, /action a 列管 line: summary, Markdown and SayIt file', async () => {
  app = caseApp();
  await propose(app, 2, 'alice', '議題');
  await say(app, 'pdis', '/startmeeting PO 月會');
  await say(app, 'pdis', '/select 2 1');
  await say(app, 'pdis', '/case 1 lead 交通部 co 內政部');
  await say(app, 'pdis', '/case 1 deadline 2027-01-30');
  await say(app, 'pdis', '/case 2 passed 11/20');
  await say(app, 'pdis', '/case 1 stage 轉譯');
  await say(app, 'pdis', '/action 第1案 交通部 提出路線盤點 due 12/15');
  await say(app, 'pdis', '/case 2 close');
  await say(app, 'amy', '大家好');
  await say(app, 'pdis', '/endmeeting');
  const decisions = [
    '議題 #2「議題 2」選為第一案',
    '議題 #1「議題 1」選為第二案',
    '第一案主辦 交通部；協辦 內政部',
    '第一案回應期限訂為 2027年1月30日（六）',
    '第二案的 Join 連署於 2026年11月20日（五） 通過，回應期限 2027年1月19日（二）',
    '第一案進入「轉譯」階段',
    '第二案結案',
  ];
  const summary = postTexts(app).at(-1)!;
  expect(summary).toContain('決議（7）：\n' + decisions.map((d, i) => `${i + 1}. ${d}`).join('\n'));
  expect(summary).toContain('列管事項（1）：\n交通部：#1 提出路線盤點（期限 2026年12月15日（二））');

  const md = await file('md');
  // What people typed is Markdown-escaped (# → \#).
  expect(md).toContain('## 決議\n\n' + decisions.map((d, i) => `${i + 1}. ${d.replace(/#/g, '\\#')}`).join('\n'));
  expect(md).toContain('決議：第一案主辦 交通部；協辦 內政部');
  expect(md).toContain('列管 \\#1（交通部，期限 2026年12月15日（二））：提出路線盤點');

  const xml = new XMLParser({ ignoreAttributes: false }).parse(await file('xml'));
  const speeches = xml.akomaNtoso.debate.debateBody.debateSection.speech as { p: string }[];
  const said = speeches.map((s) => s.p);
  for (const d of decisions) expect(said).toContain(`決議：${d}`);
  expect(said).toContain('列管 #1（交通部，期限 2026年12月15日（二））：提出路線盤點');
  expect(said).toContain('大家好');
});

test('outside a recorded meeting the same commands write no minutes', async () => {
  app = caseApp();
  await propose(app, 1);
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 lead 交通部');
  expect(app.db.$client.prepare('select count(*) as n from minutes_lines').get()).toEqual({ n: 0 });
});

test('closing a case with open 列管 is refused, naming them; force closes it and records which were left open', async () => {
  app = caseApp();
  await propose(app, 1);
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/action 第1案 交通部 提出路線盤點');
  await say(app, 'pdis', '/action 第1案 內政部 補充資料');
  await say(app, 'pdis', '/done 2');
  const before = snapshot(app);
  for (const line of ['/case 1 close', '/case 1 stage 結案', '/case 1 stage 8']) {
    expect(await say(app, 'pdis', line)).toMatchObject({
      text: '第一案還有 1 項列管未解除（#1），沒有結案。請先以 /done 解除；確定要結案請輸入 /case 1 close force（會記下哪些列管仍未解除）。',
      private: true,
    });
  }
  expect(snapshot(app)).toEqual(before);
  expect((await say(app, 'pdis', '/case 1 close now')).text).toContain('用法：/case <案號> close [force]');
  expect((await say(app, 'pdis', '/case 1 close force')).text).toBe('第一案：階段由「確認主協辦」改為「結案」。\n結案時仍未解除的列管：#1（已記入時間軸）。');
  expect((await say(app, 'anyone', '/case 1')).text).toContain('pdis：結案，仍有列管未解除：#1');
  expect((await say(app, 'pdis', '/case 1 close')).text).toBe('第一案已經結案。');
});

test('petition accepts only a join.gov.tw proposal link', async () => {
  app = caseApp();
  await propose(app, 1);
  await say(app, 'pdis', '/select 1');
  for (const bad of ['https://example.com/x', 'http://join.gov.tw/idea/detail/abc', 'https://join.gov.tw/policies/detail/abc', 'https://join.gov.tw.evil.example/idea/detail/abc', 'https://join.gov.tw/idea/detail/']) {
    expect(await say(app, 'pdis', `/case 1 petition ${bad}`)).toMatchObject({ text: expect.stringContaining('須是 Join 提案頁'), private: true });
  }
  expect(app.store.cases.byNumber(1)!.petitionUrl).toBeNull();
  const ok = 'https://join.gov.tw/idea/detail/5f1e6a2c-0b7d-4c1e-9a55-3f0c2d8e7b11';
  expect((await say(app, 'pdis', `/case 1 petition ${ok}`)).text).toBe(`已更新第一案的 Join 連署：${ok}`);
});
