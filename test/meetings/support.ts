import { join } from 'node:path';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config/load';
import { ManualClock } from '../../src/core/clock';
import { silentLogger } from '../../src/core/logger';
import { Scheduler } from '../../src/scheduler/scheduler';
import { richToPlain } from '../../src/core/types';
import type { Answer as BotAnswer } from '../../src/core/feature';
import type { Meeting } from '../../src/core/meetings/meeting';
import { RecordingDelivery, tempDir, testApp, type TestApp } from '../support/app';

export const FACILITATOR = 'pdis';

/** A weekly Friday 10:00 Taipei series, as the PO network's collaborative meeting. */
export const COLLAB = { id: 'collab', title: '協作會議', kind: 'weekly', start: '2026-01-02 10:00', rrule: 'FREQ=WEEKLY;BYDAY=FR', durationMin: 120 };
export const MONTHLY = { id: 'po-monthly', title: 'PO 月會', kind: 'monthly', start: '2026-01-05 14:00', rrule: 'FREQ=MONTHLY;BYDAY=1MO', durationMin: 120 };

export function meetingConfig(meetings: Record<string, unknown> = {}, rest: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    facilitators: [`console:${FACILITATOR}`],
    roster: [
      { user: 'console:motc1', agency: '交通部' },
      { user: 'console:motc2', agency: '交通部' },
      { user: 'console:moi1', agency: '內政部' },
      { user: 'console:mohw1', agency: '衛福部' },
      { user: 'console:moda1', agency: '數位部' },
    ],
    ...rest,
    // A shorter horizon than the default keeps each expansion (and the suite) quick. One extra
    // holiday rule for every test: holiday years are computed once per rule set and process.
    meetings: { series: [COLLAB], horizonDays: 45, holidays: { extra: [{ rule: '12-25', name: '行憲紀念日' }] }, ...meetings },
  };
}

export interface MeetingTestApp extends TestApp {
  scheduler: Scheduler;
  cmd(user: string, line: string): Promise<string>;
  posts(): string[];
  bySeries(series: string, startsAt: string): Meeting;
}

function wrap(app: TestApp): MeetingTestApp {
  const scheduler = new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger);
  return Object.assign(app, {
    scheduler,
    async cmd(user: string, line: string): Promise<string> {
      const m = /^\/(\S+)\s*(.*)$/s.exec(line)!;
      const answer: BotAnswer | undefined = await app.bot.dispatch({ kind: 'command', name: m[1]!, args: m[2]!, actor: { platform: 'console', id: user, name: user }, chat: 'console:main' });
      return answer ? richToPlain(answer.message.text) : '';
    },
    posts: () => app.delivery.posts.map((p) => richToPlain(p.message.text)),
    bySeries(series: string, startsAt: string): Meeting {
      const at = new Date(startsAt).getTime();
      const found = app.store.meetings.range(new Date(at - 1), new Date(at + 1), ['scheduled', 'cancelled', 'closed']).find((m) => m.series === series);
      if (!found) throw new Error(`no ${series} meeting at ${startsAt}`);
      return found;
    },
  });
}

/** A real app (real SQLite file, real migrations) whose series are expanded at `start`. */
export function meetingApp(config = meetingConfig(), start = '2026-12-01T02:00:00Z'): MeetingTestApp {
  const app = wrap(testApp(config, { start: new Date(start) }));
  app.meetings.expand(app.clock.now());
  return app;
}

/**
 * A process on a database file: opened, expanded at start-up as main.ts does, closed when the
 * test says. Several in a row on one file are restarts.
 */
export function processOn(file: string, config: Record<string, unknown>, at: string): MeetingTestApp & { stop(): void } {
  const clock = new ManualClock(new Date(at));
  const app = createApp({ config: parseConfig(config), databasePath: file, clock, logger: silentLogger });
  const delivery = new RecordingDelivery();
  app.bot.setDelivery(delivery);
  const t = wrap({ ...app, clock, delivery, dir: '', cleanup: () => app.close() });
  t.meetings.expand(clock.now());
  return Object.assign(t, { stop: () => app.close() });
}

export function tempDb(): { file: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir('po-meetings-');
  return { file: join(dir, 'bot.sqlite'), cleanup };
}

