// Generated chat content for the renderers' property tests: the Unicode that breaks naive cuts
// (astral characters, ZWJ sequences, flags, skin tones, combining marks), the characters that
// are markup somewhere (`<>&*_~` and backticks), mentions, links, and sizes up to 200,000.
import fc from 'fast-check';
import type { Button, RichText, Span } from '../../src/core/types';

const pieces = [
  'a', 'Z', '9', ' ', '  ', '\n', '\n\n', '中', '議題', '，', '＊', '＠', 'ｶﾞ',
  '<', '>', '&', '*', '_', '~', '`', '```', '|', '"', '&amp;', '&lt;', '<!channel>', '@channel', '@here', '<@U123>', '<https://x.tw|y>',
  '🎉', '👍', '👍🏽', '👨‍👩‍👧‍👦', '🏳️‍🌈', '🇹🇼', '🇯🇵', 'e\u0301', 'a\u0308\u0323', '\u200B', '\u200D', '𠮷', '\r\n', '\t', 'ﷺ',
];

/** A short run of the tricky pieces. */
export const fragment: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 6 }).map((s) => s.replace(/[\uD800-\uDFFF]/g, 'x')),
);

const url = fc.oneof(
  fc.constantFrom('https://join.gov.tw/idea/1', 'https://example.org/a|b>c', 'http://x.tw/?q=<&>', 'javascript:alert(1)', 'tg://user?id=1'),
  fc.integer({ min: 1, max: 3000 }).map((n) => 'https://example.org/' + 'p'.repeat(n)),
);

export const span: fc.Arbitrary<Span> = fc.oneof(
  { weight: 6, arbitrary: fragment },
  { weight: 1, arbitrary: fragment.map((bold) => ({ bold })) },
  { weight: 1, arbitrary: fragment.map((code) => ({ code })) },
  { weight: 1, arbitrary: fc.record({ link: url, text: fragment }) },
  {
    weight: 1,
    arbitrary: fc.record({
      mention: fc.record({ platform: fc.constantFrom('slack' as const, 'telegram' as const), id: fc.constantFrom('U0AMY', 'W12345', '42', '!channel', '123456789'), name: fragment }),
    }),
  },
);

/** Up to `max` UTF-16 units: a handful of generated spans repeated until the size is reached. */
export function richText(max = 200_000): fc.Arbitrary<RichText> {
  return fc
    .record({
      spans: fc.array(span, { minLength: 1, maxLength: 10 }),
      size: fc.integer({ min: 0, max }),
    })
    .map(({ spans, size }) => {
      const out: Span[] = [];
      let length = 0;
      for (let i = 0; length < size || i < spans.length; i++) {
        const s = spans[i % spans.length]!;
        out.push(s);
        length += spanLength(s) + 1;
        // A line break now and then, so packing at line ends is exercised too.
        if (i % 7 === 6) out.push('\n');
        if (i > 400_000) break;
      }
      return out;
    });
}

function spanLength(s: Span): number {
  if (typeof s === 'string') return s.length;
  if ('bold' in s) return s.bold.length;
  if ('code' in s) return s.code.length;
  if ('link' in s) return s.link.length + s.text.length;
  return s.mention.name.length;
}

export const buttons: fc.Arbitrary<Button[]> = fc.array(
  fc.record({
    action: fc.constantFrom('vote', 'pick', 'case-follow'),
    value: fc.oneof(fc.nat().map(String), fragment, fc.integer({ min: 1, max: 3000 }).map((n) => '9'.repeat(n))),
    label: fc.oneof(fragment, fc.constantFrom('x'.repeat(73) + '👍👍', '👍 +1', '', '👨‍👩‍👧‍👦'.repeat(20))),
  }),
  { maxLength: 60 },
);

/**
 * Bounded so `npm test` stays fast: many short inputs for breadth, a few up to 200,000
 * characters (fast-check biases sizes towards the bounds, so most large runs are near 200,000).
 */
export const SIZES = [
  { max: 5000, numRuns: 40 },
  { max: 200_000, numRuns: 3 },
];
