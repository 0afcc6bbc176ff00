import { say } from '../cases/helpers';
import { startSite, type WebSite } from './support';

/**
 * Issue 29 items 2 and 5: the web says what state every proposal and meeting is in, with the
 * chat's words, and the JSON under /api is one shape: paged alike, arrays never null, issues
 * and cases linked both ways, every time in the network's zone (+08:00) like the exports.
 */
let s: WebSite;
let cookie: string;
beforeAll(async () => {
  s = await startSite();
  const a = s.app;
  await say(a, 'amy', '/iam 交通部');
  await say(a, 'bob', '/iam 勞動部');
  await say(a, 'amy', '/propose 國旅卡使用範圍擴大');
  await say(a, 'bob', '/propose 公務人員組工會');
  await say(a, 'amy', '/propose 國旅卡擴大適用');
  await say(a, 'bob', '/vote 3');
  await say(a, 'pdis', '/merge 3 1');
  await say(a, 'pdis', '/select 1');
  // Meeting #1 is closed before its slot; #2 is still ahead.
  await say(a, 'pdis', '/meeting add 月會 2026-12-07 14:00');
  await say(a, 'pdis', '/meeting close 1');
  await say(a, 'pdis', '/meeting add 週會 2026-12-10 10:00');
  // Meeting #3: recorded from 10:00 to 10:05 (its ad-hoc slot is an hour).
  await say(a, 'pdis', '/startmeeting 臨時協調會');
  await say(a, 'amy', '第一句');
  a.clock.advance(5 * 60_000);
  await say(a, 'pdis', '/endmeeting');
  cookie = await s.signIn('amy');
});
afterAll(() => s.close());

async function text(path: string): Promise<string> {
  return (await s.get(path, { cookie })).text();
}
async function json<T>(path: string): Promise<T> {
  return (await s.get(path, { cookie })).json() as Promise<T>;
}

describe('item 2: state everywhere', () => {
  test('a merged proposal says 已併入 #N, not "0 票…尚無人投票"; a selected one says 已成案 with its case', async () => {
    const merged = await text('/issues/3');
    expect(merged).toContain('已併入 #1');
    expect(merged).toContain('<a href="/issues/1">');
    expect(merged).not.toContain('尚無人投票');
    expect(merged).not.toContain('0 票');
    const selected = await text('/issues/1');
    expect(selected).toContain('已成案：第一案');
    expect(selected).toContain('<a href="/cases/1">');
    expect(await text('/issues/2')).toContain('開放中');
  });

  test('the /issues list shows each state as a badge with text', async () => {
    const body = await text('/issues');
    const row = (id: number) => new RegExp(`<tr[^>]*>(?:(?!</tr>).)*href="/issues/${id}"(?:(?!</tr>).)*</tr>`, 's').exec(body)?.[0] ?? '';
    expect(row(1)).toContain('class="badge state-selected">已成案：第一案<');
    expect(row(2)).toContain('class="badge state-open">開放中<');
    expect(row(3)).toContain('class="badge state-merged">已併入 #1<');
  });

  test('a meeting closed before its slot is not under 即將舉行', async () => {
    const body = await text('/meetings');
    const [upcoming, past] = body.split('過去的會議');
    expect(upcoming).toContain('href="/meetings/2"');
    expect(upcoming).not.toContain('href="/meetings/1"');
    expect(past).toContain('href="/meetings/1"');
    expect(past).toContain('已結束');
    const api = await json<{ upcoming: { id: number }[]; meetings: { id: number }[] }>('/api/meetings');
    expect(api.upcoming.map((m) => m.id)).toEqual([2]);
    expect(api.meetings.map((m) => m.id)).toContain(1);
  });

  test('the minutes page says when recording really started and ended, not the planned slot', async () => {
    const body = await text('/meetings/3');
    expect(body).toContain('2026年12月1日（二）10:00–10:05');
    expect(body).not.toContain('10:00–11:00');
    const api = await json<{ minutes: { startedAt: string; endedAt: string } }>('/api/meetings/3');
    expect(api.minutes).toMatchObject({ startedAt: '2026-12-01T10:00:00.000+08:00', endedAt: '2026-12-01T10:05:00.000+08:00' });
  });
});

describe('item 5: one honest API', () => {
  test('/api/meetings?page=2 has arrays like page 1, never null', async () => {
    for (const page of [1, 2]) {
      const api = await json<Record<string, unknown>>(`/api/meetings?page=${page}`);
      expect(Object.keys(api).sort()).toEqual(['meetings', 'page', 'pageSize', 'total', 'upcoming']);
      expect(Array.isArray(api.upcoming)).toBe(true);
      expect(Array.isArray(api.meetings)).toBe(true);
    }
  });

  test('every paged list has the same shape: page, pageSize, total and the array', async () => {
    for (const [path, key] of [['/api/cases', 'cases'], ['/api/issues', 'issues'], ['/api/meetings', 'meetings']] as const) {
      const api = await json<Record<string, unknown>>(path);
      expect({ path, page: api.page, pageSize: api.pageSize, total: typeof api.total, list: Array.isArray(api[key]) }).toEqual({ path, page: 1, pageSize: 50, total: 'number', list: true });
    }
  });

  test('overview meetings carry their status', async () => {
    const o = await json<{ upcomingMeetings: { id: number; status: string }[] }>('/api/overview');
    expect(o.upcomingMeetings.map((m) => [m.id, m.status])).toEqual([[2, 'scheduled']]);
  });

  test('an issue carries its case when selected and mergedInto when merged; a case its issue id', async () => {
    const one = await json<{ status: string; case: { number: number; url: string } | null; mergedInto: number | null }>('/api/issues/1');
    expect(one).toMatchObject({ status: 'selected', case: { number: 1, url: `${s.base}/cases/1` }, mergedInto: null });
    expect(await json('/api/issues/3')).toMatchObject({ status: 'merged', mergedInto: 1, case: null });
    expect(await json('/api/issues/2')).toMatchObject({ status: 'open', mergedInto: null, case: null });
    const list = await json<{ issues: { id: number; mergedInto: number | null }[] }>('/api/issues');
    expect(list.issues.find((i) => i.id === 3)!.mergedInto).toBe(1);
    expect(await json('/api/cases/1')).toMatchObject({ number: 1, issueId: 1 });
  });

  test('every time in the API is in +08:00, none in UTC Z', async () => {
    const paths = ['/api/overview', '/api/cases', '/api/cases/1', '/api/meetings', '/api/meetings/1', '/api/meetings/2', '/api/meetings/3', '/api/agencies/MOTC', '/api/issues', '/api/issues/1'];
    for (const path of paths) {
      const body = await text(path);
      expect({ path, utc: body.match(/"\d{4}-\d\d-\d\dT[^"]*Z"/g) }).toEqual({ path, utc: null });
    }
    expect((await json<{ createdAt: string }>('/api/issues/1')).createdAt).toBe('2026-12-01T10:00:00.000+08:00');
  });
});
