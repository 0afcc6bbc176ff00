import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Logger } from '../../core/logger';
import type { RequestListener } from '../../http/http-server';
import { isNotStored } from '../not-stored';

/** Handles one parsed update; resolves once it is stored (the 200 tells Telegram not to resend). */
export type UpdateHandler = (update: unknown) => Promise<void>;

const SECRET_HEADER = 'x-telegram-bot-api-secret-token';
/** Updates are a few kilobytes; a bigger body is not Telegram's and is not buffered. */
const MAX_BODY_BYTES = 1 << 20;

/**
 * The webhook endpoint: POST `path` with `X-Telegram-Bot-Api-Secret-Token` equal to `secret`
 * reaches `handle`; a missing or wrong secret gets 403 before the body is read, other paths 404,
 * a body that is not JSON 415. A listener (not a server) so a shared HTTP server (e.g. next to
 * Slack's receiver) can mount it.
 *
 * Not telegraf's webhookCallback: per request it builds a debug logger, a Telegram client, a
 * context, a middleware chain and a 90 s timeout timer, none of which our handler uses (our API
 * calls go through one long-lived client). That was most of the adapter's cost per update.
 */
export function webhookListener(handle: UpdateHandler, opts: { path: string; secret: string; logger: Logger }): RequestListener {
  if (!opts.secret) throw new Error('A Telegram webhook needs a secret token');
  const secret = Buffer.from(opts.secret, 'utf8');
  const fail = (res: Parameters<RequestListener>[1], err: unknown) => {
    opts.logger.error({ err }, 'telegram webhook request failed');
    if (!res.headersSent) res.writeHead(500);
    res.end();
  };
  return (req, res) => {
    if (req.url !== opts.path) {
      res.writeHead(404).end();
      return;
    }
    if (req.method !== 'POST' || !secretMatches(req, secret)) {
      res.writeHead(403).end();
      return;
    }
    readBody(req).then(
      (body) => {
        let update: unknown;
        try {
          update = JSON.parse(body);
        } catch {
          res.writeHead(415).end();
          return;
        }
        handle(update).then(
          () => res.end(),
          (err: unknown) => {
            // Not stored: Telegram sends it again after a non-2xx answer.
            if (isNotStored(err)) res.writeHead(503).end();
            else fail(res, err);
          },
        );
      },
      (err: unknown) => {
        if (err === TOO_LARGE) res.writeHead(413, { connection: 'close' }).end();
        else fail(res, err);
      },
    );
  };
}

/** Constant-time for a given length: the secret's length is not worth hiding, its bytes are. */
function secretMatches(req: IncomingMessage, secret: Buffer): boolean {
  const got = req.headers[SECRET_HEADER];
  if (typeof got !== 'string') return false;
  const candidate = Buffer.from(got, 'utf8');
  return candidate.length === secret.length && timingSafeEqual(candidate, secret);
}

const TOO_LARGE = new Error('webhook body too large');

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data');
        req.resume();
        reject(TOO_LARGE);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
