/** The longest query, in characters: enough for a sentence, short enough to answer fast. */
export const QUERY_MAX_CHARS = 100;
/** Words in one query. */
export const QUERY_MAX_TERMS = 8;

export type QueryProblem = { problem: 'empty' } | { problem: 'tooLong'; max: number } | { problem: 'tooManyTerms'; max: number };

export interface SearchQuery {
  /** What was asked, cleaned (shown back to the asker). */
  text: string;
  /** Lower-case words; a hit contains every one. */
  terms: string[];
}

// Lone surrogates, control characters, bidi and zero-width marks: never part of a word.
const NOISE = /[\uD800-\uDFFF\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu;

/** Lower-cases character by character, keeping every character's length, so offsets in the folded text are offsets in the original. */
export function fold(s: string): string {
  let out = '';
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

/**
 * A query as typed (chat arguments or `?q=`): words separated by spaces, each searched as
 * written. Quotes, `*`, `-`, `NEAR`, `OR` and SQL are just characters to look for: nothing a
 * person types is read as search syntax.
 */
export function parseQuery(raw: string): SearchQuery | QueryProblem {
  // `u` flag: a well-formed pair matches as one code point and is kept; a lone half is noise.
  const cleaned = raw.replace(NOISE, ' ').replace(/\s+/gu, ' ').trim();
  if (cleaned === '') return { problem: 'empty' };
  if ([...cleaned].length > QUERY_MAX_CHARS) return { problem: 'tooLong', max: QUERY_MAX_CHARS };
  const terms = [...new Set(fold(cleaned).split(' '))];
  if (terms.length > QUERY_MAX_TERMS) return { problem: 'tooManyTerms', max: QUERY_MAX_TERMS };
  return { text: cleaned, terms };
}

export function isProblem(q: SearchQuery | QueryProblem): q is QueryProblem {
  return 'problem' in q;
}
