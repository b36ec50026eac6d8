import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import { createAnalyzer } from "../../src/search/analyzer.ts";
import { foldQuotesAndSpace, foldText } from "../../src/text/fold.ts";
import { UserError } from "../../src/user-error.ts";
import { expectNoSharedPassage, expectVerbatimEvidence } from "./answer-checks.ts";
import { fixtureCorpus, fixtureDossier } from "./fixture-dossier.ts";

const corpus = fixtureCorpus();
const dossier = fixtureDossier();
const analyzer = createAnalyzer(corpus.synonyms);

/** Words the corpus knows, mixed with what members paste into a chat box. */
const piece = fc.constantFrom(
  "NATO",
  "Putin",
  "Stoltenburg",
  "missiles",
  "intermediate-range",
  "U.S.",
  "Минск",
  "🙂",
  "🇺🇦",
  "Z̷̢̛a̶̡l̸g̵o̴",
  "\u0301\u0302\u0303",
  "**bold**",
  "`code`",
  "> quote",
  "@everyone",
  "<@123456>",
  "'; DROP TABLE users; --",
  "SELECT * FROM qa WHERE 1=1",
  " ",
  "\n",
  "?",
  "2014",
  "2021-12",
);
const mixed = fc.array(fc.oneof(piece, fc.string()), { maxLength: 12 }).map((parts) => parts.join(" "));
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), mixed);

/** Runs `action`; anything thrown must be a UserError. */
function userErrorsOnly<T>(action: () => T): T | undefined {
  try {
    return action();
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

function checkAnswer(answer: Answer | undefined, ask = false): void {
  if (!answer) return;
  expectVerbatimEvidence(corpus, answer);
  if (ask) expectNoSharedPassage(answer);
}

describe("properties", () => {
  it("folding is idempotent", () => {
    fc.assert(fc.property(anyText, (text) => foldText(foldText(text)) === foldText(text)));
    fc.assert(
      fc.property(
        anyText,
        (text) => foldQuotesAndSpace(foldQuotesAndSpace(text)) === foldQuotesAndSpace(text),
      ),
    );
  });

  it("the analyzer never throws and its ranges point into the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        analyzer.indexTerms(text);
        analyzer.query(text, { prefixLastWord: true });
        for (const word of analyzer.words(text)) {
          expect(word.start).toBeGreaterThanOrEqual(0);
          expect(word.end).toBeLessThanOrEqual(text.length);
          expect(word.stem.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it("ask throws nothing but UserError, and every excerpt is verbatim", () => {
    fc.assert(
      fc.property(anyText, fc.option(fc.constantFrom("guild-1", "guild-2")), (text, guildId) => {
        checkAnswer(
          userErrorsOnly(() => dossier.ask(text, guildId === null ? {} : { guildId })),
          true,
        );
      }),
    );
  });

  it("the listings throw nothing but UserError, and every excerpt is verbatim", () => {
    fc.assert(
      fc.property(anyText, anyText, (a, b) => {
        checkAnswer(userErrorsOnly(() => dossier.demands(a)));
        checkAnswer(userErrorsOnly(() => dossier.quotes({ speaker: a, topic: b })));
        checkAnswer(userErrorsOnly(() => dossier.quotes({ topic: a })));
        checkAnswer(userErrorsOnly(() => dossier.timeline({ from: a, to: b, topic: a })));
        checkAnswer(userErrorsOnly(() => dossier.timeline({ topic: b })));
        checkAnswer(userErrorsOnly(() => dossier.who(a)));
        userErrorsOnly(() => dossier.source(a));
        userErrorsOnly(() => dossier.ask(a, { article: b }));
      }),
    );
  });

  it("suggestions stay within Discord's limits for any input", () => {
    const fields = fc.constantFrom("topic", "demand", "speaker", "person", "article", "year" as const);
    fc.assert(
      fc.property(fields, anyText, fc.integer({ min: -5, max: 100 }), (field, typed, limit) => {
        const suggestions = dossier.suggest(field, typed, limit);
        expect(suggestions.length).toBeLessThanOrEqual(Math.max(0, Math.min(25, limit)));
        for (const s of suggestions) {
          expect(s.name.length).toBeLessThanOrEqual(100);
          expect(s.value.length).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});

describe("folding quotes and space", () => {
  // A no-break space at the end is folded away, and keeps the text off the plain-ASCII shortcut:
  // the shortcut must never change a result.
  const folded = (text: string) => foldQuotesAndSpace(`${text}\u00A0`);
  it("folds plain text as it folds any other", () => {
    fc.assert(fc.property(anyText, (text) => foldQuotesAndSpace(text) === folded(text)));
    for (const text of ["plain words", "a `quoted` word", " padded", "two  spaces", "tab\there", "done."])
      expect(foldQuotesAndSpace(text)).toBe(folded(text));
    expect(foldQuotesAndSpace("a `quoted` word")).toBe("a 'quoted' word");
  });
});
