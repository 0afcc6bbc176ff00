import Database from 'better-sqlite3';
import type { SoakArgs } from './args';
import { BotProcess } from './bot-process';
import { drawChaos } from './chaos-plan';
import { deliveryRows } from './check-deliveries';
import { checkPosts } from './check-posts';
import { live } from './life';
import { Prng } from './prng';
import { failures, render, type RunStats } from './report';
import { buildRig, type Rig } from './rig';
import { sabotage } from './sabotage';
import { LockHolder, WebLoad } from './side-processes';
import { nextMoment } from './timeline';

// The soak: the bot's lives one after another across the simulated days, each with its chaos,
// then a last quiet life that lets every resend and queued post through, then the checks.

/** Tuesday 1 December 2026, 09:00 in Taipei: the simulated start. */
export const SIM_START = Date.parse('2026-12-01T09:00:00+08:00');

export interface SoakTuning {
  /** Real time each life runs traffic for (ms). */
  sliceMs: number;
  /** The longest jump of the simulated clock between lives when nothing falls due sooner (ms). */
  maxGapMs: number;
  /** Deliveries per second, on average. */
  rate: number;
  /** Clients looping GET / from 127.0.0.2. */
  webClients: number;
}

/**
 * Sized for a 2-core machine shared with other work: about 4 deliveries a second keep the bot's
 * answers within Slack's 3 s there (10 a second did not, with the machine's load average at 20).
 */
export const DEFAULT_TUNING: SoakTuning = { sliceMs: 4_000, maxGapMs: 6 * 3_600_000, rate: 4, webClients: 4 };

export interface SoakResult {
  text: string;
  failed: string[];
}

async function drain(rig: Rig, simStart: number, stats: RunStats, log: (s: string) => void): Promise<void> {
  const spawnedAt = Date.now();
  const bot = new BotProcess({ env: rig.env(simStart) });
  await bot.ready(120_000);
  const simNow = () => simStart + (Date.now() - spawnedAt);
  const until = Date.now() + 180_000;
  let lastSaid = Date.now();
  for (;;) {
    for (const d of rig.ledger.due()) void rig.ledger.send(d);
    const open = rig.ledger.open().length;
    const unsent = rig.view.unsent();
    const overdue = rig.view.overdueJobs(simNow() - 1_000);
    if (!open && !unsent && !overdue && !rig.ledger.all.some((d) => d.inFlight)) break;
    if (Date.now() - lastSaid > 10_000) {
      log(`drain: waiting for ${open} deliveries, ${unsent} unsent posts, ${overdue} overdue jobs`);
      lastSaid = Date.now();
    }
    if (Date.now() > until) {
      stats.problems.push(`the last life did not settle in 180 s: ${open} deliveries unanswered, ${unsent} posts unsent, ${overdue} jobs overdue`);
      break;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const { code } = await bot.stop();
  stats.peakRssKiB = Math.max(stats.peakRssKiB, bot.peakRssKiB);
  if (code !== 0) stats.problems.push(`the last life exited ${code} on SIGTERM`);
  log(`drain: done in ${((Date.now() - spawnedAt) / 1000).toFixed(1)} s`);
}

export async function runSoak(args: SoakArgs, tuning: SoakTuning = DEFAULT_TUNING): Promise<SoakResult> {
  const t0 = Date.now();
  const log = (s: string) => args.verbose && process.stderr.write(`soak: ${s}\n`);
  const rnd = new Prng(args.seed);
  const pace = new Prng(args.seed ^ 0x5eed);
  const rig = await buildRig(rnd, args.seed);
  const stats: RunStats = {
    seed: args.seed,
    days: args.days,
    wallMs: 0,
    lives: 0,
    kills: 0,
    lockHolds: 0,
    lockHeldMs: 0,
    diskLimited: 0,
    diskFailedStarts: 0,
    faults: { ratelimit: 0, serverError: 0, timeout: 0, permanent: 0 },
    web: { pages: 0, busy: 0, failed: 0 },
    peakRssKiB: 0,
    problems: [],
  };
  const end = SIM_START + args.days * 86_400_000;
  let lock: LockHolder | undefined;
  let web: WebLoad | undefined;
  try {
    let now = SIM_START;
    while (now < end) {
      // The first life creates the database: no chaos before it exists.
      const plan = rig.view.exists() ? drawChaos(rnd, tuning.sliceMs) : {};
      lock ??= rig.view.exists() ? await LockHolder.start(rig.view.path) : undefined;
      const life = await live(rig, now, lock ? plan : {}, { sliceMs: tuning.sliceMs, rate: tuning.rate, lock, pace });
      web ??= await WebLoad.start(rig.port, tuning.webClients);
      stats.lives++;
      stats.peakRssKiB = Math.max(stats.peakRssKiB, life.peakRssKiB);
      if (life.killed) stats.kills++;
      if (plan.lock && lock) stats.lockHolds++;
      stats.lockHeldMs += life.lockHeldMs;
      if (plan.diskMarginKiB !== undefined) stats.diskLimited++;
      const at = new Date(now).toISOString();
      if (life.failedStart === 'file size limit') stats.diskFailedStarts++;
      else if (life.failedStart) stats.problems.push(`life at ${at} did not start: ${life.failedStart}`);
      if (life.crashed && plan.diskMarginKiB === undefined) stats.problems.push(`life at ${at}: ${life.crashed}`);
      log(`life ${stats.lives} at ${at}: ${JSON.stringify(plan)} → ${life.killed ? 'killed' : `exit ${life.exitCode}`}${life.failedStart ? ` (no start: ${life.failedStart.slice(0, 200)})` : ''}${life.crashed ? ` (crashed: ${life.crashed.slice(-400)})` : ''}; sent ${rig.ledger.all.length}`);
      now = nextMoment(rig.view, rnd, life.simEnd, { maxGapMs: tuning.maxGapMs, end });
    }
    // Ten simulated minutes on: posts a fault put off (backoff up to 5 min) are due at once.
    await drain(rig, Math.max(now, end) + 600_000, stats, log);
    log(`answers (HTTP status → tries): ${JSON.stringify(rig.ledger.answers())}`);
    if (web) stats.web = await web.stats();
  } finally {
    await web?.stop();
    await lock?.stop();
  }
  for (const p of [rig.platforms.slackProxy, rig.platforms.telegramProxy]) {
    stats.faults.ratelimit += p.counts.ratelimit;
    stats.faults.serverError += p.counts.serverError;
    stats.faults.timeout += p.counts.timeout;
    stats.faults.permanent += p.counts.permanent;
  }
  stats.sabotage = sabotage(rig.view.path, rig.ledger, args.sabotage);
  const db = new Database(rig.view.path, { readonly: true });
  try {
    const rows = deliveryRows(db, rig.ledger.all);
    const posts = checkPosts(db, rig.platforms, rig.ledger.all, { from: SIM_START, to: end });
    stats.wallMs = Date.now() - t0;
    const all = [...rows, ...posts.rows];
    const failed = failures(all, posts, stats);
    return { text: render(all, posts, stats), failed };
  } finally {
    db.close();
    await rig.cleanup();
  }
}
