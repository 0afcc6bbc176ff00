import fc from 'fast-check';
import { say } from '../cases/helpers';
import { startSite, type WebSite } from '../web/support';
import { seedCorpus } from './corpus';

// The search page and its /api twin over HTTP, on the real app with the default web.public
// (proposals internal, the record public).
let s: WebSite;
beforeAll(async () => {
  s = await startSite();
  await seedCorpus(s.app);
  await say(s.app, 'pdis', '/startmeeting 臨時會議');
  await say(s.app, 'amy', '<script>alert("國旅卡")</script> & <b>粗體</b>');
  await say(s.app, 'pdis', '/endmeeting');
});
afterAll(() => s.close());

const page = async (q: string, extra = '') => {
  const res = await s.get(`/search?q=${q}${extra}`);
  return { status: res.status, body: await res.text() };
};

test('a visitor finds what is public, grouped, each hit linked and marked; the internal proposals are not searched', async () => {
  const { status, body } = await page(encodeURIComponent('國旅卡'));
  expect(status).toBe(200);
  expect(body).toContain('<title>「國旅卡」的搜尋結果');
  expect(body).not.toContain('/issues/1');
  expect(body).toContain('<h2 id="h-speech">會議發言</h2>');
  expect(body).toContain('<mark>國旅卡</mark>的問題下次再談');
  // The speech's permalink: amy's line is the second of meeting 1 (after the /topic).
  expect(body).toContain('href="/meetings/1#s2"');
  const minutes = await (await s.get('/meetings/1')).text();
  expect(/<li id="s2"[^>]*>([\s\S]*?)<\/li>/.exec(minutes)?.[1]).toContain('國旅卡的問題下次再談');
  // What people typed is escaped, in the snippet as everywhere.
  expect(body).toContain('&lt;script&gt;alert(&quot;<mark>國旅卡</mark>&quot;)&lt;/script&gt; &amp; &lt;b&gt;粗體&lt;/b&gt;');
  expect(body).not.toContain('<script>');
});

test('a member finds proposals too; the /api twin carries the same results', async () => {
  const cookie = await s.signIn('amy');
  const body = await (await s.get(`/search?q=${encodeURIComponent('職災')}`, { cookie })).text();
  expect(body).toContain('<a href="/issues/2">#2 職災保險申請流程簡化</a>');
  const api = (await (await s.get(`/api/search?q=${encodeURIComponent('職災')}`, { cookie })).json()) as { groups: { kind: string; results: { url: string; text: string }[] }[] };
  expect(api.groups.map((g) => [g.kind, g.results.map((r) => r.url.replace(s.base, ''))])).toEqual([
    ['proposal', ['/issues/2']],
    ['case', ['/cases/1', '/cases/1']],
    ['item', ['/cases/1']],
  ]);
  expect(api.groups[0]!.results[0]!.text).toBe('職災保險申請流程簡化');
});

test('one kind, paged', async () => {
  await say(s.app, 'pdis', '/startmeeting 國旅卡專題會議');
  for (let i = 1; i <= 12; i++) await say(s.app, 'amy', `國旅卡第${i}次討論`);
  await say(s.app, 'pdis', '/endmeeting');
  const all = await page(encodeURIComponent('國旅卡'));
  expect(all.body).toContain(`href="/search?q=${encodeURIComponent('國旅卡')}&amp;kind=speech">更多會議發言</a>`);
  const one = await page(encodeURIComponent('國旅卡'), '&kind=speech');
  expect(one.status).toBe(200);
  expect((one.body.match(/<li>/g) ?? []).length).toBeGreaterThanOrEqual(13);
  expect(one.body).toContain('回到全部結果');
  const api = (await (await s.get(`/api/search?q=${encodeURIComponent('國旅卡')}&kind=speech&page=2`)).json()) as { page: number; groups: unknown[] };
  expect(api).toMatchObject({ page: 2, groups: [] });
});

const BAD: Record<string, string> = {
  empty: '',
  blank: '%20%20',
  malformedPercent: '%',
  malformedUtf8: '%ED%A0%80',
  loneSurrogateEscape: '%uD800',
  quote: '%22',
  near: encodeURIComponent('NEAR(國旅 卡)'),
  star: '*',
  minus: '-%E5%9C%8B',
  sql: encodeURIComponent("'; DROP TABLE issues; --"),
  tenKb: 'x'.repeat(10 * 1024),
  // 10 kB of Chinese is some 30 kB in the URL.
  tenKbChinese: encodeURIComponent('國'.repeat(3413)),
  manyWords: encodeURIComponent('a b c d e f g h i j'),
  twoQs: 'a&q=b',
};

test.each(Object.keys(BAD))('bad query (%s): the search page with a clear answer, never an error', async (name) => {
  const { status, body } = await page(BAD[name]!);
  expect(status).toBe(200);
  expect(body).toContain('<form class="search" role="search"');
  expect(body).toMatch(/在提案、協作案|搜尋字詞太長|搜尋字詞太多|找不到含|的搜尋結果/);
  const api = await s.get(`/api/search?q=${BAD[name]}`);
  expect(api.status).toBe(200);
  expect(await api.json()).toMatchObject({ groups: expect.any(Array) });
});

test('the too-long answer says so', async () => {
  expect((await page('x'.repeat(10 * 1024))).body).toContain('搜尋字詞太長：最多 100 個字。');
  expect((await (await s.get(`/api/search?q=${'x'.repeat(200)}`)).json())).toMatchObject({ notice: '搜尋字詞太長：最多 100 個字。', groups: [] });
});

test('any query string over HTTP: 200 (fuzz)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 60 }), async (raw) => {
      const res = await s.get(`/api/search?q=${encodeURIComponent(raw.replace(/[\uD800-\uDFFF]/g, ''))}`);
      expect(res.status).toBe(200);
    }),
    { numRuns: 60 },
  );
});
