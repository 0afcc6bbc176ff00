// Issue 26 item 3 through the real telegraf bot and telegram-test-api, across the 補行上班
// Saturday 2021-09-11: the nudge goes to the PO's private chat on that Saturday and on the due
// day; the group hears only of the miss, once, with the PO mentioned.
import { startEmulator, sentMessages, type Emulator } from './support/emulator';
import { startTelegramApp, type TelegramTestApp } from './support/telegram-app';
import { postUpdate } from './support/net';
import { Scheduler } from '../../src/scheduler/scheduler';
import { silentLogger } from '../../src/core/logger';

const TOKEN = '2006:nudge-test-token';
const SECRET = 'wh-secret_nudges';
const PATH = '/telegram/hook';
const GROUP = -100555;
const group = { id: GROUP, type: 'supergroup', title: 'PO 群組' };
const people = { amy: { id: 41, is_bot: false, first_name: 'Amy' }, po: { id: 42, is_bot: false, first_name: 'Po' }, fac: { id: 43, is_bot: false, first_name: 'Fay' } };
let updateId = 500;

let emu: { server: Emulator; apiRoot: string };
let t: TelegramTestApp;

afterEach(async () => {
  await t?.close();
  await emu?.server.stop();
});

test('nudged privately on Sat 9/11 (補行上班) and Tue 9/14; the group hears only of the miss', async () => {
  emu = await startEmulator();
  t = await startTelegramApp({
    apiRoot: emu.apiRoot,
    token: TOKEN,
    outbox: true,
    config: { facilitators: [`telegram:${people.fac.id}`], meetings: { homeChats: [`telegram:${GROUP}`] } },
    mode: { kind: 'webhook', url: `https://po-bot.example${PATH}`, secret: SECRET, path: PATH, port: 0, host: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${t.adapter.webhookPort}${PATH}`;
  const say = async (from: { id: number }, text: string) => {
    const res = await postUpdate(url, { update_id: ++updateId, message: { message_id: updateId, date: 0, chat: group, from, text } }, SECRET);
    expect(res.status).toBe(200);
    await t.settled();
  };
  const scheduler = new Scheduler(t.app.bot, t.app.store.jobs, t.app.clock, silentLogger);
  const tick = async (day: string) => {
    t.app.clock.set(new Date(`${day}T01:00:00Z`));
    await scheduler.tick();
    await t.outbox!.idle();
    await t.settled();
  };
  t.app.clock.set(new Date('2021-09-07T02:00:00Z'));
  await say(people.po, '/iam 交通部');
  await say(people.amy, '/propose 路口安全');
  await say(people.fac, '/select 1');
  await say(people.fac, '/case 1 lead 交通部');
  await say(people.fac, '/case 1 passed 2021-09-07');
  const nudges = () => sentMessages(emu.server, TOKEN).filter((m) => m.text.includes('回應期程公告') && m.text.includes('⏰'));

  for (const day of ['2021-09-08', '2021-09-09', '2021-09-10']) await tick(day);
  expect(nudges()).toEqual([]);
  await tick('2021-09-11');
  expect(nudges().map((m) => m.chatId)).toEqual([String(people.po.id)]);
  expect(nudges()[0]!.text).toContain('2021年9月14日（二）');
  await tick('2021-09-13');
  await tick('2021-09-14');
  expect(nudges().map((m) => m.chatId)).toEqual([String(people.po.id), String(people.po.id)]);
  await tick('2021-09-15');
  await tick('2021-09-16');
  const alerts = sentMessages(emu.server, TOKEN).filter((m) => m.text.includes('⚠️') && m.text.includes('回應期程公告'));
  expect(alerts.map((m) => m.chatId)).toEqual([String(GROUP)]);
  expect(alerts[0]!.text).toContain(`tg://user?id=${people.po.id}`);
});
