import { fold } from './search-query';

/** A piece of a snippet: `hit` pieces are the searched words (shown highlighted). */
export interface SnippetPart {
  text: string;
  hit: boolean;
}

/** Characters of context shown around the first hit. */
const BEFORE = 24;
const WIDTH = 90;

/** Every [start, end) where a term occurs in the folded text, merged where they touch. */
function ranges(folded: string, terms: readonly string[]): [number, number][] {
  const found: [number, number][] = [];
  for (const term of terms) {
    for (let i = folded.indexOf(term); i !== -1; i = folded.indexOf(term, i + 1)) found.push([i, i + term.length]);
  }
  found.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  return merged;
}

/** Whether the text contains every term (as the index matched it: case folded). */
export function containsAll(text: string, terms: readonly string[]): boolean {
  const folded = fold(text);
  return terms.every((t) => folded.includes(t));
}

// Never cut a surrogate pair in half.
function snapStart(s: string, i: number): number {
  return i > 0 && i < s.length && /[\uDC00-\uDFFF]/.test(s[i]!) ? i - 1 : i;
}

/**
 * A short piece of `text` around its first hit, every occurrence of a term marked, line breaks
 * shown as spaces and `…` where it was cut. Plain text: whoever shows it escapes it.
 */
export function snippet(text: string, terms: readonly string[]): SnippetPart[] {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const all = ranges(fold(flat), terms);
  const first = all[0]?.[0] ?? 0;
  const start = snapStart(flat, first - BEFORE > 0 ? first - BEFORE : 0);
  const end = snapStart(flat, Math.min(flat.length, Math.max(start + WIDTH, (all[0]?.[1] ?? 0))));
  const parts: SnippetPart[] = [];
  const push = (s: string, hit: boolean) => {
    if (s) parts.push({ text: s, hit });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [a, b] of all) {
    if (b <= start || a >= end) continue;
    const from = Math.max(a, start);
    const to = Math.min(b, end);
    push(flat.slice(at, from), false);
    push(flat.slice(from, to), true);
    at = to;
  }
  push(flat.slice(at, end), false);
  if (end < flat.length) push('…', false);
  return parts;
}
