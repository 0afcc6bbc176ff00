// `npm run soak -- --days 30 [--seed N]`: the command line, checked once.
export const SABOTAGE = ['none', 'double', 'lose'] as const;
export type Sabotage = (typeof SABOTAGE)[number];

export interface SoakArgs {
  days: number;
  seed: number;
  /** Test-only: after the run, duplicates (`double`) or deletes (`lose`) one stored row, so a test can show the checks fail. */
  sabotage: Sabotage;
  /** Prints one line per slice (a bot process's life) to stderr. */
  verbose: boolean;
  /** The longest jump of the simulated clock between two lives when nothing falls due sooner. */
  maxGapHours: number;
}

export function parseArgs(argv: readonly string[]): SoakArgs {
  const out: SoakArgs = { days: 30, seed: Date.now() % 1_000_000, sabotage: 'none', verbose: false, maxGapHours: 6 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--days') {
      out.days = Number(value());
      if (!Number.isFinite(out.days) || out.days <= 0 || out.days > 366) throw new Error('--days: a number of simulated days, more than 0 and at most 366');
    } else if (a === '--seed') {
      out.seed = Number(value());
      if (!Number.isSafeInteger(out.seed) || out.seed < 0) throw new Error('--seed: a non-negative integer');
    } else if (a === '--sabotage') {
      const v = value();
      if (!(SABOTAGE as readonly string[]).includes(v)) throw new Error(`--sabotage: one of ${SABOTAGE.join(', ')}`);
      out.sabotage = v as Sabotage;
    } else if (a === '--max-gap-hours') {
      out.maxGapHours = Number(value());
      if (!Number.isFinite(out.maxGapHours) || out.maxGapHours < 1 || out.maxGapHours > 168) throw new Error('--max-gap-hours: from 1 to 168');
    } else if (a === '--verbose') out.verbose = true;
    else throw new Error(`unknown argument ${a} (usage: npm run soak -- --days N [--seed N] [--max-gap-hours N] [--verbose])`);
  }
  return out;
}
