import { randomBytes } from "node:crypto";

/**
 * A key for a button's custom id (at most 100 characters) that points at something too long to ride
 * in it. Random rather than counted, so a button from before a restart never reaches someone else's data.
 */
export function shortKey(): string {
  return randomBytes(6).toString("base64url");
}
