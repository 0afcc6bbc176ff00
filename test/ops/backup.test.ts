import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { openDatabase } from '../../src/store/db';
import { backupDatabase } from '../../src/ops/backup';
import { tempDir } from '../support/app';
import { ROOT } from '../support/run-console';

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

test('npm run backup refuses to overwrite the database and explains its usage', () => {
  const { dir, cleanup } = tempDir();
  try {
    const path = join(dir, 'db.sqlite');
    openDatabase(path).$client.close();
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const usage = spawnSync(tsx, ['src/ops/backup.cli.ts'], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: path }, encoding: 'utf8' });
    expect(usage.status).toBe(64);
    expect(usage.stderr).toContain('Usage: npm run backup -- <backup file>');
    const same = spawnSync(tsx, ['src/ops/backup.cli.ts', path], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: path }, encoding: 'utf8' });
    expect(same.status).toBe(1);
    expect(same.stderr).toContain('must not overwrite');
    const ok = spawnSync(tsx, ['src/ops/backup.cli.ts', join(dir, 'b.sqlite')], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: path }, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/integrity ok/);
  } finally {
    cleanup();
  }
});
