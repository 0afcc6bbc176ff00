import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Console examples in the documentation, written as fenced blocks opened with ```po-console
 * (see docs/README.md, "Examples are tested"). Input lines are what a person types into
 * `npm start`; every other line is what the bot posts, `[#<id>] <text>` with the text's further
 * lines below it. `…` stands for any text (within a line, or whole lines on its own).
 */
export interface DocExample {
  file: string;
  line: number;
  /** BOT_NOW for the run: the fixed clock that makes the example work on any date. */
  now: string;
  locale?: 'zh-TW' | 'en';
  input: string[];
  posts: { id: number; text: string }[];
}

export const DEFAULT_NOW = '2026-12-01T10:00:00+08:00';
const OPEN = /^```po-console(?:[ \t]+(.*))?$/;
const CLOSE = /^```\s*$/;
// A console user name (lower-case first letter by convention, so that a continued output
// line such as "Proposer: amy" is never read as input), a `.dot` instruction, or a command.
const INPUT = /^(?:[a-z][A-Za-z0-9_.-]{0,39}:(?: |$)|\.[a-z]+(?:\s|$)|\/)/;
const POST = /^\[#(\d+)\] ?(.*)$/;

export function parseExamples(markdown: string, file: string): DocExample[] {
  const lines = markdown.split('\n');
  const out: DocExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPEN.exec(lines[i]!);
    if (!open) continue;
    const ex: DocExample = { file, line: i + 1, now: DEFAULT_NOW, input: [], posts: [] };
    for (const attr of (open[1] ?? '').split(/\s+/).filter(Boolean)) {
      const [key, value] = attr.split('=', 2) as [string, string | undefined];
      if (key === 'now' && value) ex.now = value;
      else if (key === 'locale' && (value === 'en' || value === 'zh-TW')) ex.locale = value;
      else throw new Error(`${file}:${i + 1}: unknown po-console attribute "${attr}" (known: now=<ISO time>, locale=en|zh-TW)`);
    }
    let j = i + 1;
    for (; j < lines.length && !CLOSE.test(lines[j]!); j++) {
      const l = lines[j]!;
      const post = POST.exec(l);
      if (post) ex.posts.push({ id: Number(post[1]), text: post[2]! });
      else if (INPUT.test(l)) ex.input.push(l);
      else if (ex.posts.length && ex.input.length) ex.posts[ex.posts.length - 1]!.text += '\n' + l;
      else if (!l.trim()) continue;
      else throw new Error(`${file}:${j + 1}: a po-console line before any post that is not input: "${l}"`);
    }
    if (j === lines.length) throw new Error(`${file}:${i + 1}: po-console block is not closed`);
    if (!ex.input.length) throw new Error(`${file}:${i + 1}: po-console block without input`);
    out.push(ex);
    i = j;
  }
  return out;
}

/** README.md and every Markdown file under docs/. */
export function docFiles(root: string): string[] {
  const files = [join(root, 'README.md')];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.md')) files.push(join(dir, e.name));
    }
  };
  walk(join(root, 'docs'));
  return files.sort();
}

export function allExamples(root: string): DocExample[] {
  return docFiles(root).flatMap((f) => parseExamples(readFileSync(f, 'utf8'), relative(root, f)));
}

/** `…` matches any text within a line; a line that is only `…` matches any number of lines. */
export function matchesExpected(expected: string, actual: string): boolean {
  const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const lines = expected.split('\n');
  let pattern = '';
  lines.forEach((l, i) => {
    const last = i === lines.length - 1;
    if (l.trim() === '…' && last) pattern = pattern.replace(/\\n$/, '') + '(?:\\n[\\s\\S]*)?';
    else if (l.trim() === '…') pattern += '(?:[^\\n]*\\n)*';
    else pattern += l.split('…').map(literal).join('.*?') + (last ? '' : '\\n');
  });
  return new RegExp(`^${pattern}$`).test(actual);
}
