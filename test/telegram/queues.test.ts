import { LatestWins, SerialQueue } from '../../src/adapters/telegram/telegram.queues';
import { withFloodRetry } from '../../src/adapters/telegram/telegram.retry';
import { TelegramError } from 'telegraf';
import { silentLogger } from '../../src/core/logger';

/** A promise the test resolves by hand. */
function gate() {
  let open!: () => void;
  const p = new Promise<void>((r) => (open = r));
  return { p, open };
}

test('SerialQueue runs one chat in order, other chats alongside, and survives a failing task', async () => {
  const q = new SerialQueue();
  const log: string[] = [];
  const first = gate();
  const a1 = q.run('a', async () => {
    await first.p;
    log.push('a1');
  });
  const a2 = q.run('a', async () => {
    log.push('a2');
    throw new Error('boom');
  });
  const a3 = q.run('a', async () => void log.push('a3'));
  await q.run('b', async () => void log.push('b1'));
  expect(log).toEqual(['b1']);
  first.open();
  await a1;
  await expect(a2).rejects.toThrow('boom');
  await a3;
  await q.idle();
  expect(log).toEqual(['b1', 'a1', 'a2', 'a3']);
});

test('LatestWins edits a card at once, then at most once per interval with the latest value', async () => {
  const sent: string[] = [];
  let clock = 0;
  const waits: { ms: number; go: () => void }[] = [];
  const inFlight = gate();
  let calls = 0;
  const edits = new LatestWins<string, string>(
    async (key, value) => {
      sent.push(`${key}=${value}`);
      if (++calls === 1) await inFlight.p;
    },
    { intervalMs: 1000, now: () => clock, wait: (ms) => new Promise<void>((go) => waits.push({ ms, go })) },
  );
  edits.push('card1', 'tally 1');
  edits.push('card1', 'tally 2');
  edits.push('card1', 'tally 3');
  edits.push('card2', 'tally 1');
  expect(sent).toEqual(['card1=tally 1', 'card2=tally 1']);
  clock = 300;
  inFlight.open();
  await new Promise((r) => setImmediate(r));
  // card1 has a newer value 300 ms after its last edit: it waits out the rest of the second.
  expect(waits.map((w) => w.ms)).toEqual([700]);
  edits.push('card1', 'tally 4');
  clock = 1000;
  waits[0]!.go();
  await edits.idle();
  expect(sent).toEqual(['card1=tally 1', 'card2=tally 1', 'card1=tally 4']);
  // Idle for a while, the next edit goes at once; a quick one after it waits again.
  clock = 5000;
  edits.push('card2', 'tally 2');
  await edits.idle();
  expect(waits).toHaveLength(1);
  clock = 5100;
  edits.push('card2', 'tally 3');
  await new Promise((r) => setImmediate(r));
  expect(waits.map((w) => w.ms)).toEqual([700, 900]);
  waits[1]!.go();
  await edits.idle();
  expect(sent.slice(-2)).toEqual(['card2=tally 2', 'card2=tally 3']);
});

test('withFloodRetry waits retry_after on 429 only, and gives up after its attempts', async () => {
  const waits: number[] = [];
  const opts = { sleep: async (ms: number) => void waits.push(ms), logger: silentLogger, attempts: 3 };
  const tooMany = () => new TelegramError({ error_code: 429, description: 'Too Many Requests', parameters: { retry_after: 2 } });
  let n = 0;
  await expect(withFloodRetry('sendMessage', async () => (++n < 3 ? Promise.reject(tooMany()) : 'sent'), opts)).resolves.toBe('sent');
  expect(waits).toEqual([2000, 2000]);
  await expect(withFloodRetry('sendMessage', async () => Promise.reject(tooMany()), opts)).rejects.toThrow('429');
  n = 0;
  const forbidden = new TelegramError({ error_code: 403, description: 'Forbidden: bot was kicked' });
  await expect(withFloodRetry('sendMessage', async () => (n++, Promise.reject(forbidden)), opts)).rejects.toBe(forbidden);
  expect(n).toBe(1);
});
