import { randomBytes } from "node:crypto";
import type { Clock } from "./clock.ts";

export interface RecentCacheOptions {
  /** Beyond this many entries the least recently used one is forgotten. */
  maxEntries: number;
  /** An entry not read for this long is gone. */
  ttlMs: number;
  clock: Clock;
}

/**
 * A bounded, expiring map: least-recently-used eviction plus a sliding time-to-live. A Map keeps
 * insertion order, so re-inserting on every read makes its first key the least recently used, and
 * the expired entries are always at the front: each write forgets them, so after a burst the cache
 * shrinks back with time instead of holding its maximum until it is read.
 */
export class RecentCache<V> {
  readonly #entries = new Map<string, { value: V; lastUsed: number }>();

  constructor(private readonly options: RecentCacheOptions) {
    if (options.maxEntries < 1)
      throw new Error(`RecentCache: maxEntries must be at least 1, got ${options.maxEntries}`);
  }

  get size(): number {
    return this.#entries.size;
  }

  set(key: string, value: V): void {
    const now = this.options.clock.now();
    this.#entries.delete(key);
    this.#entries.set(key, { value, lastUsed: now });
    for (const [oldest, entry] of this.#entries) {
      const expired = now - entry.lastUsed >= this.options.ttlMs;
      if (!expired && this.#entries.size <= this.options.maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    const now = this.options.clock.now();
    this.#entries.delete(key);
    if (now - entry.lastUsed >= this.options.ttlMs) return undefined;
    this.#entries.set(key, { value: entry.value, lastUsed: now });
    return entry.value;
  }
}

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
