import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextOf, lintDockerfile, type LintContext } from '../../scripts/docker/dockerfile.lint';
import { copyArgs, healthcheck, parseDockerfile, stageEnv, stageWorkdir } from '../../scripts/docker/dockerfile.parse';
import { isIgnored, parseDockerignore } from '../../scripts/docker/dockerignore';

const ROOT = join(__dirname, '..', '..');
const DOCKERFILE = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
const ctx = contextOf(ROOT);

/** The real Dockerfile with one edit; the edit must apply, or the case tests nothing. */
function mutate(from: string | RegExp, to: string): string {
  const out = DOCKERFILE.replace(from, to);
  if (out === DOCKERFILE) throw new Error(`mutation did not apply: ${from}`);
  return out;
}

test('the Dockerfile passes every rule', () => {
  expect(lintDockerfile(DOCKERFILE, ctx)).toEqual([]);
});

test('two stages, both on node:20-bookworm-slim; the runtime runs node dist/main.js as node with /data', () => {
  const df = parseDockerfile(DOCKERFILE);
  expect(df.stages.map((s) => [s.name, s.image])).toEqual([
    ['build', 'node:20-bookworm-slim'],
    ['runtime', 'node:20-bookworm-slim'],
  ]);
  const runtime = df.stages[1]!;
  const kw = runtime.instructions.map((i) => i.keyword);
  expect(kw.lastIndexOf('USER')).toBeLessThan(kw.lastIndexOf('CMD'));
  expect(runtime.instructions.find((i) => i.keyword === 'USER')!.args).toBe('node');
  expect(stageEnv(runtime)).toMatchObject({ NODE_ENV: 'production', DATABASE_PATH: '/data/po-bot.sqlite' });
  expect(stageWorkdir(runtime)).toBe('/app');
  const hc = healthcheck(runtime.instructions.find((i) => i.keyword === 'HEALTHCHECK')!);
  expect(hc).not.toBe('NONE');
  if (hc !== 'NONE') {
    expect(hc.argv.slice(0, 2)).toEqual(['node', '-e']);
    expect(hc.argv[2]).toContain("path:'/healthz'");
  }
  // Every COPY without --from names something in the repository.
  for (const i of df.stages.flatMap((s) => s.instructions).filter((i) => i.keyword === 'COPY' && !i.flags.from)) {
    for (const src of copyArgs(i).sources) expect(ctx.exists(src)).toBe(true);
  }
});

// Each rule must be able to fail: the real file with one defect, and the problem it must raise.
test.each([
  ['runtime on another base', /FROM node:20-bookworm-slim AS runtime/, 'FROM node:20 AS runtime', 'both stages must be FROM node:20-bookworm-slim'],
  ['unpinned build base', /FROM node:20-bookworm-slim AS build/, 'FROM node:latest AS build', 'both stages must be FROM'],
  ['single stage', /[\s\S]*# ---- runtime/, '# ---- runtime', 'multi-stage'],
  ['no compilers in build', /python3 make g\+\+/, 'ca-certificates', 'must install python3'],
  ['compilers in runtime', 'RUN mkdir -p /data', 'RUN apt-get install -y g++ && mkdir -p /data', 'installs build tools (g++)'],
  ['npm install in runtime', 'RUN mkdir -p /data', 'RUN npm ci --omit=dev && mkdir -p /data', 'must not install packages'],
  ['no prune', / && npm prune --omit=dev --no-audit --no-fund/, '', 'npm prune --omit=dev'],
  ['prune before build', 'RUN npm run build && npm prune --omit=dev --no-audit --no-fund', 'RUN npm prune --omit=dev && npm run build', 'runs before `npm run build`'],
  ['root user', /^USER node$/m, 'USER root', 'must not run as root'],
  ['no user', /^USER node\n/m, '', 'non-root USER before CMD'],
  ['user after CMD', /^USER node\n([\s\S]*)$/m, '$1\nUSER node\n', 'non-root USER before CMD'],
  ['no volume', /^VOLUME .*\n/m, '', 'VOLUME /data'],
  ['chown after volume', /^(RUN mkdir .*)\n(VOLUME .*)$/m, '$2\n$1', 'before VOLUME'],
  ['database outside the volume', 'DATABASE_PATH=/data/po-bot.sqlite', 'DATABASE_PATH=/app/po-bot.sqlite', 'DATABASE_PATH must point into /data'],
  ['no healthcheck', /^HEALTHCHECK [\s\S]*?\]\n/m, '', 'needs a HEALTHCHECK'],
  ['healthcheck with curl', /^HEALTHCHECK [\s\S]*?\]\n/m, 'HEALTHCHECK --timeout=5s CMD curl -f http://localhost:3000/healthz\n', 'curl'],
  ['healthcheck on a fixed port', 'port:Number(process.env.PORT)||3000', 'port:3000', 'must follow PORT'],
  ['healthcheck elsewhere', "path:'/healthz'", "path:'/'", 'must call /healthz'],
  ['shell-form CMD', 'CMD ["node", "dist/main.js"]', 'CMD node dist/main.js', 'exec form'],
  ['wrong entry point', 'CMD ["node", "dist/main.js"]', 'CMD ["node", "dist/index.js"]', 'expected ["node", "dist/main.js"]'],
  ['no EXPOSE', /^EXPOSE 3000\n/m, '', 'EXPOSE 3000'],
  ['no STOPSIGNAL', /^STOPSIGNAL SIGTERM\n/m, '', 'STOPSIGNAL SIGTERM'],
  ['migrations not copied', /^COPY migrations .*\n/m, '', 'migrations/ must be copied to /app/migrations'],
  ['migrations in the wrong place', 'COPY migrations ./migrations', 'COPY migrations ./dist/migrations', 'migrations/ must be copied to /app/migrations'],
  ['config not copied', 'COPY bot.config.json package.json ./', 'COPY package.json ./', 'BOT_CONFIG'],
  ['sources in runtime', 'COPY migrations ./migrations', 'COPY migrations ./migrations\nCOPY src ./src', 'only compiled code'],
  ['token in ENV', 'PORT=3000', 'PORT=3000 SLACK_BOT_TOKEN=abc', 'secrets come from the environment'],
  ['secret ARG', /^FROM node:20-bookworm-slim AS runtime$/m, 'FROM node:20-bookworm-slim AS runtime\nARG TELEGRAM_WEBHOOK_SECRET', 'secrets come from the environment'],
  ['missing COPY source', 'COPY bot.config.json package.json ./', 'COPY bot.config.json package.json settings.json ./', 'settings.json: not in the build context'],
  ['COPY of an ignored path', 'COPY migrations ./migrations', 'COPY migrations ./migrations\nCOPY test ./test', 'excluded by .dockerignore'],
  ['COPY from an unknown stage', '--from=build /app/dist', '--from=builder /app/dist', 'no such stage'],
  ['COPY of .env', 'COPY bot.config.json package.json ./', 'COPY bot.config.json package.json .env ./', 'secrets never go into the image'],
  ['ADD', 'COPY migrations ./migrations', 'ADD migrations ./migrations', 'use COPY, not ADD'],
])('catches: %s', (_name, from, to, expected) => {
  const problems = lintDockerfile(mutate(from as string | RegExp, to as string), ctx);
  expect(problems.join('\n')).toContain(expected);
});

test('catches a Slack or Telegram token written anywhere in the file', () => {
  const slack = mutate('# po-bot container image.', '# po-bot container image. xoxb-1234567890-abcdefghij');
  expect(lintDockerfile(slack, ctx).join('\n')).toContain('looks like a token');
  const telegram = mutate('BOT_CONFIG=/app/bot.config.json', 'BOT_CONFIG=/app/bot.config.json BOT=123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
  expect(lintDockerfile(telegram, ctx).join('\n')).toContain('looks like a token');
});

test('.dockerignore keeps node_modules, data, .git, dist, databases and secrets out, but not what is copied', () => {
  for (const p of ['node_modules', 'node_modules/zod/package.json', 'data/po-bot.sqlite', '.git/HEAD', 'dist/main.js', 'x.sqlite', 'a/b/c.sqlite-wal', '.env', '.env.production', 'test/smoke.test.ts']) {
    expect([p, isIgnored(ctx.ignore, p)]).toEqual([p, true]);
  }
  for (const p of ['src/main.ts', 'migrations/0000_foundation.sql', 'migrations/meta/_journal.json', 'calendar/2026.txt', 'package.json', 'package-lock.json', 'bot.config.json', 'tsconfig.build.json']) {
    expect([p, isIgnored(ctx.ignore, p)]).toEqual([p, false]);
  }
  const without: LintContext = { ...ctx, ignore: parseDockerignore('dist\n.git\n') };
  const problems = lintDockerfile(DOCKERFILE, without);
  expect(problems).toEqual(expect.arrayContaining(['.dockerignore must exclude node_modules', '.dockerignore must exclude data']));
});

test('the .dockerignore reader follows Docker: last match wins, ** spans folders, a folder covers its contents', () => {
  const rules = parseDockerignore('# comment\n*.log\n!keep.log\n**/tmp\ndocs/*.md\n!docs/README.md\n/build/\n');
  expect(isIgnored(rules, 'a.log')).toBe(true);
  expect(isIgnored(rules, 'keep.log')).toBe(false);
  expect(isIgnored(rules, 'sub/a.log')).toBe(false); // `*` stays in one segment
  expect(isIgnored(rules, 'x/y/tmp/z')).toBe(true);
  expect(isIgnored(rules, 'tmp')).toBe(true);
  expect(isIgnored(rules, 'docs/a.md')).toBe(true);
  expect(isIgnored(rules, 'docs/README.md')).toBe(false);
  expect(isIgnored(rules, 'build/out/x.js')).toBe(true);
  expect(isIgnored(rules, 'builder')).toBe(false);
});

test('the Dockerfile reader joins continuations, skips comments inside them and reads flags', () => {
  const df = parseDockerfile(
    ['FROM node:20-bookworm-slim AS b', 'RUN a \\', '# a comment in the middle', '  && b', 'COPY --from=b --chown=node:node /x ./y', 'ENV A=1 B="two words"'].join('\n'),
  );
  const [run, copy, env] = df.stages[0]!.instructions;
  expect(run).toMatchObject({ line: 2, keyword: 'RUN', args: 'a && b' });
  expect(copy!.flags).toEqual({ from: 'b', chown: 'node:node' });
  expect(copyArgs(copy!)).toEqual({ sources: ['/x'], dest: './y' });
  expect(stageEnv(df.stages[0]!)).toEqual({ A: '1', B: 'two words' });
  expect(() => parseDockerfile('RUN x')).toThrow('before the first FROM');
  expect(() => parseDockerfile('FROM x\nRUN <<EOF\nls\nEOF')).toThrow('heredocs');
});
