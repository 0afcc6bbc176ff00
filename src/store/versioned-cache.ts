import type Database from 'better-sqlite3';

/**
 * `PRAGMA data_version` changes when ANOTHER connection commits. Caches keyed to it stay exact:
 * this process updates them on its own writes, and drops them the moment anyone else writes.
 */
export function dataVersion(client: Database.Database): () => number {
  const known = versions.get(client);
  if (known) return known;
  const stmt = client.prepare('pragma data_version').pluck();
  // Read at most once per synchronous run of code: one event touches several caches, and
  // another process's commit can only be observed between our turns anyway.
  let value = 0;
  let fresh = false;
  const read = () => {
    if (!fresh) {
      value = stmt.get() as number;
      fresh = true;
      queueMicrotask(() => (fresh = false));
    }
    return value;
  };
  versions.set(client, read);
  return read;
}

const versions = new WeakMap<Database.Database, () => number>();

const cachesOf = new WeakMap<Database.Database, Set<VersionedCache<unknown, unknown>>>();

/** After a rollback: what this process cached from its own writes may never have happened. */
export function clearCaches(client: Database.Database): void {
  for (const c of cachesOf.get(client) ?? []) c.clear();
}

export class VersionedCache<K, V> {
  private readonly map = new Map<K, V>();
  private version = Number.NaN;
  private readonly currentVersion: () => number;

  constructor(
    client: Database.Database,
    private readonly max = 10_000,
  ) {
    this.currentVersion = dataVersion(client);
    let set = cachesOf.get(client);
    if (!set) cachesOf.set(client, (set = new Set()));
    set.add(this as VersionedCache<unknown, unknown>);
  }

  clear(): void {
    this.map.clear();
  }

  get(key: K, load: () => V | undefined): V | undefined {
    this.sync();
    const hit = this.map.get(key);
    if (hit !== undefined) return hit;
    const value = load();
    if (value !== undefined) this.set(key, value);
    return value;
  }

  /** Only for values this process just wrote. */
  set(key: K, value: V): void {
    this.sync();
    if (this.map.size >= this.max) this.map.clear();
    this.map.set(key, value);
  }

  delete(key: K): void {
    this.map.delete(key);
  }

  private sync(): void {
    const v = this.currentVersion();
    if (v !== this.version) {
      this.map.clear();
      this.version = v;
    }
  }
}
