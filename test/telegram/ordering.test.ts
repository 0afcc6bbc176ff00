// Which updates wait for which: the real app and adapter, with the real dispatch wrapped so a
// test can hold events and see which ones are being handled at the same time.
import { FakeBotApi } from './support/fake-bot-api';
import { startTelegramApp, count, type TelegramTestApp } from './support/telegram-app';
import type { Dispatch } from '../../src/adapters/chat-adapter';
import type { InboundEvent } from '../../src/core/types';

const TOKEN = '4242:ordering-token';
const GROUP = -100333;
const group = { id: GROUP, type: 'supergroup', title: 'PO 群組' };
const amy = { id: 11, is_bot: false, first_name: 'Amy' };
const ben = { id: 12, is_bot: false, first_name: 'Ben' };
let updateId = 1;

let api: FakeBotApi;
let t: TelegramTestApp;
/** Events that reached dispatch, in order. */
let started: InboundEvent[];
/** While set, dispatch waits for it before (`before`) or after (`after`) the real one. */
let hold: { before?: Promise<void>; after?: Promise<void> };

/** Every gate made, opened after each test so a failing one does not leave handlers hanging. */
let gates: (() => void)[] = [];

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((r) => (open = r));
  gates.push(open);
  return { wait, open };
}

const held = (d: Dispatch): Dispatch => async (e, hooks) => {
  started.push(e);
  await hold.before;
  const answer = await d(e, hooks);
  await hold.after;
  return answer;
};

function reaction(from: typeof amy, messageId: number, oldR: string[], newR: string[]) {
  return {
    update_id: ++updateId,
    message_reaction: {
      chat: group,
      message_id: messageId,
      user: from,
      date: 0,
      old_reaction: oldR.map((emoji) => ({ type: 'emoji', emoji })),
      new_reaction: newR.map((emoji) => ({ type: 'emoji', emoji })),
    },
  };
}

/** A press of the vote button on issue `issue`'s card. */
function press(from: typeof amy, messageId: number, issue: number) {
  return { update_id: ++updateId, callback_query: { id: `q${updateId}`, from, chat_instance: '1', message: { message_id: messageId, date: 0, chat: group }, data: `vote:${issue}` } };
}

function command(text: string) {
  return { update_id: ++updateId, message: { message_id: updateId, date: 0, chat: group, from: amy, text } };
}

const turn = () => new Promise((r) => setImmediate(r));

/** Proposes an issue; its card's message id. */
async function card(title: string): Promise<number> {
  await t.adapter.handleUpdate(command(`/propose ${title}`));
  await t.settled();
  const id = count(t.app, 'issues');
  return Number(t.app.store.links.refsFor({ kind: 'issue', id })[0]!.split('#')[1]);
}

beforeEach(async () => {
  started = [];
  hold = {};
  api = new FakeBotApi();
  await api.start();
  t = await startTelegramApp({
    apiRoot: api.apiRoot,
    token: TOKEN,
    mode: { kind: 'webhook', url: 'https://po-bot.example/hook', secret: 'ordering-secret', path: '/hook', port: 0, host: '127.0.0.1' },
    wrapDispatch: held,
  });
});

afterEach(async () => {
  for (const open of gates) open();
  gates = [];
  await t?.close();
  await api?.stop();
});

test('votes by different people or on different cards are handled side by side; one person on one card in order, reaction or button', async () => {
  const [a, b] = [await card('議題一'), await card('議題二')];
  started = [];
  const g = gate();
  hold.before = g.wait;
  const done = [
    t.adapter.handleUpdate(reaction(amy, a, [], ['👍'])),
    t.adapter.handleUpdate(reaction(ben, a, [], ['👍'])),
    t.adapter.handleUpdate(reaction(amy, b, [], ['👍'])),
    // Amy takes back her vote on the first card, then presses its button (votes again): both
    // must wait for her vote there, in this order.
    t.adapter.handleUpdate(reaction(amy, a, ['👍'], [])),
    t.adapter.handleUpdate(press(amy, a, 1)),
  ];
  await turn();
  expect(started.map((e) => e.kind === 'reaction' && `${e.actor.name} ${e.target.split('#')[1]} ${e.added}`)).toEqual([`Amy ${a} true`, `Ben ${a} true`, `Amy ${b} true`]);
  g.open();
  await Promise.all(done);
  await t.settled();
  expect(started).toHaveLength(5);
  // Out of order (the press before the un-👍) would leave Amy without a vote on the first card.
  expect(count(t.app, 'votes')).toBe(3);
});

test('commands in one chat are handled one after another', async () => {
  const g = gate();
  hold.before = g.wait;
  const done = [t.adapter.handleUpdate(command('/propose 甲')), t.adapter.handleUpdate(command('/propose 乙'))];
  await turn();
  expect(started).toHaveLength(1);
  g.open();
  await Promise.all(done);
  await t.settled();
  expect(count(t.app, 'issues')).toBe(2);
  const texts = api.callsTo('sendMessage').map((c) => String(c.body.text));
  expect(texts.findIndex((s) => s.includes('甲'))).toBeLessThan(texts.findIndex((s) => s.includes('乙')));
});

test('an update is reported handled once it is stored, before its answer goes out; idle() waits for the rest', async () => {
  const g = gate();
  hold.after = g.wait;
  const sent = api.callsTo('sendMessage').length;
  await t.adapter.handleUpdate(command('/propose 先存後答'));
  // Stored (Telegram may be answered now) while the card is not posted yet.
  expect(count(t.app, 'issues')).toBe(1);
  expect(api.callsTo('sendMessage')).toHaveLength(sent);
  let idle = false;
  const waiting = t.adapter.idle().then(() => (idle = true));
  await turn();
  expect(idle).toBe(false);
  g.open();
  await waiting;
  expect(api.callsTo('sendMessage').length).toBeGreaterThan(sent);
});
