import { fork, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Bench, BenchLine } from './harness';
import { bundle } from '../scripts/build/bundle';

// How fast and how small the bot starts, against a floor measured in the same run: a Node
// process that opens the same SQLite file with better-sqlite3, runs one query and prints one
// line. Measured from spawn to the first line on stdout (for the bot: its answer to a piped
// /help), and the peak RSS of the process (ru_maxrss, written at exit by support/peak-rss.js,
// preloaded into every process here alike). Floor, `node dist/main.js` and `npm start` take
// turns, so load from elsewhere on the machine hits all three alike; medians count.
// Then the idle RSS of the compiled bot with both platform adapters running against fakes, once
// everything a long-running bot has is running (the checkpoint thread starts 5 s in).

const ROOT = join(__dirname, '..');
const RUNS = 7;
const NOW = '2026-12-01T10:00:00+08:00';
const PEAK = join(__dirname, 'support', 'peak-rss.js');

interface Run {
  /** ms from spawn to the first stdout bytes. */
  firstLine: number;
  /** KiB: the largest process's peak RSS, and the sum over the processes (npm start has two: npm and node). */
  peakKiB: number;
  sumKiB: number;
}

function timeRun(cmd: string, args: string[], env: Record<string, string>, input: string, peakFile: string): Promise<Run> {
  if (existsSync(peakFile)) unlinkSync(peakFile);
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), NODE_OPTIONS: `--require ${PEAK}`, PEAK_RSS_FILE: peakFile, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let first: number | undefined;
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      first ??= Number(process.hrtime.bigint() - t0) / 1e6;
      out += d;
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 || first === undefined) return reject(new Error(`${cmd} ${args.join(' ')}: exit ${code}\n${out}\n${err}`));
      const kib = readFileSync(peakFile, 'utf8').trim().split('\n').map((l) => Number(l.split(' ')[1]));
      resolve({ firstLine: first, peakKiB: Math.max(...kib), sumKiB: kib.reduce((a, b) => a + b, 0) });
    });
    child.stdin.end(input);
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mib = (kib: number) => kib / 1024;

/** Idle RSS (VmRSS, MiB) of the compiled bot with Slack (HTTP) and Telegram (webhook) started. */
async function idleWithAdapters(dir: string): Promise<{ rss: number; hwm: number }> {
  const fakes = fork(join(__dirname, 'support', 'fakes.process.ts'), { execArgv: ['--import', 'tsx'], stdio: 'ignore' });
  const urls = await new Promise<{ slackApiUrl: string; telegramApiRoot: string }>((r) => fakes.once('message', (m) => r(m as never)));
  const bot = spawn(process.execPath, ['dist/main.js'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      DATABASE_PATH: join(dir, 'idle.sqlite'),
      BOT_CONFIG: join(ROOT, 'bot.config.json'),
      BOT_NOW: NOW,
      PORT: '0',
      LOG_LEVEL: 'info',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: 'bench-signing-secret',
      SLACK_API_URL: urls.slackApiUrl,
      TELEGRAM_BOT_TOKEN: '123456:bench',
      TELEGRAM_API_ROOT: urls.telegramApiRoot,
      TELEGRAM_WEBHOOK_URL: 'https://po-bot.example.invalid/telegram/hook',
      TELEGRAM_WEBHOOK_SECRET: 'bench-secret',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    let log = '';
    await new Promise<void>((resolve, reject) => {
      bot.stderr!.on('data', (d) => {
        log += d;
        // The port opens once every platform has mounted its endpoint (ready means ready), so the
        // listening line is the last of the three.
        if (log.includes('slack adapter started') && log.includes('telegram') && log.includes('http server listening')) resolve();
      });
      bot.on('exit', (code) => reject(new Error(`bot exited ${code}: ${log}`)));
      setTimeout(() => reject(new Error(`adapters did not start: ${log}`)), 60_000).unref();
    });
    const port = log
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { msg?: string; port?: number })
      .find((l) => l.msg === 'http server listening (/healthz)')?.port;
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    if (health.status !== 200) throw new Error(`/healthz ${health.status}: ${await health.text()}`);
    // Idle: both adapters up, nothing happening, the WAL checkpoint thread started (5 s in).
    await new Promise((r) => setTimeout(r, 7000));
    const status = readFileSync(`/proc/${bot.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)![1]);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } finally {
    bot.kill('SIGTERM');
    fakes.send('stop');
  }
}

/**
 * Where the compiled bot's start-up goes: PO_BOT_STARTUP_TRACE=1 (src/startup-trace.ts), seven
 * more runs, the median of each phase. Separate from the timed runs, which run untraced.
 */
function startupPhases(env: Record<string, string>): BenchLine[] {
  const runs: [string, number][][] = [];
  for (let i = 0; i < RUNS; i++) {
    const r = spawnSync(process.execPath, ['dist/main.js'], { cwd: ROOT, input: '/help\n', encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env, PO_BOT_STARTUP_TRACE: '1' } });
    const line = /^po-bot startup (.*)$/m.exec(r.stderr)?.[1];
    if (r.status !== 0 || !line) throw new Error(`traced start-up: exit ${r.status}\n${r.stderr}`);
    runs.push(Object.entries(JSON.parse(line) as Record<string, number>));
  }
  return runs[0]!.map(([phase], i) => ({
    name: `  start-up phase (median of ${RUNS}, ms to its end from the one before${i === 0 ? ', from process start' : ''}): ${phase}`,
    value: median(runs.map((r) => r[i]![1] - (i ? r[i - 1]![1] : 0))),
    unit: 'ms',
  }));
}

export const startupBench: Bench = {
  name: 'startup',
  async run(): Promise<BenchLine[]> {
    // The compiled bot is what the image runs: build it now, so the numbers are this checkout's.
    const built = await bundle();
    const dir = mkdtempSync(join(tmpdir(), 'po-bot-startup-'));
    const db = join(dir, 'po-bot.sqlite');
    const peak = join(dir, 'peak');
    const env = { DATABASE_PATH: db, BOT_CONFIG: join(ROOT, 'bot.config.json'), BOT_NOW: NOW };
    const floorScript = `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)}); const r = db.prepare('select count(*) as n from issues').get(); console.log('issues: ' + r.n); db.close();`;
    const floor = () => timeRun(process.execPath, ['-e', floorScript], {}, '', peak);
    const compiled = () => timeRun(process.execPath, ['dist/main.js'], env, '/help\n', peak);
    const npmStart = () => timeRun('npm', ['start', '--silent'], env, '/help\n', peak);
    try {
      // The first start migrates the new database (untimed); every timed run opens the same file.
      await compiled();
      await floor();
      await npmStart();
      const runs = { floor: [] as Run[], compiled: [] as Run[], npm: [] as Run[] };
      for (let i = 0; i < RUNS; i++) {
        runs.floor.push(await floor());
        runs.compiled.push(await compiled());
        runs.npm.push(await npmStart());
      }
      const t = (rs: Run[]) => median(rs.map((r) => r.firstLine));
      const m = (rs: Run[]) => mib(median(rs.map((r) => r.peakKiB)));
      const floorT = { name: 'floor (node + better-sqlite3, one query, one line)', value: t(runs.floor) };
      const floorM = { name: 'floor', value: m(runs.floor) };
      const phases = startupPhases(env);
      const idle = await idleWithAdapters(dir);
      return [
        { name: 'node dist/main.js: start → answer to a piped /help', value: t(runs.compiled), unit: 'ms', baseline: floorT, target: '≤ 3× the floor', pass: t(runs.compiled) <= 3 * floorT.value },
        { name: 'node dist/main.js: peak RSS', value: m(runs.compiled), unit: 'MiB', baseline: floorM, target: '≤ 2× the floor', pass: m(runs.compiled) <= 2 * floorM.value },
        { name: 'npm start: start → answer to a piped /help', value: t(runs.npm), unit: 'ms', baseline: floorT },
        { name: "npm start: peak RSS of the bot process (npm → node with tsx's loader)", value: m(runs.npm), unit: 'MiB', baseline: floorM },
        { name: 'npm start: peak RSS of its processes added up', value: mib(median(runs.npm.map((r) => r.sumKiB))), unit: 'MiB' },
        { name: 'node dist/main.js idle, Slack (HTTP) and Telegram (webhook) adapters against fakes: RSS', value: idle.rss, unit: 'MiB', baseline: floorM },
        { name: '  the same process: peak RSS so far', value: idle.hwm, unit: 'MiB' },
        ...phases,
        { name: 'the build: dist/po-bot.js (one bundled file)', value: built.bytes / 1024, unit: 'KiB' },
        { name: 'the build: its V8 code cache', value: built.codeCacheBytes / 1024, unit: 'KiB' },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
