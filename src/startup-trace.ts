// Where a start-up's time goes, for `npm run bench -- startup` and for an operator asking why a
// start is slow: with PO_BOT_STARTUP_TRACE=1 the bot writes one line to stderr once it is ready,
// `po-bot startup {"boot":41.2,"loaded":72.9,…}`: milliseconds since the process started at the
// end of each phase. dist/main.js adds the two phases before any of this code runs (Node's own
// start, and reading the bundle with its code cache) through globalThis. Off: nothing is kept.

const KEY = '__poBotStartup';
type Marks = [phase: string, ms: number][];
const marks: Marks | undefined =
  process.env.PO_BOT_STARTUP_TRACE === '1' ? ((globalThis as Record<string, unknown>)[KEY] as Marks | undefined) ?? [] : undefined;

/** The end of a start-up phase. */
export function startupMark(phase: string): void {
  marks?.push([phase, performance.now()]);
}

/** Writes the trace line (once), when tracing is on. */
export function startupReport(): void {
  if (!marks?.length) return;
  startupMark('ready');
  process.stderr.write(`po-bot startup ${JSON.stringify(Object.fromEntries(marks.map(([p, ms]) => [p, Math.round(ms * 10) / 10])))}\n`);
  marks.length = 0;
}
