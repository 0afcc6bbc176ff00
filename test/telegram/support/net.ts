import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

/** A port free right now on 127.0.0.1 (telegram-test-api treats port 0 as 9000). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Rejects when `p` has not settled in `ms`: a hung wait fails its test instead of the run. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms)));
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export interface PostResult {
  status: number;
  body: string;
}

/** POSTs JSON to our webhook as Telegram would. */
export async function postUpdate(url: string, update: unknown, secret?: string, raw?: string): Promise<PostResult> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(secret !== undefined ? { 'x-telegram-bot-api-secret-token': secret } : {}) },
    body: raw ?? JSON.stringify(update),
  });
  return { status: res.status, body: await res.text() };
}
