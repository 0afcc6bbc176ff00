import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  containerPath,
  copyArgs,
  envPairs,
  execForm,
  healthcheck,
  parseDockerfile,
  runCommands,
  stageEnv,
  stageWorkdir,
  words,
  type Dockerfile,
  type Stage,
} from './dockerfile.parse';
import { isIgnored, parseDockerignore, type IgnoreRule } from './dockerignore';

/**
 * What po-bot's image must be (issue 7, item 6), as rules over the parsed Dockerfile. Each
 * problem names the line and the rule, so a failing test says what to fix.
 */
export const BASE_IMAGE = 'node:20-bookworm-slim';
export const COMPILERS = ['python3', 'make', 'g++', 'gcc', 'build-essential', 'clang'];
export const MUST_IGNORE = ['node_modules', 'data', '.git', 'dist', 'po-bot.sqlite', 'data/po-bot.sqlite-wal', '.env'];

export interface LintContext {
  /** Context-relative path exists in the build context directory. */
  exists(path: string): boolean;
  readFile(path: string): string;
  ignore: IgnoreRule[];
}

export function contextOf(dir: string): LintContext {
  const ignoreFile = join(dir, '.dockerignore');
  return {
    exists: (p) => existsSync(join(dir, p)),
    readFile: (p) => readFileSync(join(dir, p), 'utf8'),
    ignore: existsSync(ignoreFile) ? parseDockerignore(readFileSync(ignoreFile, 'utf8')) : [],
  };
}

const SECRET_NAME = /(TOKEN|SECRET|PASSW(OR)?D|API_?KEY|PRIVATE_?KEY|CREDENTIAL)/i;
// Slack tokens, Telegram bot tokens, PEM blocks: never in an image layer or its metadata.
const SECRET_VALUE = /(xox[abpros]-[A-Za-z0-9-]{8,}|xapp-[A-Za-z0-9-]{8,}|\b\d{6,12}:[A-Za-z0-9_-]{30,}\b|-----BEGIN [A-Z ]*PRIVATE KEY-----)/;
const ROOT_USERS = new Set(['root', '0', '0:0', 'root:root']);

export function lintDockerfile(text: string, ctx: LintContext): string[] {
  const problems: string[] = [];
  const at = (line: number, msg: string) => problems.push(`line ${line}: ${msg}`);
  let df: Dockerfile;
  try {
    df = parseDockerfile(text);
  } catch (e) {
    return [(e as Error).message];
  }
  const stages = df.stages;
  if (stages.length < 2) problems.push('the image must be multi-stage: a build stage and a runtime stage');
  for (const s of stages) {
    if (s.image !== BASE_IMAGE) at(s.line, `stage ${s.name ?? s.index} is FROM ${s.image}; both stages must be FROM ${BASE_IMAGE}`);
  }
  const lines = text.split(/\r?\n/);
  lines.forEach((l, i) => {
    if (SECRET_VALUE.test(l)) at(i + 1, 'looks like a token or private key baked into the Dockerfile');
  });
  for (const i of [...df.preamble, ...stages.flatMap((s) => s.instructions)]) {
    if (i.keyword === 'ENV' || i.keyword === 'ARG') {
      for (const [k] of i.keyword === 'ENV' ? envPairs(i.args) : [[words(i.args)[0]?.split('=')[0] ?? '']]) {
        if (SECRET_NAME.test(k!)) at(i.line, `${i.keyword} ${k}: secrets come from the environment at run time, never from the image`);
      }
    }
    if (i.keyword === 'ADD') at(i.line, 'use COPY, not ADD (no remote URLs or archive unpacking in this image)');
  }
  if (stages.length === 0) return problems;
  const build = stages.slice(0, -1);
  const runtime = stages.at(-1)!;
  lintBuild(build, at);
  lintCopies(stages, ctx, at);
  lintRuntime(runtime, ctx, at, problems);
  lintIgnore(ctx, problems);
  return problems;
}

function installs(stage: Stage): { line: number; packages: string[] }[] {
  const out: { line: number; packages: string[] }[] = [];
  for (const i of stage.instructions) {
    if (i.keyword !== 'RUN') continue;
    for (const cmd of runCommands(i.args)) {
      const k = cmd.indexOf('install');
      if ((cmd[0] === 'apt-get' || cmd[0] === 'apt') && k > 0) out.push({ line: i.line, packages: cmd.slice(k + 1).filter((w) => !w.startsWith('-')) });
      if (cmd[0] === 'apk' && cmd[1] === 'add') out.push({ line: i.line, packages: cmd.slice(2).filter((w) => !w.startsWith('-')) });
    }
  }
  return out;
}

function runs(stage: Stage): { line: number; cmd: string[] }[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN').flatMap((i) => runCommands(i.args).map((cmd) => ({ line: i.line, cmd })));
}

function lintBuild(build: Stage[], at: (line: number, msg: string) => void): void {
  const b = build[0];
  if (!b) return;
  const packages = new Set(installs(b).flatMap((x) => x.packages));
  for (const tool of ['python3', 'make', 'g++']) {
    if (!packages.has(tool)) at(b.line, `the build stage must install ${tool} (better-sqlite3 compiles its addon when no prebuilt binary fits)`);
  }
  const cmds = runs(b);
  const find = (pred: (c: string[]) => boolean) => cmds.findIndex((x) => pred(x.cmd));
  const ci = find((c) => c[0] === 'npm' && c[1] === 'ci');
  const compile = find((c) => c[0] === 'npm' && c[1] === 'run' && c[2] === 'build');
  const prune = find((c) => c[0] === 'npm' && c[1] === 'prune' && c.includes('--omit=dev'));
  if (ci < 0) at(b.line, 'the build stage must install dependencies with `npm ci` (exactly the lockfile)');
  if (compile < 0) at(b.line, 'the build stage must compile with `npm run build`');
  if (prune < 0) at(b.line, 'the build stage must drop dev dependencies with `npm prune --omit=dev` before the runtime copies node_modules');
  if (ci >= 0 && compile >= 0 && compile < ci) at(cmds[compile]!.line, '`npm run build` runs before `npm ci`');
  if (compile >= 0 && prune >= 0 && prune < compile) at(cmds[prune]!.line, '`npm prune --omit=dev` runs before `npm run build` (tsc is a dev dependency)');
}

function lintCopies(stages: Stage[], ctx: LintContext, at: (line: number, msg: string) => void): void {
  stages.forEach((s, idx) => {
    for (const i of s.instructions) {
      if (i.keyword !== 'COPY') continue;
      const { sources } = copyArgs(i);
      const from = i.flags.from;
      if (from !== undefined) {
        const src = stages.findIndex((x) => x.name === from.toLowerCase() || String(x.index) === from);
        if (src < 0) at(i.line, `COPY --from=${from}: no such stage (an image name would pull code from outside this build)`);
        else if (src >= idx) at(i.line, `COPY --from=${from}: the stage must come earlier`);
        continue;
      }
      for (const source of sources) {
        const rel = source.replace(/^\.\//, '').replace(/\/$/, '');
        if (/(^|\/)\.env(\.|$)|\.pem$|\.key$/.test(rel)) at(i.line, `COPY ${source}: secrets never go into the image`);
        if (rel === '.' || rel.includes('*')) {
          at(i.line, `COPY ${source}: copy named files and folders, not the whole context or globs`);
          continue;
        }
        if (!ctx.exists(rel)) at(i.line, `COPY ${source}: not in the build context`);
        else if (isIgnored(ctx.ignore, rel)) at(i.line, `COPY ${source}: excluded by .dockerignore, the build would fail`);
      }
    }
  });
}

function lintRuntime(s: Stage, ctx: LintContext, at: (line: number, msg: string) => void, problems: string[]): void {
  const ins = s.instructions;
  const find = (k: string) => ins.findIndex((i) => i.keyword === k);
  const findLast = (k: string) => ins.map((i) => i.keyword).lastIndexOf(k);
  for (const x of installs(s)) {
    const bad = x.packages.filter((p) => COMPILERS.includes(p));
    if (bad.length) at(x.line, `the runtime stage installs build tools (${bad.join(', ')}): they belong in the build stage only`);
  }
  for (const { line, cmd } of runs(s)) {
    if (cmd[0] === 'npm' && ['ci', 'install', 'i'].includes(cmd[1] ?? '')) at(line, 'the runtime stage must not install packages: copy the pruned node_modules from the build stage');
  }
  for (const i of ins) {
    if (i.keyword !== 'COPY' || i.flags.from !== undefined) continue;
    for (const src of copyArgs(i).sources) {
      if (/^(\.\/)?(src|test|tsconfig[^/]*\.json)\/?$/.test(src)) at(i.line, `the runtime stage copies ${src}: only compiled code belongs there`);
    }
  }
  const env = stageEnv(s);
  const workdir = stageWorkdir(s);
  if (env.NODE_ENV !== 'production') at(s.line, 'the runtime stage must set NODE_ENV=production');

  // Database on the /data volume, owned by the user the bot runs as, set before VOLUME.
  const volumeAt = find('VOLUME');
  const volumes = volumeAt < 0 ? [] : (execForm(ins[volumeAt]!.args) ?? words(ins[volumeAt]!.args));
  if (!volumes.includes('/data')) at(s.line, 'the runtime stage must declare VOLUME /data for the database');
  if (!env.DATABASE_PATH?.startsWith('/data/')) at(s.line, 'DATABASE_PATH must point into /data (the volume), e.g. /data/po-bot.sqlite');

  // Non-root before CMD.
  const cmdAt = findLast('CMD');
  const userAt = ins.findLastIndex((i, k) => i.keyword === 'USER' && (cmdAt < 0 || k < cmdAt));
  const user = userAt < 0 ? undefined : words(ins[userAt]!.args)[0];
  if (!user) at(s.line, 'the runtime stage must switch to a non-root USER before CMD');
  else if (ROOT_USERS.has(user)) at(ins[userAt]!.line, `USER ${user}: the bot must not run as root`);
  if (user && volumeAt >= 0) {
    const name = user.split(':')[0]!;
    const chown = ins.findIndex(
      (i, k) => i.keyword === 'RUN' && runCommands(i.args).some((c) => c[0] === 'chown' && c.some((w) => w.split(':')[0] === name) && c.includes('/data')) && k < volumeAt,
    );
    if (chown < 0) at(ins[volumeAt]!.line, `/data must be chowned to ${name} in a RUN before VOLUME (later changes to a volume path are discarded), or the bot cannot write its database`);
  }

  // Code and migrations where dist/store/db.js looks for them (resolve(__dirname, '../../migrations')).
  const dests = new Map<string, { from?: string; source: string }>();
  for (const i of ins.filter((x) => x.keyword === 'COPY')) {
    const { sources, dest } = copyArgs(i);
    const wd = stageWorkdir(s, ins.indexOf(i));
    for (const source of sources) {
      const base = source.replace(/\/$/, '').split('/').at(-1)!;
      const target = dest.endsWith('/') || sources.length > 1 ? containerPath(`${dest}/${base}`, wd) : containerPath(dest, wd);
      dests.set(target, { from: i.flags.from, source });
    }
  }
  const dist = dests.get(containerPath('dist', workdir));
  if (!dist?.from) at(s.line, `the compiled code must be copied from the build stage to ${containerPath('dist', workdir)}`);
  if (!dests.get(containerPath('node_modules', workdir))?.from) at(s.line, `the pruned node_modules must be copied from the build stage to ${containerPath('node_modules', workdir)}`);
  const migrations = dests.get(containerPath('migrations', workdir));
  if (!migrations || migrations.source.replace(/^\.\//, '').replace(/\/$/, '') !== 'migrations') {
    at(s.line, `migrations/ must be copied to ${containerPath('migrations', workdir)}: dist/store/db.js applies ../../migrations at start-up`);
  }
  try {
    const build = JSON.parse(ctx.readFile('tsconfig.build.json')) as { compilerOptions?: { outDir?: string; rootDir?: string } };
    if (build.compilerOptions?.outDir !== 'dist' || build.compilerOptions?.rootDir !== 'src') {
      problems.push('tsconfig.build.json must compile src/ to dist/ (rootDir src, outDir dist) so dist/store/db.js sits two levels below the app root');
    }
  } catch (e) {
    problems.push(`tsconfig.build.json: ${(e as Error).message}`);
  }
  if (!ctx.readFile('src/store/db.ts').includes("resolve(__dirname, '..', '..', 'migrations')")) {
    problems.push("src/store/db.ts no longer resolves migrations as resolve(__dirname, '..', '..', 'migrations'): check the runtime layout");
  }
  const config = env.BOT_CONFIG ? containerPath(env.BOT_CONFIG, workdir) : containerPath('bot.config.json', workdir);
  if (!dests.has(config)) at(s.line, `the config file ${config} (BOT_CONFIG) is not copied into the image`);

  // Start, stop, health.
  const cmd = cmdAt < 0 ? undefined : execForm(ins[cmdAt]!.args);
  if (!cmd) at(s.line, 'CMD must be the exec form ["node", "dist/main.js"] so node is PID 1 and gets SIGTERM');
  else if (cmd.join(' ') !== 'node dist/main.js') at(ins[cmdAt]!.line, `CMD ${JSON.stringify(cmd)}: expected ["node", "dist/main.js"]`);
  if (!ctx.exists('src/main.ts')) problems.push('src/main.ts (compiled to dist/main.js) is missing');
  const entry = find('ENTRYPOINT');
  if (entry >= 0) at(ins[entry]!.line, 'no ENTRYPOINT: CMD alone starts the bot');
  const expose = ins.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => words(i.args));
  if (!expose.some((p) => p.split('/')[0] === '3000')) at(s.line, 'EXPOSE 3000 (PORT, the HTTP receivers and /healthz)');
  const stop = ins.filter((i) => i.keyword === 'STOPSIGNAL').at(-1);
  if (!stop || stop.args !== 'SIGTERM') at(stop?.line ?? s.line, 'STOPSIGNAL SIGTERM (the graceful shutdown listens for it)');
  const hcAt = findLast('HEALTHCHECK');
  if (hcAt < 0) at(s.line, 'the runtime stage needs a HEALTHCHECK on GET /healthz');
  else {
    const hc = healthcheck(ins[hcAt]!);
    const line = ins[hcAt]!.line;
    if (hc === 'NONE') at(line, 'HEALTHCHECK NONE: the image must check /healthz');
    else {
      const script = hc.argv.join(' ');
      if (!hc.execForm) at(line, 'HEALTHCHECK CMD must use the exec form (no shell needed)');
      if (!script.includes('/healthz')) at(line, 'HEALTHCHECK must call /healthz');
      if (/\b(curl|wget)\b/.test(script)) at(line, `HEALTHCHECK uses curl/wget, which ${BASE_IMAGE} does not have: use node -e`);
      if (hc.argv[0] !== 'node') at(line, 'HEALTHCHECK should run node (the only HTTP client in the slim image)');
      if (!script.includes('process.env.PORT')) at(line, 'HEALTHCHECK must follow PORT (process.env.PORT), not a fixed port');
      if (!hc.options.timeout) at(line, 'HEALTHCHECK needs --timeout');
    }
  }
}

function lintIgnore(ctx: LintContext, problems: string[]): void {
  if (!ctx.exists('.dockerignore')) {
    problems.push('.dockerignore is missing: node_modules, data and .git would be sent to the build');
    return;
  }
  for (const p of MUST_IGNORE) {
    if (!isIgnored(ctx.ignore, p)) problems.push(`.dockerignore must exclude ${p}`);
  }
}
