import type { Clock } from "../../src/bot/clock.ts";

/** A clock that moves only when told, so expiry and cooldown tests never depend on real time. */
export class TestClock implements Clock {
  constructor(private nowMs = Date.UTC(2024, 0, 1)) {}

  now(): number {
    return this.nowMs;
  }

  advance(ms: number): void {
    this.nowMs += ms;
  }
}
