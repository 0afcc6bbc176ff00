import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createApp, type App } from '../src/app';
import { parseConfig } from '../src/config/load';
import { ManualClock } from '../src/core/clock';
import { silentLogger } from '../src/core/logger';
import { Scheduler } from '../src/scheduler/scheduler';
import { compileAgenda, renderAgenda } from '../src/core/meetings/agenda.compile';
import { MeetingFormat } from '../src/core/meetings/meeting.format';
import { richToPlain, type MessageRef } from '../src/core/types';
import { voteId } from '../src/store/repositories/votes.repo';
import { percentile, type Bench, type BenchLine } from './harness';

const ISSUES = 10_000;
const VOTES = 200_000;
const MOTIONS = 1_000;
const PENDING_JOBS = 10_000;
const START = new Date('2026-12-01T02:00:00Z');

/** Milliseconds per call, `runs` times after a warm-up: median and p95. */
async function timeIt(fn: () => unknown, runs: number, warmup = 5): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  return { median: percentile(ms, 50), p95: percentile(ms, 95) };
}

/** A deterministic pseudo-random sequence, so every run seeds the same store. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/**
 * One transaction of raw inserts: 2,000 people across the agencies, 10,000 open issues since the
 * last meeting, 200,000 votes skewed towards some issues, 1,000 motions queued for the meeting.
 */
function seed(app: App, meetingId: number, since: number): void {
  const db = app.db.$client;
  const agencies = app.bot.services.people.agencies.all.map((a) => a.id);
  const random = rng(42);
  const users = 2_000;
  db.transaction(() => {
    const user = db.prepare(`insert into users (platform, platform_user_id, display_name, agency_id, created_at, updated_at) values ('console', ?, ?, ?, ?, ?)`);
    for (let u = 1; u <= users; u++) user.run(`u${u}`, `u${u}`, u % 10 === 0 ? null : agencies[u % agencies.length]!, since, since);
    const issue = db.prepare(`insert into issues (title, details, proposer_id, proposer_agency_id, status, chat, created_at) values (?, '', ?, ?, 'open', 'console:main', ?)`);
    const tag = db.prepare(`insert or ignore into issue_agencies (issue_id, agency_id) values (?, ?)`);
    for (let i = 1; i <= ISSUES; i++) {
      const proposer = 1 + Math.floor(random() * users);
      issue.run(`議題 ${i}`, proposer, agencies[proposer % agencies.length]!, since + 1000 + i);
      tag.run(i, agencies[Math.floor(random() * agencies.length)]!);
    }
    // The vote's rowid is (issue, person), as votes.repo.ts stores it: a repeat is ignored.
    const vote = db.prepare(`insert or ignore into votes (id, issue_id, user_id, agency_id, created_at) values (?, ?, ?, ?, ?)`);
    let stored = 0;
    while (stored < VOTES) {
      // Squaring skews votes towards low issue numbers: a few popular issues, a long tail.
      const issueId = 1 + Math.floor(random() ** 2 * ISSUES);
      const userId = 1 + Math.floor(random() * users);
      stored += vote.run(voteId(issueId, userId), issueId, userId, userId % 10 === 0 ? null : agencies[userId % agencies.length]!, since + 5000).changes;
    }
    const motion = db.prepare(`insert into agenda_items (meeting_id, text, proposer_id, agency_id, status, created_at, updated_at) values (?, ?, ?, ?, 'queued', ?, ?)`);
    for (let m = 1; m <= MOTIONS; m++) motion.run(meetingId, `臨時動議 ${m}`, m, agencies[m % agencies.length]!, since, since);
  })();
  db.exec('analyze');
}

export const meetingsBench: Bench = {
  name: 'meetings',
  async run(): Promise<BenchLine[]> {
    const dir = mkdtempSync(join(tmpdir(), 'po-bench-meetings-'));
    const clock = new ManualClock(START);
    const series = [{ id: 'collab', title: '協作會議', kind: 'weekly', start: '2026-01-02 10:00', rrule: 'FREQ=WEEKLY;BYDAY=FR', durationMin: 120 }];
    const app = createApp({ config: parseConfig({ meetings: { series } }), databasePath: join(dir, 'bench.sqlite'), clock, logger: silentLogger });
    try {
      let posted = 0;
      app.bot.setDelivery({ post: async (chat) => `${chat}#${++posted}` as MessageRef, update: async () => {} });
      // Last week's meeting (the "since") and this week's, whose agenda is compiled.
      clock.set(new Date('2026-11-20T00:00:00Z'));
      app.meetings.expand(clock.now());
      const previous = app.store.meetings.between(new Date('2026-11-27T00:00:00Z'), new Date('2026-11-28T00:00:00Z'))[0]!;
      const meeting = app.store.meetings.next(previous)!;
      seed(app, meeting.id, previous.startsAt.getTime());
      clock.set(START);

      const fmt = new MeetingFormat(app.meetings.settings, 'zh-TW');
      const compile = () => renderAgenda(compileAgenda(meeting, app.bot.agendaContributors(), fmt, app.bot.services, clock.now()), fmt, { draft: true });
      // Sanity: the agenda really holds the ballot's top 20 of 10,000 and the first 30 motions.
      const text = richToPlain(compile().text);
      if (!text.includes(`…還有 ${ISSUES - 20} 筆`) || !text.includes(`…還有 ${MOTIONS - 30} 筆`)) throw new Error(`agenda bench: unexpected agenda\n${text}`);
      const agenda = await timeIt(compile, 30);
      // Same-run baseline: the bare aggregate the ballot needs, straight on better-sqlite3.
      const raw = app.db.$client.prepare(`select issue_id, count(*) as n, count(distinct agency_id) as a from votes group by issue_id order by n desc limit 20`);
      const baseline = await timeIt(() => raw.all(), 30);

      // 10,000 jobs due next year: a tick must find nothing to do, quickly.
      const jobs = app.db.$client.prepare(`insert into jobs (kind, key, due_at, payload, status, created_at) values ('meetings.remind', ?, ?, '{}', 'pending', ?)`);
      app.db.$client.transaction(() => {
        for (let i = 0; i < PENDING_JOBS; i++) jobs.run(`bench:${i}`, Date.parse('2027-06-01T00:00:00Z') + i * 60_000, START.getTime());
      })();
      const scheduler = new Scheduler(app.bot, app.store.jobs, clock, silentLogger);
      if ((await scheduler.tick()) !== 0) {
        // The seeded meetings' own jobs may be due at START; run them once so ticks are idle.
        await scheduler.tick();
      }
      const pending = (app.db.$client.prepare(`select count(*) as n from jobs where status = 'pending'`).get() as { n: number }).n;
      const tick = await timeIt(() => scheduler.tick(), 200, 20);
      // Same-run baseline: the claim statement alone (a write transaction that finds nothing).
      const claim = app.db.$client.prepare(`
        update jobs set status = 'running', claimed_by = 'bench', claimed_until = @until, attempts = attempts + 1
        where id in (select id from jobs where (status = 'pending' and due_at <= @now) or (status = 'running' and claimed_until < @now) order by due_at, id limit 50)
        returning *`);
      const tickBaseline = await timeIt(() => claim.all({ now: clock.now().getTime(), until: clock.now().getTime() + 60_000 }), 200, 20);

      return [
        { name: `raw vote aggregate (${VOTES.toLocaleString('en-US')} votes, median)`, value: baseline.median, unit: 'ms' },
        {
          name: `agenda compile: ${ISSUES.toLocaleString('en-US')} issues, ${VOTES.toLocaleString('en-US')} votes, ${MOTIONS.toLocaleString('en-US')} motions (median)`,
          value: agenda.median,
          unit: 'ms',
          baseline: { name: 'raw aggregate', value: baseline.median },
          target: '< 50 ms',
          pass: agenda.median < 50,
        },
        { name: 'agenda compile p95', value: agenda.p95, unit: 'ms' },
        { name: 'raw claim statement, nothing due (median)', value: tickBaseline.median, unit: 'ms' },
        {
          name: `scheduler tick with ${pending.toLocaleString('en-US')} pending jobs, none due (median)`,
          value: tick.median,
          unit: 'ms',
          baseline: { name: 'raw claim statement', value: tickBaseline.median },
          target: '< 5 ms',
          pass: tick.median < 5,
        },
        { name: 'scheduler tick p95', value: tick.p95, unit: 'ms' },
      ];
    } finally {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
