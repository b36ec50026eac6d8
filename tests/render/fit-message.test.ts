import { ButtonStyle, ComponentType } from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { embedLength, fitMessage } from "../../src/render/discord/fit-message.ts";
import type { MessagePayload } from "../../src/render/discord/payload.ts";
import { limitViolations } from "./discord-limits.ts";

/** Strings from empty to far over any limit, built from words so truncation has boundaries to find. */
const anyText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 40 }),
    fc
      .tuple(fc.constantFrom("word ", "**bold** ", "😀 ", "a", "\\* "), fc.nat(max))
      .map(([unit, n]) => unit.repeat(n)),
  );

const button = fc.oneof(
  fc.record({
    type: fc.constant(ComponentType.Button as const),
    style: fc.constant(ButtonStyle.Secondary as const),
    label: anyText(40),
    custom_id: fc.string({ minLength: 1, maxLength: 100 }),
  }),
  fc.record({
    type: fc.constant(ComponentType.Button as const),
    style: fc.constant(ButtonStyle.Link as const),
    label: anyText(40),
    url: fc.constant("https://example.com/"),
  }),
);

const payload: fc.Arbitrary<MessagePayload> = fc.record(
  {
    content: anyText(1200),
    embeds: fc.array(
      fc.record(
        {
          title: anyText(100),
          description: anyText(1500),
          fields: fc.array(fc.record({ name: anyText(100), value: anyText(400) }), { maxLength: 30 }),
          footer: fc.record({ text: anyText(600) }),
          author: fc.record({ name: anyText(100) }),
        },
        { requiredKeys: [] },
      ),
      { maxLength: 12 },
    ),
    components: fc.array(
      fc.record({
        type: fc.constant(ComponentType.ActionRow as const),
        components: fc.array(button, { maxLength: 7 }),
      }),
      { maxLength: 7 },
    ),
  },
  { requiredKeys: ["embeds", "components"] },
);

describe("fitMessage", () => {
  it("brings any payload within every Discord limit", () => {
    fc.assert(
      fc.property(payload, (message) => {
        expect(limitViolations(fitMessage(message))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("changes nothing in a payload that already fits", () => {
    const fits: MessagePayload = {
      content: "**Asked:** why now?",
      embeds: [{ title: "Title", description: "> quote\n— NPR · ¶4", fields: [{ name: "A", value: "B" }] }],
      components: [],
    };
    expect(fitMessage(fits)).toEqual(fits);
  });

  it("shortens the longest text first when the embeds together pass 6,000 characters", () => {
    const long = "word ".repeat(800); // 4,000 characters
    const fitted = fitMessage({
      embeds: [{ description: long }, { description: long.slice(0, 2500), title: "Kept whole" }],
      components: [],
    });
    expect(fitted.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(6000);
    expect(fitted.embeds[1]?.description).toBe(long.slice(0, 2500));
    expect(fitted.embeds[0]?.description?.endsWith("…")).toBe(true);
  });

  it("refuses a custom id over 100 characters, which only a bug in our codec could produce", () => {
    const tooLong = "page:".padEnd(101, "x");
    const row = {
      type: ComponentType.ActionRow as const,
      components: [
        {
          type: ComponentType.Button as const,
          style: ButtonStyle.Secondary as const,
          label: "More",
          custom_id: tooLong,
        },
      ],
    };
    expect(() => fitMessage({ embeds: [], components: [row] })).toThrow(/longer than 100/);
  });
});
