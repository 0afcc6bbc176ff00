import fc from 'fast-check';
import {
  CALLBACK_DATA_MAX_BYTES,
  TEXT_LIMIT,
  TOAST_LIMIT,
  htmlToPlain,
  renderKeyboard,
  renderLong,
  renderSingle,
  renderToast,
} from '../../src/adapters/telegram/render';
import { richToPlain, type RichText } from '../../src/core/types';
import { wellFormed } from '../support/slack/block-kit';
import { buttons, richText, SIZES } from './arbitraries';
import { expectLinesInOrder, noClusterSplit } from './graphemes';

const opts = { truncatedNote: '…（訊息過長，以下省略）', continuedNote: '…（訊息過長，完整內容見下方附檔 message.txt）' };
const ALLOWED_TAG = /<\/?(b|code|a)(?: href="[^"<>]*")?>/g;

/** What Telegram's HTML parser accepts from us: only b, code and a, balanced; entities only. */
function visibleText(html: string): string {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`unbalanced </${m[2]}>`);
    } else stack.push(m[2]!);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
  const bare = html.replace(ALLOWED_TAG, '');
  if (/[<>]/.test(bare) || /&(?!amp;|lt;|gt;|quot;)/.test(bare)) throw new Error('markup outside the allowed tags');
  const text = htmlToPlain(html);
  if (text.length > TEXT_LIMIT) throw new Error(`${text.length} > ${TEXT_LIMIT}`);
  if (!text.trim() || !wellFormed(html)) throw new Error('empty or not well-formed');
  return text;
}

/** Telegram's visible text of a rich text (what renderParts measures): links show their label. */
function visibleOf(text: RichText): string {
  return htmlToPlain(renderSingle(text, { ...opts, limit: Number.MAX_SAFE_INTEGER }));
}

describe('every Telegram payload is one Telegram accepts, and nothing is lost', () => {
  test.each(SIZES)('answers (up to $max characters): 4,096 per part, allowed tags only, well-formed, every line in the parts or the file', ({ max, numRuns }) => {
    fc.assert(
      fc.property(richText(max), (text) => {
        const { parts, overflow } = renderLong(text, opts);
        expect(parts.length).toBeLessThanOrEqual(5);
        const shown = parts.map(visibleText);
        noClusterSplit(shown);
        const squash = (s: string) => s.replace(/\s/g, '');
        if (overflow === undefined) expectLinesInOrder(squash(shown.join('')), visibleOf(text).split('\n').map(squash));
        else {
          expect(wellFormed(overflow)).toBe(true);
          expectLinesInOrder(overflow, richToPlain(text).split('\n'));
        }
      }),
      { numRuns },
    );
  });

  test('cards edited in place: one part within the limit', () => {
    fc.assert(
      fc.property(richText(), (text) => void visibleText(renderSingle(text, opts))),
      { numRuns: 3 },
    );
  });

  test('keyboards: callback_data within 64 bytes and decodable, labels well-formed; toasts within 200', () => {
    fc.assert(
      fc.property(buttons, richText(2000), (bs, text) => {
        const { markup, dropped } = renderKeyboard(bs);
        const sent = markup.inline_keyboard.flat();
        expect(sent.length + dropped).toBe(bs.length);
        for (const b of sent) {
          // Without a bot username no button is a deep link: each carries callback data.
          if (!('callback_data' in b)) throw new Error('a deep link without a bot username');
          expect(Buffer.byteLength(b.callback_data, 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_MAX_BYTES);
          expect(wellFormed(b.text) && wellFormed(b.callback_data) && b.text.length >= 1).toBe(true);
        }
        const toast = renderToast(text);
        expect(toast.length).toBeLessThanOrEqual(TOAST_LIMIT);
        expect(wellFormed(toast)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});
