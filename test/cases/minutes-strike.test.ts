import { XMLParser } from 'fast-xml-parser';
import { say, snapshot } from './helpers';
import { startSite, type WebSite } from '../web/support';
import { RecordingLogger } from '../support/recording-logger';

// Issue #27, item 3: a 決議 line recorded by mistake can be struck by a facilitator. It stays in
// the record's history and leaves the published minutes, the files, the web page and the feed.

let s: WebSite;
afterEach(() => s?.close());
const DEC7 = new Date('2026-12-07T14:00:00+08:00');

const struckRows = () => (s.app.db.$client.prepare('select count(*) as n from minutes_lines where struck_at is not null').get() as { n: number }).n;

async function file(kind: 'md' | 'xml'): Promise<string> {
  const answer = await s.app.bot.dispatch({ kind: 'command', name: 'minutes', args: `1 ${kind}`, actor: { platform: 'console', id: 'amy', name: 'amy' }, chat: 'console:main' });
  return answer!.message.file!.content;
}

/** Meeting #1: a line, a decision with the wrong date (line 2), then the right one (line 3). */
async function meeting(): Promise<void> {
  await say(s.app, 'pdis', '/startmeeting 12月協作會議');
  await say(s.app, 'amy', '交通部的資料下週提供');
  await say(s.app, 'pdis', '/decision 4/20 召開會前會');
  await say(s.app, 'pdis', '/decision 2026/3/20 召開會前會');
  await say(s.app, 'pdis', '/endmeeting');
}

test('a struck decision leaves the minutes, both files, the web page and the feed; the history keeps it; it is logged', async () => {
  s = await startSite({}, { start: DEC7 });
  await meeting();
  expect(await file('md')).toContain('4/20 召開會前會');

  const r = await say(s.app, 'pdis', '/minutes strike 1 2 日期誤植，已更正為 3/20');
  expect(r.text).toContain('已刪去會議 #1 第 2 行「4/20 召開會前會」');

  const md = await file('md');
  expect(md).not.toContain('4/20');
  expect(md).toContain('1. 2026/3/20 召開會前會');
  const xml = new XMLParser({ ignoreAttributes: false }).parse(await file('xml'));
  const said = (xml.akomaNtoso.debate.debateBody.debateSection.speech as { p: string }[]).map((x) => x.p);
  expect(said).toEqual(['交通部的資料下週提供', '決議：2026/3/20 召開會前會']);

  const page = await (await s.get('/meetings/1')).text();
  expect(page).toContain('2026/3/20 召開會前會');
  expect(page).not.toContain('4/20 召開會前會');
  expect(await (await s.get('/meetings/1/minutes.an.xml')).text()).not.toContain('4/20');
  expect(await (await s.get('/feed.atom')).text()).not.toContain('4/20');

  // Kept in the record with who struck it and why; line numbers do not move.
  const row = s.app.db.$client.prepare("select text, struck_reason as reason from minutes_lines where struck_at is not null").get();
  expect(row).toEqual({ text: '4/20 召開會前會', reason: '日期誤植，已更正為 3/20' });
  expect((await say(s.app, 'pdis', '/minutes strike 1 3 x')).text).toContain('已刪去會議 #1 第 3 行「2026/3/20 召開會前會」');
});

test('a struck /decision about a case is marked 更正 in its timeline, kept; a struck setting leaves the minutes only', async () => {
  s = await startSite({}, { start: DEC7 });
  await say(s.app, 'amy', '/propose 公車路線整併');
  await say(s.app, 'pdis', '/select 1');
  await say(s.app, 'pdis', '/startmeeting');
  await say(s.app, 'pdis', '/topic 第一案');
  await say(s.app, 'pdis', '/decision 交通部於 4/20 前回覆');
  await say(s.app, 'pdis', '/case 1 deadline 2026/12/31');
  await say(s.app, 'pdis', '/endmeeting');
  await say(s.app, 'pdis', '/minutes strike 1 2 日期誤植');
  await say(s.app, 'pdis', '/minutes strike 1 3 期限另議');
  const detail = (await say(s.app, 'pdis', '/case 1')).text;
  expect(detail).toContain('pdis：〔更正〕會議 #1 決議：交通部於 4/20 前回覆');
  expect(detail).toContain('pdis：回應期限訂為 2026年12月31日');
  expect(detail).toContain('pdis：由議題 #1 選為協作案');
  expect(await file('md')).not.toMatch(/4\/20|12月31日/);
});

test('the strike is logged with who, which line and why', async () => {
  const logger = new RecordingLogger();
  s = await startSite({}, { start: DEC7, logger });
  await meeting();
  await say(s.app, 'pdis', '/minutes strike #1 2 日期誤植');
  expect(logger.at('info').find((e) => e.msg === 'minutes line struck')?.obj).toMatchObject({ meeting: 1, line: 2, reason: '日期誤植' });
});

test('bad input: not a facilitator, no such line or meeting, no reason, already struck — a clear answer, nothing changed', async () => {
  s = await startSite({}, { start: DEC7 });
  await meeting();
  await say(s.app, 'pdis', '/minutes strike 1 2 日期誤植');
  const before = { ...snapshot(s.app), struck: struckRows() };
  const cases: [string, string, string][] = [
    ['amy', '/minutes strike 1 3 我不同意', '只有主持人'],
    ['pdis', '/minutes strike 1 9 x', '會議 #1 的紀錄沒有第 9 行（共 3 行）'],
    ['pdis', '/minutes strike 1 0 x', '沒有第 0 行'],
    ['pdis', '/minutes strike 7 1 x', '會議 #7 沒有會議紀錄'],
    ['pdis', '/minutes strike 1 3', '用法：/minutes strike'],
    ['pdis', '/minutes strike 1', '用法：/minutes strike'],
    ['pdis', '/minutes strike x 1 y', '用法：/minutes strike'],
    ['pdis', '/minutes strike 1 2 again', '第 2 行已經刪去了'],
    ['pdis', `/minutes strike 1 3 ${'長'.repeat(501)}`, '500'],
  ];
  for (const [who, line, answer] of cases) expect((await say(s.app, who, line)).text).toContain(answer);
  expect({ ...snapshot(s.app), struck: struckRows() }).toEqual(before);
});

test('en: the strike in English', async () => {
  s = await startSite({ locale: 'en' }, { start: DEC7 });
  await meeting();
  expect((await say(s.app, 'pdis', '/minutes strike 1 2 wrong date')).text).toContain('Struck line 2 of meeting #1');
  expect((await say(s.app, 'pdis', '/minutes strike 1 30 x')).text).toContain("Meeting #1's record has no line 30 (it has 3 lines).");
});
