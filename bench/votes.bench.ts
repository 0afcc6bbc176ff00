import Database from 'better-sqlite3';
import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createApp } from '../src/app';
import { parseConfig } from '../src/config/load';
import { ManualClock } from '../src/core/clock';
import { silentLogger } from '../src/core/logger';
import type { MessageRef } from '../src/core/types';
import { compareRates, type Bench } from './harness';

/** Votes through the core (reaction event → stored vote → new tally → card re-rendered)
 *  against raw better-sqlite3 single-row inserts on a file with the same settings. */
export const votesBench: Bench = {
  name: 'votes',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'po-bench-'));
    try {
      // Raw baseline: one autocommitted insert per row, WAL, synchronous=NORMAL, as the app.
      const raw = new Database(join(dir, 'raw.sqlite'));
      raw.pragma('journal_mode = WAL');
      raw.pragma('synchronous = NORMAL');
      raw.exec('create table t (a integer not null, b integer not null, c integer, at integer not null, primary key (a, b))');
      const ins = raw.prepare('insert into t (a, b, c, at) values (?, ?, ?, ?)');

      const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
      const app = createApp({ config: parseConfig({}), databasePath: join(dir, 'app.sqlite'), clock, logger: silentLogger });
      let posted = 0;
      app.bot.setDelivery({
        post: async (chat) => `${chat}#${++posted}` as MessageRef,
        update: async () => {},
      });
      const issues = 1000;
      for (let i = 0; i < issues; i++) {
        await app.bot.dispatch({ kind: 'command', name: 'propose', args: `議題 ${i} #交通部`, actor: { platform: 'console', id: 'p', name: 'p' }, chat: 'console:main' });
      }
      const agencies = app.bot.services.people.agencies.all;
      // Each voter appears once per issue: every event stores a new vote.
      // Each voter appears once per issue: every event stores a new vote. Voters take turns
      // representing the agencies so per-agency tallies move too.
      for (let v = 0; v < 400; v++) {
        const u = app.bot.services.people.resolve({ platform: 'console', id: `u${v}`, name: `u${v}` }, clock.now());
        app.bot.services.people.setAgency(u, agencies[v % agencies.length]!.id, clock.now());
      }
      const vote = (i: number) =>
        app.bot.dispatch({
          kind: 'reaction',
          emoji: '👍',
          added: true,
          target: `console:main#${(i % issues) + 1}`,
          actor: { platform: 'console', id: `u${Math.floor(i / issues)}`, name: `u${Math.floor(i / issues)}` },
          chat: 'console:main',
        });
      const { baseline: rawRate, subject: rate } = await compareRates((i) => ins.run(i % 1000, i, 1, Date.now()), vote);
      raw.close();
      const stored = (app.db.$client.prepare('select count(*) as n from votes').get() as { n: number }).n;
      app.close();
      const ratio = rate / rawRate;
      return [
        { name: 'raw better-sqlite3 inserts', value: rawRate, unit: 'rows/s' },
        {
          name: 'votes through the core',
          value: rate,
          unit: 'votes/s',
          baseline: { name: 'raw inserts', value: rawRate },
          target: '>= 5,000 votes/s and >= 0.5 of raw',
          pass: rate >= 5000 && ratio >= 0.5,
        },
        { name: 'votes stored (sanity)', value: stored, unit: 'rows' },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
