import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodePageButton, encodePageButton, isPageButton } from "../../src/render/discord/page-buttons.ts";

describe("page button custom ids", () => {
  const target = fc.record({
    key: fc.string({ unit: fc.constantFrom(..."abcXYZ019-_"), minLength: 1, maxLength: 32 }),
    page: fc.nat(9999),
  });

  it("decode what they encode, within Discord's 100 characters", () => {
    fc.assert(
      fc.property(target, (t) => {
        const id = encodePageButton(t);
        expect(id.length).toBeLessThanOrEqual(100);
        expect(isPageButton(id)).toBe(true);
        expect(decodePageButton(id)).toEqual(t);
      }),
    );
  });

  it("reject ids the bot did not write", () => {
    for (const forged of ["page:", "page:k", "page:k:x", "page:k:1:1", "page:k:1:extra", "other:k:1"]) {
      expect(decodePageButton(forged)).toBeUndefined();
    }
  });
});
