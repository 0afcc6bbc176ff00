// Where text may be cut for a platform limit: only between grapheme clusters (what a reader sees
// as one character: 👍🏽, 🇹🇼, 👨‍👩‍👧, e + a combining accent), never between the halves of a
// surrogate pair, which would leave lone surrogates that Slack cannot even form-encode.

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Clusters longer than this are cut at a code point instead (a zalgo run, not a character). */
const WINDOW = 256;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The last cut position at or before `i` that falls between two code points. */
export function codePointCut(s: string, i: number): number {
  return i > 0 && i < s.length && isHighSurrogate(s.charCodeAt(i - 1)) ? i - 1 : i;
}

/**
 * The last grapheme boundary at or before `i`. Only a window around `i` is segmented, so a cut
 * in a 200,000-character text costs the same as in a short one.
 */
export function graphemeCut(s: string, i: number): number {
  if (i <= 0) return 0;
  if (i >= s.length) return s.length;
  const from = Math.max(0, i - WINDOW);
  const seg = segmenter.segment(s.slice(from, Math.min(s.length, i + WINDOW))).containing(i - from);
  const at = seg ? from + seg.index : i;
  // The cluster starts before the window: it is no character a reader sees; cut at a code point.
  if (at === from && from > 0) return codePointCut(s, i);
  return at;
}

/** Segmenting more than this at once gets slow (V8 took 70 s for one 180,000-character string). */
const CHUNK = 256;

/**
 * Characters that are always a cluster of their own next to each other (no Extend, ZWJ,
 * Prepend, SpacingMark, regional indicator, Hangul jamo or CR among them): between two of
 * them there is always a boundary (UAX #29 GB4, GB5, GB999), so most zh-TW and ASCII text
 * needs no segmenter at all.
 */
function isSimple(c: number): boolean {
  return c === 10 || (c >= 0x20 && c <= 0x7e) || (c >= 0x3000 && c <= 0x3029) || (c >= 0x3030 && c <= 0x303f) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff01 && c <= 0xff5e);
}

/**
 * Segments a window at a time: each window starts at a boundary and its last cluster, which
 * the window's end may have cut short, is segmented again at the start of the next one.
 */
function segmentInto(out: string[], s: string): void {
  let from = 0;
  while (from < s.length) {
    const end = Math.min(s.length, from + CHUNK);
    const segs = [...segmenter.segment(s.slice(from, end))];
    const keep = end === s.length || segs.length === 1 ? segs.length : segs.length - 1;
    for (let k = 0; k < keep; k++) out.push(segs[k]!.segment);
    from += keep === segs.length ? end - from : segs[keep]!.index;
  }
}

/** The grapheme clusters of `s`, in order. */
export function graphemes(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= s.length; i++) {
    if (i < s.length && !(isSimple(s.charCodeAt(i - 1)) && isSimple(s.charCodeAt(i)))) continue;
    if (i - start === 1) out.push(s[start]!);
    else segmentInto(out, s.slice(start, i));
    start = i;
  }
  return out;
}

/** `s` within `max` UTF-16 units, cut between clusters, with `mark` (`…`) when something was cut. */
export function cutText(s: string, max: number, mark = '…'): string {
  if (s.length <= max) return s;
  return s.slice(0, graphemeCut(s, Math.max(0, max - mark.length))) + mark;
}
