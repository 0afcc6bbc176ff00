import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

test('telegraf is imported only inside src/adapters/telegram', () => {
  const offenders = files(SRC)
    .filter((f) => /from ['"]telegraf(\/[^'"]*)?['"]|require\(['"]telegraf/.test(readFileSync(f, 'utf8')))
    .map((f) => relative(SRC, f))
    .filter((f) => !f.startsWith(join('adapters', 'telegram')));
  expect(offenders).toEqual([]);
});
