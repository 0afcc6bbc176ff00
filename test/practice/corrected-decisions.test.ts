import { XMLParser } from 'fast-xml-parser';
import type { TestApp } from '../support/app';
import { caseApp, postTexts, say, snapshot } from '../cases/helpers';

// Issue #25, item 1: a setting overridden within the same meeting is one decision (its final
// value) in the minutes; the timeline keeps both, the earlier marked 更正. A yearless passed date
// whose latest occurrence is more than 300 days ago asks for the year instead of guessing.

let app: TestApp;
afterEach(() => app?.cleanup());
const MAR27 = new Date('2026-03-27T14:00:00+08:00');

async function file(kind: 'md' | 'xml'): Promise<string> {
  const answer = await app.bot.dispatch({ kind: 'command', name: 'minutes', args: kind, actor: { platform: 'console', id: 'pdis', name: 'pdis' }, chat: 'console:main' });
  return answer!.message.file!.content;
}

test('a passed date corrected in the same meeting is one 決議 line, the final one; the timeline marks the earlier 更正', async () => {
  app = caseApp({}, { start: MAR27 });
  await say(app, 'amy', '/propose 公車路線整併');
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 passed 3/2');
  await say(app, 'pdis', '/case 1 lead 交通部');
  await say(app, 'pdis', '/case 1 lead 內政部 co 交通部');
  await say(app, 'pdis', '/case 1 passed 2026/3/20');
  await say(app, 'pdis', '/endmeeting');
  const summary = postTexts(app).at(-1)!;
  expect(summary).toContain(
    // In the order the final values were decided.
    '決議（3）：\n1. 議題 #1「公車路線整併」選為第一案\n2. 第一案主辦 內政部；協辦 交通部\n3. 第一案的 Join 連署於 2026年3月20日（五） 通過，回應期限 2026年5月19日（二）',
  );
  expect(summary).not.toContain('3月2日');
  const md = await file('md');
  expect(md).not.toContain('3月2日');
  expect(md).toContain('決議：第一案的 Join 連署於 2026年3月20日（五） 通過');
  const xml = new XMLParser({ ignoreAttributes: false }).parse(await file('xml'));
  const said = (xml.akomaNtoso.debate.debateBody.debateSection.speech as { p: string }[]).map((s) => s.p);
  expect(said.filter((p) => p.startsWith('決議：'))).toHaveLength(3);
  expect(said.join('\n')).not.toContain('3月2日');

  const detail = (await say(app, 'pdis', '/case 1')).text;
  expect(detail).toContain('〔更正〕Join 連署於 2026年3月2日（一） 通過');
  expect(detail).toMatch(/(?<!〔更正〕)Join 連署於 2026年3月20日（五） 通過/);
  expect(detail).toContain('〔更正〕主辦 交通部；協辦 （無）');
  expect(detail).toMatch(/(?<!〔更正〕)主辦 內政部；協辦 交通部/);
});

test('a setting from an earlier meeting changed in a later one is a decision of each, nothing marked', async () => {
  app = caseApp({}, { start: MAR27 });
  await say(app, 'amy', '/propose 公車路線整併');
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'pdis', '/select 1');
  await say(app, 'pdis', '/case 1 deadline 5/20');
  await say(app, 'pdis', '/endmeeting');
  await say(app, 'pdis', '/startmeeting');
  await say(app, 'pdis', '/case 1 deadline 5/29');
  await say(app, 'pdis', '/endmeeting');
  expect(postTexts(app).at(-1)!).toContain('決議（1）：\n1. 第一案回應期限訂為 2026年5月29日（五）');
  expect((await say(app, 'pdis', '/case 1')).text).not.toContain('更正');
});

test('a yearless passed date more than 300 days back asks for the year and changes nothing', async () => {
  app = caseApp({}, { start: MAR27 });
  await say(app, 'amy', '/propose 公車路線整併');
  await say(app, 'pdis', '/select 1');
  const before = snapshot(app);
  const r = await say(app, 'pdis', '/case 1 passed 4/20');
  expect(r.text).toContain('「4/20」最近一次是 2025年4月20日（日），已是 341 天前');
  expect(r.text).toContain('請寫出年份');
  expect(snapshot(app)).toEqual(before);
  // Written with its year, the same day is taken; a recent yearless day still is.
  expect((await say(app, 'pdis', '/case 1 passed 2025/4/20')).text).toContain('2025年4月20日');
  expect((await say(app, 'pdis', '/case 1 passed 3/20')).text).toContain('已記錄第一案的 Join 連署於 2026年3月20日（五） 通過');
});

test('en: the year question in English', async () => {
  app = caseApp({ locale: 'en' }, { start: MAR27 });
  await say(app, 'amy', '/propose Bus routes');
  await say(app, 'pdis', '/select 1');
  expect((await say(app, 'pdis', '/case 1 passed 4/20')).text).toContain('"4/20" last fell on Sun 20 Apr 2025, 341 days ago');
});
