import type { Span } from '../types';

/**
 * The little Markdown a guide is written in, as core spans every adapter can render: `#`
 * headings and `**bold**` become bold, `` `code` `` code, `[text](https://…)` a link; anything
 * else (lists, numbers) stays as typed. Text is never markup: adapters escape every span.
 */
export function markdownSpans(md: string): Span[] {
  const out: Span[] = [];
  md.replace(/\r\n?/g, '\n')
    .split('\n')
    .forEach((line, i) => {
      if (i > 0) out.push('\n');
      const heading = /^#{1,6}\s+(.*)$/.exec(line);
      if (heading) out.push({ bold: heading[1]!.trim() });
      else out.push(...inline(line));
    });
  return out.filter((s) => s !== '');
}

const INLINE = /\*\*([^*]+)\*\*|`([^`]+)`|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;

function inline(line: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const m of line.matchAll(INLINE)) {
    out.push(line.slice(at, m.index));
    if (m[1] !== undefined) out.push({ bold: m[1] });
    else if (m[2] !== undefined) out.push({ code: m[2] });
    else out.push({ link: m[4]!, text: m[3]! });
    at = m.index + m[0].length;
  }
  out.push(line.slice(at));
  return out;
}
