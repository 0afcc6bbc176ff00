import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';

// Web-side load for the contention bench, in a process of its own (its CPU is not the
// measuring process's), from another loopback address than the platforms (127.0.0.2).
// Messages: { loop: { port, clients } } → that many clients looping GET /;
// { hold: { port, idle, slow } } → idle keep-alive and slowloris connections, reopened when
// closed; 'stats' → { pages, busy, failed, heldIdle, heldSlow }; 'stop' → exits.
const FROM = '127.0.0.2';
const stats = { pages: 0, busy: 0, failed: 0 };
let stopping = false;
const sockets = new Set<Socket>();

function loop(port: number, clients: number): void {
  const agent = new Agent({ keepAlive: true, maxSockets: clients, localAddress: FROM } as ConstructorParameters<typeof Agent>[0]);
  const once = (): void => {
    if (stopping) return;
    request({ host: '127.0.0.1', port, path: '/', agent }, (res) => {
      res.resume();
      res.on('end', () => {
        if (res.statusCode === 200) stats.pages++;
        else if (res.statusCode === 503) stats.busy++;
        else stats.failed++;
        // A browser told to retry after a second does so; then the loop goes on.
        setTimeout(once, res.statusCode === 503 ? 1000 : 0);
      });
    })
      .on('error', () => (stats.failed++, setTimeout(once, 100)))
      .end();
  };
  for (let i = 0; i < clients; i++) once();
}

function hold(port: number, kind: 'idle' | 'slow'): void {
  if (stopping) return;
  const s = connect({ host: '127.0.0.1', port, localAddress: FROM });
  sockets.add(s);
  s.on('error', () => undefined);
  s.on('close', () => {
    sockets.delete(s);
    // Held again at once, as an attacker would; a refused one is tried again a moment later.
    setTimeout(() => hold(port, kind), 200);
  });
  s.on('connect', () => {
    (s as Socket & { kind?: string }).kind = kind;
    s.write(kind === 'idle' ? 'GET / HTTP/1.1\r\nhost: po-bot\r\nconnection: keep-alive\r\n\r\n' : 'GET / HTTP/1.1\r\nhost: po-bot\r\nx-a: ');
  });
  s.on('data', () => undefined);
}

process.on('message', (m: { loop?: { port: number; clients: number }; hold?: { port: number; idle: number; slow: number } } | 'stats' | 'stop') => {
  if (m === 'stats') {
    const held = [...sockets].filter((s) => !s.destroyed && !s.connecting);
    process.send!({ ...stats, heldIdle: held.filter((s) => (s as Socket & { kind?: string }).kind === 'idle').length, heldSlow: held.filter((s) => (s as Socket & { kind?: string }).kind === 'slow').length });
  } else if (m === 'stop') {
    stopping = true;
    for (const s of sockets) s.destroy();
    process.exit(0);
  } else if (m.loop) loop(m.loop.port, m.loop.clients);
  else if (m.hold) {
    for (let i = 0; i < m.hold.idle; i++) hold(m.hold.port, 'idle');
    for (let i = 0; i < m.hold.slow; i++) hold(m.hold.port, 'slow');
  }
});
// The process that started this one is gone (its IPC channel closed): stop attacking.
process.on('disconnect', () => process.exit(0));
process.send!('ready');
