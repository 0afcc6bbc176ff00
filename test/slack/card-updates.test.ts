import { gate } from '../support/gate';
import { slackHarness, blocksText } from './support/harness';
import { reactionPayload, sendSigned } from '../support/slack/signed';

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

test('chat.update calls of the whole app take turns (Slack limits each method per workspace)', async () => {
  const h = await slackHarness({}, { updateGapMs: 1200 });
  try {
    await h.command('/propose', '議題甲');
    await h.command('/propose', '議題乙');
    const [a, b] = [...h.fake.messages.values()].map((m) => m.ts);
    await h.reaction({ eventId: 'EvA', user: 'UBOB', ts: a! });
    await h.reaction({ eventId: 'EvB', user: 'UBOB', ts: b! });
    const updates = h.fake.callsTo('chat.update');
    expect(updates.map((u) => u.params.ts)).toEqual([a, b]);
    expect(blocksText(updates[1]!.params.blocks)).toContain('👍 1 票');
    // The second card's update waited for the app's next turn (recorded, not slept).
    const gaps = h.waits.filter((ms) => ms > 1000);
    expect(gaps).toHaveLength(1);
    expect(gaps[0]).toBeLessThanOrEqual(1200);
  } finally {
    await h.close();
  }
});
