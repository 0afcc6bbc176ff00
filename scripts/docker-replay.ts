import { join } from 'node:path';
import { lintDockerfile, contextOf } from './docker/dockerfile.lint';
import { replayBuild } from './docker/docker.replay';
import { verifyImage } from './docker/docker.checks';
import { readFileSync } from 'node:fs';

// `npm run docker:replay [-- --npm-ci] [--keep]`: lint the Dockerfile, replay its build in a
// temporary directory and run the built image's checks. No container engine involved.
//   --npm-ci  run the real `npm ci` in the build stage (network, compiles better-sqlite3, ~1 min)
//             instead of hard-linking this checkout's node_modules
//   --keep    leave the temporary directory for inspection
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !['--npm-ci', '--keep'].includes(a));
  if (unknown.length) {
    process.stderr.write(`Unknown argument(s): ${unknown.join(' ')}\nUsage: npm run docker:replay -- [--npm-ci] [--keep]\n`);
    return 64;
  }
  const context = join(__dirname, '..');
  const log = (l: string) => process.stdout.write(l + '\n');
  const problems = lintDockerfile(readFileSync(join(context, 'Dockerfile'), 'utf8'), contextOf(context));
  if (problems.length) {
    log('Dockerfile lint:\n  ' + problems.join('\n  '));
    return 1;
  }
  log('Dockerfile lint: ok');
  const t0 = Date.now();
  const layout = replayBuild({ context, npmCi: args.includes('--npm-ci') ? 'real' : 'link', log });
  try {
    log(`== built in ${Date.now() - t0} ms; runtime as ${layout.user.name}${layout.switchesUser ? ` (uid ${layout.user.uid})` : ' (this user: not root, cannot switch)'}`);
    const results = await verifyImage(layout, context, log);
    const failed = results.filter((r) => r.status === 'failed');
    log(`== ${results.length - failed.length}/${results.length} checks passed or skipped, ${failed.length} failed (${Date.now() - t0} ms)`);
    return failed.length ? 1 : 0;
  } finally {
    if (args.includes('--keep')) log(`kept ${layout.dir}`);
    else layout.cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`docker replay: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
