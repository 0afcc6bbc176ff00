import { en } from '../../src/i18n/en';

// Every English message, rendered with 0, 1 and 2 of each thing it counts, must read as English:
// "1 vote", "2 votes", "0 votes", never "1 votes" or "2 vote"; and its punctuation must be ASCII
// (no full-width colon or brackets, no typographic quotes, dashes or ellipses).

const NOUNS: [string, string][] = [
  ['vote', 'votes'], ['agency', 'agencies'], ['line', 'lines'], ['day', 'days'], ['case', 'cases'], ['row', 'rows'],
  ['motion', 'motions'], ['meeting', 'meetings'], ['hour', 'hours'], ['minute', 'minutes'], ['person', 'people'],
  ['item', 'items'], ['character', 'characters'], ['issue', 'issues'], ['decision', 'decisions'], ['attendee', 'attendees'],
  ['co-agency', 'co-agencies'], ['follow-up item', 'follow-up items'], ['week', 'weeks'], ['officer', 'officers'],
];
const ADJ = '(?:(?:more|new|open|overdue|other|tracked|released) )?';
const WRONG_ONE = new RegExp(`(?<![#\\d.,-])\\b1 ${ADJ}(${NOUNS.map((n) => n[1]).join('|')})\\b`);
const WRONG_MANY = new RegExp(`(?<![#\\d.,-])\\b[02] ${ADJ}(${NOUNS.map((n) => n[0]).join('|')})\\b(?!-)`);
const NON_ASCII_PUNCTUATION = /(?![\x00-\x7f])\p{P}/u;

type Message = string | ((p: unknown) => string);

/** The parameter names a message reads (each given a number, as the catalog's counts are). */
function keysRead(m: (p: unknown) => string): string[] {
  const seen = new Set<string>();
  m(new Proxy({}, { get: (_t, k) => (typeof k === 'string' ? (seen.add(k), 1) : undefined) }));
  return [...seen];
}

function renders(m: Message): string[] {
  if (typeof m === 'string') return [m];
  const keys = keysRead(m);
  const out: string[] = [];
  for (const n of [0, 1, 2]) {
    out.push(m(Object.fromEntries(keys.map((k) => [k, n]))));
    // Each counted thing alone at 0, 1 and 2, the others at 2.
    for (const k of keys) out.push(m(Object.fromEntries(keys.map((x) => [x, x === k ? n : 2]))));
  }
  return out;
}

const all: [string, Message][] = Object.entries(en).flatMap(([part, messages]) =>
  Object.entries(messages as Record<string, Message>).map(([key, m]) => [`${part}.${key}`, m] as [string, Message]),
);

test.each(all)('%s reads as English with 0, 1 and 2', (_key, m) => {
  for (const text of renders(m)) {
    expect({ text, wrongOne: WRONG_ONE.exec(text)?.[0] }).toEqual({ text, wrongOne: undefined });
    expect({ text, wrongMany: WRONG_MANY.exec(text)?.[0] }).toEqual({ text, wrongMany: undefined });
    expect({ text, punctuation: NON_ASCII_PUNCTUATION.exec(text)?.[0] }).toEqual({ text, punctuation: undefined });
  }
});

test('the checks themselves catch what they are for', () => {
  expect(WRONG_ONE.test('now 1 votes from 1 agencies')).toBe(true);
  expect(WRONG_ONE.test('(1 lines)')).toBe(true);
  expect(WRONG_ONE.test('1 more agencies')).toBe(true);
  expect(WRONG_ONE.test('issue #1 votes')).toBe(false);
  expect(WRONG_MANY.test('2 vote from 0 agency')).toBe(true);
  expect(NON_ASCII_PUNCTUATION.test('環境部：chen')).toBe(true);
  expect(NON_ASCII_PUNCTUATION.test('"quoted" - ok... (yes): 👍 ⚠️ →')).toBe(false);
  expect(NON_ASCII_PUNCTUATION.test('“quoted” — no…')).toBe(true);
});
