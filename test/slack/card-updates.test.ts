import { CardUpdates } from '../../src/adapters/card-updates';
import { slackHarness, blocksText } from './support/harness';
import { reactionPayload, sendSigned } from '../support/slack/signed';

/** A sleep the test releases by hand, with a clock that jumps when it is released. */
function gate() {
  let t = 0;
  const waiting: { ms: number; resolve: () => void }[] = [];
  let onWait: (() => void) | undefined;
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        waiting.push({ ms, resolve });
        onWait?.();
      }),
    /** Resolves when a sleep is waiting to be released. */
    waited: () => (waiting.length ? Promise.resolve() : new Promise<void>((r) => (onWait = r))),
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
  const cards = new CardUpdates<string>(async (key, m) => void sent.push(`${key}=${m}`), { intervalMs: 1000, sleep: g.sleep, now: g.now });
  await cards.submit('a', 'v1');
  expect(sent).toEqual(['a=v1']);
  const done: string[] = [];
  const burst = ['v2', 'v3', 'v4'].map((v) => cards.submit('a', v).then(() => void done.push(v)));
  await cards.submit('b', 'w1'); // another card is not held back by the first
  expect(sent).toEqual(['a=v1', 'b=w1']);
  expect(g.waiting.map((w) => w.ms)).toEqual([1000]);
  expect(done).toEqual([]);
  g.release();
  await Promise.all(burst);
  // Every caller of the burst learns its content was superseded by what is now on the card.
  expect(sent).toEqual(['a=v1', 'b=w1', 'a=v4']);
  expect(done).toEqual(['v2', 'v3', 'v4']);
  await cards.settled();
});

test('a failed send rejects its callers; later content still goes out', async () => {
  const g = gate();
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
    { intervalMs: 0, sleep: g.sleep, now: g.now },
  );
  await expect(cards.submit('a', 'v1')).rejects.toThrow('boom');
  await cards.submit('a', 'v2');
  expect(sent).toEqual(['v2']);
});

test('over HTTP, a burst of votes on one card costs one update at once and few after, and the card ends right', async () => {
  const g = gate();
  const h = await slackHarness({}, { cardUpdateIntervalMs: 1000, sleep: g.sleep });
  try {
    await h.command('/propose', '公車路線整併');
    const ts = [...h.fake.messages.values()][0]!.ts;
    const vote = (i: number) => sendSigned(h.eventsUrl, JSON.stringify(reactionPayload({ eventId: `Ev${i}`, user: `UA${i}`, ts })), 'application/json');
    expect((await vote(0)).status).toBe(200);
    // The answer means the vote is stored; its card update follows (not waited for by Slack).
    await h.settled();
    expect(h.fake.callsTo('chat.update').length).toBe(1);
    // Four more at once. The first of them finds the card updated just now: its update waits
    // for the interval while the other three are stored (each request is answered once its
    // vote is stored).
    const rest = Promise.all([1, 2, 3, 4].map(vote));
    await g.waited();
    while (h.votes() < 5) await new Promise((r) => setImmediate(r));
    g.release();
    // Then one more update carries the newest tally, after another interval.
    await g.waited();
    g.release();
    expect((await rest).every((r) => r.status === 200)).toBe(true);
    await h.settled();
    const updates = h.fake.callsTo('chat.update');
    expect(updates.length).toBe(3);
    expect(blocksText(updates[0]!.params.blocks)).toContain('👍 1 票');
    expect(blocksText(updates[2]!.params.blocks)).toContain('👍 5 票');
    expect(g.waiting.length).toBe(0);
  } finally {
    while (g.waiting.length) g.release();
    await h.close();
  }
});
