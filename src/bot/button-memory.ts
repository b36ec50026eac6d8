import { randomBytes } from "node:crypto";
import { RecentCache, type RecentCacheOptions } from "./recent-cache.ts";

/**
 * What a button stands for when it is too long to ride in a 100-character custom id, kept under a
 * short key that the custom id carries instead. Keys are random rather than counted, so a button from
 * before a restart never reaches someone else's data.
 */
export class ButtonMemory<V> {
  readonly #cache: RecentCache<V>;

  constructor(options: RecentCacheOptions) {
    this.#cache = new RecentCache(options);
  }

  remember(value: V): string {
    const key = randomBytes(6).toString("base64url");
    this.#cache.set(key, value);
    return key;
  }

  recall(key: string): V | undefined {
    return this.#cache.get(key);
  }
}
