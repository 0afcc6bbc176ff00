import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger';
import type { RequestStats } from './request-stats';
import { limitPerClient } from './client-limit';

export type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

/**
 * The bot's one HTTP port: /healthz, and the webhook paths adapters mount (Slack's
 * /slack/events, Telegram's webhook). Unknown paths get 404.
 */
export interface ListeningServer {
  port: number;
  close(): Promise<void>;
}

/** Limits on what one connection may cost before anyone knows who sent it. */
export interface ServerLimits {
  /** Time to receive a request's headers (Node's default is 60 s). */
  headersTimeoutMs: number;
  /** Time to receive a whole request, body included (Node's default is 300 s). */
  requestTimeoutMs: number;
  /** Open connections at once; more are refused by the kernel's accept backlog, then dropped. */
  maxConnections: number;
  /** Open connections from one remote address (client-limit.ts); 0: no limit. */
  maxConnectionsPerClient: number;
  /** How long an idle keep-alive connection is kept after its last answer. */
  keepAliveTimeoutMs: number;
}

/**
 * A slow-body client used to hold a request open for Node's 300 s, with no limit on how many
 * (issue 14, item 9). Webhooks from Slack and Telegram arrive in one piece in milliseconds.
 * One client's idle keep-alive or slowloris connections used to take the whole budget of 256
 * and lock the platforms out (issue 24, item 1): now one remote address holds at most 64 of
 * 1,024 (client-limit.ts), headers must arrive within 5 s, and an idle connection is closed 2 s
 * after its last answer (a browser opens a new one in a round trip). Slack and Telegram send
 * from many addresses, the headers at once.
 */
export const DEFAULT_LIMITS: ServerLimits = { headersTimeoutMs: 5_000, requestTimeoutMs: 10_000, maxConnections: 1024, maxConnectionsPerClient: 64, keepAliveTimeoutMs: 2_000 };

/** How long a stop waits for requests in flight before closing their connections. */
const CLOSE_GRACE_MS = 2_000;

/** Serves a listener on `port` (0 picks a free one) and reports the port actually bound. */
export async function listen(listener: RequestListener, port: number, host?: string, limits: ServerLimits = DEFAULT_LIMITS, stats?: RequestStats): Promise<ListeningServer> {
  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts on this interval (default 30 s): a 10 s limit needs a finer one.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.requestTimeoutMs / 4))),
      // A search of 10 kB of Chinese is some 30 kB once percent-encoded in the URL: past Node's 16 KiB
      // it got a bare 431 instead of the search page saying the query is too long (issue 29).
      maxHeaderSize: 40 * 1024,
    },
    listener,
  );
  server.maxConnections = limits.maxConnections;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  limitPerClient(server, limits.maxConnectionsPerClient, stats);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        // Stops accepting and drops idle keep-alive sockets; in-flight requests finish first.
        // A connection still sending its headers (slowloris) is not idle and would hold the
        // stop until its header timeout: whatever is left after a moment is closed.
        const rest = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS).unref();
        server.close(() => (clearTimeout(rest), resolve()));
        server.closeIdleConnections();
      }),
  };
}

export class HttpServer {
  private readonly routes = new Map<string, RequestListener>();
  private server: ListeningServer | undefined;
  private fallback: RequestListener | undefined;

  constructor(
    private readonly logger: Logger,
    private readonly stats?: RequestStats,
    private readonly limits: ServerLimits = DEFAULT_LIMITS,
  ) {}

  mount(path: string, listener: RequestListener): void {
    if (this.routes.has(path)) throw new Error(`HTTP path ${path} mounted twice`);
    this.routes.set(path, listener);
  }

  /** Serves every path no mount claims (the web pages); without it such paths get 404. */
  mountFallback(listener: RequestListener): void {
    if (this.fallback) throw new Error('HTTP fallback mounted twice');
    this.fallback = listener;
  }

  async listen(port: number, host?: string): Promise<number> {
    this.server = await listen(
      (req, res) => {
        const path = (req.url ?? '/').split('?')[0]!;
        const route = this.routes.get(path) ?? this.fallback;
        if (!route) {
          res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
          return;
        }
        try {
          route(req, res);
        } catch (e) {
          // The error's message and stack only: HTTP libraries' errors carry the request
          // (headers, cookies) as properties, and a logged `err` would print it whole.
          this.stats?.failed();
          this.logger.error({ path, method: req.method, error: (e as Error).message }, 'http route failed');
          if (!res.headersSent) res.writeHead(500);
          res.end();
        }
      },
      port,
      host,
      this.limits,
      this.stats,
    );
    return this.server.port;
  }

  /** Stops accepting; requests in flight finish first. */
  close(): Promise<void> {
    return this.server?.close() ?? Promise.resolve();
  }
}

/** GET /healthz: JSON, 200 when healthy, 503 when not. */
export function healthRoute(report: () => { status: string }): RequestListener {
  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let body: { status: string };
    try {
      body = report();
    } catch (e) {
      body = { status: 'degraded', error: (e as Error).message } as { status: string };
    }
    res.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
  };
}
