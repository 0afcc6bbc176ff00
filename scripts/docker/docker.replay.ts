import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import {
  containerPath,
  copyArgs,
  envPairs,
  execForm,
  healthcheck,
  parseDockerfile,
  runCommands,
  words,
  type Instruction,
  type Stage,
} from './dockerfile.parse';
import { isIgnored, parseDockerignore, type IgnoreRule } from './dockerignore';

/**
 * Replays the Dockerfile on this machine, without a container engine: each stage gets its own
 * directory standing for its root filesystem, COPY copies what Docker would (honouring
 * .dockerignore), and RUN executes the commands this replay knows — any other command stops the
 * replay, so the Dockerfile cannot grow a step that goes unchecked. What cannot be replayed
 * (apt-get inside the base image) is logged as skipped. The result is the runtime stage's file
 * tree, its environment, user, CMD and HEALTHCHECK, ready to be started.
 */

export interface ReplayOptions {
  /** The build context: the repository root. */
  context: string;
  /**
   * `link` (default): `npm ci` is stood in for by hard-linking the context's node_modules (which
   * `npm ci` made from the same lockfile; checked). `real`: run `npm ci` (network, ~1 min).
   */
  npmCi?: 'link' | 'real';
  log?: (line: string) => void;
}

/** Users of the node:*-bookworm-slim base image (it creates `node` with uid/gid 1000). */
export const IMAGE_USERS: Record<string, { uid: number; gid: number }> = {
  root: { uid: 0, gid: 0 },
  node: { uid: 1000, gid: 1000 },
};

export interface ImageLayout {
  /** Temporary directory holding every stage. */
  dir: string;
  /** The runtime stage's root filesystem. */
  rootfs: string;
  /** Container path of the runtime WORKDIR, and where it is here. */
  workdir: string;
  hostWorkdir: string;
  /** Runtime ENV as declared (container paths). */
  env: Record<string, string>;
  cmd: string[];
  healthcheck?: string[];
  user: { name: string; uid: number; gid: number };
  /** True when processes are started with the image user's uid/gid (replay running as root). */
  switchesUser: boolean;
  volumes: string[];
  exposed: string[];
  stopSignal?: string;
  skipped: string[];
  hostPath(containerPath: string): string;
  cleanup(): void;
}

export class ReplayError extends Error {
  override name = 'ReplayError';
}

interface StageState {
  stage: Stage;
  rootfs: string;
  workdir: string;
  env: Record<string, string>;
  user: string;
}

export function replayBuild(opts: ReplayOptions): ImageLayout {
  const log = opts.log ?? (() => {});
  const context = opts.context;
  const df = parseDockerfile(readFileSync(join(context, 'Dockerfile'), 'utf8'));
  const ignoreFile = join(context, '.dockerignore');
  const ignore = existsSync(ignoreFile) ? parseDockerignore(readFileSync(ignoreFile, 'utf8')) : [];
  const dir = mkdtempSync(join(tmpdir(), 'po-bot-image-'));
  // The image user must be able to reach its files, as it would in a container.
  chmodSync(dir, 0o755);
  const isRoot = process.getuid?.() === 0;
  const skipped: string[] = [];
  const states: StageState[] = [];
  try {
    for (const stage of df.stages) {
      const rootfs = join(dir, `${stage.index}-${stage.name ?? 'stage'}`);
      mkdirSync(rootfs, { recursive: true });
      if (stage.image !== 'node:20-bookworm-slim') throw new ReplayError(`stage ${stage.name}: only node:20-bookworm-slim can be stood in for by this machine's node`);
      const st: StageState = { stage, rootfs, workdir: '/', env: {}, user: 'root' };
      states.push(st);
      log(`== stage ${stage.name ?? stage.index} (FROM ${stage.image}) in ${rootfs}`);
      for (const i of stage.instructions) step(i, st, states, { context, ignore, npmCi: opts.npmCi ?? 'link', isRoot, log, skipped });
    }
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const rt = states.at(-1)!;
  const ins = rt.stage.instructions;
  const last = (k: string) => ins.filter((i) => i.keyword === k).at(-1);
  const cmd = last('CMD') && execForm(last('CMD')!.args);
  if (!cmd) throw new ReplayError('the runtime stage has no exec-form CMD to start');
  const hc = last('HEALTHCHECK') ? healthcheck(last('HEALTHCHECK')!) : undefined;
  const account = IMAGE_USERS[rt.user.split(':')[0]!];
  if (!account) throw new ReplayError(`USER ${rt.user} is not a user of the base image`);
  const volumes = ins.filter((i) => i.keyword === 'VOLUME').flatMap((i) => execForm(i.args) ?? words(i.args));
  for (const v of volumes) mkdirSync(join(rt.rootfs, v), { recursive: true });
  // The base image gives its users a home directory.
  const home = join(rt.rootfs, 'home', rt.user.split(':')[0]!);
  mkdirSync(home, { recursive: true });
  if (isRoot) chownSync(home, account.uid, account.gid);
  return {
    dir,
    rootfs: rt.rootfs,
    workdir: rt.workdir,
    hostWorkdir: join(rt.rootfs, rt.workdir),
    env: rt.env,
    cmd,
    healthcheck: hc && hc !== 'NONE' ? hc.argv : undefined,
    user: { name: rt.user, ...account },
    switchesUser: isRoot && account.uid !== 0,
    volumes,
    exposed: ins.filter((i) => i.keyword === 'EXPOSE').flatMap((i) => words(i.args)),
    stopSignal: last('STOPSIGNAL')?.args,
    skipped,
    hostPath: (p) => join(rt.rootfs, containerPath(p, rt.workdir)),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

interface StepContext {
  context: string;
  ignore: IgnoreRule[];
  npmCi: 'link' | 'real';
  isRoot: boolean;
  log: (line: string) => void;
  skipped: string[];
}

function step(i: Instruction, st: StageState, states: StageState[], c: StepContext): void {
  const host = (p: string) => join(st.rootfs, containerPath(p, st.workdir));
  switch (i.keyword) {
    case 'WORKDIR':
      st.workdir = containerPath(words(i.args)[0]!, st.workdir);
      mkdirSync(host('.'), { recursive: true });
      return;
    case 'ENV':
      for (const [k, v] of envPairs(i.args)) st.env[k] = v;
      return;
    case 'USER':
      st.user = words(i.args)[0]!;
      return;
    case 'COPY': {
      const { sources, dest } = copyArgs(i);
      const from = i.flags.from;
      const src = from === undefined ? undefined : states.find((s) => s.stage.name === from.toLowerCase() || String(s.stage.index) === from);
      if (from !== undefined && !src) throw new ReplayError(`line ${i.line}: COPY --from=${from}: no earlier stage of that name`);
      for (const source of sources) {
        const destIsDir = dest.endsWith('/') || sources.length > 1;
        if (src) {
          const path = join(src.rootfs, containerPath(source, '/'));
          if (!existsSync(path)) throw new ReplayError(`line ${i.line}: COPY --from=${from} ${source}: the ${from} stage did not produce it`);
          copyTree(path, target(path, source, dest, destIsDir, host), { link: true });
        } else {
          const rel = containerPath(source, '/').slice(1);
          const path = join(c.context, rel);
          if (!existsSync(path) || isIgnored(c.ignore, rel)) throw new ReplayError(`line ${i.line}: COPY ${source}: not in the build context (missing or .dockerignored)`);
          copyTree(path, target(path, source, dest, destIsDir, host), { link: false, filter: (r) => !isIgnored(c.ignore, join(rel, r)) });
        }
      }
      c.log(`COPY ${from ? `--from=${from} ` : ''}${sources.join(' ')} → ${containerPath(dest, st.workdir)}`);
      return;
    }
    case 'RUN':
      for (const cmd of runCommands(i.args)) run(cmd, i, st, c);
      return;
    case 'VOLUME':
    case 'EXPOSE':
    case 'STOPSIGNAL':
    case 'HEALTHCHECK':
    case 'CMD':
    case 'LABEL':
    case 'ARG':
      return; // metadata: read from the layout by whoever starts the image
    default:
      throw new ReplayError(`line ${i.line}: the replay does not handle ${i.keyword}`);
  }
}

/** Docker's COPY rule: a directory's contents go into dest; a file goes into dest/ or becomes dest. */
function target(path: string, source: string, dest: string, destIsDir: boolean, host: (p: string) => string): string {
  if (lstatSync(path).isDirectory()) return host(dest);
  return destIsDir ? join(host(dest), basename(source)) : host(dest);
}

/** Copies (or hard-links) a tree, keeping modes and symlinks. */
function copyTree(from: string, to: string, opts: { link: boolean; filter?: (rel: string) => boolean }, rel = ''): void {
  const st = lstatSync(from);
  if (rel && opts.filter && !opts.filter(rel)) return;
  if (st.isDirectory()) {
    mkdirSync(to, { recursive: true });
    chmodSync(to, st.mode & 0o7777);
    for (const name of readdirSync(from)) copyTree(join(from, name), join(to, name), opts, rel ? `${rel}/${name}` : name);
  } else if (st.isSymbolicLink()) {
    mkdirSync(dirname(to), { recursive: true });
    rmSync(to, { force: true });
    symlinkSync(readlinkSync(from), to);
  } else {
    mkdirSync(dirname(to), { recursive: true });
    rmSync(to, { force: true });
    if (opts.link) {
      try {
        linkSync(from, to);
        return;
      } catch {
        // another file system: copy instead
      }
    }
    copyFileSync(from, to);
    chmodSync(to, st.mode & 0o7777);
  }
}

/** The environment a RUN command gets: the stage's ENV, and only what a build needs from here. */
function buildEnv(st: StageState): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME ?? tmpdir() };
  for (const [k, v] of Object.entries(process.env)) if (/^(https?_proxy|no_proxy|npm_config_registry)$/i.test(k)) env[k] = v;
  for (const [k, v] of Object.entries(st.env)) env[k] = v.startsWith('/') ? join(st.rootfs, v) : v;
  return env;
}

function exec(cmd: string[], st: StageState, c: StepContext, line: number): void {
  const t0 = Date.now();
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: join(st.rootfs, st.workdir), env: buildEnv(st), encoding: 'utf8' });
  if (r.status !== 0) {
    throw new ReplayError(`line ${line}: \`${cmd.join(' ')}\` failed (${r.error?.message ?? `exit ${r.status}`}):\n${(r.stdout ?? '') + (r.stderr ?? '')}`.trimEnd());
  }
  c.log(`RUN ${cmd.join(' ')} (${Date.now() - t0} ms)`);
}

function run(cmd: string[], i: Instruction, st: StageState, c: StepContext): void {
  const [prog, ...args] = cmd;
  const host = (p: string) => join(st.rootfs, containerPath(p, st.workdir));
  const skip = (why: string) => {
    c.skipped.push(`line ${i.line}: ${cmd.join(' ')} — ${why}`);
    c.log(`SKIP ${cmd.join(' ')} — ${why}`);
  };
  if (prog === 'apt-get' && args[0] === 'update') return skip("the base image's package index: nothing to replay here");
  if (prog === 'apt-get' && args[0] === 'install') {
    const pkgs = args.slice(1).filter((a) => !a.startsWith('-'));
    const missing = pkgs.filter((p) => spawnSync('sh', ['-c', `command -v ${p}`]).status !== 0);
    return skip(`system packages (${pkgs.join(' ')}) come from the base image's apt; on this machine ${missing.length ? `missing: ${missing.join(' ')}` : 'all present'}`);
  }
  if (prog === 'rm' && args.join(' ') === '-rf /var/lib/apt/lists/*') return skip("apt's lists are not part of the replay");
  if (prog === 'npm' && args[0] === 'ci') {
    if (c.npmCi === 'real') return exec(cmd, st, c, i.line);
    return linkNodeModules(st, c, i.line);
  }
  if (prog === 'npm' && (args[0] === 'run' || args[0] === 'prune')) return exec(cmd, st, c, i.line);
  if (prog === 'mkdir' && args[0] === '-p' && args.length > 1) {
    for (const p of args.slice(1)) mkdirSync(host(p), { recursive: true });
    return c.log(`RUN ${cmd.join(' ')}`);
  }
  if (prog === 'chown' && args.length >= 2) {
    const recursive = args[0] === '-R';
    const [owner, ...paths] = recursive ? args.slice(1) : args;
    const [u, g] = owner!.split(':');
    const uid = IMAGE_USERS[u!]?.uid;
    const gid = IMAGE_USERS[g ?? u!]?.gid;
    if (uid === undefined || gid === undefined) throw new ReplayError(`line ${i.line}: chown ${owner}: not a user of the base image`);
    if (!c.isRoot) return skip(`not running as root here, so ownership cannot be given to uid ${uid}; the bot runs as this user instead`);
    for (const p of paths) chownTree(host(p), uid, gid, recursive);
    return c.log(`RUN ${cmd.join(' ')} (uid ${uid}, gid ${gid})`);
  }
  if (prog === 'ln' && args[0] === '-s' && args.length === 3) {
    const [, to, link] = args as [string, string, string];
    // An absolute target points into this stage's root, as it would inside the container.
    symlinkSync(to.startsWith('/') ? join(st.rootfs, to) : to, host(link));
    return c.log(`RUN ${cmd.join(' ')}`);
  }
  throw new ReplayError(`line ${i.line}: the replay does not know how to run \`${cmd.join(' ')}\`; teach scripts/docker/docker.replay.ts or keep the Dockerfile to known steps`);
}

function chownTree(path: string, uid: number, gid: number, recursive: boolean): void {
  chownSync(path, uid, gid);
  if (recursive && lstatSync(path).isDirectory()) for (const n of readdirSync(path)) chownTree(join(path, n), uid, gid, true);
}

/**
 * Stands in for `npm ci`: the context's node_modules, made by `npm ci` from the same lockfile,
 * hard-linked in (seconds instead of a minute of compiling better-sqlite3). Top-level files are
 * copied, not linked: npm rewrites node_modules/.package-lock.json in place when it prunes, which
 * through a hard link would rewrite the original tree's.
 */
function linkNodeModules(st: StageState, c: StepContext, line: number): void {
  const wd = join(st.rootfs, st.workdir);
  const source = join(c.context, 'node_modules');
  const hidden = join(source, '.package-lock.json');
  if (!existsSync(hidden)) throw new ReplayError(`line ${line}: npm ci stand-in: ${source} was not installed by npm ci; run \`npm ci\` first or replay with --npm-ci`);
  const lock = JSON.parse(readFileSync(join(wd, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; optional?: boolean }> };
  const installed = JSON.parse(readFileSync(hidden, 'utf8')) as { packages: Record<string, { version?: string }> };
  const stale = Object.entries(lock.packages)
    .filter(([k, v]) => k !== '' && !v.optional && installed.packages[k]?.version !== v.version)
    .map(([k]) => k);
  if (stale.length) throw new ReplayError(`line ${line}: npm ci stand-in: ${source} differs from package-lock.json (${stale.slice(0, 5).join(', ')}); run \`npm ci\` or replay with --npm-ci`);
  const t0 = Date.now();
  const dest = join(wd, 'node_modules');
  mkdirSync(dest, { recursive: true });
  for (const name of readdirSync(source)) {
    const from = join(source, name);
    const isFile = lstatSync(from).isFile();
    copyTree(from, join(dest, name), { link: !isFile });
  }
  c.log(`RUN npm ci — stood in for by hard-linking ${source} (matches package-lock.json; ${Date.now() - t0} ms)`);
}

/** The environment of a process in the container: the image's ENV, container paths mapped here. */
export function imageEnv(layout: ImageLayout, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: layout.hostPath('/home/' + layout.user.name) };
  for (const [k, v] of Object.entries({ ...layout.env, ...extra })) env[k] = v.startsWith('/') ? layout.hostPath(v) : v;
  return env;
}

/**
 * Starts a command as the container would: in WORKDIR, with the image's environment, as the
 * image's user when this process may switch to it. `node` is this machine's node 20.
 */
export function startInImage(layout: ImageLayout, argv: readonly string[], extraEnv: Record<string, string> = {}): ChildProcess {
  const [prog, ...args] = argv;
  return spawn(prog === 'node' ? process.execPath : prog!, args, {
    cwd: layout.hostWorkdir,
    env: imageEnv(layout, extraEnv),
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(layout.switchesUser ? { uid: layout.user.uid, gid: layout.user.gid } : {}),
  });
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs a command in the image to the end, feeding `input` on stdin. */
export function runInImage(layout: ImageLayout, argv: readonly string[], opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = startInImage(layout, argv, opts.env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin!.end(opts.input ?? '');
  });
}
