// Webhook mode: real update JSON POSTed to our endpoint (telegram-test-api cannot emit
// message_reaction), the bot's replies and edits going to telegram-test-api.
import { startEmulator, sentMessages, type Emulator } from './support/emulator';
import { startTelegramApp, count, type TelegramTestApp } from './support/telegram-app';
import { postUpdate } from './support/net';

const TOKEN = '2002:webhook-test-token';
const SECRET = 'wh-secret_123';
const PATH = '/telegram/hook';
const GROUP = -100777;

let emu: { server: Emulator; apiRoot: string };
let t: TelegramTestApp;
let url: string;
let updateId = 5000;
let cardMessageId: number;

const amy = { id: 11, is_bot: false, first_name: 'Amy', language_code: 'zh-hant' };
const ben = { id: 12, is_bot: false, first_name: 'Ben' };
const group = { id: GROUP, type: 'supergroup', title: 'PO 群組' };

function commandUpdate(text: string, from = amy) {
  return { update_id: ++updateId, message: { message_id: updateId, date: 1_790_000_000, chat: group, from, text, entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] } };
}

function reactionUpdate(from: typeof amy | typeof ben | undefined, oldR: string[], newR: string[], messageId = cardMessageId) {
  return {
    update_id: ++updateId,
    message_reaction: {
      chat: group,
      message_id: messageId,
      ...(from ? { user: from } : { actor_chat: group }),
      date: 1_790_000_100,
      old_reaction: oldR.map((emoji) => ({ type: 'emoji', emoji })),
      new_reaction: newR.map((emoji) => ({ type: 'emoji', emoji })),
    },
  };
}

async function deliver(update: unknown): Promise<number> {
  const res = await postUpdate(url, update, SECRET);
  await t.settled();
  return res.status;
}

function card() {
  return sentMessages(emu.server, TOKEN).find((m) => m.messageId === cardMessageId)!;
}

beforeAll(async () => {
  emu = await startEmulator();
  t = await startTelegramApp({
    apiRoot: emu.apiRoot,
    token: TOKEN,
    mode: { kind: 'webhook', url: `https://po-bot.example${PATH}`, secret: SECRET, path: PATH, port: 0, host: '127.0.0.1' },
  });
  url = `http://127.0.0.1:${t.adapter.webhookPort}${PATH}`;
  expect(await deliver(commandUpdate('/propose 公務人員組工會 #交通部'))).toBe(200);
  cardMessageId = sentMessages(emu.server, TOKEN).at(-1)!.messageId;
  expect(t.app.store.links.find(`telegram:${GROUP}#${cardMessageId}`)).toEqual({ kind: 'issue', id: 1 });
});

afterAll(async () => {
  await t?.close();
  await emu?.server.stop();
});

test('a 👍 reaction on a card votes and edits the tally in place; removing it withdraws', async () => {
  expect(await deliver(reactionUpdate(amy, [], ['👍']))).toBe(200);
  expect(count(t.app, 'votes')).toBe(1);
  expect(card().text).toContain('👍 1 票');

  // Changing to another emoji removes the vote; a skin tone still counts as 👍.
  expect(await deliver(reactionUpdate(ben, [], ['👍🏽']))).toBe(200);
  expect(count(t.app, 'votes')).toBe(2);
  expect(await deliver(reactionUpdate(ben, ['👍🏽'], ['❤']))).toBe(200);
  expect(count(t.app, 'votes')).toBe(1);
  expect(card().text).toContain('👍 1 票');
});

test('the same update_id delivered twice is counted once', async () => {
  const update = reactionUpdate(ben, [], ['👍']);
  const events = count(t.app, 'processed_events');
  expect(await deliver(update)).toBe(200);
  expect(await deliver(update)).toBe(200);
  // Telegram may also redeliver concurrently (a timed-out request retried).
  const again = await Promise.all([postUpdate(url, update, SECRET), postUpdate(url, update, SECRET)]);
  await t.settled();
  expect(again.map((r) => r.status)).toEqual([200, 200]);
  expect(count(t.app, 'votes')).toBe(2);
  expect(count(t.app, 'processed_events')).toBe(events + 1);
  // And a removal redelivered is one removal, not a removal of a later vote.
  const removal = reactionUpdate(ben, ['👍'], []);
  await deliver(removal);
  await deliver(reactionUpdate(ben, [], ['👍']));
  await deliver(removal);
  expect(count(t.app, 'votes')).toBe(2);
});

test('a request without the secret, or with a wrong one, gets 403 and changes nothing', async () => {
  const votes = count(t.app, 'votes');
  const events = count(t.app, 'processed_events');
  const sent = sentMessages(emu.server, TOKEN).length;
  const forged = reactionUpdate({ id: 99, is_bot: false, first_name: 'Eve' } as typeof ben, [], ['👍']);
  expect((await postUpdate(url, forged)).status).toBe(403);
  expect((await postUpdate(url, forged, 'wrong-secret')).status).toBe(403);
  expect((await postUpdate(url, forged, '')).status).toBe(403);
  expect((await postUpdate(url, commandUpdate('/propose 偽造'), SECRET.toUpperCase())).status).toBe(403);
  expect((await postUpdate(url.replace(PATH, '/other'), forged, SECRET)).status).toBe(404);
  await t.settled();
  expect(count(t.app, 'votes')).toBe(votes);
  expect(count(t.app, 'issues')).toBe(1);
  expect(count(t.app, 'processed_events')).toBe(events);
  expect(sentMessages(emu.server, TOKEN).length).toBe(sent);
  // The forged update was never seen: delivered properly later, it counts.
  expect(await deliver(forged)).toBe(200);
  expect(count(t.app, 'votes')).toBe(votes + 1);
});

test('reactions that are not votes, anonymous ones and malformed updates change nothing', async () => {
  const votes = count(t.app, 'votes');
  const sent = sentMessages(emu.server, TOKEN).length;
  expect(await deliver(reactionUpdate(amy, ['👍'], ['👍', '🔥']))).toBe(200);
  expect(await deliver(reactionUpdate(undefined, [], ['👍']))).toBe(200);
  expect(await deliver(reactionUpdate({ id: 55, is_bot: false, first_name: 'Dan' } as typeof ben, [], ['👍'], 999_999))).toBe(200);
  expect(await deliver({ update_id: ++updateId, message_reaction: { chat: group } })).toBe(200);
  expect(await deliver({ update_id: ++updateId, edited_message: { message_id: 1 } })).toBe(200);
  expect((await postUpdate(url, undefined, SECRET, '{not json')).status).toBe(415);
  expect(count(t.app, 'votes')).toBe(votes);
  expect(sentMessages(emu.server, TOKEN).length).toBe(sent);
  expect(t.logger.at('warn').some((l) => l.msg === 'telegram update not understood')).toBe(true);
});

test('a GET, or a body too large to be an update, is refused and changes nothing', async () => {
  const events = count(t.app, 'processed_events');
  expect((await fetch(url, { headers: { 'x-telegram-bot-api-secret-token': SECRET } })).status).toBe(403);
  const huge = JSON.stringify({ ...reactionUpdate(amy, [], ['👍']), padding: 'x'.repeat(2 << 20) });
  expect((await postUpdate(url, undefined, SECRET, huge)).status).toBe(413);
  await t.settled();
  expect(count(t.app, 'processed_events')).toBe(events);
});
