import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupDatabase } from '../src/ops/backup';
import { bigDatabase, startWriter } from '../test/ops/support/big-database';
import { percentile, type Bench, type BenchLine } from './harness';

const MB = 110;
const RATE = 300;
const RUNS = 3;

async function timeBackups(path: string, dir: string): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await backupDatabase(path, join(dir, `copy-${i}.sqlite`));
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
    rmSync(join(dir, `copy-${i}.sqlite`));
  }
  return percentile(ms.sort((a, b) => a - b), 50);
}

/**
 * `npm run backup` on a ≥ 100 MB database, idle and while another process commits 300 times a
 * second (issue 14, item 5): the loaded copy must take under 3× the idle one.
 */
export const backupBench: Bench = {
  name: 'backup',
  async run(): Promise<BenchLine[]> {
    const dir = mkdtempSync(join(tmpdir(), 'po-bot-backup-bench-'));
    try {
      const path = join(dir, 'live.sqlite');
      bigDatabase(path, MB);
      const size = statSync(path).size / 1024 / 1024;
      const idle = await timeBackups(path, dir);
      const writer = await startWriter(path, RATE);
      const t = Date.now();
      const loaded = await timeBackups(path, dir);
      const writes = await writer.stop();
      const rate = writes / ((Date.now() - t) / 1000);
      return [
        { name: 'database size', value: size, unit: 'MB' },
        { name: `backup while another process writes (${Math.round(rate)} commits/s)`, value: loaded, unit: 'ms', baseline: { name: 'idle', value: idle }, target: '< 3× idle', pass: loaded < 3 * idle },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
