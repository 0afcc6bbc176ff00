// Issue 24 item 4: a post Slack refuses for good is a dead letter (kept, not retried), the
// facilitators are told once privately, /healthz says degraded with the count, and
// `npm run outbox -- list|retry <id>` shows and re-queues it. Transient refusals wait out
// Slack's Retry-After.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { checkHealth } from '../../src/http/health';
import { blockText } from '../support/slack/fake-slack';
import { builtOutboxCli } from '../support/test-build';
import { slackHarness, blocksText, type SlackHarness } from './support/harness';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const health = () => checkHealth({ db: h!.app.db, adapters: () => [h!.adapter], jobs: h!.app.store.jobs, outbox: h!.app.store.outbox, clock: h!.app.clock });
const status = (id: number) => h!.app.db.$client.prepare('select status, attempts, last_error as error from outbox where id = ?').get(id) as { status: string; attempts: number; error: string };
const dms = () => h!.fake.callsTo('chat.postMessage').filter((c) => c.params.channel === 'UPDIS' && c.status === 200);

test('permanent refusals are dead letters at once; the facilitators hear once per chat; /healthz is degraded with the count', async () => {
  h = await slackHarness({ facilitators: ['slack:UPDIS'] });
  h.fake.failNext('chat.postMessage', { body: { ok: false, error: 'msg_blocks_too_long' } });
  await h.outbox.post('slack:C1', { text: ['會議摘要'] });
  expect(status(1)).toMatchObject({ status: 'dead', attempts: 1 });
  expect(status(1).error).toContain('msg_blocks_too_long');
  await h.outbox.idle();
  expect(dms()).toHaveLength(1);
  expect(blocksText(dms()[0]!.params.blocks)).toContain('npm run outbox -- retry 1');
  expect(blocksText(dms()[0]!.params.blocks)).toContain('slack:C1');
  expect(health()).toMatchObject({ status: 'degraded', checks: { outbox: { ok: false, dead: 1, pending: 0 } } });

  for (const error of ['not_in_channel', 'is_archived', 'channel_not_found', 'invalid_blocks', 'restricted_action']) {
    h.fake.failNext('chat.postMessage', { body: { ok: false, error } });
    await h.outbox.post('slack:C1', { text: [error] });
  }
  await h.outbox.idle();
  // Retrying cannot help: an hour later nothing was tried again, and no second notice for C1.
  const tries = h.fake.callsTo('chat.postMessage').length;
  h.app.clock.advance(3_600_000);
  await h.outbox.flush();
  expect(h.fake.callsTo('chat.postMessage').length).toBe(tries);
  expect(h.outbox.backlog()).toMatchObject({ pending: 0, dead: 6 });
  expect(dms()).toHaveLength(1);
  expect(health().checks.outbox.dead).toBe(6);

  // Another chat's first dead letter is told.
  h.fake.failNext('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } });
  await h.outbox.post('slack:C2', { text: ['x'] });
  await h.outbox.idle();
  expect(dms()).toHaveLength(2);
});

test('a refused notice to a facilitator is a dead letter too, not a loop of notices', async () => {
  h = await slackHarness({ facilitators: ['slack:UPDIS'] });
  h.fake.failNext('chat.postMessage', { body: { ok: false, error: 'channel_not_found' } }, { body: { ok: false, error: 'channel_not_found' } });
  await h.outbox.post('slack:C1', { text: ['x'] });
  await h.outbox.idle();
  expect(h.outbox.backlog()).toMatchObject({ dead: 2 });
  h.app.clock.advance(3_600_000);
  await h.outbox.flush();
  expect(h.fake.callsTo('chat.postMessage')).toHaveLength(2);
});

test("transient refusals are retried, not before Slack's Retry-After; 5xx and internal_error are retried", async () => {
  h = await slackHarness();
  // The adapter waits out three 429s itself (recorded, not slept); the fourth goes back to the outbox.
  const limited = { status: 429, headers: { 'retry-after': '120' }, body: { ok: false, error: 'ratelimited' } };
  h.fake.failNext('chat.postMessage', limited, limited, limited, limited);
  await h.outbox.post('slack:C1', { text: ['提醒'] });
  expect(h.waits).toEqual([120_000, 120_000, 120_000]);
  const next = () => (h!.app.db.$client.prepare('select next_at from outbox where id = 1').pluck().get() as number) - h!.app.clock.now().getTime();
  expect(status(1)).toMatchObject({ status: 'pending', attempts: 1 });
  expect(next()).toBe(120_000);
  h.app.clock.advance(119_000);
  await h.outbox.flush();
  expect(status(1).status).toBe('pending');
  h.fake.failNext('chat.postMessage', { status: 503, body: { ok: false, error: 'service_unavailable' } }, { body: { ok: false, error: 'internal_error' } });
  for (let i = 0; i < 3; i++) {
    h.app.clock.advance(120_000);
    await h.outbox.flush();
  }
  expect(status(1)).toMatchObject({ status: 'sent', attempts: 4 });
  expect(h.outbox.backlog()).toMatchObject({ pending: 0, dead: 0 });
});

test('a card update of a message deleted in Slack is dropped, not a dead letter', async () => {
  h = await slackHarness();
  await h.outbox.update('slack:C1#1733000000.999999', { text: ['tally'] });
  expect(h.fake.callsTo('chat.update').at(-1)!.status).toBe(200);
  expect(h.outbox.backlog()).toMatchObject({ pending: 0, dead: 0 });
  expect(status(1)).toMatchObject({ status: 'sent' });
  expect(status(1).error).toContain('message_not_found');
});

test('npm run outbox -- list shows dead letters; retry <id> sends one again, once', async () => {
  h = await slackHarness({ facilitators: ['slack:UPDIS'] });
  h.fake.failNext('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
  await h.outbox.post('slack:C1', { text: ['第一案會前會提醒'] });
  await h.outbox.idle();
  const db = join(h.app.dir, 'test.sqlite');
  // As the image runs it (`node dist/ops/outbox.cli.js`); `npm run outbox` runs the same source through tsx.
  const cli = (...args: string[]) => spawnSync(process.execPath, [builtOutboxCli(), ...args], { env: { ...process.env, DATABASE_PATH: db }, encoding: 'utf8' });
  const list = cli('list');
  expect(list.status).toBe(0);
  expect(list.stdout).toContain('Dead letters in');
  expect(list.stdout).toMatch(/#1 {2}post {2}slack:C1 {2}attempts 1/);
  expect(list.stdout).toContain('not_in_channel');
  expect(list.stdout).toContain('第一案會前會提醒');
  expect(cli('retry', '2').status).toBe(1); // the notice was sent: not a dead letter
  expect(cli('retry').status).toBe(64);
  expect(cli('nope').status).toBe(64);
  const before = h.fake.callsTo('chat.postMessage').length;
  const retry = cli('retry', '1');
  expect(retry.stdout).toContain('#1 is queued again');
  expect(retry.status).toBe(0);
  // The bot was invited meanwhile: the running outbox sends it at its next flush.
  await h.outbox.flush();
  const sent = h.fake.callsTo('chat.postMessage').slice(before);
  expect(sent).toHaveLength(1);
  expect(blocksText(sent[0]!.params.blocks)).toContain('第一案會前會提醒');
  expect(h.outbox.backlog()).toMatchObject({ pending: 0, dead: 0 });
  expect(cli('retry', '1').status).toBe(1);
  expect(blockText(sent[0]!.params.blocks)).toBeGreaterThan(0);
});
