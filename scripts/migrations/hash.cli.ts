import { MIGRATIONS_DIR } from '../../src/store/db';
import { readMigrations } from '../../src/store/migration-files';
import { addNewHashes, migrationProblems, unrecordedMessage } from './hashes';

// `npm run migrations:hash` prints every migration's sha256 and whether it is recorded;
// `npm run migrations:hash -- --add` records new migrations in migrations/hashes.json (never
// rewrites a recorded one).
const folder = MIGRATIONS_DIR;
if (process.argv.includes('--add')) {
  const { added, changed } = addNewHashes(folder);
  for (const c of changed) process.stderr.write(`${c}\n`);
  if (changed.length > 0) process.exit(1);
  process.stdout.write(added.length ? `Recorded ${added.join(', ')} in migrations/hashes.json: commit it with the migration.\n` : 'Every migration is already recorded.\n');
} else {
  const { changed, unrecorded } = migrationProblems(folder);
  for (const m of readMigrations(folder)) {
    const state = unrecorded.includes(m) ? 'NEW (not recorded)' : 'recorded';
    process.stdout.write(`${m.entry.tag}  ${m.sha256}  ${state}\n`);
  }
  for (const c of changed) process.stderr.write(`${c}\n`);
  for (const m of unrecorded) process.stderr.write(`${unrecordedMessage(m)}\n`);
  process.exit(changed.length > 0 ? 1 : 0);
}
