import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createApp } from '../src/app';
import { parseConfig } from '../src/config/load';
import { ManualClock } from '../src/core/clock';
import { silentLogger } from '../src/core/logger';
import type { ChatRef, InboundEvent, MessageRef } from '../src/core/types';
import { buildDoc } from '../src/core/minutes/minutes-doc';
import { toAkomaNtoso } from '../src/core/minutes/export-akoma-ntoso';
import { translator } from '../src/i18n/catalog';
import { compareRates, type Bench } from './harness';

const EXPORT_LINES = 5000;

/** Median time of single runs of a and b, alternated so machine load hits both alike. */
function compareMs(a: () => unknown, b: () => unknown, rounds = 7): { a: number; b: number } {
  const ta: number[] = [];
  const tb: number[] = [];
  const once = (fn: () => unknown) => {
    const t = process.hrtime.bigint();
    fn();
    return Number(process.hrtime.bigint() - t) / 1e6;
  };
  for (let r = 0; r < rounds; r++) {
    ta.push(once(a));
    tb.push(once(b));
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { a: median(ta), b: median(tb) };
}

/**
 * The casework hot paths against raw better-sqlite3 on a file with the app's settings, measured
 * interleaved: every chat message during a meeting (recorded), every message outside one (one
 * lookup), /select (takes the write lock other processes wait for), and the SayIt export.
 */
export const casesBench: Bench = {
  name: 'cases',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'po-bench-cases-'));
    try {
      const raw = new Database(join(dir, 'raw.sqlite'));
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.exec('create table t (id integer primary key, m integer not null, at integer not null, who text not null, text text not null)');
      const ins = raw.prepare('insert into t (m, at, who, text) values (?, ?, ?, ?)');
      const rawInsert = (i: number) => ins.run(1, Date.now(), 'speaker', `line ${i} 今天的討論 🎉`);

      const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
      const app = createApp({ config: parseConfig({ facilitators: ['console:pdis'] }), databasePath: join(dir, 'app.sqlite'), clock, logger: silentLogger });
      let posted = 0;
      app.bot.setDelivery({ post: async (chat) => `${chat}#${++posted}` as MessageRef, update: async () => {} });
      const say = (id: string, line: string, chat: ChatRef = 'console:main'): Promise<unknown> => {
        const actor = { platform: 'console' as const, id, name: id };
        const m = /^\/(\S+)(?: (.*))?$/s.exec(line);
        const e: InboundEvent = m ? { kind: 'command', name: m[1]!, args: m[2] ?? '', actor, chat } : { kind: 'message', text: line, actor, chat };
        return app.bot.dispatch(e);
      };

      await say('pdis', '/startmeeting bench');
      const rec = await compareRates(rawInsert, (i) => say(`u${i % 30}`, `line ${i} 今天的討論 🎉`));
      const quiet = await compareRates(rawInsert, (i) => say(`u${i % 30}`, `line ${i}`, 'console:elsewhere'));
      await say('pdis', '/endmeeting');

      for (let i = 0; i < 5000; i++) await say('p', `/propose 議題 ${i}`);
      let next = 1;
      const sel = await compareRates(rawInsert, () => say('pdis', `/select ${next++}`), { rounds: 5, ms: 200 });
      const gapless = (app.db.$client.prepare('select count(*) = max(number) as ok from cases').get() as { ok: number }).ok === 1;
      raw.close();

      await say('pdis', '/startmeeting export');
      for (let i = 0; i < EXPORT_LINES; i++) {
        clock.advance(20_000); // a busy meeting: three lines a minute
        await say(`u${i % 30}`, `第 ${i} 行 <b>&"'</b> 🎉\n第二行`);
      }
      await say('pdis', '/endmeeting');
      const m = app.store.minutes.last()!;
      const services = app.bot.services;
      const ctx = { now: clock.now(), locale: 'zh-TW' as const, t: translator('zh-TW'), services };
      const exp = compareMs(
        () => JSON.stringify(app.store.minutes.lines(m.id)),
        () => toAkomaNtoso(buildDoc(m, services), ctx),
      );
      app.close();
      return [
        { name: 'raw better-sqlite3 inserts', value: rec.baseline, unit: 'rows/s' },
        {
          name: 'chat messages recorded into minutes',
          value: rec.subject,
          unit: 'msgs/s',
          baseline: { name: 'raw inserts', value: rec.baseline },
          target: '>= 5,000 msgs/s and >= 0.3 of raw',
          pass: rec.subject >= 5000 && rec.subject / rec.baseline >= 0.3,
        },
        {
          name: 'chat messages outside a meeting (one indexed lookup)',
          value: quiet.subject,
          unit: 'msgs/s',
          baseline: { name: 'raw inserts', value: quiet.baseline },
          target: '>= 1.0 of raw',
          pass: quiet.subject / quiet.baseline >= 1,
        },
        {
          name: '/select (write lock first, numbered, announced)',
          value: sel.subject,
          unit: 'cases/s',
          baseline: { name: 'raw inserts', value: sel.baseline },
          target: '>= 500 cases/s, gapless',
          pass: sel.subject >= 500 && gapless,
        },
        {
          name: `Akoma Ntoso export of ${EXPORT_LINES.toLocaleString('en-US')} lines`,
          value: exp.b,
          unit: 'ms',
          baseline: { name: 'JSON.stringify of the same rows read from SQLite', value: exp.a },
          target: '<= 5x the JSON baseline',
          pass: exp.b <= 5 * exp.a,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
