import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { replayBuild, type ImageLayout } from '../../scripts/docker/docker.replay';
import { checkBackup, checkFirstStart, checkHealth, checkLayout, checkRestart, checkStopSignal, HEALTHZ_MISSING } from '../../scripts/docker/docker.checks';

// The Dockerfile's steps replayed in a temporary directory (npm ci stood in for by hard-linking
// this checkout's node_modules), then the runtime stage started as the image would start it.
// `npm run docker:replay -- --npm-ci` does the same with a real `npm ci`.
const ROOT = join(__dirname, '..', '..');
const hiddenLock = join(ROOT, 'node_modules', '.package-lock.json');
const hash = () => createHash('sha256').update(readFileSync(hiddenLock)).digest('hex');
let layout: ImageLayout;
let lockBefore: string;
const steps: string[] = [];

beforeAll(() => {
  lockBefore = hash();
  layout = replayBuild({ context: ROOT, log: (l) => steps.push(l) });
}, 120_000);
afterAll(() => layout?.cleanup());

test('every step of the Dockerfile replays; only apt-get (the base image) is skipped', () => {
  // Not running as root (a CI user), chown to uid 1000 is impossible: skipped, and said so.
  const allowed = layout.switchesUser ? /apt-get update|apt-get install|\/var\/lib\/apt\/lists/ : /apt-get update|apt-get install|\/var\/lib\/apt\/lists|chown/;
  expect(layout.skipped.filter((s) => !/chown/.test(s))).toHaveLength(3);
  for (const s of layout.skipped) expect(s).toMatch(allowed);
  expect(steps.some((s) => s.startsWith('RUN npm run build'))).toBe(true);
  expect(steps.some((s) => s.startsWith('RUN npm prune --omit=dev'))).toBe(true);
  expect(layout.cmd).toEqual(['node', 'dist/main.js']);
  expect(layout.user.name).toBe('node');
  expect(layout.volumes).toEqual(['/data']);
});

test('the runtime stage holds compiled code, migrations, config and production dependencies only', () => {
  expect(checkLayout(layout, ROOT)).toContain('dev-only packages pruned');
});

test('pruning the replayed node_modules leaves this checkout`s node_modules alone', () => {
  expect(hash()).toBe(lockBefore);
});

test('first start on an empty volume applies the migrations and answers a console conversation', async () => {
  expect(await checkFirstStart(layout)).toMatch(/migrations applied to \/data\/po-bot\.sqlite/);
}, 30_000);

test('a restart on the same volume keeps the data and re-applies nothing', async () => {
  expect(await checkRestart(layout)).toContain('none re-applied');
}, 30_000);

test('node dist/ops/backup.cli.js makes a checked copy on the volume', async () => {
  expect(await checkBackup(layout)).toContain('integrity ok');
}, 30_000);

test('STOPSIGNAL stops the bot cleanly', async () => {
  expect(await checkStopSignal(layout)).toContain('exit 0');
}, 30_000);

test('the HEALTHCHECK passes against the running bot (once GET /healthz exists)', async () => {
  const r = await checkHealth(layout);
  if (typeof r !== 'string') {
    // Not a pass: said out loud in the test output, and only for this one reason.
    process.stderr.write(`[docker replay] SKIPPED: ${r.skipped}\n`);
    expect(r.skipped).toBe(HEALTHZ_MISSING);
  } else expect(r).toContain('HEALTHCHECK exit 0');
}, 40_000);
