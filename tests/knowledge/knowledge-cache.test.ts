import { appendFileSync, cpSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  createDossier,
  createDossierWithTables,
  type KnowledgeTables,
} from "../../src/answer/create-dossier.ts";
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

  /** A start as the bundled bot's (create-context.ts): the knowledge and its tables read, or worked out and kept. */
  const start = (codeVersion = "build-1") => {
    const loaded = loadCorpusCached<KnowledgeTables>(knowledge, { file, codeVersion });
    const built = createDossierWithTables(loaded.corpus, loaded.derived);
    return { ...loaded, ...built, notWritten: loaded.keep(built.tables) };
  };

  /** A start that keeps the knowledge alone. */
  const startPlain = (codeVersion = "build-1") => {
    const loaded = loadCorpusCached(knowledge, { file, codeVersion });
    return { ...loaded, notWritten: loaded.keep() };
  };

  it("is written by the first start and read by the next, the same corpus, tables and answers", () => {
    const first = start();
    expect(first.read).toBe(false);
    expect(first.notWritten).toBeUndefined();
    const second = start();
    expect(second.read).toBe(true);
    expect(second.derived).toBeDefined();
    expect(second.tables).toBe(second.derived);
    expect(second.tables).toEqual(first.tables);
    expect(second.tables.semantic?.vocabulary.length).toBeGreaterThan(1000);

    const loaded = loadCorpus(knowledge);
    expect(contentOf(second.corpus)).toEqual(contentOf(loaded));
    expect(Object.isFrozen(second.corpus)).toBe(true);
    const asked = [
      "what does russia want from nato",
      "did the yanks say no",
      "who is ryabkov",
      "is lukashenko involved",
    ];
    const fresh = createDossier(loaded);
    for (const question of asked) {
      expect(first.dossier.ask(question)).toEqual(fresh.ask(question));
      expect(second.dossier.ask(question)).toEqual(fresh.ask(question));
    }
  });

  it("keeps what a caller worked out, or nothing, and gives it back only as kept", () => {
    const first = loadCorpusCached<string>(knowledge, { file, codeVersion: "build-1" });
    expect(first.keep()).toBeUndefined();
    const second = loadCorpusCached<string>(knowledge, { file, codeVersion: "build-1" });
    expect(second).toMatchObject({ read: true, derived: undefined });
    // Kept already: a caller that read it has nothing to write.
    expect(second.keep("tables")).toBeUndefined();
    expect(loadCorpusCached<string>(knowledge, { file, codeVersion: "build-1" }).derived).toBeUndefined();

    loadCorpusCached<string>(knowledge, { file, codeVersion: "build-2" }).keep("tables");
    expect(loadCorpusCached<string>(knowledge, { file, codeVersion: "build-2" }).derived).toBe("tables");
  });

  it("is read again from the folder when a knowledge file changed, or the code did", () => {
    start();
    appendFileSync(join(knowledge, "not-covered.txt"), "\nwho won the 2030 world cup\n");
    const edited = startPlain("build-1");
    expect(edited.read).toBe(false);
    expect(edited.corpus.notCovered).toContain("who won the 2030 world cup");
    expect(startPlain("build-1").read).toBe(true);

    expect(startPlain("build-2").read).toBe(false);
    // The word vectors written again (npm run vectors:derive): a new time of change.
    const vectors = join(knowledge, "word-vectors.bin");
    utimesSync(vectors, new Date(2030, 0, 1), new Date(2030, 0, 1));
    expect(startPlain("build-2").read).toBe(false);
    expect(startPlain("build-2").read).toBe(true);
  });

  it("does not keep a folder with a problem: every start refuses it", () => {
    startPlain("build-1");
    const qa = join(knowledge, "qa.yaml");
    writeFileSync(qa, readFileSync(qa, "utf8").replace(/excerpt: .+/, "excerpt: words no article has"));
    for (let start = 0; start < 2; start++) expect(() => startPlain("build-1")).toThrow(KnowledgeError);
  });

  it("is not kept when a knowledge file was edited while the start read it", () => {
    const loading = loadCorpusCached(knowledge, { file, codeVersion: "build-1" });
    appendFileSync(join(knowledge, "not-covered.txt"), "\nwho won the 2030 world cup\n");
    expect(loading.keep()).toMatch(/changed while it was loaded/);
    const next = startPlain();
    expect(next.read).toBe(false);
    expect(next.corpus.notCovered).toContain("who won the 2030 world cup");
    expect(startPlain().read).toBe(true);
  });

  it("is loaded again and rewritten when the file was cut short by a crash", () => {
    startPlain("build-1");
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(startPlain("build-1").read).toBe(false);
    expect(startPlain("build-1").read).toBe(true);
  });

  it("starts all the same where the file cannot be written, and says why", () => {
    const blocked = join(temp.path, "a-file");
    writeFileSync(blocked, "");
    const result = loadCorpusCached(knowledge, {
      file: join(blocked, "knowledge.cache"),
      codeVersion: "build-1",
    });
    expect(result.read).toBe(false);
    expect(result.keep()).toContain(blocked);
    expect(result.corpus.articles.length).toBe(loadCorpus(knowledge).articles.length);
  });
});
