import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestListener } from './http-server';
import type { RequestStats } from './request-stats';

export interface PageGateOptions {
  /** Pages being answered at once (a page still reading a form body holds its place). */
  inFlight?: number;
  /** Requests waiting their turn; one more is answered 503 at once. */
  maxQueued?: number;
  /** A request that waited this long is answered 503 instead of rendered late. */
  maxWaitMs?: number;
  stats?: RequestStats;
  now?: () => number;
}

/** The longest pause between two pages under a flood (a page that took longer is rare). */
const MAX_GAP_MS = 200;

/** Defaults measured with `npm run bench -- contention` (docs/benchmarks.md). */
export const PAGE_GATE_DEFAULTS = { inFlight: 4, maxQueued: 64, maxWaitMs: 10_000 } as const;

/**
 * Puts the web pages behind the platforms on the one event loop. A page is rendered
 * synchronously (better-sqlite3 reads, then JSX), tens of milliseconds at the network's scale;
 * 64 visitors' requests arriving in one turn of the event loop were rendered back to back
 * before a Slack event that arrived with them was even read (Slack's ack p50 8.3 s). Here a
 * page only joins a queue when it arrives, and at most one page starts per turn of the event
 * loop, and while more wait, not before the loop has been free as long as the last page held
 * it: the platforms' requests, which arrive as I/O, are read and answered between any two
 * pages, so they wait for one page at most. A full queue, or a wait past
 * `maxWaitMs`, is answered 503 with Retry-After, cheaply, and counted (`refused.pages_busy`).
 */
export function pageGate(pages: RequestListener, o: PageGateOptions = {}): RequestListener {
  const inFlight = o.inFlight ?? PAGE_GATE_DEFAULTS.inFlight;
  const maxQueued = o.maxQueued ?? PAGE_GATE_DEFAULTS.maxQueued;
  const maxWaitMs = o.maxWaitMs ?? PAGE_GATE_DEFAULTS.maxWaitMs;
  const now = o.now ?? Date.now;
  const queue: { req: IncomingMessage; res: ServerResponse; at: number }[] = [];
  let running = 0;
  let scheduled = false;

  const busy = (res: ServerResponse) => {
    o.stats?.refused('pages_busy');
    if (res.destroyed || res.headersSent) return void res.destroy();
    res.writeHead(503, { 'retry-after': '1', 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('busy, try again in a moment\n');
  };
  // How long the last page held the event loop: with more pages waiting, the next one starts
  // only after as long again, so under a flood the pages get at most half of the loop and a
  // platform's request, which needs several turns (accept, read, store, answer), finds the loop
  // free in between instead of one turn per page.
  let lastRenderMs = 0;
  const schedule = () => {
    if (scheduled || !queue.length || running >= inFlight) return;
    scheduled = true;
    if (lastRenderMs >= 1) setTimeout(next, Math.min(lastRenderMs, MAX_GAP_MS));
    else setImmediate(next);
  };
  const next = () => {
    scheduled = false;
    while (queue.length && running < inFlight) {
      const q = queue.shift()!;
      // A visitor who gave up is not rendered for.
      if (q.res.destroyed || q.req.socket.destroyed) continue;
      if (now() - q.at > maxWaitMs) {
        busy(q.res);
        continue;
      }
      running++;
      let done = false;
      const finished = () => {
        if (done) return;
        done = true;
        running--;
        schedule();
      };
      q.res.once('finish', finished);
      q.res.once('close', finished);
      const t0 = process.hrtime.bigint();
      try {
        pages(q.req, q.res);
        lastRenderMs = Number(process.hrtime.bigint() - t0) / 1e6;
      } catch {
        if (!q.res.headersSent) q.res.writeHead(500);
        q.res.end();
      }
      // One page per turn: whatever else arrived meanwhile is read before the next.
      break;
    }
    schedule();
  };

  return (req, res) => {
    if (queue.length >= maxQueued) return busy(res);
    queue.push({ req, res, at: now() });
    schedule();
  };
}
