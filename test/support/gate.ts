/** Card-update pacing without real time. */
/** A sleep the test releases by hand, with a clock that jumps when it is released. */
export function gate() {
  let t = 0;
  const waiting: { ms: number; resolve: () => void }[] = [];
  let onWait: (() => void) | undefined;
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((resolve) => {
        waiting.push({ ms, resolve });
        onWait?.();
      }),
    /** Resolves when a sleep is waiting to be released. */
    waited: () => (waiting.length ? Promise.resolve() : new Promise<void>((r) => (onWait = r))),
    waiting,
    release() {
      const w = waiting.shift()!;
      t += w.ms;
      w.resolve();
    },
  };
}
