import Database from 'better-sqlite3';

// Another process on the bot's database holding its write lock (BEGIN IMMEDIATE) for a while,
// as a backup, a migration or an operator's sqlite3 shell would.
// Message { hold: ms } → takes the lock (waiting up to 5 s for the bot's), holds it, lets go,
// answers { held: ms actually held } (0: could not take it); 'stop' → exits.
const db = new Database(process.argv[2]!, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
process.on('message', (m: { hold: number } | 'stop') => {
  if (m === 'stop') {
    db.close();
    process.exit(0);
  }
  const t0 = Date.now();
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch {
    process.send!({ held: 0 });
    return;
  }
  const took = Date.now();
  setTimeout(() => {
    db.exec('ROLLBACK');
    process.send!({ held: Date.now() - took, waited: took - t0 });
  }, m.hold);
});
// The soak gone (its IPC channel closed): nothing left to hold the lock for.
process.on('disconnect', () => process.exit(0));
process.send!('ready');
