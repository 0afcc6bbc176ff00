// A private message to a named person through the real telegraf bot: in the person's private
// chat with the bot (telegram-test-api); when Telegram refuses it because they never pressed
// Start (FakeBotApi's scripted 403), they are mentioned in the group without the content, once,
// and the outbox sends it privately once they have.
import { startEmulator, sentMessages, type Emulator } from './support/emulator';
import { FakeBotApi } from './support/fake-bot-api';
import { startTelegramApp, type TelegramTestApp } from './support/telegram-app';
import { postUpdate } from './support/net';
import { whisperFeature } from '../support/whisper';

const SECRET = 'wh-secret_private';
const PATH = '/telegram/hook';
const GROUP = -100777;
const group = { id: GROUP, type: 'supergroup', title: 'PO 群組' };
const amy = { id: 31, is_bot: false, first_name: 'Amy' };
let updateId = 100;

let t: TelegramTestApp;
let url: string;

function command(text: string) {
  return { update_id: ++updateId, message: { message_id: updateId, date: 0, chat: group, from: amy, text } };
}

async function deliver(update: unknown): Promise<void> {
  const res = await postUpdate(url, update, SECRET);
  expect(res.status).toBe(200);
  await t.settled();
}

async function start(apiRoot: string, token: string): Promise<void> {
  t = await startTelegramApp({ apiRoot, token, outbox: true, mode: { kind: 'webhook', url: `https://po-bot.example${PATH}`, secret: SECRET, path: PATH, port: 0, host: '127.0.0.1' } });
  t.app.bot.use(whisperFeature());
  url = `http://127.0.0.1:${t.adapter.webhookPort}${PATH}`;
}

afterEach(async () => t?.close());

test('sent in the private chat with the person (its id is theirs), nothing of it in the group', async () => {
  const TOKEN = '2004:private-test-token';
  const emu: { server: Emulator; apiRoot: string } = await startEmulator();
  try {
    await start(emu.apiRoot, TOKEN);
    await deliver(command('/whisper telegram:32 第 3 案：公告期限 6/8'));
    await t.outbox!.idle();
    const sent = sentMessages(emu.server, TOKEN);
    expect(sent.filter((m) => m.text.includes('公告期限')).map((m) => m.chatId)).toEqual(['32']);
    expect(sent.filter((m) => m.chatId === String(GROUP)).every((m) => !m.text.includes('公告期限'))).toBe(true);
  } finally {
    await t?.close();
    await emu.server.stop();
  }
});

describe('someone who never pressed Start', () => {
  let api: FakeBotApi;
  beforeEach(async () => {
    api = new FakeBotApi();
    await api.start();
    await start(api.apiRoot, '2005:private-fallback-token');
  });
  afterEach(async () => api.stop());

  const sends = () => api.callsTo('sendMessage').map((c) => ({ chat: String(c.body.chat_id), text: String(c.body.text) }));

  test('is mentioned in the group without the content, once; the message reaches them privately once they start the bot', async () => {
    api.script('sendMessage', FakeBotApi.error(403, "Forbidden: bot can't initiate conversation with a user"));
    await deliver(command('/whisper telegram:32 只給你的提醒'));
    await t.outbox!.idle();
    const notice = sends().filter((s) => s.chat === String(GROUP) && s.text.includes('tg://user?id=32'));
    expect(notice).toHaveLength(1);
    expect(notice[0]!.text).toContain('https://t.me/po_test_bot');
    expect(notice[0]!.text).toContain('按「開始」');
    expect(sends().some((s) => s.chat === String(GROUP) && s.text.includes('只給你的提醒'))).toBe(false);
    expect(t.app.db.$client.prepare(`select status from outbox where op = 'private'`).pluck().get()).toBe('pending');

    // Still not started at the first retry: no second notice.
    api.script('sendMessage', FakeBotApi.error(403, "Forbidden: bot can't initiate conversation with a user"));
    t.app.clock.advance(3_000);
    await t.outbox!.flush();
    expect(sends().filter((s) => s.text.includes('tg://user?id=32'))).toHaveLength(1);

    // They pressed Start: the next retry delivers it, privately, once.
    t.app.clock.advance(10_000);
    await t.outbox!.flush();
    await t.outbox!.flush();
    // Two attempts refused, the third taken: every one of them to the private chat, none to the group.
    expect(sends().filter((s) => s.text.includes('只給你的提醒')).map((s) => s.chat)).toEqual(['32', '32', '32']);
    expect(t.app.db.$client.prepare(`select status from outbox where op = 'private'`).pluck().get()).toBe('sent');
  });
});
