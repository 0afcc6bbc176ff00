import { slackHarness, type SlackHarness } from './support/harness';

// Found by the chaos soak (npm run soak): a card posted twice under one outbox key. Slack took
// the post, then the connection dropped before its answer (a timeout, a proxy's reset). The Web
// API client's own retries (retryConfig, 3 in production) sent chat.postMessage again at once,
// behind the outbox's back — the outbox's next attempt would first have looked the post up by
// its key (conversations.history) and found it. A post is now tried once per outbox attempt.

let h: SlackHarness;
afterEach(async () => h?.close());

test('a post Slack took whose answer was lost is found by its key on the outbox\'s next attempt, not posted again by the client', async () => {
  // Production's client retries, not the harness's default of none.
  h = await slackHarness({}, { retryConfig: { retries: 3, minTimeout: 10, maxTimeout: 10 } });
  const lost = h.fake.hold('chat.postMessage', () => true, { accept: true, reset: true });
  expect((await h.command('/propose', '公車路線整併')).status).toBe(200);
  await lost;
  await h.settled();
  // The outbox tries again later (its own backoff), and first asks Slack whether the post is there.
  h.app.clock.advance(60_000);
  await h.outbox.flush();
  await h.settled();
  const cards = [...h.fake.messages.values()].filter((m) => m.text.includes('公車路線整併'));
  // Before: 2 (the client's immediate retry posted it again).
  expect(cards).toHaveLength(1);
  expect(h.fake.callsTo('conversations.history').length).toBeGreaterThan(0);
  expect(h.app.store.links.find(`slack:C1#${cards[0]!.ts}`)).toEqual({ kind: 'issue', id: 1 });
});
