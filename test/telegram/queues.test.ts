import { SerialQueue } from '../../src/adapters/telegram/telegram.queues';
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
