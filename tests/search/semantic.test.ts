import { describe, expect, it } from "vitest";
import { createDossier } from "../../src/answer/create-dossier.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import {
  cosine,
  decodeWordVectors,
  encodeWordVectors,
  rowCosines,
  WordVectorsError,
} from "../../src/knowledge/word-vectors.ts";
import { createAnalyzer } from "../../src/search/analyzer.ts";
import { createSemantic, semanticTables } from "../../src/search/semantic.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);
const vectors = corpus.wordVectors;

describe("word vectors", () => {
  it("round-trip through the compact file within a rounding of int8", () => {
    const words = ["alpha", "beta"];
    const floats = [
      [0.5, -0.25, 0.125, 1],
      [-3, 2, 0.001, 0],
    ];
    const decoded = decodeWordVectors(encodeWordVectors(words, floats));
    expect(decoded.size).toBe(2);
    expect(decoded.dimensions).toBe(4);
    for (const [i, word] of words.entries()) {
      const original = Float32Array.from(floats[i] ?? []);
      const norm = Math.sqrt(cosine(original, original));
      const unit = original.map((value) => value / norm);
      expect(cosine(unit, decoded.unitVector(word) ?? new Float32Array(4))).toBeGreaterThan(0.999);
    }
    expect(decoded.unitVector("gamma")).toBeUndefined();
  });

  it("refuse a file that is not theirs or is cut short, saying how to rebuild it", () => {
    expect(() => decodeWordVectors(Buffer.from("not vectors at all"))).toThrow(WordVectorsError);
    const whole = encodeWordVectors(["alpha"], [[1, 2, 3]]);
    expect(() => decodeWordVectors(whole.subarray(0, whole.length - 1), "word-vectors.bin")).toThrow(
      "word-vectors.bin is truncated: run npm run vectors:derive to rebuild it.",
    );
  });

  it("measure many cosines at once bit for bit as one at a time, four at a time or not", () => {
    const words = ["nato", "missiles", "sanctions", "withdrawal", "kremlin", "treaty", "border"];
    const unit = (word: string) => vectors?.unitVector(word) ?? new Float32Array(100);
    const query = unit("ukraine");
    const matrix = new Float32Array(words.length * query.length);
    for (const [row, word] of words.entries()) matrix.set(unit(word), row * query.length);
    expect([...rowCosines(query, matrix)]).toEqual(words.map((word) => cosine(query, unit(word))));
    // Or the rows listed, in the order listed.
    for (let count = 0; count <= words.length; count++) {
      const rows = Int32Array.from(words.keys()).reverse();
      const together = rowCosines(query, matrix, new Float64Array(count), { rows, count });
      expect([...together]).toEqual(
        [...rows.subarray(0, count)].map((row) => cosine(query, unit(words[row] ?? ""))),
      );
    }
  });

  it("ship with the knowledge and know its words", () => {
    expect(vectors).toBeDefined();
    for (const word of ["nato", "missiles", "sanctions", "withdrawal"]) expect(vectors?.has(word)).toBe(true);
  });
});

describe("semantic", () => {
  const dossier = createDossier(corpus);
  if (!vectors) throw new Error("the shipped knowledge has word vectors");
  const articleTexts = corpus.articles.flatMap((a) => a.paragraphs.map((p) => p.text));
  const semantic = createSemantic(
    vectors,
    semanticTables(vectors, {
      documents: articleTexts,
      paragraphs: articleTexts,
      bylines: ["NPR", "Foreign Policy"],
    }),
  );

  it("hears a name a phone wrote by sound, in pieces or not, and nothing in everyday words", () => {
    const heard = (text: string) => createAnalyzer([], semantic).asMeant(text);
    expect(heard("what did lav rov write")).toBe("what did lavrov write");
    expect(heard("where is call in in grad")).toBe("where is kaliningrad");
    // By either of a name's two sounds: "sir gay" is Sergei's second (SRK; its first is SRJ).
    expect(heard("what did sir gay lav rov write")).toBe("what did sergei lavrov write");
    // Everyday words heard as a name when they say something: "put in says" is Putin speaking.
    expect(heard("when put in says historical russia what does he mean")).toBe(
      "when putin says historical russia what does he mean",
    );
    expect(heard("what did russia put in the drafts")).toBe("what did russia put in the drafts");
    // "Anton T. Semelroth": a name after an initial's full stop is still written as a name.
    expect(heard("whos the pentagon guy sem el roth")).toBe("whos the pentagon guy semelroth");
    // As the member wrote it: the capital and the possessive kept.
    expect(heard("What was Kuleeba's point")).toBe("What was Kuleba's point");
    // A word the articles write, written in two ("ironclad, waterproof, bulletproof", NPR ¶6).
    expect(heard("guarantees that are iron clad water proof and bullet proof")).toBe(
      "guarantees that are ironclad waterproof and bulletproof",
    );
    // An abbreviation the knowledge uses, spelt out letter by letter.
    const withOsce = createSemantic(
      vectors,
      semanticTables(vectors, {
        documents: [...articleTexts, "the OSCE talks"],
        paragraphs: articleTexts,
        bylines: [],
      }),
    );
    expect(createAnalyzer([], withOsce).asMeant("where are the o s c e talks")).toBe(
      "where are the osce talks",
    );
    // A name written already is not eaten by the word after it ("olga oh" is not "olga").
    expect(heard("who is olga oh liker")).toBe("who is olga oliker");
    for (const everyday of [
      "what did russia put in the drafts",
      "who did zelensky beat in the 2019 runoff",
      "whats the wests usual answer when russia whines about nato",
      "what is the difference between minsk i and minsk ii",
    ])
      expect(heard(everyday)).toBe(everyday);
  });

  it("reaches the articles' words from a member's word they never use", () => {
    // "pullout" is not in the articles; "withdrawal" is, and is its closest there.
    expect(semantic.nearWords("pullout")[0]?.word).toBe("withdrawal");
    // A word the articles use is searched as itself, never widened.
    expect(semantic.nearWords("troops")).toEqual([]);
  });

  it("widens a word only the question bank uses: the passages are what is quoted", () => {
    const withBank = createSemantic(
      vectors,
      semanticTables(vectors, {
        documents: [...articleTexts, "how many soldiers are at the border"],
        paragraphs: articleTexts,
        bylines: [],
      }),
    );
    expect(withBank.nearWords("soldiers")[0]?.word).toBe("troops");
  });

  it("embeds a document with its ways of asking as it embeds the same words as a question", () => {
    const ways = ["why is putin so worried about nato", "are the troops on the border a bluff"];
    const text = ["Russia has massed some 100,000 troops near Ukraine.", ...ways, ways[0] ?? ""].join("\n");
    const [whole, ...each] = semantic.embedDocument(text, ways);
    expect(cosine(whole ?? new Float32Array(), semantic.embed(text) ?? new Float32Array())).toBeCloseTo(1, 5);
    ways.forEach((way, i) => {
      expect(cosine(each[i] ?? new Float32Array(), semantic.embed(way) ?? new Float32Array())).toBeCloseTo(
        1,
        5,
      );
    });
  });

  it("embeds a misspelt word as the knowledge word it is a typo of, when it is one word's", () => {
    const same = (a: string, b: string) =>
      cosine(semantic.embed(a) ?? new Float32Array(), semantic.embed(b) ?? new Float32Array());
    // Neither "koffman" nor "sanctoins" has a vector; Kofman and sanctions are the articles' words.
    expect(same("what did koffman say about sanctoins", "what did kofman say about sanctions")).toBeCloseTo(
      1,
      6,
    );
    expect(same("what did koffman say", "what did say")).toBeLessThan(0.9);
    // "Treatis" is a typo of "treaty" or of "treats" alike: it stands for neither.
    expect(same("russia treatis", "russia")).toBeCloseTo(1, 6);
  });

  it("finds the knowledge's word a word it never uses is a typo of, vector or not", () => {
    // "Oliker" has no vector; "olikar" is one letter off it, and the stemmer cuts the two apart.
    expect(semantic.misspeltFor("olikar")).toBe("oliker");
    expect(semantic.misspeltFor("electon")).toBe("election");
    // A word the articles use, or one English knows, is no typo.
    expect(semantic.misspeltFor("oliker")).toBeUndefined();
    expect(semantic.misspeltFor("lunch")).toBeUndefined();
    // As near "treaties" as "treats": neither.
    expect(semantic.misspeltFor("treatis")).toBeUndefined();
  });

  it("tells names from words", () => {
    // Written with a capital in the articles, and in few of them.
    expect(semantic.isName("ryabkov", false)).toBe(true);
    // Two letters can make a name.
    expect(semantic.isName("xi", false)).toBe(true);
    // Everywhere: the topic, not a name a question singles out.
    expect(semantic.isName("russia", false)).toBe(false);
    // Outlets say where a passage is, not what it is about.
    expect(semantic.isName("npr", true)).toBe(false);
    // Unknown to the articles: a name when written as one, or when English does not know it either.
    expect(semantic.isName("macron", true)).toBe(true);
    expect(semantic.isName("zzyzxkov", false)).toBe(true);
    // Unknown, lowercase, common English with no name nearby: a word.
    expect(semantic.isName("bluffing", false)).toBe(false);
    // One letter off a common word is a typo, not a name; a rare word one letter off is no excuse.
    expect(semantic.isName("happend", false)).toBe(false);
    expect(semantic.isName("negociate", false)).toBe(false);
    expect(semantic.isName("macron", false)).toBe(true);
    // Unknown to the vectors too, but English made of English: two words, or a word and its ending.
    expect(semantic.isName("dealbreaker", false)).toBe(false);
    expect(semantic.isName("harping", false)).toBe(false);
    expect(semantic.isName("zzyzxkoving", false)).toBe(true);
    // Or a learned word's ending, in the formal register the vectors' vocabulary leaves out.
    for (const word of ["enumerate", "elucidate", "characterisation", "inviolable", "peremptory"])
      expect(semantic.isName(word, false), word).toBe(false);
    expect(semantic.isName("zzyzxkovate", false)).toBe(false);
  });

  it("counts a near word for less of its question word than the word itself", () => {
    // "Champions" is near "team" and "game": such guesses stand for at most half the word.
    const plan = createAnalyzer(corpus.synonyms, semantic).query("who won the champions league");
    const guesses = plan.terms.filter((term) => !term.original);
    expect(guesses.length).toBeGreaterThan(0);
    for (const guess of guesses) expect(guess.weight).toBeLessThanOrEqual(0.5);
    // Neither they nor the sports words make it answered.
    expect(dossier.ask("who won the champions league").confident).toBe(false);
  });

  it("never expands a name, however near its vector sits to another", () => {
    const analyzer = createAnalyzer(corpus.synonyms, semantic);
    const plan = analyzer.query("what did Macron say about the pullout");
    expect(plan.words.find((word) => word.stem === "macron")?.named).toBe(true);
    const expansions = plan.terms.filter((term) => !term.original).map((term) => term.term);
    expect(expansions).toContain("withdraw");
    expect(plan.terms.filter((term) => term.words.includes(0) && !term.original)).toEqual([]);
  });

  it("does not answer confidently about someone the articles never place there", () => {
    expect(dossier.ask("What did Macron say about NATO?").confident).toBe(false);
    // Same question about someone they do quote: answered.
    expect(dossier.ask("What did Stoltenberg say about NATO?").confident).toBe(true);
  });
});
