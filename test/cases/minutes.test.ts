import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { TestApp } from '../support/app';
import type { Actor } from '../../src/core/types';
import { caseApp, count, postTexts, propose, say } from './helpers';

let app: TestApp;
afterEach(() => app.cleanup());

// Three speakers whose names and lines carry markup, emoji, XML's special characters and newlines.
const chair: Actor = { platform: 'console', id: 'pdis', name: '主持人 "A&B" <PDIS>' };
const alice: Actor = { platform: 'console', id: 'alice', name: 'Alice 🌸' };
const obrien: Actor = { platform: 'console', id: 'obrien', name: "O'Brien" };

const LINES: [Actor, string][] = [
  [alice, '<b>粗體</b> & "雙引號" \'單引號\' 🎉'],
  [obrien, '第一行\n第二行 <!channel> @everyone\n\n第四行 ]]> &amp; <![CDATA[x]]>'],
  [alice, '*markdown* _x_ [link](http://example.com) `code`\n# not a heading\n- not a list\n1. not numbered'],
  [obrien, '  leading and trailing spaces  '],
  [alice, '<script>alert("x")</script> &lt;already escaped&gt; 12'],
];

interface Parsed {
  akomaNtoso: {
    debate: {
      meta: { references: { TLCPerson: { '@_href': string; '@_id': string; '@_showAs': string }[] } };
      debateBody: { debateSection: { heading: string; speech: { '@_by': string; '@_startTime': string; p: string[] }[] } };
    };
  };
}

function parse(xml: string): Parsed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    isArray: (name) => ['TLCPerson', 'speech', 'p'].includes(name),
  });
  return parser.parse(xml) as Parsed;
}

async function meeting(): Promise<void> {
  app = caseApp({ facilitators: ['console:pdis'], minutes: AT_ONCE });
  await say(app, alice, '/iam 交通部');
  await say(app, obrien, '/iam 衛福部');
  await propose(app, 1, 'alice', '路口安全');
  await say(app, chair, '/select 1');
  expect(postTexts(app).length).toBe(2);
  await say(app, chair, '/startmeeting 12月 PO 月會 & <測試>');
  app.clock.advance(60_000);
  await say(app, chair, '/topic 第一案 進度報告');
  for (const [who, text] of LINES) {
    app.clock.advance(60_000);
    await say(app, who, text);
  }
  await say(app, chair, '/action 交通部 提供 <事故> 資料 & 圖表 due 2026-12-04');
  await say(app, chair, '/decision 下週五召開協作會議\n由交通部主辦');
  await say(app, obrien, '/info 參考：https://join.gov.tw/idea/x');
}

/** Published as the meeting ends: these tests are about the record itself (the window: test/minutes/review-window.test.ts). */
const AT_ONCE = { reviewWorkingDays: 0 };

test('every message is recorded with speaker and time; /endmeeting posts decisions, items by agency and attendees', async () => {
  await meeting();
  app.clock.advance(30 * 60_000);
  expect((await say(app, chair, '/endmeeting')).text).toBe('');
  expect(postTexts(app).at(-1)).toBe(
    [
      '📝 會議 #1 紀錄結束：12月 PO 月會 & <測試>',
      '時間：2026年12月1日（二）10:00–10:36（共 9 則紀錄）',
      '決議（1）：',
      '1. 下週五召開協作會議\n由交通部主辦',
      '列管事項（1）：',
      '交通部：#1 提供 <事故> 資料 & 圖表（期限 2026年12月4日（五））',
      '出席（3）：主持人 "A&B" <PDIS>（主持人）、Alice 🌸（交通部）、O\'Brien（衛福部）',
      '會議紀錄檔：/minutes 1 md（Markdown）或 /minutes 1 xml（SayIt）',
    ].join('\n'),
  );
  // Speaker text reaches the platform only as plain spans (adapters escape them), never as markup.
  const summary = app.delivery.posts.at(-1)!.message.text;
  expect(summary).toContain('下週五召開協作會議\n由交通部主辦');
  const lines = app.store.minutes.lines(1);
  expect(lines.map((l) => [l.kind, l.speaker, l.text])).toEqual([
    ['topic', chair.name, '第一案 進度報告'],
    ...LINES.map(([who, text]) => ['message', who.name, text]),
    ['action', chair.name, '提供 <事故> 資料 & 圖表'],
    ['decision', chair.name, '下週五召開協作會議\n由交通部主辦'],
    ['info', obrien.name, '參考：https://join.gov.tw/idea/x'],
  ]);
  expect(lines[1]!.at.toISOString()).toBe('2026-12-01T02:02:00.000Z');
  // After the meeting, messages are no longer recorded.
  await say(app, alice, 'after the meeting');
  expect(count(app, 'minutes_lines')).toBe(lines.length);
});

test('the Akoma Ntoso export parses back element by element to exactly what was said', async () => {
  await meeting();
  await say(app, chair, '/endmeeting');
  const out = await say(app, alice, '/minutes 1 xml');
  expect(out.text).toBe('會議 #1「12月 PO 月會 & <測試>」的會議紀錄（Akoma Ntoso XML，可匯入 SayIt）。');
  const file = out.answer!.message.file!;
  expect(file).toMatchObject({ filename: 'minutes-1-20261201.an.xml', mime: 'application/xml' });
  const doc = parse(file.content).akomaNtoso.debate;

  const persons = doc.meta.references.TLCPerson;
  expect(persons.map((p) => p['@_showAs'])).toEqual([chair.name, alice.name, obrien.name]);
  // SayIt matches speakers by href: the stable platform id, never the display name (issue 15).
  expect(persons.map((p) => p['@_href'])).toEqual(['pdis', 'alice', 'obrien'].map((id) => `/ontology/person/console/${id}`));
  const ids = persons.map((p) => p['@_id']);
  expect(new Set(ids).size).toBe(3);
  for (const id of ids) expect(id).toMatch(/^[\p{L}_][\p{L}\p{N}\p{So}._-]*$/u);
  const nameOf = new Map(persons.map((p) => [`#${p['@_id']}`, p['@_showAs']]));

  const section = doc.debateBody.debateSection;
  expect(section.heading).toBe('2026-12-01 12月 PO 月會 & <測試>');
  const expected: [string, string][] = [
    [chair.name, '議題：第一案 進度報告'],
    ...LINES.map(([who, text]): [string, string] => [who.name, text]),
    [chair.name, '列管 #1（交通部，期限 2026年12月4日（五））：提供 <事故> 資料 & 圖表'],
    [chair.name, '決議：下週五召開協作會議\n由交通部主辦'],
    [obrien.name, '資訊：參考：https://join.gov.tw/idea/x'],
  ];
  expect(section.speech).toHaveLength(expected.length);
  section.speech.forEach((s, i) => {
    const [speaker, text] = expected[i]!;
    expect(nameOf.get(s['@_by'])).toBe(speaker);
    expect(s.p).toEqual(text.split('\n').filter((l) => l.trim() !== ''));
    expect(s['@_startTime']).toMatch(/^2026-12-01T10:\d\d:00\+08:00$/);
  });
  expect(section.speech[1]!['@_startTime']).toBe('2026-12-01T10:02:00+08:00');
  // Nothing a speaker typed survives as markup in the file.
  expect(file.content).not.toMatch(/<b>|<script>|<!channel>|<!\[CDATA|\]\]>/);
});

test('the Markdown export escapes markup and keeps every line', async () => {
  await meeting();
  await say(app, chair, '/endmeeting');
  const md = (await say(app, alice, '/minutes 1 md')).answer!.message.file!;
  expect(md).toMatchObject({ filename: 'minutes-1-20261201.md', mime: 'text/markdown; charset=utf-8' });
  const text = md.content;
  expect(text.startsWith('# 12月 PO 月會 \\& \\<測試\\>\n')).toBe(true);
  expect(text).toContain('- 出席：主持人 "A\\&B" \\<PDIS\\>（主持人）、Alice 🌸（交通部）、O\'Brien（衛福部）');
  expect(text).toContain('## 決議\n\n1. 下週五召開協作會議\\\n由交通部主辦');
  expect(text).toContain('### 交通部\n\n- #1 持續列管｜交通部：提供 \\<事故\\> 資料 \\& 圖表（期限 2026年12月4日（五））');
  expect(text).toContain('**10:02 Alice 🌸（交通部）**：\\<b\\>粗體\\</b\\> \\& "雙引號" \'單引號\' 🎉');
  expect(text).toContain('**10:03 O\'Brien（衛福部）**：第一行\\\n第二行 \\<!channel\\> @everyone\\\n\\\n第四行 \\]\\]\\> \\&amp; \\<!\\[CDATA\\[x\\]\\]\\>');
  expect(text).toContain('\\*markdown\\* \\_x\\_ \\[link\\](http://example.com) \\`code\\`\\\n\\# not a heading\\\n\\- not a list\\\n1\\. not numbered');
  expect(text).not.toMatch(/<b>|<script>|^#\s*not/m);
});

test('/minutes defaults to the last meeting; bad numbers and formats get clear answers', async () => {
  app = caseApp({ minutes: AT_ONCE });
  expect((await say(app, 'alice', '/minutes')).text).toBe('還沒有任何會議紀錄。主持人可輸入 /startmeeting 開始記錄。');
  await say(app, 'pdis', '/startmeeting 第一次');
  await say(app, 'alice', '一');
  const live = await say(app, 'alice', '/minutes');
  expect(live.text).toContain('（會議仍在記錄中，這是目前為止的內容）');
  await say(app, 'pdis', '/endmeeting');
  app.clock.advance(2 * 3_600_000);
  await say(app, 'pdis', '/startmeeting 第二次');
  await say(app, 'bob', '二');
  await say(app, 'pdis', '/endmeeting');
  expect((await say(app, 'alice', '/minutes')).answer!.message.file!.content).toContain('# 第二次');
  expect((await say(app, 'alice', '/minutes 1')).answer!.message.file!.content).toContain('# 第一次');
  expect((await say(app, 'alice', '/minutes 99 xml')).text).toBe('會議 #99 沒有會議紀錄。');
  expect((await say(app, 'alice', '/minutes pdf')).text).toContain('用法：/minutes');
});

test('a scheduled meeting in progress is the one recorded; one recording per chat; other chats are not recorded', async () => {
  app = caseApp({ minutes: AT_ONCE });
  const now = app.clock.now();
  const m = app.store.meetings.create({ series: 'monthly', occurrence: now, kind: 'monthly', title: 'PO 月會', startsAt: new Date(now.getTime() - 10 * 60_000), durationMin: 120, chats: ['console:main'], createdBy: null, createdAt: now });
  await say(app, 'pdis', '/startmeeting');
  expect(app.store.minutes.recording('console:main')).toMatchObject({ meetingId: m.id, title: 'PO 月會' });
  expect((await say(app, 'pdis', '/startmeeting 再一次')).text).toBe('本頻道正在記錄會議 #1「PO 月會」。要結束請輸入 /endmeeting。');
  await say(app, 'alice', 'in the meeting');
  await say(app, 'alice', 'elsewhere', 'console:other');
  expect(app.store.minutes.lines(1).map((l) => l.text)).toEqual(['in the meeting']);
  await say(app, 'pdis', '/endmeeting');
  // Its minutes are taken: a new /startmeeting in the same slot opens an ad-hoc meeting.
  await say(app, 'pdis', '/startmeeting');
  const adhoc = app.store.minutes.recording('console:main')!;
  expect(adhoc.meetingId).not.toBe(m.id);
  expect(app.store.meetings.get(adhoc.meetingId)).toMatchObject({ kind: 'other', series: null, title: '臨時會議', status: 'scheduled' });
  await say(app, 'pdis', '/endmeeting');
  // The ad-hoc meeting /startmeeting made ends with it; the scheduled one is left to /meeting close.
  expect(app.store.meetings.get(adhoc.meetingId)!.status).toBe('closed');
  expect(app.store.meetings.get(m.id)!.status).toBe('scheduled');
  expect((await say(app, 'pdis', '/topic x', 'console:other')).text).toBe('本頻道目前沒有進行中的會議紀錄。主持人可輸入 /startmeeting [標題] 開始。');
  expect((await say(app, 'alice', '/info x', 'console:other')).text).toContain('沒有進行中的會議紀錄');
});

test('a /topic naming a case links it; /action and /decision then attach to that case', async () => {
  await meeting();
  await say(app, chair, '/topic 其他事項');
  await say(app, chair, '/action 衛福部 不屬於任何案');
  await say(app, chair, '/endmeeting');
  const c = app.store.cases.byNumber(1)!;
  expect(app.store.cases.meetingIds(c.id)).toEqual([1]);
  expect(app.store.actions.get(1)).toMatchObject({ caseId: c.id, meetingId: 1 });
  expect(app.store.actions.get(2)).toMatchObject({ caseId: null, meetingId: 1 });
  expect(app.store.cases.events(c.id).map((e) => e.detail.kind)).toEqual(['selected', 'meeting', 'action', 'decision']);
  const detail = (await say(app, alice, '/case 1')).text;
  expect(detail).toContain('相關會議：\n#1 12月 PO 月會 & <測試>（2026年12月1日（二）10:00）');
  expect(detail).toContain(`${chair.name}：會議 #1 決議：下週五召開協作會議\n由交通部主辦`);
});

test('tag commands refuse empty or hostile text and change nothing', async () => {
  app = caseApp({ minutes: AT_ONCE });
  await say(app, 'pdis', '/startmeeting');
  const before = count(app, 'minutes_lines');
  expect((await say(app, 'pdis', '/decision')).text).toBe('用法：/decision <決議內容>');
  expect((await say(app, 'pdis', '/topic <!channel> 看這裡')).text).toContain('全體提及');
  expect((await say(app, 'pdis', '/startmeeting <b>x</b>')).text).toBe('輸入不可包含 HTML 標籤或平臺標記語法（<…>）。');
  expect(count(app, 'minutes_lines')).toBe(before);
});
