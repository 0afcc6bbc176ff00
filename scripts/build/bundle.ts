import { build, type BuildOptions } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The build that runs (`npm run build` → dist/, the Docker image; the tests' child processes →
// .test-build/): src/main.ts bundled with esbuild into dist/po-bot.js, started by
// dist/main.js with V8's code cache. One file instead of some 700 modules to resolve, read and
// compile; the cache skips compiling it. esbuild is the transform tsx already runs on src/, so the
// bundle behaves as `npm start` does. Modules loaded only on demand stay outside the bundle and
// load from node_modules when used (platform SDKs, the web framework, holiday data, the .ics
// writer), as does better-sqlite3 (a native addon). pino is bundled: the bot uses no transports,
// the part of pino that loads files of its own by path.

const ROOT = resolve(__dirname, '..', '..');

/** Left to `require` at run time: native, or loaded on demand. */
export const EXTERNAL = ['better-sqlite3', '@slack/*', 'telegraf', 'telegraf/*', 'hono', 'hono/*', '@hono/*', 'ics', 'date-holidays'];

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // The ES module builds (zod, drizzle-orm, date-fns) let esbuild leave out what is never used.
  mainFields: ['module', 'main'],
  external: EXTERNAL,
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  // Smaller to read and parse; names are kept so a logged stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  keepNames: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
  absWorkingDir: ROOT,
};

export interface BundleResult {
  outDir: string;
  bytes: number;
  codeCacheBytes: number;
  /** The files bundled into po-bot.js, relative to the repository. */
  inputs: string[];
}

/**
 * Builds into `outDir` (a folder directly in the repository, so the bundle finds migrations/ and
 * calendar/ above it): main.js, po-bot.js (+ .map), po-bot.js.codecache, ops/backup.cli.js and ops/outbox.cli.js.
 * The code cache is written by running the bundle once (start-up and /help on a throwaway
 * database), which is also the build's smoke test: a bundle that cannot answer fails the build.
 */
export async function bundle(outDir = join(ROOT, 'dist'), opts: { codeCache?: boolean } = {}): Promise<BundleResult> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, 'ops'), { recursive: true });
  const main = await build({ ...common, metafile: true, entryPoints: [join(ROOT, 'src', 'main.ts')], outfile: join(outDir, 'po-bot.js') });
  await build({ ...common, entryPoints: [join(ROOT, 'src', 'ops', 'backup.cli.ts')], outfile: join(outDir, 'ops', 'backup.cli.js') });
  await build({ ...common, entryPoints: [join(ROOT, 'src', 'ops', 'outbox.cli.ts')], outfile: join(outDir, 'ops', 'outbox.cli.js') });
  copyFileSync(join(__dirname, 'main-loader.cjs'), join(outDir, 'main.js'));
  let codeCacheBytes = 0;
  if (opts.codeCache !== false) {
    const tmp = mkdtempSync(join(tmpdir(), 'po-bot-build-'));
    try {
      const run = spawnSync(process.execPath, [join(outDir, 'main.js'), '--json'], {
        cwd: ROOT,
        input: '/help\n',
        encoding: 'utf8',
        timeout: 60_000,
        env: { PATH: process.env.PATH ?? '', HOME: tmp, DATABASE_PATH: join(tmp, 'build.sqlite'), BOT_CONFIG: join(ROOT, 'bot.config.json'), PO_BOT_CODE_CACHE: 'write' },
      });
      if (run.status !== 0 || !run.stdout.includes('/propose')) {
        throw new Error(`the bundle did not answer /help (exit ${run.status}):\n${run.stderr}${run.stdout}`);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    codeCacheBytes = statSync(join(outDir, 'po-bot.js.codecache')).size;
  }
  return { outDir, bytes: statSync(join(outDir, 'po-bot.js')).size, codeCacheBytes, inputs: Object.keys(main.metafile.inputs) };
}

if (require.main === module) {
  const out = process.argv[2] ? resolve(process.argv[2]) : undefined;
  bundle(out).then(
    (r) => console.log(`${r.outDir}: po-bot.js ${(r.bytes / 1024).toFixed(0)} KiB, code cache ${(r.codeCacheBytes / 1024).toFixed(0)} KiB`),
    (e) => {
      console.error((e as Error).message);
      process.exit(1);
    },
  );
}
