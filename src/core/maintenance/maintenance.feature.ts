import type { Feature } from '../feature';
import type { JobHandler } from '../jobs';
import type { Store } from '../records';

export const PRUNE_JOB = 'maintenance.prune';
const DAY = 86_400_000;
/** Long enough that any platform redelivery (Slack retries for minutes, Telegram for a day) is caught. */
export const EVENT_RETENTION_MS = 14 * DAY;
/** Sent posts are kept a while for inspection; pending and dead ones are never pruned. */
export const OUTBOX_RETENTION_MS = 30 * DAY;

/** Schedules the next daily prune; the key names the day, so restarts never add a second one. */
export function scheduleMaintenance(store: Store, now: Date): void {
  const next = new Date(Math.floor(now.getTime() / DAY) * DAY + DAY + 3 * 3_600_000); // 03:00 UTC
  store.jobs.schedule({ kind: PRUNE_JOB, key: `maintenance:prune:${next.toISOString().slice(0, 10)}`, dueAt: next });
}

const prune: JobHandler = {
  kind: PRUNE_JOB,
  run({ now, services }) {
    const { store, logger } = services;
    const events = store.events.prune(new Date(now.getTime() - EVENT_RETENTION_MS));
    const sent = store.outbox.pruneSent(new Date(now.getTime() - OUTBOX_RETENTION_MS));
    logger.info({ events, sent }, 'maintenance: pruned old delivery records');
    scheduleMaintenance(store, now);
    return [];
  },
};

export const maintenanceFeature: Feature = { name: 'maintenance', jobs: [prune] };
