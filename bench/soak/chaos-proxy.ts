import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

// A platform's API as the bot sees it: the fake behind, and in front the failures a real one
// has, switched on and off by the soak at random moments: 429 with a wait to honour, 5xx, a
// request that hangs until the connection drops, and a permanent refusal for one channel.

export type Fault = 'none' | 'ratelimit' | 'server-error' | 'timeout';
export type Platform = 'slack' | 'telegram';

/** The methods that carry the bot's posts and card updates (the outbox's sends). */
const SENDS: Record<Platform, RegExp> = {
  slack: /\/api\/(chat\.postMessage|chat\.update)$/,
  telegram: /\/(sendMessage|editMessageText)$/,
};

export interface FaultCounts {
  ratelimit: number;
  serverError: number;
  timeout: number;
  permanent: number;
}

export class ChaosProxy {
  fault: Fault = 'none';
  /** How long a `timeout` request hangs before its connection is dropped. */
  hangMs = 4_000;
  readonly counts: FaultCounts = { ratelimit: 0, serverError: 0, timeout: 0, permanent: 0 };
  private server: Server | undefined;
  private base = '';
  private readonly upstream: URL;

  /** `archived`: a Slack channel every post to which is refused for good (is_archived). */
  constructor(
    readonly platform: Platform,
    upstream: string,
    private readonly archived?: string,
  ) {
    this.upstream = new URL(upstream);
  }

  /** The proxy's URL for a path of the upstream (same path, this host). */
  url(pathAndQuery = ''): string {
    return `${this.base}${pathAndQuery}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((r) => s.close(() => r()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const path = (req.url ?? '/').split('?')[0]!;
    const send = SENDS[this.platform].test(path);
    if (send && this.archived && this.platform === 'slack' && body.toString('utf8').includes(`channel=${this.archived}`)) {
      this.counts.permanent++;
      return json(res, 200, { ok: false, error: 'is_archived' });
    }
    if (!send || this.fault === 'none') return this.forward(req, body, res);
    switch (this.fault) {
      case 'ratelimit':
        this.counts.ratelimit++;
        return this.platform === 'slack'
          ? json(res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': '1' })
          : json(res, 429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      case 'server-error':
        this.counts.serverError++;
        return this.platform === 'slack' ? json(res, 503, { ok: false, error: 'service_unavailable' }) : json(res, 502, { ok: false, error_code: 502, description: 'Bad Gateway' });
      case 'timeout':
        this.counts.timeout++;
        // Slack: the post is taken but its answer never comes (the bot must find it, not post it
        // twice); Telegram offers no way to find a post, so there the request never arrives.
        if (this.platform === 'slack') await this.forward(req, body, undefined);
        setTimeout(() => res.destroy(), this.hangMs).unref();
        return;
    }
  }

  /** Sends the request on to the fake; its answer goes to `res` (dropped when undefined). */
  private forward(req: IncomingMessage, body: Buffer, res: ServerResponse | undefined): Promise<void> {
    return new Promise((done) => {
      const headers = { ...req.headers, host: this.upstream.host, 'content-length': String(body.length) };
      const up = request({ host: this.upstream.hostname, port: this.upstream.port, path: req.url, method: req.method, headers }, (answer) => {
        const parts: Buffer[] = [];
        answer.on('data', (c: Buffer) => parts.push(c));
        answer.on('end', () => {
          if (res && !res.destroyed) res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(parts));
          done();
        });
      });
      up.on('error', () => {
        if (res && !res.destroyed) res.writeHead(502).end();
        done();
      });
      up.end(body);
    });
  }
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}
