import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
}

export interface ApiReply {
  status?: number;
  json: unknown;
}

/**
 * The far side of the network boundary for what telegram-test-api cannot do: answers the Bot
 * API on loopback, records every call, and replies with scripted errors (429, 403, "message
 * is not modified") when a test asks for them.
 */
export class FakeBotApi extends EventEmitter {
  readonly calls: ApiCall[] = [];
  readonly me = { id: 4242, is_bot: true, first_name: 'PO Bot', username: 'po_test_bot' };
  private readonly scripted = new Map<string, ApiReply[]>();
  private nextMessageId = 100;
  private server: Server | undefined;
  private port = 0;

  get apiRoot(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static error(code: number, description: string, parameters?: Record<string, unknown>): ApiReply {
    return { status: code, json: { ok: false, error_code: code, description, ...(parameters ? { parameters } : {}) } };
  }

  /** The next calls of `method` get these replies, in order; later calls the default. */
  script(method: string, ...replies: ApiReply[]): void {
    this.scripted.set(method, [...(this.scripted.get(method) ?? []), ...replies]);
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves once `count` calls of `method` have arrived (counting those already there). */
  waitForCalls(method: string, count: number): Promise<ApiCall[]> {
    return new Promise((resolve) => {
      const check = () => {
        const got = this.callsTo(method);
        if (got.length < count) return false;
        this.off('call', check);
        resolve(got);
        return true;
      };
      if (!check()) this.on('call', check);
    });
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, json }) => {
        res.writeHead(status ?? 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((r) => {
      this.server?.close(() => r());
      this.server?.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage): Promise<ApiReply> {
    const raw = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
    const m = /^\/bot[^/]+\/(\w+)$/.exec(req.url ?? '');
    const method = m?.[1] ?? '?';
    let body: Record<string, unknown> = {};
    if ((req.headers['content-type'] ?? '').includes('application/json') && raw) body = JSON.parse(raw) as Record<string, unknown>;
    else if (raw) body = { multipart: true, bytes: raw.length };
    const call = { method, body };
    this.calls.push(call);
    const reply = this.scripted.get(method)?.shift() ?? this.defaultReply(method, body);
    this.emit('call', call);
    return reply;
  }

  private defaultReply(method: string, body: Record<string, unknown>): ApiReply {
    const ok = (result: unknown): ApiReply => ({ json: { ok: true, result } });
    switch (method) {
      case 'getMe':
        return ok(this.me);
      case 'sendMessage':
      case 'sendDocument':
        return ok({ message_id: this.nextMessageId++, date: 0, chat: { id: Number(body.chat_id ?? 0), type: 'supergroup' }, text: body.text });
      case 'getUpdates':
        return ok([]);
      default:
        return ok(true);
    }
  }
}
