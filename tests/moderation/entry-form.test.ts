import { ComponentType, type ModalData } from "discord.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formValuesFrom } from "../../src/moderation/discord/submit-entry-form.ts";
import {
  type FormValues,
  formValuesOf,
  readEntryForm,
  splitAlternatives,
} from "../../src/moderation/entry-form.ts";
import { BALTIC_FORM, shippedCorpus } from "./fixtures/moderation-world.ts";

const corpus = shippedCorpus();

/** What discord.js puts in `interaction.fields.fields` for a submitted form, as literal data. */
function submitted(values: Record<string, string>): Map<string, ModalData> {
  return new Map(
    Object.entries(values).map(([customId, value], index) => [
      customId,
      { type: ComponentType.TextInput, id: index + 1, customId, value },
    ]),
  );
}

describe("reading the submitted form", () => {
  it("reads the four inputs by custom id, an absent optional one as empty", () => {
    const { alternatives: _left, ...withoutAlternatives } = BALTIC_FORM;
    expect(formValuesFrom(submitted(withoutAlternatives))).toEqual({
      ...withoutAlternatives,
      alternatives: "",
    });
  });

  it("turns the text into an entry: trimmed, one alternative a line, citations located", () => {
    const reading = readEntryForm(
      {
        question: "  Which Baltic exercise did the study group schedule?  ",
        answer: "An answer of a sentence.",
        alternatives: "- glossary session\n\n  • Baltic exercise \n",
        citations: [
          "fp-mackinnon ¶8: In 2008, at the NATO summit in Bucharest, Romania",
          // Pasted without a reference and wrapped in quotes: found in the one paragraph that has it.
          "“What has changed is the sense of urgency felt in the Kremlin”",
        ].join("\n"),
      },
      corpus,
    );
    expect(reading).toEqual({
      ok: true,
      content: {
        question: "Which Baltic exercise did the study group schedule?",
        answer: "An answer of a sentence.",
        alternatives: ["glossary session", "Baltic exercise"],
        citations: [
          {
            article: "fp-mackinnon",
            paragraph: 8,
            excerpt: "In 2008, at the NATO summit in Bucharest, Romania",
          },
          {
            article: "fp-mackinnon",
            paragraph: 3,
            excerpt: "What has changed is the sense of urgency felt in the Kremlin",
          },
        ],
      },
    });
  });

  it("reports every problem at once, each saying how to fix it, and no needless 'add a citation'", () => {
    const reading = readEntryForm(
      {
        question: "Hm",
        answer: "",
        alternatives: "",
        citations: "fp-mackinnon ¶8: words that are not in the paragraph",
      },
      corpus,
    );
    expect(reading.ok).toBe(false);
    const problems = reading.ok ? [] : reading.problems;
    expect(problems).toEqual([
      "The question is too short: write at least 3 characters.",
      "The answer is empty: type a few words.",
      expect.stringMatching(
        /^Line 1: The excerpt "words that are not in the paragraph" is not word for word in fp-mackinnon ¶8/,
      ),
    ]);
  });

  it("asks for a citation when none was given", () => {
    const reading = readEntryForm({ ...BALTIC_FORM, citations: "  \n " }, corpus);
    expect(reading.ok ? [] : reading.problems).toEqual([expect.stringMatching(/^Add at least one citation/)]);
  });

  it("refuses a question the curated knowledge already answers, naming the entry", () => {
    const curated = corpus.qa[0];
    if (curated === undefined) throw new Error("the shipped knowledge has no Q&A");
    const reading = readEntryForm({ ...BALTIC_FORM, question: curated.question }, corpus);
    expect(reading.ok ? [] : reading.problems).toEqual([expect.stringContaining(`"${curated.id}"`)]);
  });

  it("reads back exactly what it shows when an entry is edited", () => {
    const entries = corpus.qa.slice(0, 20);
    fc.assert(
      fc.property(fc.constantFrom(...entries), (entry) => {
        const values: FormValues = formValuesOf(entry);
        // The curated entries themselves are refused as duplicates; a changed question is read back.
        const reading = readEntryForm({ ...values, question: `${values.question} (server copy)` }, corpus);
        expect(reading.ok && reading.content.citations).toEqual(
          entry.citations.map((c) => ({ ...c, excerpt: c.excerpt.replace(/\s+/g, " ").trim() })),
        );
        expect(reading.ok && reading.content.alternatives).toEqual(entry.alternatives);
      }),
    );
  });

  it("splits alternatives by line only, so a phrase with a comma stays whole", () => {
    expect(splitAlternatives("why, after all these years, now\r\n1. second phrasing")).toEqual([
      "why, after all these years, now",
      "second phrasing",
    ]);
  });
});
