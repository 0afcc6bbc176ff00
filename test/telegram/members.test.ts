// Issue 23, item 1, through the real telegraf bot on a webhook, against a fake Bot API on
// loopback (telegram-test-api has no getChatMember, left_chat_member or chat_member): a stranger
// writing to the bot privately is refused and leaves no trace; someone seen in the group, or
// whom Telegram lists in a home group, is a member until seen leaving.
import { FakeBotApi } from './support/fake-bot-api';
import { startTelegramApp, type TelegramTestApp } from './support/telegram-app';
import { postUpdate } from './support/net';
import { translator } from '../../src/i18n/catalog';

const TOKEN = '4242:members-token';
const SECRET = 'members-secret';
const PATH = '/hook';
const HOME = -100900;
const ELSEWHERE = -100901;
const home = { id: HOME, type: 'supergroup', title: 'PO 群組' };
const elsewhere = { id: ELSEWHERE, type: 'supergroup', title: '別的群組' };
const amy = { id: 11, is_bot: false, first_name: 'Amy' };
const ben = { id: 12, is_bot: false, first_name: 'Ben' };
const eve = { id: 666, is_bot: false, first_name: 'Eve' };
const privateChat = (u: { id: number; first_name: string }) => ({ id: u.id, type: 'private', first_name: u.first_name });
const REFUSED = translator('zh-TW')('common.membersOnly');
let updateId = 1;

let api: FakeBotApi;
let t: TelegramTestApp;
let url: string;

async function deliver(update: unknown): Promise<void> {
  const res = await postUpdate(url, update, SECRET);
  expect(res.status).toBe(200);
  await t.settled();
}

function line(from: typeof amy, text: string, chat: object = privateChat(from)) {
  return { update_id: ++updateId, message: { message_id: updateId, date: 0, chat, from, text } };
}

/** What the bot answered last in that chat. */
function lastTo(chatId: number): string {
  const sent = api.callsTo('sendMessage').filter((c) => Number(c.body.chat_id) === chatId);
  return String(sent.at(-1)?.body.text ?? '');
}

function rows(table: string): number {
  return t.app.db.$client.prepare(`select count(*) from ${table}`).pluck().get() as number;
}

function chatMember(status: string) {
  return { json: { ok: true, result: { status, user: { id: 0, is_bot: false, first_name: 'x' } } } };
}

async function start(config: Record<string, unknown> = {}): Promise<void> {
  t = await startTelegramApp({
    apiRoot: api.apiRoot,
    token: TOKEN,
    mode: { kind: 'webhook', url: `https://po-bot.example${PATH}`, secret: SECRET, path: PATH, port: 0, host: '127.0.0.1' },
    config,
  });
  url = `http://127.0.0.1:${t.adapter.webhookPort}${PATH}`;
}

beforeEach(async () => {
  api = new FakeBotApi();
  await api.start();
});

afterEach(async () => {
  await t?.close();
  await api.stop();
});

test('no home chat configured: a stranger privately gets one short answer and nothing is stored; after speaking in a group, a member', async () => {
  await start();
  for (const text of ['/web', '/iam 交通部', '/propose 陌生人的議題', '/vote 1', '/export issues']) {
    await deliver(line(eve, text));
    expect(lastTo(eve.id)).toBe(REFUSED);
  }
  expect(rows('users')).toBe(0);
  expect(rows('issues')).toBe(0);
  expect(rows('processed_events')).toBe(0);
  // Without a home chat there is no group to ask Telegram about.
  expect(api.callsTo('getChatMember')).toHaveLength(0);

  await deliver(line(amy, '/help', home));
  await deliver(line(amy, '/iam 交通部'));
  expect(lastTo(amy.id)).toContain('交通部');
});

test('a member who left the group (left_chat_member) and then writes privately is refused', async () => {
  await start();
  await deliver(line(amy, '/iam 交通部', home));
  await deliver(line(amy, '/iam'));
  expect(lastTo(amy.id)).toContain('交通部');
  await deliver({ update_id: ++updateId, message: { message_id: updateId, date: 0, chat: home, from: amy, left_chat_member: amy } });
  const users = t.app.db.$client.prepare('select * from users').all();
  await deliver(line(amy, '/propose 離開後的議題'));
  expect(lastTo(amy.id)).toBe(REFUSED);
  expect(rows('issues')).toBe(0);
  expect(t.app.db.$client.prepare('select * from users').all()).toEqual(users);
});

test('home chat configured: Telegram confirms a member of the home group (asked once, remembered); a stranger is refused', async () => {
  await start({ meetings: { homeChats: [`telegram:${HOME}`] } });
  api.script('getChatMember', chatMember('member'));
  await deliver(line(ben, '/iam 交通部'));
  expect(lastTo(ben.id)).toContain('交通部');
  await deliver(line(ben, '/iam'));
  expect(lastTo(ben.id)).toContain('交通部');
  const asked = api.callsTo('getChatMember');
  expect(asked).toHaveLength(1);
  expect(asked[0]!.body).toMatchObject({ chat_id: String(HOME), user_id: ben.id });

  api.script('getChatMember', chatMember('left'));
  await deliver(line(eve, '/web'));
  expect(lastTo(eve.id)).toBe(REFUSED);
  expect(t.app.db.$client.prepare(`select platform_user_id from users`).pluck().all()).toEqual([String(ben.id)]);
});

test('a chat_member update (member → left) ends membership; Telegram is asked again', async () => {
  await start({ meetings: { homeChats: [`telegram:${HOME}`] } });
  api.script('getChatMember', chatMember('member'));
  await deliver(line(ben, '/iam'));
  expect(lastTo(ben.id)).not.toBe(REFUSED);
  await deliver({
    update_id: ++updateId,
    chat_member: { chat: home, from: ben, date: 0, old_chat_member: { status: 'member', user: ben }, new_chat_member: { status: 'left', user: ben } },
  });
  api.script('getChatMember', chatMember('left'));
  await deliver(line(ben, '/iam 交通部'));
  expect(lastTo(ben.id)).toBe(REFUSED);
  expect(api.callsTo('getChatMember')).toHaveLength(2);
});

test('a Telegram user in a group that is not a home chat is refused there, and nothing is stored', async () => {
  await start({ meetings: { homeChats: [`telegram:${HOME}`] } });
  api.script('getChatMember', chatMember('left'));
  await deliver(line(eve, '/propose 別的群組的議題', elsewhere));
  expect(lastTo(ELSEWHERE)).toBe(REFUSED);
  await deliver(line(eve, '只是聊天', elsewhere));
  expect(rows('users')).toBe(0);
  expect(rows('issues')).toBe(0);
  expect(rows('processed_events')).toBe(0);
});
