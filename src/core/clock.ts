/** Time is injected so tests, benchmarks and the console's `.advance` never sleep. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to. */
export class ManualClock implements Clock {
  private t: number;
  constructor(start: Date) {
    this.t = start.getTime();
  }
  now(): Date {
    return new Date(this.t);
  }
  set(d: Date): void {
    this.t = d.getTime();
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/**
 * Real time shifted by an offset: `BOT_NOW` sets where it starts and the console's `.advance`
 * moves it forward, while it keeps ticking like a wall clock.
 */
export class AdjustableClock implements Clock {
  private offset = 0;
  constructor(start?: Date) {
    if (start) this.offset = start.getTime() - Date.now();
  }
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}
