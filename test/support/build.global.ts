import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { bundle } from '../../scripts/build/bundle';
import { openDatabase } from '../../src/store/db';
import { peopleRepo } from '../../src/store/repositories/people.repo';
import { DEFAULT_AGENCIES } from '../../src/config/default-agencies';
import { BUILD_ENV, BUILD_FOLDER, TEMPLATE, TEMPLATE_WITH_AGENCIES } from './test-build';

// Jest's global setup (before any worker starts): the tests that run the real bot as a child
// process run the build the image ships (`node <build>/main.js`, esbuild's bundle with V8's code
// cache), built once per change of the code rather than transpiled by tsx in every child: 0.16 s
// per start instead of 0.7–0.85 s, and some 60 starts per run.
//
// The build lives in .test-build/<stamp>/, the stamp a hash of everything the build reads (src/,
// migrations/, scripts/build/, package-lock.json, tsconfig.json, this file, the Node version the
// code cache was written by). A matching folder is used as it is. A missing one is built in a folder of its own and
// renamed into place, so a concurrent jest run (two worktrees, `npm test` beside a focused run)
// sees a whole build or none; if another run renamed first, its build is used and ours dropped.
// The folder is inside the repository because the bot finds migrations/ and calendar/ next to the
// nearest package.json above it (src/paths.ts).
//
// Beside it, template.sqlite: an empty database made by the real migrations (src/store/db.ts's
// openDatabase), and template-agencies.sqlite: the same after the first start has written the
// default agencies (the store's own syncAgencies, as createApp calls it). test/support/app.ts
// starts each test's database as a copy of one of them, so the migrations and the 33 agency
// inserts run once per change instead of once per test (some 500 tests, about 8 s of CPU). Each
// app still opens its copy through the same code, which finds every migration applied and the
// agencies as configured. Tests of the migrations themselves (test/store/migrations*,
// early-databases) migrate from scratch.

const ROOT = join(__dirname, '..', '..');
/** Builds older than this that are not the current one are removed (a concurrent run may use one). */
const KEEP_OLD_MS = 60 * 60_000;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}

export function buildStamp(): string {
  const h = createHash('sha256').update(process.version);
  const inputs = [...files(join(ROOT, 'src')), ...files(join(ROOT, 'migrations')), ...files(join(ROOT, 'scripts', 'build')), join(ROOT, 'package-lock.json'), join(ROOT, 'tsconfig.json'), __filename].sort();
  for (const f of inputs) h.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 16);
}

export default async function buildForTests(): Promise<void> {
  const base = join(ROOT, BUILD_FOLDER);
  const stamp = buildStamp();
  const dir = join(base, stamp);
  process.env[BUILD_ENV] = dir;
  if (existsSync(join(dir, 'main.js'))) return;
  mkdirSync(base, { recursive: true });
  const tmp = join(base, `.building-${stamp}-${process.pid}`);
  try {
    const built = await bundle(tmp);
    // What the bundle test checks (which files went in) without building again.
    writeFileSync(join(tmp, 'inputs.json'), JSON.stringify(built.inputs));
    openDatabase(join(tmp, TEMPLATE)).$client.close();
    const withAgencies = openDatabase(join(tmp, TEMPLATE_WITH_AGENCIES));
    peopleRepo(withAgencies).syncAgencies(DEFAULT_AGENCIES.map((a) => ({ ...a, aliases: a.aliases ?? [] })));
    withAgencies.$client.close();
    try {
      renameSync(tmp, dir);
    } catch (e) {
      // Another run put the same build in place first: use it.
      if (!existsSync(join(dir, 'main.js'))) throw e;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  for (const old of readdirSync(base)) {
    const p = join(base, old);
    if (p !== dir && Date.now() - statSync(p).mtimeMs > KEEP_OLD_MS) rmSync(p, { recursive: true, force: true });
  }
}
