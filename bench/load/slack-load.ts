// Load and fault test over the Slack HTTP path (issue 7): the real bot in its own process
// (src/main.ts, HTTP receiver, real SQLite file), a fake Slack Web API in this process, and
// signed reaction_added events sent at a fixed rate. With --kill the bot is killed with
// SIGKILL halfway and restarted on the same database; events not acknowledged are redelivered
// with their event_id, as Slack does. Checks: every acknowledged vote stored, final tallies
// exact, no card posted twice, p99 acknowledgement latency. Only events that were NOT
// acknowledged are redelivered, so a final count of exactly 10,000 proves no acknowledged vote
// was lost to the kill.
//
//   npm run load               10,000 events from 200 users on 50 cards at 500/s
//   npm run load -- --kill     the same with kill -9 and a restart in the middle
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import Database from 'better-sqlite3';
import { FakeSlack } from '../../test/support/slack/fake-slack';
import { commandPayload, reactionPayload, sendSigned, SIGNING_SECRET } from '../../test/support/slack/signed';
import { percentile } from '../harness';

const ROOT = resolve(__dirname, '..', '..');
const args = process.argv.slice(2);
const KILL = args.includes('--kill');
const USERS = 200;
const CARDS = 50;
const EVENTS = USERS * CARDS; // 10,000: every user votes once on every card
const RATE = Number(process.env.LOAD_RATE ?? 500); // requests per second

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

function startBot(env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((res, rej) => {
    let log = '';
    child.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('http server listening')) res(child);
    });
    child.on('exit', (code) => rej(new Error(`bot exited (${code}) before it started:\n${log}`)));
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'po-load-'));
  const fake = new FakeSlack();
  await fake.start();
  const port = await freePort();
  const env = {
    SLACK_BOT_TOKEN: 'xoxb-load-test',
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    LOG_LEVEL: 'info',
    BOT_CONFIG: join(ROOT, 'bot.config.json'),
    DATABASE_PATH: join(dir, 'load.sqlite'),
  };
  const url = `http://127.0.0.1:${port}/slack/events`;
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let bot = await startBot(env);
  try {
    // The cards.
    for (let c = 0; c < CARDS; c++) {
      const body = new URLSearchParams(commandPayload({ command: '/propose', text: `負載測試議題 ${c + 1}`, user: 'UPROPOSER', responseUrl: fake.responseUrl(`p${c}`) })).toString();
      const r = await sendSigned(url, body, 'application/x-www-form-urlencoded', { agent });
      if (r.status !== 200) throw new Error(`/propose answered ${r.status}`);
    }
    while (fake.callsTo('chat.postMessage').filter((x) => x.status === 200).length < CARDS) await new Promise((r) => setTimeout(r, 20));
    const cardTs = [...fake.messages.values()].map((m) => m.ts);

    const events = Array.from({ length: EVENTS }, (_, i) => ({ i, user: `U${String(Math.floor(i / CARDS)).padStart(4, '0')}`, ts: cardTs[i % CARDS]! }));
    const acked = new Set<number>();
    const latencies: number[] = [];
    let failures = 0;
    let killedAt = -1;
    let restarting: Promise<void> = Promise.resolve();

    const send = async (e: (typeof events)[number]): Promise<void> => {
      const t0 = performance.now();
      try {
        const r = await sendSigned(url, JSON.stringify(reactionPayload({ eventId: `Ev${e.i}`, user: e.user, ts: e.ts })), 'application/json', { agent });
        if (r.status === 200) {
          acked.add(e.i);
          latencies.push(performance.now() - t0);
        } else failures++;
      } catch {
        failures++; // connection refused or reset: not acknowledged, Slack would redeliver
      }
    };

    // Open-loop pacing: one request every 1000/RATE ms whatever the answers do.
    const start = performance.now();
    const inflight: Promise<void>[] = [];
    for (let k = 0; k < events.length; k++) {
      const due = start + (k * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      if (KILL && k === events.length / 2 && killedAt < 0) {
        // Killed while requests are in flight; the sender keeps going while it restarts, so
        // some events are refused or cut off and must be redelivered.
        killedAt = k;
        const dead = bot;
        dead.kill('SIGKILL');
        restarting = new Promise<void>((r) => dead.once('exit', r)).then(() => startBot(env)).then((b) => void (bot = b));
      }
      inflight.push(send(events[k]!));
    }
    await Promise.all(inflight);
    await restarting;
    const elapsed = (performance.now() - start) / 1000;
    const firstTime = acked.size;
    const failedFirst = failures;
    // Slack redelivers what was not acknowledged: same event_id, until it is.
    let redelivered = 0;
    for (let round = 0; round < 5 && acked.size < EVENTS; round++) {
      const missing = events.filter((e) => !acked.has(e.i));
      redelivered += missing.length;
      await Promise.all(missing.map(send));
    }
    // Card updates are paced (one chat.update per 1.2 s for the app, one per card per second):
    // wait until every card shows its final tally, two minutes at most.
    const showsFinal = (ts: string) => {
      const last = fake.callsTo('chat.update').filter((c) => String(c.params.ts) === ts).at(-1);
      return last !== undefined && JSON.stringify(last.params.blocks).includes(`${USERS} 票`);
    };
    const settleBy = Date.now() + 120_000;
    while (!cardTs.every(showsFinal) && Date.now() < settleBy) await new Promise((r) => setTimeout(r, 250));

    const db = new Database(env.DATABASE_PATH, { readonly: true });
    const votes = db.prepare('select count(*) from votes').pluck().get() as number;
    const perCard = db.prepare('select count(*) as n from votes group by issue_id').pluck().all() as number[];
    db.close();
    const posts = fake.callsTo('chat.postMessage').filter((x) => x.status === 200).length;
    const lastUpdate = new Map<string, string>();
    for (const c of fake.callsTo('chat.update')) lastUpdate.set(String(c.params.ts), JSON.stringify(c.params.blocks));
    const cardsShowingFinal = cardTs.filter((ts) => lastUpdate.get(ts)?.includes(`${USERS} 票`)).length;
    latencies.sort((a, b) => a - b);

    const lines = [
      `events sent: ${EVENTS} from ${USERS} users on ${CARDS} cards at a target of ${RATE}/s; achieved ${(EVENTS / elapsed).toFixed(0)} requests/s over ${elapsed.toFixed(1)} s`,
      `acknowledged on first delivery: ${firstTime}; not acknowledged (refused or reset while the bot was down): ${failedFirst}; redelivered by the sender: ${redelivered}; acknowledged in the end: ${acked.size}`,
      `ack latency: p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
      `votes stored: ${votes} (expected ${EVENTS}); every card has ${USERS}: ${perCard.length === CARDS && perCard.every((n) => n === USERS)}`,
      `cards posted: ${posts} (expected ${CARDS}); cards whose last update shows ${USERS} 票: ${cardsShowingFinal}/${CARDS}`,
      KILL ? `bot killed with SIGKILL after ${killedAt} events were sent, restarted on the same database` : 'no fault injected',
    ];
    process.stdout.write(lines.join('\n') + '\n');
    const ok = votes === EVENTS && acked.size === EVENTS && posts === CARDS && cardsShowingFinal === CARDS && (KILL || percentile(latencies, 99) < 50);
    process.stdout.write(ok ? 'load test passed\n' : 'load test FAILED\n');
    process.exitCode = ok ? 0 : 1;
  } finally {
    bot.kill('SIGKILL');
    await fake.stop();
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
