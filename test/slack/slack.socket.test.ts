import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { slackHarness, blocksText, type SlackHarness } from './support/harness';
import { buttonPayload, commandPayload, reactionPayload } from '../support/slack/signed';
import { FakeSlack } from '../support/slack/fake-slack';
import { RecordingLogger } from '../support/recording-logger';
import { SlackAdapter } from '../../src/adapters/slack/slack.adapter';
import { ManualClock } from '../../src/core/clock';
import { holdWriteLock } from '../support/store-faults';

// Socket Mode: the fake Web API hands out the ws:// URL of a WebSocket server run here, which
// plays Slack's side: hello, then envelopes, each of which must come back acknowledged.

let wss: WebSocketServer;
let sock: WebSocket;
let h: SlackHarness;
let envelopes = 0;
const acks = new Map<string, (payload: unknown) => void>();
/** Reactions wait for this before reaching the bot (resolved unless a test holds them). */
let holdReactions: Promise<void> = Promise.resolve();

beforeEach(async () => {
  wss = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await once(wss, 'listening');
  const connected = new Promise<WebSocket>((resolve) =>
    wss.once('connection', (s) => {
      s.on('message', (data) => {
        const msg = JSON.parse(String(data)) as { envelope_id: string; payload: unknown };
        acks.get(msg.envelope_id)?.(msg.payload);
      });
      s.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A1' } }));
      resolve(s);
    }),
  );
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=t1&app_id=A1`;
  h = await slackHarness({}, { mode: 'socket', wsUrl: url, beforeDispatch: (e) => (e.kind === 'reaction' ? holdReactions : Promise.resolve()) });
  sock = await connected;
});

afterEach(async () => {
  await h.close();
  for (const c of wss.clients) c.terminate();
  await new Promise<void>((r) => wss.close(() => r()));
});

/** Sends one envelope and resolves with the payload of its acknowledgement. */
function send(type: string, payload: unknown, extra: Record<string, unknown> = {}): Promise<{ id: string; payload: unknown }> {
  const id = `env-${++envelopes}`;
  const acked = new Promise<{ id: string; payload: unknown }>((resolve) => acks.set(id, (p) => resolve({ id, payload: p })));
  sock.send(JSON.stringify({ envelope_id: id, type, payload, accepts_response_payload: type !== 'events_api', ...extra }));
  return acked;
}

test('apps.connections.open is called with the app token and the hello completes start-up', () => {
  const open = h.fake.callsTo('apps.connections.open');
  expect(open.length).toBe(1);
  expect(open[0]!.authorization).toBe('Bearer xapp-test-token');
});

test('slash_commands, events_api and interactive envelopes are acknowledged and handled like their HTTP twins', async () => {
  const cmd = await send('slash_commands', commandPayload({ command: '/propose', text: '公車路線整併 #交通部', user: 'UAMY', responseUrl: h.fake.responseUrl('s1') }));
  expect(cmd.id).toBe('env-1');
  await h.dispatched((e) => e.kind === 'command' && e.name === 'propose');
  const post = await h.fake.waitFor('chat.postMessage');
  expect(blocksText(post.params.blocks)).toContain('*議題 #1：公車路線整併*');
  const ts = [...h.fake.messages.values()][0]!.ts;
  expect(h.app.store.links.find(`slack:C1#${ts}`)).toEqual({ kind: 'issue', id: 1 });

  const ev = await send('events_api', reactionPayload({ eventId: 'EvS1', user: 'UBOB', ts }), { retry_attempt: 0, retry_reason: '' });
  expect(ev.id).toBe('env-2');
  await h.dispatched((e) => e.dedupKey === 'slack:EvS1');
  const upd = await h.fake.waitFor('chat.update');
  expect(upd.params).toMatchObject({ channel: 'C1', ts });
  expect(blocksText(upd.params.blocks)).toContain('👍 1 票');
  expect(h.votes()).toBe(1);

  // Slack's redelivery over the socket carries the same event_id: acknowledged, not counted.
  await send('events_api', reactionPayload({ eventId: 'EvS1', user: 'UBOB', ts }), { retry_attempt: 1, retry_reason: 'timeout' });
  await h.dispatched((e) => e.dedupKey === 'slack:EvS1', 2);
  await h.settled();
  expect(h.votes()).toBe(1);
  expect(h.fake.callsTo('chat.update').length).toBe(1);
  await send('interactive', buttonPayload({ user: 'UCAT', ts, actionId: 'po:vote:0', value: '1', responseUrl: h.fake.responseUrl('s2') }));
  const second = await h.fake.waitFor('chat.update', (c) => blocksText(c.params.blocks).includes('👍 2 票'));
  expect(second.params.ts).toBe(ts);
  await h.dispatched((e) => e.kind === 'button');
  await h.fake.waitFor('response_url');
  expect(h.votes()).toBe(2);
  expect(h.fake.responses.at(-1)!.body).toMatchObject({ response_type: 'ephemeral' });

  await send('slash_commands', commandPayload({ command: '/help', text: '', user: 'UAMY', responseUrl: h.fake.responseUrl('s3') }));
  const help = await h.fake.waitFor('response_url', (c) => c.params.response_type === 'ephemeral' && blocksText(c.params.blocks).includes('/propose'));
  expect(help).toBeDefined();
});

test('an app token Slack rejects stops start-up with the reason', async () => {
  const fake = new FakeSlack();
  await fake.start();
  fake.failNext('apps.connections.open', { body: { ok: false, error: 'invalid_auth' } });
  const adapter = new SlackAdapter({
    token: 'xoxb-test-token',
    connection: { mode: 'socket', appToken: 'xapp-revoked' },
    apiUrl: fake.apiUrl,
    locale: 'zh-TW',
    logger: new RecordingLogger(),
    clock: new ManualClock(new Date('2026-12-01T02:00:00Z')),
    retryConfig: { retries: 0 },
  });
  try {
    await expect(adapter.start(async () => undefined)).rejects.toThrow(/apps\.connections\.open failed \(invalid_auth\): check SLACK_APP_TOKEN/);
  } finally {
    await adapter.stop();
    await fake.stop();
  }
});

test('an events_api envelope is acknowledged only once its vote is stored, so a crash before that cannot lose it', async () => {
  await send('slash_commands', commandPayload({ command: '/propose', text: '公車路線整併', user: 'UAMY', responseUrl: h.fake.responseUrl('s9') }));
  await h.fake.waitFor('chat.postMessage');
  const ts = [...h.fake.messages.values()][0]!.ts;
  let release!: () => void;
  holdReactions = new Promise((r) => (release = r));
  try {
    let votesAtAck: number | undefined;
    const acked = send('events_api', reactionPayload({ eventId: 'EvHold', user: 'UBOB', ts }), { retry_attempt: 0, retry_reason: '' }).then((a) => {
      votesAtAck = h.votes();
      return a;
    });
    // Bolt has the envelope and would have acknowledged it on arrival; the vote is not stored yet.
    await new Promise((r) => setTimeout(r, 100));
    expect(votesAtAck).toBeUndefined();
    expect(h.votes()).toBe(0);
    release();
    expect((await acked).id).toMatch(/^env-/);
    expect(votesAtAck).toBe(1);
  } finally {
    release();
    holdReactions = Promise.resolve();
  }
});

test('an events_api envelope whose vote could not be stored (write lock held elsewhere) is not acknowledged; Slack\'s resend is, and counts once', async () => {
  await send('slash_commands', commandPayload({ command: '/propose', text: '公車路線整併', user: 'UAMY', responseUrl: h.fake.responseUrl('s10') }));
  await h.dispatched((e) => e.kind === 'command');
  await h.settled();
  const ts = [...h.fake.messages.values()][0]!.ts;
  const lock = holdWriteLock(h.app);
  let firstAcked = false;
  try {
    void send('events_api', reactionPayload({ eventId: 'EvBusy', user: 'UBOB', ts }), { retry_attempt: 0, retry_reason: '' }).then(() => (firstAcked = true));
    await h.dispatched((e) => e.dedupKey === 'slack:EvBusy');
    // The person is told; the vote is not there.
    const told = await h.fake.waitFor('chat.postEphemeral', (c) => c.params.user === 'UBOB');
    expect(String(told.params.text)).toContain('暫時無法儲存');
    expect(h.votes()).toBe(0);
  } finally {
    lock.release();
  }
  // Slack resends it; this one is acknowledged. Acks travel the one socket in order, so had the
  // first been acknowledged, it would have arrived before this.
  await send('events_api', reactionPayload({ eventId: 'EvBusy', user: 'UBOB', ts }), { retry_attempt: 1, retry_reason: 'timeout' });
  expect(firstAcked).toBe(false);
  await h.settled();
  expect(h.votes()).toBe(1);
});
