import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface BackupResult {
  path: string;
  pages: number;
  tables: Record<string, number>;
}

/** Every file a copy in progress can leave: the copy and SQLite's journals beside it. */
export function partialFiles(dest: string): string[] {
  const partial = `${dest}.partial`;
  return [partial, `${partial}-journal`, `${partial}-wal`, `${partial}-shm`];
}

function removePartials(dest: string): void {
  for (const f of partialFiles(dest)) rmSync(f, { force: true });
}

/**
 * A consistent copy of a live database while the bot keeps writing. `VACUUM INTO` copies one
 * read transaction's snapshot in a single statement: in WAL mode writers from other processes
 * carry on meanwhile and nothing makes it start over. (The online backup API in short steps,
 * used before, restarted whenever another connection wrote between two steps, so at 20 writes/s
 * it never finished: issue 14, item 5.) The copy is written with no journal of its own, checked,
 * then renamed over the destination; on any failure, and before starting (a run killed with
 * SIGKILL cannot clean up), the `.partial*` files are removed.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  const src = resolve(source);
  if (!existsSync(src)) throw new Error(`No database at ${src}`);
  const dest = resolve(destination);
  if (dest === src) throw new Error('The backup must not overwrite the database itself');
  mkdirSync(dirname(dest), { recursive: true });
  const [partial] = partialFiles(dest) as [string];
  removePartials(dest);
  try {
    const db = new Database(src, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      db.prepare('VACUUM INTO ?').run(partial);
    } finally {
      db.close();
    }
    const result = checkCopy(partial);
    renameSync(partial, dest);
    return { path: dest, ...result };
  } catch (e) {
    removePartials(dest);
    throw e;
  }
}

/**
 * Opened read-write on purpose: the copy is in rollback-journal mode, so a read-write
 * connection leaves no `-wal`/`-shm` behind (a read-only one on a WAL file did).
 */
function checkCopy(path: string): { pages: number; tables: Record<string, number> } {
  const copy = new Database(path, { fileMustExist: true });
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`Backup failed its integrity check: ${String(check)}`);
    const names = copy.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).pluck().all() as string[];
    const tables = Object.fromEntries(names.map((n) => [n, copy.prepare(`select count(*) from "${n}"`).pluck().get() as number]));
    return { pages: copy.pragma('page_count', { simple: true }) as number, tables };
  } finally {
    copy.close();
  }
}
