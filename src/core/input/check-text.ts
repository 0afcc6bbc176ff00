import { UserError } from '../errors';

// Control characters other than tab and newline; DEL and C1 controls too.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Bidi embedding/override/isolate controls: they can make text display other than it reads.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
// Invisible characters that make two titles look alike or split a word a filter looks for
// (`@\u200Bchannel`): zero-width space and non-joiner, word joiner, BOM, Mongolian vowel
// separator, soft hyphen. The zero-width joiner is refused too, except inside an emoji
// sequence (👨‍👩‍👧), where it belongs.
const ZERO_WIDTH = /[\u200B\u200C\u2060\uFEFF\u180E\u00AD]|(?<![\p{Extended_Pictographic}\uFE0F\u{1F3FB}-\u{1F3FF}])\u200D|\u200D(?!\p{Extended_Pictographic})/u;
// Mass mentions in plain form and Slack's escaped forms (<!channel>, <!subteam^…>, <@U…>, <#C…>).
const MASS_MENTION = /(^|[^\w])[@＠](everyone|channel|here|all)\b|<\s*[!@#]/i;
// Anything that looks like an HTML tag or Slack's <url|label> markup.
const MARKUP = /<\s*\/?\s*[a-z][^>]*>|<[^>]*\|[^>]*>/i;

/**
 * Refuses text that could ping everyone, disguise itself or smuggle markup; everything else
 * (SQL-looking text, emoji, right-to-left letters, Markdown) is stored verbatim and escaped by
 * each adapter when shown.
 */
export function checkText(text: string, opts: { max: number; multiline: boolean }): void {
  const length = [...text].length;
  if (length > opts.max) throw new UserError('common.tooLong', { max: opts.max, actual: length });
  if (CONTROL.test(text) || (!opts.multiline && /[\n\t]/.test(text))) throw new UserError('common.controlChars', undefined);
  if (BIDI.test(text)) throw new UserError('common.bidiChars', undefined);
  if (ZERO_WIDTH.test(text)) throw new UserError('common.invisibleChars', undefined);
  if (MASS_MENTION.test(text)) throw new UserError('common.massMention', undefined);
  if (MARKUP.test(text)) throw new UserError('common.markup', undefined);
}

/** Length in user-perceived characters (code points), as people count 字. */
export function charLength(s: string): number {
  return [...s].length;
}

/**
 * Every command's arguments and every chat line the bot records: 10 kB in UTF-8, checked before
 * any parser sees the text (a 50,000-character `/case … lead …` once held the event loop for
 * almost a second). A quick test on the string's length first: most text never needs encoding.
 */
export const INPUT_MAX_BYTES = 10 * 1024;

export function inputBytes(text: string): number {
  // At most 3 bytes per UTF-16 unit: short text is under the limit without encoding it.
  if (text.length * 3 <= INPUT_MAX_BYTES) return text.length;
  return new TextEncoder().encode(text).length;
}

export function checkInputSize(text: string): void {
  const bytes = inputBytes(text);
  if (bytes > INPUT_MAX_BYTES) throw new UserError('common.inputTooLarge', { maxKb: INPUT_MAX_BYTES / 1024, kb: Math.ceil(bytes / 1024) });
}

/**
 * A platform's display name, cleaned for display rather than refused (a person cannot fix
 * their Slack profile from a chat): control, bidi and zero-width characters removed (an RLO in
 * a name would reverse the minutes line it appears in), spaces collapsed.
 */
export function cleanName(name: string): string {
  const g = (r: RegExp) => new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`);
  return name.replace(g(CONTROL), '').replace(g(BIDI), '').replace(g(ZERO_WIDTH), '').replace(/\s+/g, ' ').trim();
}
