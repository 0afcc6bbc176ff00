// Issue 30, item 5: a platform that is down delays only its own copies. Slack answers 503 for a
// minute while Telegram keeps going (the real Bolt app and telegraf bot, one outbox); /healthz
// reports each platform's outbox; when Slack is back its copies go out in order, once each.
import { checkHealth } from '../../src/http/health';
import { blocksText } from '../slack/support/harness';
import { next, sentMessages } from '../telegram/support/emulator';
import { GROUP, TOKEN, twoPlatforms, type TwoPlatforms } from './support/two-platforms';

let n: TwoPlatforms;
afterEach(async () => {
  await n?.close();
});

const health = () =>
  checkHealth({ db: n.app.db, adapters: () => [n.slack, n.telegram], jobs: n.app.store.jobs, outbox: n.app.store.outbox, clock: n.app.clock, maxOutboxAgeMs: 30_000 });

test('Slack down (503) for a minute: Telegram copies go out at once, Slack ones wait and then go out in order, each once', async () => {
  n = await twoPlatforms();
  const amy = n.tgClient(11, 'Amy');
  n.fake.failNext('chat.postMessage', ...Array.from({ length: 50 }, () => ({ status: 503, body: { ok: false, error: 'service_unavailable' } })));
  const titles = ['公車路線整併', '長照交通接送', '數位身分證'];
  for (const title of titles) {
    const posted = next(n.emu, 'AddedBotMessage');
    await amy.sendCommand(amy.makeCommand(`/propose ${title}`));
    await posted;
    await n.settled();
    n.app.clock.advance(20_000);
  }
  // Telegram: every card, at once.
  const tgCards = sentMessages(n.emu, TOKEN).filter((m) => m.chatId === String(GROUP) && m.text.includes('<b>議題 #'));
  expect(tgCards.map((m) => /議題 #(\d+)/.exec(m.text)![1])).toEqual(['1', '2', '3']);
  // Slack: nothing yet; its copies wait in the outbox, and /healthz says so for Slack alone.
  expect(n.fake.messages.size).toBe(0);
  const down = health();
  expect(down.status).toBe('degraded');
  expect(down.checks.outbox.platforms!.slack).toMatchObject({ ok: false, pending: 3, dead: 0 });
  expect(down.checks.outbox.platforms!.telegram).toEqual({ ok: true, pending: 0, dead: 0, oldestPendingMs: 0 });

  // Back after a minute. A proposal made before the outbox's next flush does not jump the queue:
  // its Slack copy waits behind the three older ones.
  n.fake.recover('chat.postMessage');
  n.app.clock.advance(60_000);
  const posted = next(n.emu, 'AddedBotMessage');
  await amy.sendCommand(amy.makeCommand('/propose 第四個議題'));
  await posted;
  await n.settled();
  expect(n.fake.messages.size).toBe(0);
  // The flush: the waiting copies go out, oldest first, each once.
  await n.outbox.flush();
  await n.settled();
  const slackCards = [...n.fake.messages.values()].map((m) => /議題 #(\d+)/.exec(blocksText(m.blocks))![1]);
  expect(slackCards).toEqual(['1', '2', '3', '4']);
  for (const id of [1, 2, 3, 4]) expect(n.app.store.links.refsFor({ kind: 'issue', id })).toHaveLength(2);
  expect(sentMessages(n.emu, TOKEN).filter((m) => m.chatId === String(GROUP) && m.text.includes('<b>議題 #'))).toHaveLength(4);
  const up = health();
  expect(up.checks.outbox.platforms!.slack).toEqual({ ok: true, pending: 0, dead: 0, oldestPendingMs: 0 });
  expect(up.status).toBe('ok');
});
