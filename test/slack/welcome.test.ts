// Issue 19 through the real Bolt app: a signed member_joined_channel event, answered privately.
import { slackHarness, blocksText, type SlackHarness } from './support/harness';
import { sendSigned } from '../support/slack/signed';
import { BOT_USER_ID } from '../support/slack/fake-slack';

let h: SlackHarness;
afterEach(() => h.close());

function joinPayload(eventId: string, user: string, channel = 'C1'): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    event: { type: 'member_joined_channel', user, channel, channel_type: 'C', team: 'T1', event_ts: '1733000300.000100' },
    type: 'event_callback',
    event_id: eventId,
    event_time: 1733000300,
  });
}

async function join(eventId: string, user: string, o: { retry?: number } = {}) {
  const headers = o.retry ? { 'x-slack-retry-num': String(o.retry), 'x-slack-retry-reason': 'http_timeout' } : undefined;
  const res = await sendSigned(h.eventsUrl, joinPayload(eventId, user), 'application/json', headers ? { headers } : {});
  await h.settled();
  return res;
}

test('a person who joins the channel gets the guide privately, once; a redelivery and a second join say nothing', async () => {
  h = await slackHarness({ facilitators: ['slack:UPDIS'] });
  expect((await join('EvJ1', 'UAMY')).status).toBe(200);
  const sent = h.fake.callsTo('chat.postEphemeral');
  expect(sent).toHaveLength(1);
  expect(sent[0]!.params).toMatchObject({ channel: 'C1', user: 'UAMY' });
  const text = blocksText(sent[0]!.params.blocks);
  expect(text).toContain('<@UAMY> 歡迎加入開放政府聯絡人（PO）網絡！');
  expect(text).toContain('先做這五件事');
  expect(text).toContain('用 /iam &lt;部會&gt; 登記您的部會後');
  expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);

  await join('EvJ1', 'UAMY', { retry: 1 }); // Slack redelivers the same event
  await join('EvJ2', 'UAMY'); // leaves and joins again
  expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(1);
  expect(h.app.db.$client.prepare('select count(*) from welcomes').pluck().get()).toBe(1);
});

test('bots, and the bot itself, are never welcomed', async () => {
  h = await slackHarness();
  h.fake.users.set('UHELPER', { id: 'UHELPER', name: 'helper', is_bot: true });
  await join('EvB1', 'UHELPER');
  await join('EvB2', BOT_USER_ID);
  expect(h.fake.callsTo('chat.postEphemeral')).toHaveLength(0);
  expect(h.fake.callsTo('chat.postMessage')).toHaveLength(0);
});

test('/guide through the slash command: private, with the agency’s work after /iam', async () => {
  h = await slackHarness({ facilitators: ['slack:UPDIS'] });
  await h.command('/iam', '交通部', 'UAMY');
  await h.command('/guide', '', 'UAMY');
  await h.settled();
  const answer = h.fake.responses.at(-1)!.body;
  expect(answer.response_type).toBe('ephemeral');
  expect(blocksText(answer.blocks)).toContain('交通部目前沒有進行中的協作案或列管事項。');
});
