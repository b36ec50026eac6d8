import type { Logger } from "pino";
import type { Clock } from "../interaction/clock.ts";
import type { SharedValues } from "../store/postgres/shared-values.ts";

export type CooldownVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** What the router asks before an answer command: this process's memory, or the replicas' database. */
export interface MemberCooldowns {
  take(userId: string): CooldownVerdict | Promise<CooldownVerdict>;
  refund(userId: string): void | Promise<void>;
}

/** Past this many remembered members, entries whose cooldown has run out are swept. */
const SWEEP_THRESHOLD = 10_000;

/**
 * One cooldown per member across the answer commands: an answer is cheap to compute, so this exists
 * to keep a channel readable, not to protect the bot. `seconds = 0` switches it off.
 */
export class Cooldowns implements MemberCooldowns {
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

/**
 * The cooldown kept where replicas share it (Postgres), so a member is held to it whichever replica
 * their command reaches: one upsert per answered command, rows pruned once expired (shared-values.ts).
 * While the database is out of reach each replica counts on its own rather than refusing answers.
 */
export class SharedCooldowns implements MemberCooldowns {
  readonly #local: Cooldowns;

  constructor(
    private readonly values: Pick<SharedValues, "takeCooldown" | "dropCooldown">,
    private readonly seconds: number,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.#local = new Cooldowns(seconds, clock);
  }

  async take(userId: string): Promise<CooldownVerdict> {
    if (this.seconds <= 0) return { allowed: true };
    let until: number | undefined;
    try {
      until = await this.values.takeCooldown(userId, this.seconds * 1000);
    } catch (error) {
      this.#unavailable(error);
      return this.#local.take(userId);
    }
    if (until === undefined) return { allowed: true };
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((until - this.clock.now()) / 1000)) };
  }

  async refund(userId: string): Promise<void> {
    this.#local.refund(userId);
    try {
      await this.values.dropCooldown(userId);
    } catch (error) {
      this.#unavailable(error);
    }
  }

  #unavailable(error: unknown): void {
    this.logger.warn(
      { error: error instanceof Error ? error.message : String(error) },
      "the database is out of reach: cooldowns are counted in this replica only",
    );
  }
}
