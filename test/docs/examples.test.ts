import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/app';
import { ROOT, runConsole } from '../support/run-console';
import { allExamples, DEFAULT_NOW, matchesExpected, parseExamples, type DocExample } from './doc-examples';

// Every ```po-console example in README.md and docs/ runs through the real bot's console (a
// child process, as `npm start` runs it) on a fresh database with its clock fixed, and its posts
// must be the ones the document shows: the docs cannot drift from the bot.

const examples = allExamples(ROOT);

// Each example is a whole bot process; two at a time keep a 2-core machine busy without
// starving the other test workers.
let slots = 2;
const waiting: (() => void)[] = [];
async function limited<T>(f: () => Promise<T>): Promise<T> {
  if (slots === 0) await new Promise<void>((r) => waiting.push(r));
  else slots--;
  try {
    return await f();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else slots++;
  }
}

async function run(ex: DocExample): Promise<string[]> {
  return limited(() => runIn(ex));
}

async function runIn(ex: DocExample): Promise<string[]> {
  const { dir, cleanup } = tempDir('po-bot-doc-');
  try {
    const config = JSON.parse(readFileSync(join(ROOT, 'bot.config.json'), 'utf8')) as Record<string, unknown>;
    if (ex.locale) config.locale = ex.locale;
    writeFileSync(join(dir, 'bot.config.json'), JSON.stringify(config));
    // cwd is the temporary directory: files the console saves land there, not in the checkout.
    const r = await runConsole(ex.input.join('\n') + '\n', { BOT_CONFIG: join(dir, 'bot.config.json'), DATABASE_PATH: join(dir, 'po-bot.sqlite'), BOT_NOW: ex.now }, ['--json'], dir);
    if (r.code !== 0) throw new Error(`exit code ${r.code}: ${r.stderr}`);
    return r.lines.map((l) => `[#${l.id}] ${l.text}`);
  } finally {
    cleanup();
  }
}

test('the documentation has examples, and the README tells how to run them on a fresh database', () => {
  expect(examples.filter((e) => e.file === 'README.md').length).toBeGreaterThan(0);
  expect(examples.filter((e) => e.file.startsWith('docs/')).length).toBeGreaterThan(0);
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(readme).toContain(`BOT_NOW=${DEFAULT_NOW}`);
  expect(readme).toMatch(/DATABASE_PATH="\$\(mktemp -d\)\/[\w.-]+\.sqlite"/);
});

test.concurrent.each(examples.map((e) => [`${e.file}:${e.line}`, e] as const))('%s', async (_where, ex) => {
  const actual = await run(ex);
  const expected = ex.posts.map((p) => `[#${p.id}] ${p.text}`);
  // On a mismatch show both whole transcripts: the fix is usually to paste the actual one.
  const same = actual.length === expected.length && expected.every((e, i) => matchesExpected(e, actual[i]!));
  if (!same) expect(actual.join('\n')).toBe(expected.join('\n'));
}, 120_000);

describe('the example format', () => {
  const md = (body: string, attrs = '') => `text\n\n\`\`\`po-console${attrs}\n${body}\n\`\`\`\n`;

  test('input lines, posts and their continued lines', () => {
    const [ex] = parseExamples(md('amy: /iam 交通部\n[#1] line one\nProposer: amy\n.advance 1d\n/help\n[#2] x'), 'f.md');
    expect(ex!.input).toEqual(['amy: /iam 交通部', '.advance 1d', '/help']);
    expect(ex!.posts).toEqual([{ id: 1, text: 'line one\nProposer: amy' }, { id: 2, text: 'x' }]);
    expect(ex!.now).toBe(DEFAULT_NOW);
  });

  test('attributes set the clock and the locale; unknown ones are refused', () => {
    const [ex] = parseExamples(md('/help', ' now=2026-12-04T09:00:00+08:00 locale=en'), 'f.md');
    expect(ex).toMatchObject({ now: '2026-12-04T09:00:00+08:00', locale: 'en' });
    expect(() => parseExamples(md('/help', ' db=old.sqlite'), 'f.md')).toThrow('unknown po-console attribute');
    expect(() => parseExamples('```po-console\n/help\n', 'f.md')).toThrow('not closed');
    expect(() => parseExamples(md('[#1] a post before any input'), 'f.md')).toThrow('without input');
  });

  test('… stands for any text in a line, or for any number of whole lines', () => {
    expect(matchesExpected('a … c', 'a bb c')).toBe(true);
    expect(matchesExpected('a\n…\nd', 'a\nb\nc\nd')).toBe(true);
    expect(matchesExpected('a\n…\nd', 'a\nd')).toBe(true);
    expect(matchesExpected('a\n…', 'a')).toBe(true);
    expect(matchesExpected('a\n…', 'a\nb')).toBe(true);
    expect(matchesExpected('a (b)', 'a (b)')).toBe(true);
    expect(matchesExpected('a\nd', 'a\nb\nd')).toBe(false);
    expect(matchesExpected('a … c', 'a b d')).toBe(false);
  });
});
