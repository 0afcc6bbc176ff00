import type Database from 'better-sqlite3';
import { StoreUnavailableError } from '../core/errors';

/**
 * SQLite result codes that mean "could not store this now", not "this write is wrong": the
 * disk is full, another connection held the write lock past the busy timeout, I/O failed, the
 * file went read-only or bad. A constraint or SQL error is a bug and stays as it is.
 */
const UNAVAILABLE = /^SQLITE_(FULL|BUSY|LOCKED|IOERR|READONLY|CANTOPEN|NOMEM|PROTOCOL|CORRUPT|NOTADB|NOLFS)/;

/** The store's own word for an error that means nothing was stored (see UNAVAILABLE). */
export function asStoreError(e: unknown): unknown {
  if (e instanceof StoreUnavailableError) return e;
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE.test(code) ? new StoreUnavailableError(code, { cause: e }) : e;
}

export interface WriteHealth {
  ok: boolean;
  /** The SQLite code of the last failed commit while writes fail. */
  error?: string;
  /** Transactions that failed since the last one that was stored. */
  failures?: number;
}

/**
 * Whether this connection's last transaction could be stored, for /healthz: a read (`select 1`)
 * still works on a full disk or under another process's write lock, so only writes tell.
 * Set by every top-level transaction of the store: failing from the first one that could not
 * commit, healthy again at the first one that did.
 */
export class WriteHealthTracker {
  private state: WriteHealth = { ok: true };

  succeeded(): void {
    if (!this.state.ok) this.state = { ok: true };
  }

  failed(e: StoreUnavailableError): void {
    this.state = { ok: false, error: e.code, failures: (this.state.failures ?? 0) + 1 };
  }

  current(): WriteHealth {
    return this.state;
  }
}

const trackers = new WeakMap<Database.Database, WriteHealthTracker>();

/** The tracker of a connection (one per connection, shared by whoever asks). */
export function writeHealth(client: Database.Database): WriteHealthTracker {
  let t = trackers.get(client);
  if (!t) trackers.set(client, (t = new WriteHealthTracker()));
  return t;
}
