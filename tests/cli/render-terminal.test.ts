import { describe, expect, it } from "vitest";
import type { Answer, AnswerResult, Citation, Excerpt } from "../../src/answer/answer.ts";
import { NOTHING_MATCHES } from "../../src/render/card-content.ts";
import { answerToJson } from "../../src/render/json.ts";
import { renderQuoteBlock } from "../../src/render/terminal/quote-block.ts";
import { ansiStyle, plainStyle, wantsColor } from "../../src/render/terminal/terminal.ts";
import {
  NOT_CONFIDENT_NOTE,
  renderAnswer,
  renderCitation,
} from "../../src/render/terminal/terminal-answer.ts";
import { formatPartialDate } from "../../src/text/partial-date.ts";

const ESC = String.fromCharCode(27);
const stripAnsi = (text: string) => text.replace(new RegExp(`${ESC}\\[\\d+m`, "g"), "");
const boldParts = (text: string) =>
  [...text.matchAll(new RegExp(`${ESC}\\[1m([^${ESC}]*)${ESC}\\[22m`, "g"))].map((match) => match[1]);

// Only rendering is under test here: the answers are small literals, not the real core's output.
const citation = (over: Partial<Citation> = {}): Citation => ({
  article: "npr-x",
  title: "Four things",
  outlet: "NPR",
  authors: ["A. Writer"],
  published: "2022-01-12",
  url: "https://example.org/a",
  paragraph: 4,
  ...over,
});
const excerpt = (
  text: string,
  highlights: Excerpt["highlights"] = [],
  over: Partial<Citation> = {},
): Excerpt => ({
  text,
  highlights,
  citation: citation(over),
});
const result = (over: Partial<AnswerResult>): AnswerResult => ({
  kind: "passage",
  id: "npr-x#4",
  excerpts: [],
  score: 1,
  ...over,
});

describe("quote blocks", () => {
  it("emphasises highlights in bold with ANSI, merging overlapping ranges", () => {
    const lines = renderQuoteBlock(
      excerpt("NATO should not expand east", [
        { start: 0, end: 4 },
        { start: 16, end: 22 }, // "expand"
        { start: 19, end: 27 }, // "and east", overlapping it
      ]),
      { style: ansiStyle, indent: "" },
    );
    expect(lines).toEqual(["> \u001b[1mNATO\u001b[22m should not \u001b[1mexpand east\u001b[22m"]);
  });

  it("keeps the exact words and no markup in plain style", () => {
    const text = "NATO should not *expand* east";
    const lines = renderQuoteBlock(excerpt(text, [{ start: 0, end: 4 }]), {
      style: plainStyle,
      indent: "  ",
    });
    expect(lines).toEqual([`  > ${text}`]);
  });

  it("wraps between words and keeps a highlight that spans the break", () => {
    const text = "alpha beta gamma delta epsilon zeta eta theta iota kappa";
    const start = text.indexOf("epsilon");
    const end = text.indexOf("eta theta") + 3;
    const lines = renderQuoteBlock(excerpt(text, [{ start, end }]), {
      style: ansiStyle,
      indent: "",
      width: 26,
    });
    expect(lines.length).toBeGreaterThan(1);
    const plain = lines.map((line) => stripAnsi(line).slice(2)).join(" ");
    expect(plain).toBe(text);
    for (const line of lines) expect(stripAnsi(line).length).toBeLessThanOrEqual(26);
    expect(boldParts(lines.join(" ")).join(" ")).toBe("epsilon zeta eta");
  });

  it("ignores highlight ranges outside the text", () => {
    const lines = renderQuoteBlock(
      excerpt("short", [
        { start: 3, end: 99 },
        { start: -5, end: 0 },
      ]),
      {
        style: ansiStyle,
        indent: "",
      },
    );
    expect(lines).toEqual(["> sho\u001b[1mrt\u001b[22m"]);
  });
});

describe("citation line", () => {
  it("is Outlet · Author · date · ¶n, then the link", () => {
    expect(renderCitation(citation(), "", plainStyle)).toEqual([
      "  — NPR · A. Writer · 12 January 2022 · ¶4",
      "    https://example.org/a",
    ]);
  });

  it("leaves out what the article does not give, and falls back to the title without an outlet", () => {
    const bare = citation({
      outlet: undefined,
      authors: [],
      published: undefined,
      url: undefined,
      paragraph: 9,
    });
    expect(renderCitation(bare, "", plainStyle)).toEqual(["  — Four things · ¶9"]);
  });

  it("formats dates at their precision", () => {
    expect([
      formatPartialDate("2008", "long"),
      formatPartialDate("2021-12", "long"),
      formatPartialDate("2022-01-07", "long"),
    ]).toEqual(["2008", "December 2021", "7 January 2022"]);
  });
});

describe("answers", () => {
  it("puts the not-covered note first when the answer is not confident", () => {
    const answer: Answer = { confident: false, results: [result({ excerpts: [excerpt("closest words")] })] };
    expect(renderAnswer(answer, { style: plainStyle }).split("\n")[0]).toBe(NOT_CONFIDENT_NOTE);
    const confident = renderAnswer({ ...answer, confident: true }, { style: plainStyle });
    expect(confident).not.toContain(NOT_CONFIDENT_NOTE);
  });

  it("says, as Discord does, that nothing in the articles matches when no passage is shown", () => {
    const text = renderAnswer({ confident: false, results: [] }, { style: plainStyle });
    expect(text).toBe(NOTHING_MATCHES.ask);
  });

  it("says which article a question was asked of when the other articles answer it", () => {
    const answer: Answer = {
      confident: false,
      results: [result({ excerpts: [excerpt("another article's words")] })],
      notCoveredBy: { article: "npr-2022-01-12", title: "4 things Russia wants right now", outlet: "NPR" },
    };
    const [note] = renderAnswer(answer, { style: plainStyle }).split("\n");
    expect(note).toBe("NPR's article doesn't seem to cover that. From the other articles:");
  });

  it("shows a demand's labelled sections after its statement, skipping empty ones", () => {
    const demand = result({
      kind: "demand",
      heading: "No missiles",
      excerpts: [excerpt("statement words", [], { paragraph: 1 })],
      sections: [
        { label: "Russia's reasoning", excerpts: [excerpt("reasoning words", [], { paragraph: 2 })] },
        { label: "Room for compromise", excerpts: [] },
        { label: "Western response", excerpts: [excerpt("response words", [], { paragraph: 3 })] },
      ],
    });
    const text = renderAnswer({ confident: true, results: [demand] }, { style: plainStyle });
    const order = [
      "No missiles",
      "> statement words",
      "Russia's reasoning:",
      "> reasoning words",
      "Western response:",
      "> response words",
    ];
    const positions = order.map((part) => text.indexOf(part));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain("Room for compromise");
  });

  it("numbers every card, labels it, dates events and introduces quotes with the occasion", () => {
    const event = result({
      kind: "event",
      date: "2008",
      heading: "Bucharest summit",
      excerpts: [excerpt("In 2008")],
    });
    const quote = result({
      kind: "quote",
      speaker: {
        id: "putin",
        name: "Vladimir Putin",
        role: "President of Russia",
        context: "at a press conference",
      },
      date: "2021-12",
      excerpts: [excerpt("We were fooled", [], { paragraph: 5 })],
    });
    const text = renderAnswer({ confident: true, results: [event, quote] }, { style: plainStyle });
    expect(text).toContain("[1] Event · 2008\n   Bucharest summit");
    expect(text).toContain(
      "[2] Quote\n   Vladimir Putin, President of Russia\n   at a press conference, December 2021",
    );
  });

  it("shows who a person is, without the other spellings search knows them by", () => {
    const person = result({
      kind: "person",
      person: {
        id: "ryabkov",
        name: "Sergei Ryabkov",
        role: "Deputy foreign minister",
        aliases: ["Sergei Ryabkov", "Riabkov"],
      },
      summary: "Deputy foreign minister",
      excerpts: [excerpt("Ryabkov said")],
    });
    const text = renderAnswer({ confident: true, results: [person] }, { style: plainStyle });
    expect(text.split("\n").slice(0, 3)).toEqual([
      "[1] Person",
      "   Sergei Ryabkov",
      "   Deputy foreign minister",
    ]);
    expect(text).not.toContain("Riabkov");
  });
});

describe("JSON contract", () => {
  it("flattens each result's excerpts, then its sections', best first, without display-only fields", () => {
    const answer: Answer = {
      confident: true,
      results: [
        result({
          excerpts: [excerpt("one", [{ start: 0, end: 3 }])],
          sections: [{ label: "x", excerpts: [excerpt("two", [], { url: undefined, paragraph: 5 })] }],
        }),
        result({ excerpts: [excerpt("three")] }),
      ],
    };
    expect(answerToJson(answer)).toEqual({
      confident: true,
      results: [
        {
          excerpt: "one",
          citation: {
            article: "npr-x",
            title: "Four things",
            outlet: "NPR",
            paragraph: 4,
            url: "https://example.org/a",
          },
        },
        { excerpt: "two", citation: { article: "npr-x", title: "Four things", outlet: "NPR", paragraph: 5 } },
        {
          excerpt: "three",
          citation: {
            article: "npr-x",
            title: "Four things",
            outlet: "NPR",
            paragraph: 4,
            url: "https://example.org/a",
          },
        },
      ],
    });
  });
});

describe("colour", () => {
  it("only for a terminal, and never with NO_COLOR set", () => {
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
    expect(wantsColor({}, {})).toBe(false);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
  });
});
