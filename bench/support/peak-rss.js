// Preloaded (NODE_OPTIONS=--require) into every process bench/startup.bench.ts starts: at exit,
// appends "<pid> <peak RSS in KiB>" (getrusage's ru_maxrss, worker threads included) to
// $PEAK_RSS_FILE. The same few lines run in the floor and in the bot, so they cost both alike.
const file = process.env.PEAK_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      require('node:fs').appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`);
    } catch {
      // a bench helper must never change how the process ends
    }
  });
}
