// Issue 28, item 3 on Telegram: the real telegraf bot against telegram-test-api. A group cannot
// show one person a private answer, so the ballot card's button is a deep link into the private
// chat with the bot (`/start ballot` arrives as /ballot), where the agency's ballot has inline
// buttons. The group only ever sees the count.
import { startEmulator, sentMessages, type Emulator } from '../telegram/support/emulator';
import { startTelegramApp, type TelegramTestApp } from '../telegram/support/telegram-app';
import { postUpdate } from '../telegram/support/net';
import { MEETING_START } from './helpers';

const SECRET = 'wh-secret_ballot';
const PATH = '/telegram/hook';
const TOKEN = '2006:ballot-test-token';
const GROUP = -100888;
const group = { id: GROUP, type: 'supergroup', title: 'PO 群組' };
const amy = { id: 31, is_bot: false, first_name: 'Amy' };
const bob = { id: 32, is_bot: false, first_name: 'Bob' };
const pdis = { id: 40, is_bot: false, first_name: 'PDIS' };
let updateId = 500;

let emu: { server: Emulator; apiRoot: string };
let t: TelegramTestApp;
let url: string;

function message(from: typeof amy, text: string, chat: { id: number; type: string; title?: string } = group) {
  return { update_id: ++updateId, message: { message_id: updateId, date: 0, chat, from, text } };
}
const dm = (who: typeof amy) => ({ id: who.id, type: 'private' });

async function deliver(update: unknown): Promise<void> {
  const res = await postUpdate(url, update, SECRET);
  expect(res.status).toBe(200);
  await t.settled();
  await t.outbox!.idle();
}

type Key = { text: string; callback_data?: string; url?: string };
const keys = (m: { keyboard?: unknown }) => ((m.keyboard ?? []) as Key[][]).flat();

beforeEach(async () => {
  emu = await startEmulator();
  t = await startTelegramApp({
    apiRoot: emu.apiRoot,
    token: TOKEN,
    outbox: true,
    config: { facilitators: ['telegram:40'], meetings: { homeChats: [`telegram:${GROUP}`] } },
    mode: { kind: 'webhook', url: `https://po-bot.example${PATH}`, secret: SECRET, path: PATH, port: 0, host: '127.0.0.1' },
  });
  url = `http://127.0.0.1:${t.adapter.webhookPort}${PATH}`;
  t.app.clock.set(MEETING_START);
  t.app.store.meetings.create({ series: null, occurrence: null, kind: 'monthly', title: '月會', startsAt: MEETING_START, durationMin: 120, chats: [`telegram:${GROUP}`], createdBy: null, createdAt: MEETING_START });
});
afterEach(async () => {
  await t?.close();
  await emu.server.stop();
});

test('the card links into the private chat, where the agency votes with inline buttons; the group sees only the count', async () => {
  await deliver(message(amy, '/iam 交通部'));
  await deliver(message(bob, '/iam 勞動部'));
  await deliver(message(amy, '/propose 公車路線整併 #交通部'));
  await deliver(message(bob, '/propose 職場申訴管道 #勞動部'));
  await deliver(message(pdis, '/slate add #1 #2'));
  await deliver(message(pdis, '/ballot open 10m votes 1'));
  const inGroup = () => sentMessages(emu.server, TOKEN).filter((m) => m.chatId === String(GROUP));
  const card = inGroup().find((m) => m.text.includes('投票進行中'))!;
  expect(card.text).toContain('已有 0／2 個部會投票');
  const link = keys(card)[0]!;
  expect(link.url).toMatch(/^https:\/\/t\.me\/\w+\?start=ballot$/);

  // /ballot typed in the group: no ballot there, the same link instead.
  await deliver(message(amy, '/ballot'));
  const answer = inGroup().at(-1)!;
  expect(answer.text).toContain('私訊');
  expect(keys(answer)[0]!.url).toBe(link.url);

  // The deep link starts the private chat with /start ballot: the agency's ballot, with buttons.
  await deliver(message(amy, '/start ballot', dm(amy)));
  const inPrivate = () => sentMessages(emu.server, TOKEN).filter((m) => m.chatId === String(amy.id));
  const ballot = inPrivate().at(-1)!;
  expect(ballot.text).toContain('交通部的選票：已投 0／1 票');
  const [first] = keys(ballot);
  expect(first!.text).toBe('⬜ #1 公車路線整併');
  expect(first!.callback_data).toMatch(/^ballot\.toggle/);

  await deliver({ update_id: ++updateId, callback_query: { id: `q${updateId}`, from: amy, chat_instance: '2', message: { message_id: 1, date: 0, chat: dm(amy) }, data: first!.callback_data } });
  const after = inPrivate().at(-1)!;
  expect(after.text).toContain('已投議題 #1');
  expect(keys(after)[0]!.text).toBe('✅ #1 公車路線整併');
  expect(t.app.db.$client.prepare('select issue_id from ballot_votes').pluck().all()).toEqual([1]);

  // The group: the count, edited in place, and nothing of the choice.
  const edited = inGroup().find((m) => m.messageId === card.messageId)!;
  expect(edited.text).toContain('已有 1／2 個部會投票');
  expect(inGroup().every((m) => !m.text.includes('✅') && !m.text.includes('交通部的選票'))).toBe(true);

  // /ballot vote typed in the group counts, but the answer there does not repeat it.
  await deliver(message(bob, '/ballot vote #2'));
  expect(inGroup().at(-1)!.text).toContain('這裡不顯示內容');
  expect(t.app.db.$client.prepare('select issue_id from ballot_votes order by issue_id').pluck().all()).toEqual([1, 2]);
}, 60_000);
