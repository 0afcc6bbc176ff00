import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Telegraf } from 'telegraf';
import type { Logger } from '../../core/logger';
import type { RequestListener } from '../../http/http-server';

export type { RequestListener };

/**
 * The webhook endpoint: POST `path` with `X-Telegram-Bot-Api-Secret-Token` equal to `secret`
 * reaches the bot; a missing or wrong secret gets 403 before the body is read, other paths 404.
 * A listener (not a server) so a shared HTTP server (e.g. next to Slack's receiver) can mount it.
 */
export function webhookListener(bot: Telegraf, opts: { path: string; secret: string; logger: Logger }): RequestListener {
  if (!opts.secret) throw new Error('A Telegram webhook needs a secret token');
  // telegraf's filter checks method, exact path and the secret header (constant-time compare).
  const callback = bot.webhookCallback(opts.path, { secretToken: opts.secret });
  return (req, res) => {
    if (req.url !== opts.path) {
      res.writeHead(404).end();
      return;
    }
    callback(req, res).catch((err: unknown) => {
      opts.logger.error({ err }, 'telegram webhook request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
}

export interface ListeningServer {
  port: number;
  close(): Promise<void>;
}

/** Serves a listener on `port` (0 picks a free one) and reports the port actually bound. */
export async function listen(listener: RequestListener, port: number, host?: string): Promise<ListeningServer> {
  const server: Server = createServer(listener);
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
