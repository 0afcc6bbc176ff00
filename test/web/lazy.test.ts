import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConsole } from '../support/run-console';
import { tempDir } from '../support/app';

const PRELOAD = join(__dirname, 'fixtures', 'report-hono.js');

async function run(env: Record<string, string>): Promise<{ loaded: string; answer: string }> {
  const { dir, cleanup } = tempDir();
  try {
    const report = join(dir, 'report');
    const r = await runConsole('/web\n', { DATABASE_PATH: join(dir, 'db.sqlite'), HONO_REPORT: report, NODE_OPTIONS: `--require ${PRELOAD}`, ...env });
    expect(r.code).toBe(0);
    return { loaded: readFileSync(report, 'utf8'), answer: r.lines.map((l) => l.text).join('\n') };
  } finally {
    cleanup();
  }
}

test('the console bot without PORT never loads the web framework; /web says the pages are off', async () => {
  const r = await run({});
  expect(r.loaded).toBe('false');
  expect(r.answer).toContain('網頁版未啟用');
});

test('with PORT set the pages are served in the console too, and /web links to this port', async () => {
  const r = await run({ PORT: '0' });
  expect(r.loaded).toBe('true');
  expect(r.answer).toMatch(/http:\/\/localhost:\d+\/signin\?t=\d+\.\d+\.\d+\.[\w-]{43}/);
});
