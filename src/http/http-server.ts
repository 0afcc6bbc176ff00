import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../core/logger';
import type { RequestStats } from './request-stats';

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
}

/**
 * A slow-body client used to hold a request open for Node's 300 s, with no limit on how many
 * (issue 14, item 9). Webhooks from Slack and Telegram arrive in one piece in milliseconds.
 */
export const DEFAULT_LIMITS: ServerLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 10_000, maxConnections: 256 };

/** Serves a listener on `port` (0 picks a free one) and reports the port actually bound. */
export async function listen(listener: RequestListener, port: number, host?: string, limits: ServerLimits = DEFAULT_LIMITS): Promise<ListeningServer> {
  const server: Server = createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      // Node checks the two timeouts on this interval (default 30 s): a 10 s limit needs a finer one.
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.requestTimeoutMs / 4))),
    },
    listener,
  );
  server.maxConnections = limits.maxConnections;
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
        server.close(() => resolve());
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
