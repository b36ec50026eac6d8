import { appendFileSync, cpSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDossier, knowledgeTables } from "../../src/answer/create-dossier.ts";
import type { Corpus } from "../../src/knowledge/corpus.ts";
import { loadCorpusCached } from "../../src/knowledge/knowledge-cache.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { KnowledgeError } from "../../src/knowledge/problems.ts";
import { tempDir } from "../store/fixtures/temp-dir.ts";

const SHIPPED = new URL("../../knowledge/", import.meta.url).pathname;

/** The corpus's data, and what its word vectors give for a few words. */
function contentOf(corpus: Corpus) {
  const { wordVectors, ...data } = corpus;
  const words = ["nato", "yanks", "withdrawal"];
  return {
    data,
    vectors: wordVectors && {
      size: wordVectors.size,
      dimensions: wordVectors.dimensions,
      rows: words.map((word) => Array.from(wordVectors.unitVector(word) ?? [])),
    },
  };
}

describe("the verified knowledge kept between starts", () => {
  let temp: ReturnType<typeof tempDir>;
  let knowledge: string;
  let file: string;
  beforeEach(() => {
    temp = tempDir("knowledge-cache");
    knowledge = join(temp.path, "knowledge");
    cpSync(SHIPPED, knowledge, { recursive: true });
    file = join(temp.path, "data", "knowledge.cache");
  });
  afterEach(() => temp.remove());

  it("is written by the first start and read by the next, the same corpus, tables and answers", () => {
    let derivations = 0;
    const derive = (corpus: Corpus) => {
      derivations += 1;
      return knowledgeTables(corpus);
    };
    const first = loadCorpusCached(knowledge, { file, codeVersion: "build-1" }, derive);
    expect(first.cache).toEqual({ read: false });
    const second = loadCorpusCached(knowledge, { file, codeVersion: "build-1" }, derive);
    expect(second.cache).toEqual({ read: true });
    expect(derivations).toBe(1);

    const loaded = loadCorpus(knowledge);
    expect(contentOf(second.corpus)).toEqual(contentOf(loaded));
    expect(Object.isFrozen(second.corpus)).toBe(true);
    const tables = knowledgeTables(loaded);
    expect(tables.semantic?.vocabulary.length).toBeGreaterThan(1000);
    expect(second.derived).toEqual(tables);
    const asked = [
      "what does russia want from nato",
      "did the yanks say no",
      "who is ryabkov",
      "is lukashenko involved",
    ];
    const fresh = createDossier(loaded);
    const kept = createDossier(second.corpus, second.derived);
    for (const question of asked) expect(kept.ask(question)).toEqual(fresh.ask(question));
  });

  it("works the tables out, and keeps them, when a file kept without them is read by a caller wanting them", () => {
    loadCorpusCached(knowledge, { file, codeVersion: "build-1" });
    const wanting = loadCorpusCached(knowledge, { file, codeVersion: "build-1" }, knowledgeTables);
    expect(wanting.cache).toEqual({ read: false });
    expect(wanting.derived?.semantic).toBeDefined();
    const again = loadCorpusCached(knowledge, { file, codeVersion: "build-1" }, knowledgeTables);
    expect(again.cache).toEqual({ read: true });
    expect(again.derived).toEqual(wanting.derived);
    // A caller that wants none gets none, whatever the file holds.
    expect(loadCorpusCached(knowledge, { file, codeVersion: "build-1" }).derived).toBeUndefined();
  });

  it("is read again from the folder when a knowledge file changed, or the code did", () => {
    loadCorpusCached(knowledge, { file, codeVersion: "build-1" });
    appendFileSync(join(knowledge, "not-covered.txt"), "\nwho won the 2030 world cup\n");
    const edited = loadCorpusCached(knowledge, { file, codeVersion: "build-1" });
    expect(edited.cache).toEqual({ read: false });
    expect(edited.corpus.notCovered).toContain("who won the 2030 world cup");
    expect(loadCorpusCached(knowledge, { file, codeVersion: "build-1" }).cache).toEqual({ read: true });

    expect(loadCorpusCached(knowledge, { file, codeVersion: "build-2" }).cache).toEqual({ read: false });
    // The word vectors written again (npm run vectors:derive): a new time of change.
    const vectors = join(knowledge, "word-vectors.bin");
    utimesSync(vectors, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(loadCorpusCached(knowledge, { file, codeVersion: "build-2" }).cache).toEqual({ read: false });
    expect(loadCorpusCached(knowledge, { file, codeVersion: "build-2" }).cache).toEqual({ read: true });
  });

  it("does not keep a folder with a problem: every start refuses it", () => {
    loadCorpusCached(knowledge, { file, codeVersion: "build-1" });
    const qa = join(knowledge, "qa.yaml");
    writeFileSync(qa, readFileSync(qa, "utf8").replace(/excerpt: .+/, "excerpt: words no article has"));
    for (let start = 0; start < 2; start++)
      expect(() => loadCorpusCached(knowledge, { file, codeVersion: "build-1" })).toThrow(KnowledgeError);
  });

  it("is loaded again and rewritten when the file was cut short by a crash", () => {
    loadCorpusCached(knowledge, { file, codeVersion: "build-1" });
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(loadCorpusCached(knowledge, { file, codeVersion: "build-1" }).cache).toEqual({ read: false });
    expect(loadCorpusCached(knowledge, { file, codeVersion: "build-1" }).cache).toEqual({ read: true });
  });

  it("starts all the same where the file cannot be written, and says why", () => {
    const blocked = join(temp.path, "a-file");
    writeFileSync(blocked, "");
    const result = loadCorpusCached(knowledge, {
      file: join(blocked, "knowledge.cache"),
      codeVersion: "build-1",
    });
    expect(result.cache).toMatchObject({ read: false, notWritten: expect.stringContaining(blocked) });
    expect(result.corpus.articles.length).toBe(loadCorpus(knowledge).articles.length);
  });
});
