import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtMain } from '../support/test-build';

// Issue 16, item 2: what `npm run build` makes and the image runs. dist/main.js starts the bundled
// bot with V8's code cache; the bundle leaves out what loads on demand; a cache V8 refuses, or none,
// costs time, never an answer.

const ROOT = join(__dirname, '..', '..');
const OUT = join(ROOT, '.test-build', `bundle-test-${process.pid}`);
let built: { codeCacheBytes: number; inputs: string[] };
let tmp: string;

// The build is jest's global setup's (test/support/build.global.ts: scripts/build/bundle.ts's
// bundle(), code cache and training run included, into .test-build/); a copy here, as the tests
// below damage its code cache.
beforeAll(() => {
  const made = dirname(builtMain());
  cpSync(made, OUT, { recursive: true });
  built = { codeCacheBytes: statSync(join(OUT, 'po-bot.js.codecache')).size, inputs: JSON.parse(readFileSync(join(made, 'inputs.json'), 'utf8')) as string[] };
});
beforeEach(() => (tmp = mkdtempSync(join(tmpdir(), 'po-bot-bundle-'))));
afterEach(() => rmSync(tmp, { recursive: true, force: true }));
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

function help(extraEnv: Record<string, string> = {}) {
  return spawnSync(process.execPath, [join(OUT, 'main.js'), '--json'], {
    cwd: tmp,
    input: '/help\n',
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(tmp, 'db.sqlite'), BOT_CONFIG: join(ROOT, 'bot.config.json'), PO_BOT_CODE_CACHE: 'report', ...extraEnv },
  });
}

test('the build answers from its code cache, from another folder than the repository, finding migrations and calendar above it', () => {
  expect(built.codeCacheBytes).toBeGreaterThan(100_000);
  const r = help();
  expect(r.stderr).toContain('po-bot: code cache used');
  expect(r.status).toBe(0);
  expect(r.stdout).toContain('/propose');
});

test('a cache V8 refuses (another Node, a changed bundle) or no cache at all: the same answer, compiled from source', () => {
  const cache = join(OUT, 'po-bot.js.codecache');
  writeFileSync(cache, Buffer.from('not a V8 code cache'));
  const rejected = help();
  expect(rejected.stderr).toContain('po-bot: code cache rejected');
  expect(rejected.status).toBe(0);
  expect(rejected.stdout).toContain('/propose');
  rmSync(cache);
  const absent = help();
  expect(absent.stderr).toContain('po-bot: code cache absent');
  const text = (out: string) => (JSON.parse(out) as { text: string }).text;
  expect(text(absent.stdout)).toBe(text(rejected.stdout));
  // Nothing is written back at run time (the image's /app is read-only).
  expect(existsSync(cache)).toBe(false);
});

test('with --enable-source-maps (stack traces in src/) the bundle is loaded by Node itself and answers the same', () => {
  const r = help({ NODE_OPTIONS: '--enable-source-maps' });
  expect(r.status).toBe(0);
  expect(r.stderr).not.toContain('code cache');
  expect(r.stdout).toContain('/propose');
});

test('platform SDKs, the web framework, holiday data and the .ics writer stay outside the bundle (loaded only when used)', () => {
  const bundled = built.inputs.filter((f) => f.includes('node_modules/'));
  for (const lazy of ['@slack/', 'telegraf', '/hono/', 'date-holidays', '/ics/', 'node_modules/better-sqlite3/']) {
    expect(bundled.filter((f) => f.includes(lazy))).toEqual([]);
  }
  expect(built.inputs).toContain('src/main.ts');
});

test('the bundled logger (pino, inside the bundle) writes JSON lines to stderr', () => {
  const r = help({ PORT: '0', LOG_LEVEL: 'info', PO_BOT_CODE_CACHE: '' });
  expect(r.status).toBe(0);
  const lines = r.stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines).toContainEqual(expect.objectContaining({ level: 30, app: 'po-bot', msg: 'http server listening (/healthz)' }));
});

test('the bundled backup command copies a database', () => {
  expect(help().status).toBe(0);
  const r = spawnSync(process.execPath, [join(OUT, 'ops', 'backup.cli.js'), join(tmp, 'copy.sqlite')], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { PATH: process.env.PATH ?? '', DATABASE_PATH: join(tmp, 'db.sqlite') },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^Backed up .*db\.sqlite to .*copy\.sqlite .*integrity ok/);
});
