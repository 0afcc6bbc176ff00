import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { runInImage, startInImage, type Finished, type ImageLayout } from './docker.replay';

/**
 * What the replayed image must do once built: start from its CMD as its user, apply the
 * migrations to the volume, answer a console conversation, keep data across a restart, back up
 * with the compiled CLI, stop on its STOPSIGNAL, and pass its own HEALTHCHECK.
 */

export class CheckFailed extends Error {
  override name = 'CheckFailed';
}

export interface CheckResult {
  name: string;
  status: 'ok' | 'skipped' | 'failed';
  detail: string;
}

export const TITLE = '公車路線整併';
const CONVERSATION = [`/help`, `/propose ${TITLE} | 跨縣市公車路線重疊 #交通部`, `/vote 1`, `/meeting ics`].join('\n') + '\n';

function must(cond: unknown, msg: string): asserts cond {
  if (!cond) throw new CheckFailed(msg);
}

function describe(r: Finished): string {
  return `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\nstdout: ${r.stdout.slice(-2000)}\nstderr: ${r.stderr.slice(-2000)}`;
}

function jsonLines(stdout: string): { id: number; text: string; file?: string }[] {
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: number; text: string; file?: string });
}

function databasePath(layout: ImageLayout): string {
  const p = layout.env.DATABASE_PATH;
  must(p, 'the image sets no DATABASE_PATH');
  return layout.hostPath(p);
}

function countRows(path: string, sql: string): number {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).pluck().get() as number;
  } finally {
    db.close();
  }
}

function journalEntries(layout: ImageLayout): number {
  const journal = JSON.parse(readFileSync(layout.hostPath('migrations/meta/_journal.json'), 'utf8')) as { entries: unknown[] };
  return journal.entries.length;
}

/** Only compiled code, migrations, config and production dependencies are in the image. */
export function checkLayout(layout: ImageLayout, context: string): string {
  const top = readdirSync(layout.hostWorkdir).sort();
  for (const banned of ['src', 'test', 'tsconfig.json', 'tsconfig.build.json', 'bench', '.git']) must(!top.includes(banned), `${layout.workdir}/${banned} is in the runtime image`);
  for (const needed of ['dist/main.js', 'dist/store/db.js', 'dist/ops/backup.cli.js', 'migrations/meta/_journal.json', 'calendar/2026.txt', 'bot.config.json', 'node_modules/better-sqlite3/build/Release/better_sqlite3.node']) {
    must(existsSync(join(layout.hostWorkdir, needed)), `${layout.workdir}/${needed} is missing from the runtime image`);
  }
  const pkg = JSON.parse(readFileSync(join(context, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  for (const dep of Object.keys(pkg.dependencies)) must(existsSync(join(layout.hostWorkdir, 'node_modules', dep, 'package.json')), `dependency ${dep} is missing from the runtime node_modules`);
  // Dev-only packages (per the lockfile) must have been pruned.
  const lock = JSON.parse(readFileSync(join(context, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  const devOnly = Object.entries(lock.packages).filter(([k, v]) => k.startsWith('node_modules/') && v.dev);
  const left = devOnly.filter(([k]) => existsSync(join(layout.hostWorkdir, k))).map(([k]) => k);
  must(left.length === 0, `dev dependencies left in the runtime image: ${left.slice(0, 8).join(', ')}`);
  // dist/store/db.js resolves ../../migrations: that must be the copied folder.
  must(realpathSync(join(layout.hostWorkdir, 'dist', 'store', '..', '..', 'migrations')) === realpathSync(layout.hostPath('migrations')), 'dist/store/db.js would not find the migrations');
  // dist/calendar/load.js resolves ../../calendar the same way.
  must(realpathSync(join(layout.hostWorkdir, 'dist', 'calendar', '..', '..', 'calendar')) === realpathSync(layout.hostPath('calendar')), 'dist/calendar/load.js would not find the office calendar');
  if (layout.switchesUser) {
    for (const v of layout.volumes) must(statSync(layout.hostPath(v)).uid === layout.user.uid, `volume ${v} is not owned by ${layout.user.name}`);
    must(statSync(join(layout.hostWorkdir, 'dist', 'main.js')).uid === 0, 'the code should stay root-owned (read-only for the bot)');
  }
  const files = readdirSync(join(layout.hostWorkdir, 'node_modules')).length;
  return `${top.join(', ')}; ${files} entries in node_modules, ${devOnly.length} dev-only packages pruned`;
}

/** First start on an empty volume: migrations applied, a conversation answered, files on /data. */
export async function checkFirstStart(layout: ImageLayout): Promise<string> {
  const r = await runInImage(layout, layout.cmd, { input: CONVERSATION, env: { BOT_CONSOLE_JSON: '1', PORT: String(await freePort()) } });
  must(r.code === 0, `the bot did not run the conversation to the end: ${describe(r)}`);
  const lines = jsonLines(r.stdout);
  must(lines.some((l) => l.text.includes('/propose') && l.text.includes('/help')), `no /help answer: ${describe(r)}`);
  must(lines.some((l) => l.text.includes(TITLE)), `no issue card: ${describe(r)}`);
  const file = lines.find((l) => l.file)?.file;
  must(file, `/meeting ics saved no file: ${describe(r)}`);
  const volume = realpathSync(layout.hostPath('/data'));
  must(realpathSync(file).startsWith(volume + '/'), `the export ${file} is not on the /data volume`);
  const db = databasePath(layout);
  must(existsSync(db), `no database at ${layout.env.DATABASE_PATH}`);
  if (layout.switchesUser) must(statSync(db).uid === layout.user.uid, 'the database was not created by the image user');
  const applied = countRows(db, 'select count(*) from __drizzle_migrations');
  must(applied === journalEntries(layout), `${applied} migrations applied, ${journalEntries(layout)} in the image`);
  must(countRows(db, 'select count(*) from issues') === 1, 'the proposal was not stored');
  must(countRows(db, 'select count(*) from votes') === 1, 'the vote was not stored');
  return `${lines.length} answers; ${applied} migrations applied to ${layout.env.DATABASE_PATH}; export at ${relative(volume, realpathSync(file))} on the volume`;
}

/** Second start on the same volume (an upgrade is the same): nothing re-applied, nothing lost. */
export async function checkRestart(layout: ImageLayout): Promise<string> {
  const db = databasePath(layout);
  const before = countRows(db, 'select count(*) from __drizzle_migrations');
  const r = await runInImage(layout, layout.cmd, { input: '/issue 1\n', env: { BOT_CONSOLE_JSON: '1', PORT: String(await freePort()) } });
  must(r.code === 0, `restart failed: ${describe(r)}`);
  must(jsonLines(r.stdout).some((l) => l.text.includes(TITLE)), `the issue is gone after a restart: ${describe(r)}`);
  must(countRows(db, 'select count(*) from __drizzle_migrations') === before, 'migrations were applied again on restart');
  must(countRows(db, 'select count(*) from votes') === 1, 'the vote was lost on restart');
  return `issue and vote still there; ${before} migrations, none re-applied`;
}

/** `node dist/ops/backup.cli.js /data/backup.sqlite`, as the README tells operators. */
export async function checkBackup(layout: ImageLayout): Promise<string> {
  const dest = layout.hostPath('/data/backup.sqlite'); // the argument is a container path: mapped here
  const r = await runInImage(layout, ['node', 'dist/ops/backup.cli.js', dest]);
  must(r.code === 0 && r.stdout.includes('integrity ok'), `backup failed: ${describe(r)}`);
  must(countRows(dest, 'select count(*) from issues') === 1, 'the backup lacks the issue');
  if (layout.switchesUser) must(statSync(dest).uid === layout.user.uid, 'the backup was not written by the image user');
  return r.stdout.trim();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Starts the CMD with stdin left open (a running container), until `stop` is called. */
function startBot(layout: ImageLayout, env: Record<string, string>) {
  const child = startInImage(layout, layout.cmd, { BOT_CONSOLE_JSON: '1', ...env });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const exited = new Promise<Finished>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  const output = () => ({ stdout, stderr });
  const kill = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return { child, exited, output, kill };
}

async function waitFor<T>(what: () => string, ms: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new CheckFailed(`timed out after ${ms} ms waiting for ${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** `docker stop` sends STOPSIGNAL to PID 1 (node, via the exec-form CMD): it must exit cleanly. */
export async function checkStopSignal(layout: ImageLayout): Promise<string> {
  const signal = (layout.stopSignal ?? 'SIGTERM') as NodeJS.Signals;
  const bot = startBot(layout, { PORT: String(await freePort()) });
  try {
    bot.child.stdin!.write('/help\n');
    await waitFor(() => 'the first answer', 15_000, () => {
      if (bot.child.exitCode !== null) throw new CheckFailed(`the bot exited early: ${bot.output().stderr}`);
      return bot.output().stdout.includes('\n') ? true : undefined;
    });
    const t0 = Date.now();
    bot.child.kill(signal);
    const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000).unref());
    const r = await Promise.race([bot.exited, timeout]);
    must(r !== 'timeout', `the bot did not exit within 10 s of ${signal}`);
    must(r.code === 0, `the bot exited with ${describe(r)} after ${signal}`);
    return `exit 0 ${Date.now() - t0} ms after ${signal}`;
  } finally {
    bot.kill();
  }
}

function compiledHasHealthz(layout: ImageLayout): boolean {
  const walk = (d: string): boolean =>
    readdirSync(d, { withFileTypes: true }).some((e) => (e.isDirectory() ? walk(join(d, e.name)) : e.name.endsWith('.js') && readFileSync(join(d, e.name), 'utf8').includes('/healthz')));
  return walk(layout.hostPath('dist'));
}

export const HEALTHZ_MISSING =
  'GET /healthz is not in this build yet (issue 7 item 4): the HEALTHCHECK command was not run against the bot. test/docker/healthcheck.test.ts still runs it against a stand-in server.';

/** Docker's HEALTHCHECK, run as Docker would (in the container, with its env) against the bot. */
export async function checkHealth(layout: ImageLayout): Promise<string | { skipped: string }> {
  must(layout.healthcheck, 'the image has no HEALTHCHECK');
  if (!compiledHasHealthz(layout)) return { skipped: HEALTHZ_MISSING };
  const port = String(await freePort());
  const bot = startBot(layout, { PORT: port });
  try {
    let last: Finished | undefined;
    const t0 = Date.now();
    await waitFor(() => `a healthy HEALTHCHECK on PORT=${port} (last: ${last ? describe(last) : 'none'})`, 20_000, async () => {
      if (bot.child.exitCode !== null) throw new CheckFailed(`the bot exited before it was healthy: ${bot.output().stderr}`);
      last = await runInImage(layout, layout.healthcheck!, { env: { PORT: port }, timeoutMs: 6_000 });
      return last.code === 0 ? true : undefined;
    });
    return `HEALTHCHECK exit 0 against the running bot on PORT=${port} after ${Date.now() - t0} ms`;
  } finally {
    bot.kill();
  }
}

/** Every check, in order, each reported whatever the others did. */
export async function verifyImage(layout: ImageLayout, context: string, log: (l: string) => void = () => {}): Promise<CheckResult[]> {
  const checks: [string, () => Promise<string | { skipped: string }> | string][] = [
    ['runtime layout', () => checkLayout(layout, context)],
    ['first start: migrations and a conversation', () => checkFirstStart(layout)],
    ['restart on the same volume', () => checkRestart(layout)],
    ['backup with the compiled CLI', () => checkBackup(layout)],
    ['STOPSIGNAL', () => checkStopSignal(layout)],
    ['HEALTHCHECK against the running bot', () => checkHealth(layout)],
  ];
  const results: CheckResult[] = [];
  for (const [name, fn] of checks) {
    let r: CheckResult;
    try {
      const out = await fn();
      r = typeof out === 'string' ? { name, status: 'ok', detail: out } : { name, status: 'skipped', detail: out.skipped };
    } catch (e) {
      r = { name, status: 'failed', detail: (e as Error).message };
    }
    log(`${r.status.toUpperCase().padEnd(7)} ${name}: ${r.detail}`);
    results.push(r);
  }
  return results;
}
