import { describe, expect, it } from "vitest";
import { Cooldowns } from "../../src/bot/cooldowns.ts";
import { TestClock } from "./manual-clock.ts";

describe("Cooldowns", () => {
  it("makes a member wait the configured seconds, rounding the wait up", () => {
    const clock = new TestClock();
    const cooldowns = new Cooldowns(5, clock);
    expect(cooldowns.take("ana")).toEqual({ allowed: true });
    clock.advance(1_200);
    expect(cooldowns.take("ana")).toEqual({ allowed: false, retryAfterSeconds: 4 });
    clock.advance(3_800);
    expect(cooldowns.take("ana")).toEqual({ allowed: true });
  });

  it("keeps each member's cooldown separate", () => {
    const cooldowns = new Cooldowns(5, new TestClock());
    cooldowns.take("ana");
    expect(cooldowns.take("ben")).toEqual({ allowed: true });
  });

  it("does not extend the wait when a refused member tries again", () => {
    const clock = new TestClock();
    const cooldowns = new Cooldowns(5, clock);
    cooldowns.take("ana");
    clock.advance(4_000);
    cooldowns.take("ana");
    clock.advance(1_000);
    expect(cooldowns.take("ana")).toEqual({ allowed: true });
  });

  it("forgets a use that was refunded", () => {
    const cooldowns = new Cooldowns(5, new TestClock());
    cooldowns.take("ana");
    cooldowns.refund("ana");
    expect(cooldowns.take("ana")).toEqual({ allowed: true });
  });

  it("is off at 0 seconds", () => {
    const cooldowns = new Cooldowns(0, new TestClock());
    expect([cooldowns.take("ana"), cooldowns.take("ana")]).toEqual([{ allowed: true }, { allowed: true }]);
  });
});
