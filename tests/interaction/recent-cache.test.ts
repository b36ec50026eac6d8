import { describe, expect, it } from "vitest";
import { RecentCache } from "../../src/interaction/recent-cache.ts";
import { TestClock } from "../bot/manual-clock.ts";

describe("RecentCache", () => {
  it("forgets the least recently used entry beyond its size", () => {
    const cache = new RecentCache<number>({ maxEntries: 2, ttlMs: 60_000, clock: new TestClock() });
    cache.set("a", 1);
    cache.set("b", 2);
    expect(cache.get("a")).toBe(1); // "a" is now more recent than "b"
    cache.set("c", 3);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual([1, undefined, 3]);
    expect(cache.size).toBe(2);
  });

  it("expires an entry not read for the time-to-live, counted from its last read", () => {
    const clock = new TestClock();
    const cache = new RecentCache<string>({ maxEntries: 10, ttlMs: 1_000, clock });
    cache.set("answer", "x");
    clock.advance(999);
    expect(cache.get("answer")).toBe("x");
    clock.advance(999);
    expect(cache.get("answer")).toBe("x");
    clock.advance(1_000);
    expect(cache.get("answer")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("forgets expired entries on the next write, so it shrinks after a burst without being read", () => {
    const clock = new TestClock();
    const cache = new RecentCache<number>({ maxEntries: 1_000, ttlMs: 1_000, clock });
    for (let n = 0; n < 1_000; n++) cache.set(`burst-${n}`, n);
    clock.advance(500);
    cache.set("later", 1);
    expect(cache.size).toBe(1_000);
    clock.advance(500);
    cache.set("after the burst", 2);
    expect(cache.size).toBe(2);
    expect(cache.get("later")).toBe(1);
  });

  it("refuses a size that could hold nothing", () => {
    expect(() => new RecentCache({ maxEntries: 0, ttlMs: 1, clock: new TestClock() })).toThrow(/maxEntries/);
  });
});
