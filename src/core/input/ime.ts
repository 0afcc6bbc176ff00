// What a Chinese IME types in full width — the space (U+3000), digits, ／ ＃ ： ， and the
// other ASCII look-alikes (U+FF01–U+FF5E) — folded to ASCII. Only for command syntax (names,
// numbers, keywords, agency tags, dates): free text is stored exactly as typed, so callers fold
// the tokens they parse, never the text they keep.

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

export function foldWidth(s: string): string {
  return s.replace(FULL_WIDTH, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/**
 * Splits the leading record number off a command's arguments (`#12 rest`, `＃１２　rest`):
 * the number folded, the rest exactly as typed. Undefined when the arguments do not start with one.
 */
export function leadingNumber(args: string): { n: number; rest: string } | undefined {
  const m = /^\s*[#＃]?([0-9０-９]{1,9})(?=\s|$)\s*/.exec(args);
  if (!m) return undefined;
  return { n: Number(foldWidth(m[1]!)), rest: args.slice(m[0].length) };
}
