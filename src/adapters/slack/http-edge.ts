import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HTTPModuleFunctions } from '@slack/bolt';
import type { Logger } from '../../core/logger';
import { slackBodyKind } from './body-shape';
import type { RequestListener } from '../../http/http-server';
import type { RefusalReason, RequestStats } from '../../http/request-stats';

/** Slack's window for a signed request, both ways: older is stale, newer is not Slack's clock. */
export const SIGNATURE_WINDOW_S = 5 * 60;

export interface SlackEdgeOptions {
  signingSecret: string;
  logger: Logger;
  stats: RequestStats;
  /**
   * Wall-clock milliseconds for the signature window. Not the bot's injected clock: that is the
   * business time (BOT_NOW shifts it for demos), while Slack signs with real time, as Bolt's own
   * check behind this one does.
   */
  now?: () => number;
  /** Largest body read (default 512 kB: a 40,000-character message event with its blocks fits). */
  maxBodyBytes?: number;
  /** Requests whose body is being read and not yet verified, at once (default 64). */
  maxUnverified?: number;
  /** A request not answered by then gets 500 (default 10 s; Slack gives up after 3 s). */
  responseDeadlineMs?: number;
}

/** The request's signature, which Bolt passes on as `context.requestSignature` (replays: see the adapter). */
export interface SignedRequest extends IncomingMessage {
  rawBody?: Buffer;
  requestSignature?: string;
}

/**
 * In front of Bolt's receiver (issue 14, items 7–9). Bolt buffers up to 4 MB of any request
 * before checking who sent it, accepts a timestamp a day in the future, throws outside any
 * handler on a signed body of `null`, and logs an unauthenticated GET whole. Here a request is
 * refused, counted and answered before Bolt sees it unless it is a POST of at most
 * `maxBodyBytes`, signed with the secret within five minutes either way, whose body parses to
 * an object of a shape Slack sends (body-shape.ts); only then is it handed to Bolt, with the
 * body already read. Log lines carry the reason, never headers or body.
 */
export function slackHttpEdge(bolt: RequestListener, o: SlackEdgeOptions): RequestListener {
  const now = o.now ?? Date.now;
  const maxBody = o.maxBodyBytes ?? 512 * 1024;
  const maxUnverified = o.maxUnverified ?? 64;
  const deadlineMs = o.responseDeadlineMs ?? 10_000;
  const secret = o.signingSecret;
  let unverified = 0;

  return (req, res) => {
    const refuse = (status: number, reason: RefusalReason, headers: Record<string, string> = {}) => {
      o.stats.refused(reason);
      o.logger.debug({ reason, status }, 'slack: request refused');
      if (!res.headersSent) res.writeHead(status, headers);
      res.end();
    };
    if (req.method !== 'POST') return refuse(405, 'method', { allow: 'POST' });
    if (unverified >= maxUnverified) return refuse(503, 'busy', { connection: 'close', 'retry-after': '1' });
    if (Number(req.headers['content-length'] ?? 0) > maxBody) return refuse(413, 'too_large', { connection: 'close' });

    unverified++;
    let released = false;
    const release = () => {
      if (!released) (released = true), unverified--;
    };
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      if (released) return;
      size += c.length;
      if (size > maxBody) {
        release();
        refuse(413, 'too_large', { connection: 'close' });
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('error', release);
    req.on('close', release);
    req.on('end', () => {
      if (released) return;
      release();
      const raw = Buffer.concat(chunks);
      // Slack's unsigned SSL probe for a slash command's URL: answered here, and nothing of it goes on.
      if (/^ssl_check=1(&|$)/.test(raw.subarray(0, 16).toString('latin1'))) {
        res.writeHead(200).end();
        return;
      }
      const refusal = verify(req, raw, secret, now());
      if (refusal) return refuse(401, refusal);
      const signed = req as SignedRequest;
      signed.rawBody = raw;
      signed.requestSignature = String(req.headers['x-slack-signature']);
      let body: unknown;
      try {
        body = HTTPModuleFunctions.parseHTTPRequestBody(signed as Parameters<typeof HTTPModuleFunctions.parseHTTPRequestBody>[0]);
      } catch {
        return refuse(400, 'malformed');
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return refuse(400, 'malformed');
      const kind = slackBodyKind(body as Record<string, unknown>);
      if (kind === 'malformed') return refuse(400, 'malformed');
      if (kind === 'rate_limited') {
        o.logger.warn({}, 'slack: Slack is dropping this app\'s events for the rest of the minute (app_rate_limited)');
        res.writeHead(200).end();
        return;
      }
      const deadline = setTimeout(() => {
        if (res.writableEnded) return;
        o.stats.failed();
        o.logger.warn({ afterMs: deadlineMs }, 'slack: a request was not answered in time; answered 500');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }, deadlineMs);
      deadline.unref();
      res.once('close', () => clearTimeout(deadline));
      try {
        bolt(signed, res);
      } catch (e) {
        o.stats.failed();
        o.logger.error({ error: (e as Error).message }, 'slack: receiver failed; answered 500');
        if (!res.headersSent) res.writeHead(500);
        res.end();
      }
    });
  };
}

function verify(req: IncomingMessage, raw: Buffer, secret: string, nowMs: number): RefusalReason | undefined {
  const signature = req.headers['x-slack-signature'];
  const stamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof stamp !== 'string' || !/^\d{1,12}$/.test(stamp)) return 'unsigned';
  const age = nowMs / 1000 - Number(stamp);
  if (age > SIGNATURE_WINDOW_S) return 'stale';
  if (age < -SIGNATURE_WINDOW_S) return 'future';
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${stamp}:`).update(raw).digest('hex')}`);
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? undefined : 'bad_signature';
}
