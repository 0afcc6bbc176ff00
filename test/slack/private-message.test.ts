import { slackHarness, blocksText, type SlackHarness } from './support/harness';
import { whisperFeature } from '../support/whisper';

// A private message to a named person through the real Bolt app over signed HTTP and the fake
// Slack Web API: a direct message (conversations.open, then chat.postMessage in the DM); where
// Slack will not open one, an ephemeral message in the chat it concerns; never the channel.

let h: SlackHarness;
afterEach(async () => h?.close());

const calls = (method: string) => h.fake.calls.filter((c) => c.method === method);

test('a direct message to the person, not a post in the channel', async () => {
  h = await slackHarness();
  h.app.bot.use(whisperFeature());
  const res = await h.command('/whisper', 'slack:UBOB 第 3 案：公告期限 6/8', 'UAMY', { channel: 'C1' });
  expect(res.status).toBe(200);
  expect(calls('conversations.open').map((c) => c.params.users)).toEqual(['UBOB']);
  const posts = calls('chat.postMessage');
  expect(posts.map((c) => c.params.channel)).toEqual(['DUBOB']);
  expect(blocksText(posts[0]!.params.blocks) + String(posts[0]!.params.text)).toContain('第 3 案：公告期限 6/8');
  expect(calls('chat.postEphemeral')).toEqual([]);
  expect(h.app.db.$client.prepare(`select op, target, status, result_ref as ref from outbox where op = 'private'`).all()).toEqual([
    { op: 'private', target: 'slack:UBOB', status: 'sent', ref: expect.stringMatching(/^slack:DUBOB#/) },
  ]);
});

test('where Slack will not open a direct message: an ephemeral message in the chat, seen by that person only', async () => {
  h = await slackHarness();
  h.app.bot.use(whisperFeature());
  h.fake.noDirectMessages.add('UGUEST');
  await h.command('/whisper', 'slack:UGUEST 你的發言紀錄', 'UAMY', { channel: 'C7' });
  const eph = calls('chat.postEphemeral').filter((c) => c.params.user === 'UGUEST');
  expect(eph.map((c) => c.params.channel)).toEqual(['C7']);
  expect(blocksText(eph[0]!.params.blocks) + String(eph[0]!.params.text)).toContain('你的發言紀錄');
  // Nothing public: no post anywhere.
  expect(calls('chat.postMessage')).toEqual([]);
});

test('no direct message and no chat to fall back to: a dead letter the facilitators hear of, the content never public', async () => {
  h = await slackHarness({ facilitators: ['slack:UFAC'] });
  h.app.bot.use(whisperFeature({ far: true }));
  h.fake.noDirectMessages.add('UGUEST');
  await h.command('/whisper', 'slack:UGUEST secret words', 'UAMY');
  await h.outbox.idle();
  const row = h.app.db.$client.prepare(`select status, last_error as error from outbox where op = 'private'`).get() as { status: string; error: string };
  expect(row).toEqual({ status: 'dead', error: expect.stringContaining('restricted_action') });
  // The facilitator is told privately (the dead-letter notice), without the content.
  expect(calls('chat.postMessage').map((c) => c.params.channel)).toEqual(['UFAC']);
  const everything = JSON.stringify(h.fake.calls.filter((c) => c.method !== 'conversations.open'));
  expect(everything).not.toContain('secret words');
});
