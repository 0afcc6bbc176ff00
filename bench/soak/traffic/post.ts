import { Agent, request } from 'node:http';

// One delivery as a platform makes it: a POST that counts as answered only with a status
// within the platform's deadline (Slack gives up after 3 s; the soak holds Telegram to the same).

export const DEADLINE_MS = 3_000;
const agent = new Agent({ keepAlive: false, maxSockets: 64 });

/** Resolves with the HTTP status, or 0 when there was no answer in time (refused, reset, too slow). */
export function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done) => {
    let settled = false;
    const finish = (status: number) => {
      if (settled) return;
      settled = true;
      done(status);
    };
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      res.resume();
      res.on('end', () => finish(res.statusCode ?? 0));
      res.on('error', () => finish(0));
    });
    req.setTimeout(DEADLINE_MS, () => {
      finish(0);
      req.destroy();
    });
    req.on('error', () => finish(0));
    req.end(body);
  });
}
