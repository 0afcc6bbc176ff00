import { CardUpdates, CardUpdatesStopped } from '../../src/adapters/card-updates';
import { realSleep } from '../../src/adapters/real-sleep';
import { gate } from '../support/gate';

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

test('cards of one group (a Telegram chat) take turns: one update per gap, each sending its newest content', async () => {
  const g = gate();
  const sent: string[] = [];
  const chatOf = (key: string) => key.split('#')[0]!;
  const cards = new CardUpdates<string>(async (key, m) => void sent.push(`${key}=${m}`), { intervalMs: 1000, sleep: g.sleep, now: g.now, groupOf: chatOf, groupGapMs: 4000 });
  const a = cards.submit('g1#a', 'a1');
  const b = cards.submit('g1#b', 'b1');
  const other = cards.submit('g2#c', 'c1');
  await a;
  await other;
  // The first card of each chat goes at once; the second card of g1 waits for the chat's gap.
  expect(sent).toEqual(['g1#a=a1', 'g2#c=c1']);
  expect(g.waiting.map((w) => w.ms)).toEqual([4000]);
  const b2 = cards.submit('g1#b', 'b2');
  g.release();
  await Promise.all([b, b2]);
  // Waiting for its turn, the card picked up the newer tally: one edit, the latest content.
  expect(sent).toEqual(['g1#a=a1', 'g2#c=c1', 'g1#b=b2']);
  await cards.settled();
});

test('stop() gives up on updates waiting for their turn at once, and refuses new ones', async () => {
  const g = gate();
  const sent: string[] = [];
  const cards = new CardUpdates<string>(async (key, m) => void sent.push(`${key}=${m}`), { intervalMs: 60_000, sleep: g.sleep, now: g.now });
  await cards.submit('a', 'v1');
  const waiting = cards.submit('a', 'v2');
  await g.waited();
  cards.stop();
  await expect(waiting).rejects.toBeInstanceOf(CardUpdatesStopped);
  await expect(cards.submit('b', 'w1')).rejects.toBeInstanceOf(CardUpdatesStopped);
  await cards.settled();
  expect(sent).toEqual(['a=v1']);
});

test('the real sleep ends at once when its signal is aborted, leaving no timer behind', async () => {
  const stop = new AbortController();
  const started = Date.now();
  const waiting = realSleep(60_000, stop.signal);
  stop.abort();
  await waiting;
  expect(Date.now() - started).toBeLessThan(1000);
  await realSleep(60_000, stop.signal);
  expect(Date.now() - started).toBeLessThan(1000);
});
