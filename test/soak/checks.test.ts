import { deliveryRows } from '../../bench/soak/check-deliveries';
import { Ledger, type Delivery } from '../../bench/soak/ledger';
import { testApp } from '../support/app';

// The soak's checks can fail: on a real database (real migrations), an acknowledged delivery
// stored once passes; stored twice is a double; acknowledged and absent is a loss; sent but
// never acknowledged and absent is neither.

test('a vote stored once passes, twice is doubled, an acknowledged one missing is lost', () => {
  const app = testApp({});
  try {
    const db = app.db.$client;
    const ledger = new Ledger();
    const vote = (user: string, acked: boolean): Delivery => {
      const d = ledger.add({ kind: 'reactions', platform: 'slack', maxTries: 4, expect: { table: 'votes', issueId: 1, platform: 'slack', user }, attempt: async () => 200 });
      d.acked = acked;
      return d;
    };
    const now = Date.parse('2026-12-01T01:00:00Z');
    db.prepare(`insert into users (platform, platform_user_id, display_name, created_at, updated_at) values ('slack', 'UPRO', 'Pro', ?, ?)`).run(now, now);
    db.prepare(`insert into issues (title, proposer_id, chat, created_at) values ('公車路線整併', 1, 'slack:C1', ?)`).run(now);
    const voter = (user: string) => Number(db.prepare(`insert into users (platform, platform_user_id, display_name, created_at, updated_at) values ('slack', ?, ?, ?, ?)`).run(user, user, now, now).lastInsertRowid);
    const store = (userId: number) => db.prepare(`insert into votes (issue_id, user_id, created_at) values (1, ?, ?)`).run(userId, now);
    vote('UONCE', true);
    store(voter('UONCE'));
    vote('UTWICE', true);
    const twice = voter('UTWICE');
    store(twice);
    store(twice);
    vote('ULOST', true);
    vote('UNEVER', false);
    const [row] = deliveryRows(db, ledger.all);
    expect(row).toEqual({ label: 'reactions (Slack)', sent: 4, acked: 3, stored: 2, lost: 1, doubled: 1 });
  } finally {
    app.cleanup();
  }
});
