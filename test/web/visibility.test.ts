import { WEB_SECTIONS, type WebSection } from '../../src/config/web.schema';
import { say } from '../cases/helpers';
import { buildWebApp } from '../../src/web/server';
import { silentLogger } from '../../src/core/logger';
import { startSite, type WebSite } from './support';

/**
 * Issue 23 item 2: one visibility rule. Marker strings are placed in content of each kind; for
 * every subset of web.public (all 128), every route is fetched anonymously and its body searched
 * for the markers its visitor may not see. One database and one web app, asked in-process
 * (Hono's app.request: the pages without the sockets, some 3,700 of them): web.public is read
 * per request, so the test changes it between rounds.
 */
const M = {
  proposal: '甲標記內部提案',
  caseTitle: '乙標記協作案名',
  note: '丙標記案件備註',
  item: '丁標記列管事項',
  looseItem: '戊標記無案列管',
  endedDecision: '己標記已結束決議',
  endedItem: '庚標記已結束列管',
  endedLine: '辛標記已結束發言',
  recDecision: '壬標記紀錄中決議',
  recItem: '癸標記紀錄中列管',
  recLine: '子標記紀錄中發言',
  recRelease: '丑標記紀錄中解除',
} as const;
type Marker = keyof typeof M;

/** Where each marker may show to someone not signed in, given the public sections. */
const ALLOWED: Record<Marker, (open: ReadonlySet<WebSection>) => boolean> = {
  proposal: (o) => o.has('issues'),
  // The case's title is its proposal's title.
  caseTitle: (o) => o.has('cases') || o.has('issues'),
  note: (o) => o.has('cases'),
  item: (o) => o.has('cases'),
  looseItem: (o) => o.has('cases'),
  // Recorded in a meeting whose record is published: the minutes' section decides.
  endedDecision: (o) => o.has('minutes'),
  endedItem: (o) => o.has('minutes'),
  endedLine: (o) => o.has('minutes'),
  // Recorded in a meeting still being recorded: nobody outside.
  recDecision: () => false,
  recItem: () => false,
  recLine: () => false,
  recRelease: () => false,
};

const ROUTES: string[] = [
  '/', '/api/overview',
  '/cases', '/api/cases', '/cases/1', '/api/cases/1',
  '/meetings', '/api/meetings',
  '/meetings/1', '/api/meetings/1', '/meetings/1/minutes.md', '/meetings/1/minutes.an.xml',
  '/meetings/2', '/api/meetings/2',
  '/meetings/3', '/api/meetings/3', '/meetings/3/minutes.md',
  '/agencies', '/api/agencies', '/agencies/MOTC', '/api/agencies/MOTC', '/agencies/MOL',
  '/issues', '/api/issues', '/issues/1', '/issues/2', '/api/issues/2',
  '/calendar.ics', '/feed.atom',
  // Speaker pages (issue 29 item 3), added once the speakers have ids: amy spoke in the ended
  // meeting, bob only in the one being recorded.
  // Every marker holds 標記 (a two-character word: the short-query path), and the trigram path.
  '/search?q=標記', '/api/search?q=標記', '/search?q=%E6%A8%99%E8%A8%98&kind=speech', '/api/search?q=標記列管',
];

let s: WebSite;
let cookie: string;
let web: ReturnType<typeof buildWebApp>;
beforeAll(async () => {
  s = await startSite();
  const a = s.app;
  await say(a, 'amy', '/iam 交通部');
  await say(a, 'bob', '/iam 勞動部');
  await say(a, 'amy', `/propose ${M.caseTitle} #勞動部`);
  await say(a, 'bob', `/propose ${M.proposal}`);
  await say(a, 'amy', '/vote 2');
  await say(a, 'pdis', '/select 1');
  await say(a, 'pdis', '/case 1 lead 交通部 co 勞動部');
  await say(a, 'pdis', `/case 1 note ${M.note}`);
  await say(a, 'pdis', `/action 第一案 交通部 ${M.item} due 2026-11-28`);
  await say(a, 'pdis', `/action 交通部 ${M.looseItem} due 2026-12-20`);
  // Meeting #1: recorded and ended.
  await say(a, 'pdis', '/startmeeting 十一月協作會議');
  await say(a, 'pdis', '/topic 第一案');
  await say(a, 'amy', M.endedLine);
  await say(a, 'pdis', `/decision ${M.endedDecision}`);
  await say(a, 'pdis', `/action 交通部 ${M.endedItem} due 2026-11-30`);
  await say(a, 'pdis', '/endmeeting');
  a.clock.advance(3_600_000);
  // Meeting #2: the next one, scheduled (its agenda lists every open follow-up item).
  await say(a, 'pdis', '/meeting add 月會 2026-12-07 14:00');
  // Meeting #3: being recorded now.
  await say(a, 'pdis', '/startmeeting 臨時協調會');
  await say(a, 'pdis', '/topic 第一案');
  await say(a, 'bob', M.recLine);
  await say(a, 'pdis', `/decision ${M.recDecision}`);
  await say(a, 'pdis', `/action 交通部 ${M.recItem} due 2026-11-29`);
  // A release made while this meeting is recorded is part of its record (#1 is the case's item).
  await say(a, 'amy', `/done 1 ${M.recRelease}`);
  for (const who of ['amy', 'bob']) {
    const { id } = a.db.$client.prepare(`select id from users where platform = 'console' and platform_user_id = ?`).get(who) as { id: number };
    ROUTES.push(`/speakers/${id}`, `/api/speakers/${id}`);
  }
  cookie = await s.signIn('amy');
  web = buildWebApp({ app: s.app, clock: s.app.clock, logger: silentLogger });
});
afterAll(() => s.close());

/** A body as its reader sees it: iCalendar lines unfolded (a marker may be folded across two), search hits unmarked. */
async function body(path: string, opts: { cookie?: string } = {}): Promise<string> {
  const text = await (await web.request(path, { headers: opts.cookie ? { cookie: opts.cookie } : {} })).text();
  return text.replace(/\r\n[ \t]/g, '').replace(/<\/?mark>/g, '');
}

function subsets(): WebSection[][] {
  const out: WebSection[][] = [];
  for (let mask = 0; mask < 1 << WEB_SECTIONS.length; mask++) out.push(WEB_SECTIONS.filter((_, i) => mask & (1 << i)));
  return out;
}

function setPublic(list: WebSection[]): void {
  (s.app.config.web as { public: WebSection[] }).public = list;
}

test('signed in, every marker shows somewhere (the matrix below searches for real content)', async () => {
  setPublic([]);
  const all = (await Promise.all(ROUTES.map((r) => body(r, { cookie })))).join('\n');
  for (const [name, marker] of Object.entries(M)) expect({ name, shown: all.includes(marker) }).toEqual({ name, shown: true });
});

test('with every section public, an anonymous visitor sees each marker the rule allows, and nothing still being recorded', async () => {
  setPublic([...WEB_SECTIONS]);
  const all = (await Promise.all(ROUTES.map((r) => body(r)))).join('\n');
  for (const [name, marker] of Object.entries(M)) expect({ name, shown: all.includes(marker) }).toEqual({ name, shown: ALLOWED[name as Marker](new Set(WEB_SECTIONS)) });
});

test('the search alone finds every marker for a member, and for a visitor exactly those the rule allows', async () => {
  setPublic([]);
  const member = (await Promise.all(['/search?q=標記', '/api/search?q=標記'].map((r) => body(r, { cookie })))).join('\n');
  for (const [name, marker] of Object.entries(M)) expect({ name, shown: member.includes(marker) }).toEqual({ name, shown: true });
  for (const list of [[...WEB_SECTIONS], ['cases'], ['meetings', 'minutes'], ['issues'], []] as WebSection[][]) {
    setPublic(list);
    const text = await body('/api/search?q=標記');
    for (const [name, marker] of Object.entries(M)) expect({ list, name, shown: text.includes(marker) }).toEqual({ list, name, shown: ALLOWED[name as Marker](new Set(list)) });
  }
});

test('every web.public subset × every route: an anonymous body holds no marker its sections do not allow', async () => {
  const leaks: string[] = [];
  for (const list of subsets()) {
    setPublic(list);
    const open = new Set(list);
    const hidden = (Object.keys(M) as Marker[]).filter((k) => !ALLOWED[k](open));
    const bodies = await Promise.all(ROUTES.map(async (r) => [r, await body(r)] as const));
    for (const [route, text] of bodies) for (const k of hidden) if (text.includes(M[k])) leaks.push(`[${list.join(',')}] ${route}: ${k}`);
  }
  expect(leaks).toEqual([]);
});

test('the reproductions from the issue, spelled out', async () => {
  const DEFAULT: WebSection[] = ['cases', 'meetings', 'minutes', 'agencies', 'calendar', 'feed'];
  // `cases` internal: the next meeting's agenda (page and JSON) and an agency page showed case titles and 列管 items.
  setPublic(DEFAULT.filter((x) => x !== 'cases'));
  for (const path of ['/meetings/2', '/api/meetings/2', '/agencies/MOTC', '/api/agencies/MOTC']) {
    const text = await body(path);
    expect({ path, title: text.includes(M.caseTitle), item: text.includes(M.item) }).toEqual({ path, title: false, item: false });
  }
  expect(await body('/meetings/2')).toContain('歷次會議決議辦理情形');
  // `minutes` internal: /decision text was on the public case timeline.
  setPublic(DEFAULT.filter((x) => x !== 'minutes'));
  const timeline = await body('/cases/1');
  expect(timeline).toContain(M.note);
  expect(timeline).not.toContain(M.endedDecision);
  // The default: a meeting being recorded showed its decisions and items on the case, the next agenda and the agency.
  setPublic(DEFAULT);
  for (const path of ['/cases/1', '/api/cases/1', '/meetings/2', '/agencies/MOTC', '/meetings/3', '/api/meetings/3', '/', '/feed.atom']) {
    const text = await body(path);
    expect({ path, decision: text.includes(M.recDecision), item: text.includes(M.recItem) }).toEqual({ path, decision: false, item: false });
  }
  // A release recorded in that meeting is not public yet either: the item still shows as open
  // where open items are listed, and the release's note nowhere.
  for (const path of ['/agencies/MOTC', '/api/agencies/MOTC', '/cases/1']) {
    const text = await body(path);
    expect({ path, item: text.includes(M.item), release: text.includes(M.recRelease) }).toEqual({ path, item: true, release: false });
  }
  expect(await body('/cases/1', { cookie })).toContain(M.recRelease);
  // What was published stays published.
  expect(await body('/cases/1')).toContain(M.endedDecision);
  expect(await body('/agencies/MOTC')).toContain(M.endedItem);
});
