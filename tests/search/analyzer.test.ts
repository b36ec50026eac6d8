import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createWordAnalysis } from "../../src/search/analyzed-word.ts";
import { createAnalyzer } from "../../src/search/analyzer.ts";
import { editDistance } from "../../src/search/edit-distance.ts";
import { americanSpelling, normalizeWord } from "../../src/search/normalize-word.ts";
import type { QueryWord } from "../../src/search/query-plan.ts";
import { findWordSpans, wordsByPattern } from "../../src/search/word-spans.ts";
import { foldText } from "../../src/text/fold.ts";

const analyzer = createAnalyzer([
  ["u.s.", "usa", "united states", "america"],
  ["inf", "intermediate-range", "intermediate range"],
  ["sphere of influence", "orbit"],
  ["expansion", "enlargement"],
  ["reject", "say no"],
]);

const stems = (text: string) => analyzer.indexTerms(text);
const queryTerms = (text: string) => analyzer.query(text).terms.map((t) => [t.term, t.weight]);

/** The stems of a question's words that `keep` picks, in order. */
const stemsWhere = (text: string, keep: (word: QueryWord) => boolean) =>
  analyzer
    .query(text)
    .words.filter(keep)
    .map((word) => word.stem);

describe("folding", () => {
  it("folds case, diacritics, compatibility forms and quote styles", () => {
    expect(foldText("Zelenskýy")).toBe("zelenskyy");
    expect(foldText("ＮＡＴＯ")).toBe("nato");
    expect(foldText("Russia’s “demands”")).toBe('russia\'s "demands"');
  });

  it("strips zalgo marks stacked on a word", () => {
    expect(foldText("N̷̛A̸͎T̵̠O̴͝")).toBe("nato");
  });

  it("is idempotent", () => {
    for (const text of ["Zelenskýy", "ＮＡＴＯ", "Russia’s", "İstanbul", "ﬁnal"]) {
      expect(foldText(foldText(text))).toBe(foldText(text));
    }
  });
});

describe("words", () => {
  it("keeps initialisms, numbers and apostrophes together and splits hyphens", () => {
    const raw = findWordSpans("The U.S. sent 100,000 troops; Russia’s intermediate-range U.S.S.R. plan").map(
      (s) => s.raw,
    );
    expect(raw).toEqual([
      "The",
      "U.S.",
      "sent",
      "100,000",
      "troops",
      "Russia’s",
      "intermediate",
      "range",
      "U.S.S.R.",
      "plan",
    ]);
  });

  it("finds, stretch by stretch, exactly the words the word pattern finds in the whole text", () => {
    const tricky = fc.constantFrom(
      ..."aZ9 .,'’ʼ＇-\u0301é日Ωx٣".split(""),
      "U.S.",
      "100,000",
      "#",
      "#1",
      "\u{1D400}",
      "\uD800",
      "  ",
    );
    fc.assert(
      fc.property(fc.array(tricky, { maxLength: 40 }), (parts) => {
        const text = parts.join("");
        expect(findWordSpans(text)).toEqual(wordsByPattern(text));
      }),
      { numRuns: 2000, seed: 8 },
    );
  });

  it("gives ranges that point into the raw text", () => {
    const text = "Z̷a̶l̸go and NATO";
    for (const span of findWordSpans(text)) expect(text.slice(span.start, span.end)).toBe(span.raw);
  });

  it("normalizes initialisms, possessives, contractions, month abbreviations and chat shorthand", () => {
    expect(normalizeWord("U.S.")).toBe("usa");
    expect(normalizeWord("U.S")).toBe("usa");
    expect(normalizeWord("US")).toBe("usa");
    expect(normalizeWord("Russia’s")).toBe("russia");
    expect(normalizeWord("doesn't")).toBe("doesnt");
    expect(normalizeWord("100,000")).toBe("100000");
    expect(normalizeWord("Jan")).toBe("january");
    expect(normalizeWord("ppl")).toBe("people");
    expect(normalizeWord("Govt")).toBe("government");
    expect(stems("state dept spox, the vid call last wk, xmas, the helis")).toEqual(
      stems("state department spokesman, the video call last week, christmas, the helicopters"),
    );
    // A question word as typed in chat is a question word ("wen did crimea happen"), not a topic.
    expect(normalizeWord("wen")).toBe("when");
    // The articles write one to nine in words.
    expect(normalizeWord("5")).toBe("five");
    expect(normalizeWord("2nd")).toBe("second");
    expect(normalizeWord("15")).toBe("15");
    expect(stems("whats russia been doing w nato for like 20 yrs")).toEqual(
      stems("russia with nato 20 years"),
    );
    expect(stems("ngl how many ppl died tbh")).toEqual(stems("how many people died"));
    expect(stems("fr tho any1 know ukr's odds per npr")).toEqual(stems("know ukraine odds npr"));
    expect(stems("a journo asked the FM")).toEqual(stems("a journalist asked the minister"));
  });

  it("spells a British word as American English does, when that is the commoner spelling", () => {
    const ranks = new Map(
      ["for", "four", "organization", "organisation", "defense", "defence", "center", "centre"]
        .concat(["traveled", "travelled", "analyze", "analyse", "program", "programme", "promise"])
        .concat(["compromise"])
        .map((word, rank) => [word, rank]),
    );
    const american = americanSpelling((word) => ranks.get(word));
    const respelled = (words: string) => words.split(" ").map(american).join(" ");
    expect(respelled("organisation defence centre travelled analyse programme")).toBe(
      "organization defense center traveled analyze program",
    );
    // No commoner word made by the rewrite, or too short a stem before it: no British spelling.
    expect(respelled("promise exercise four characterise")).toBe("promise exercise four characterise");
    // And a word spelt -ise everywhere, written -ize: "compromize" is "compromise".
    expect(respelled("compromize analyze")).toBe("compromise analyze");
    const analyzed = createWordAnalysis(american);
    expect(analyzed("the Organisation's centres").map((word) => word.word)).toEqual([
      "the",
      "organization",
      "centres",
    ]);
  });
});

describe("stop words and stemming", () => {
  it("drops stop words, question words, negations and chat filler", () => {
    expect(stems("What did they say about the troops? hey can someone explain")).toEqual(["troop"]);
    expect(stems("Why is it not the case")).toEqual(["case"]);
    expect(stems("sorry if this was already mentioned but where is kaliningrad exactly, honestly")).toEqual([
      "kaliningrad",
    ]);
  });

  it("reads wanting something so bad as how much it is wanted, not as something bad", () => {
    const asked = (text: string) => analyzer.query(text).words.map((word) => word.stem);
    expect(asked("why does russia want ukraine so bad")).toEqual(["russia", "want", "ukrain"]);
    expect(asked("why does putin need it that badly")).toEqual(["putin", "need"]);
    expect(asked("why are relations so bad")).toEqual(["relat", "bad"]);
  });

  it("reads '#1' as the main one and '#2' as the second, a lone '#' as nothing", () => {
    expect(stems("russia's #1 ask")).toEqual(["russia", "main", "ask"]);
    expect(stems("the #2 demand, # 3")).toEqual(["second", "demand", "three"]);
    expect(findWordSpans("its #1 ask").map((span) => [span.raw, span.start])).toEqual([
      ["its", 0],
      ["#1", 4],
      ["ask", 7],
    ]);
  });

  it("keeps 'now' and reads 'us' as the United States, apart from 'used'", () => {
    expect(stems("why now")).toEqual(["now"]);
    expect(stems("what does Russia want from us")).toEqual(["russia", "want", "usa"]);
    expect(stems("the U.S. used force")).toEqual(["usa", "us", "forc"]);
  });

  it("stems inflections together", () => {
    expect(stems("demands demanded demanding")).toEqual(["demand", "demand", "demand"]);
    expect(stems("missiles missile")).toEqual(["missil", "missil"]);
    // Porter undoubles a consonant only after a suffix it strips: a bare word is read the same way.
    expect(stems("bluff bluffing bluffed")).toEqual(["bluf", "bluf", "bluf"]);
    expect(stems("staff staffing")).toEqual(["staf", "staf"]);
    // Not l, s or z, and not a three-letter word: "kiss", "call", "add" stay whole.
    expect(stems("kiss call add")).toEqual(["kiss", "call", "add"]);
  });

  it("reads an irregular past form as its verb, unless it is more often another word", () => {
    expect(stems("that setup left Russia")).toEqual(stems("what did the setup leave Russia"));
    expect(stems("stuck took went")).toEqual(["stick", "take", "go"]);
    expect(stems("ground troops, a written reply")).toEqual(["ground", "troop", "written", "repli"]);
  });
});

describe("synonyms", () => {
  it("indexes a multi-word synonym as one joined term besides its words", () => {
    expect(stems("the United States")).toEqual(["unit", "state", "unit_state"]);
    expect(stems("intermediate-range missiles")).toEqual(["intermedi", "rang", "missil", "intermedi_rang"]);
    expect(stems("sphere of influence")).toEqual(["sphere", "influenc", "sphere_of_influenc"]);
  });

  it("expands a question's words at a lower weight, single and multi-word alike", () => {
    expect(queryTerms("U.S. expansion")).toEqual([
      ["usa", 1],
      ["expans", 1],
      ["unit_state", 0.5],
      ["america", 0.5],
      ["enlarg", 0.5],
    ]);
    expect(queryTerms("intermediate range")).toEqual([
      ["intermedi", 1],
      ["rang", 1],
      ["intermedi_rang", 1],
      ["inf", 0.5],
    ]);
  });

  it("reads a phrase of stop words only as a word of the question", () => {
    // "Say" and "no" are stop words, "say no" is what the question asks.
    expect(analyzer.query("did they say no").words).toEqual([{ stem: "sai_no", capitalized: false }]);
    expect(queryTerms("did they say no")).toEqual([
      ["sai_no", 1],
      ["reject", 0.5],
    ]);
    expect(queryTerms("did they say no to nato")).toContainEqual(["sai_no", 1]);
  });

  it("ties every expansion to the words it stands for", () => {
    const plan = analyzer.query("united states orbit");
    expect(plan.words.map((w) => w.stem)).toEqual(["unit", "state", "orbit"]);
    expect(plan.terms.find((t) => t.term === "usa")?.words).toEqual([0, 1]);
    expect(plan.terms.find((t) => t.term === "sphere_of_influenc")?.words).toEqual([2]);
  });

  it("marks names written with a capital past the first word", () => {
    const plan = analyzer.query("what did Macron say about nato");
    expect(plan.words).toEqual([
      { stem: "macron", capitalized: true, named: true },
      { stem: "nato", capitalized: false },
    ]);
  });

  it("reads a capital at a sentence's start as the sentence's, not a name's", () => {
    const named = (text: string) => stemsWhere(text, (word) => word.named === true);
    expect(named("trenin writes of asymmetry. Asymmetric in what?")).toEqual([]);
    expect(named("did the talks go well? what did Macron think")).toEqual(["macron"]);
  });

  it("marks the words said only where the member speaks of themselves beside the question", () => {
    const asides = (text: string) => stemsWhere(text, (word) => word.aside === true);
    expect(
      asides("worst case per trenin? i was reading this late last night and skimmed that section lol"),
    ).toEqual(["late", "last", "night", "skim", "section"]);
    // A word asked about as well is asked.
    expect(
      asides("what are the minsk agreements, i keep seeing minsk mentioned and i’m embarrassed"),
    ).toEqual(["see", "embarrass"]);
    expect(asides("So I'm writing my paper on the bases - what would that restriction rule out?")).toEqual([
      "write",
      "paper",
      "base",
    ]);
    // "My" and "me" speak of the member as "I" does: "group" is no name here, though the articles
    // write it only in one ("International Crisis Group"); "confused" is chat.
    expect(asides("the british ship near crimea, when was that? my group is confused")).toEqual(["group"]);
    // A clause asked is a question, whoever it speaks of; when every clause speaks of the member,
    // that is the question.
    expect(asides("am i right that russia wants a treaty? the post says so")).toEqual([]);
    expect(asides("i think putin wants ukraine")).toEqual([]);
    // "Id", "ill" are words; "I'd", "I'll" the member.
    expect(asides("what is the id of the treaty, ill explain later")).toEqual([]);
    expect(
      analyzer
        .query("what did the draft say, i'll check the syllabus")
        .words.find((w) => w.stem === "syllabu")?.aside,
    ).toBe(true);
  });

  it("completes only the last word, and only while it is being typed", () => {
    expect(
      analyzer
        .query("nato expan", { prefixLastWord: true })
        .terms.filter((t) => t.prefix)
        .map((t) => t.term),
    ).toEqual(["expan"]);
    expect(analyzer.query("nato expan?", { prefixLastWord: true }).terms.some((t) => t.prefix)).toBe(false);
  });
});

describe("edit distance", () => {
  it("counts two neighbouring letters swapped as one edit, as typists make them", () => {
    expect(editDistance("ukriane", "ukraine")).toBe(1);
    expect(editDistance("stoltenburg", "stoltenberg")).toBe(1);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("abc", "cab")).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
  });

  it("is the optimal string alignment distance, computed from the table's recurrence as written", () => {
    // The recurrence itself, row by row with fresh arrays: what the in-place rows must compute.
    const reference = (a: string, b: string): number => {
      let before: number[] = [];
      let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
          let value = Math.min(
            (previous[j] as number) + 1,
            (current[j - 1] as number) + 1,
            (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
          );
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
            value = Math.min(value, (before[j - 2] as number) + 1);
          current.push(value);
        }
        before = previous;
        previous = current;
      }
      return previous[b.length] as number;
    };
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 12 });
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistance(a, b)).toBe(reference(a, b));
      }),
      { seed: 20220112, numRuns: 1000 },
    );
  });

  it("stops early past `max`, with the answer it would give in full up to it", () => {
    const word = fc.string({ unit: fc.constantFrom("a", "b", "c", "d"), maxLength: 8 });
    fc.assert(
      fc.property(word, word, fc.nat(4), (a, b, max) => {
        expect(Math.min(editDistance(a, b, max), max + 1)).toBe(Math.min(editDistance(a, b), max + 1));
      }),
      { seed: 20211228, numRuns: 500 },
    );
  });
});
