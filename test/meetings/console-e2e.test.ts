import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/app';
import { runConsole } from '../support/run-console';
import { COLLAB } from './support';

// The real bot as a child process (main.ts wiring: series expanded at start-up, the scheduler
// run by `.advance`), its clock set by BOT_NOW and its own TZ set to New York.
test('console: BOT_NOW, a motion, .advance past the reminder and agenda times', async () => {
  const { dir, cleanup } = tempDir();
  try {
    const config = join(dir, 'bot.config.json');
    writeFileSync(config, JSON.stringify({ facilitators: ['console:pdis'], meetings: { series: [COLLAB], horizonDays: 14 } }));
    const input = ['/meetings', 'amy: /agenda add 請交通部說明公路監理進度', '.advance 2d', '.advance 23h', ''].join('\n');
    const run = await runConsole(input, { BOT_CONFIG: config, DATABASE_PATH: join(dir, 'bot.sqlite'), BOT_NOW: '2026-12-01T10:00:00+08:00', TZ: 'America/New_York' });
    expect(run.code).toBe(0);
    const texts = run.lines.map((l) => l.text);
    expect(texts[0]).toBe('即將舉行的會議：\n#1〔週會〕協作會議 — 2026年12月4日（五）10:00–12:00\n#2〔週會〕協作會議 — 2026年12月11日（五）10:00–12:00');
    expect(texts[1]).toMatch(/^已將臨時動議 〔#1〕 排入會議 #1「協作會議」/);
    // .advance 2d → Thursday 10:00: the 1-day reminder and the agenda, just due (not late).
    const reminders = texts.filter((t) => t.startsWith('⏰'));
    expect(reminders[0]).toContain('時間：2026年12月4日（五）10:00–12:00（1 天後）');
    expect(reminders[0]).not.toContain('延遲');
    expect(texts.find((t) => t.startsWith('議程'))).toContain('〔#1〕請交通部說明公路監理進度 — amy');
    // .advance 23h → Friday 09:00: the 1-hour reminder.
    expect(reminders[1]).toContain('（1 小時後）');
    expect(reminders).toHaveLength(2);
    expect(run.stderr).toContain('時間已前進，現在是 2026年12月4日（五）09:00。');
  } finally {
    cleanup();
  }
});
