import { eq, lt, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { processedEvents } from '../schema';
import type { EventLog } from '../../core/records';

export function eventsRepo(db: Db): EventLog {
  const seen = db.select({ key: processedEvents.key }).from(processedEvents).where(eq(processedEvents.key, sql.placeholder('key'))).prepare();
  const remember = db
    .insert(processedEvents)
    .values({ key: sql.placeholder('key'), at: sql.placeholder('at') })
    .onConflictDoNothing()
    .prepare();
  return {
    seen: (key) => seen.get({ key }) !== undefined,
    remember: (key, at) => void remember.run({ key, at: at.getTime() }),
    prune: (before) => db.delete(processedEvents).where(lt(processedEvents.at, before.getTime())).run().changes,
  };
}
