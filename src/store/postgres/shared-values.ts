import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Queryable } from "./entry-queries.ts";

const valueRowSchema = z.object({ value_json: z.string() });

/** Expired rows are deleted after every this many writes, by whichever replica makes them. */
const SWEEP_EVERY = 200;

/**
 * Small values that every replica must see: what a button stands for (a page of an answer, a draft,
 * a vote target) and the signatures of interactions already answered. Values are JSON text; the
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

  async #sweepNowAndThen(): Promise<void> {
    this.#writes += 1;
    if (this.#writes % SWEEP_EVERY !== 0) return;
    const now = this.now();
    await this.db.query("DELETE FROM button_values WHERE expires_at <= $1", [now]);
    await this.db.query("DELETE FROM seen_signatures WHERE expires_at <= $1", [now]);
  }
}
