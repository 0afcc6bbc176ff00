// Issue 30's "done when": one test process runs the real Bolt app (signed HTTP, and Socket Mode) and the real
// telegraf bot (long polling) against the fake Slack Web API and telegram-test-api at once, in
// front of one database and one outbox: a proposal on each platform appears on both, votes from
// both add up, a linked person voting on both copies counts once, an unlinked one twice (one
// agency when counting by agency).
import { blocksText } from '../slack/support/harness';
import { next, sentMessages } from '../telegram/support/emulator';
import { GROUP, TOKEN, twoPlatforms, type TwoPlatforms } from './support/two-platforms';

let n: TwoPlatforms;
afterEach(async () => {
  await n?.close();
});

let updateId = 9_000;

/** Sends a command from a Telegram client and waits for the bot's message and the end of its handling. */
async function tgCommand(client: ReturnType<TwoPlatforms['tgClient']>, text: string): Promise<void> {
  const posted = next(n.emu, 'AddedBotMessage');
  await client.sendCommand(client.makeCommand(text));
  await posted;
  await n.settled();
}
const slackCard = (issue: number) => [...n.fake.messages.values()].find((m) => blocksText(m.blocks).includes(`議題 #${issue}：`))!;
const tgCard = (issue: number) => sentMessages(n.emu, TOKEN).find((m) => m.chatId === String(GROUP) && m.text.includes(`議題 #${issue}：`))!;
const tgReaction = (userId: number, firstName: string, messageId: number, added = true) => ({
  update_id: ++updateId,
  message_reaction: {
    chat: { id: GROUP, type: 'supergroup', title: 'PO 群組' },
    message_id: messageId,
    user: { id: userId, is_bot: false, first_name: firstName },
    date: 0,
    old_reaction: added ? [] : [{ type: 'emoji', emoji: '👍' }],
    new_reaction: added ? [{ type: 'emoji', emoji: '👍' }] : [],
  },
});

test.each(['http', 'socket'] as const)('Slack over %s: proposals on each platform appear on both; votes from both add up; a linked person counts once, an unlinked one twice', async (mode) => {
  n = await twoPlatforms({}, mode);
  // Over Socket Mode the app opened its connection and no HTTP listener was started.
  expect(n.fake.callsTo('apps.connections.open')).toHaveLength(mode === 'socket' ? 1 : 0);
  expect(n.slack.port === undefined).toBe(mode === 'socket');
  const amyTg = n.tgClient(11, 'Amy');
  // A proposal on Slack, one on Telegram: each card in both home chats, each copy linked.
  expect(await n.slackCommand('/propose', '公車路線整併', 'UAMY')).toBe(200);
  expect(tgCard(1).text).toContain('<b>議題 #1：公車路線整併</b>');
  await tgCommand(amyTg, '/propose 長照交通');
  expect(blocksText(slackCard(2).blocks)).toContain('*議題 #2：長照交通*');
  expect(tgCard(2).text).toContain('議題 #2：長照交通');
  for (const id of [1, 2]) expect(n.app.store.links.refsFor({ kind: 'issue', id })).toHaveLength(2);

  // Votes from both platforms, on both copies and as /vote, add to one tally shown on every copy.
  expect(await n.slackReaction('UCAL', slackCard(1).ts)).toBe(200);
  const cleo = n.tgClient(21, 'Cleo');
  let edited = next(n.emu, 'EditedMessageText');
  await cleo.sendCallback(cleo.makeCallbackQuery('vote:1', { message: { message_id: tgCard(1).messageId, chat: { id: GROUP, type: 'supergroup' } } } as never));
  await edited;
  await n.settled();
  await tgCommand(n.tgClient(22, 'Dan'), '/vote 1');
  expect(n.app.store.votes.tally(1).votes).toBe(3);
  expect(blocksText(slackCard(1).blocks)).toContain('👍 3 票');
  expect(tgCard(1).text).toContain('👍 3 票');

  // The same person, not linked, voting on both copies of #2: two voters (countBy person).
  await n.slackReaction('UAMY', slackCard(2).ts);
  await n.tgUpdate(tgReaction(11, 'Amy', tgCard(2).messageId));
  expect(n.app.store.votes.tally(2).votes).toBe(2);

  // Linked (/link answered ephemerally on Slack, the code typed in the private chat on Telegram): one.
  await n.slackCommand('/link', '', 'UAMY');
  const code = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(blocksText(n.fake.responses.at(-1)!.body.blocks))![1]!;
  expect(n.fake.responses.at(-1)!.body.response_type).toBe('ephemeral');
  await tgCommand(n.tgClient(11, 'Amy', 'private'), `/link ${code}`);
  expect(sentMessages(n.emu, TOKEN).at(-1)!.chatId).toBe('11');
  expect(sentMessages(n.emu, TOKEN).at(-1)!.text).toContain('已連結');
  expect(n.app.store.votes.tally(2).votes).toBe(1);
  expect(blocksText(slackCard(2).blocks)).toContain('👍 1 票');
  expect(tgCard(2).text).toContain('👍 1 票');
  expect(tgCard(2).text).toContain('🔗');

  // Linked, voting on both copies of #1: counted once.
  await n.slackReaction('UAMY', slackCard(1).ts);
  await n.tgUpdate(tgReaction(11, 'Amy', tgCard(1).messageId));
  expect(n.app.store.votes.tally(1).votes).toBe(4);
  expect(tgCard(1).text).toContain('👍 4 票');
  expect(blocksText(slackCard(1).blocks)).toContain('👍 4 票');
});

test.each(['http', 'socket'] as const)('Slack over %s, counting by agency: one person on two unlinked accounts, both under one agency, adds one agency', async (mode) => {
  n = await twoPlatforms({ voting: { countBy: 'agency' } }, mode);
  await n.slackCommand('/iam', '交通部', 'UAMY');
  await tgCommand(n.tgClient(11, 'Amy'), '/iam 交通部');
  await n.slackCommand('/propose', '公車路線整併', 'UBOB');
  await n.slackReaction('UAMY', slackCard(1).ts);
  await n.tgUpdate(tgReaction(11, 'Amy', tgCard(1).messageId));
  expect(n.app.store.votes.tally(1)).toEqual({ votes: 2, agencies: 1 });
  expect(tgCard(1).text).toContain('👍 2 票，來自 1 個部會');
  expect(blocksText(slackCard(1).blocks)).toContain('👍 2 票，來自 1 個部會');
});
