import Database from 'better-sqlite3';
import type { Sabotage } from './args';
import type { Ledger } from './ledger';

// Test-only (`--sabotage`): damages the finished run's database the way a bug would — one
// acknowledged vote stored twice, or lost — so a test can show the checks catch it and the
// soak exits non-zero. A check that cannot fail proves nothing.

export function sabotage(path: string, ledger: Ledger, how: Sabotage): string | undefined {
  if (how === 'none') return undefined;
  const db = new Database(path);
  try {
    for (const d of ledger.all) {
      if (!d.acked || d.expect.table !== 'votes') continue;
      const e = d.expect;
      const id = db
        .prepare(`select v.id from votes v join users u on u.id = v.user_id where v.issue_id = ? and u.platform = ? and u.platform_user_id = ?`)
        .pluck()
        .get(e.issueId, e.platform, e.user) as number | undefined;
      if (id === undefined) continue;
      if (how === 'double') db.prepare(`insert into votes (issue_id, user_id, agency_id, created_at) select issue_id, user_id, agency_id, created_at from votes where id = ?`).run(id);
      else db.prepare(`delete from votes where id = ?`).run(id);
      return `${how === 'double' ? 'duplicated' : 'deleted'} the stored vote of delivery ${d.id} (${d.kind}, ${d.platform})`;
    }
    throw new Error('--sabotage: no acknowledged, stored vote to damage');
  } finally {
    db.close();
  }
}
