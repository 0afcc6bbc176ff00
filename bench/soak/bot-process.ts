import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

// One life of the real bot: `node --import tsx src/main.ts`, as `npm start` runs it, with its
// clock started at the simulated moment (BOT_NOW) and, for the full-disk fault, a file size
// limit (`ulimit -f`: Node ignores SIGXFSZ, so a write past it fails with EFBIG).

const ROOT = resolve(__dirname, '..', '..');

export interface BotOptions {
  env: Record<string, string>;
  /** KiB any file the process writes may grow to (`ulimit -f`); unset: no limit. */
  fileLimitKiB?: number;
}

export class BotProcess {
  private readonly child: ChildProcess;
  private log = '';
  private peakKiB = 0;
  private readonly sampler: NodeJS.Timeout;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(o: BotOptions) {
    const node = `exec "${process.execPath}" --import tsx src/main.ts`;
    const script = o.fileLimitKiB === undefined ? node : `ulimit -f ${o.fileLimitKiB} && ${node}`;
    // `exec`: the pid is the bot's own, so kill -9 and /proc/<pid>/status are the bot's.
    this.child = spawn('bash', ['-c', script], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', ...o.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    this.child.stderr!.on('data', (d: Buffer) => {
      // The last part is enough to say why a start failed; the whole log would grow for days.
      this.log = (this.log + d.toString()).slice(-20_000);
    });
    this.exited = new Promise((r) => this.child.once('close', (code, signal) => r({ code, signal })));
    // Peak resident memory as the kernel counts it (VmHWM), sampled: a kill -9 leaves no exit hook.
    this.sampler = setInterval(() => this.sample(), 250);
    void this.exited.then(() => clearInterval(this.sampler));
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The stderr tail (JSON log lines). */
  get stderr(): string {
    return this.log;
  }

  /** Peak RSS in KiB seen so far. */
  get peakRssKiB(): number {
    return this.peakKiB;
  }

  /** Resolves once the HTTP port is open (every platform endpoint mounted); rejects if the bot exits first. */
  ready(timeoutMs: number): Promise<void> {
    return new Promise((ok, fail) => {
      const timer = setTimeout(() => fail(new Error(`bot not listening after ${timeoutMs} ms:\n${this.log.slice(-3000)}`)), timeoutMs);
      const check = () => {
        if (this.log.includes('http server listening')) {
          clearTimeout(timer);
          this.child.stderr!.off('data', check);
          ok();
        }
      };
      this.child.stderr!.on('data', check);
      check();
      void this.exited.then(({ code, signal }) => {
        clearTimeout(timer);
        fail(new Error(`bot exited (${code ?? signal}) before listening:\n${this.log.slice(-3000)}`));
      });
    });
  }

  kill9(): Promise<unknown> {
    this.sample();
    this.child.kill('SIGKILL');
    return this.exited;
  }

  /** SIGTERM: the bot drains and exits; SIGKILL if it has not after `ms`. */
  async stop(ms = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.sample();
    this.child.kill('SIGTERM');
    const late = setTimeout(() => this.child.kill('SIGKILL'), ms);
    const r = await this.exited;
    clearTimeout(late);
    return r;
  }

  private sample(): void {
    if (!this.child.pid || this.child.exitCode !== null || this.child.signalCode !== null) return;
    try {
      const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.child.pid}/status`, 'utf8'));
      if (m) this.peakKiB = Math.max(this.peakKiB, Number(m[1]));
    } catch {
      // gone between the check and the read
    }
  }
}
