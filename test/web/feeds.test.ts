import { XMLParser } from 'fast-xml-parser';
import * as ical from 'node-ical';
import { say } from '../cases/helpers';
import { startSite, type WebSite } from './support';

/**
 * Issue 29 item 4: /calendar.ics keeps past meetings (web.calendarPastDays, default a year) and
 * every event carries its page's address; Atom entries carry a summary (the case's line, the
 * stage change, the decision, the minutes' decisions and first lines), not a title only.
 */
async function network(config: Record<string, unknown> = {}): Promise<WebSite> {
  const s = await startSite(config, { start: new Date('2025-05-01T02:00:00Z') });
  const a = s.app;
  await say(a, 'amy', '/iam 交通部');
  await say(a, 'pdis', '/meeting add 去年月會 2025-05-10 14:00');
  a.clock.set(new Date('2026-09-01T02:00:00Z'));
  await say(a, 'pdis', '/meeting add 九月月會 2026-09-10 14:00');
  a.clock.set(new Date('2026-10-01T02:00:00Z'));
  await say(a, 'pdis', '/meeting add 十月月會 2026-10-20 14:00');
  await say(a, 'pdis', '/meeting close 3');
  a.clock.set(new Date('2026-12-01T02:00:00Z'));
  await say(a, 'amy', '/propose 國旅卡使用範圍擴大 #交通部');
  await say(a, 'pdis', '/select 1');
  await say(a, 'pdis', '/case 1 lead 交通部');
  a.clock.advance(60_000);
  await say(a, 'pdis', '/case 1 stage 轉譯');
  await say(a, 'pdis', '/startmeeting 十二月協作會議');
  await say(a, 'pdis', '/topic 第一案');
  await say(a, 'amy', '第一句發言');
  await say(a, 'amy', '第二句發言');
  await say(a, 'pdis', '/decision 下週五召開協作會議');
  await say(a, 'pdis', '/endmeeting');
  a.clock.advance(3_600_000);
  await say(a, 'pdis', '/meeting add 月會 2026-12-07 14:00');
  return s;
}

type Event = { type: string; summary: string; url?: string | { val: string }; description: string };
async function events(s: WebSite): Promise<Event[]> {
  const text = await (await s.get('/calendar.ics')).text();
  return Object.values(ical.sync.parseICS(text)).filter((e) => e?.type === 'VEVENT') as unknown as Event[];
}
const urlOf = (e: Event) => (typeof e.url === 'string' ? e.url : e.url?.val);

describe('/calendar.ics', () => {
  let s: WebSite;
  beforeAll(async () => {
    s = await network();
  });
  afterAll(() => s.close());

  test('keeps the meetings of the past year, held or closed, beside the coming ones', async () => {
    const list = await events(s);
    expect(list.map((e) => e.summary).sort()).toEqual(['九月月會', '十二月協作會議', '十月月會', '月會'].sort());
    expect(list.map((e) => e.summary)).not.toContain('去年月會');
  });

  test('every event carries its page URL', async () => {
    const list = await events(s);
    expect(list.length).toBeGreaterThan(0);
    for (const e of list) {
      expect(urlOf(e)).toMatch(new RegExp(`^${s.base}/meetings/\\d+$`));
      expect(e.description).toContain(urlOf(e)!);
    }
    expect(urlOf(list.find((e) => e.summary === '月會')!)).toBe(`${s.base}/meetings/5`);
  });
});

test('web.calendarPastDays sets how far back: 0 keeps only what is ahead', async () => {
  const s = await network({ web: { calendarPastDays: 0 } });
  try {
    expect((await events(s)).map((e) => e.summary)).toEqual(['月會']);
  } finally {
    await s.close();
  }
});

describe('/feed.atom', () => {
  let s: WebSite;
  let entries: { title: string; summary: { '#text': string } | string; link: { '@_href': string } }[];
  beforeAll(async () => {
    s = await network();
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await (await s.get('/feed.atom')).text()).feed;
    entries = [feed.entry].flat();
  });
  afterAll(() => s.close());
  const summary = (title: string) => {
    const e = entries.find((x) => x.title === title);
    if (!e) throw new Error(`no entry ${title}: ${entries.map((x) => x.title).join(' | ')}`);
    return typeof e.summary === 'string' ? e.summary : e.summary['#text'];
  };

  test('every entry has a summary', () => {
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const e of entries) expect({ title: e.title, summary: Boolean(e.summary) }).toEqual({ title: e.title, summary: true });
  });

  test('a new case: its line (stage, lead); a stage change: from and to', () => {
    expect(summary('新協作案：第一案「國旅卡使用範圍擴大」')).toContain('主辦 交通部');
    expect(summary('第一案「國旅卡使用範圍擴大」進入「轉譯」階段')).toContain('轉譯');
  });

  test('a decision: the case it is about and its text, linking to the speech', () => {
    expect(summary('決議（會議 #4）：下週五召開協作會議')).toBe('第一案「國旅卡使用範圍擴大」：下週五召開協作會議');
    const e = entries.find((x) => x.title === '決議（會議 #4）：下週五召開協作會議')!;
    expect(e.link['@_href']).toMatch(new RegExp(`^${s.base}/meetings/4#s\\d+$`));
  });

  test('published minutes: their decisions and first lines', () => {
    const text = summary('會議紀錄：#4 十二月協作會議');
    expect(text).toContain('下週五召開協作會議');
    expect(text).toContain('amy（交通部）：第一句發言');
    expect(text).toContain('amy（交通部）：第二句發言');
  });
});
