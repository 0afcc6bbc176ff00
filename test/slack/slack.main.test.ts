import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { FakeSlack } from '../support/slack/fake-slack';
import { commandPayload, sendSigned, SIGNING_SECRET } from '../support/slack/signed';
import { tempDir } from '../support/app';
import { slackConnectionFromEnv } from '../../src/adapters/slack/start';
import { ConfigError } from '../../src/config/load';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { builtMain } from '../support/test-build';
import { Children, closed } from '../support/children';

// The composition root as deployed: the build the image runs (`node dist/main.js`) in its own
// process, configured only by environment variables, against the fake Web API.

const ROOT = resolve(__dirname, '..', '..');
const children = new Children();

function runMain(env: Record<string, string>, until?: (stderr: string) => boolean) {
  const child = spawn(process.execPath, [builtMain()], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', BOT_CONFIG: 'bot.config.json', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.track(child);
  let stderr = '';
  const ready = new Promise<string>((resolveReady, reject) => {
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (until?.(stderr)) resolveReady(stderr);
    });
    child.on('exit', () => (until ? reject(new Error(`exited early:\n${stderr}`)) : resolveReady(stderr)));
  });
  const exited = closed(child).then((r) => r.code);
  return { child, ready, exited, stderr: () => stderr };
}

let fake: FakeSlack;
let tmp: ReturnType<typeof tempDir>;
beforeEach(async () => {
  fake = new FakeSlack();
  await fake.start();
  tmp = tempDir();
});
afterEach(async () => {
  await children.reap();
  await fake.stop();
  tmp.cleanup();
});

test('with SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET, main serves signed commands over HTTP and stops on SIGTERM', async () => {
  const run = runMain(
    {
      SLACK_BOT_TOKEN: 'xoxb-main-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_PATH: join(tmp.dir, 'main.sqlite'),
    },
    (s) => s.includes('http server listening'),
  );
  const log = await run.ready;
  const started = log.split('\n').map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg?: string; port?: number; mode?: string }) : {})).find((l) => l.msg === 'slack adapter started')!;
  // Slack's receiver is mounted in the bot's one HTTP server, next to /healthz.
  started.port = log.split('\n').map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg?: string; port?: number }) : {})).find((l) => l.msg === 'http server listening (/healthz)')!.port;
  const health = await fetch(`http://127.0.0.1:${started.port}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', checks: { database: { ok: true }, adapters: { slack: { ok: true } } } });
  expect(started.mode).toBe('http');
  const body = new URLSearchParams(commandPayload({ command: '/propose', text: '公車路線整併 #交通部', user: 'UAMY', responseUrl: fake.responseUrl('m1') })).toString();
  const res = await sendSigned(`http://127.0.0.1:${started.port}/slack/events`, body, 'application/x-www-form-urlencoded');
  expect(res.status).toBe(200);
  await fake.waitFor('chat.postMessage');
  expect(fake.callsTo('chat.postMessage')[0]!.authorization).toBe('Bearer xoxb-main-test');
  expect(fake.messages.size).toBe(1);
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  // No secret or token ever reaches a log line.
  expect(run.stderr()).not.toContain('xoxb-main-test');
  expect(run.stderr()).not.toContain(SIGNING_SECRET);
});

test('console and Slack run in one process against one database (BOT_CONSOLE=1)', async () => {
  const run = runMain(
    {
      BOT_CONSOLE: '1',
      BOT_CONSOLE_JSON: '1',
      SLACK_BOT_TOKEN: 'xoxb-main-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      // Written without the trailing slash, as people do.
      SLACK_API_URL: fake.apiUrl.replace(/\/$/, ''),
      PORT: '0',
      LOG_LEVEL: 'info',
      DATABASE_PATH: join(tmp.dir, 'both.sqlite'),
    },
    (s) => s.includes('http server listening'),
  );
  const log = await run.ready;
  const port = log.split('\n').map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg?: string; port?: number }) : {})).find((l) => l.msg === 'http server listening (/healthz)')!.port;
  let stdout = '';
  const posted = new Promise<void>((r) => run.child.stdout.on('data', (d: Buffer) => ((stdout += d.toString()), stdout.includes('主控台提的議題') && r())));
  run.child.stdin.write('amy: /propose 主控台提的議題\n');
  await posted;
  const body = new URLSearchParams(commandPayload({ command: '/issues', text: '', user: 'UBOB', responseUrl: fake.responseUrl('both') })).toString();
  expect((await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, 'application/x-www-form-urlencoded')).status).toBe(200);
  await fake.waitFor('response_url');
  expect(JSON.stringify(fake.responses[0]!.body)).toContain('#1 主控台提的議題');
  run.child.stdin.end();
  expect(await run.exited).toBe(0);
});

test('a bot token without an app token or signing secret is refused with a clear message', async () => {
  // PORT 0: with the default 3000 taken (another jest run at the same time) the bot failed to
  // listen (exit 1) before it looked at Slack's settings.
  const run = runMain({ SLACK_BOT_TOKEN: 'xoxb-main-test', SLACK_API_URL: fake.apiUrl, PORT: '0', DATABASE_PATH: join(tmp.dir, 'x.sqlite') });
  expect(await run.exited).toBe(78);
  expect(run.stderr()).toContain('set SLACK_APP_TOKEN (Socket Mode');
  expect(run.stderr()).toContain('SLACK_SIGNING_SECRET');
  expect(fake.calls.length).toBe(0);
});

test('wrong platform settings are refused before the port is taken: the same message and exit 78 when the port is busy', async () => {
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  try {
    const port = String((busy.address() as AddressInfo).port);
    const slack = runMain({ SLACK_BOT_TOKEN: 'xoxb-main-test', SLACK_API_URL: fake.apiUrl, PORT: port, HOST: '127.0.0.1', DATABASE_PATH: join(tmp.dir, 'b.sqlite') });
    expect(await slack.exited).toBe(78);
    expect(slack.stderr()).toContain('set SLACK_APP_TOKEN (Socket Mode');
    const telegram = runMain({ TELEGRAM_BOT_TOKEN: '123456:main-test', TELEGRAM_WEBHOOK_URL: 'https://po-bot.example.invalid/tg', PORT: port, HOST: '127.0.0.1', DATABASE_PATH: join(tmp.dir, 'c.sqlite') });
    expect(await telegram.exited).toBe(78);
    expect(telegram.stderr()).toContain('TELEGRAM_WEBHOOK_SECRET is not');
  } finally {
    await new Promise((r) => busy.close(r));
  }
});

test('a token Slack rejects stops start-up with Slack\'s reason', async () => {
  fake.failNext('auth.test', { body: { ok: false, error: 'invalid_auth' } });
  const run = runMain({ SLACK_BOT_TOKEN: 'xoxb-revoked', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', DATABASE_PATH: join(tmp.dir, 'y.sqlite') });
  expect(await run.exited).toBe(78);
  expect(run.stderr()).toContain('auth.test failed (invalid_auth)');
});

test('the connection mode follows the environment', () => {
  expect(slackConnectionFromEnv({ PORT: 3000 })).toBeUndefined();
  expect(slackConnectionFromEnv({ PORT: 3000, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' })).toEqual({ mode: 'socket', appToken: 'xapp-1' });
  expect(slackConnectionFromEnv({ PORT: 8080, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' })).toEqual({ mode: 'http', signingSecret: 's', port: 8080 });
  expect(() => slackConnectionFromEnv({ PORT: 3000, SLACK_BOT_TOKEN: 'xapp-1', SLACK_APP_TOKEN: 'xapp-2' })).toThrow(ConfigError);
  expect(() => slackConnectionFromEnv({ PORT: 3000, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-1' })).toThrow(/xapp-/);
});

test('a real run: hostile requests never end the process, are counted on /healthz, and no header or body reaches the logs at any level', async () => {
  const run = runMain(
    {
      SLACK_BOT_TOKEN: 'xoxb-main-test',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'trace',
      DATABASE_PATH: join(tmp.dir, 'main.sqlite'),
    },
    (s) => s.includes('http server listening'),
  );
  const log = await run.ready;
  const listening = log.split('\n').map((l) => (l.startsWith('{') ? (JSON.parse(l) as { msg?: string; port?: number; host?: string }) : {})).find((l) => l.msg === 'http server listening (/healthz)')!;
  expect(listening.host).toBe('127.0.0.1');
  const url = `http://127.0.0.1:${listening.port}/slack/events`;
  const injected = { authorization: 'Bearer INJECTED-AUTH-7f3a', cookie: 'session=INJECTED-COOKIE-9c1d; other=INJECTED-COOKIE-2', 'x-forwarded-for': 'INJECTED-HEADER-1' };
  for (let i = 0; i < 20; i++) expect((await fetch(url, { headers: injected })).status).toBe(405);
  expect((await fetch(url, { method: 'POST', headers: { ...injected, 'content-type': 'application/json' }, body: '{"INJECTED-BODY":1}' })).status).toBe(401);
  expect((await sendSigned(url, '{"INJECTED-BODY":2}', 'application/json', { secret: 'not-the-secret', headers: injected })).status).toBe(401);
  // Each of these ended the process before (issue 14, item 7).
  expect((await sendSigned(url, 'null', 'application/json', { headers: injected })).status).toBe(400);
  expect((await sendSigned(url, 'payload=null', 'application/x-www-form-urlencoded', { headers: injected })).status).toBe(400);
  const body = new URLSearchParams(commandPayload({ command: '/propose', text: '公車路線整併 INJECTED-BODY-3', user: 'UAMY', responseUrl: fake.responseUrl('m1') })).toString();
  expect((await sendSigned(url, body, 'application/x-www-form-urlencoded', { headers: injected })).status).toBe(200);
  await fake.waitFor('chat.postMessage');

  const health = await fetch(`http://127.0.0.1:${listening.port}/healthz`);
  expect(health.status).toBe(200);
  expect(((await health.json()) as { checks: { requests: unknown } }).checks.requests).toEqual({ ok: true, refused: { method: 20, unsigned: 1, bad_signature: 1, malformed: 2 }, failed: 0, uncaught: 0 });
  run.child.kill('SIGTERM');
  expect(await run.exited).toBe(0);
  const logs = run.stderr();
  // trace level: every line the bot, Bolt and the Web API client write.
  expect(logs.length).toBeGreaterThan(0);
  expect(logs).not.toMatch(/INJECTED-(AUTH|COOKIE|HEADER)/);
  expect(logs).not.toContain('INJECTED-BODY');
  expect(logs.split('\n').filter((l) => l.includes('"level":50'))).toEqual([]);
});

describe('ready means ready (issue 24, item 6)', () => {
  /** The status a request gets, or 'refused' when nothing listens on the port yet. */
  async function statusOf(url: string, init?: RequestInit): Promise<number | 'refused'> {
    try {
      const res = await fetch(url, init);
      await res.arrayBuffer();
      return res.status;
    } catch (e) {
      if (((e as Error & { cause?: NodeJS.ErrnoException }).cause?.code ?? '') === 'ECONNREFUSED') return 'refused';
      throw e;
    }
  }

  test('while Slack is still starting, the port answers neither /healthz 200 nor a POST to /slack/events with 404 or 405; once it listens, both work', async () => {
    // auth.test held: the Slack adapter is mid-start and /slack/events not yet mounted.
    const authTest = fake.gate('auth.test');
    const port = await freePort();
    const run = runMain(
      { SLACK_BOT_TOKEN: 'xoxb-ready', SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_PATH: join(tmp.dir, 'ready.sqlite') },
      (s) => s.includes('http server listening'),
    );
    await authTest.arrived;
    const body = new URLSearchParams(commandPayload({ command: '/propose', text: '啟動中', user: 'UAMY', responseUrl: fake.responseUrl('r0') })).toString();
    // Before: /healthz answered 200 here, and the POST fell through to the web pages' 405.
    expect(await statusOf(`http://127.0.0.1:${port}/healthz`)).not.toBe(200);
    const early = await statusOf(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect([404, 405]).not.toContain(early);
    authTest.open();
    await run.ready;
    expect(await statusOf(`http://127.0.0.1:${port}/healthz`)).toBe(200);
    const res = await sendSigned(`http://127.0.0.1:${port}/slack/events`, body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });
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
