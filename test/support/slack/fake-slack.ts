import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake Web API received, with its form or JSON fields decoded. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  authorization: string | undefined;
  status: number;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks: unknown[];
  metadata?: unknown;
}

export interface FakeUser {
  id: string;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  profile?: { display_name?: string; real_name?: string };
}

type Reply = { status?: number; headers?: Record<string, string>; body: unknown };

export const BOT_USER_ID = 'UBOT';
export const BOT_ID = 'BBOT';

/**
 * The far side of the network boundary: a Slack Web API on 127.0.0.1 that answers the methods
 * the adapter uses and records every call. `response_url` posts land under /respond/.
 */
export class FakeSlack {
  readonly calls: ApiCall[] = [];
  /** Bodies posted to response_urls (slash command and button answers). */
  readonly responses: { id: string; body: Record<string, unknown> }[] = [];
  /** Messages that chat.postMessage accepted, by `channel#ts`. */
  readonly messages = new Map<string, PostedMessage>();
  /** Reactions on each message (`channel#ts`), as a test puts them there: what reactions.get answers. */
  readonly reactions = new Map<string, { name: string; users: string[] }[]>();

  /** Puts a reaction on (or takes it off) a message, as a person would in Slack. */
  react(channel: string, ts: string, user: string, name: string, added: boolean): void {
    const key = `${channel}#${ts}`;
    const list = this.reactions.get(key) ?? [];
    let r = list.find((x) => x.name === name);
    if (!r) list.push((r = { name, users: [] }));
    r.users = added ? [...new Set([...r.users, user])] : r.users.filter((u) => u !== user);
    this.reactions.set(key, list);
  }
  readonly users = new Map<string, FakeUser>();
  /** People Slack will not open a direct message with (conversations.open answers restricted_action). */
  readonly noDirectMessages = new Set<string>();
  /** Files shared with files.completeUploadExternal: their bytes as uploaded, and where. */
  readonly files: { id: string; title: string; channel: string; content: string }[] = [];
  private readonly uploads = new Map<string, { filename: string; length: number; content?: string }>();
  /**
   * Slack refuses a message whose blocks hold more text than this in all (msg_blocks_too_long;
   * undocumented, seen from about 12,000 to 13,300 characters: slackapi/bolt-js #2509, #2867).
   */
  blockTextLimit = 12_000;
  /** What apps.connections.open returns (Socket Mode tests set it). */
  wsUrl = '';
  private readonly queued = new Map<string, Reply[]>();
  private readonly waiters: { pred: (c: ApiCall) => boolean; resolve: (c: ApiCall) => void }[] = [];
  private server: Server | undefined;
  private nextTs = 1;
  private base = '';

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/respond/${id}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
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

  /** Replies queued by failNext for `method` that were not used yet are dropped: the API is back. */
  recover(method: string): void {
    this.queued.delete(method);
  }

  /** The next call(s) to `method` get these replies instead of the normal answer. */
  failNext(method: string, ...replies: Reply[]): void {
    this.queued.set(method, [...(this.queued.get(method) ?? []), ...replies]);
  }

  private readonly holds: { method: string; pred: (p: Record<string, unknown>) => boolean; accept: boolean; reset: boolean; arrived: (p: Record<string, unknown>) => void }[] = [];

  /**
   * The next call of `method` matching `pred` is never answered nor accepted (the connection is
   * left open): resolves with its parameters when it arrives. For a test that kills the caller then.
   */
  hold(method: string, pred: (p: Record<string, unknown>) => boolean = () => true, o: { accept?: boolean; reset?: boolean } = {}): Promise<Record<string, unknown>> {
    // `reset`: the connection is dropped instead of left open (a timeout or a proxy's reset).
    return new Promise((arrived) => this.holds.push({ method, pred, accept: o.accept ?? false, reset: o.reset ?? false, arrived }));
  }

  private readonly gates = new Map<string, { opened: Promise<void>; arrived: () => void }>();

  /**
   * Calls of `method` wait until the returned `open()` (then answer as usual); `arrived`
   * resolves when the first one is waiting. For a test of what happens in the meantime.
   */
  gate(method: string): { arrived: Promise<void>; open: () => void } {
    let open!: () => void;
    let arrived!: () => void;
    const opened = new Promise<void>((r) => (open = r));
    const first = new Promise<void>((r) => (arrived = r));
    this.gates.set(method, { opened, arrived });
    return { arrived: first, open: () => (this.gates.delete(method), open()) };
  }

  callsTo(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves with the first call (already made or still to come) that matches. */
  waitFor(method: string, pred: (c: ApiCall) => boolean = () => true): Promise<ApiCall> {
    const match = (c: ApiCall) => c.method === method && c.status === 200 && pred(c);
    const done = this.calls.find(match);
    if (done) return Promise.resolve(done);
    return new Promise((resolve) => this.waiters.push({ pred: match, resolve }));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://x');
    const params = decode(raw, req.headers['content-type']);
    if (url.pathname.startsWith('/upload/')) {
      const id = url.pathname.slice('/upload/'.length);
      const u = this.uploads.get(id);
      if (u) u.content = raw;
      this.record({ method: 'file_upload', params: { id, bytes: Buffer.byteLength(raw) }, authorization: req.headers.authorization, status: u ? 200 : 404 });
      res.writeHead(u ? 200 : 404).end(u ? 'OK - ' + Buffer.byteLength(raw) : '');
      return;
    }
    if (url.pathname.startsWith('/respond/')) {
      if (blockText(params.blocks) > this.blockTextLimit) {
        // What Slack answers a response_url post it refuses: 400 with the reason as the body.
        this.record({ method: 'response_url', params, authorization: undefined, status: 400 });
        res.writeHead(400).end('msg_blocks_too_long');
        return;
      }
      this.responses.push({ id: url.pathname.slice('/respond/'.length), body: params });
      this.record({ method: 'response_url', params, authorization: undefined, status: 200 });
      res.writeHead(200).end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const gate = this.gates.get(method);
    if (gate) {
      gate.arrived();
      await gate.opened;
    }
    const hold = this.holds.findIndex((h) => h.method === method && h.pred(params));
    if (hold >= 0) {
      // Never answered: as if the process sending it died in the send window, before Slack
      // took it or (`accept`) after, with the answer still on its way.
      const h = this.holds.splice(hold, 1)[0]!;
      if (h.accept) this.answer(method, params);
      if (h.reset) res.destroy();
      h.arrived(params);
      return;
    }
    const queued = this.queued.get(method)?.shift();
    const tooLong = MESSAGE_METHODS.has(method) && blockText(params.blocks) > this.blockTextLimit;
    const reply = queued ?? (tooLong ? { body: { ok: false, error: 'msg_blocks_too_long' } } : this.answer(method, params));
    const status = reply.status ?? 200;
    this.record({ method, params, authorization: req.headers.authorization, status });
    res.writeHead(status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  private record(call: ApiCall): void {
    this.calls.push(call);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      const w = this.waiters[i]!;
      if (w.pred(call)) {
        this.waiters.splice(i, 1);
        w.resolve(call);
      }
    }
  }

  private answer(method: string, p: Record<string, unknown>): Reply {
    switch (method) {
      case 'auth.test':
        return { body: { ok: true, url: 'https://po.slack.test/', team: 'PO', user: 'po-bot', team_id: 'T1', user_id: BOT_USER_ID, bot_id: BOT_ID } };
      case 'apps.connections.open':
        return { body: { ok: true, url: this.wsUrl } };
      case 'chat.postMessage': {
        const channel = String(p.channel);
        const ts = `1733000000.${String(this.nextTs++).padStart(6, '0')}`;
        this.messages.set(`${channel}#${ts}`, { channel, ts, text: String(p.text ?? ''), blocks: (p.blocks as unknown[]) ?? [], metadata: p.metadata });
        return { body: { ok: true, channel, ts, message: { text: p.text, user: BOT_USER_ID, bot_id: BOT_ID, ts } } };
      }
      case 'chat.update': {
        const key = `${p.channel}#${p.ts}`;
        const m = this.messages.get(key);
        if (!m) return { body: { ok: false, error: 'message_not_found' } };
        this.messages.set(key, { ...m, text: String(p.text ?? ''), blocks: (p.blocks as unknown[]) ?? [] });
        return { body: { ok: true, channel: p.channel, ts: p.ts, text: p.text } };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${String(this.nextTs++).padStart(6, '0')}`;
        this.uploads.set(id, { filename: String(p.filename), length: Number(p.length) });
        return { body: { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id } };
      }
      case 'files.completeUploadExternal': {
        const list = (Array.isArray(p.files) ? p.files : []) as { id: string; title?: string }[];
        for (const f of list) {
          const u = this.uploads.get(f.id);
          if (!u || u.content === undefined || Buffer.byteLength(u.content) !== u.length) return { body: { ok: false, error: 'file_upload_incomplete' } };
          this.files.push({ id: f.id, title: f.title ?? u.filename, channel: String(p.channel_id), content: u.content });
        }
        return { body: { ok: true, files: list.map((f) => ({ id: f.id, title: f.title })) } };
      }
      case 'conversations.open': {
        const user = String(p.users ?? '');
        if (this.noDirectMessages.has(user)) return { body: { ok: false, error: 'restricted_action' } };
        return { body: { ok: true, channel: { id: `D${user}` } } };
      }
      case 'chat.postEphemeral':
        return { body: { ok: true, message_ts: `1733000000.${String(this.nextTs++).padStart(6, '0')}` } };
      case 'conversations.history': {
        // Newest first, as Slack answers; metadata only when asked for.
        const list = [...this.messages.values()].filter((m) => m.channel === p.channel).reverse().slice(0, Number(p.limit ?? 100));
        return { body: { ok: true, messages: list.map((m) => ({ type: 'message', ts: m.ts, text: m.text, ...(p.include_all_metadata && m.metadata ? { metadata: m.metadata } : {}) })) } };
      }
      case 'reactions.get': {
        const reactions = this.reactions.get(`${p.channel}#${p.timestamp}`) ?? [];
        return { body: { ok: true, type: 'message', channel: p.channel, message: { ts: p.timestamp, reactions: reactions.filter((r) => r.users.length).map((r) => ({ ...r, count: r.users.length })) } } };
      }
      case 'users.info': {
        const id = String(p.user);
        const user = this.users.get(id) ?? { id, name: id.toLowerCase(), real_name: `Real ${id}`, profile: { display_name: `Person ${id}` } };
        return { body: { ok: true, user } };
      }
      default:
        return { body: { ok: false, error: 'unknown_method' } };
    }
  }
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral']);

/** The text of every block together: section texts, context elements, button labels. */
export function blockText(blocks: unknown): number {
  if (!Array.isArray(blocks)) return 0;
  let n = 0;
  for (const b of blocks as { text?: { text?: unknown }; elements?: { text?: unknown }[] }[]) {
    if (typeof b.text?.text === 'string') n += b.text.text.length;
    for (const e of b.elements ?? []) {
      if (typeof e.text === 'string') n += e.text.length;
      else if (typeof (e.text as { text?: unknown } | undefined)?.text === 'string') n += (e.text as { text: string }).text.length;
    }
  }
  return n;
}

function decode(raw: string, contentType: string | undefined): Record<string, unknown> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    // The Web API client sends nested values (blocks) as JSON strings inside the form.
    out[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return out;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}
