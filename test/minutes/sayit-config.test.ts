import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runConsole } from '../support/run-console';
import { tempDir } from '../support/app';

// Issue #27, item 4, bad input: the SayIt settings are checked at start, exit 78 with one
// sentence: https only (the login sends a password), except a loopback host; the account and
// an address for the web pages (SayIt fetches the file from there) must be set.

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => (tmp = tempDir()));
afterEach(() => tmp.cleanup());

function run(sayitUrl: string, env: Record<string, string> = {}) {
  const config = join(tmp.dir, 'bot.config.json');
  writeFileSync(config, JSON.stringify({ sayit: { url: sayitUrl }, web: { baseUrl: 'https://po.example.tw' } }));
  return runConsole('', { BOT_CONFIG: config, DATABASE_PATH: join(tmp.dir, 'db.sqlite'), SAYIT_USERNAME: 'po-bot', SAYIT_PASSWORD: 'S3cret-pw', ...env }, []);
}

test('a SayIt URL that is not https is refused at start with exit 78', async () => {
  const r = await run('http://sayit.example.tw');
  expect(r.code).toBe(78);
  expect(r.stderr).toContain('sayit.url');
  expect(r.stderr).toContain('expected an https URL');
  expect(r.stderr + r.stdout).not.toContain('S3cret-pw');
});

test('a loopback http SayIt starts; https starts', async () => {
  expect((await run('http://127.0.0.1:8000')).code).toBe(0);
  expect((await run('http://localhost:8000/')).code).toBe(0);
  expect((await run('https://sayit.example.tw')).code).toBe(0);
});

test('sayit.url without the account is refused at start with exit 78', async () => {
  const r = await run('https://sayit.example.tw', { SAYIT_PASSWORD: '' });
  expect(r.code).toBe(78);
  expect(r.stderr).toContain('SAYIT_USERNAME and SAYIT_PASSWORD');
});

