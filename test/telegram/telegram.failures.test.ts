// What telegram-test-api cannot produce, against a fake Bot API on loopback: 429 with
// retry_after, "message is not modified", a bot kicked from a group, the command menu, the
// button's toast, and polling refused.
import { FakeBotApi } from './support/fake-bot-api';
import { startTelegramApp, count, type TelegramTestApp } from './support/telegram-app';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { postUpdate, within } from './support/net';
import { RecordingLogger } from '../support/recording-logger';
import { startTelegram, telegramMode } from '../../src/adapters/telegram/telegram.start';
import { AdapterHub } from '../../src/adapters/hub';
import { readEnv } from '../../src/config/env';
import { ConfigError, parseConfig } from '../../src/config/load';
import { translator } from '../../src/i18n/catalog';

const TOKEN = '4242:fake-api-token';
const SECRET = 'fake-secret';
const PATH = '/hook';
const GROUP = -100900;
const group = { id: GROUP, type: 'supergroup', title: 'PO 群組' };
const amy = { id: 11, is_bot: false, first_name: 'Amy' };
let updateId = 1;

let api: FakeBotApi;
let t: TelegramTestApp;
let url: string;

async function deliver(update: unknown): Promise<void> {
  const res = await postUpdate(url, update, SECRET);
  expect(res.status).toBe(200);
  await t.settled();
}

function command(text: string, chat: { id: number; type: string } = group, from = amy) {
  return { update_id: ++updateId, message: { message_id: updateId, date: 0, chat, from, text } };
}

function memberUpdate(previous: string, status: string) {
  const bot = { id: api.me.id, is_bot: true, first_name: api.me.first_name };
  return {
    update_id: ++updateId,
    my_chat_member: { chat: group, from: amy, date: 0, old_chat_member: { status: previous, user: bot }, new_chat_member: { status, user: bot } },
  };
}

/** The app on a webhook of its own; `extra` adds adapter or wiring options. */
async function start(extra: { outbox?: boolean; chatEditGapMs?: number } = {}): Promise<void> {
  t = await startTelegramApp({
    apiRoot: api.apiRoot,
    token: TOKEN,
    mode: { kind: 'webhook', url: `https://po-bot.example${PATH}`, secret: SECRET, path: PATH, port: 0, host: '127.0.0.1' },
    ...extra,
  });
  url = `http://127.0.0.1:${t.adapter.webhookPort}${PATH}`;
}

/** Started again with other options (the default one from beforeEach is closed). */
async function restart(extra: { outbox?: boolean; chatEditGapMs?: number }): Promise<void> {
  await t.close();
  await start(extra);
}

beforeEach(async () => {
  api = new FakeBotApi();
  await api.start();
  await start();
});

afterEach(async () => {
  await t?.close();
  await api?.stop();
});

test('start-up registers the webhook with its secret and every update type it handles', () => {
  const [hook] = api.callsTo('setWebhook');
  expect(hook!.body).toMatchObject({
    url: `https://po-bot.example${PATH}`,
    secret_token: SECRET,
    allowed_updates: ['message', 'callback_query', 'message_reaction', 'my_chat_member', 'chat_member'],
  });
});

test('the command menu is registered in zh-TW and en from the bot\'s own command list', () => {
  const menus = api.callsTo('setMyCommands').map((c) => c.body as { commands: { command: string; description: string }[]; language_code?: string });
  expect(menus.map((m) => m.language_code)).toEqual([undefined, 'zh', 'en']);
  const names = t.app.bot.listCommands().map((c) => c.name);
  for (const m of menus) {
    expect(m.commands.map((c) => c.command)).toEqual(names);
    for (const c of m.commands) {
      expect(c.description.length).toBeGreaterThanOrEqual(1);
      expect(c.description.length).toBeLessThanOrEqual(256);
    }
  }
  const zh = menus[1]!.commands.find((c) => c.command === 'issue')!;
  const en = menus[2]!.commands.find((c) => c.command === 'issue')!;
  expect(zh.description).toBe(translator('zh-TW')('help.issue'));
  expect(en.description).toBe(translator('en')('help.issue'));
  // "— list agencies…" loses its bare leading dash in a menu.
  expect(menus[2]!.commands.find((c) => c.command === 'agencies')!.description).toBe('list agencies and their short names');
  expect(menus[0]!.commands).toEqual(menus[1]!.commands);
});

test('a 429 with retry_after is waited out and the message goes out once', async () => {
  api.script('sendMessage', FakeBotApi.error(429, 'Too Many Requests: retry after 3', { retry_after: 3 }));
  await deliver(command('/propose 公務人員組工會'));
  expect(t.sleeps).toEqual([3000]);
  const sends = api.callsTo('sendMessage');
  expect(sends).toHaveLength(2);
  // Both attempts carried the same card; exactly one was accepted and linked.
  expect(sends[0]!.body.text).toBe(sends[1]!.body.text);
  expect(t.app.store.links.refsFor({ kind: 'issue', id: 1 })).toEqual([`telegram:${GROUP}#100`]);
});

test('a 429 on a card edit is waited out too; "message is not modified" is not an error', async () => {
  await deliver(command('/propose 公務人員組工會'));
  api.script('editMessageText', FakeBotApi.error(429, 'Too Many Requests: retry after 7', { retry_after: 7 }));
  await deliver(command('/vote 1'));
  expect(t.sleeps).toEqual([7000]);
  expect(api.callsTo('editMessageText')).toHaveLength(2);
  expect(api.callsTo('editMessageText')[1]!.body.text).toContain('👍 1 票');

  api.script('editMessageText', FakeBotApi.error(400, 'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message'));
  await t.app.bot.refresh({ kind: 'issue', id: 1 });
  await t.settled();
  expect(api.callsTo('editMessageText')).toHaveLength(3);
  expect(t.logger.at('error')).toEqual([]);
  expect(t.logger.at('warn').filter((l) => String(l.msg).includes('card'))).toEqual([]);
});

test('behind the outbox, a card edit that failed is retried until it is on the card; a deleted card is given up', async () => {
  await restart({ outbox: true });
  await deliver(command('/propose 公務人員組工會'));
  api.script('editMessageText', FakeBotApi.error(502, 'Bad Gateway'));
  await deliver(command('/vote 1'));
  const edits = () => api.callsTo('editMessageText');
  expect(edits()).toHaveLength(1);
  expect(t.outbox!.backlog().pending).toBe(1);
  // Not sent yet: the outbox keeps it and sends it again once its backoff has passed.
  t.app.clock.advance(2_000);
  await t.outbox!.flush();
  await t.settled();
  expect(edits()).toHaveLength(2);
  expect(edits()[1]!.body.text).toContain('👍 1 票');
  expect(t.outbox!.backlog()).toMatchObject({ pending: 0, dead: 0 });

  api.script('editMessageText', FakeBotApi.error(400, 'Bad Request: message to edit not found'));
  await deliver(command('/vote 1', group, { id: 12, is_bot: false, first_name: 'Bob' }));
  expect(edits()).toHaveLength(3);
  // Editing a deleted message again cannot help: given up at once, not retried, and not a
  // dead letter either (nobody can fix a deleted message).
  expect(t.outbox!.backlog()).toMatchObject({ pending: 0, dead: 0 });
  t.app.clock.advance(60_000);
  await t.outbox!.flush();
  expect(edits()).toHaveLength(3);
});

test('behind the outbox, a post Telegram refuses for good is a dead letter at once; a 429 waits its retry_after', async () => {
  await restart({ outbox: true });
  const tries = () => api.callsTo('sendMessage').length;
  for (const [code, description] of [
    [403, 'Forbidden: bot was kicked from the supergroup chat'],
    [400, 'Bad Request: chat not found'],
    [400, 'Bad Request: message is too long'],
  ] as const) {
    api.script('sendMessage', FakeBotApi.error(code, description));
    const before = tries();
    expect(await t.outbox!.post(`telegram:${GROUP}`, { text: [description] })).toBeUndefined();
    t.app.clock.advance(3_600_000);
    await t.outbox!.flush();
    expect(tries()).toBe(before + 1);
  }
  expect(t.outbox!.backlog()).toMatchObject({ pending: 0, dead: 3 });
  // The adapter waits out two 429s itself; the third goes back to the outbox with Telegram's wait.
  for (let i = 0; i < 3; i++) api.script('sendMessage', FakeBotApi.error(429, 'Too Many Requests: retry after 90', { retry_after: 90 }));
  await t.outbox!.post(`telegram:${GROUP}`, { text: ['提醒'] });
  const row = t.app.db.$client.prepare(`select status, next_at from outbox order by id desc limit 1`).get() as { status: string; next_at: number };
  expect(row.status).toBe('pending');
  expect(row.next_at - t.app.clock.now().getTime()).toBe(90_000);
  t.app.clock.advance(89_000);
  await t.outbox!.flush();
  expect(t.outbox!.backlog().pending).toBe(1);
  t.app.clock.advance(1_000);
  await t.outbox!.flush();
  expect(t.outbox!.backlog()).toMatchObject({ pending: 0, dead: 3 });
  expect(api.callsTo('sendMessage').at(-1)!.body.text).toBe('提醒');
});

test('card edits in one group are paced across cards (Telegram counts edits per chat), each showing its newest tally', async () => {
  await restart({ chatEditGapMs: 4000 });
  await deliver(command('/propose 議題甲'));
  await deliver(command('/propose 議題乙'));
  await deliver(command('/vote 1'));
  await deliver(command('/vote 2'));
  const edits = api.callsTo('editMessageText');
  expect(edits).toHaveLength(2);
  expect(edits[0]!.body.text).toContain('議題甲');
  expect(edits[1]!.body.text).toContain('議題乙');
  expect(edits[1]!.body.text).toContain('👍 1 票');
  // The second card's edit waited for the chat's turn: 4 s after the first (less the real
  // milliseconds the test took in between; the sleep itself is recorded, not slept).
  expect(t.sleeps).toHaveLength(1);
  expect(t.sleeps[0]).toBeGreaterThan(3000);
  expect(t.sleeps[0]).toBeLessThanOrEqual(4000);
});

test('a bot kicked from a group is logged, not fatal', async () => {
  await deliver(command('/propose 公務人員組工會'));
  api.script('editMessageText', FakeBotApi.error(403, 'Forbidden: bot was kicked from the supergroup chat'));
  // A vote cast in private still counts; the card in the group cannot be edited any more.
  await deliver(command('/vote 1', { id: 11, type: 'private' }));
  expect(count(t.app, 'votes')).toBe(1);
  api.script('sendMessage', FakeBotApi.error(403, 'Forbidden: bot was kicked from the supergroup chat'));
  // A post to the group (a reminder, say) fails for the caller but is logged, not thrown at the process.
  await expect(t.app.bot.post(`telegram:${GROUP}`, { text: ['提醒'] })).rejects.toThrow(/kicked/);
  await deliver(memberUpdate('member', 'kicked'));
  const warns = t.logger.at('warn').map((l) => l.msg);
  expect(warns).toContain('telegram: card not updated: the bot was removed from the chat');
  expect(warns).toContain('telegram: the bot cannot post in this chat (removed or blocked)');
  expect(warns).toContain('telegram: the bot was removed from a chat');
  // Still serving.
  await deliver(command('/issues', { id: 11, type: 'private' }));
  expect(api.callsTo('sendMessage').at(-1)!.body.text).toContain('開放中的議題');
});

test('added to a group, the bot explains the admin requirement and the button', async () => {
  await deliver(memberUpdate('left', 'member'));
  const hello = api.callsTo('sendMessage').at(-1)!.body;
  expect(String(hello.chat_id)).toBe(String(GROUP));
  expect(hello.text).toContain('管理員');
  expect(hello.text).toContain('👍 +1');
});

test('the vote button is answered with the private answer as a toast', async () => {
  await deliver(command('/propose 公務人員組工會'));
  const press = (id: string) => ({
    update_id: ++updateId,
    callback_query: { id, from: amy, chat_instance: 'ci', data: 'vote:1', message: { message_id: 100, date: 0, chat: group } },
  });
  await deliver(press('q1'));
  await deliver(press('q2'));
  const answers = api.callsTo('answerCallbackQuery').map((c) => c.body);
  expect(answers[0]).toEqual({ callback_query_id: 'q1', text: '已投票支持議題 #1（目前 1 票，來自 0 個部會）。' });
  expect(answers[1]).toEqual({ callback_query_id: 'q2', text: '已撤回您對議題 #1 的投票。' });
  // No group message for a button press: the toast is the answer.
  expect(api.callsTo('sendMessage')).toHaveLength(1);

  await deliver({ update_id: ++updateId, callback_query: { id: 'q3', from: amy, chat_instance: 'ci', data: 'garbage', message: { message_id: 100, date: 0, chat: group } } });
  expect(api.callsTo('answerCallbackQuery').at(-1)!.body.text).toContain('按鈕已失效');
});

test('private answers in a group quote the command; HTML Telegram refuses is resent as plain text', async () => {
  await deliver(command('/vote 5'));
  const answer = api.callsTo('sendMessage').at(-1)!.body;
  expect(answer.reply_parameters).toEqual({ message_id: updateId, allow_sending_without_reply: true });
  expect(answer.parse_mode).toBe('HTML');

  api.script('sendMessage', FakeBotApi.error(400, "Bad Request: can't parse entities: Unsupported start tag"));
  await deliver(command('/help'));
  const [refused, plain] = api.callsTo('sendMessage').slice(-2).map((c) => c.body);
  expect(refused!.parse_mode).toBe('HTML');
  expect(refused!.text).toContain('<code>/propose</code>');
  expect(plain!.parse_mode).toBeUndefined();
  expect(plain!.text).toContain('/propose');
  expect(plain!.text).not.toContain('<code>');
});

test('polling that Telegram refuses (token revoked) reports a fatal error instead of hanging', async () => {
  const polling = new FakeBotApi();
  await polling.start();
  try {
    polling.script('getUpdates', FakeBotApi.error(401, 'Unauthorized'));
    const p = await startTelegramApp({ apiRoot: polling.apiRoot, token: '9:poll', mode: { kind: 'polling' } });
    const fatal = await within(p.fatalSeen, 3000, 'onFatal');
    expect(fatal.message).toContain('Unauthorized');
    expect(p.fatal).toHaveLength(1);
    await p.close();
  } finally {
    await polling.stop();
  }
});

test('without a port of its own, the webhook mounts in a shared HTTP server', async () => {
  const shared = await startTelegramApp({
    apiRoot: api.apiRoot,
    token: TOKEN,
    mode: { kind: 'webhook', url: 'https://po-bot.example/tg', secret: SECRET, path: '/tg' },
  });
  const server = createServer((req, res) => {
    if (req.url?.startsWith('/slack')) res.writeHead(200).end('slack');
    else shared.adapter.webhookHandler!(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    expect(shared.adapter.webhookPort).toBeUndefined();
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    expect((await postUpdate(`${base}/tg`, command('/propose 共用伺服器'))).status).toBe(403);
    expect((await postUpdate(`${base}/tg`, command('/propose 共用伺服器'), SECRET)).status).toBe(200);
    await shared.settled();
    expect(count(shared.app, 'issues')).toBe(1);
    expect((await postUpdate(`${base}/slack/events`, {})).body).toBe('slack');
  } finally {
    server.close();
    server.closeAllConnections();
    await shared.close();
  }
});

test('startTelegram: off without a token, refuses a webhook without a secret and a bad token', async () => {
  const config = parseConfig({});
  const logger = new RecordingLogger();
  const base = { config, hub: new AdapterHub(), dispatch: async () => undefined, listCommands: () => [], logger, onFatal: () => {} };
  expect(await startTelegram({ ...base, env: readEnv({}) })).toBeUndefined();
  expect(() => telegramMode(readEnv({ TELEGRAM_BOT_TOKEN: 'x', TELEGRAM_WEBHOOK_URL: 'https://a.example/tg' }))).toThrow(ConfigError);
  expect(telegramMode(readEnv({ TELEGRAM_WEBHOOK_URL: 'https://a.example/tg/hook', TELEGRAM_WEBHOOK_SECRET: 's', PORT: '8080' }))).toEqual({
    kind: 'webhook',
    url: 'https://a.example/tg/hook',
    secret: 's',
    path: '/tg/hook',
    port: undefined,
  });
  expect(telegramMode(readEnv({ TELEGRAM_WEBHOOK_URL: 'https://a.example/x', TELEGRAM_WEBHOOK_SECRET: 's', TELEGRAM_WEBHOOK_PORT: '9443', TELEGRAM_WEBHOOK_PATH: '/local' }))).toMatchObject({ path: '/local', port: 9443 });
  api.script('getMe', FakeBotApi.error(401, 'Unauthorized'));
  await expect(startTelegram({ ...base, env: readEnv({ TELEGRAM_BOT_TOKEN: 'bad:token', TELEGRAM_API_ROOT: api.apiRoot }) })).rejects.toThrow(ConfigError);
  expect(base.hub.list()).toEqual([]);
});

test('an orphan card (a copy posted again after a crash, not linked) is adopted at its first button press: then updated and its reactions count', async () => {
  await deliver(command('/propose 公務人員組工會'));
  // Message 100 is the linked card; 555 is a copy the bot never heard back about.
  const orphan = 555;
  await deliver({ update_id: ++updateId, callback_query: { id: 'q1', from: amy, chat_instance: 'ci', data: 'vote:1', message: { message_id: orphan, date: 0, chat: group } } });
  expect(t.app.store.links.find(`telegram:${GROUP}#${orphan}`)).toEqual({ kind: 'issue', id: 1 });
  expect(api.callsTo('editMessageText').map((c) => c.body.message_id).sort()).toEqual([100, orphan]);
  const ben = { id: 12, is_bot: false, first_name: 'Ben' };
  await deliver({ update_id: ++updateId, message_reaction: { chat: group, message_id: orphan, user: ben, date: 0, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] } });
  expect(count(t.app, 'votes')).toBe(2);
  // A press naming an issue that does not exist links nothing.
  await deliver({ update_id: ++updateId, callback_query: { id: 'q2', from: amy, chat_instance: 'ci', data: 'vote:99', message: { message_id: 556, date: 0, chat: group } } });
  expect(t.app.store.links.find(`telegram:${GROUP}#556`)).toBeUndefined();
});
