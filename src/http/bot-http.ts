import type { Logger } from '../core/logger';
import { DEFAULT_LIMITS, HttpServer, healthRoute, type RequestListener } from './http-server';
import { pageGate } from './page-gate';
import type { RequestStats } from './request-stats';

export interface BotHttpOptions {
  logger: Logger;
  requests: RequestStats;
  health: () => { status: string };
  /** The web pages, when they are served (built only then). */
  pages?: () => RequestListener;
  /** The pages' own port; unset: they share the platforms' port. */
  webPort?: number;
  maxConnectionsPerClient?: number;
}

export interface BotHttp {
  /** Mounts a platform's endpoint on the platforms' port (before listen). */
  mount(path: string, listener: RequestListener): void;
  /** Opens the port(s): the platforms' (and /healthz) on `port`, the pages' on WEB_PORT if set. */
  listen(port: number, host?: string): Promise<{ port: number; webPort?: number }>;
  close(): Promise<void>;
}

/**
 * The bot's HTTP side (issue 24, item 1): /healthz and the platforms' endpoints on PORT, the
 * web pages either on their own port (WEB_PORT, so a page flood or a client holding
 * connections there never touches the platforms' connection budget) or, by default, behind the
 * platforms on the same port. Either way the pages wait their turn on the event loop
 * (page-gate.ts) and every port limits what one client may hold (client-limit.ts).
 */
export function botHttp(o: BotHttpOptions): BotHttp {
  const limits = { ...DEFAULT_LIMITS, ...(o.maxConnectionsPerClient !== undefined ? { maxConnectionsPerClient: o.maxConnectionsPerClient } : {}) };
  const platforms = new HttpServer(o.logger, o.requests, limits);
  platforms.mount('/healthz', healthRoute(o.health));
  let web: HttpServer | undefined;
  if (o.pages) {
    const gated = pageGate(o.pages(), { stats: o.requests });
    if (o.webPort !== undefined) (web = new HttpServer(o.logger, o.requests, limits)).mountFallback(gated);
    else platforms.mountFallback(gated);
  }
  return {
    mount: (path, listener) => platforms.mount(path, listener),
    async listen(port, host) {
      const bound = await platforms.listen(port, host);
      const webPort = web ? await web.listen(o.webPort!, host) : undefined;
      return { port: bound, webPort };
    },
    async close() {
      await Promise.all([platforms.close(), web?.close()]);
    },
  };
}
