// Issue 23, item 1, through the real Bolt app over signed HTTP against a fake Slack Web API:
// a slash command in a DM from someone never seen in the network's channels is refused and
// stores nothing; anything from another workspace (team_id not ours) is refused at the
// adapter; member_left_channel ends what being seen in the channel gave.
import { slackHarness, type SlackHarness } from './support/harness';
import { commandPayload, reactionPayload, sendSigned } from '../support/slack/signed';
import { translator } from '../../src/i18n/catalog';

const REFUSED = translator('zh-TW')('common.membersOnly');
let h: SlackHarness;
let n = 0;

afterEach(async () => {
  await h?.close();
});

const lastResponse = () => String(h.fake.responses.at(-1)?.body.text ?? '');
const rows = (table: string) => h.app.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;

async function fromWorkspace(team: string, command: string, text: string, channel = 'C1'): Promise<number> {
  const f = { ...commandPayload({ command, text, user: 'UEVE', channel, responseUrl: h.fake.responseUrl(`foreign${++n}`) }), team_id: team };
  const res = await sendSigned(h.eventsUrl, new URLSearchParams(f).toString(), 'application/x-www-form-urlencoded');
  await h.settled();
  return res.status;
}

async function event(ev: Record<string, unknown>, team = 'T1'): Promise<number> {
  const body = { token: 'legacy-verification-token', team_id: team, api_app_id: 'A1', type: 'event_callback', event_id: `Ev${++n}`, event_time: 1733000100, event: { event_ts: '1733000300.000100', ...ev } };
  const res = await sendSigned(h.eventsUrl, JSON.stringify(body), 'application/json');
  await h.settled();
  return res.status;
}

test('a slash command in a DM from someone never seen in a channel is refused; nothing is stored', async () => {
  h = await slackHarness();
  for (const [cmd, text] of [['/web', ''], ['/iam', '交通部'], ['/propose', '陌生人的議題'], ['/export', 'issues']] as const) {
    await h.command(cmd, text, 'UEVE', { channel: 'D1' });
    expect(lastResponse()).toBe(REFUSED);
  }
  expect(rows('users')).toBe(0);
  expect(rows('issues')).toBe(0);
  expect(rows('processed_events')).toBe(0);
});

test('a stranger from another workspace is refused, in a DM or a shared channel, and the core never hears of it', async () => {
  h = await slackHarness();
  expect(await fromWorkspace('T9', '/iam', '交通部', 'D9')).toBe(200);
  expect(lastResponse()).toBe(REFUSED);
  expect(await fromWorkspace('T9', '/propose', '外部的議題', 'C1')).toBe(200);
  expect(lastResponse()).toBe(REFUSED);
  await h.command('/propose', '網絡的議題', 'UAMY');
  const votesBefore = h.votes();
  const reaction = { ...reactionPayload({ eventId: `Ev${++n}`, user: 'UEVE', ts: '1733000000.000100' }), team_id: 'T9' };
  expect((await sendSigned(h.eventsUrl, JSON.stringify(reaction), 'application/json')).status).toBe(200);
  await h.settled();
  expect(h.votes()).toBe(votesBefore);
  expect(h.app.db.$client.prepare(`select platform_user_id from users`).pluck().all()).toEqual(['UAMY']);
  expect(h.app.db.$client.prepare(`select title from issues`).pluck().all()).toEqual(['網絡的議題']);
});

test('seen in a channel: a member in DMs; after member_left_channel, refused again', async () => {
  h = await slackHarness();
  await h.command('/iam', '交通部', 'UAMY', { channel: 'C1' });
  await h.command('/iam', '', 'UAMY', { channel: 'D1' });
  expect(lastResponse()).toContain('交通部');
  expect(await event({ type: 'member_left_channel', user: 'UAMY', channel: 'C1', channel_type: 'C', team: 'T1' })).toBe(200);
  const users = h.app.db.$client.prepare('select * from users').all();
  await h.command('/propose', '離開後的議題', 'UAMY', { channel: 'D1' });
  expect(lastResponse()).toBe(REFUSED);
  expect(rows('issues')).toBe(0);
  expect(h.app.db.$client.prepare('select * from users').all()).toEqual(users);
});
