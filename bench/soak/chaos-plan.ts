import type { Fault } from './chaos-proxy';
import type { Prng } from './prng';

/** What goes wrong during one life of the bot, and when (ms after it is ready). */
export interface ChaosPlan {
  /** kill -9 at this moment (the life ends there). */
  killAt?: number;
  /** Another process takes the write lock at `at` and holds it `ms`. */
  lock?: { at: number; ms: number };
  /** The platforms answer with this fault from `at` for `ms`. */
  fault?: { kind: Exclude<Fault, 'none'>; at: number; ms: number };
  /** The bot runs with a file size limit this many KiB above the database's largest file. */
  diskMarginKiB?: number;
}

/** Draws one life's chaos from the seeded PRNG: each kind independently, at random moments. */
export function drawChaos(rnd: Prng, sliceMs: number): ChaosPlan {
  const at = () => rnd.int(Math.round(sliceMs * 0.1), Math.round(sliceMs * 0.9));
  const plan: ChaosPlan = {};
  if (rnd.chance(0.4)) plan.killAt = at();
  if (rnd.chance(0.3)) plan.lock = { at: at(), ms: rnd.int(500, 4_000) };
  if (rnd.chance(0.4)) plan.fault = { kind: rnd.pick(['ratelimit', 'server-error', 'timeout'] as const), at: at(), ms: rnd.int(500, 3_000) };
  if (rnd.chance(0.12)) plan.diskMarginKiB = rnd.int(8, 512);
  return plan;
}
