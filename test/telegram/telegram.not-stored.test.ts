// An update is confirmed to Telegram only once it is stored (issue 14, item 1): the webhook
// answers 503 (Telegram sends it again), polling asks for it again (its offset stays on it).
import { FakeBotApi } from './support/fake-bot-api';
import { startTelegramApp, count, type TelegramTestApp } from './support/telegram-app';
import { postUpdate, within } from './support/net';
import { fillDisk, healthz, holdWriteLock } from '../support/store-faults';

const TOKEN = '4242:fake-api-token';
const SECRET = 'fake-secret';
const PATH = '/hook';
const GROUP = -100900;
const group = { id: GROUP, type: 'supergroup', title: 'PO 群組' };
let updateId = 1;

let api: FakeBotApi;
let t: TelegramTestApp;

const person = (id: number) => ({ id, is_bot: false, first_name: `P${id}` });

function command(text: string, from = person(11)) {
  return { update_id: ++updateId, message: { message_id: updateId, date: 0, chat: group, from, text } };
}

function reaction(from: { id: number }, messageId: number) {
  return {
    update_id: ++updateId,
    message_reaction: { chat: group, message_id: messageId, user: from, date: 0, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] },
  };
}

const voters = () => (t.app.db.$client.prepare('select u.platform_user_id as id from votes v join users u on u.id = v.user_id').pluck().all() as string[]).map(Number).sort((a, b) => a - b);

beforeEach(async () => {
  api = new FakeBotApi();
  await api.start();
});

afterEach(async () => {
  await t?.close();
  await api.stop();
});

describe('webhook', () => {
  let url: string;
  let health: Awaited<ReturnType<typeof healthz>>;
  let card: number;

  beforeEach(async () => {
    t = await startTelegramApp({ apiRoot: api.apiRoot, token: TOKEN, mode: { kind: 'webhook', url: `https://po-bot.example${PATH}`, secret: SECRET, path: PATH, port: 0, host: '127.0.0.1' } });
    url = `http://127.0.0.1:${t.adapter.webhookPort}${PATH}`;
    health = await healthz(t.app);
    expect((await postUpdate(url, command('/propose 公車路線整併'), SECRET)).status).toBe(200);
    await t.settled();
    const ref = t.app.store.links.refsFor({ kind: 'issue', id: 1 })[0]!;
    card = Number(ref.slice(ref.indexOf('#') + 1));
  });

  afterEach(async () => {
    await health.close();
  });

  test('disk full: a reaction that could not be stored is answered 503, not 200; /healthz 503; once freed, Telegram\'s resends store every vote once', async () => {
    const disk = fillDisk(t.app);
    const updates: ReturnType<typeof reaction>[] = [];
    const status = new Map<number, number>();
    // Votes until the file has no room left for some (a vote that fits a page's free space is stored).
    while ([...status.values()].filter((s) => s !== 200).length < 10 && updates.length < 1200) {
      const batch = Array.from({ length: 24 }, (_, i) => reaction(person(1000 + updates.length + i), card));
      updates.push(...batch);
      const res = await Promise.all(batch.map((u) => postUpdate(url, u, SECRET)));
      batch.forEach((u, j) => status.set(u.message_reaction.user.id, res[j]!.status));
    }
    await t.settled();
    const acked = [...status].filter(([, s]) => s === 200).map(([id]) => id);
    const refused = updates.filter((u) => status.get(u.message_reaction.user.id) !== 200);
    expect(refused.length).toBeGreaterThan(0);
    expect(new Set(refused.map((u) => status.get(u.message_reaction.user.id)))).toEqual(new Set([503]));
    expect(voters()).toEqual(acked.sort((a, b) => a - b));
    // One more vote on its own until one finds no room: /healthz says so until a write succeeds.
    for (let res = 200; res === 200; ) {
      const u = reaction(person(1000 + updates.length), card);
      updates.push(u);
      res = (await postUpdate(url, u, SECRET)).status;
      if (res !== 200) refused.push(u);
    }
    expect(await health.get()).toBe(503);

    disk.free();
    for (const u of refused) expect((await postUpdate(url, u, SECRET)).status).toBe(200);
    expect((await postUpdate(url, updates[0], SECRET)).status).toBe(200);
    await t.settled();
    expect(voters()).toEqual(updates.map((u) => u.message_reaction.user.id));
    expect(await health.get()).toBe(200);
  });

  test('write lock held by another process: a command is answered 503 and the person gets a short error; the resend is stored once', async () => {
    const propose = command('/propose 第二案');
    const lock = holdWriteLock(t.app);
    try {
      expect((await postUpdate(url, propose, SECRET)).status).toBe(503);
      await t.settled();
      expect(String(api.callsTo('sendMessage').at(-1)!.body.text)).toContain('暫時無法儲存');
      expect(count(t.app, 'issues')).toBe(1);
      expect(await health.get()).toBe(503);
      // A reaction too.
      expect((await postUpdate(url, reaction(person(12), card), SECRET)).status).toBe(503);
    } finally {
      lock.release();
    }
    expect((await postUpdate(url, propose, SECRET)).status).toBe(200);
    expect((await postUpdate(url, propose, SECRET)).status).toBe(200);
    await t.settled();
    expect(count(t.app, 'issues')).toBe(2);
    expect(await health.get()).toBe(200);
  });
});

test('polling: an update that could not be stored is asked for again (offset stays on it), then stored once', async () => {
  api.script('getUpdates', { json: { ok: true, result: [command('/propose 公車路線整併')] } });
  t = await startTelegramApp({ apiRoot: api.apiRoot, token: TOKEN, mode: { kind: 'polling' } });
  await within(api.waitForCalls('sendMessage', 1), 3000, 'the card');
  await t.settled();
  const ref = t.app.store.links.refsFor({ kind: 'issue', id: 1 })[0]!;
  const card = Number(ref.slice(ref.indexOf('#') + 1));

  const vote = reaction(person(12), card);
  const lock = holdWriteLock(t.app);
  try {
    const from = api.callsTo('getUpdates').length;
    api.script('getUpdates', { json: { ok: true, result: [vote] } });
    // Refused: the poller waits, then asks again from that update, not past it.
    await within(until(() => t.sleeps.length > 0), 3000, 'the refusal');
    const seen = api.callsTo('getUpdates').length;
    await within(api.waitForCalls('getUpdates', seen + 2), 3000, 'getUpdates again');
    const offsets = api.callsTo('getUpdates').slice(from).map((c) => c.body.offset as number);
    expect(Math.max(...offsets)).toBe(vote.update_id);
    expect(offsets.at(-1)).toBe(vote.update_id);
    expect(count(t.app, 'votes')).toBe(0);
  } finally {
    lock.release();
  }
  // Telegram sends it again (with whatever came after it); now it is stored and confirmed.
  api.script('getUpdates', { json: { ok: true, result: [vote] } });
  const n = api.callsTo('getUpdates').length;
  await within(
    new Promise<void>((resolve) => {
      const check = () => api.callsTo('getUpdates').slice(n).some((c) => c.body.offset === vote.update_id + 1) && (api.off('call', check), resolve());
      api.on('call', check);
    }),
    3000,
    'the offset past the stored update',
  );
  await t.settled();
  expect(count(t.app, 'votes')).toBe(1);
});

/** Resolves once `cond` holds, checking every 5 ms. */
function until(cond: () => boolean): Promise<void> {
  return new Promise((resolve) => {
    const tick = () => (cond() ? resolve() : setTimeout(tick, 5));
    tick();
  });
}
