import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';

// What the soak reads from the bot's database, from outside and read-only, as an operator
// would: the cards to react to, whether a chat records minutes, the meetings and the jobs that
// decide where the simulated clock may jump.

export interface MeetingRow {
  id: number;
  title: string;
  startsAt: number;
  endsAt: number;
  chats: string[];
  status: string;
}

export interface Card {
  issueId: number;
  /** `slack:C1#<ts>` or `telegram:<chat>#<message id>`. */
  ref: string;
}

export class DbView {
  constructor(readonly path: string) {}

  read<T>(f: (db: Database.Database) => T): T {
    const db = new Database(this.path, { readonly: true, fileMustExist: true });
    try {
      return f(db);
    } finally {
      db.close();
    }
  }

  exists(): boolean {
    return existsSync(this.path);
  }

  cards(): Card[] {
    return this.read((db) => db.prepare(`select record_id as issueId, message_ref as ref from message_links where record_kind = 'issue'`).all() as Card[]);
  }

  recording(chat: string): boolean {
    return this.read((db) => (db.prepare(`select count(*) from minutes where chat = ? and status = 'recording'`).pluck().get(chat) as number) > 0);
  }

  meetings(): MeetingRow[] {
    return this.read((db) =>
      (db.prepare(`select id, title, starts_at as startsAt, duration_min as d, chats, status from meetings where series is not null`).all() as { id: number; title: string; startsAt: number; d: number; chats: string; status: string }[]).map((m) => ({
        id: m.id,
        title: m.title,
        startsAt: m.startsAt,
        endsAt: m.startsAt + m.d * 60_000,
        chats: JSON.parse(m.chats) as string[],
        status: m.status,
      })),
    );
  }

  /** The earliest moment after `now` when a job falls due or a dead process's claim on one ends. */
  nextJobMoment(now: number): number | undefined {
    return this.read((db) => {
      const due = db.prepare(`select min(due_at) from jobs where status = 'pending' and due_at > ?`).pluck().get(now) as number | null;
      const lease = db.prepare(`select min(claimed_until) from jobs where status = 'running' and claimed_until > ?`).pluck().get(now) as number | null;
      const all = [due, lease].filter((x): x is number => x !== null);
      return all.length ? Math.min(...all) : undefined;
    });
  }

  /** Jobs due by `now` not yet done (the bot still has work it must do before the clock may jump). */
  overdueJobs(now: number): number {
    return this.read((db) => db.prepare(`select count(*) from jobs where status in ('pending', 'running') and due_at <= ?`).pluck().get(now) as number);
  }

  /** Outbox entries still to send (pending or mid-send). */
  unsent(): number {
    return this.read((db) => db.prepare(`select count(*) from outbox where status in ('pending', 'sending')`).pluck().get() as number);
  }

  /** The largest of the database's files in KiB (the file size limit is set above it). */
  largestFileKiB(): number {
    const sizes = ['', '-wal', '-shm'].map((s) => (existsSync(this.path + s) ? statSync(this.path + s).size : 0));
    return Math.ceil(Math.max(...sizes) / 1024);
  }
}
