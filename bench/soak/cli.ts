import { parseArgs } from './args';
import { DEFAULT_TUNING, runSoak } from './soak';

// npm run soak -- --days 30 [--seed N] [--max-gap-hours N] [--verbose]: prints the table; exits 1 on any loss,
// double or failure, 2 when the soak itself could not run.
async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const { text, failed } = await runSoak(args, { ...DEFAULT_TUNING, maxGapMs: args.maxGapHours * 3_600_000 });
  process.stdout.write(text + '\n');
  if (!failed.length) {
    process.stdout.write('soak: PASS\n');
    return 0;
  }
  process.stdout.write(`soak: FAIL\n${failed.map((f) => `  - ${f}`).join('\n')}\n`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`soak: could not run: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  },
);
