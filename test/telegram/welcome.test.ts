// Issue 19 through the real telegraf bot: `new_chat_members` updates POSTed to the webhook (the
// emulator cannot emit them), the welcome going to telegram-test-api.
import { startEmulator, sentMessages, type Emulator } from './support/emulator';
import { startTelegramApp, type TelegramTestApp } from './support/telegram-app';
import { postUpdate } from './support/net';

const TOKEN = '2003:welcome-test-token';
const SECRET = 'wh-secret_welcome';
const PATH = '/telegram/hook';
const GROUP = -100888;

let emu: { server: Emulator; apiRoot: string };
let t: TelegramTestApp;
let url: string;
let updateId = 7000;

const amy = { id: 21, is_bot: false, first_name: 'Amy', last_name: '林' };
const ben = { id: 22, is_bot: false, first_name: 'Ben' };
const helperBot = { id: 23, is_bot: true, first_name: 'Helper', username: 'helper_bot' };
const group = { id: GROUP, type: 'supergroup', title: 'PO 群組' };

function joinUpdate(members: object[], id = ++updateId) {
  return { update_id: id, message: { message_id: id, date: 1_790_000_000, chat: group, from: members[0], new_chat_members: members } };
}

async function deliver(update: unknown): Promise<number> {
  const res = await postUpdate(url, update, SECRET);
  await t.settled();
  return res.status;
}

const welcomes = () => sentMessages(emu.server, TOKEN).filter((m) => m.text.includes('歡迎加入'));

beforeAll(async () => {
  emu = await startEmulator();
  t = await startTelegramApp({
    apiRoot: emu.apiRoot,
    token: TOKEN,
    mode: { kind: 'webhook', url: `https://po-bot.example${PATH}`, secret: SECRET, path: PATH, port: 0, host: '127.0.0.1' },
  });
  url = `http://127.0.0.1:${t.adapter.webhookPort}${PATH}`;
});

afterAll(async () => {
  await t?.close();
  await emu?.server.stop();
});

test('a person joining the group gets a short group message that mentions them; a redelivery and a second join do not', async () => {
  const update = joinUpdate([amy]);
  expect(await deliver(update)).toBe(200);
  expect(welcomes()).toHaveLength(1);
  const [w] = welcomes();
  expect(w!.chatId).toBe(String(GROUP));
  expect(w!.parseMode).toBe('HTML');
  expect(w!.text).toContain('<a href="tg://user?id=21">Amy 林</a> 歡迎加入開放政府聯絡人（PO）網絡！輸入 /guide');
  expect(w!.text).toContain('<b>接下來的會議</b>');
  expect(w!.text.length).toBeLessThan(600);

  expect(await deliver(update)).toBe(200); // the same update_id again
  expect(await deliver(joinUpdate([amy]))).toBe(200); // left and came back
  expect(welcomes()).toHaveLength(1);
  expect(t.app.db.$client.prepare('select count(*) from welcomes').pluck().get()).toBe(1);
});

test('bots are never welcomed; people added together with a bot each are', async () => {
  expect(await deliver(joinUpdate([helperBot]))).toBe(200);
  expect(welcomes()).toHaveLength(1);
  expect(await deliver(joinUpdate([helperBot, ben]))).toBe(200);
  expect(welcomes()).toHaveLength(2);
  expect(welcomes()[1]!.text).toContain('tg://user?id=22');
});

test('/guide after /iam in the group answers with the guide and the agency’s work, as a reply', async () => {
  const text = '/guide';
  await deliver({ update_id: ++updateId, message: { message_id: updateId, date: 1_790_000_000, chat: group, from: amy, text: '/iam 交通部', entities: [{ type: 'bot_command', offset: 0, length: 4 }] } });
  await deliver({ update_id: ++updateId, message: { message_id: updateId, date: 1_790_000_000, chat: group, from: amy, text, entities: [{ type: 'bot_command', offset: 0, length: text.length }] } });
  const last = sentMessages(emu.server, TOKEN).at(-1)!;
  expect(last.text).toContain('<b>PO 是什麼？</b>');
  expect(last.text).toContain('交通部目前沒有進行中的協作案或列管事項。');
});
