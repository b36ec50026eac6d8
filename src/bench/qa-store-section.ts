import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDossier } from "../answer/create-dossier.ts";
import type { Dossier } from "../answer/dossier.ts";
import { readEvaluationFile } from "../eval/questions-file.ts";
import { type Corpus, primaryArticles } from "../knowledge/corpus.ts";
import { loadCorpus } from "../knowledge/load-corpus.ts";
import { loadGuildEntries } from "../moderation/load-guild-entries.ts";
import { openSqliteQaStore, type QaContent } from "../store/index.ts";
import type { BenchOptions, BenchSection, BenchTable } from "./bench-section.ts";
import { formatMs, percentile } from "./stats.ts";

const BUSY_GUILD = "100000000000000001";
const EMPTY_GUILD = "100000000000000002";
const ACTOR = "100000000000000003";

/** Distinct, valid entries made from the articles' own paragraphs, so each cites a verbatim excerpt. */
export function syntheticEntries(corpus: Corpus, count: number): QaContent[] {
  const articles = primaryArticles(corpus);
  return Array.from({ length: count }, (_, i) => {
    const article = articles[i % articles.length];
    const paragraphs = article?.paragraphs ?? [];
    const paragraph = paragraphs[Math.floor(i / articles.length) % Math.max(1, paragraphs.length)];
    if (article === undefined || paragraph === undefined)
      throw new Error("bench: the corpus has no paragraphs");
    const words = paragraph.text.split(/\s+/);
    return {
      question: `Study note ${i + 1}: ${words.slice(0, 10).join(" ")}?`,
      alternatives: [`note ${i + 1}`],
      answer: words.slice(0, 30).join(" "),
      citations: [{ article: article.id, paragraph: paragraph.n, excerpt: words.slice(0, 8).join(" ") }],
    };
  });
}

function timeAsks(dossier: Dossier, questions: readonly string[], guildId: string, rounds: number): number[] {
  const latencies: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const question of questions) {
      const started = performance.now();
      dossier.ask(question, { guildId, limit: 9 });
      latencies.push(performance.now() - started);
    }
  }
  return latencies;
}

/**
 * Moderator entries at scale: how fast the SQLite store takes adds (each its own transaction with
 * its revision, as /qa add does), how long the bot takes to load them at start, and /ask latency in
 * a server with that many entries against one with none.
 */
export function qaStoreBenchSection(entryCount = 1_000): BenchSection {
  return {
    id: "moderator-entries",
    async run(options: BenchOptions): Promise<BenchTable> {
      const count = options.quick ? Math.min(100, entryCount) : entryCount;
      const rounds = options.quick ? 1 : 5;
      const corpus = loadCorpus(options.knowledgeDir);
      const questions = readEvaluationFile(options.questionsFile).map((q) => q.question);
      const dataDir = mkdtempSync(join(tmpdir(), "dossier-bench-qa-"));
      try {
        const store = openSqliteQaStore({ dataDir, corpus });
        options.progress(`Moderator entries: adding ${count}`);
        const entries = syntheticEntries(corpus, count);
        const addStart = performance.now();
        for (const entry of entries) await store.add(BUSY_GUILD, entry, ACTOR);
        const addMs = performance.now() - addStart;

        const dossier = createDossier(corpus);
        const loadStart = performance.now();
        const loaded = await loadGuildEntries(store, dossier);
        const loadMs = performance.now() - loadStart;
        await store.close();

        options.progress("Moderator entries: /ask latency");
        timeAsks(dossier, questions, BUSY_GUILD, 1);
        timeAsks(dossier, questions, EMPTY_GUILD, 1);
        const busy = timeAsks(dossier, questions, BUSY_GUILD, rounds);
        const empty = timeAsks(dossier, questions, EMPTY_GUILD, rounds);
        const p = (samples: number[], q: number) => percentile(samples, q);
        return {
          title: `Moderator entries — ${count} in one server, SQLite in a temp DATA_DIR`,
          // The report's baseline column is plain MiniSearch; here the comparison is a server without entries, so it gets rows of its own.
          rows: [
            {
              measure: "adds per second (one transaction each)",
              ours: `${Math.round(count / (addMs / 1000))}/s`,
            },
            { measure: `load ${loaded.loaded} entries into the index at start`, ours: formatMs(loadMs) },
            { measure: `ask p50, ${count} entries in the server`, ours: formatMs(p(busy, 50)) },
            { measure: `ask p99, ${count} entries in the server`, ours: formatMs(p(busy, 99)) },
            { measure: "ask p50, server without entries", ours: formatMs(p(empty, 50)) },
            { measure: "ask p99, server without entries", ours: formatMs(p(empty, 99)) },
          ],
          notes: [
            `entries are generated from the articles' paragraphs (a question, an answer and a verbatim excerpt each); skipped at load: ${loaded.skipped.length}.`,
            `latency: ${questions.length} eval questions × ${rounds} round(s) after one warm-up, asked in the server with entries and in a server without.`,
          ],
        };
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
