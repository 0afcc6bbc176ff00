import { UserError } from '../errors';

// Control characters other than tab and newline; DEL and C1 controls too.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// Bidi embedding/override/isolate controls: they can make text display other than it reads.
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;
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
  if (MASS_MENTION.test(text)) throw new UserError('common.massMention', undefined);
  if (MARKUP.test(text)) throw new UserError('common.markup', undefined);
}

/** Length in user-perceived characters (code points), as people count 字. */
export function charLength(s: string): number {
  return [...s].length;
}
