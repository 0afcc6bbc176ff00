import {
  TEXT_LIMIT,
  encodeCallbackData,
  escapeAttribute,
  escapeHtml,
  htmlToPlain,
  renderKeyboard,
  renderParts,
  renderSingle,
  renderToast,
  trimPlain,
} from '../../src/adapters/telegram/render';
import { menuDescription } from '../../src/adapters/telegram/telegram.commands';
import type { RichText } from '../../src/core/types';

const opts = { truncatedNote: '…（訊息過長，以下省略）' };

/** Telegram's own view: what is left once tags are parsed. Also checks every tag is closed. */
function visible(html: string): string {
  const stack: string[] = [];
  for (const m of html.matchAll(/<(\/?)([a-z]+)[^>]*>/g)) {
    if (m[1]) expect(stack.pop()).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  // No stray `<`, `>` or bare `&` outside our tags and entities.
  expect(html.replace(/<\/?[a-z]+(?: href="[^"]*")?>/g, '').replace(/&(lt|gt|amp|quot);/g, '')).not.toMatch(/[<>&]/);
  return htmlToPlain(html);
}

describe('escaping', () => {
  test('user text can never become a tag or an entity', () => {
    expect(escapeHtml('<b>x</b> & <a href="y">')).toBe('&lt;b&gt;x&lt;/b&gt; &amp; &lt;a href="y"&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
    expect(escapeAttribute('a" onclick="x')).toBe('a&quot; onclick=&quot;x');
  });

  test('every span kind escapes its text; links only for safe schemes', () => {
    const text: RichText = [
      '<i>plain</i> & ',
      { bold: '<b>bold</b>' },
      ' ',
      { code: '</code><b>' },
      ' ',
      { link: 'https://join.gov.tw/x?a=1&b="2"', text: '<連結>' },
      ' ',
      { link: 'javascript:alert(1)', text: 'click' },
      ' ',
      { mention: { platform: 'telegram', id: '123', name: '<Amy>' } },
      ' ',
      { mention: { platform: 'slack', id: 'U1', name: 'Ben' } },
    ];
    const html = renderSingle(text, opts);
    expect(html).toBe(
      '&lt;i&gt;plain&lt;/i&gt; &amp; <b>&lt;b&gt;bold&lt;/b&gt;</b> <code>&lt;/code&gt;&lt;b&gt;</code> ' +
        '<a href="https://join.gov.tw/x?a=1&amp;b=&quot;2&quot;">&lt;連結&gt;</a> click (javascript:alert(1)) ' +
        '<a href="tg://user?id=123">&lt;Amy&gt;</a> @Ben',
    );
    visible(html);
  });

  test('an empty or blank message still renders something Telegram accepts', () => {
    expect(renderSingle([], opts)).toBe('…');
    expect(renderParts(['  \n '], opts)).toEqual(['…']);
    expect(renderSingle([{ bold: '' }, 'x'], opts)).toBe('x');
  });
});

describe('length', () => {
  test('short text is one part, unchanged', () => {
    expect(renderParts(['你好'], opts)).toEqual(['你好']);
  });

  test('long text splits at line breaks, keeps every character, and closes tags per part', () => {
    const lines = Array.from({ length: 300 }, (_, i) => `第 ${i} 行 & <議題>`);
    const text: RichText = [{ bold: lines.slice(0, 150).join('\n') }, '\n', lines.slice(150).join('\n')];
    const parts = renderParts(text, opts);
    expect(parts.length).toBeGreaterThan(1);
    const seen = parts.map(visible);
    for (const p of seen) expect(p.length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(seen.join('')).toBe(lines.join('\n'));
    for (const p of seen.slice(0, -1)) expect(p.endsWith('\n')).toBe(true);
  });

  test('escaping does not count against the limit (Telegram counts parsed text)', () => {
    const html = renderSingle(['&'.repeat(TEXT_LIMIT)], opts);
    expect(html.length).toBe(TEXT_LIMIT * 5);
    expect(visible(html).length).toBe(TEXT_LIMIT);
  });

  test('a cut never splits an emoji or a rare character (surrogate pairs)', () => {
    const s = '𠀀'.repeat(3000) + '👍'.repeat(3000);
    for (const limit of [4096, 101, 7, 2]) {
      const parts = renderParts([s], { ...opts, limit, maxParts: 100_000 });
      for (const p of parts) {
        expect(p.length).toBeLessThanOrEqual(limit);
        expect(p).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }
      expect(parts.join('')).toBe(s);
    }
    const one = renderSingle([s], opts);
    expect(one).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  test('one message: trimmed with a note; many parts: capped, the last trimmed', () => {
    const one = visible(renderSingle([{ bold: 'x'.repeat(10_000) }], opts));
    expect(one.length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(one.endsWith(opts.truncatedNote)).toBe(true);
    const parts = renderParts([('y'.repeat(99) + '\n').repeat(1000)], { ...opts, maxParts: 3 });
    expect(parts).toHaveLength(3);
    for (const p of parts) expect(visible(p).length).toBeLessThanOrEqual(TEXT_LIMIT);
    expect(parts[2]!.endsWith(opts.truncatedNote)).toBe(true);
  });

  test('a text without spaces or line breaks is cut hard, still within the limit', () => {
    const parts = renderParts(['字'.repeat(10_000)], opts);
    expect(parts.map((p) => p.length)).toEqual([4096, 4096, 1808]);
  });
});

describe('buttons, toasts, menu', () => {
  test('callback data fits 64 bytes or the button is left out', () => {
    expect(encodeCallbackData({ action: 'vote', value: '12' })).toBe('vote:12');
    expect(encodeCallbackData({ action: 'vote', value: '議'.repeat(30) })).toBeUndefined();
    expect(encodeCallbackData({ action: 'a:b', value: '1' })).toBeUndefined();
    const { markup, dropped } = renderKeyboard([
      { action: 'vote', value: '1', label: '👍 +1' },
      { action: 'x', value: 'z'.repeat(80), label: 'too long' },
    ]);
    expect(markup).toEqual({ inline_keyboard: [[{ text: '👍 +1', callback_data: 'vote:1' }]] });
    expect(dropped).toBe(1);
    expect(renderKeyboard(undefined).markup).toEqual({ inline_keyboard: [] });
  });

  test('toasts are plain text within 200 characters', () => {
    expect(renderToast([{ bold: '<b>已投票</b>' }])).toBe('<b>已投票</b>');
    const long = renderToast(['投'.repeat(500)]);
    expect(long.length).toBe(200);
    expect(long.endsWith('…')).toBe(true);
    expect(trimPlain('👍'.repeat(150), 200).length).toBeLessThanOrEqual(200);
  });

  test('menu descriptions are 1–256 characters', () => {
    expect(menuDescription('— 列出部會清單與簡稱', 'agencies')).toBe('列出部會清單與簡稱');
    expect(menuDescription('<編號> — 議題詳情', 'issue')).toBe('<編號> — 議題詳情');
    expect(menuDescription('  ', 'x')).toBe('x');
    expect(menuDescription('長'.repeat(300), 'x').length).toBe(256);
  });
});
