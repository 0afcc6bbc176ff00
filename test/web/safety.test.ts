import { HOSTILE, seed } from './fixture';
import { startSite, type WebSite } from './support';
import { safeHref } from '../../src/web/views/rich';

let s: WebSite;
beforeAll(async () => {
  s = await startSite();
  await seed(s);
});
afterAll(() => s.close());

const PAGES = ['/', '/cases', '/cases/1', '/meetings', '/meetings/1', '/meetings/2', '/agencies', '/agencies/MOTC', '/nope', '/issues'];

test('every page carries a strict Content-Security-Policy and the other safety headers', async () => {
  for (const path of PAGES) {
    const r = await s.get(path);
    expect({ path, csp: r.headers.get('content-security-policy') }).toEqual({
      path,
      csp: "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    });
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('referrer-policy')).toBe('same-origin');
    expect(r.headers.get('vary')).toContain('Cookie');
  }
});

test('no page has a script, an inline style or an event handler: nothing needs JavaScript', async () => {
  for (const path of PAGES) {
    const body = await (await s.get(path)).text();
    expect({ path, script: /<script/i.test(body), style: /<[^>]*\sstyle\s*=|<style/i.test(body), handler: /<[^>]*\son[a-z]+\s*=/i.test(body) }).toEqual({ path, script: false, style: false, handler: false });
  }
});

test('what people typed is escaped on the page, kept verbatim in JSON, and not raw HTML in Markdown', async () => {
  const page = await (await s.get('/meetings/1')).text();
  expect(page).not.toContain(HOSTILE);
  expect(page).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
  const json = (await (await s.get('/api/meetings/1')).json()) as { minutes: { lines: { text: string }[] } };
  expect(json.minutes.lines.map((l) => l.text)).toContain(HOSTILE);
  const md = await (await s.get('/meetings/1/minutes.md')).text();
  expect(md).not.toContain('<script>');
});

test('only web links become links', () => {
  expect(safeHref('https://join.gov.tw/idea/1')).toBe('https://join.gov.tw/idea/1');
  expect(safeHref('javascript:alert(1)')).toBeUndefined();
  expect(safeHref('data:text/html,<b>')).toBeUndefined();
  expect(safeHref('https://x" onclick="y')).toBeUndefined();
});
