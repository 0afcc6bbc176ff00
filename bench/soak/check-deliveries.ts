import type Database from 'better-sqlite3';
import { KINDS, type Delivery, type Expect, type Kind, type PlatformName } from './ledger';

// Each delivery against the database: acknowledged ones must be stored exactly once; none may
// be stored twice (a resend after a lost answer, a restart, a retry after a 503).

export interface Row {
  label: string;
  sent: number;
  acked: number | undefined;
  stored: number;
  lost: number;
  doubled: number;
}

/** How many rows hold what the delivery expects. */
export function storedCount(db: Database.Database, e: Expect): number {
  switch (e.table) {
    case 'votes':
      return db
        .prepare(`select count(*) from votes v join users u on u.id = v.user_id where v.issue_id = ? and u.platform = ? and u.platform_user_id = ?`)
        .pluck()
        .get(e.issueId, e.platform, e.user) as number;
    case 'issues':
      return db.prepare(`select count(*) from issues where title = ?`).pluck().get(e.title) as number;
    case 'minutes_lines':
      return db.prepare(`select count(*) from minutes_lines l join minutes m on m.id = l.minutes_id where m.chat = ? and l.text = ?`).pluck().get(e.chat, e.text) as number;
  }
}

export function deliveryRows(db: Database.Database, all: readonly Delivery[]): Row[] {
  const rows: Row[] = [];
  for (const kind of KINDS)
    for (const platform of ['slack', 'telegram'] as PlatformName[]) {
      const mine = all.filter((d) => d.kind === kind && d.platform === platform);
      const row: Row = { label: `${kind} (${platform === 'slack' ? 'Slack' : 'Telegram'})`, sent: mine.length, acked: 0, stored: 0, lost: 0, doubled: 0 };
      for (const d of mine) {
        const n = storedCount(db, d.expect);
        if (d.acked) row.acked!++;
        if (n > 0) row.stored++;
        if (d.acked && n === 0) row.lost++;
        if (n > 1) row.doubled += n - 1;
      }
      rows.push(row);
    }
  return rows;
}

export type { Kind };
