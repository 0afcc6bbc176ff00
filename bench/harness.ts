/**
 * Benchmarks print ratios against a baseline measured in the same run (raw SQLite, a bare
 * Bolt app...), never absolute thresholds in tests: shared machines vary, ratios hold.
 */
export interface BenchLine {
  name: string;
  value: number;
  unit: string;
  /** The same-run baseline this line is compared with. */
  baseline?: { name: string; value: number };
  /** Human-readable target, e.g. ">= 0.5 of raw", "< 50 ms". */
  target?: string;
  /** Whether the target was met. */
  pass?: boolean;
}

export interface Bench {
  name: string;
  run(): Promise<BenchLine[]>;
}

export function fmt(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2);
}

export function printLines(bench: string, lines: BenchLine[]): void {
  process.stdout.write(`\n== ${bench}\n`);
  for (const l of lines) {
    let s = `  ${l.name}: ${fmt(l.value)} ${l.unit}`;
    if (l.baseline) s += ` | ${l.baseline.name}: ${fmt(l.baseline.value)} ${l.unit} | ratio ${(l.value / l.baseline.value).toFixed(2)}`;
    if (l.target) s += ` | target ${l.target}: ${l.pass ? 'met' : 'NOT met'}`;
    process.stdout.write(s + '\n');
  }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * Measures a baseline and a subject in alternating short rounds and returns each one's median
 * rate, so a burst of load from elsewhere on the machine hits both alike.
 */
export async function compareRates(
  baseline: (i: number) => unknown | Promise<unknown>,
  subject: (i: number) => unknown | Promise<unknown>,
  opts: { rounds?: number; ms?: number } = {},
): Promise<{ baseline: number; subject: number }> {
  const rounds = opts.rounds ?? 9;
  const ms = opts.ms ?? 250;
  const a: number[] = [];
  const b: number[] = [];
  let ia = 0;
  let ib = 0;
  const round = async (fn: (i: number) => unknown | Promise<unknown>, start: number): Promise<[number, number]> => {
    let n = 0;
    const t0 = process.hrtime.bigint();
    const budget = BigInt(ms) * 1_000_000n;
    while (process.hrtime.bigint() - t0 < budget) {
      for (let k = 0; k < 50; k++) await fn(start + n++);
    }
    return [n / (Number(process.hrtime.bigint() - t0) / 1e9), n];
  };
  for (let r = 0; r < rounds; r++) {
    const [ra, na] = await round(baseline, ia);
    ia += na;
    const [rb, nb] = await round(subject, ib);
    ib += nb;
    a.push(ra);
    b.push(rb);
  }
  const median = (xs: number[]) => xs.sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  return { baseline: median(a), subject: median(b) };
}
