import { connect } from 'node:net';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_LIMITS, listen } from '../../src/http/http-server';
import { ROOT } from '../support/run-console';

// What a connection may cost before anyone knows who sent it (issue 14, item 9). The limits are
// the production ones scaled down (10 s there), so the test takes a fraction of a second.
const LIMITS = { ...DEFAULT_LIMITS, headersTimeoutMs: 300, requestTimeoutMs: 300, maxConnections: 3 };

/** Opens a connection, sends `data`, resolves with what the server answered when it closed it. */
function slowClient(port: number, data: string): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve) => {
    const t = Date.now();
    const s = connect(port, '127.0.0.1');
    let answer = '';
    s.on('data', (d) => (answer += d));
    s.on('close', () => resolve({ answer, ms: Date.now() - t }));
    s.on('error', () => undefined);
    s.write(data);
  });
}

test('a request whose headers or body never finish is answered 408 and closed, not held for 300 s', async () => {
  const server = await listen((req, res) => req.on('end', () => res.end('ok')).resume(), 0, '127.0.0.1', LIMITS);
  try {
    const [headers, body] = await Promise.all([
      slowClient(server.port, 'POST / HTTP/1.1\r\nhost: x\r\n'),
      slowClient(server.port, 'POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{"a":'),
    ]);
    expect(headers.answer).toMatch(/^HTTP\/1\.1 408/);
    expect(body.answer).toMatch(/^HTTP\/1\.1 408/);
    // Closed by the limit, with the check interval's slack; nowhere near Node's 300 s.
    expect(headers.ms).toBeLessThan(5_000);
    expect(body.ms).toBeLessThan(5_000);
  } finally {
    await server.close();
  }
});

test('connections beyond the cap are dropped at once', async () => {
  const server = await listen((req, res) => req.on('end', () => res.end('ok')).resume(), 0, '127.0.0.1', { ...LIMITS, requestTimeoutMs: 5_000, headersTimeoutMs: 5_000 });
  try {
    const held = [0, 1, 2].map(() => connect(server.port, '127.0.0.1'));
    await Promise.all(held.map((s) => new Promise((r) => s.once('connect', r))));
    await new Promise((r) => setTimeout(r, 50));
    const extra = await slowClient(server.port, 'GET / HTTP/1.1\r\nhost: x\r\n\r\n');
    expect(extra.answer).toBe('');
    for (const s of held) s.destroy();
  } finally {
    await server.close();
  }
});

test('the process guard logs and counts an uncaught exception and rejection, and the process lives on', () => {
  const script = join(__dirname, 'support', 'guarded.process.ts');
  // One process (node with tsx's loader), not the tsx command, which starts a second node.
  const r = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, encoding: 'utf8', timeout: 20_000 });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout.trim().split('\n').at(-1)!)).toEqual({ refused: {}, failed: 0, uncaught: 2, alive: true });
  const logged = r.stderr.trim().split('\n').map((l) => JSON.parse(l) as { msg: string; kind: string; err: { message: string; req?: unknown } });
  expect(logged.map((l) => [l.kind, l.err.message])).toEqual([
    ['exception', 'thrown in a timer'],
    ['rejection', 'rejected in a request'],
  ]);
  // The request the error carried as a property is not printed.
  expect(r.stderr).not.toContain('INJECTED-COOKIE');
});
