import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { escapeText, plainText, ZERO_WIDTH_SPACE } from "../../src/render/discord/escape.ts";

/** What Discord shows for escaped text: a backslash before punctuation disappears, the character stays. */
function shown(markdown: string): string {
  return markdown
    .replace(/\\([^\sA-Za-z0-9])/g, "$1")
    .split(`@${ZERO_WIDTH_SPACE}`)
    .join("@");
}

const markdownHeavy = fc
  .array(
    fc.oneof(
      fc.string(),
      fc.constantFrom(
        "*",
        "**",
        "_",
        "__",
        "~~",
        "`",
        "```",
        "||",
        ">",
        ">>>",
        "# ",
        "-# ",
        "- ",
        "1. ",
        "\n",
      ),
      fc.constantFrom(
        "[x](https://e.com)",
        "<@123>",
        "<t:0>",
        "\\",
        "@everyone",
        "@here",
        "zalgo\u0301\u0302",
      ),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""))
  .filter((text) => !text.includes(ZERO_WIDTH_SPACE));

describe("escapeText", () => {
  it("shows exactly the original text", () => {
    fc.assert(
      fc.property(markdownHeavy, (text) => {
        expect(shown(escapeText(text))).toBe(text);
      }),
    );
  });

  it("leaves no inline marker unescaped", () => {
    fc.assert(
      fc.property(markdownHeavy, (text) => {
        const escaped = escapeText(text);
        for (let i = 0; i < escaped.length; i++) {
          const char = escaped.charAt(i);
          if (char === "\\") i++;
          else expect("*_~`|[]<".includes(char)).toBe(false);
        }
      }),
    );
  });

  it("escapes what would start a quote, heading, subtext or list at the start of a line", () => {
    expect(escapeText("> quoted\n# heading\n-# small\n- item\n1. first")).toBe(
      "\\> quoted\n\\# heading\n\\-# small\n\\- item\n1\\. first",
    );
  });

  it("leaves the same characters alone in the middle of a line", () => {
    expect(escapeText("a > b - c # d 2. e")).toBe("a > b - c # d 2. e");
  });

  it("makes mentions and masked links plain text", () => {
    expect(escapeText("<@123> [click](https://e.com) @everyone @here")).toBe(
      `\\<@123> \\[click\\](https://e.com) @${ZERO_WIDTH_SPACE}everyone @${ZERO_WIDTH_SPACE}here`,
    );
  });
});

describe("plainText", () => {
  it("only neutralises mass mentions, since backslashes would show where markdown is not rendered", () => {
    expect(plainText("*Putin* @everyone")).toBe(`*Putin* @${ZERO_WIDTH_SPACE}everyone`);
  });
});
