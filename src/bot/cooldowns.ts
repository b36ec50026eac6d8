import type { Clock } from "../interaction/clock.ts";

export type CooldownVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Past this many remembered members, entries whose cooldown has run out are swept. */
const SWEEP_THRESHOLD = 10_000;

/**
 * One cooldown per member across the answer commands: an answer is cheap to compute, so this exists
 * to keep a channel readable, not to protect the bot. `seconds = 0` switches it off.
 */
export class Cooldowns {
  readonly #until = new Map<string, number>();

  constructor(
    private readonly seconds: number,
    private readonly clock: Clock,
  ) {}

  /** Records the use when allowed; a refused attempt does not extend the wait. */
  take(userId: string): CooldownVerdict {
    if (this.seconds <= 0) return { allowed: true };
    const now = this.clock.now();
    const until = this.#until.get(userId) ?? 0;
    if (until > now) return { allowed: false, retryAfterSeconds: Math.ceil((until - now) / 1000) };
    if (this.#until.size >= SWEEP_THRESHOLD) this.#sweep(now);
    this.#until.set(userId, now + this.seconds * 1000);
    return { allowed: true };
  }

  /** A use that ended in the member's own mistake (an empty question) should not make them wait to fix it. */
  refund(userId: string): void {
    this.#until.delete(userId);
  }

  #sweep(now: number): void {
    for (const [userId, until] of this.#until) if (until <= now) this.#until.delete(userId);
  }
}
