import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { Children, closed } from '../support/children';

// The whole soak (real bot processes, fakes, chaos) for a few simulated hours, its finished
// database then damaged as a bug would (--sabotage double: one acknowledged vote stored twice):
// the soak must say so and exit non-zero. A check that cannot fail proves nothing.

const ROOT = resolve(__dirname, '..', '..');
const children = new Children();
afterAll(() => children.reap());

test('npm run soak with one stored vote duplicated afterwards: the table shows the double and the soak exits 1', async () => {
  const child = children.track(spawn(process.execPath, ['--import', 'tsx', 'bench/soak/cli.ts', '--days', '0.25', '--seed', '5', '--sabotage', 'double'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: ['ignore', 'pipe', 'pipe'] }));
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const { code } = await closed(child);
  expect(out).toMatch(/sabotage \(test only\): duplicated the stored vote of delivery \d+/);
  expect(out).toMatch(/soak: FAIL\n(.*\n)*\s+- (reactions|button votes) \((Slack|Telegram)\): 1 stored twice/);
  expect(code).toBe(1);
}, 300_000);
