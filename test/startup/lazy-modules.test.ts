import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { ROOT } from '../support/run-console';
import { builtMain } from '../support/test-build';

// Start-up loads only what answering needs: the platform SDKs, the holiday data and the
// calendar writer are loaded when first used (bench/startup measures what that buys).
// The real bot runs as a child process; a preloaded hook lists every package it required.
//
// It runs the build (`node dist/main.js`, what the image ships and bench/startup measures), not
// src/ under tsx: the build keeps exactly these packages outside the bundle
// (test/build/bundle.test.ts checks that), so every require of one still passes the hook, and the
// build starts them from the same imports in src/ that tsx runs: a static import of one of them
// anywhere on the start-up path is a require at start in both.

const HEAVY = ['@slack/bolt', 'telegraf', 'date-holidays', 'ics'];

function packagesLoaded(input: string, env: Record<string, string> = {}): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'po-bot-lazy-'));
  const hook = join(dir, 'hook.js');
  const out = join(dir, 'loaded.json');
  writeFileSync(
    hook,
    `const M = require('module'); const seen = new Set(); const load = M._load;
     M._load = function (req) { if (!req.startsWith('.') && !req.startsWith('node:') && !req.startsWith('/')) seen.add(req); return load.apply(this, arguments); };
     process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)} + '.' + process.pid + '.' + require('worker_threads').threadId, JSON.stringify([...seen])));`,
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtMain(), '--json'], {
      cwd: dir,
      env: { PATH: process.env.PATH ?? '', HOME: dir, NODE_OPTIONS: `--require ${hook}`, BOT_CONFIG: join(ROOT, 'bot.config.json'), DATABASE_PATH: join(dir, 'bot.sqlite'), BOT_NOW: '2026-12-01T10:00:00+08:00', ...env },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        if (code !== 0) throw new Error(`exit ${code}: ${stderr}`);
        // One list per process and thread (pino may log from a worker thread).
        const lists = readdirSync(dir).filter((f) => f.startsWith('loaded.json.'));
        resolve([...new Set(lists.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as string[]))]);
      } catch (e) {
        reject(e);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
    child.stdin.end(input);
  });
}

test('answering /help in the console loads no platform SDK, no holiday data, no calendar writer', async () => {
  const loaded = await packagesLoaded('/help\n');
  // The package the build leaves outside the bundle and start-up needs: the hook sees the bundle's requires.
  expect(loaded).toContain('better-sqlite3');
  expect(HEAVY.filter((p) => loaded.some((l) => l === p || l.startsWith(p + '/')))).toEqual([]);
}, 60_000);

test('they are loaded when used: /meetings flags holidays, /meeting ics writes a calendar', async () => {
  const loaded = await packagesLoaded('/meetings\n/meeting ics\n');
  expect(loaded).toEqual(expect.arrayContaining(['date-holidays', 'ics']));
  expect(loaded).not.toContain('@slack/bolt');
}, 60_000);

test('the logger loads pino at its first line written, not before: a run that logs nothing at its level never loads it', () => {
  // src/logging.ts itself, under tsx (in the build pino is inside the bundle, where no hook sees it).
  const script = `
    const seen = () => Object.keys(require.cache).some((f) => f.includes('/node_modules/pino/'));
    const { createLogger } = require(${JSON.stringify(join(ROOT, 'src', 'logging.ts'))});
    const log = createLogger('warn', { human: true });
    log.debug({}, 'not written'); log.info({ token: 'xoxb-secret' }, 'not written either');
    const before = seen();
    log.warn({ token: 'xoxb-secret' }, 'written');
    process.stdout.write(JSON.stringify({ before, after: seen() }));`;
  const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({ before: false, after: true });
  // One readable line, the token redacted; nothing from the two calls below the level.
  expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^\d\d:\d\d:\d\d WARN written token=\[redacted\]$/)]);
}, 30_000);
