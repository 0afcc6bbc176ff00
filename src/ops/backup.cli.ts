import { fork } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { readEnv } from '../config/env';
import { loadConfigFile } from '../config/load';
import { backupDatabase, partialFiles } from './backup';

// `npm run backup -- <file>`: safe while the bot runs.
const WORKER = 'PO_BOT_BACKUP_WORKER';

async function copy(dest: string): Promise<void> {
  const env = readEnv();
  const source = env.DATABASE_PATH ?? loadConfigFile(env.BOT_CONFIG).database.path;
  const r = await backupDatabase(source, dest);
  const rows = Object.entries(r.tables)
    .filter(([t]) => !t.startsWith('__'))
    .map(([t, n]) => `${t}=${n}`)
    .join(' ');
  process.stdout.write(`Backed up ${source} to ${r.path} (${r.pages} pages, integrity ok): ${rows}\n`);
}

/**
 * The copy is one SQLite statement, which no signal handler can interrupt; so it runs in a
 * child process and this one stays free to answer Ctrl-C or `docker stop`: it ends the child
 * and removes the `.partial*` files, so an interrupted backup leaves nothing behind.
 */
function supervise(dest: string): void {
  const child = fork(__filename, [dest], { env: { ...process.env, [WORKER]: '1' }, stdio: 'inherit' });
  let interrupted: NodeJS.Signals | undefined;
  const stop = (signal: NodeJS.Signals) => {
    interrupted = signal;
    child.kill('SIGKILL');
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, stop);
  child.on('exit', (code) => {
    if (interrupted) {
      for (const f of partialFiles(resolve(dest))) rmSync(f, { force: true });
      process.stderr.write(`po-bot backup: stopped by ${interrupted}; no backup was written and nothing was left behind\n`);
      process.exit(130);
    }
    process.exit(code ?? 1);
  });
}

const dest = process.argv[2];
if (!dest) {
  process.stderr.write('Usage: npm run backup -- <backup file>\n');
  process.exit(64);
}
if (process.env[WORKER] === '1') {
  copy(dest).catch((e) => {
    process.stderr.write(`po-bot backup: ${(e as Error).message}\n`);
    process.exit(1);
  });
} else {
  supervise(dest);
}
