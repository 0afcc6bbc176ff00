import type { TestApp } from '../support/app';
import { caseApp, count, say, CHAT } from '../cases/helpers';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';
import type { Meeting } from '../../src/core/meetings/meeting';

/** The 月會 of the tests: 2026-12-01 10:00 Taipei (02:00Z, when testApp's clock starts), 2 hours. */
export const MEETING_START = new Date('2026-12-01T02:00:00Z');
/** The next one, a month later: the 列管 of 部會自行處理 is due then. */
export const NEXT_START = new Date('2027-01-05T02:00:00Z');

/** Eight agencies and one PO each (no roster: whoever /iam registered is the agency's PO). */
export const AGENCIES = ['交通部', '內政部', '經濟部', '勞動部', '衛福部', '教育部', '環境部', '財政部'] as const;
export const po = (i: number) => `po${i}`;

export interface BallotApp {
  app: TestApp;
  meeting: Meeting;
  scheduler: Scheduler;
}

export function ballotApp(config: Record<string, unknown> = {}): BallotApp {
  const app = caseApp(config, { start: new Date(MEETING_START.getTime() - 3_600_000) });
  const meeting = app.store.meetings.create({ series: null, occurrence: null, kind: 'monthly', title: '月會', startsAt: MEETING_START, durationMin: 120, chats: [CHAT], createdBy: null, createdAt: app.clock.now() });
  app.store.meetings.create({ series: null, occurrence: null, kind: 'monthly', title: '月會', startsAt: NEXT_START, durationMin: 120, chats: [CHAT], createdBy: null, createdAt: app.clock.now() });
  return { app, meeting, scheduler: new Scheduler(app.bot, app.store.jobs, app.clock, silentLogger) };
}

/** Each agency's PO registers with /iam. */
export async function registerPOs(app: TestApp, n = AGENCIES.length): Promise<void> {
  for (let i = 0; i < n; i++) await say(app, po(i), `/iam ${AGENCIES[i]}`);
}

/** Six issues, each tagged with one agency: #1..#6 tagged 交通部, 內政部, 經濟部, 勞動部, 衛福部, 教育部. */
export async function proposeSix(app: TestApp): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < 6; i++) {
    await say(app, 'alice', `/propose 議題${i + 1} #${AGENCIES[i]}`);
    ids.push(count(app, 'issues'));
  }
  return ids;
}

export function ballotVotes(app: TestApp): { agency: number; issue: number }[] {
  return app.db.$client.prepare('select agency_id as agency, issue_id as issue from ballot_votes order by agency_id, issue_id').all() as { agency: number; issue: number }[];
}

/** Everything the casework and ballot features write, to prove a refusal changed nothing. */
export function ballotState(app: TestApp): string {
  const c = app.db.$client;
  return JSON.stringify({
    slate: c.prepare('select * from slate_entries order by meeting_id, issue_id').all(),
    ballots: c.prepare('select * from ballots order by id').all(),
    votes: c.prepare('select * from ballot_votes order by ballot_id, agency_id, issue_id').all(),
    items: c.prepare('select * from action_items order by id').all(),
    cases: c.prepare('select * from cases order by id').all(),
    jobs: c.prepare("select key, status, due_at from jobs where key like 'ballot:%' order by key").all(),
    issues: c.prepare('select id, status from issues order by id').all(),
  });
}
