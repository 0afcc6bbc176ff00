import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { join, resolve } from 'node:path';
import { FakeSlack } from '../support/slack/fake-slack';
import { commandPayload, sendSigned, SIGNING_SECRET } from '../support/slack/signed';
import { tempDir } from '../support/app';
import { builtMain } from '../support/test-build';
import { Children, closed } from '../support/children';

// Issue 24, item 1: connections held on the web side never lock the platforms out. The real bot
// (the build the image runs) serves Slack's /slack/events, /healthz and the web pages on one
// port, the default a newcomer runs; an attacker on 127.0.0.2 holds 300 idle keep-alive and 400
// slowloris connections, and Slack, on 127.0.0.1, sends 40 signed commands once each. Before:
// the port took 256 connections in all, and every one of Slack's was dropped.

const ROOT = resolve(__dirname, '..', '..');
const ATTACKER = '127.0.0.2';
const children = new Children();
let fake: FakeSlack;
let tmp: ReturnType<typeof tempDir>;
const sockets: Socket[] = [];
beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  tmp = tempDir();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await children.reap();
  await fake.stop();
  tmp.cleanup();
});

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => resolvePort(port));
    });
  });
}

/** A keep-alive connection from the attacker that fetched a page and now sits idle; resolves once answered (or refused). */
function idleKeepAlive(port: number): Promise<void> {
  return new Promise((done) => {
    const s = connect({ host: '127.0.0.1', port, localAddress: ATTACKER });
    sockets.push(s);
    s.on('error', () => done());
    s.on('close', () => done());
    s.once('data', () => done());
    s.write('GET / HTTP/1.1\r\nhost: po-bot\r\nconnection: keep-alive\r\n\r\n');
  });
}

/** A slowloris connection: headers started and never finished. Resolves once connected. */
function slowloris(port: number): Promise<void> {
  return new Promise((done) => {
    const s = connect({ host: '127.0.0.1', port, localAddress: ATTACKER }, () => {
      s.write('GET / HTTP/1.1\r\nhost: po-bot\r\nx-a: ');
      done();
    });
    sockets.push(s);
    s.on('error', () => done());
  });
}

async function startBot(env: Record<string, string>): Promise<{ child: ReturnType<typeof spawn>; log: () => string }> {
  const child = spawn(process.execPath, [builtMain()], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      BOT_CONFIG: 'bot.config.json',
      SLACK_BOT_TOKEN: 'xoxb-contention',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      DATABASE_PATH: join(tmp.dir, 'contention.sqlite'),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.track(child);
  let log = '';
  await new Promise<void>((ready, fail) => {
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('http server listening')) ready();
    });
    void closed(child).then(() => fail(new Error(`bot exited:\n${log}`)));
  });
  return { child, log: () => log };
}

async function stop(bot: { child: ReturnType<typeof spawn>; log: () => string }): Promise<void> {
  bot.child.kill('SIGTERM');
  const exit = await closed(bot.child);
  expect({ code: exit.code, log: exit.code === 0 ? '' : bot.log() }).toEqual({ code: 0, log: '' });
}

test('with 300 idle keep-alive and 400 slowloris connections held from another address, every signed Slack command is accepted on the first try', async () => {
  const port = await freePort();
  const bot = await startBot({ PORT: String(port) });

  // In batches, so the test's own process is not the bottleneck; each waits for its answer.
  for (let i = 0; i < 300; i += 50) await Promise.all(Array.from({ length: 50 }, () => idleKeepAlive(port)));
  for (let i = 0; i < 400; i += 100) await Promise.all(Array.from({ length: 100 }, () => slowloris(port)));

  // One connection per request, as Slack sends them; each command sent once, never retried.
  const agent = new Agent({ keepAlive: false });
  const url = `http://127.0.0.1:${port}/slack/events`;
  const statuses = await Promise.all(
    Array.from({ length: 40 }, (_, i) => {
      const body = new URLSearchParams(commandPayload({ command: '/propose', text: `議題 ${i + 1}`, user: `U${i}`, responseUrl: fake.responseUrl(`c${i}`) })).toString();
      return sendSigned(url, body, 'application/x-www-form-urlencoded', { agent }).then(
        (r) => r.status,
        () => 0,
      );
    }),
  );
  expect(statuses.filter((s) => s === 200).length).toBe(40);

  // The refused attacker connections are counted on /healthz.
  const health = await new Promise<{ checks: { requests: { refused: Record<string, number> } } }>((done, fail) => {
    request(`http://127.0.0.1:${port}/healthz`, { agent }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => done(JSON.parse(text)));
    })
      .on('error', fail)
      .end();
  });
  expect(health.checks.requests.refused.client_limit).toBeGreaterThan(0);
  await stop(bot);
});

test('with WEB_PORT the pages have a port of their own; PORT keeps /healthz and the platforms', async () => {
  const [port, webPort] = [await freePort(), await freePort()];
  const bot = await startBot({ PORT: String(port), WEB_PORT: String(webPort) });
  const status = async (url: string, init?: RequestInit) => {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    return res.status;
  };
  expect(await status(`http://127.0.0.1:${webPort}/`)).toBe(200);
  expect(await status(`http://127.0.0.1:${port}/`)).toBe(404);
  expect(await status(`http://127.0.0.1:${port}/healthz`)).toBe(200);
  expect(await status(`http://127.0.0.1:${webPort}/slack/events`, { method: 'POST', body: '{}' })).not.toBe(200);
  const body = new URLSearchParams(commandPayload({ command: '/propose', text: '分開的埠', user: 'UAMY', responseUrl: fake.responseUrl('w1') })).toString();
  expect((await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, 'application/x-www-form-urlencoded')).status).toBe(200);
  expect(bot.log()).toContain(`"webPort":${webPort}`);
  await stop(bot);
});
