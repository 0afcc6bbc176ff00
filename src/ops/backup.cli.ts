import { readEnv } from '../config/env';
import { loadConfigFile } from '../config/load';
import { backupDatabase } from './backup';

// `npm run backup -- <file>`: safe while the bot runs.
async function main(): Promise<void> {
  const dest = process.argv[2];
  if (!dest) {
    process.stderr.write('Usage: npm run backup -- <backup file>\n');
    process.exit(64);
  }
  const env = readEnv();
  const source = env.DATABASE_PATH ?? loadConfigFile(env.BOT_CONFIG).database.path;
  const r = await backupDatabase(source, dest);
  const rows = Object.entries(r.tables)
    .filter(([t]) => !t.startsWith('__'))
    .map(([t, n]) => `${t}=${n}`)
    .join(' ');
  process.stdout.write(`Backed up ${source} to ${r.path} (${r.pages} pages, integrity ok): ${rows}\n`);
}

main().catch((e) => {
  process.stderr.write(`po-bot backup: ${(e as Error).message}\n`);
  process.exit(1);
});
