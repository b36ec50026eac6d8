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
