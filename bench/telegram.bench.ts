import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { Agent, request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Telegraf } from 'telegraf';
import type { Update } from 'telegraf/types';
import { createApp } from '../src/app';
import { Outbox } from '../src/core/delivery/outbox';
import { startBackgroundCheckpoints } from '../src/store/wal-checkpoints';
import { parseConfig } from '../src/config/load';
import { ManualClock } from '../src/core/clock';
import { silentLogger } from '../src/core/logger';
import { AdapterHub } from '../src/adapters/hub';
import { TelegramAdapter } from '../src/adapters/telegram/telegram.adapter';
import { listen, webhookListener } from '../src/adapters/telegram/telegram.webhook';
import type { Bench, BenchLine } from './harness';

const TOKEN = '4242:bench-token';
const SECRET = 'bench-secret';
const PATH = '/telegram';
const GROUP = -100123;
const CARDS = 200;
const CONCURRENCY = 8;
/** Telegram's default max_connections for a webhook: how many deliveries it may have open. */
const TELEGRAM_DEFAULT_CONNECTIONS = 40;

type Post = (body: string) => Promise<void>;

/** Keep-alive POSTs of update JSON with the secret header, as Telegram delivers them. */
function poster(port: number): Post {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  return (body) =>
    new Promise((resolve, reject) => {
      const headers = { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': SECRET };
      const req = request({ host: '127.0.0.1', port, path: PATH, method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`webhook answered ${res.statusCode}`))));
      });
      req.on('error', reject);
      req.end(body);
    });
}

const group = { id: GROUP, type: 'supergroup', title: 'PO' };

/** A reaction by a new person on one of the cards: with 👍 every update stores a vote. */
function reaction(i: number, cardIds: readonly number[], emoji: string): string {
  const user = 10_000 + Math.floor(i / cardIds.length);
  return JSON.stringify({
    update_id: 1_000_000 + i,
    message_reaction: {
      chat: group,
      message_id: cardIds[i % cardIds.length],
      user: { id: user, is_bot: false, first_name: `PO ${user}` },
      date: 1_790_000_000,
      old_reaction: [],
      new_reaction: [{ type: 'emoji', emoji }],
    },
  });
}

/** A side under test: sends one batch of `concurrency` updates, numbered across runs. */
function side(post: Post, body: (i: number) => string, concurrency: number, next: { n: number }): () => Promise<number> {
  return async () => {
    const batch: Promise<void>[] = [];
    for (let k = 0; k < concurrency; k++) batch.push(post(body(next.n++)));
    await Promise.all(batch);
    return concurrency;
  };
}

async function slice(run: () => Promise<number>, ms: number): Promise<{ n: number; ns: bigint }> {
  const start = process.hrtime.bigint();
  const budget = BigInt(ms) * 1_000_000n;
  let n = 0;
  while (process.hrtime.bigint() - start < budget) n += await run();
  return { n, ns: process.hrtime.bigint() - start };
}

/**
 * Updates per second of each side, measured in alternating 250 ms slices so that the load of
 * a shared machine falls on both alike. `settle` (untimed) lets our updates finish after each
 * of our slices, so none of them runs inside the bare bot's next slice.
 */
async function pair(base: () => Promise<number>, ours: () => Promise<number>, settle: () => Promise<void>, totalMs = 3000): Promise<[number, number]> {
  await slice(base, 200);
  await slice(ours, 200);
  await settle();
  const sum = { b: 0, bns: 0n, o: 0, ons: 0n };
  for (let spent = 0; spent < totalMs; spent += 500) {
    const b = await slice(base, 250);
    const o = await slice(ours, 250);
    await settle();
    sum.b += b.n;
    sum.bns += b.ns;
    sum.o += o.n;
    sum.ons += o.ns;
  }
  await settle();
  return [sum.b / (Number(sum.bns) / 1e9), sum.o / (Number(sum.ons) / 1e9)];
}

async function startFakeApi(): Promise<{ child: ChildProcess; apiRoot: string }> {
  const child = fork(join(__dirname, 'support', 'fake-bot-api.process.ts'), [], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const [msg] = (await once(child, 'message')) as [{ apiRoot: string }];
  return { child, apiRoot: msg.apiRoot };
}

async function stats(child: ChildProcess): Promise<{ sends: number; edits: number }> {
  child.send('stats');
  const [msg] = (await once(child, 'message')) as [{ sends: number; edits: number }];
  return msg;
}

/**
 * Webhook updates per second through our bot against a bare telegraf bot with an empty handler
 * behind the same webhook server code, one load generator in this process for both. The bare
 * bot gets each update through telegraf's handleUpdate (context, middleware, its client per
 * update); our adapter's listener hands updates to the adapter without those. The Bot API
 * is a fake in a child process (the far side of the network) answering at once.
 */
export const telegramBench: Bench = {
  name: 'telegram',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'po-bench-tg-'));
    const { child, apiRoot } = await startFakeApi();
    try {
      const bare = new Telegraf(TOKEN, { telegram: { apiRoot, webhookReply: false } });
      bare.botInfo = { id: 4242, is_bot: true, first_name: 'PO Bot', username: 'po_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
      bare.use(() => {});
      const bareServer = await listen(webhookListener((update) => bare.handleUpdate(update as Update), { path: PATH, secret: SECRET, logger: silentLogger }), 0, '127.0.0.1');

      const databasePath = join(dir, 'app.sqlite');
      const app = createApp({ config: parseConfig({}), databasePath, clock: new ManualClock(new Date('2026-12-01T02:00:00Z')), logger: silentLogger });
      // As main.ts: WAL checkpoints on their own thread, every post and edit through the outbox.
      const checkpoints = startBackgroundCheckpoints(app.db.$client, databasePath, silentLogger);
      const hub = new AdapterHub();
      app.bot.setDelivery(new Outbox(app.store.outbox, hub, app.store.links, app.bot.services.clock, silentLogger));
      const adapter = new TelegramAdapter({
        token: TOKEN,
        apiRoot,
        mode: { kind: 'webhook', url: `https://bench.example${PATH}`, secret: SECRET, path: PATH, port: 0, host: '127.0.0.1' },
        locale: 'zh-TW',
        voteReactions: app.config.voting.reactions,
        voteEmoji: app.config.voting.emoji,
        listCommands: () => app.bot.listCommands(),
        logger: silentLogger,
      });
      hub.add(adapter);
      // As main.ts: with the committed hook the webhook is answered once the vote is stored.
      await adapter.start((e, hooks) => app.bot.dispatch(e, hooks));
      const actor = { platform: 'telegram' as const, id: '1', name: 'Amy' };
      for (let i = 1; i <= CARDS; i++) {
        await app.bot.dispatch({ kind: 'command', name: 'propose', args: `議題 ${i} #交通部`, actor, chat: `telegram:${GROUP}` });
      }
      const cardIds = Array.from({ length: CARDS }, (_, i) => Number(app.store.links.refsFor({ kind: 'issue', id: i + 1 })[0]!.split('#')[1]));

      const ours = poster(adapter.webhookPort!);
      const base = poster(bareServer.port);
      // Card edits are paced per chat (one per 4 s, as deployed), so they cost next to nothing
      // and are not waited for; what must be done before the bare bot's slice is every update.
      const settle = () => adapter.handled();
      // Both sides get the same update bodies; each side's update ids are its own sequence.
      const vote = (i: number) => reaction(i, cardIds, '👍');
      const other = (i: number) => reaction(500_000 + i, cardIds, '🔥');
      const b = { n: 0 };
      const o = { n: 0 };
      const [b1, v1] = await pair(side(base, vote, 1, b), side(ours, vote, 1, o), settle);
      const [bC, vC] = await pair(side(base, vote, CONCURRENCY, b), side(ours, vote, CONCURRENCY, o), settle);
      const [bT, vT] = await pair(side(base, vote, TELEGRAM_DEFAULT_CONNECTIONS, b), side(ours, vote, TELEGRAM_DEFAULT_CONNECTIONS, o), settle);
      const delivered = o.n;
      const [bO, oO] = await pair(side(base, other, 1, b), side(ours, other, 1, o), settle);

      const votes = (app.db.$client.prepare('select count(*) as n from votes').get() as { n: number }).n;
      const { edits } = await stats(child);
      await adapter.stop();
      await bareServer.close();
      await checkpoints.stop();
      app.close();
      const line = (name: string, value: number, baseline: number): BenchLine => ({
        name,
        value,
        unit: 'updates/s',
        baseline: { name: 'bare telegraf', value: baseline },
        target: '>= 0.8 of bare',
        pass: value / baseline >= 0.8,
      });
      return [
        { name: 'bare telegraf, empty handler, 1 at a time', value: b1, unit: 'updates/s' },
        line('po-bot 👍 votes (stored, card edit queued), 1 at a time', v1, b1),
        { name: `bare telegraf, empty handler, ${CONCURRENCY} concurrent`, value: bC, unit: 'updates/s' },
        line(`po-bot 👍 votes, ${CONCURRENCY} concurrent`, vC, bC),
        {
          name: `  for reference: 👍 votes, ${TELEGRAM_DEFAULT_CONNECTIONS} concurrent (Telegram's default max_connections)`,
          value: vT,
          unit: 'updates/s',
          baseline: { name: 'bare telegraf', value: bT },
        },
        line('po-bot other reactions (validated, ignored: adapter overhead only)', oO, bO),
        { name: `votes stored (sanity: one per 👍 update, ${delivered} delivered)`, value: votes, unit: 'rows' },
        { name: 'card edits sent (coalesced per card)', value: edits, unit: 'edits' },
      ];
    } finally {
      child.send('stop');
      await once(child, 'exit');
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
