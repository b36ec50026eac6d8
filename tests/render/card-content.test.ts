import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { AnswerResult } from "../../src/answer/answer.ts";
import { createDossier } from "../../src/answer/create-dossier.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import {
  cardContents,
  cardLabel,
  MAX_BOLD_WORDS,
  speakerTitle,
  speakingLine,
  withoutRunInLabel,
} from "../../src/render/card-content.ts";
import { renderForTerminal } from "../../src/render/command-output.ts";
import { renderAnswerPage } from "../../src/render/discord/render-answer-page.ts";
import { excerptOf, npr } from "./answer-fixtures.ts";

describe("cardContents", () => {
  it("leaves off an article's run-in label under a section's own label, moving the bold words with the text", () => {
    const text = "Russia’s reasoning: Moscow sees NATO's eastward expansion as a threat.";
    const start = text.indexOf("expansion");
    const shown = withoutRunInLabel({ text, highlights: [{ start, end: start + 9 }], citation: npr });
    expect(shown.text).toBe("Moscow sees NATO's eastward expansion as a threat.");
    expect(shown.text.slice(shown.highlights[0]?.start, shown.highlights[0]?.end)).toBe("expansion");
    // Still a verbatim piece of what the article says.
    expect(text.includes(shown.text)).toBe(true);
    expect(withoutRunInLabel(excerptOf("The message was unmistakable: talk now.")).text).toBe(
      "The message was unmistakable: talk now.",
    );
  });

  it("shows what the question asks for in bold, beside its telling words, without counting it as one", () => {
    const text = "Russia says Ukraine must meet its obligations under 2015 agreements.";
    const year = { start: text.indexOf("2015"), end: text.indexOf("2015") + 4 };
    const word = { start: text.indexOf("agreements"), end: text.indexOf("agreements") + 10 };
    const excerpt = { text, highlights: [word], answers: [year], citation: npr };
    const result: AnswerResult = { kind: "passage", id: "npr#13", excerpts: [excerpt], score: 1 };
    const [card] = cardContents([result]);
    expect(card?.excerpt?.highlights).toEqual([word, year]);
    expect(card?.excerpt?.matched).toEqual([word]);
    // Under a section's label, it moves with the text.
    const labelled = withoutRunInLabel({
      ...excerpt,
      text: `NATO’s counter: ${text}`,
      answers: [{ start: year.start + 16, end: year.end + 16 }],
    });
    expect(labelled.text.slice(labelled.answers?.[0]?.start, labelled.answers?.[0]?.end)).toBe("2015");
  });

  it("names a speaker with their role, unless the name already says it", () => {
    expect(speakerTitle({ name: "Sergei Ryabkov", role: "Russian deputy foreign minister" }, ", ")).toBe(
      "Sergei Ryabkov, Russian deputy foreign minister",
    );
    const unnamed = {
      name: "Senior Biden administration official (unnamed)",
      role: "senior Biden administration official",
    };
    expect(speakerTitle(unnamed, " — ")).toBe("Senior Biden administration official (unnamed)");
  });

  it("takes each excerpt from a paragraph the reply has not shown yet", () => {
    const card = (id: string, paragraphs: number[]): AnswerResult => ({
      kind: "event",
      id,
      excerpts: paragraphs.map((n) =>
        excerptOf(`Words of paragraph ${n} for ${id}.`, { ...npr, paragraph: n }),
      ),
      score: 1,
    });
    const [first, second, third] = cardContents([card("a", [1]), card("b", [1, 2]), card("c", [2])]);
    expect(first?.excerpt?.citation.paragraph).toBe(1);
    expect(second?.excerpt?.citation.paragraph).toBe(2);
    // Only ¶2, already shown, but in other words: shown, as the event's own evidence.
    expect(third?.excerpt?.text).toBe("Words of paragraph 2 for c.");
  });

  it("never leaves a card without words, even when its paragraph is shown above", () => {
    // NPR ¶4 holds two of Ryabkov's quotations: each is still listed with its words. His card
    // introduces him from a paragraph they do not show again (the Post's ¶17).
    const dossier = createDossier(loadCorpus(new URL("../../knowledge/", import.meta.url).pathname));
    const cards = cardContents(dossier.who("ryabkov").results);
    expect(cards.map((card) => card.excerpt?.citation.paragraph)).toEqual([17, 4, 4, 18, 40]);
    expect(cards[0]?.excerpt?.text).toMatch(/^Russia’s deputy foreign minister, Sergei Ryabkov, amplified/);
    // Each quotation as its words alone: the next one has a card of its own.
    expect(cards[1]?.excerpt?.text).toBe("We don't trust the other side");
    expect(cards[2]?.excerpt?.text).toMatch(/^We need ironclad, waterproof, bulletproof/);
  });

  it("shows an event's dated sentence, though an earlier event's card showed another of its paragraph", () => {
    // FP ¶9 dates the 2014 uprising and, a sentence later, Zelensky's 2019 election.
    const dossier = createDossier(loadCorpus(new URL("../../knowledge/", import.meta.url).pathname));
    const cards = cardContents(dossier.timeline({ from: "2014" }).results);
    const zelensky = cards.find((card) => card.result.id === "zelensky-elected");
    expect(zelensky?.excerpt?.text).toMatch(/^The 2019 election of President Volodymyr Zelensky/);
  });

  it("bolds the words rarest across the answer, at most a few a card, each once", () => {
    const words = ["NATO", "Ukraine", "join", "Bucharest", "alliance", "NATO"];
    const text = words.join(" ");
    const highlights = [...text.matchAll(/\S+/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    const common = (n: number): AnswerResult => ({
      kind: "passage",
      id: `p${n}`,
      excerpts: [
        {
          text: "NATO Ukraine",
          highlights: [
            { start: 0, end: 4 },
            { start: 5, end: 12 },
          ],
          citation: { ...npr, paragraph: 10 + n },
        },
      ],
      score: 1,
    });
    const card: AnswerResult = {
      kind: "passage",
      id: "p",
      excerpts: [{ text, highlights, citation: npr }],
      score: 1,
    };
    const [shown] = cardContents([card], [card, common(1), common(2)]);
    const bold = (shown?.excerpt?.highlights ?? []).map((h) => text.slice(h.start, h.end));
    expect(bold).toHaveLength(MAX_BOLD_WORDS);
    expect(bold).not.toContain("NATO");
    expect(bold).toEqual(["join", "Bucharest", "alliance"]);
  });

  it("says what each card is", () => {
    const result = (kind: AnswerResult["kind"], extra: Partial<AnswerResult> = {}): AnswerResult => ({
      kind,
      id: kind,
      excerpts: [],
      score: 1,
      ...extra,
    });
    expect(cardLabel(result("qa"), "short")).toBe("Curators' summary");
    expect(cardLabel(result("qa", { guildId: "1" }), "short", "Study Group")).toBe(
      "Moderators' answer · Study Group",
    );
    expect(cardLabel(result("demand"), "short")).toBe("Russia's demand");
    expect(cardLabel(result("event", { date: "2021-12-17" }), "long")).toBe("Event · 17 December 2021");
    expect(cardLabel(result("quote"), "short")).toBe("Quote");
    expect(cardLabel(result("passage"), "short")).toBe("Passage");
  });
});

describe("the first card answers the question asked", () => {
  const dossier = createDossier(loadCorpus(new URL("../../knowledge/", import.meta.url).pathname));
  const questions = ["dev.json", "dev-members.json", "holdout.json"].flatMap((file) =>
    z
      .array(z.object({ question: z.string() }))
      .parse(JSON.parse(readFileSync(new URL(`../eval/${file}`, import.meta.url), "utf8"))),
  );
  /** "No NATO enlargement…" read under "will Ukraine join NATO?" looks like the answer "no". */
  const readsAsVerdict = /^(no|not|yes|never|none)\b/i;

  it("is never a demand or event titled like a yes or no over a curated answer in the same reply", () => {
    const misleading = questions.flatMap(({ question }) => {
      const { results } = dossier.ask(question, { limit: 9 });
      const [first] = results;
      const curated = results.some((result) => result.kind === "qa");
      const verdictLike =
        (first?.kind === "demand" || first?.kind === "event") && readsAsVerdict.test(first.heading ?? "");
      return curated && verdictLike ? [`${question} → ${first?.heading}`] : [];
    });
    expect(misleading).toEqual([]);
  });

  it("leads with the curated answer for the question members asked", () => {
    const [first] = dossier.ask("is ukraine going to join nato?", { limit: 9 }).results;
    expect(first?.kind).toBe("qa");
    expect(cardLabel(first ?? { kind: "qa", id: "", excerpts: [], score: 0 }, "short")).toBe(
      "Curators' summary",
    );
  });
});

describe("a passage quoting someone it does not name", () => {
  const dossier = createDossier(loadCorpus(new URL("../../knowledge/", import.meta.url).pathname));
  const answer = dossier.ask("what did kuleba think of russia's proposals");
  const passageOf = (id: string) => answer.results.find((result) => result.id === id);

  it("names the speaker its paragraph's curated quotations give, only where the words do not", () => {
    // ¶21: "He added that Russia’s effort … was “out of the question,”" (Kuleba is named in ¶19).
    expect(passageOf("wapo-sonne#21")?.speaker).toMatchObject({ id: "kuleba", name: "Dmytro Kuleba" });
    // ¶19 names him and quotes no one.
    expect(passageOf("wapo-sonne#19")).toBeDefined();
    expect(passageOf("wapo-sonne#19")?.speaker).toBeUndefined();
    const line = speakingLine(passageOf("wapo-sonne#21") as AnswerResult);
    expect(line).toBe("Speaking: Dmytro Kuleba, Ukrainian foreign minister");
    expect(speakingLine(passageOf("wapo-sonne#19") as AnswerResult)).toBeUndefined();

    // As Discord shows it and as a terminal does.
    const page = renderAnswerPage({ kind: "ask", question: "kuleba?", answer }, 0, { key: "k" });
    const cards = (page.embeds ?? []).map((embed) => embed.description ?? "");
    expect(cards.filter((card) => card.includes(line as string))).toHaveLength(1);
    expect(cards.find((card) => card.includes(line as string))).toContain("He added that");
    const printed = renderForTerminal(
      { kind: "answer", command: "ask", answer },
      { color: false, width: 100 },
    );
    expect(printed).toContain(line);
  });
});
