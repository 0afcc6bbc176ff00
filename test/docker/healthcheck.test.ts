import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { healthcheck, parseDockerfile } from '../../scripts/docker/dockerfile.parse';

// The image's HEALTHCHECK command, exactly as written in the Dockerfile, run the way Docker runs
// it (exec form, the container's environment) against a stand-in for the bot's HTTP server.
const df = parseDockerfile(readFileSync(join(__dirname, '..', '..', 'Dockerfile'), 'utf8'));
const hc = healthcheck(df.stages.at(-1)!.instructions.find((i) => i.keyword === 'HEALTHCHECK')!);
if (hc === 'NONE') throw new Error('HEALTHCHECK NONE');
const [prog, ...args] = hc.argv;

function runCheck(env: Record<string, string>): Promise<number | null> {
  return new Promise((resolve, reject) => {
    expect(prog).toBe('node');
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', resolve);
  });
}

async function serve(status: (path: string) => number): Promise<{ server: Server; port: number; paths: string[] }> {
  const paths: string[] = [];
  const server = createServer((req, res) => {
    paths.push(req.url ?? '');
    res.writeHead(status(req.url ?? ''), { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port, paths };
}

const close = (s: Server) => new Promise((r) => s.close(r));

test('healthy when GET /healthz on PORT answers 200', async () => {
  const { server, port, paths } = await serve(() => 200);
  try {
    expect(await runCheck({ PORT: String(port) })).toBe(0);
    expect(paths).toEqual(['/healthz']);
  } finally {
    await close(server);
  }
});

test('unhealthy on 503, on a 200 elsewhere but not at /healthz, and when nothing listens', async () => {
  const down = await serve(() => 503);
  const wrongPath = await serve((p) => (p === '/healthz' ? 404 : 200));
  try {
    expect(await runCheck({ PORT: String(down.port) })).toBe(1);
    expect(await runCheck({ PORT: String(wrongPath.port) })).toBe(1);
  } finally {
    await close(down.server);
    await close(wrongPath.server);
  }
  // The port just closed: connection refused.
  expect(await runCheck({ PORT: String(down.port) })).toBe(1);
});

test('Docker gets a bounded check: --timeout is set and the command gives up on its own first', () => {
  expect(hc.options.timeout).toBe('5s');
  expect(hc.argv[2]).toMatch(/timeout:\s*4000/);
});
