import { connect, type Socket } from 'node:net';
import { request } from 'node:http';
import { slackHarness, type SlackHarness } from './support/harness';
import { buttonPayload, commandPayload, reactionPayload, sendSigned, sign, SIGNING_SECRET } from '../support/slack/signed';
import { RequestStats } from '../../src/http/request-stats';

// The HTTP edge in front of Bolt (src/adapters/slack/http-edge.ts), over real HTTP to the real
// Bolt receiver and the real bot (issue 14, items 7–9).

let h: SlackHarness;
let stats: RequestStats;
beforeEach(async () => {
  stats = new RequestStats();
  h = await slackHarness({}, { stats, edge: { maxUnverified: 2, maxBodyBytes: 64 * 1024 } });
});
afterEach(async () => {
  await h.close();
});

const FORM = 'application/x-www-form-urlencoded';
const now = () => Math.floor(Date.now() / 1000);
const issues = () => (h.app.db.$client.prepare('select count(*) as n from issues').get() as { n: number }).n;

function commandBody(text: string, user = 'UAMY'): string {
  return new URLSearchParams(commandPayload({ command: '/propose', text, user, responseUrl: h.fake.responseUrl(`e${Math.random()}`) })).toString();
}

/** A raw request with any method and headers; resolves with the status. */
function raw(method: string, headers: Record<string, string>, body?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(h.eventsUrl, { method, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('a signed body that is not an object', () => {
  test.each([
    ['JSON null', 'null', 'application/json'],
    ['form payload=null', 'payload=null', FORM],
    ['a JSON array', '[]', 'application/json'],
    ['a JSON number', '42', 'application/json'],
    ['a JSON string', '"x"', 'application/json'],
    ['form payload that is not JSON', 'payload=%7B', FORM],
  ])('%s is answered 400, counted, and the bot serves the next request', async (_name, body, type) => {
    // Before: Bolt read `body.ssl_check` of null outside any handler and the process exited.
    expect((await sendSigned(h.eventsUrl, body, type)).status).toBe(400);
    expect(stats.snapshot().refused.malformed).toBe(1);
    expect((await h.command('/propose', '公車路線整併')).status).toBe(200);
    expect(issues()).toBe(1);
  });
});

describe('a signed object of a shape Slack never sends', () => {
  const reaction = () => reactionPayload({ eventId: 'Ev1', user: 'UBOB', ts: '1733000000.000100' });
  const button = () => buttonPayload({ user: 'UBOB', ts: '1733000000.000100', actionId: 'po:vote:0', value: '1', responseUrl: h.fake.responseUrl('m1') });
  const form = (payload: unknown) => new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  test.each([
    ['"event": null', () => JSON.stringify({ ...reaction(), event: null }), 'application/json'],
    ['event.item = "x"', () => JSON.stringify({ ...reaction(), event: { ...(reaction().event as object), item: 'x' } }), 'application/json'],
    ['an event without a type', () => JSON.stringify({ ...reaction(), event: { user: 'UBOB' } }), 'application/json'],
    ['"user": null in a block action', () => form({ ...button(), user: null }), FORM],
    ['"actions": null in a block action', () => form({ ...button(), actions: null }), FORM],
    ['"channel": null in a block action', () => form({ ...button(), channel: null }), FORM],
    ['{}', () => '{}', 'application/json'],
    ['{} as a form payload', () => form({}), FORM],
    ['an event_callback without its event', () => JSON.stringify({ type: 'event_callback', event_id: 'Ev2' }), 'application/json'],
  ])('%s is answered 400 by the edge, counted, and the bot serves the next request', async (_name, body, type) => {
    // Before: Bolt answered 500 from inside (or, for `{}`, waited 3 s for a listener and answered 404),
    // and /healthz counted nothing.
    const before = h.logger.entries.filter((e) => e.level === 'error').length;
    expect((await sendSigned(h.eventsUrl, body(), type)).status).toBe(400);
    expect(stats.snapshot().refused.malformed).toBe(1);
    expect(stats.snapshot().failed).toBe(0);
    expect(h.logger.entries.filter((e) => e.level === 'error').length).toBe(before);
    expect((await h.command('/propose', '公車路線整併')).status).toBe(200);
    expect(issues()).toBe(1);
  });

  test('app_rate_limited (Slack dropping events this minute) is answered 200 at once and logged as a warning', async () => {
    const body = JSON.stringify({ token: 't', type: 'app_rate_limited', team_id: 'T1', minute_rate_limited: 1518467820, api_app_id: 'A1' });
    expect((await sendSigned(h.eventsUrl, body, 'application/json')).status).toBe(200);
    expect(h.logger.entries.some((e) => e.level === 'warn' && /app_rate_limited/.test(JSON.stringify(e)))).toBe(true);
    expect(stats.snapshot().refused.malformed).toBeUndefined();
  });

  test('the well-formed reaction and button bodies these are made from still pass the edge', async () => {
    await h.command('/propose', '公車路線整併');
    const ts = [...h.fake.messages.values()].at(-1)!.ts;
    expect((await sendSigned(h.eventsUrl, form(buttonPayload({ user: 'UBOB', ts, actionId: 'po:vote:0', value: '1', responseUrl: h.fake.responseUrl('m2') })), FORM)).status).toBe(200);
    expect((await sendSigned(h.eventsUrl, JSON.stringify(reactionPayload({ eventId: 'Ev3', user: 'UCAT', ts })), 'application/json')).status).toBe(200);
    await h.settled();
    expect(h.votes()).toBe(2);
    expect(stats.snapshot().refused.malformed).toBeUndefined();
  });
});

describe('replays and timestamps', () => {
  test('the same signed /propose sent twice within five minutes creates one issue and one card', async () => {
    const body = commandBody('公車路線整併');
    const ts = now();
    expect((await sendSigned(h.eventsUrl, body, FORM, { timestamp: ts })).status).toBe(200);
    await h.settled();
    expect((await sendSigned(h.eventsUrl, body, FORM, { timestamp: ts })).status).toBe(200);
    await h.settled();
    expect(issues()).toBe(1);
    expect(h.fake.callsTo('chat.postMessage').length).toBe(1);
    // The same words sent again as a new request (a new timestamp) are a new command.
    expect((await sendSigned(h.eventsUrl, body, FORM, { timestamp: ts + 1 })).status).toBe(200);
    await h.settled();
    expect(issues()).toBe(2);
  });

  test('a replayed button press is handled once', async () => {
    await h.command('/propose', '公車路線整併');
    const ts = [...h.fake.messages.values()].at(-1)!.ts;
    const payload = buttonPayload({ user: 'UBOB', ts, actionId: 'po:vote:0', value: '1', responseUrl: h.fake.responseUrl('b1') });
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const stamp = now();
    const answered = () => h.fake.responses.length;
    expect((await sendSigned(h.eventsUrl, body, FORM, { timestamp: stamp })).status).toBe(200);
    await h.settled();
    const after = answered();
    expect(h.votes()).toBe(1);
    expect((await sendSigned(h.eventsUrl, body, FORM, { timestamp: stamp })).status).toBe(200);
    await h.settled();
    expect(answered()).toBe(after);
    expect(h.votes()).toBe(1);
  });

  test('a timestamp more than five minutes in the future or the past is refused; four minutes either way is not', async () => {
    expect((await sendSigned(h.eventsUrl, commandBody('未來'), FORM, { timestamp: now() + 86_400 })).status).toBe(401);
    expect((await sendSigned(h.eventsUrl, commandBody('未來'), FORM, { timestamp: now() + 301 + 5 })).status).toBe(401);
    expect((await sendSigned(h.eventsUrl, commandBody('過去'), FORM, { timestamp: now() - 306 })).status).toBe(401);
    expect(stats.snapshot().refused).toMatchObject({ future: 2, stale: 1 });
    await h.settled();
    expect(issues()).toBe(0);
    expect((await sendSigned(h.eventsUrl, commandBody('快四分鐘'), FORM, { timestamp: now() + 240 })).status).toBe(200);
    expect((await sendSigned(h.eventsUrl, commandBody('四分鐘前'), FORM, { timestamp: now() - 240 })).status).toBe(200);
    await h.settled();
    expect(issues()).toBe(2);
  });

  test('a wrong signature, or none, is 401 and reaches nothing', async () => {
    expect((await sendSigned(h.eventsUrl, commandBody('假的'), FORM, { secret: 'wrong' })).status).toBe(401);
    expect(await raw('POST', { 'content-type': FORM }, commandBody('沒簽'))).toBe(401);
    expect(stats.snapshot().refused).toMatchObject({ bad_signature: 1, unsigned: 1 });
    await h.settled();
    expect(issues()).toBe(0);
  });
});

describe('what an unauthenticated request may cost', () => {
  test('GET and other methods get 405 and no log line above debug, without their headers anywhere', async () => {
    const before = h.logger.entries.length;
    const headers = { authorization: 'Bearer INJECTED-AUTH-7f3a', cookie: 'session=INJECTED-COOKIE-9c1d', 'x-evil': 'INJECTED-HEADER-42'.repeat(400) };
    expect(await raw('GET', headers)).toBe(405);
    expect(await raw('PUT', headers, 'INJECTED-BODY-77')).toBe(405);
    expect(await raw('POST', { ...headers, 'content-type': 'application/json' }, '{"INJECTED-BODY-77":1}')).toBe(401);
    expect(stats.snapshot().refused).toMatchObject({ method: 2, unsigned: 1 });
    expect(h.logger.entries.slice(before).filter((e) => e.level !== 'debug')).toEqual([]);
    expect(JSON.stringify(h.logger.entries)).not.toMatch(/INJECTED/);
  });

  test('a body declared larger than the limit is refused before it is sent', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(4 * 1024 * 1024) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      req.on('error', (e) => (e.message.includes('socket hang up') || (e as NodeJS.ErrnoException).code === 'ECONNRESET' ? undefined : reject(e)));
      req.write('{"a":"'); // and nothing more: the answer must not wait for the 4 MB
    });
    expect(status).toBe(413);
  });

  test('a chunked body growing past the limit is cut off with 413', async () => {
    const big = JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(70 * 1024) });
    const status = await new Promise<number>((resolve, reject) => {
      const ts = now();
      const req = request(h.eventsUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(big, SIGNING_SECRET, ts) } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', (e) => ((e as NodeJS.ErrnoException).code === 'ECONNRESET' || e.message.includes('hang up') ? undefined : reject(e)));
      req.end(big);
    });
    expect(status).toBe(413);
    expect(stats.snapshot().refused.too_large).toBe(1);
  });

  test('requests still sending their body are capped: the next one gets 503 at once', async () => {
    const open: Socket[] = [];
    const port = Number(new URL(h.eventsUrl).port);
    for (let i = 0; i < 2; i++) {
      const s = connect(port, '127.0.0.1');
      await new Promise((r) => s.once('connect', r));
      s.write(`POST /slack/events HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"slow":`);
      open.push(s);
    }
    // Let the server see both requests' headers.
    await new Promise((r) => setTimeout(r, 100));
    expect((await sendSigned(h.eventsUrl, commandBody('第三個'), FORM)).status).toBe(503);
    expect(stats.snapshot().refused.busy).toBe(1);
    for (const s of open) s.destroy();
    await new Promise((r) => setTimeout(r, 50));
    expect((await sendSigned(h.eventsUrl, commandBody('之後'), FORM)).status).toBe(200);
  });
});
