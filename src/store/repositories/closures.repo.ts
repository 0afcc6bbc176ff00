import type { Db } from '../db';
import type { ClosureRepo } from '../../core/calendar/closures';
import { VersionedCache } from '../versioned-cache';

export function closuresRepo(db: Db): ClosureRepo {
  const c = db.$client;
  const insert = c.prepare('insert into office_closures (date, reason, by_user_id, created_at) values (?, ?, ?, ?) on conflict do nothing');
  const read = c.prepare<[], { date: string; reason: string }>('select date, reason from office_closures order by date');
  // Every working-day question asks; exact across processes (see VersionedCache).
  const cache = new VersionedCache<0, ReadonlyMap<string, string>>(c, 1);
  const load = () => new Map(read.all().map((r) => [r.date, r.reason] as const));
  return {
    all: () => cache.get(0, load)!,
    add(date, reason, by, at) {
      const added = insert.run(date, reason, by, at.getTime()).changes > 0;
      if (added) cache.set(0, load());
      return added;
    },
  };
}
