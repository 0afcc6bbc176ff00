import { CardUpdates } from '../../src/adapters/slack/card-updates';
import { RecordingLogger } from '../support/recording-logger';
import { slackHarness, blocksText } from './support/harness';
import { reactionPayload, sendSigned } from '../support/slack/signed';

/** A sleep the test releases by hand, with a clock that jumps when it is released. */
function gate() {
  let t = 0;
  const waiting: { ms: number; resolve: () => void }[] = [];
  return {
    now: () => t,
    sleep: (ms: number) => new Promise<void>((resolve) => waiting.push({ ms, resolve })),
    waiting,
    release() {
      const w = waiting.shift()!;
      t += w.ms;
      w.resolve();
    },
  };
}

test('the first update goes at once; a burst collapses into one trailing update with the latest content', async () => {
  const g = gate();
  const sent: string[] = [];
  const cards = new CardUpdates<string>(async (key, m) => void sent.push(`${key}=${m}`), { intervalMs: 1000, sleep: g.sleep, now: g.now, logger: new RecordingLogger() });
  cards.submit('a', 'v1');
  await Promise.resolve();
  expect(sent).toEqual(['a=v1']);
  for (const v of ['v2', 'v3', 'v4']) cards.submit('a', v);
  cards.submit('b', 'w1'); // another card is not held back by the first
  await new Promise((r) => setImmediate(r));
  expect(sent).toEqual(['a=v1', 'b=w1']);
  expect(g.waiting.map((w) => w.ms)).toEqual([1000]);
  g.release();
  await cards.settled();
  expect(sent).toEqual(['a=v1', 'b=w1', 'a=v4']);
});

test('a failed send is logged and later content still goes out', async () => {
  const g = gate();
  const logger = new RecordingLogger();
  let fail = true;
  const sent: string[] = [];
  const cards = new CardUpdates<string>(
    async (_key, m) => {
      if (fail) {
        fail = false;
        throw new Error('boom');
      }
      sent.push(m);
    },
    { intervalMs: 0, sleep: g.sleep, now: g.now, logger },
  );
  cards.submit('a', 'v1');
  await cards.settled();
  cards.submit('a', 'v2');
  await cards.settled();
  expect(sent).toEqual(['v2']);
  expect(logger.entries.filter((e) => e.msg === 'slack: card update failed').length).toBe(1);
});

test('over HTTP, five quick votes on one card cost two chat.update calls and the card ends right', async () => {
  const g = gate();
  const h = await slackHarness({}, { cardUpdateIntervalMs: 1000, sleep: g.sleep });
  try {
    await h.command('/propose', '公車路線整併');
    const ts = [...h.fake.messages.values()][0]!.ts;
    for (const [i, user] of ['UA1', 'UA2', 'UA3', 'UA4', 'UA5'].entries()) {
      expect((await sendSigned(h.eventsUrl, JSON.stringify(reactionPayload({ eventId: `Ev${i}`, user, ts })), 'application/json')).status).toBe(200);
    }
    expect(h.votes()).toBe(5);
    await h.fake.waitFor('chat.update');
    expect(h.fake.callsTo('chat.update').length).toBe(1);
    expect(g.waiting.length).toBe(1);
    g.release();
    await h.adapter.settled();
    const updates = h.fake.callsTo('chat.update');
    expect(updates.length).toBe(2);
    expect(blocksText(updates[0]!.params.blocks)).toContain('👍 1 票');
    expect(blocksText(updates[1]!.params.blocks)).toContain('👍 5 票');
  } finally {
    while (g.waiting.length) g.release();
    await h.close();
  }
});
