import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';

export interface BackupResult {
  path: string;
  pages: number;
  tables: Record<string, number>;
}

/**
 * A consistent copy of a live database through SQLite's online backup API: the bot keeps
 * running and writing (WAL) while pages are copied; the copy is checked before it replaces
 * anything at the destination.
 */
export async function backupDatabase(source: string, destination: string): Promise<BackupResult> {
  const src = resolve(source);
  if (!existsSync(src)) throw new Error(`No database at ${src}`);
  const dest = resolve(destination);
  if (dest === src) throw new Error('The backup must not overwrite the database itself');
  mkdirSync(dirname(dest), { recursive: true });
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  const db = new Database(src, { readonly: true, fileMustExist: true });
  let pages = 0;
  try {
    await db.backup(partial, {
      progress: (p) => {
        pages = p.totalPages;
        return 256; // pages per step: short steps let the bot's writes through in between
      },
    });
  } finally {
    db.close();
  }
  const copy = new Database(partial, { readonly: true });
  let tables: Record<string, number>;
  try {
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`Backup failed its integrity check: ${String(check)}`);
    const names = copy.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`).pluck().all() as string[];
    tables = Object.fromEntries(names.map((n) => [n, copy.prepare(`select count(*) from "${n}"`).pluck().get() as number]));
  } finally {
    copy.close();
  }
  renameSync(partial, dest);
  return { path: dest, pages, tables };
}
