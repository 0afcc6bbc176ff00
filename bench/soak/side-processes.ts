import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

// The soak's helpers in processes of their own: the write-lock holder and the web page load
// (bench/support/web-attack.process.ts, the contention bench's, from 127.0.0.2).

function start(script: string, args: string[] = []): Promise<ChildProcess> {
  const proc = fork(script, args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((ok, fail) => {
    proc.once('message', () => ok(proc));
    proc.once('exit', (code) => fail(new Error(`${script} exited (${code}) before it was ready`)));
  });
}

function ask<T>(proc: ChildProcess, m: unknown): Promise<T> {
  return new Promise((ok) => {
    proc.once('message', (a) => ok(a as T));
    proc.send(m as string);
  });
}

function end(proc: ChildProcess): Promise<void> {
  return new Promise((ok) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return ok();
    proc.once('exit', () => ok());
    proc.send('stop');
  });
}

export class LockHolder {
  private constructor(private readonly proc: ChildProcess) {}
  static async start(database: string): Promise<LockHolder> {
    return new LockHolder(await start(join(__dirname, 'lock-holder.process.ts'), [database]));
  }
  /** Holds the write lock for `ms`; resolves with how long it was held (0: not taken). */
  hold(ms: number): Promise<{ held: number }> {
    return ask(this.proc, { hold: ms });
  }
  stop(): Promise<void> {
    return end(this.proc);
  }
}

export interface WebStats {
  pages: number;
  busy: number;
  failed: number;
}

export class WebLoad {
  private constructor(private readonly proc: ChildProcess) {}
  /** `clients` looping GET / on the bot's port from 127.0.0.2, across the bot's restarts. */
  static async start(port: number, clients: number): Promise<WebLoad> {
    const proc = await start(join(__dirname, '..', 'support', 'web-attack.process.ts'));
    proc.send({ loop: { port, clients } });
    return new WebLoad(proc);
  }
  stats(): Promise<WebStats> {
    return ask(this.proc, 'stats');
  }
  stop(): Promise<void> {
    return end(this.proc);
  }
}
