/**
 * `.dockerignore` as Docker reads it: one pattern a line, `#` comments, `!` re-includes, the last
 * matching pattern wins, `*`/`?` stay inside one path segment, `**` spans any number of them, and
 * a pattern that matches a directory excludes everything under it.
 */
export interface IgnoreRule {
  pattern: string;
  negate: boolean;
  re: RegExp;
}

export function parseDockerignore(text: string): IgnoreRule[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => {
      const negate = l.startsWith('!');
      const pattern = clean(negate ? l.slice(1).trim() : l);
      return { pattern, negate, re: toRegExp(pattern) };
    });
}

function clean(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

function toRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        re += '(?:.*/)?'; // `**/` : zero or more leading directories
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += '\\' + pattern[++i];
    else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether a context-relative path (`src/main.ts`) is left out of the build context. */
export function isIgnored(rules: readonly IgnoreRule[], path: string): boolean {
  const p = clean(path);
  if (p === '') return false;
  // A path is out if it, or any directory above it, matches: test each prefix.
  const segs = p.split('/');
  const prefixes = segs.map((_, i) => segs.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (prefixes.some((x) => rule.re.test(x))) ignored = !rule.negate;
  }
  return ignored;
}
