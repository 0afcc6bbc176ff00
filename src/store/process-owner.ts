import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * Who is sending an outbox entry: `<host>:<pid>:<random>`. Every process on one SQLite file in
 * WAL mode runs on the same host (WAL needs shared memory), so a sender's pid says whether it
 * still runs: a restart does not wait out the lease of the process it replaces.
 */
export function processOwner(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** True when the owner is a process of this host that no longer runs. */
export function ownerGone(owner: string): boolean {
  const [host, pid] = owner.split(':');
  if (host !== hostname() || !/^\d+$/.test(pid ?? '')) return false;
  if (Number(pid) === process.pid) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
