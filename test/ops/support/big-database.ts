import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { openDatabase } from '../../../src/store/db';
import { closed } from '../../support/children';

const ROOT = join(__dirname, '..', '..', '..');

/** A bot database of about `mb` megabytes (delivery ids of 400 characters). */
export function bigDatabase(path: string, mb: number): void {
  const db = openDatabase(path);
  const insert = db.$client.prepare('insert into processed_events (key, at) values (?, ?)');
  const rows = Math.ceil((mb * 1024 * 1024) / 450);
  db.$client.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run(`seed:${i}:${'x'.repeat(400)}`, i);
  })();
  db.$client.pragma('wal_checkpoint(TRUNCATE)');
  db.$client.close();
}

/** Another process committing to the database (`rate` commits a second, 0: as fast as it can) until stopped. */
export async function startWriter(path: string, rate = 0): Promise<{ child: ChildProcess; stop: () => Promise<number>; kill: () => Promise<void> }> {
  // One process (node with tsx's loader), not the tsx command, which runs the script in a child
  // of its own: killing the command left that child writing, and its stdout pipe kept the jest
  // worker from exiting ("A worker process has failed to exit gracefully").
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'writer.process.ts'), path, String(rate)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  await new Promise<void>((ready, fail) => {
    child.stdout!.on('data', (d) => {
      out += d;
      if (out.startsWith('ready\n')) ready();
    });
    child.on('exit', () => fail(new Error('writer exited')));
  });
  void closed(child);
  const stop = async () => {
    child.kill('SIGTERM');
    await closed(child);
    return Number(out.split('\n')[1]);
  };
  /** For finally blocks: the writer is gone, and so are its pipes, before the test ends. */
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await closed(child);
  };
  return { child, stop, kill };
}
