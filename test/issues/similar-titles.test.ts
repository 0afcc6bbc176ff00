import { TITLE_PAIRS } from './fixtures/title-pairs';
import { areClose, similarTitles, titleFeatures } from '../../src/core/issues/similar-titles';
import { testApp, type TestApp } from '../support/app';
import { chat } from '../support/chat';

const flagged = (a: string, b: string) => areClose(titleFeatures(a), titleFeatures(b));

function measure(kinds: readonly string[]) {
  const pairs = TITLE_PAIRS.filter((p) => kinds.includes(p.kind));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const p of pairs) {
    const hit = flagged(p.a, p.b);
    if (hit && p.kind === 'duplicate') tp++;
    else if (hit) fp++;
    else if (p.kind === 'duplicate') fn++;
  }
  return { pairs: pairs.length, tp, fp, fn, precision: tp / (tp + fp), recall: tp / (tp + fn) };
}

test('the fixture has at least 60 labelled pairs in zh-TW and English', () => {
  expect(TITLE_PAIRS.length).toBeGreaterThanOrEqual(60);
  const english = TITLE_PAIRS.filter((p) => /^[\x20-\x7e]+$/.test(p.a));
  expect(english.length).toBeGreaterThanOrEqual(10);
  expect(TITLE_PAIRS.filter((p) => p.kind === 'nearMiss').length).toBeGreaterThanOrEqual(30);
});

test('no false warning on any near-miss (titles sharing only common words)', () => {
  const wrong = TITLE_PAIRS.filter((p) => p.kind === 'nearMiss' && flagged(p.a, p.b));
  expect(wrong).toEqual([]);
});

test('precision and recall on the fixture (the numbers the README reports)', () => {
  const core = measure(['duplicate', 'nearMiss']);
  const all = measure(['duplicate', 'nearMiss', 'lookalike']);
  // README "Duplicate warning": 72 pairs, 33 of 36 duplicates found, 0 false warnings;
  // with the 4 one-character lookalikes counted as non-duplicates, precision 33/37.
  expect(core).toEqual({ pairs: 72, tp: 33, fp: 0, fn: 3, precision: 1, recall: 33 / 36 });
  expect(all).toMatchObject({ pairs: 76, tp: 33, fp: 4, fn: 3 });
});

test("the issue's examples: 公務人員組工會 ~ 公務人員組工會問題; titles sharing only 推動 or 資料 are not close", () => {
  expect(flagged('公務人員組工會', '公務人員組工會問題')).toBe(true);
  expect(flagged('推動資料開放', '推動長照服務')).toBe(false);
  expect(flagged('資料開放平台改版', '個人資料保護法修法')).toBe(false);
  expect(similarTitles('公務人員組工會問題', [{ title: '推動資料開放' }, { title: '公務人員組工會' }, { title: '公務人員退休年金' }])).toEqual([{ title: '公務人員組工會' }]);
  // Titles made only of common words have nothing distinctive to compare.
  expect(similarTitles('推動資料開放', [{ title: '資料開放推動' }])).toEqual([]);
});

describe('/propose', () => {
  let app: TestApp;
  let c: ReturnType<typeof chat>;
  beforeEach(() => {
    app = testApp({ facilitators: ['console:pdis'] });
    c = chat(app);
  });
  afterEach(() => app.cleanup());

  test('posts the card and names similar open issues with the /merge that would combine them', async () => {
    await c.cmd('amy', '/propose 公務人員組工會');
    await c.cmd('bob', '/propose 推動資料開放');
    expect(await c.cmd('cat', '/propose 公務人員組工會問題 | 換個說法')).toBe('⚠️ 與議題 #1「公務人員組工會」相似，若重複可請主持人 /merge 3 1');
    expect(app.store.issues.get(3)!.title).toBe('公務人員組工會問題');
    expect(app.delivery.posts).toHaveLength(3);
    expect(await c.cmd('dan', '/propose 推動長照服務')).toBeUndefined();
  });

  test('withdrawn, merged and selected issues are not named', async () => {
    await c.cmd('amy', '/propose 公務人員組工會');
    await c.cmd('amy', '/propose 公務人員組工會');
    await c.cmd('amy', '/propose 公務人員組工會');
    await c.cmd('amy', '/withdraw 1');
    await c.cmd('pdis', '/merge 2 3');
    await c.cmd('pdis', '/select 3');
    expect(await c.cmd('bob', '/propose 公務人員組工會問題')).toBeUndefined();
  });

  test('several similar issues are listed, closest first', async () => {
    const en = testApp({ locale: 'en', facilitators: ['console:pdis'] });
    try {
      const e = chat(en);
      await e.cmd('amy', '/propose Civil servant labor unions');
      await e.cmd('amy', '/propose Allow civil servants to form labor unions');
      await e.cmd('amy', '/propose Open data for transport');
      expect(await e.cmd('bob', '/propose Civil servants labor unions')).toBe(
        '⚠️ Similar to issue #1 "Civil servant labor unions", issue #2 "Allow civil servants to form labor unions". If it is a duplicate, a facilitator can /merge 4 1',
      );
    } finally {
      en.cleanup();
    }
  });
});
