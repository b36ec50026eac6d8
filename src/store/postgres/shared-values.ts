import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Queryable } from "./entry-queries.ts";

const valueRowSchema = z.object({ value_json: z.string() });
const cooldownRowSchema = z.object({ taken: z.number(), running_until: z.coerce.number().nullable() });

/** Expired rows are deleted after every this many writes, by whichever replica makes them. */
const SWEEP_EVERY = 200;

/**
 * Small values that every replica must see: what a button stands for (a page of an answer, a draft,
 * a vote target), members' last questions, the signatures of interactions already answered and
 * members' cooldowns. Values are JSON text; the
 * caller checks what it reads back with its own schema.
 */
export class SharedValues {
  #writes = 0;

  constructor(
    private readonly db: Queryable,
    private readonly now: () => number,
  ) {}

  /** Stores a value under a new random key, kept for `ttlMs` after its last read. */
  async remember(kind: string, json: string, ttlMs: number): Promise<string> {
    const key = randomBytes(6).toString("base64url");
    await this.db.query(
      "INSERT INTO button_values (kind, key, value_json, expires_at) VALUES ($1, $2, $3, $4)",
      [kind, key, json, this.now() + ttlMs],
    );
    await this.#sweepNowAndThen();
    return key;
  }

  /** Stores a value under the caller's key, replacing the one there, kept for `ttlMs` after its last read. */
  async keep(kind: string, key: string, json: string, ttlMs: number): Promise<void> {
    await this.db.query(
      `INSERT INTO button_values (kind, key, value_json, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, key) DO UPDATE SET value_json = excluded.value_json, expires_at = excluded.expires_at`,
      [kind, key, json, this.now() + ttlMs],
    );
    await this.#sweepNowAndThen();
  }

  /** The value, its time to live renewed; undefined when unknown or expired. */
  async recall(kind: string, key: string, ttlMs: number): Promise<string | undefined> {
    const now = this.now();
    const { rows } = await this.db.query(
      `UPDATE button_values SET expires_at = $3 + $4
       WHERE kind = $1 AND key = $2 AND expires_at > $3 RETURNING value_json`,
      [kind, key, now, ttlMs],
    );
    return rows[0] === undefined ? undefined : valueRowSchema.parse(rows[0]).value_json;
  }

  /**
   * True the first time a signature is seen within `ttlMs`, false for a replay. One statement, so two
   * replicas receiving the same request at once cannot both win.
   */
  async firstSighting(signature: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    const { rowCount } = await this.db.query(
      `INSERT INTO seen_signatures (signature, expires_at) VALUES ($1, $2)
       ON CONFLICT (signature) DO UPDATE SET expires_at = excluded.expires_at
       WHERE seen_signatures.expires_at <= $3`,
      [signature, now + ttlMs, now],
    );
    await this.#sweepNowAndThen();
    return rowCount === 1;
  }

  /**
   * Starts a member's cooldown of `ms` unless one is running: one statement, so a member pressing on
   * two replicas at once is let through once. Returns when the running one ends, or undefined when
   * this one was started.
   */
  async takeCooldown(userId: string, ms: number): Promise<number | undefined> {
    const now = this.now();
    const { rows } = await this.db.query(
      `WITH taken AS (
         INSERT INTO cooldowns (user_id, until_ms) VALUES ($1, $2)
         ON CONFLICT (user_id) DO UPDATE SET until_ms = excluded.until_ms WHERE cooldowns.until_ms <= $3
         RETURNING until_ms
       )
       SELECT (SELECT COUNT(*) FROM taken)::int AS taken,
         (SELECT until_ms FROM cooldowns WHERE user_id = $1) AS running_until`,
      [userId, now + ms, now],
    );
    const row = cooldownRowSchema.parse(rows[0]);
    await this.#sweepNowAndThen();
    return row.taken === 1 ? undefined : (row.running_until ?? now);
  }

  /** Ends a member's cooldown early (their own mistake should not make them wait). */
  async dropCooldown(userId: string): Promise<void> {
    await this.db.query("DELETE FROM cooldowns WHERE user_id = $1", [userId]);
  }

  async #sweepNowAndThen(): Promise<void> {
    this.#writes += 1;
    if (this.#writes % SWEEP_EVERY !== 0) return;
    const now = this.now();
    await this.db.query("DELETE FROM button_values WHERE expires_at <= $1", [now]);
    await this.db.query("DELETE FROM seen_signatures WHERE expires_at <= $1", [now]);
    await this.db.query("DELETE FROM cooldowns WHERE until_ms <= $1", [now]);
  }
}
