import Database from 'better-sqlite3';
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
import { webhookListener } from '../src/adapters/telegram/telegram.webhook';
import { listen, type ListeningServer } from '../src/http/http-server';
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

/** A side of a comparison: sends one batch; `settle` (untimed) lets its background work finish. */
interface Side {
  run: () => Promise<number>;
  settle?: () => Promise<void>;
}

/**
 * Updates per second of each side, measured in alternating 250 ms slices so that the load of
 * a shared machine falls on all alike. A side's `settle` runs (untimed) after each of its
 * slices, so none of its work runs inside the next side's slice.
 */
async function rates<T extends readonly Side[]>(sides: readonly [...T], totalMs = 3000): Promise<{ [K in keyof T]: number }> {
  for (const side of sides) {
    await slice(side.run, 200);
    await side.settle?.();
  }
  const sum = sides.map(() => ({ n: 0, ns: 0n }));
  for (let spent = 0; spent < totalMs; spent += 500) {
    for (const [i, side] of sides.entries()) {
      const r = await slice(side.run, 250);
      await side.settle?.();
      sum[i]!.n += r.n;
      sum[i]!.ns += r.ns;
    }
  }
  return sum.map((x) => x.n / (Number(x.ns) / 1e9)) as { [K in keyof T]: number };
}

/** A telegraf bot as a webhook would run it, with `handle` as its only middleware. */
function bareTelegraf(apiRoot: string, handle: (u: Update.MessageReactionUpdate) => void): Telegraf {
  const bot = new Telegraf(TOKEN, { telegram: { apiRoot, webhookReply: false } });
  bot.botInfo = { id: 4242, is_bot: true, first_name: 'PO Bot', username: 'po_test_bot', can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false };
  bot.use((ctx) => handle(ctx.update as Update.MessageReactionUpdate));
  return bot;
}

/** Behind the same webhook listener as our adapter: only what happens per update differs. */
function serve(bot: Telegraf): Promise<ListeningServer> {
  return listen(webhookListener((update) => bot.handleUpdate(update as Update), { path: PATH, secret: SECRET, logger: silentLogger }), 0, '127.0.0.1');
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
 *
 * For votes a third bot is measured beside them, for reference: the same bare telegraf whose
 * handler stores each update as one SQLite row with one commit before answering. It shows
 * what storing before answering costs by itself against the empty handler, with nothing of
 * ours in it.
 */
export const telegramBench: Bench = {
  name: 'telegram',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'po-bench-tg-'));
    const { child, apiRoot } = await startFakeApi();
    try {
      const bare = bareTelegraf(apiRoot, () => {});
      const bareServer = await serve(bare);
      // The least a bot can do that stores each update before answering: one row keyed by
      // (card, person) in a WAL file with our settings, one commit per update, no checks at all.
      const floorDb = new Database(join(dir, 'floor.sqlite'));
      floorDb.pragma('journal_mode = WAL');
      floorDb.pragma('synchronous = NORMAL');
      floorDb.exec('create table votes (card integer not null, person integer not null, at integer not null, primary key (card, person)) without rowid');
      const store = floorDb.prepare('insert into votes (card, person, at) values (?, ?, ?) on conflict do nothing');
      const storing = bareTelegraf(apiRoot, (u) => {
        const r = u.message_reaction!;
        store.run(r.message_id, r.user!.id, r.date);
      });
      const storingServer = await serve(storing);

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
      const floor = poster(storingServer.port);
      // Card edits are paced per chat (one per 4 s, as deployed), so they cost next to nothing
      // and are not waited for; what must be done before the next side's slice is every update.
      const settle = () => adapter.handled();
      // Every side gets the same update bodies; each side's update ids are its own sequence.
      const vote = (i: number) => reaction(i, cardIds, '👍');
      const other = (i: number) => reaction(500_000 + i, cardIds, '🔥');
      const b = { n: 0 };
      const f = { n: 0 };
      const o = { n: 0 };
      const votesAt = (c: number) => rates([{ run: side(base, vote, c, b) }, { run: side(floor, vote, c, f) }, { run: side(ours, vote, c, o), settle }]);
      const [b1, f1, v1] = await votesAt(1);
      const [bC, fC, vC] = await votesAt(CONCURRENCY);
      const [bT, fT, vT] = await votesAt(TELEGRAM_DEFAULT_CONNECTIONS);
      const delivered = o.n;
      const [bO, oO] = await rates([{ run: side(base, other, 1, b) }, { run: side(ours, other, 1, o), settle }]);

      const votes = (app.db.$client.prepare('select count(*) as n from votes').get() as { n: number }).n;
      const { edits } = await stats(child);
      await adapter.stop();
      await bareServer.close();
      await storingServer.close();
      floorDb.close();
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
      const floorLines = (c: string, fl: number, bare: number, ours: number): BenchLine[] => [
        { name: `  for reference: bare telegraf storing each update (one SQLite commit each), ${c}`, value: fl, unit: 'updates/s', baseline: { name: 'bare telegraf', value: bare } },
        { name: `  for reference: po-bot 👍 votes against that storing bot, ${c}`, value: ours, unit: 'updates/s', baseline: { name: 'storing telegraf', value: fl } },
      ];
      return [
        { name: 'bare telegraf, empty handler, 1 at a time', value: b1, unit: 'updates/s' },
        line('po-bot 👍 votes (stored, card edit queued), 1 at a time', v1, b1),
        ...floorLines('1 at a time', f1, b1, v1),
        { name: `bare telegraf, empty handler, ${CONCURRENCY} concurrent`, value: bC, unit: 'updates/s' },
        line(`po-bot 👍 votes, ${CONCURRENCY} concurrent`, vC, bC),
        ...floorLines(`${CONCURRENCY} concurrent`, fC, bC, vC),
        {
          name: `  for reference: 👍 votes, ${TELEGRAM_DEFAULT_CONNECTIONS} concurrent (Telegram's default max_connections)`,
          value: vT,
          unit: 'updates/s',
          baseline: { name: 'bare telegraf', value: bT },
        },
        ...floorLines(`${TELEGRAM_DEFAULT_CONNECTIONS} concurrent`, fT, bT, vT),
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
