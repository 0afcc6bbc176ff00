import { BotProcess } from './bot-process';
import type { ChaosPlan } from './chaos-plan';
import type { Rig } from './rig';
import type { Prng } from './prng';
import type { LockHolder } from './side-processes';
import { meetingAt } from './timeline';
import { SLACK_CHAT, TELEGRAM_CHAT_REF } from './traffic/generator';

// One life of the bot: started at a simulated moment, traffic for a few seconds with this
// life's chaos at its moments, then stopped (SIGTERM) or killed (kill -9).

export interface LifeOutcome {
  /** Simulated time when the life ended (its clock ran in real time from BOT_NOW). */
  simEnd: number;
  peakRssKiB: number;
  killed: boolean;
  /** The bot did not open its port (under the file size limit, or a real failure: `error`). */
  failedStart?: string;
  /** The bot's exit code after SIGTERM (0 expected), when stopped that way. */
  exitCode?: number | null;
  /** It exited by itself before the life's end (a crash): its code or signal and log tail. */
  crashed?: string;
  lockHeldMs: number;
}

export interface LifeOptions {
  sliceMs: number;
  /** Sends per second, on average. */
  rate: number;
  /** The write-lock holder (none before the database exists). */
  lock: LockHolder | undefined;
  /** Spacing between sends (seeded, apart from the chaos and traffic draws). */
  pace: Prng;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts/ends recording minutes as the meetings' times say (control commands, not counted). */
async function followMeetings(rig: Rig, now: number): Promise<void> {
  for (const chat of [SLACK_CHAT, TELEGRAM_CHAT_REF]) {
    const meeting = meetingAt(rig.view, chat, now);
    const recording = rig.traffic.isRecording(chat);
    if (meeting && !recording) await rig.traffic.meetingCommand(chat, '/startmeeting');
    // Lines still being resent keep the meeting open: they were spoken in it.
    else if (!meeting && recording && rig.ledger.openLines(chat) === 0) await rig.traffic.meetingCommand(chat, '/endmeeting');
  }
  rig.traffic.refresh();
}

export async function live(rig: Rig, simStart: number, plan: ChaosPlan, o: LifeOptions): Promise<LifeOutcome> {
  const fileLimitKiB = plan.diskMarginKiB !== undefined && rig.view.exists() ? rig.view.largestFileKiB() + plan.diskMarginKiB : undefined;
  const spawnedAt = Date.now();
  const bot = new BotProcess({ env: rig.env(simStart), fileLimitKiB });
  const simNow = () => simStart + (Date.now() - spawnedAt);
  try {
    await bot.ready(120_000);
  } catch (e) {
    await bot.kill9();
    return { simEnd: simNow() + 1_000, peakRssKiB: bot.peakRssKiB, killed: false, failedStart: fileLimitKiB !== undefined ? 'file size limit' : (e as Error).message, lockHeldMs: 0 };
  }
  rig.traffic.refresh();
  await followMeetings(rig, simNow());
  const t0 = Date.now();
  let killed = false;
  let lockHeldMs = 0;
  const timers: NodeJS.Timeout[] = [];
  const at = (ms: number, f: () => void) => timers.push(setTimeout(f, ms));
  const { platforms } = rig;
  if (plan.fault) {
    const { kind, at: start, ms } = plan.fault;
    at(start, () => platforms.setFault(kind));
    at(start + ms, () => platforms.setFault('none'));
  }
  // Set when the hold begins: a life killed before its lock moment never takes the lock.
  let lockDone: Promise<void> = Promise.resolve();
  const lock = plan.lock;
  const holder = o.lock;
  if (lock && holder) at(lock.at, () => (lockDone = holder.hold(lock.ms).then((r) => void (lockHeldMs = r.held))));
  let stop = false;
  let crashed: string | undefined;
  const ended = new Promise<void>((end) => {
    at(plan.killAt ?? o.sliceMs, end);
    void bot.exited.then((r) => {
      if (!stop) crashed = `exited by itself (${r.code ?? r.signal}): ${bot.stderr.slice(-1500)}`;
      end();
    });
  });
  const sends = new Set<Promise<void>>();
  const track = (p: Promise<void>) => (sends.add(p), void p.finally(() => sends.delete(p)));
  void ended.then(() => (stop = true));
  let lastRefresh = Date.now();
  while (!stop) {
    if (sends.size < 8) track(rig.traffic.next());
    for (const d of rig.ledger.due()) track(rig.ledger.send(d));
    if (Date.now() - lastRefresh > 1_000) {
      rig.traffic.refresh();
      lastRefresh = Date.now();
    }
    await Promise.race([ended, sleep(Math.round((1_000 / o.rate) * (0.5 + o.pace.next())))]);
  }
  let exitCode: number | null | undefined;
  if (crashed) exitCode = (await bot.exited).code;
  else if (plan.killAt !== undefined && bot.pid !== undefined && Date.now() - t0 >= plan.killAt - 5) {
    killed = true;
    await bot.kill9();
  } else {
    const asked = Date.now();
    const r = await bot.stop();
    exitCode = r.code;
    if (exitCode !== 0) crashed = `no clean exit on SIGTERM (${exitCode ?? r.signal}, after ${Date.now() - asked} ms): ${bot.stderr.slice(-1500)}`;
  }
  for (const t of timers) clearTimeout(t);
  platforms.setFault('none');
  await lockDone;
  // Sends cut off by the stop fail within their deadline (3 s).
  await Promise.allSettled([...sends]);
  return { simEnd: simNow() + 1_000, peakRssKiB: bot.peakRssKiB, killed, exitCode, crashed, lockHeldMs };
}
