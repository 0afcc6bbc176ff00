import { XMLParser } from 'fast-xml-parser';
import * as ical from 'node-ical';
import { CASE_TITLE, seed } from './fixture';
import { startSite, type WebSite } from './support';
import { say } from '../cases/helpers';

let s: WebSite;
beforeAll(async () => {
  s = await startSite();
  await seed(s);
});
afterAll(() => s.close());

async function page(path: string, cookie?: string): Promise<{ status: number; body: string; type: string }> {
  const r = await s.get(path, { cookie });
  return { status: r.status, body: await r.text(), type: r.headers.get('content-type') ?? '' };
}

describe('every public route answers with its record', () => {
  test('/ : open cases with stage and deadline, upcoming meetings, this week’s digest', async () => {
    const r = await page('/');
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/^text\/html; charset=utf-8/i);
    expect(r.body).toMatch(/^<!doctype html>/);
    expect(r.body).toContain('<html lang="zh-Hant-TW">');
    expect(r.body).toContain(`<a href="/cases/1"><strong>第一案</strong>「${CASE_TITLE}」</a>`);
    expect(r.body).toContain('<td data-label="剩餘">剩 19 天</td>');
    expect(r.body).toContain('月會');
    expect(r.body).toContain('本週摘要');
    expect(r.body).toContain('逾期的列管事項（1）');
    // The digest's cases by stage, as counts linking to the paged list.
    expect(r.body).toContain('<h3>協作案進度（進行中與本週結案，共 1 案）：</h3>');
    expect(r.body).toContain('<li><a href="/cases?stage=lead">確認主協辦：1 案</a></li>');
  });

  test('/cases lists cases, paged, filterable by stage; a bad page or stage is refused', async () => {
    const r = await page('/cases');
    expect(r.status).toBe(200);
    expect(r.body).toContain('共 1 案');
    expect((await page('/cases?stage=lead')).body).toContain('/cases/1');
    expect((await page('/cases?stage=closed')).body).not.toContain('/cases/1');
    expect((await page('/cases?page=2')).body).not.toContain('/cases/1');
    const bad = await page('/cases?page=0');
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('頁碼必須是 1 以上的整數');
    expect((await page('/cases?page=abc')).status).toBe(400);
    expect((await page('/cases?stage=nope')).status).toBe(404);
  });

  test('/cases/1: title, agencies, Join link, stage, deadline with days left, timeline, 列管 items', async () => {
    const r = await page('/cases/1');
    expect(r.status).toBe(200);
    expect(r.body).toContain(`<h1>第一案「${CASE_TITLE}」</h1>`);
    expect(r.body).toContain('<dd>確認主協辦（1/8）</dd>');
    expect(r.body).toContain('<a href="/agencies/MOTC">交通部</a>');
    expect(r.body).toContain('<a href="/agencies/MOL">勞動部</a>');
    expect(r.body).toContain('<a href="https://join.gov.tw/idea/detail/42" rel="noopener noreferrer">https://join.gov.tw/idea/detail/42</a>');
    expect(r.body).toContain('2026年12月20日（日）（剩 19 天）');
    expect(r.body).toContain('提供事故資料');
    expect(r.body).toContain('已逾期 2 個工作天');
    expect(r.body).toContain('已聯繫提案人 &amp; 安排會前會');
    expect(r.body).toContain('<time datetime="2026-12-01T10:00:00.000+08:00">2026年12月1日（二）10:00</time>');
    expect((await page('/cases/2')).status).toBe(404);
    expect((await page('/cases/x')).status).toBe(400);
  });

  test('/meetings and /meetings/N: minutes after, agenda before', async () => {
    const list = await page('/meetings');
    expect(list.status).toBe(200);
    expect(list.body).toContain('/meetings/1');
    expect(list.body).toContain('/meetings/2');
    const held = await page('/meetings/1');
    expect(held.body).toContain('會議紀錄');
    expect(held.body).toContain('下週五召開協作會議');
    expect(held.body).toContain('<a href="/meetings/1/minutes.md">');
    const ahead = await page('/meetings/2');
    expect(ahead.body).toContain('一、報告事項');
    expect(ahead.body).toContain('二、歷次會議決議辦理情形');
    expect(ahead.body).toContain('三、討論事項／投票議題');
    expect(ahead.body).toContain('四、臨時動議');
    expect((await page('/meetings/99')).status).toBe(404);
  });

  test('minutes downloads: the same Markdown and SayIt XML as /minutes', async () => {
    const md = await s.get('/meetings/1/minutes.md');
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(md.headers.get('content-disposition')).toBe('attachment; filename="minutes-1-20261201.md"');
    expect(await md.text()).toContain('# 12月協作會議');
    const xml = await s.get('/meetings/1/minutes.an.xml');
    const doc = new XMLParser({ ignoreAttributes: false }).parse(await xml.text());
    expect(doc.akomaNtoso.debate.debateBody.debateSection.heading).toBe('2026-12-01 12月協作會議');
    expect((await page('/meetings/2/minutes.md')).status).toBe(404);
  });

  test('/agencies and /agencies/<code>: what it leads, co-leads and owes', async () => {
    expect((await page('/agencies')).body).toContain('<a href="/agencies/MOTC">交通部</a>');
    const motc = await page('/agencies/MOTC');
    expect(motc.body).toContain('主辦的協作案（1）');
    expect(motc.body).toContain('列管中的事項（1，逾期在前）');
    expect((await page('/agencies/mol')).body).toContain('協辦的協作案（1）');
    expect((await page('/agencies/NOPE')).status).toBe(404);
  });

  test('/calendar.ics: the events of /meeting ics and the past year\'s meetings', async () => {
    const r = await s.get('/calendar.ics');
    expect(r.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const events = Object.values(ical.sync.parseICS(await r.text())).filter((e) => e?.type === 'VEVENT');
    expect(events.map((e) => (e as { summary: string }).summary)).toEqual(['12月協作會議', '月會']);
  });

  test('/feed.atom: new cases, decisions and minutes', async () => {
    const r = await s.get('/feed.atom');
    expect(r.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = new XMLParser({ ignoreAttributes: false }).parse(await r.text()).feed;
    const titles = [feed.entry].flat().map((e: { title: string }) => e.title);
    expect(titles).toEqual(expect.arrayContaining([`新協作案：第一案「${CASE_TITLE}」`, '決議（會議 #1）：下週五召開協作會議', '會議紀錄：#1 12月協作會議']));
  });

  test('the same data as JSON under /api', async () => {
    const cases = (await (await s.get('/api/cases')).json()) as { total: number; cases: { number: number; lead: { code: string } }[] };
    expect(cases.total).toBe(1);
    expect(cases.cases[0]).toMatchObject({ number: 1, lead: { code: 'MOTC' } });
    const one = (await (await s.get('/api/cases/1')).json()) as { items: { overdue: boolean }[]; timeline: unknown[] };
    expect(one.items[0]!.overdue).toBe(true);
    expect(one.timeline.length).toBeGreaterThan(3);
    const m = (await (await s.get('/api/meetings/1')).json()) as { minutes: { decisions: string[] } };
    expect(m.minutes.decisions).toEqual(['下週五召開協作會議']);
    const ahead = (await (await s.get('/api/meetings/2')).json()) as { agenda: { section: string; internal: boolean; lines: string[] }[] };
    expect(ahead.agenda.find((x) => x.section === 'discussion')).toMatchObject({ internal: true, lines: [] });
    expect(((await (await s.get('/api/meetings')).json()) as { total: number }).total).toBe(1);
    expect(((await (await s.get('/api/agencies/MOTC')).json()) as { openItems: unknown[] }).openItems).toHaveLength(1);
    expect(((await (await s.get('/api/overview')).json()) as { openCases: unknown[] }).openCases).toHaveLength(1);
    const bad = await s.get('/api/cases?page=-1');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: '頁碼必須是 1 以上的整數。' });
  });

  test('unknown paths 404; other methods 405; /healthz still answers beside the pages', async () => {
    expect((await page('/nope')).status).toBe(404);
    const post = await s.get('/cases', { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
    expect(await (await s.get('/healthz')).text()).toBe('ok');
    const css = await s.get('/assets/site.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
  });
});

test('/ stays one screen at any size: the 10 nearest cases and counts per stage, never every case (the rest is on /cases, paged)', async () => {
  const site = await startSite();
  try {
    const a = site.app;
    await say(a, 'amy', '/iam 交通部');
    for (let i = 1; i <= 12; i++) await say(a, 'amy', `/propose 議題 ${i}`);
    await say(a, 'pdis', '/select 1 2 3 4 5 6');
    await say(a, 'pdis', '/select 7 8 9 10 11 12');
    await say(a, 'pdis', '/case 12 stage 轉譯');
    const body = await (await site.get('/')).text();
    expect(body).toContain('<a href="/cases/10">');
    expect(body).not.toContain('第十一案');
    expect(body).not.toContain('第十二案');
    expect(body).toContain('<li><a href="/cases?stage=lead">確認主協辦：11 案</a></li>');
    expect(body).toContain('<li><a href="/cases?stage=translate">轉譯：1 案</a></li>');
    expect((await (await site.get('/cases?stage=translate')).text())).toContain('第十二案');
  } finally {
    await site.close();
  }
});
