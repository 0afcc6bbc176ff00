import { say } from '../cases/helpers';
import { startSite, type WebSite } from './support';

/**
 * Issue 29 item 3: minutes read like SayIt, not a chat log. Every speech has its own anchor
 * and a copyable link (/meetings/N#sK, K its number as /minutes strike counts), the time shows
 * only where it changes, speakers have pages (what they said across meetings, newest first,
 * paged, only what the visitor may see), and URLs in speeches are links (nofollow, no scripts).
 */
let s: WebSite;
let cookie: string;
const id: Record<string, number> = {};
beforeAll(async () => {
  s = await startSite();
  const a = s.app;
  await say(a, 'amy', '/iam 交通部');
  await say(a, 'bob', '/iam 勞動部');
  // Meeting #1: ended. Three speeches in the same minute, then one a minute later.
  await say(a, 'pdis', '/startmeeting 十一月協作會議');
  await say(a, 'amy', '第一場第一句');
  await say(a, 'bob', '請看 https://join.gov.tw/idea/detail/42。另見 javascript:alert(1)');
  await say(a, 'amy', '第一場第二句');
  a.clock.advance(60_000);
  await say(a, 'amy', '第一場第三句');
  await say(a, 'pdis', '/endmeeting');
  a.clock.advance(3_600_000);
  // Meeting #2: ended, amy speaks 55 times (her page has two pages).
  await say(a, 'pdis', '/startmeeting 十二月協作會議');
  for (let i = 1; i <= 55; i++) await say(a, 'amy', `第二場第${i}句`);
  await say(a, 'pdis', '/endmeeting');
  a.clock.advance(3_600_000);
  // Meeting #3: being recorded; carl has spoken only here.
  await say(a, 'pdis', '/startmeeting 臨時協調會');
  await say(a, 'carl', '只在紀錄中的會議發言');
  await say(a, 'amy', '紀錄中的發言');
  cookie = await s.signIn('bob');
  const signedIn = await (await s.get('/meetings/3', { cookie })).text();
  for (const who of ['amy', 'bob', 'carl']) id[who] = Number(new RegExp(`href="/speakers/(\\d+)">${who}（`).exec(signedIn + (await (await s.get('/meetings/1')).text()))?.[1]);
});
afterAll(() => s.close());

const get = async (path: string, c?: string) => s.get(path, { cookie: c });
const text = async (path: string, c?: string) => (await get(path, c)).text();

test('one anchor and a copyable permalink per speech, numbered as /minutes strike counts', async () => {
  const body = await text('/meetings/1');
  // Line 1 is amy's; pdis's /startmeeting records nothing, so numbers start at the first speech.
  expect(body).toMatch(/<li id="s1"><time class="at" datetime="2026-12-01T10:00:00.000\+08:00">10:00<\/time><a class="no" href="\/meetings\/1#s1" title="第 1 段發言的固定連結">#1<\/a>/);
  for (const n of [1, 2, 3, 4]) expect(body).toContain(`id="s${n}"`);
  expect(body).toContain('href="/meetings/1#s4"');
  const api = (await (await get('/api/meetings/1')).json()) as { minutes: { lines: { no: number; url: string; speakerUrl: string }[] } };
  expect(api.minutes.lines.map((l) => l.no)).toEqual([1, 2, 3, 4]);
  expect(api.minutes.lines[3]!.url).toBe(`${s.base}/meetings/1#s4`);
  expect(api.minutes.lines[0]!.speakerUrl).toBe(`${s.base}/speakers/${id.amy}`);
});

test('the time is shown only where it changes, not on every row', async () => {
  const body = await text('/meetings/1');
  const record = body.slice(body.indexOf('<ol class="speeches">'));
  expect(record.match(/<time /g)).toHaveLength(2);
  expect(record).toContain('>10:00</time>');
  expect(record).toContain('>10:01</time>');
  const big = await text('/meetings/2');
  expect(big.slice(big.indexOf('<ol class="speeches">')).match(/<time /g)).toHaveLength(1);
});

test('URLs in speeches are links with rel="nofollow noopener"; anything else stays text', async () => {
  const body = await text('/meetings/1');
  expect(body).toContain('請看 <a href="https://join.gov.tw/idea/detail/42" rel="nofollow noopener">https://join.gov.tw/idea/detail/42</a>。另見 javascript:alert(1)');
  expect(body).not.toMatch(/href="javascript/i);
  expect(body).not.toContain('<script');
});

test('speakers link to their page: the person, their agency, their speeches across meetings, newest first, paged', async () => {
  expect(await text('/meetings/1')).toContain(`<a class="speaker" href="/speakers/${id.amy}">amy（交通部）</a>`);
  const r = await get(`/speakers/${id.amy}`);
  expect(r.status).toBe(200);
  const page1 = await r.text();
  expect(page1).toContain('<h1>amy 的發言</h1>');
  expect(page1).toContain('<dd>交通部</dd>');
  expect(page1).toContain('發言（58，由新到舊）');
  expect(page1.indexOf('第二場第55句')).toBeLessThan(page1.indexOf('第二場第54句'));
  expect(page1).toContain('href="/meetings/2#s55"');
  expect(page1).not.toContain('第一場第一句');
  expect(page1).toContain(`href="/speakers/${id.amy}?page=2"`);
  const page2 = await text(`/speakers/${id.amy}?page=2`);
  expect(page2).toContain('第二場第5句');
  expect(page2).toContain('第一場第三句');
  expect(page2).toContain('href="/meetings/1#s4"');
  expect(page2.indexOf('第一場第三句')).toBeLessThan(page2.indexOf('第一場第一句'));
  expect(page2).toContain('<a href="/meetings/1">會議 #1 十一月協作會議</a>');
  const api = (await (await get(`/api/speakers/${id.amy}?page=2`)).json()) as Record<string, unknown> & { speeches: { url: string; at: string }[] };
  expect(api).toMatchObject({ id: id.amy, name: 'amy', agency: { code: 'MOTC', name: '交通部' }, page: 2, pageSize: 50, total: 58 });
  expect(api.speeches).toHaveLength(8);
  expect(api.speeches.at(-1)).toEqual({ meetingId: 1, no: 1, url: `${s.base}/meetings/1#s1`, at: '2026-12-01T10:00:00.000+08:00', text: '第一場第一句' });
});

test('speaker pages respect web.public: nothing from a meeting still being recorded; an internal-only person is 404 to the public', async () => {
  expect(await text(`/speakers/${id.amy}`)).not.toContain('紀錄中的發言');
  expect(await text(`/speakers/${id.amy}`, cookie)).toContain('紀錄中的發言');
  expect((await get(`/speakers/${id.carl}`)).status).toBe(404);
  expect((await get(`/api/speakers/${id.carl}`)).status).toBe(404);
  const signedIn = await get(`/speakers/${id.carl}`, cookie);
  expect(signedIn.status).toBe(200);
  expect(await signedIn.text()).toContain('只在紀錄中的會議發言');
  // Minutes internal: the section's pages need sign-in.
  (s.app.config.web as { public: string[] }).public = ['cases', 'meetings'];
  try {
    expect((await get(`/speakers/${id.amy}`)).status).toBe(403);
  } finally {
    (s.app.config.web as { public: string[] }).public = ['cases', 'meetings', 'minutes', 'agencies', 'calendar', 'feed'];
  }
  expect((await get('/speakers/99999')).status).toBe(404);
  expect((await get('/speakers/abc')).status).toBe(400);
  expect((await get(`/speakers/${id.amy}?page=0`)).status).toBe(400);
});
