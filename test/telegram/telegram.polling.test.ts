// The real telegraf bot, long polling telegram-test-api on 127.0.0.1: commands in a group and
// in private, @BotName suffixes, the vote button, escaping and long texts as the emulator got them.
import { startEmulator, sentMessages, next, type Emulator } from './support/emulator';
import { startTelegramApp, count, type TelegramTestApp } from './support/telegram-app';
import { TEXT_LIMIT } from '../../src/adapters/telegram/render';
import type { OutboundMessage } from '../../src/core/types';

const TOKEN = '1001:polling-test-token';
// The emulator's getMe answers with this username.
const BOT = 'TestNameBot';
const GROUP = -100500;

let emu: { server: Emulator; apiRoot: string };
let t: TelegramTestApp;

function client(opts: { chatId?: number; userId?: number; firstName?: string; type?: 'private' | 'supergroup' } = {}) {
  const type = opts.type ?? 'supergroup';
  const userId = opts.userId ?? 11;
  return emu.server.getClient(TOKEN, {
    chatId: opts.chatId ?? (type === 'private' ? userId : GROUP),
    userId,
    firstName: opts.firstName ?? 'Amy',
    userName: `user${userId}`,
    type,
    chatTitle: 'PO 群組',
  });
}

/** Sends a command as a user and waits for the bot's next message and the end of its handling. */
async function command(text: string, c = client()): Promise<void> {
  const posted = next(emu.server, 'AddedBotMessage');
  await c.sendCommand(c.makeCommand(text));
  await posted;
  // The emulator stores the message before our bot hears back (and links the card).
  await t.settled();
}

function last() {
  const all = sentMessages(emu.server, TOKEN);
  return all[all.length - 1]!;
}

/** The text a reader sees: tags removed, entities decoded. Telegram's 4,096 counts this. */
function visible(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

beforeAll(async () => {
  emu = await startEmulator();
  t = await startTelegramApp({ apiRoot: emu.apiRoot, token: TOKEN, mode: { kind: 'polling' } });
});

afterAll(async () => {
  // The emulator ignores getUpdates' timeout: stop the bot first so polling ends at once.
  await t?.close();
  await emu?.server.stop();
});

test('/propose in a group posts an HTML card with the vote button', async () => {
  await command('/propose 公務人員組工會 #交通部');
  const card = last();
  expect(card.chatId).toBe(String(GROUP));
  expect(card.parseMode).toBe('HTML');
  expect(card.text).toContain('<b>議題 #1：公務人員組工會</b>');
  expect(card.text).toContain('提案人：Amy');
  expect(card.keyboard).toEqual([[{ text: '👍 +1', callback_data: 'vote:1' }]]);
  expect(t.app.store.links.find(`telegram:${GROUP}#${card.messageId}`)).toEqual({ kind: 'issue', id: 1 });
});

test('/propose@BotName works; a command for another bot is ignored', async () => {
  await command(`/propose@${BOT} 車輛 ARTC`);
  expect(last().text).toContain('議題 #2：車輛 ARTC');
  const before = sentMessages(emu.server, TOKEN).length;
  const c = client();
  await c.sendCommand(c.makeCommand('/propose@SomeOtherBot 不該建立'));
  // Updates of one chat are handled in order: once /issues is answered, the other was seen.
  await command(`/issues@${BOT}`);
  const after = sentMessages(emu.server, TOKEN);
  expect(after.length).toBe(before + 1);
  expect(after[after.length - 1]!.text).toContain('開放中的議題');
  expect(after.some((m) => m.text.includes('不該建立'))).toBe(false);
  expect(count(t.app, 'issues')).toBe(2);
});

test('commands work in a private chat for someone seen in the group, and /start shows the help', async () => {
  // Only network members may use the bot privately (issue 23; strangers: test/telegram/members.test.ts).
  await command(`/help@${BOT}`, client({ userId: 77, firstName: 'Ben' }));
  const dm = client({ type: 'private', userId: 77, firstName: 'Ben' });
  await command('/start', dm);
  expect(last().chatId).toBe('77');
  expect(last().text).toContain('<code>/propose</code>');
  await command(`/propose@${BOT} 管理師 PMP`, dm);
  expect(last().chatId).toBe('77');
  expect(last().text).toContain('議題 #3：管理師 PMP');
});

test('a bad command gets a clear zh-TW answer and changes nothing', async () => {
  const issues = count(t.app, 'issues');
  await command('/propse 錯字');
  expect(last().text).toContain('不認得指令 /propse');
  expect(last().text).toContain('/propose');
  await command('/vote 999');
  expect(last().text).toContain('找不到議題 #999');
  expect(count(t.app, 'issues')).toBe(issues);
  expect(count(t.app, 'votes')).toBe(0);
});

test('a bare command far from ours is another bot\'s in a group; addressed or in private it is answered', async () => {
  const before = sentMessages(emu.server, TOKEN).length;
  const c = client();
  await c.sendCommand(c.makeCommand('/weather 台北'));
  await command(`/weather@${BOT} 台北`);
  const after = sentMessages(emu.server, TOKEN);
  expect(after.length).toBe(before + 1);
  expect(after.at(-1)!.text).toContain('不認得指令 /weather');
  await command(`/help@${BOT}`, client({ userId: 78 }));
  await command('/weather', client({ type: 'private', userId: 78 }));
  expect(last().chatId).toBe('78');
  expect(last().text).toContain('不認得指令 /weather');
});

test('the vote button casts a vote, a second press withdraws it; the card is edited in place', async () => {
  const card = sentMessages(emu.server, TOKEN).find((m) => m.text.includes('議題 #1：'))!;
  const voter = client({ userId: 21, firstName: 'Cleo' });
  const press = () =>
    voter.sendCallback(voter.makeCallbackQuery('vote:1', { message: { message_id: card.messageId, chat: { id: GROUP, type: 'supergroup' } } } as never));

  let edited = next(emu.server, 'EditedMessageText');
  await press();
  await edited;
  expect(count(t.app, 'votes')).toBe(1);
  let now = sentMessages(emu.server, TOKEN).find((m) => m.messageId === card.messageId)!;
  expect(now.text).toContain('👍 1 票');
  expect(now.keyboard).toEqual([[{ text: '👍 +1', callback_data: 'vote:1' }]]);

  edited = next(emu.server, 'EditedMessageText');
  await press();
  await edited;
  expect(count(t.app, 'votes')).toBe(0);
  now = sentMessages(emu.server, TOKEN).find((m) => m.messageId === card.messageId)!;
  expect(now.text).toContain('👍 0 票');
});

test('markup in a title and in a display name reaches the emulator escaped', async () => {
  const mallory = client({ userId: 31, firstName: '<b>Mal</b> <a href="https://evil.example">x</a> & co' });
  // The core refuses whole tags in input; fragments it lets through must still be inert.
  await command('/propose 3 > 2 AT&T <b 粗體 <a href="https://evil.example" 連結 "引號" https://join.gov.tw/idea/detail/x?a=1&b=2', mallory);
  const card = last();
  expect(card.text).toContain('<b>議題 #');
  expect(card.text).toContain('3 &gt; 2 AT&amp;T &lt;b 粗體 &lt;a href="https://evil.example" 連結 "引號"</b>');
  expect(card.text).toContain('提案人：&lt;b&gt;Mal&lt;/b&gt; &lt;a href="https://evil.example"&gt;x&lt;/a&gt; &amp; co');
  expect(card.text).toContain('<a href="https://join.gov.tw/idea/detail/x?a=1&amp;b=2">https://join.gov.tw/idea/detail/x?a=1&amp;b=2</a>');
  // The only tags are ours.
  expect(card.text.match(/<[^>]+>/g)!.every((tag) => /^<\/?b>$|^<\/a>$|^<a href="https:\/\/join\.gov\.tw\//.test(tag))).toBe(true);

  const issues = count(t.app, 'issues');
  await command('/propose <b>粗體標題</b>', mallory);
  expect(last().text).toContain('HTML 標籤');
  expect(last().text).not.toContain('<b>粗體');
  expect(count(t.app, 'issues')).toBe(issues);
});

test('a long post is split within 4,096 characters, nothing lost; a long card is trimmed to one message', async () => {
  const lines = Array.from({ length: 400 }, (_, i) => `第 ${i + 1} 行：開放政府聯絡人 & <協作> 會議紀錄`);
  const long: OutboundMessage = { text: [{ bold: '會議紀錄' }, '\n', lines.join('\n')] };
  const before = sentMessages(emu.server, TOKEN).length;
  // post() resolves once every part is accepted by the emulator.
  await t.app.bot.post(`telegram:${GROUP}`, long);
  const parts = sentMessages(emu.server, TOKEN).slice(before);
  expect(parts.length).toBeGreaterThan(1);
  for (const p of parts) expect(visible(p.text).length).toBeLessThanOrEqual(TEXT_LIMIT);
  const joined = parts.map((p) => visible(p.text)).join('');
  expect(joined).toBe('會議紀錄\n' + lines.join('\n'));

  const card: OutboundMessage = { text: ['x'.repeat(9000)], buttons: [{ action: 'vote', value: '1', label: '👍 +1' }] };
  const ref = await t.app.bot.post(`telegram:${GROUP}`, card);
  const sent = last();
  expect(ref).toBe(`telegram:${GROUP}#${sent.messageId}`);
  expect(visible(sent.text).length).toBeLessThanOrEqual(TEXT_LIMIT);
  expect(sent.text).toContain('訊息過長');
  expect(sent.keyboard).toHaveLength(1);
});
