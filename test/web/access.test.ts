import { say } from '../cases/helpers';
import { signToken } from '../../src/web/auth/tokens';
import { INTERNAL_TITLE, seed } from './fixture';
import { followLink, startSite, type WebSite } from './support';

/** Every public route and download: none may carry an internal proposal's title. */
const PUBLIC_PATHS = [
  '/', '/cases', '/cases/1', '/meetings', '/meetings/1', '/meetings/2', '/meetings/1/minutes.md', '/meetings/1/minutes.an.xml',
  '/agencies', '/agencies/MOTC', '/agencies/MOL', '/calendar.ics', '/feed.atom',
  '/api/overview', '/api/cases', '/api/cases/1', '/api/meetings', '/api/meetings/1', '/api/meetings/2', '/api/agencies', '/api/agencies/MOTC',
];
const INTERNAL_PATHS = ['/issues', '/issues/2', '/api/issues', '/api/issues/2'];

let s: WebSite;
beforeAll(async () => {
  s = await startSite();
  await seed(s);
});
afterAll(() => s.close());

function linkOf(text: string): string {
  const url = /(http:\/\/\S+\/signin\?t=\S+)/.exec(text)?.[1];
  if (!url) throw new Error(`no link in ${text}`);
  return url;
}

test('nothing internal in public pages, feeds, calendars or JSON; internal pages need sign-in', async () => {
  for (const path of PUBLIC_PATHS) {
    const r = await s.get(path);
    expect({ path, status: r.status }).toEqual({ path, status: 200 });
    expect({ path, leaks: (await r.text()).includes(INTERNAL_TITLE) }).toEqual({ path, leaks: false });
  }
  for (const path of INTERNAL_PATHS) {
    const r = await s.get(path);
    expect({ path, status: r.status }).toEqual({ path, status: 403 });
    expect((await r.text()).includes(INTERNAL_TITLE)).toBe(false);
  }
  // The menu offers no proposals to those who cannot open them.
  expect(await (await s.get('/')).text()).not.toContain('href="/issues"');
});

test('/web answers privately with a personal link; its page has a button that signs in with a safe cookie', async () => {
  const said = await say(s.app, 'bob', '/web');
  expect(said.private).toBe(true);
  expect(said.text).toContain('有效至 2026年12月8日（二）11:00，只能使用一次');
  const res = await followLink(linkOf(said.text));
  expect(res.status).toBe(303);
  expect(res.headers.get('location')).toBe('/');
  expect(res.headers.get('cache-control')).toBe('no-store');
  const cookie = res.headers.get('set-cookie')!;
  expect(cookie).toMatch(/^po_session=[^;]+; Max-Age=604800; Path=\/; HttpOnly; SameSite=Lax$/);
  const session = cookie.split(';')[0]!;

  const issue = await s.get('/issues/2', { cookie: session });
  expect(issue.status).toBe(200);
  expect(issue.headers.get('cache-control')).toBe('private, no-store');
  const body = await issue.text();
  expect(body).toContain(INTERNAL_TITLE);
  expect(body).toContain('2 票，來自 2 個部會');
  expect(body).toContain('交通部（1）：amy');
  expect(body).toContain('勞動部（1）：bob');
  expect(body).toContain('已登入：bob');
  // Signed in, the ballot on the coming meeting's agenda and this week's top proposals show.
  expect(await (await s.get('/meetings/2', { cookie: session })).text()).toContain(INTERNAL_TITLE);
  expect(await (await s.get('/', { cookie: session })).text()).toContain(INTERNAL_TITLE);
  expect(((await (await s.get('/api/issues', { cookie: session })).json()) as { total: number }).total).toBe(2);

  const out = await s.get('/signout', { method: 'POST', cookie: session });
  expect(out.status).toBe(303);
  expect(out.headers.get('set-cookie')).toMatch(/^po_session=; Max-Age=0; Path=\//);
});

test('a forged, tampered, expired or misused link shows nothing internal and sets no cookie', async () => {
  const url = new URL(linkOf((await say(s.app, 'amy', '/web')).text));
  const token = url.searchParams.get('t')!;
  const [user, epoch, exp, sig] = token.split('.');
  const other = 'another secret, but long enough to pass';
  const bad = {
    otherUser: `2.${epoch}.${exp}.${sig}`,
    laterExpiry: `${user}.${epoch}.${Number(exp) + 1}.${sig}`,
    otherEpoch: `${user}.${Number(epoch) + 1}.${exp}.${sig}`,
    flippedSignature: `${user}.${epoch}.${exp}.${sig!.startsWith('A') ? 'B' : 'A'}${sig!.slice(1)}`,
    // The same bytes spelled otherwise (the last character's unused bits): still not the token given out.
    respelled: `${user}.${epoch}.${exp}.${sig!.slice(0, -1)}${String.fromCharCode(sig!.charCodeAt(42) ^ 1)}`,
    // The same numbers spelled otherwise: only the canonical spelling verifies.
    leadingZeroExpiry: `${user}.${epoch}.0${exp}.${sig}`,
    leadingZeroUser: `0${user}.${epoch}.${exp}.${sig}`,
    forged: signToken(other, 'signin', { userId: 1, epoch: 0, expiresAt: new Date(Number(exp)) }),
    garbage: '<script>',
    empty: '',
  };
  for (const [name, t] of Object.entries(bad)) {
    for (const res of [await s.get(`/signin?t=${encodeURIComponent(t)}`), await followLink(`${s.base}/signin?t=${encodeURIComponent(t)}`)]) {
      expect({ name, status: res.status, cookie: res.headers.get('set-cookie') }).toEqual({ name, status: 403, cookie: null });
      expect(await res.text()).toContain('這個登入連結無效、已使用過或已過期');
    }
  }
  // A link's token is not a session either.
  expect((await s.get('/issues', { cookie: `po_session=${token}` })).status).toBe(403);

  const cookie = (await followLink(url.href)).headers.get('set-cookie')!.split(';')[0]!;
  s.app.clock.advance(7 * 86_400_000 + 60_000);
  const late = await s.get(url.pathname + url.search);
  expect(late.status).toBe(403);
  expect(late.headers.get('set-cookie')).toBeNull();
  const stale = await s.get('/issues/2', { cookie });
  expect(stale.status).toBe(403);
  expect(await stale.text()).not.toContain(INTERNAL_TITLE);
});

test('web.public decides what anyone may read', async () => {
  const open = await startSite({ web: { public: ['issues', 'meetings'] } });
  try {
    await seed(open);
    expect((await open.get('/issues/2')).status).toBe(200);
    expect((await open.get('/cases')).status).toBe(403);
    expect((await open.get('/agencies/MOTC')).status).toBe(403);
    expect((await open.get('/feed.atom')).status).toBe(403);
    expect((await open.get('/calendar.ics')).status).toBe(403);
    const home = await (await open.get('/')).text();
    expect(home).toContain(INTERNAL_TITLE);
    expect(home).not.toContain('/cases/1');
    // Minutes are not public here: a held meeting's page shows no record.
    expect(await (await open.get('/meetings/1')).text()).not.toContain('下週五召開協作會議');
  } finally {
    await open.close();
  }
});
