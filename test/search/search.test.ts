import fc from 'fast-check';
import { caseApp, say } from '../cases/helpers';
import type { TestApp } from '../support/app';
import { MEMBER_SCOPE, search, type SearchGroup } from '../../src/core/search/search';
import { isProblem, parseQuery } from '../../src/core/search/search-query';
import { seedCorpus } from './corpus';

let a: TestApp;
beforeAll(async () => {
  a = caseApp();
  await seedCorpus(a);
});
afterAll(() => a.cleanup());

/** What a member finds: kind → the titles, in order. */
function find(q: string): Record<string, string[]> {
  const parsed = parseQuery(q);
  if (isProblem(parsed)) throw new Error(parsed.problem);
  const groups: SearchGroup[] = search(a.bot.services, 'zh-TW', MEMBER_SCOPE, parsed, { limit: 10 });
  return Object.fromEntries(groups.map((g) => [g.kind, g.results.map((r) => r.title)]));
}

const DAY = '十二月協作會議';
test.each([
  // Two characters: no trigram of their own (the short-word path).
  ['國旅', { proposal: ['#1 國旅卡使用期限延長'], speech: [expect.stringContaining(DAY)] }],
  ['職災', { proposal: ['#2 職災保險申請流程簡化'], case: ['第一案 職災保險申請流程簡化', '第一案 職災保險申請流程簡化'], item: ['第一案 職災保險申請流程簡化 · 勞動部'] }],
  ['回覆', { decision: [expect.stringContaining(DAY)], speech: [expect.stringMatching(/^bob · 十二月協作會議/)] }],
  // One character.
  ['卡', { proposal: ['#1 國旅卡使用期限延長'], speech: [expect.stringMatching(/^amy · /)] }],
  // Three and four characters.
  ['國旅卡', { proposal: ['#1 國旅卡使用期限延長'], speech: [expect.stringMatching(/^amy · /)] }],
  ['勞動部', { case: ['第一案 職災保險申請流程簡化'], decision: [expect.stringContaining(DAY)] }],
  ['使用期限', { proposal: ['#1 國旅卡使用期限延長'] }],
  ['國民旅遊卡', { proposal: ['#1 國旅卡使用期限延長'] }],
  // English words, any case, and a code.
  ['open data', { proposal: ['#3 開放資料 API 標準化'] }],
  ['OPEN', { proposal: ['#3 開放資料 API 標準化'] }],
  ['MOTC', { proposal: ['#4 MOTC 公共運輸資料品質'] }],
  ['motc', { proposal: ['#4 MOTC 公共運輸資料品質'] }],
  ['api', { proposal: ['#3 開放資料 API 標準化'] }],
  // Every word must be there: the speech about 國旅卡 says nothing of 期限.
  ['國旅卡 期限', { proposal: ['#1 國旅卡使用期限延長'] }],
  ['資料 品質', { proposal: ['#4 MOTC 公共運輸資料品質'] }],
  // Nothing.
  ['健保卡', {}],
  ['丞', {}],
  ['xyzzy', {}],
])('%s', (q, expected) => {
  expect(find(q)).toEqual(expected);
});

test('proposals rank the better match first', async () => {
  const b = caseApp();
  try {
    await say(b, 'amy', '/propose 停車位 | 公園旁');
    await say(b, 'amy', '/propose 國旅卡 國旅卡 | 國旅卡的特約商店與國旅卡期限');
    const parsed = parseQuery('國旅卡');
    if (isProblem(parsed)) throw new Error();
    const [g] = search(b.bot.services, 'zh-TW', MEMBER_SCOPE, parsed, { limit: 10 });
    expect(g!.results.map((r) => r.path)).toEqual(['/issues/2']);
  } finally {
    b.cleanup();
  }
});

test('the snippet marks every occurrence of every word and is plain text', () => {
  const parsed = parseQuery('期限 國旅');
  if (isProblem(parsed)) throw new Error();
  const [g] = search(a.bot.services, 'zh-TW', MEMBER_SCOPE, parsed, { limit: 10 });
  const parts = g!.results[0]!.snippet;
  expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['國旅', '期限', '期限']);
  expect(parts.map((p) => p.text).join('')).toBe('國旅卡使用期限延長 建議延長國民旅遊卡的使用期限，並放寬特約商店。');
});

test('/search in chat: grouped by kind, each hit with its snippet, the hits in bold', async () => {
  const r = await say(a, 'amy', '/search 職災');
  expect(r.private).toBe(true);
  expect(r.text).toBe(
    [
      '「職災」的搜尋結果',
      '提案',
      '• #2 職災保險申請流程簡化',
      '  職災保險申請流程簡化',
      '協作案',
      '• 第一案 職災保險申請流程簡化',
      '  已函請勞動部說明職災給付',
      '• 第一案 職災保險申請流程簡化',
      '  職災保險申請流程簡化',
      '列管事項',
      '• 第一案 職災保險申請流程簡化 · 勞動部',
      '  提供職災統計',
    ].join('\n'),
  );
  const bold = r.answer!.message.text.filter((s) => typeof s === 'object' && 'bold' in s).map((s) => (s as { bold: string }).bold);
  expect(bold).toEqual(['「職災」的搜尋結果', '提案', '職災', '協作案', '職災', '職災', '列管事項', '職災']);
});

test('/search answers in English when the chat is', async () => {
  const en = caseApp({ locale: 'en' });
  try {
    await say(en, 'amy', '/propose MOTC open data');
    expect((await say(en, 'amy', '/search motc')).text).toBe('Search results for "motc"\nProposals\n• #1 MOTC open data\n  MOTC open data');
    expect((await say(en, 'amy', '/search nothing-here')).text).toBe('Nothing on record contains "nothing-here".');
    expect((await say(en, 'amy', '/search')).text).toMatch(/^Type the words to look for/);
  } finally {
    en.cleanup();
  }
});

test('with the web address set, each hit links to its page and a kind with more hits links to the full results', async () => {
  const b = caseApp({ web: { baseUrl: 'https://po.example.tw' } });
  try {
    for (let i = 1; i <= 5; i++) await say(b, 'amy', `/propose 國旅卡議題${i}`);
    const r = await say(b, 'amy', '/search 國旅');
    const links = r.answer!.message.text.filter((s) => typeof s === 'object' && 'link' in s).map((s) => (s as { link: string }).link);
    expect(links).toEqual(['https://po.example.tw/issues/5', 'https://po.example.tw/issues/4', 'https://po.example.tw/issues/3', `https://po.example.tw/search?q=${encodeURIComponent('國旅')}`]);
    expect(r.text).toContain('……還有更多');
  } finally {
    b.cleanup();
  }
});

const HOSTILE: Record<string, string> = {
  quote: '"',
  quotes: '"國旅卡"',
  unbalanced: '國旅"卡',
  near: 'NEAR(國旅 卡)',
  nearUpper: '國旅 NEAR 卡',
  star: '國旅*',
  starAlone: '*',
  minus: '-國旅',
  minusAlone: '-',
  or: '國旅卡 OR 職災',
  and: 'AND',
  not: 'NOT 國旅',
  caret: '^國旅',
  column: 'body:國旅',
  braces: '{body}:國旅',
  parens: '(((',
  plus: '國旅 + 卡',
  sql: "'; DROP TABLE issues; --",
  sqlOr: "' OR 1=1 --",
  likeWildcards: '%_%',
  backslash: '\\',
  loneHigh: '國旅\uD800',
  loneLow: '\uDC00',
  nul: '國\u0000旅',
  oversized: '國旅卡'.repeat(3500),
  tenKb: 'x'.repeat(10 * 1024 - 10),
  longWord: '國旅卡'.repeat(40),
  manyWords: 'a b c d e f g h i j',
};

function tables(app: TestApp): Record<string, number> {
  const c = app.db.$client;
  const names = (c.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not like 'search_%'`).all() as { name: string }[]).map((t) => t.name);
  return Object.fromEntries(names.map((n) => [n, (c.prepare(`select count(*) n from "${n}"`).get() as { n: number }).n]));
}

test.each(Object.keys(HOSTILE))('bad input (%s): a clear answer, nothing changed', async (name) => {
  const before = tables(a);
  const r = await say(a, 'bob', `/search ${HOSTILE[name]}`);
  expect(r.text).toMatch(/^(「.*」的搜尋結果|找不到含「.*」的紀錄。|搜尋字詞太長：最多 100 個字。|搜尋字詞太多：最多 8 個詞。|請輸入要找的字詞|訊息太長：最多 10 kB)/su);
  expect(r.text.length).toBeLessThan(4000);
  expect(tables(a)).toEqual(before);
});

test('FTS syntax is only text: quotes, NEAR, OR and * find what holds them literally', async () => {
  expect(find('"國旅卡"')).toEqual({});
  expect(find('國旅卡 OR 職災')).toEqual({});
  expect(find('國旅"卡')).toEqual({});
  await say(a, 'amy', '/propose 關於 "NEAR" 與 a*b 的寫法');
  expect(Object.values(find('"NEAR"')).flat()).toEqual(['#6 關於 "NEAR" 與 a*b 的寫法']);
  expect(Object.values(find('a*b')).flat()).toEqual(['#6 關於 "NEAR" 與 a*b 的寫法']);
  expect(Object.values(find('"n')).flat()).toEqual(['#6 關於 "NEAR" 與 a*b 的寫法']);
  await say(a, 'amy', '/withdraw 6');
});

test('any query string: an answer, never an exception (fuzz)', () => {
  const services = a.bot.services;
  const word = fc.constantFrom('國旅', '卡', '"', '*', '-', 'NEAR', 'OR', '(', ')', '%', '_', '\\', "'", ';', ' ', '\uD800', '\uDFFF', '😀', 'MOTC', '職災');
  fc.assert(
    fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 120 }), fc.array(word, { maxLength: 12 }).map((w) => w.join(''))), (raw) => {
      const q = parseQuery(raw);
      if (isProblem(q)) return;
      const groups = search(services, 'zh-TW', MEMBER_SCOPE, q, { limit: 5 });
      for (const g of groups) for (const r of g.results) expect(r.snippet.some((p) => p.hit)).toBe(true);
    }),
    { numRuns: 300 },
  );
});

test('the index follows every write in its transaction: an edit, a line removed, a rolled-back event', async () => {
  const b = caseApp();
  try {
    await say(b, 'amy', '/propose 舊標題甲乙');
    expect(find.call(null, '舊標題') && search(b.bot.services, 'zh-TW', MEMBER_SCOPE, parseQuery('舊標題') as never, { limit: 5 }).length).toBe(1);
    await say(b, 'amy', '/edit 1 新標題丙丁');
    const hits = (q: string) => search(b.bot.services, 'zh-TW', MEMBER_SCOPE, parseQuery(q) as never, { limit: 5 }).flatMap((g) => g.results.map((r) => r.path));
    expect(hits('舊標題')).toEqual([]);
    expect(hits('新標題')).toEqual(['/issues/1']);
    // A write that fails is rolled back with its index rows.
    expect(() =>
      b.store.transaction(() => {
        b.db.$client.prepare(`insert into issues (title, details, proposer_id, chat, created_at) values ('回滾標題', '', 1, 'console:main', 0)`).run();
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(hits('回滾標題')).toEqual([]);
    expect(b.db.$client.prepare(`select count(*) n from search_fts`).get()).toEqual({ n: 1 });
  } finally {
    b.cleanup();
  }
});

test('every trigger that keeps the index is there after the last migration (a table rebuild drops its triggers)', () => {
  const names = (a.db.$client.prepare(`select name from sqlite_master where type = 'trigger' and name like 'search_%' order by name`).all() as { name: string }[]).map((t) => t.name);
  expect(names).toEqual(
    ['case_notes', 'cases', 'issues', 'items', 'lines']
      .flatMap((t) => ['delete', 'insert', 'update', ...(t === 'lines' ? ['strike'] : [])].map((op) => `search_${t}_${op}`))
      .sort(),
  );
});

test('a struck line leaves the search with the published minutes', async () => {
  expect(find('勞保局')).toEqual({ speech: [expect.stringMatching(/^bob · /)] });
  const r = await say(a, 'pdis', '/minutes strike 1 3 誤記');
  expect(r.text).not.toMatch(/用法|找不到/);
  expect(find('勞保局')).toEqual({});
  expect(find('回覆')).toEqual({ decision: [expect.stringContaining(DAY)] });
});
