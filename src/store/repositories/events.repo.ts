import { lt } from 'drizzle-orm';
import type { Db } from '../db';
import { processedEvents } from '../schema';
import type { EventLog } from '../../core/records';

export function eventsRepo(db: Db): EventLog {
  const c = db.$client;
  // On the client: these run once per inbound event (the hot path, bench/slack).
  const seen = c.prepare('select 1 from processed_events where key = ?').pluck();
  const claim = c.prepare('insert into processed_events (key, at) values (?, ?) on conflict do nothing');
  return {
    seen: (key) => seen.get(key) !== undefined,
    claim: (key, at) => claim.run(key, at.getTime()).changes === 1,
    prune: (before) => db.delete(processedEvents).where(lt(processedEvents.at, before.getTime())).run().changes,
  };
}
