import { slackHarness, blocksText, type SlackHarness } from './support/harness';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';

// Issue 26 item 3 through the real Bolt app over signed HTTP and the fake Slack Web API: the
// milestone nudge is a direct message to the lead agency's PO on its day; the miss alert is the
// only thing the channel hears, once, with the PO mentioned.

let h: SlackHarness;
afterEach(async () => h?.close());

const calls = (method: string) => h.fake.calls.filter((c) => c.method === method);
const textOf = (c: { params: Record<string, unknown> }) => `${String(c.params.text ?? '')}\n${blocksText(c.params.blocks)}`;

test('the worked example on Slack: DM on Thu 6/4 and on the day; the channel only hears of the missed schedule notice, once', async () => {
  h = await slackHarness({ facilitators: ['slack:UPDIS'], meetings: { homeChats: ['slack:C1'] } });
  const scheduler = new Scheduler(h.app.bot, h.app.store.jobs, h.app.clock, silentLogger);
  const tick = async (iso: string) => {
    h.app.clock.set(new Date(iso));
    await scheduler.tick();
    await h.outbox.idle();
  };
  h.app.clock.set(new Date('2026-06-01T02:00:00Z'));
  await h.command('/iam', '交通部', 'UPO');
  await h.command('/propose', '路口安全', 'UAMY');
  await h.command('/select', '1', 'UPDIS');
  await h.command('/case', '1 lead 交通部', 'UPDIS');
  await h.command('/case', '1 passed 2026-06-01', 'UPDIS');
  const before = calls('chat.postMessage').length;

  await tick('2026-06-03T01:00:00Z');
  expect(calls('conversations.open')).toEqual([]);
  await tick('2026-06-04T01:00:00Z');
  expect(calls('conversations.open').map((c) => c.params.users)).toEqual(['UPO']);
  const dm = calls('chat.postMessage').slice(before);
  expect(dm.map((c) => c.params.channel)).toEqual(['DUPO']);
  expect(textOf(dm[0]!)).toContain('回應期程公告');
  expect(textOf(dm[0]!)).toContain('還有 2 個工作天');

  // Not recorded: on Mon 6/8 a second DM; on Tue 6/9 the channel hears of the miss, the PO mentioned.
  await tick('2026-06-08T01:00:00Z');
  expect(calls('chat.postMessage').slice(before).map((c) => c.params.channel)).toEqual(['DUPO', 'DUPO']);
  await tick('2026-06-09T01:00:00Z');
  const all = calls('chat.postMessage').slice(before);
  expect(all.map((c) => c.params.channel)).toEqual(['DUPO', 'DUPO', 'C1']);
  expect(textOf(all[2]!)).toContain('<@UPO>');
  expect(textOf(all[2]!)).toContain('/case 1 reason');
  // No nudge text ever reached the channel.
  expect(calls('chat.postMessage').filter((c) => c.params.channel === 'C1' && textOf(c).includes('⏰'))).toEqual([]);
  await tick('2026-06-10T01:00:00Z');
  expect(calls('chat.postMessage').slice(before)).toHaveLength(3);
});
