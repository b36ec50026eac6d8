import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Excerpt } from "../../src/answer/answer.ts";
import { ZERO_WIDTH_SPACE } from "../../src/render/discord/escape.ts";
import { countUnescapedBold } from "../../src/render/discord/fit-text.ts";
import {
  formatCitation,
  formatQuotedExcerpt,
  openQuotationsOf,
  splitByHighlights,
} from "../../src/render/discord/quoted-excerpt.ts";
import { npr as citation } from "./answer-fixtures.ts";

function excerpt(text: string, highlights: Array<[number, number]> = []): Excerpt {
  return { text, highlights: highlights.map(([start, end]) => ({ start, end })), citation };
}

describe("formatQuotedExcerpt", () => {
  it("quotes the excerpt with the matched words in bold", () => {
    const text = "Russia's main demand is a commitment from NATO to end its further expansion";
    const start = text.indexOf("expansion");
    expect(formatQuotedExcerpt(excerpt(text, [[start, start + "expansion".length]]), 1000)).toBe(
      "> Russia's main demand is a commitment from NATO to end its further **expansion**",
    );
  });

  it("escapes markdown in the article's own text, inside and outside the bold words", () => {
    const formatted = formatQuotedExcerpt(
      excerpt("a *so-called* ~deal~ | `code` @everyone", [[2, 13]]),
      1000,
    );
    expect(formatted).toBe(
      `> a **\\*so-called\\*** \\~deal\\~ \\| \\\`code\\\` @${ZERO_WIDTH_SPACE}everyone`,
    );
  });

  it("keeps every line of a multi-line excerpt inside the quote", () => {
    expect(formatQuotedExcerpt(excerpt("first\n> second"), 1000)).toBe("> first\n> \\> second");
  });

  it("merges overlapping and touching highlights and ignores ranges outside the text", () => {
    const segments = splitByHighlights("abcdefgh", [
      { start: 2, end: 4 },
      { start: 3, end: 5 },
      { start: 5, end: 6 },
      { start: 40, end: 50 },
      { start: 7, end: 3 },
    ]);
    expect(segments).toEqual([
      { text: "ab", bold: false },
      { text: "cdef", bold: true },
      { text: "gh", bold: false },
    ]);
  });

  it("cuts between words of the excerpt, closing the bold run and marking the cut", () => {
    const text = "no more eastward expansion of the alliance and guarantees not to deploy troops";
    const bold = "eastward expansion of the alliance";
    const start = text.indexOf(bold);
    const formatted = formatQuotedExcerpt(excerpt(text, [[start, start + bold.length]]), 45);
    expect(formatted).toBe("> no more **eastward expansion of the** …");
  });

  it("stays within any budget, never splitting a bold run", () => {
    const words = fc.array(fc.constantFrom("NATO", "expansion", "*", "😀", "z\u0301\u0302", "_x_", "@here"), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        words,
        fc.array(fc.tuple(fc.nat(400), fc.nat(400))),
        fc.integer({ min: 1, max: 500 }),
        (w, h, max) => {
          const formatted = formatQuotedExcerpt(excerpt(w.join(" "), h), max);
          expect(formatted.length).toBeLessThanOrEqual(max);
          expect(countUnescapedBold(formatted) % 2).toBe(0);
        },
      ),
    );
  });
});

describe("formatCitation", () => {
  it("names outlet, authors, date and paragraph", () => {
    expect(formatCitation({ ...citation, authors: ["Amy Mackinnon"] })).toBe(
      "— NPR · Amy Mackinnon · 12 Jan 2022 · ¶4",
    );
  });

  it("falls back to the title when the outlet is unknown and leaves out what the article does not give", () => {
    const { outlet: _outlet, published: _published, ...bare } = citation;
    expect(formatCitation({ ...bare, authors: ["A", "B", "C"] })).toBe(
      "— 4 things Russia wants right now · A et al. · ¶4",
    );
  });
});

describe("formatQuotedExcerpt when it must cut", () => {
  it("keeps whole sentences, with no ellipsis, when that keeps most of the excerpt", () => {
    const text = "Russia wants a guarantee. NATO says no to that demand. Talks go on in Geneva this week.";
    expect(formatQuotedExcerpt(excerpt(text), 60)).toBe(
      "> Russia wants a guarantee. NATO says no to that demand.",
    );
  });

  it("keeps the sentences with the question's words when the first ones have fewer", () => {
    const text = "Talks go on in Geneva this week. Russia wants a guarantee. NATO says no to that demand.";
    const at = (word: string): [number, number] => [text.indexOf(word), text.indexOf(word) + word.length];
    // "NATO" and "demand" matched: the last two sentences, whole, verbatim, without an ellipsis.
    expect(formatQuotedExcerpt(excerpt(text, [at("NATO"), at("demand")]), 66)).toBe(
      "> Russia wants a guarantee. **NATO** says no to that **demand**.",
    );
    // As many in the first sentences: those.
    expect(formatQuotedExcerpt(excerpt(text, [at("Geneva"), at("NATO")]), 66)).toBe(
      "> Talks go on in **Geneva** this week. Russia wants a guarantee.",
    );
    // The words the card does not show in bold still say where its point is.
    const shown = { ...excerpt(text), matched: excerpt(text, [at("demand")]).highlights };
    expect(formatQuotedExcerpt(shown, 66)).toBe("> Russia wants a guarantee. NATO says no to that demand.");
  });

  it("keeps the sentence giving the answer asked for, though later ones have more of the question's words", () => {
    // NPR ¶13, asked what year the Minsk deals were: "2015" is in the first sentence, "Minsk" twice after it.
    const text =
      "Russia says Ukraine must meet its obligations under 2015 agreements. That peace deal, known as the Minsk agreements, has stalled. Moreover, the Minsk agreements would provide additional autonomy.";
    const at = (word: string, from = 0): [number, number] => [
      text.indexOf(word, from),
      text.indexOf(word, from) + word.length,
    ];
    const shown = {
      ...excerpt(text, [at("2015")]),
      matched: excerpt(text, [at("Minsk"), at("Minsk", 100), at("agreements", 80)]).highlights,
      answers: excerpt(text, [at("2015")]).highlights,
    };
    expect(formatQuotedExcerpt(shown, 140)).toBe(
      "> Russia says Ukraine must meet its obligations under **2015** agreements. That peace deal, known as the Minsk agreements, has stalled.",
    );
    // Without the answer, the sentences with most of the question's words.
    const { answers: _none, ...unanswered } = shown;
    expect(formatQuotedExcerpt({ ...unanswered, highlights: [] }, 140)).toBe(
      "> That peace deal, known as the Minsk agreements, has stalled. Moreover, the Minsk agreements would provide additional autonomy.",
    );
  });

  it("keeps a short last sentence holding more of the question's words than a longer cut would", () => {
    // Trenin ¶13, asked "what are Putin and Xi discussing": the answer is its last sentence alone.
    const text =
      "To counter more drastic Western economic and financial sanctions, either in anticipation of a Russian incursion into Ukraine or as a consequence of it, Moscow may need to lean on Beijing, which also finds itself under increasing U.S. pressure. Presidents Putin and Xi Jinping are already discussing financial mechanisms to protect their countries from U.S. sanctions.";
    const at = (word: string): [number, number] => [text.indexOf(word), text.indexOf(word) + word.length];
    const matched = excerpt(text, [at("Putin"), at("Xi"), at("Jinping"), at("discussing")]);
    expect(formatQuotedExcerpt(matched, 280)).toBe(
      "> Presidents **Putin** and **Xi** **Jinping** are already **discussing** financial mechanisms to protect their countries from U.S. sanctions.",
    );
    // With as many of them in the longer cut, the longer cut.
    const sanctions = excerpt(text, [at("sanctions"), at("Beijing")]);
    expect(formatQuotedExcerpt(sanctions, 280)).toMatch(
      /^> To counter more drastic Western economic and financial \*\*sanctions\*\*/,
    );
  });

  it("never takes an initial for the end of a sentence", () => {
    const text = "Officials from the U.S. State Department told Ukraine that membership was unlikely soon.";
    expect(formatQuotedExcerpt(excerpt(text), 50)).toMatch(/ …$/);
  });

  it("never leaves a quotation open: it cuts before the quotation opens", () => {
    const text =
      'The deputy minister told reporters in Geneva on Monday, after eight hours of talks, that "we need guarantees" now.';
    const formatted = formatQuotedExcerpt(excerpt(text), 100);
    expect(formatted).toBe(
      "> The deputy minister told reporters in Geneva on Monday, after eight hours of talks, that …",
    );
  });

  it("closes the quotation after the ellipsis only when no clean cut keeps enough", () => {
    const text = "“We need ironclad, waterproof, bulletproof, legally binding guarantees. Not assurances.”";
    const formatted = formatQuotedExcerpt(excerpt(text), 60);
    expect(formatted).toMatch(/^> “We need ironclad, .* …”$/);
    expect(formatted.length).toBeLessThanOrEqual(60);
  });

  it("leaves no quotation open, whatever the budget", () => {
    const words = fc.array(fc.constantFrom("said", '"we', 'go"', "“no", "way”", "now.", "U.S."), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(words, fc.integer({ min: 20, max: 300 }), (w, max) => {
        const text = w.join(" ");
        const formatted = formatQuotedExcerpt(excerpt(text), max);
        if (formatted === `> ${text}` || formatted.endsWith("…”") || formatted.endsWith('…"')) return;
        const shown = formatted.replace(/^> /, "").replace(/ …$/, "");
        expect(openQuotationsOf(shown)(shown.length)).toBeUndefined();
      }),
    );
  });
});
