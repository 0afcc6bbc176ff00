import type { ChildProcess } from 'node:child_process';

// Child processes a test file starts, released in full before the file ends. A child that has
// exited can still hold the jest worker: its stdout/stderr pipes stay open until read to the end
// ('close' comes after 'exit'), and a test that failed or timed out leaves its child running.
// Either keeps the worker's event loop alive past jest's end, which then says "A worker process
// has failed to exit gracefully". So: track every child, wait for 'close', not 'exit', and kill
// and wait for whatever is left in afterEach/afterAll.

const state = new WeakMap<ChildProcess, Promise<{ code: number | null; signal: NodeJS.Signals | null }>>();

/** Resolves once the child has exited and its pipes are closed (at once if that happened already). */
export function closed(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  let p = state.get(child);
  if (!p) {
    // Attached right after spawn by track(); a child tracked late that already closed would never
    // say so again, so whether it is done is read from its state as well.
    p = new Promise((resolve) => {
      const done = () => resolve({ code: child.exitCode, signal: child.signalCode });
      child.once('close', done);
      child.once('error', done);
    });
    state.set(child, p);
  }
  return p;
}

/** The children of one test file. */
export class Children {
  private readonly all = new Set<ChildProcess>();

  /** Tracks a child just spawned (before any of its events can fire) and returns it. */
  track<C extends ChildProcess>(child: C): C {
    this.all.add(child);
    void closed(child);
    return child;
  }

  /** Kills every child still running (SIGKILL) and waits until each has exited and closed its pipes. */
  async reap(): Promise<void> {
    const all = [...this.all];
    this.all.clear();
    for (const c of all) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.all(all.map(closed));
  }
}
