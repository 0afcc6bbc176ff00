import { existsSync } from 'node:fs';
import { readEnv } from '../config/env';
import { loadConfigFile } from '../config/load';
import { openDatabase } from '../store/db';
import { outboxRepo } from '../store/repositories/outbox.repo';

// `npm run outbox -- list | retry <id>`: the dead letters (messages a platform refused for
// good), and putting one back in the queue once its cause is fixed. Safe while the bot runs:
// a running bot's outbox timer sends a re-queued entry within seconds.

const USAGE = 'Usage: npm run outbox -- list | retry <id>\n';

function main(argv: readonly string[]): number {
  const [cmd, arg] = argv;
  if (cmd !== 'list' && cmd !== 'retry') {
    process.stderr.write(USAGE);
    return 64;
  }
  const env = readEnv();
  const path = env.DATABASE_PATH ?? loadConfigFile(env.BOT_CONFIG).database.path;
  if (!existsSync(path)) {
    process.stderr.write(`po-bot outbox: no database at ${path} (set DATABASE_PATH)\n`);
    return 66;
  }
  const db = openDatabase(path);
  try {
    const repo = outboxRepo(db);
    if (cmd === 'list') {
      const dead = repo.deadLetters(1000);
      process.stdout.write(`Dead letters in ${path}: ${dead.length}\n`);
      for (const d of dead) {
        process.stdout.write(`#${d.id}  ${d.op}  ${d.target}  attempts ${d.attempts}  queued ${d.createdAt.toISOString()}\n    error: ${d.error ?? '-'}\n    text: ${d.preview}\n`);
      }
      if (dead.length) process.stdout.write('Send one again once its cause is fixed: npm run outbox -- retry <id>\n');
      return 0;
    }
    const id = Number(arg);
    if (!arg || !Number.isInteger(id) || id <= 0) {
      process.stderr.write(USAGE);
      return 64;
    }
    // Due at once whatever clock the bot runs on (BOT_NOW may be in the past).
    if (!repo.requeue(id, new Date(0))) {
      process.stderr.write(`po-bot outbox: #${id} is not a dead letter (see npm run outbox -- list)\n`);
      return 1;
    }
    process.stdout.write(`#${id} is queued again: a running bot sends it within a few seconds, a stopped one when it starts.\n`);
    return 0;
  } finally {
    db.$client.close();
  }
}

process.exitCode = main(process.argv.slice(2));
