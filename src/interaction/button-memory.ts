import { randomBytes } from "node:crypto";
import { RecentCache, type RecentCacheOptions } from "./recent-cache.ts";

/**
 * What a button stands for when it is too long to ride in a 100-character custom id, kept under a
 * short key that the custom id carries instead. Keys are random rather than counted, so a button from
 * before a restart never reaches someone else's data. Asynchronous, because replicas keep it in their
 * shared database (src/bot/shared-memories.ts), where a click that reaches another replica finds it.
 */
export interface KeyedMemory<V> {
  remember(value: V): Promise<string>;
  recall(key: string): Promise<V | undefined>;
}

/** A KeyedMemory in this process's memory: bounded and expiring (recent-cache.ts). */
export class ButtonMemory<V> implements KeyedMemory<V> {
  readonly #cache: RecentCache<V>;

  constructor(options: RecentCacheOptions) {
    this.#cache = new RecentCache(options);
  }

  async remember(value: V): Promise<string> {
    const key = randomBytes(6).toString("base64url");
    this.#cache.set(key, value);
    return key;
  }

  async recall(key: string): Promise<V | undefined> {
    return this.#cache.get(key);
  }
}
