import { describe, expect, it } from "vitest";
import { toChoices } from "../../src/interaction/suggestions.ts";

describe("toChoices", () => {
  it("keeps at most 25 choices", () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
    expect(toChoices(many)).toHaveLength(25);
  });

  it("cuts long names but drops choices whose value would not fit, since a cut value names nothing", () => {
    const choices = toChoices([
      { name: "x".repeat(150), value: "ok" },
      { name: "too long", value: "y".repeat(101) },
      { name: "empty value", value: "" },
    ]);
    expect(choices).toEqual([{ name: `${"x".repeat(99)}…`, value: "ok" }]);
  });

  it("makes mass mentions in names inert", () => {
    expect(toChoices([{ name: "@everyone", value: "v" }])[0]?.name).toBe("@\u200beveryone");
  });
});
