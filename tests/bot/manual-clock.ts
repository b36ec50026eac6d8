import type { Clock } from "../../src/interaction/clock.ts";
import type { QuizTimer } from "../../src/quiz/quiz-game.ts";

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

/**
 * Quiz rounds end when the test says so: `fire()` ends the earliest running round, waiting (on an
 * event, never a sleep) for the bot to start one if it has not yet.
 */
export class ManualTimer implements QuizTimer {
  readonly #running: Array<{ ms: number; onEnd: () => void }> = [];
  readonly #waiting: Array<() => void> = [];

  start(ms: number, onEnd: () => void): () => void {
    const timer = { ms, onEnd };
    this.#running.push(timer);
    for (const wake of this.#waiting.splice(0)) wake();
    return () => {
      const index = this.#running.indexOf(timer);
      if (index >= 0) this.#running.splice(index, 1);
    };
  }

  /** How many rounds are waiting for their time to run out. */
  get running(): number {
    return this.#running.length;
  }

  /** The length of the earliest running round, in ms; undefined when none runs. */
  get nextMs(): number | undefined {
    return this.#running[0]?.ms;
  }

  async fire(): Promise<void> {
    while (this.#running.length === 0) await new Promise<void>((wake) => this.#waiting.push(wake));
    this.#running.shift()?.onEnd();
  }
}
