/**
 * "Is this new proposal the same concern as an open one?" — by the words two titles share.
 *
 * A title becomes a set of features: each English word (lower-case, plural folded) and each pair
 * of adjacent Chinese characters (character bigrams: Chinese has no spaces, and a bigram is about
 * the size of a word). Words every proposal uses (推動, 資料, 問題, open, data…) are cut out first
 * and break the text there, so they never count as shared, nor glue a bigram across themselves.
 *
 * Two titles are close when, of these features, they share
 *  - at least 2 and at least 60% of all they have (Dice coefficient ≥ 0.6), or
 *  - at least 3 and at least 70% of the smaller title's (one title contains the other:
 *    公務人員組工會 ⊂ 公務人員組工會問題).
 * Measured on test/issues/fixtures/title-pairs.ts (see docs / README for the numbers).
 */

// Words common to proposals of every subject. Cut out before bigrams are taken.
const COMMON_ZH = [
  '跨部會', '推動', '資料', '問題', '相關', '建立', '機制', '政府', '計畫', '計劃', '改善', '加強', '提升', '推廣', '制度',
  '服務', '平台', '平臺', '系統', '申請', '民眾', '規定', '修正', '修法', '檢討', '開放', '數位', '公共', '政策', '議題',
  '建議', '研議', '討論', '如何', '是否', '應否', '應該', '辦理', '作業', '流程', '措施', '方案', '檢視', '促進', '強化',
  '落實', '規劃', '部會', '協調', '整合', '優化', '完善', '辦法', '法規', '臺灣', '全國', '國家', '機關', '單位',
  '資訊', '應用', '發展', '支持', '補助', '增加', '減少', '降低', '提高', '簡化', '統一', '標準', '透明', '公開', '參與',
  '不足', '缺乏', '過高', '太高', '爭議', '全面', '設置', '增設', '預算', '調整', '改革',
];
// Single characters that join words (的, 與 …): they break the text like a space.
const JOINERS = '的之與及和或對於在為並等及讓可以';

const STOP_EN = new Set(
  ('a an the of for to in on at by with and or about from into near is are be can should ' +
    'open data government public digital improve promote issue issues problem proposal new ' +
    'reform review law amendment framework service services').split(' '),
);

const COMMON_RE = new RegExp(`${[...COMMON_ZH].sort((a, b) => b.length - a.length).join('|')}|[${JOINERS}]`, 'g');

/** A few variant characters people use interchangeably (臺/台). */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/台/g, '臺');
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

export function titleFeatures(title: string): Set<string> {
  const out = new Set<string>();
  const text = fold(title);
  for (const m of text.matchAll(/[a-z0-9]+/g)) {
    const w = stem(m[0]);
    if (w.length >= 2 && !STOP_EN.has(w) && !STOP_EN.has(m[0])) out.add(w);
  }
  const han = text.replace(COMMON_RE, ' ');
  for (const m of han.matchAll(/\p{Script=Han}+/gu)) {
    const run = [...m[0]];
    for (let i = 0; i < run.length; i++) {
      out.add(run[i]!);
      if (i + 1 < run.length) out.add(run[i]! + run[i + 1]!);
    }
  }
  return out;
}

export function closeness(a: ReadonlySet<string>, b: ReadonlySet<string>): { shared: number; dice: number; contained: number } {
  let shared = 0;
  for (const f of a) if (b.has(f)) shared++;
  const dice = a.size + b.size ? (2 * shared) / (a.size + b.size) : 0;
  const smaller = Math.min(a.size, b.size);
  return { shared, dice, contained: smaller ? shared / smaller : 0 };
}

export const DICE = 0.6;
export const CONTAINED = 0.7;

export function areClose(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const c = closeness(a, b);
  return (c.shared >= 2 && c.dice >= DICE) || (c.shared >= 3 && c.contained >= CONTAINED);
}

/** The candidates close to `title`, closest first, at most `max`. */
export function similarTitles<T extends { title: string }>(title: string, candidates: readonly T[], max = 3): T[] {
  const mine = titleFeatures(title);
  if (!mine.size) return [];
  const scored: { c: T; dice: number }[] = [];
  for (const c of candidates) {
    const theirs = titleFeatures(c.title);
    if (areClose(mine, theirs)) scored.push({ c, dice: closeness(mine, theirs).dice });
  }
  return scored.sort((x, y) => y.dice - x.dice).slice(0, max).map((s) => s.c);
}
