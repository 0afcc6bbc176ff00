import Database from 'better-sqlite3';
import { request } from 'node:http';
import { HttpServer, healthRoute } from '../../src/http/http-server';
import { checkHealth } from '../../src/http/health';
import { silentLogger } from '../../src/core/logger';
import type { TestApp } from './app';

/**
 * A full disk without a small filesystem: SQLite's own size limit (`max_page_count`) on the
 * bot's connection, set to the file's current size. A write that needs a new page fails with
 * SQLITE_FULL, exactly as on a full disk; writes that fit free space still succeed.
 */
export function fillDisk(app: TestApp): { free(): void } {
  const c = app.db.$client;
  c.pragma(`max_page_count = ${c.pragma('page_count', { simple: true }) as number}`);
  return { free: () => void c.pragma('max_page_count = 1073741823') };
}

/**
 * Another process's write transaction (a second connection on the same file holding
 * BEGIN IMMEDIATE). The bot's busy timeout is cut to `busyMs` so the test waits that long, not 5 s.
 */
export function holdWriteLock(app: TestApp, busyMs = 50): { release(): void } {
  app.db.$client.pragma(`busy_timeout = ${busyMs}`);
  const other = new Database(app.db.$client.name);
  other.exec('BEGIN IMMEDIATE');
  return {
    release: () => {
      other.exec('ROLLBACK');
      other.close();
    },
  };
}

/** The bot's real /healthz route on a server of its own; get() answers its status code. */
export async function healthz(app: TestApp): Promise<{ get(): Promise<number>; close(): Promise<void> }> {
  const http = new HttpServer(silentLogger);
  http.mount('/healthz', healthRoute(() => checkHealth({ db: app.db, adapters: () => [], jobs: app.store.jobs, outbox: app.store.outbox, clock: app.clock })));
  const port = await http.listen(0, '127.0.0.1');
  return {
    get: () =>
      new Promise<number>((resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/healthz' }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        })
          .on('error', reject)
          .end();
      }),
    close: () => http.close(),
  };
}
