import Database from 'better-sqlite3';

/*
 * Another process writing to the bot's database, as the bot does while `npm run backup` runs:
 * `tsx writer.process.ts <db> <writes per second, 0 = as fast as it can>`. Each write is its
 * own commit (a vote or a delivery id). Prints "ready" after the first commit and the number of
 * commits when told to stop (SIGTERM).
 */
const [path, rateArg] = process.argv.slice(2);
const rate = Number(rateArg ?? 0);
const db = new Database(path!);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare('insert into processed_events (key, at) values (?, ?)');
let n = 0;
const write = () => insert.run(`writer:${process.pid}:${n++}`, Date.now());
write();
process.stdout.write('ready\n');

let timer: NodeJS.Timeout;
if (rate > 0) {
  // Paced against the clock, so a slow write is caught up rather than dropped.
  const start = Date.now();
  timer = setInterval(() => {
    const due = Math.floor(((Date.now() - start) / 1000) * rate);
    while (n < due) write();
  }, 5);
} else {
  const loop = () => {
    for (let i = 0; i < 20; i++) write();
    timer = setTimeout(loop, 0);
  };
  loop();
}
process.on('SIGTERM', () => {
  clearInterval(timer);
  clearTimeout(timer);
  db.close();
  process.stdout.write(`${n}\n`);
  process.exit(0);
});
