import { fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { commandPayload, reactionPayload, sendSigned, SIGNING_SECRET } from '../test/support/slack/signed';
import { percentile, type Bench, type BenchLine } from './harness';

// Issue 30, item 6: votes arriving on both platforms at once against the same mirrored cards.
// The real bot (src/main.ts) runs Slack over signed HTTP and the Telegram webhook on one port,
// with home chats on both platforms, so each proposal's card is in both; the fakes answer in
// a process of their own. Each phase sends VOTES new votes per platform, CONCURRENCY in flight
// per platform, spread over the cards: Slack signed reaction events on the Slack copies,
// Telegram webhook reaction updates on the Telegram copies. Lines: votes/s and the p99 of the
// acknowledgement (the vote is stored when it is acknowledged) for each platform alone and both
// at once, and the edits each card got per platform in the combined phase (paced per platform;
// fewer edits than votes means coalescing worked).

const ROOT = resolve(__dirname, '..');
const TG_SECRET = 'bench-network-secret';
const TG_PATH = '/telegram';
const GROUP = -100123;
const CARDS = 10;
const VOTES = Number(process.env.PO_BENCH_NETWORK_VOTES ?? 400);
const CONCURRENCY = 16;

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as AddressInfo;
      s.close(() => res(port));
    });
    s.on('error', rej);
  });
}

function fakes(): Promise<{ proc: ChildProcess; first: { slackApiUrl: string; telegramApiRoot: string; respondUrl: string } }> {
  const proc = fork(join(__dirname, 'support', 'network-fakes.process.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((res, rej) => {
    proc.once('message', (first) => res({ proc, first: first as never }));
    proc.once('exit', (code) => rej(new Error(`fakes exited (${code})`)));
  });
}

function ask<T>(proc: ChildProcess, m: string): Promise<T> {
  return new Promise((res) => {
    proc.once('message', (a) => res(a as T));
    proc.send(m);
  });
}

function startBot(env: Record<string, string>): Promise<ChildProcess> {
  const bot = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((res, rej) => {
    let log = '';
    bot.stderr!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('http server listening')) res(bot);
    });
    bot.on('exit', (code) => rej(new Error(`bot exited (${code}) before it started:\n${log}`)));
  });
}

function telegramVote(port: number, agent: Agent, update: number, messageId: number, user: number): Promise<number> {
  const body = JSON.stringify({
    update_id: update,
    message_reaction: { chat: { id: GROUP, type: 'supergroup', title: 'PO' }, message_id: messageId, user: { id: user, is_bot: false, first_name: `PO ${user}` }, date: 1_790_000_000, old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] },
  });
  return new Promise((res) => {
    const req = request({ host: '127.0.0.1', port, path: TG_PATH, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-telegram-bot-api-secret-token': TG_SECRET } }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
    });
    req.on('error', () => res(0));
    req.end(body);
  });
}

/** Sends n requests, `concurrency` in flight; each one's milliseconds to its answer and how many got 200. */
async function load(n: number, concurrency: number, send: (i: number) => Promise<number>): Promise<{ ms: number[]; ok: number; seconds: number }> {
  const ms: number[] = [];
  let ok = 0;
  let next = 0;
  const t0 = process.hrtime.bigint();
  const worker = async () => {
    while (next < n) {
      const i = next++;
      const t = process.hrtime.bigint();
      if ((await send(i)) === 200) ok++;
      ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: ms.sort((a, b) => a - b), ok, seconds: Number(process.hrtime.bigint() - t0) / 1e9 };
}

async function waitFor(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  for (const end = Date.now() + ms; !check(); ) {
    if (Date.now() > end) throw new Error(`network bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const networkBench: Bench = {
  name: 'network',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'po-bench-network-'));
    const databasePath = join(dir, 'network.sqlite');
    const configPath = join(dir, 'bot.config.json');
    writeFileSync(configPath, JSON.stringify({ meetings: { series: [], homeChats: ['slack:C1', `telegram:${GROUP}`], reminders: [] } }));
    const f = await fakes();
    const procs: ChildProcess[] = [f.proc];
    try {
      const port = await freePort();
      procs.push(
        await startBot({
          SLACK_BOT_TOKEN: 'xoxb-network',
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: f.first.slackApiUrl,
          TELEGRAM_BOT_TOKEN: '4242:network',
          TELEGRAM_API_ROOT: f.first.telegramApiRoot,
          TELEGRAM_WEBHOOK_URL: `https://bench.example${TG_PATH}`,
          TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'info',
          BOT_CONFIG: configPath,
          BOT_NOW: '2026-12-01T02:00:00Z',
          DATABASE_PATH: databasePath,
        }),
      );
      const url = `http://127.0.0.1:${port}/slack/events`;
      const slackAgent = new Agent({ keepAlive: false, maxSockets: 1000 });
      const tgAgent = new Agent({ keepAlive: true, maxSockets: 40 });
      // The cards: proposals on Slack, each mirrored to Telegram.
      for (let i = 0; i < CARDS; i++) {
        const form = commandPayload({ command: '/propose', text: `跨平台議題 ${i} 第${i}號`, user: `UP${i}`, responseUrl: f.first.respondUrl });
        await sendSigned(url, new URLSearchParams(form).toString(), 'application/x-www-form-urlencoded');
      }
      const db = new Database(databasePath, { readonly: true });
      const links = () => db.prepare(`select record_id as id, message_ref as ref from message_links where record_kind = 'issue'`).all() as { id: number; ref: string }[];
      await waitFor(() => links().length >= 2 * CARDS, 'every card posted on both platforms');
      const slackTs = new Map<number, string>();
      const tgId = new Map<number, number>();
      for (const l of links()) {
        const id = l.ref.slice(l.ref.lastIndexOf('#') + 1);
        if (l.ref.startsWith('slack:')) slackTs.set(l.id, id);
        else tgId.set(l.id, Number(id));
      }
      const issues = [...slackTs.keys()].sort((a, b) => a - b);
      const votes = () => (db.prepare('select count(*) from votes').pluck().get() as number);
      let update = 7_000_000;
      let user = 0;
      const slack = (phase: string) => (i: number) =>
        sendSigned(url, JSON.stringify(reactionPayload({ eventId: `EvN${phase}${i}`, user: `UV${phase}${i}`, ts: slackTs.get(issues[i % CARDS]!)! })), 'application/json', { agent: slackAgent }).then(
          (r) => r.status,
          () => 0,
        );
      const telegram = () => () => telegramVote(port, tgAgent, ++update, tgId.get(issues[update % CARDS]!)!, 30_000 + ++user);

      const lines: BenchLine[] = [];
      const report = (name: string, r: { ms: number[]; ok: number; seconds: number }, base?: { name: string; value: number }) => {
        lines.push({ name: `${name}: votes/s`, value: r.ok / r.seconds, unit: 'votes/s', ...(base ? { baseline: base } : {}) });
        lines.push({ name: `${name}: p99 acknowledgement`, value: percentile(r.ms, 99), unit: 'ms', target: '≤ 3,000 ms (Slack gives up at 3 s)', pass: percentile(r.ms, 99) <= 3_000 });
        lines.push({ name: `${name}: accepted`, value: (100 * r.ok) / VOTES, unit: '%', target: '100 %', pass: r.ok === VOTES });
      };
      const slackAlone = await load(VOTES, CONCURRENCY, slack('A'));
      const tgAlone = await load(VOTES, CONCURRENCY, telegram());
      type Edits = { slack: Record<string, number>; telegram: Record<string, number> };
      // Card edits are paced: the edits so far once no card has been edited for two seconds.
      const quietEdits = async (): Promise<Edits> => {
        let edits = await ask<Edits>(f.proc, 'edits');
        for (let quiet = 0; quiet < 2; ) {
          await new Promise((r) => setTimeout(r, 1_000));
          const now = await ask<Edits>(f.proc, 'edits');
          quiet = JSON.stringify(now) === JSON.stringify(edits) ? quiet + 1 : 0;
          edits = now;
        }
        return edits;
      };
      const before = await quietEdits();
      const storedBefore = votes();
      const [slackBoth, tgBoth] = await Promise.all([load(VOTES, CONCURRENCY, slack('B')), load(VOTES, CONCURRENCY, telegram())]);
      if (process.env.PO_BENCH_DEBUG) process.stderr.write(`network: stored ${votes()} (before ${storedBefore}); alone ok ${slackAlone.ok}/${tgAlone.ok}; both ok ${slackBoth.ok}/${tgBoth.ok}\n`);
      await waitFor(() => votes() >= storedBefore + slackBoth.ok + tgBoth.ok, 'every combined vote stored');
      const edits = await quietEdits();
      report('Slack alone', slackAlone);
      report('Telegram alone', tgAlone);
      report('Slack with Telegram at once', slackBoth, { name: 'alone', value: slackAlone.ok / slackAlone.seconds });
      report('Telegram with Slack at once', tgBoth, { name: 'alone', value: tgAlone.ok / tgAlone.seconds });
      const perCard = (now: Record<string, number>, was: Record<string, number>, keys: string[]) => keys.map((k) => (now[k] ?? 0) - (was[k] ?? 0));
      const slackEdits = perCard(edits.slack, before.slack, issues.map((i) => slackTs.get(i)!));
      const tgEdits = perCard(edits.telegram, before.telegram, issues.map((i) => String(tgId.get(i)!)));
      const votesPerCard = (2 * VOTES) / CARDS; // per card in the combined phase, from both platforms
      lines.push({ name: `Slack edits per card (of ${votesPerCard} votes each, both phases at once)`, value: slackEdits.reduce((a, b) => a + b, 0) / CARDS, unit: 'edits', target: `< ${votesPerCard} (coalesced)`, pass: Math.max(...slackEdits) < votesPerCard });
      lines.push({ name: `Telegram edits per card (of ${votesPerCard} votes each, both phases at once)`, value: tgEdits.reduce((a, b) => a + b, 0) / CARDS, unit: 'edits', target: `< ${votesPerCard} (coalesced)`, pass: Math.max(...tgEdits) < votesPerCard });
      // Every copy ends with the same count: the tally is one.
      const tally = (id: number) => db.prepare('select count(*) from votes where issue_id = ?').pluck().get(id) as number;
      lines.push({ name: 'votes stored (both phases and alone)', value: issues.reduce((a, id) => a + tally(id), 0), unit: 'votes', target: `${4 * VOTES}`, pass: issues.reduce((a, id) => a + tally(id), 0) === 4 * VOTES });
      db.close();
      return lines;
    } finally {
      for (const p of procs) p.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
