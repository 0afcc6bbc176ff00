import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const CORE = join(__dirname, '..', '..', 'src', 'core');
const FORBIDDEN = /from\s+['"](@slack\/[^'"]+|telegraf[^'"]*|drizzle-orm[^'"]*|better-sqlite3|pino|node:http|node:net)['"]|require\(['"](@slack|telegraf|drizzle-orm|better-sqlite3)/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

test('nothing under src/core imports a platform SDK, the ORM or the database driver', () => {
  const all = files(CORE);
  expect(all.length).toBeGreaterThan(10);
  const offenders = all.filter((f) => FORBIDDEN.test(readFileSync(f, 'utf8'))).map((f) => relative(CORE, f));
  expect(offenders).toEqual([]);
});

test('nothing under src/core imports from the store or the adapters', () => {
  const offenders = files(CORE)
    .filter((f) => /from\s+['"](\.\.\/)+(store|adapters|scheduler)\//.test(readFileSync(f, 'utf8')))
    .map((f) => relative(CORE, f));
  expect(offenders).toEqual([]);
});

test('the check itself catches a forbidden import', () => {
  expect(FORBIDDEN.test(`import { App } from '@slack/bolt';`)).toBe(true);
  expect(FORBIDDEN.test(`import { eq } from 'drizzle-orm';`)).toBe(true);
  expect(FORBIDDEN.test(`import type { Store } from '../records';`)).toBe(false);
});
