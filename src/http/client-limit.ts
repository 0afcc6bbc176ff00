import type { Server, Socket } from 'node:net';
import type { RequestStats } from './request-stats';

/**
 * At most `perClient` open connections from one remote address; more are closed as they are
 * accepted and counted (`refused.client_limit`). Idle keep-alive and slowloris connections
 * held by one client used to fill the server's whole connection budget, and then Slack's and
 * Telegram's requests were refused at the door. Behind a reverse proxy every visitor has the
 * proxy's address: give the pages their own port (WEB_PORT) and limit per client in the proxy.
 */
export function limitPerClient(server: Server, perClient: number, stats?: RequestStats): void {
  if (!(perClient > 0)) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const key = socket.remoteAddress ?? '';
    const n = (open.get(key) ?? 0) + 1;
    if (n > perClient) {
      stats?.refused('client_limit');
      socket.destroy();
      return;
    }
    open.set(key, n);
    socket.once('close', () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left > 0) open.set(key, left);
      else open.delete(key);
    });
  });
}
