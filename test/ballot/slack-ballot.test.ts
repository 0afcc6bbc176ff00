import { slackHarness, blocksText, type SlackHarness } from '../slack/support/harness';
import { MEETING_START } from './helpers';

// Issue 28, item 3 on Slack: the private ballot is an ephemeral message with a button per issue,
// through the real Bolt app over signed HTTP against the fake Slack Web API. Presses toggle the
// agency's votes and are answered ephemerally; the channel only ever sees the count.

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness({ facilitators: ['slack:UPDIS'] });
  h.app.clock.set(MEETING_START);
  h.app.store.meetings.create({ series: null, occurrence: null, kind: 'monthly', title: '月會', startsAt: MEETING_START, durationMin: 120, chats: ['slack:C1'], createdBy: null, createdAt: MEETING_START });
});
afterEach(() => h.close());

function lastResponse(): { body: Record<string, unknown>; text: string } {
  const r = h.fake.responses.at(-1)!;
  return { body: r.body, text: blocksText(r.body.blocks) + '\n' + String(r.body.text ?? '') };
}

function buttons(body: Record<string, unknown>): { action_id: string; value: string; text: { text: string } }[] {
  const blocks = (typeof body.blocks === 'string' ? JSON.parse(body.blocks) : body.blocks) as { type: string; elements?: unknown[] }[];
  return blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements as { action_id: string; value: string; text: { text: string } }[]);
}

/** What the channel saw: every message the bot posted or edited there. */
function channelText(): string {
  return [...h.fake.callsTo('chat.postMessage'), ...h.fake.callsTo('chat.update')].map((c) => blocksText(c.params.blocks) + '\n' + String(c.params.text ?? '')).join('\n');
}

test('a PO opens the ballot privately, votes with its buttons, and the channel sees only how many agencies voted', async () => {
  await h.command('/iam', '交通部', 'UAMY');
  await h.command('/iam', '勞動部', 'UBOB');
  await h.command('/propose', '公車路線整併 #交通部', 'UAMY');
  await h.command('/propose', '職場申訴管道 #勞動部', 'UBOB');
  await h.command('/slate', 'add #1 #2', 'UPDIS');
  await h.command('/ballot', 'open 10m votes 1', 'UPDIS');
  expect(channelText()).toContain('已有 0／2 個部會投票');

  await h.command('/ballot', '', 'UAMY');
  const ballot = lastResponse();
  expect(ballot.body.response_type).toBe('ephemeral');
  expect(ballot.text).toContain('交通部的選票：已投 0／1 票');
  const [first, second] = buttons(ballot.body);
  expect(first!.text.text).toBe('⬜ #1 公車路線整併');

  // Pressed on the ephemeral message: the vote counts, the answer is ephemeral again.
  expect((await h.button({ user: 'UAMY', ts: '1733000300.000001', actionId: first!.action_id, value: first!.value })).status).toBe(200);
  const after = lastResponse();
  expect(after.body.response_type).toBe('ephemeral');
  expect(after.text).toContain('已投議題 #1');
  expect(buttons(after.body)[0]!.text.text).toBe('✅ #1 公車路線整併');
  // The agency's one vote is used: the second issue's button is refused, privately, changing nothing.
  await h.button({ user: 'UAMY', ts: '1733000300.000002', actionId: second!.action_id, value: second!.value });
  expect(lastResponse().text).toContain('1 票都投了');
  expect(lastResponse().body.response_type).toBe('ephemeral');
  const votes = () => h.app.db.$client.prepare('select issue_id from ballot_votes').pluck().all();
  expect(votes()).toEqual([1]);

  // The card's own button shows the ballot to whoever presses it, privately.
  const card = h.fake.callsTo('chat.postMessage').find((c) => blocksText(c.params.blocks).includes('投票進行中'))!;
  const show = buttons(card.params as Record<string, unknown>)[0]!;
  await h.button({ user: 'UBOB', ts: '1733000300.000003', actionId: show.action_id, value: show.value });
  expect(lastResponse().body.response_type).toBe('ephemeral');
  expect(lastResponse().text).toContain('勞動部的選票：已投 0／1 票');

  await h.settled();
  const seen = channelText();
  expect(seen).toContain('已有 1／2 個部會投票');
  expect(seen).not.toContain('✅');
  expect(seen).not.toContain('交通部的選票');
});
