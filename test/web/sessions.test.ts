import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebAccess } from '../../src/web/auth/web-access';
import { say } from '../cases/helpers';
import { testApp } from '../support/app';
import { backupDatabase } from '../../src/ops/backup';
import { loadWebSecret, SECRET_FILE } from '../../src/web/auth/secret-file';
import { INTERNAL_TITLE, seed } from './fixture';
import { followLink, startSite, type WebSite } from './support';

// Issue 23 item 3 (sessions) and issue 25 item 9 (sign-in under BOT_NOW).

let s: WebSite;
beforeAll(async () => {
  s = await startSite();
  await seed(s);
});
afterAll(() => s.close());

async function link(who: string): Promise<string> {
  const url = /(http:\/\/\S+\/signin\?t=\S+)/.exec((await say(s.app, who, '/web')).text)?.[1];
  if (!url) throw new Error('no link');
  return url;
}
const cookieOf = (res: Response) => res.headers.get('set-cookie')?.split(';')[0];
const canSeeIssues = async (cookie: string) => (await s.get('/issues/2', { cookie })).status === 200;

test('signing out ends the session: the cookie, replayed, opens nothing internal (nor the person’s other sessions)', async () => {
  const one = cookieOf(await followLink(await link('bob')))!;
  const two = cookieOf(await followLink(await link('bob')))!;
  const amy = cookieOf(await followLink(await link('amy')))!;
  expect([await canSeeIssues(one), await canSeeIssues(two)]).toEqual([true, true]);
  expect((await s.get('/signout', { method: 'POST', cookie: one })).status).toBe(303);
  const replay = await s.get('/issues/2', { cookie: one });
  expect(replay.status).toBe(403);
  expect(await replay.text()).not.toContain(INTERNAL_TITLE);
  expect(await canSeeIssues(two)).toBe(false);
  // Someone else's session is theirs.
  expect(await canSeeIssues(amy)).toBe(true);
  // A new link signs bob in again.
  expect(await canSeeIssues(cookieOf(await followLink(await link('bob')))!)).toBe(true);
});

test('a sign-in link works once', async () => {
  const url = await link('amy');
  const first = await followLink(url);
  expect(first.status).toBe(303);
  for (const again of [await s.get(new URL(url).pathname + new URL(url).search), await followLink(url)]) {
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('已使用過');
  }
  // Two links given before either is used: the first one used wins, the other is spent too.
  const [a, b] = [await link('amy'), await link('amy')];
  expect((await followLink(b)).status).toBe(303);
  expect((await followLink(a)).status).toBe(403);
});

test('opening a link signs no one in; only its page’s button does, from this site (login CSRF)', async () => {
  const url = await link('amy');
  const page = await s.get(new URL(url).pathname + new URL(url).search);
  expect(page.status).toBe(200);
  expect(page.headers.get('set-cookie')).toBeNull();
  expect(page.headers.get('cache-control')).toBe('no-store');
  const body = await page.text();
  expect(body).toContain('以「amy」的身分登入網頁版？');
  expect(body).toMatch(/<form method="post" action="\/signin"><input type="hidden" name="t" value="[\w.-]+"\/?><button type="submit">登入<\/button><\/form>/);
  // Another site posting the token (an auto-submitted form): refused, the link not spent.
  for (const headers of [{ origin: 'https://evil.example' } as Record<string, string>, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }]) {
    const res = await followLink(url, headers);
    expect({ headers, status: res.status, cookie: res.headers.get('set-cookie') }).toEqual({ headers, status: 403, cookie: null });
    expect(await res.text()).toContain('這個要求不是從本站頁面送出的');
  }
  expect((await followLink(url)).status).toBe(303);
  // Signing out from another site is refused too.
  const cookie = cookieOf(await followLink(await link('amy')))!;
  expect((await s.get('/signout', { method: 'POST', cookie, headers: { origin: 'https://evil.example' } })).status).toBe(403);
  expect(await canSeeIssues(cookie)).toBe(true);
});

test('Secure follows the first X-Forwarded-Proto value, and only when the proxy is trusted', async () => {
  const secure = async (site: WebSite, proto: string) => /; Secure/.test((await followLink(await linkOn(site), { 'x-forwarded-proto': proto })).headers.get('set-cookie') ?? '');
  const linkOn = async (site: WebSite) => /(http:\/\/\S+\/signin\?t=\S+)/.exec((await say(site.app, 'amy', '/web')).text)![1]!;
  // Not trusted (the default): anyone could send the header.
  expect(await secure(s, 'https')).toBe(false);
  const proxied = await startSite({ web: { trustProxy: true } });
  try {
    expect(await secure(proxied, 'https')).toBe(true);
    expect(await secure(proxied, 'https,http')).toBe(true);
    expect(await secure(proxied, 'HTTPS , http')).toBe(true);
    expect(await secure(proxied, 'http, https')).toBe(false);
    expect(await secure(proxied, 'http')).toBe(false);
  } finally {
    await proxied.close();
  }
});

test('under BOT_NOW far from real time, sign-in works: the cookie lives by Max-Age, the token expires on the bot’s clock', async () => {
  const past = await startSite({}, { start: new Date('2026-04-07T13:50:00+08:00') });
  try {
    await say(past.app, 'amy', '/iam 交通部');
    await say(past.app, 'amy', '/propose 內部提案');
    const url = /(http:\/\/\S+\/signin\?t=\S+)/.exec((await say(past.app, 'amy', '/web')).text)![1]!;
    const res = await followLink(url);
    const set = res.headers.get('set-cookie')!;
    expect(set).toContain('; Max-Age=604800;');
    expect(set).not.toContain('Expires=');
    const cookie = set.split(';')[0]!;
    expect((await past.get('/issues/1', { cookie })).status).toBe(200);
    past.app.clock.advance(7 * 86_400_000 + 1000);
    expect((await past.get('/issues/1', { cookie })).status).toBe(403);
  } finally {
    await past.close();
  }
});

test('the signing secret is a 0600 file beside the database, made at start-up, never in the database or its backup', async () => {
  const app = testApp();
  try {
    const dir = app.dir;
    const file = join(dir, SECRET_FILE);
    // Made by the start, before any page or /web asked for it.
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const secret = readFileSync(file, 'utf8').trim();
    expect(secret).toMatch(/^[\w-]{43}$/);
    // The same on the next start; WEB_SECRET, when set, wins and leaves the file alone.
    expect(loadWebSecret(undefined, join(app.dir, 'test.sqlite'))).toBe(secret);
    expect(loadWebSecret('x'.repeat(40), join(app.dir, 'test.sqlite'))).toBe('x'.repeat(40));
    const backup = join(dir, 'backup', 'copy.sqlite');
    await backupDatabase(join(app.dir, 'test.sqlite'), backup);
    expect(readFileSync(backup).includes(secret)).toBe(false);
    expect(readFileSync(join(app.dir, 'test.sqlite')).includes(secret)).toBe(false);
    expect(existsSync(join(dir, 'backup', SECRET_FILE))).toBe(false);
    // A damaged file is a clear start-up error, not a weak key.
    writeFileSync(file, 'short\n');
    expect(() => loadWebSecret(undefined, join(app.dir, 'test.sqlite'))).toThrow(/shorter than 32 characters: delete the file/);
  } finally {
    app.cleanup();
  }
});

test('rotating the secret (a new file, or another WEB_SECRET) signs everyone out', async () => {
  const cookie = cookieOf(await followLink(await link('amy')))!;
  const value = decodeURIComponent(cookie.split('=')[1]!);
  const now = s.app.clock.now();
  expect(s.app.web.verifySession(value, now)?.userId).toBeGreaterThan(0);
  // What the next start reads once the operator deletes the file.
  const db = join(s.app.dir, 'test.sqlite');
  rmSync(join(s.app.dir, SECRET_FILE));
  const next = new WebAccess(s.app.store, { secret: loadWebSecret(undefined, db), baseUrl: () => s.base });
  expect(next.verifySession(value, now)).toBeUndefined();
  expect(new WebAccess(s.app.store, { secret: 'y'.repeat(40), baseUrl: () => s.base }).verifySession(value, now)).toBeUndefined();
});
