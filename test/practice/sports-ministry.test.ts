import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { TestApp } from '../support/app';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';
import { DEFAULT_AGENCIES } from '../../src/config/default-agencies';
import { caseApp, say } from '../cases/helpers';

// Issue #25, item 10: 運動部 (Ministry of Sports, formed 2025-09-09) is a default agency, and a
// database made before it was added gets it at the next start, every other row kept.

let app: TestApp | undefined;
afterEach(() => app?.cleanup());

test('/iam 運動部, Ministry of Sports and MOS register with the Ministry of Sports', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T10:00:00+08:00') });
  expect((await say(app, 'lin', '/iam 運動部')).text).toContain('運動部');
  expect((await say(app, 'lin', '/iam 運動部')).text).not.toContain('勞動部');
  expect((await say(app, 'wu', '/iam Ministry of Sports')).text).toContain('運動部');
  expect((await say(app, 'ho', '/iam MOS')).text).toContain('運動部');
  expect((await say(app, 'pdis', '/whois 運動部')).text).toContain('（3 位）');
});

test('a database from before 運動部 gets it at the next start; agencies and registrations are kept', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const db = join(dir, 'bot.sqlite');
    const config = (extra: object) => {
      const path = join(dir, 'bot.config.json');
      writeFileSync(path, JSON.stringify({ facilitators: ['console:pdis'], ...extra }));
      return path;
    };
    // The list as it was: without 運動部.
    const before = DEFAULT_AGENCIES.filter((a) => a.code !== 'MOS');
    expect(before).toHaveLength(DEFAULT_AGENCIES.length - 1);
    let run = await runConsole('amy: /iam 交通部\n', { BOT_CONFIG: config({ agencies: before }), DATABASE_PATH: db, BOT_NOW: '2026-03-27T10:00:00+08:00' });
    expect(run.code).toBe(0);
    const rows = () => new Database(db, { readonly: true }).prepare('select id, code, name from agencies order by id').all() as { id: number; code: string; name: string }[];
    const old = rows();
    expect(old.map((r) => r.code)).not.toContain('MOS');
    run = await runConsole('lin: /iam 運動部\namy: /iam\n', { BOT_CONFIG: config({}), DATABASE_PATH: db, BOT_NOW: '2026-03-28T10:00:00+08:00' });
    expect(run.code).toBe(0);
    const now = rows();
    expect(now.slice(0, old.length)).toEqual(old);
    expect(now.find((r) => r.code === 'MOS')).toMatchObject({ name: '運動部' });
    const texts = run.lines.map((l) => l.text).join('\n');
    expect(texts).toContain('運動部');
    expect(texts).toContain('交通部');
  } finally {
    cleanup();
  }
});
