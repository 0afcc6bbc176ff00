import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pageGate } from '../../src/http/page-gate';
import type { RequestListener } from '../../src/http/http-server';
import { RequestStats } from '../../src/http/request-stats';

// The web pages wait their turn behind the platforms on the one event loop (issue 24, item 1).
// The requests here are the server's side of a request (what node:http hands a listener), so
// the order of events on the loop is exact; `npm run bench -- contention` measures it over HTTP.

class Res extends EventEmitter {
  destroyed = false;
  headersSent = false;
  status = 200;
  headers: Record<string, string> = {};
  writeHead(status: number, headers: Record<string, string> = {}) {
    this.status = status;
    this.headers = headers;
    this.headersSent = true;
    return this;
  }
  end() {
    this.headersSent = true;
    // As node:http does: 'finish' once the answer is handed to the socket, after this turn.
    setImmediate(() => this.emit('finish'));
    return this;
  }
  destroy() {
    this.destroyed = true;
  }
}

function call(listener: RequestListener, url: string): Res {
  const res = new Res();
  listener({ url, socket: { destroyed: false } } as unknown as IncomingMessage, res as unknown as ServerResponse);
  return res;
}

/** A page that holds the event loop for 5 ms, as rendering one from SQLite does. */
function page(order: string[]): RequestListener {
  return (req, res) => {
    const until = Date.now() + 5;
    while (Date.now() < until);
    order.push(req.url ?? '');
    res.end();
  };
}

const settled = (responses: Res[]) => Promise.all(responses.map((r) => (r.headersSent ? new Promise((d) => setImmediate(d)) : new Promise((d) => r.once('finish', d)))));

test('40 page requests that arrive in one turn are rendered one per turn: I/O in between (a platform request) waits one page, not forty', async () => {
  const order: string[] = [];
  const gated = pageGate(page(order));
  const responses = Array.from({ length: 40 }, (_, i) => call(gated, `/p${i}`));
  // A platform request read from its socket in the next turn (a timer runs in the same place).
  setTimeout(() => order.push('platform'), 0);
  await new Promise<void>((done) => {
    const check = () => (order.length === 41 ? done() : setTimeout(check, 5));
    check();
  });
  await settled(responses);
  expect(order.indexOf('platform')).toBeLessThanOrEqual(2);
  // Ungated, the same forty ran back to back before anything else.
  const bare: string[] = [];
  for (let i = 0; i < 40; i++) call(page(bare), `/p${i}`);
  setTimeout(() => bare.push('platform'), 0);
  await new Promise((d) => setTimeout(d, 5));
  expect(bare.indexOf('platform')).toBe(40);
});

test('beyond the queue, a page is answered 503 with Retry-After at once and counted', () => {
  const stats = new RequestStats();
  const gated = pageGate(page([]), { maxQueued: 5, stats });
  const responses = Array.from({ length: 8 }, (_, i) => call(gated, `/p${i}`));
  expect(responses.slice(0, 5).every((r) => !r.headersSent)).toBe(true);
  for (const r of responses.slice(5)) {
    expect(r.status).toBe(503);
    expect(r.headers['retry-after']).toBe('1');
  }
  expect(stats.snapshot().refused.pages_busy).toBe(3);
});

test('a page that waited past maxWaitMs is answered 503, not rendered late; one whose visitor left is not rendered', async () => {
  const order: string[] = [];
  let t = 0;
  const gated = pageGate(page(order), { maxWaitMs: 100, now: () => t });
  const late = call(gated, '/late');
  const gone = new Res();
  gated({ url: '/gone', socket: { destroyed: true } } as unknown as IncomingMessage, gone as unknown as ServerResponse);
  const fresh = (t = 1_000, call(gated, '/fresh'));
  await new Promise((d) => fresh.once('finish', d));
  expect(late.status).toBe(503);
  expect(order).toEqual(['/fresh']);
});

test('at most inFlight pages are answered at once (a page still reading its form holds its place)', async () => {
  const open: Res[] = [];
  let started = 0;
  // Pages that never answer by themselves, like a POST whose body is still coming.
  const gated = pageGate(
    (_req, res) => {
      started++;
      open.push(res as unknown as Res);
    },
    { inFlight: 2 },
  );
  for (let i = 0; i < 5; i++) call(gated, `/f${i}`);
  // Turns of the event loop, not time: the machine may be slow, the order is not.
  const turns = async (n: number) => {
    for (let i = 0; i < n; i++) await new Promise((d) => setImmediate(d));
  };
  await turns(20);
  expect(started).toBe(2);
  open[0]!.end();
  await turns(20);
  expect(started).toBe(3);
});
