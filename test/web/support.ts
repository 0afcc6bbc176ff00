import type { SayitUploader } from '../../src/core/minutes/sayit/sayit.port';
import { HttpServer } from '../../src/http/http-server';
import { webListener } from '../../src/web/server';
import { silentLogger, type Logger } from '../../src/core/logger';
import { caseApp, say } from '../cases/helpers';
import type { TestApp } from '../support/app';

export interface WebSite {
  app: TestApp;
  base: string;
  get(path: string, opts?: { cookie?: string; headers?: Record<string, string>; method?: string }): Promise<Response>;
  /** Signs in as `who` through their /web link from chat; returns the session cookie ("name=value"). */
  signIn(who: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * What a browser does with a sign-in link: opens its page, then presses the button, which POSTs
 * the token from the same site (Origin and Sec-Fetch-Site as a browser sends them).
 */
export async function followLink(url: string, headers: Record<string, string> = {}): Promise<Response> {
  const page = await fetch(url, { redirect: 'manual', headers });
  if (page.status !== 200) return page;
  const token = /name="t" value="([^"]+)"/.exec(await page.text())?.[1];
  if (!token) throw new Error('no sign-in button on the page');
  const u = new URL(url);
  return fetch(`${u.origin}/signin`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: u.origin, 'sec-fetch-site': 'same-origin', ...headers },
    body: new URLSearchParams({ t: token }).toString(),
  });
}

/** A real app on a real SQLite file, its web pages on the bot's HTTP server on a free port. */
export async function startSite(
  config: Record<string, unknown> = {},
  opts: { start?: Date; envSecret?: string; logger?: Logger; sayit?: SayitUploader; port?: number } = {},
): Promise<WebSite> {
  let base = '';
  // These tests look at a record public as its meeting ends (minutes.reviewWorkingDays 0); the
  // correction window has its own tests (test/minutes/review-window.test.ts).
  const site = caseApp({ minutes: { reviewWorkingDays: 0 }, ...config }, { start: opts.start, logger: opts.logger, sayit: opts.sayit, web: { envSecret: opts.envSecret, baseUrl: () => base } });
  const app = site;
  const http = new HttpServer(silentLogger);
  http.mount('/healthz', (_req, res) => res.end('ok'));
  http.mountFallback(webListener({ app: site, clock: app.clock, logger: silentLogger }));
  const port = await http.listen(opts.port ?? 0, '127.0.0.1');
  base = `http://127.0.0.1:${port}`;
  const get = (path: string, o: { cookie?: string; headers?: Record<string, string>; method?: string } = {}) =>
    fetch(base + path, { method: o.method ?? 'GET', redirect: 'manual', headers: { ...(o.cookie ? { cookie: o.cookie } : {}), ...o.headers } });
  return {
    app: site,
    base,
    get,
    async signIn(who) {
      const said = await say(site, who, '/web');
      const url = /(http:\/\/\S+\/signin\?t=\S+)/.exec(said.text)?.[1];
      if (!url) throw new Error(`no link in: ${said.text}`);
      const res = await followLink(url);
      const set = res.headers.get('set-cookie');
      if (!set) throw new Error(`no cookie (status ${res.status})`);
      return set.split(';')[0]!;
    },
    async close() {
      await http.close();
      app.cleanup();
    },
  };
}

