/**
 * The fake reads time only through this interface, so the 3-second interaction deadline can be tested
 * by moving a clock forward instead of sleeping, and never trips because a CI machine was slow.
 */
export interface FakeClock {
  now(): number;
}

export class ManualClock implements FakeClock {
  #nowMs: number;

  constructor(startMs: number = Date.UTC(2024, 0, 1)) {
    this.#nowMs = startMs;
  }

  now(): number {
    return this.#nowMs;
  }

  advance(ms: number): void {
    if (ms < 0) throw new Error(`ManualClock: cannot move time backwards (advance(${ms}))`);
    this.#nowMs += ms;
  }
}

/** Wall-clock time, for a test that wants the deadline to behave exactly like Discord's. */
export const systemClock: FakeClock = { now: () => Date.now() };
