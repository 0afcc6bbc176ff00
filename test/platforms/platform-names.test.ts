import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { platforms } from '../../src/platforms/registry';

// Issue 31's "done when": outside a platform's own folder (src/adapters/<platform>/) and the
// registry (src/platforms/), no source file names a platform in its code: no string, regular
// expression, identifier or SLACK_*/TELEGRAM_* variable. Comments may (they explain why).
const SRC = join(__dirname, '..', '..', 'src');
const NAMED = /slack|telegram/i;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.[cm]?[tj]s$/.test(p) ? [p] : [];
  });
}

/** The code with comments blanked out; strings, templates and regular expressions kept. */
function codeOnly(text: string): string {
  let out = '';
  let i = 0;
  let quote: string | undefined;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === quote) quote = undefined;
      i++;
    } else if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out += ' ';
    } else {
      if (c === '"' || c === "'" || c === '`') quote = c;
      out += c;
      i++;
    }
  }
  return out;
}

function exempt(file: string): boolean {
  const rel = relative(SRC, file).split(sep);
  if (rel[0] === 'platforms') return true;
  return rel[0] === 'adapters' && rel.length > 2 && platforms.has(rel[1]!);
}

test('no source file outside a platform folder and the registry names slack or telegram in its code', () => {
  const all = files(SRC);
  expect(all.length).toBeGreaterThan(100);
  const offenders = all
    .filter((f) => !exempt(f))
    .flatMap((f) =>
      codeOnly(readFileSync(f, 'utf8'))
        .split('\n')
        .flatMap((line, n) => (NAMED.test(line) ? [`${relative(SRC, f)}:${n + 1}: ${line.trim().slice(0, 120)}`] : [])),
    );
  expect(offenders).toEqual([]);
});

test('the check sees names in code and not in comments', () => {
  expect(NAMED.test(codeOnly(`const ref = /^(slack|console):/;`))).toBe(true);
  expect(NAMED.test(codeOnly(`if (platform === 'telegram') return;`))).toBe(true);
  expect(NAMED.test(codeOnly('const v = env.TELEGRAM_BOT_TOKEN;'))).toBe(true);
  expect(NAMED.test(codeOnly('const url = "https://x/"; const t = `${SLACK_MENTION}`;'))).toBe(true);
  expect(NAMED.test(codeOnly(`// Slack retries for minutes\n/** Telegram's update_id */\nconst x = 1; /* slack */`))).toBe(false);
  expect(exempt(join(SRC, 'adapters', 'slack', 'parse.ts'))).toBe(true);
  expect(exempt(join(SRC, 'adapters', 'hub.ts'))).toBe(false);
  expect(exempt(join(SRC, 'core', 'types.ts'))).toBe(false);
});
