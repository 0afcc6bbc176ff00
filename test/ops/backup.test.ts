import { existsSync, openSync, readdirSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/db';
import { backupDatabase } from '../../src/ops/backup';
import { tempDir } from '../support/app';
import { bigDatabase, startWriter } from './support/big-database';
import { ROOT } from '../support/run-console';
import { builtBackup } from '../support/test-build';
import { closed } from '../support/children';

// The command runs as the image runs it (`node dist/ops/backup.cli.js`, this checkout's build);
// `npm run backup` runs the same src/ops/backup.cli.ts through tsx.
const node = process.execPath;

test('a backup taken while writes continue is consistent and complete up to its moment', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'live.sqlite');
    const live = openDatabase(path);
    const c = live.$client;
    c.prepare(`insert into agencies (code, name) values ('A', '甲')`).run();
    const insertUser = c.prepare(`insert into users (platform, platform_user_id, display_name, created_at, updated_at) values ('console', ?, 'x', 0, 0)`);
    for (let i = 0; i < 5000; i++) insertUser.run(`u${i}`);
    // Keep writing while the backup copies pages.
    let extra = 0;
    const writer = setInterval(() => {
      for (let k = 0; k < 50; k++) insertUser.run(`w${extra++}`);
    }, 1);
    const result = await backupDatabase(path, join(dir, 'backups', 'copy.sqlite'));
    clearInterval(writer);
    expect(result.tables.users).toBeGreaterThanOrEqual(5000);
    expect(result.tables.users).toBeLessThanOrEqual(5000 + extra);
    const copy = new Database(result.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('select count(*) from __drizzle_migrations').pluck().get()).toBeGreaterThan(0);
    copy.close();
    c.close();
    // Restoring is opening the copy: migrations see it as up to date and nothing is lost.
    const restored = openDatabase(result.path);
    expect(restored.$client.prepare('select count(*) from users').pluck().get()).toBe(result.tables.users);
    restored.$client.close();
  } finally {
    cleanup();
  }
});

test('the backup command refuses to overwrite the database and explains its usage', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    openDatabase(path).$client.close();
    const usage = spawnSync(node, [builtBackup()], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: path }, encoding: 'utf8' });
    expect(usage.status).toBe(64);
    expect(usage.stderr).toContain('Usage: npm run backup -- <backup file>');
    const same = spawnSync(node, [builtBackup(), path], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: path }, encoding: 'utf8' });
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('must not overwrite');
    const ok = spawnSync(node, [builtBackup(), join(dir, 'b.sqlite')], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: path }, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/integrity ok/);
  } finally {
    cleanup();
  }
});

const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('.partial'));

test('a backup finishes while another process commits as fast as it can, and leaves nothing beside the copy', async () => {
  // Before: the online backup API in 256-page steps restarted at every commit of the other
  // process and never finished (issue 14, item 5); this test then timed out.
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'live.sqlite');
  bigDatabase(path, 20);
  const writer = await startWriter(path);
  try {
    const result = await backupDatabase(path, join(dir, 'out', 'copy.sqlite'));
    const during = await writer.stop();
    expect(during).toBeGreaterThan(1);
    expect(result.tables.processed_events).toBeGreaterThan(Math.ceil((20 * 1024 * 1024) / 450));
    expect(readdirSync(join(dir, 'out'))).toEqual(['copy.sqlite']);
    const copy = new Database(result.path, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  } finally {
    await writer.kill();
    cleanup();
  }
});

test('a backup that fails part-way (the disk is full) exits 1 with the reason and leaves no .partial file', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    bigDatabase(path, 4);
    // A file-size limit of 1 MB for the backup's processes: the copy fails after writing that
    // much, as on a full disk (Node ignores SIGXFSZ, so the write fails with EFBIG).
    const r = spawnSync('bash', ['-c', `ulimit -f 2048; exec "${node}" "${builtBackup()}" "${join(dir, 'out', 'copy.sqlite')}"`], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_PATH: path },
      encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^po-bot backup: (disk I\/O error|database or disk is full)/);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  } finally {
    cleanup();
  }
});

test('an earlier backup killed with SIGKILL leaves .partial files that the next run removes', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    bigDatabase(path, 1);
    const dest = join(dir, 'copy.sqlite');
    for (const f of ['.partial', '.partial-journal', '.partial-wal', '.partial-shm']) closeSync(openSync(dest + f, 'w'));
    await backupDatabase(path, dest);
    expect(readdirSync(dir).filter((f) => f.startsWith('copy'))).toEqual(['copy.sqlite']);
  } finally {
    cleanup();
  }
});

test('the backup command stopped by SIGTERM mid-copy exits 130 and leaves neither a backup nor .partial files', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    bigDatabase(path, 40);
    const dest = join(dir, 'copy.sqlite');
    const cli = spawn(node, [builtBackup(), dest], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: path }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    cli.stderr!.on('data', (d) => (stderr += d));
    const exited = closed(cli).then((r) => r.code);
    // Stop it once the copy is being written.
    while (!existsSync(`${dest}.partial`)) await new Promise((r) => setTimeout(r, 2));
    cli.kill('SIGTERM');
    expect(await exited).toBe(130);
    expect(stderr).toContain('stopped by SIGTERM; no backup was written and nothing was left behind');
    expect(readdirSync(dir).filter((f) => f.startsWith('copy'))).toEqual([]);
  } finally {
    cleanup();
  }
});
