import { createPublicKey, type KeyObject, verify } from "node:crypto";
import type { Logger } from "pino";
import { RecentCache } from "../interaction/recent-cache.ts";

/**
 * Discord signs every request it sends to the interactions endpoint: Ed25519 over the
 * X-Signature-Timestamp header followed by the raw body, with the application's key pair, whose
 * public half the Developer Portal shows (DISCORD_PUBLIC_KEY). Anything unsigned, signed by another
 * key, stale, or replayed is refused before its body is even parsed.
 */

/** How far a request's timestamp may be from our clock, either way, and how long signatures are remembered. */
export const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: Node reads raw 32-byte keys only wrapped in it. */
const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
const SIGNATURE = /^[0-9a-f]{128}$/i;
const TIMESTAMP = /^\d{1,12}$/;

export function ed25519PublicKey(hex: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, "hex")]),
    format: "der",
    type: "spki",
  });
}

export type SignatureVerdict = { ok: true; signature: string } | { ok: false; reason: string };

/** Checks the signature and that the timestamp is within five minutes of `nowMs`. */
export function checkSignature(
  key: KeyObject,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: Buffer,
  nowMs: number,
): SignatureVerdict {
  const { signature, timestamp } = headers;
  if (signature === undefined || timestamp === undefined) return { ok: false, reason: "unsigned" };
  if (!SIGNATURE.test(signature) || !TIMESTAMP.test(timestamp))
    return { ok: false, reason: "malformed signature" };
  const signed = Buffer.concat([Buffer.from(timestamp, "utf8"), body]);
  if (!verify(null, signed, key, Buffer.from(signature, "hex")))
    return { ok: false, reason: "bad signature" };
  if (Math.abs(nowMs - Number(timestamp) * 1000) > SIGNATURE_WINDOW_MS) return { ok: false, reason: "stale" };
  return { ok: true, signature: signature.toLowerCase() };
}

/** Where signatures already seen are remembered; Postgres's (shared-values.ts) covers every replica. */
export interface SeenSignatures {
  firstSighting(signature: string, ttlMs: number): Promise<boolean>;
}

/**
 * Refuses a request whose signature was seen in the last five minutes. This process remembers what it
 * saw; with `shared` (Postgres), so does every replica, and a replay to another one is refused too.
 * While the shared database is out of reach the local memory alone decides: the timestamp check
 * still bounds a replay to five minutes, and answering beats refusing everyone.
 */
export class ReplayGuard {
  readonly #local: RecentCache<true>;

  constructor(
    now: () => number,
    private readonly shared: SeenSignatures | undefined,
    private readonly logger: Logger,
  ) {
    // 100,000 is over five minutes at 300 interactions a second; beyond, the oldest are forgotten first.
    this.#local = new RecentCache({ clock: { now }, ttlMs: SIGNATURE_WINDOW_MS, maxEntries: 100_000 });
  }

  async firstSighting(signature: string): Promise<boolean> {
    if (this.#local.get(signature) !== undefined) return false;
    this.#local.set(signature, true);
    if (this.shared === undefined) return true;
    try {
      return await this.shared.firstSighting(signature, SIGNATURE_WINDOW_MS);
    } catch (error) {
      this.logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        "the database is out of reach: replays are checked against this replica's memory only",
      );
      return true;
    }
  }
}
