import type Database from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import type { Logger } from '../core/logger';

export interface BackgroundCheckpoints {
  /** Pages checkpointed so far (for tests and the health view). */
  readonly checkpoints: () => number;
  /** The thread itself, for diagnostics and tests. */
  readonly thread: Worker;
  /** Stops the thread; the connection goes back to checkpointing itself. */
  stop(): Promise<void>;
}

/**
 * Moves WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever
 * commit crosses 1,000 WAL pages and fsyncs the database there: on this kind of disk that is
 * milliseconds every few hundred votes, in the middle of answering Slack (bench/slack). Here a
 * thread with its own connection runs PASSIVE checkpoints (which never block the writer) on a
 * timer, and the bot's connection checkpoints only as a backstop (below). Durability is
 * unchanged: a commit is in the WAL either way, and the WAL is what survives `kill -9`.
 * If the thread dies the connection checkpoints itself again, so the WAL cannot grow unbounded.
 *
 * The connection keeps a backstop of its own (`backstopFrames`): SQLite only starts the WAL over
 * at a write that finds every frame copied back, and under a steady stream of commits a PASSIVE
 * checkpoint never catches up with the last one, so the WAL would grow for as long as the stream
 * lasts (bench/telegram: 265 MB in 3.5 s). Past the backstop the connection checkpoints what the
 * thread has not copied yet (at most one interval's worth), and the WAL starts over: about 40 MB
 * at most by default, in place of 4 MB with a checkpoint every few hundred votes.
 */
export function startBackgroundCheckpoints(client: Database.Database, path: string, logger: Logger, intervalMs = 200, backstopFrames = 10_000): BackgroundCheckpoints {
  // The worker runs plain JavaScript (no TypeScript loader in a worker), loading the same driver.
  const driver = require.resolve('better-sqlite3');
  // node:worker_threads is loaded here, a few seconds into a run (src/main.ts), not at start-up.
  const { Worker: Thread } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Thread(
    `const { parentPort, workerData } = require('node:worker_threads');
     const Database = require(workerData.driver);
     const db = new Database(workerData.path, { fileMustExist: true });
     db.pragma('busy_timeout = 1000');
     let pages = 0;
     const tick = () => {
       try {
         const [r] = db.pragma('wal_checkpoint(PASSIVE)');
         if (r && r.checkpointed > 0) { pages += r.checkpointed; parentPort.postMessage({ pages }); }
       } catch (e) { parentPort.postMessage({ error: String(e && e.message || e) }); }
     };
     const timer = setInterval(tick, workerData.intervalMs);
     parentPort.on('message', () => { clearInterval(timer); tick(); db.close(); parentPort.close(); });`,
    { eval: true, workerData: { driver, path, intervalMs } },
  );
  let pages = 0;
  let stopping = false;
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  const selfCheckpoint = () => client.open && client.pragma('wal_autocheckpoint = 1000');
  worker.on('message', (m: { pages?: number; error?: string }) => {
    if (m.pages !== undefined) pages = m.pages;
    if (m.error) logger.warn({ error: m.error }, 'wal checkpoint failed; will retry');
  });
  worker.on('error', (e) => logger.error({ err: e }, 'wal checkpoint thread failed'));
  void exited.then(() => {
    if (stopping) return;
    logger.warn({}, 'wal checkpoint thread stopped; the database checkpoints itself again');
    selfCheckpoint();
  });
  // Not a reason to keep the process alive: the connection's own close checkpoints too.
  worker.unref();
  client.pragma(`wal_autocheckpoint = ${Math.max(1, Math.floor(backstopFrames))}`);
  return {
    checkpoints: () => pages,
    thread: worker,
    async stop() {
      if (stopping) return exited;
      stopping = true;
      selfCheckpoint();
      worker.postMessage('stop');
      await exited;
    },
  };
}
