import { setImmediate as nextTurn } from "node:timers/promises";
import { createDossier, createDossierWithTables, type KnowledgeTables } from "../answer/create-dossier.ts";
import type { Dossier } from "../answer/dossier.ts";
import { readEvaluationFile } from "../eval/questions-file.ts";
import { scoreEvaluation } from "../eval/score-evaluation.ts";
import { primaryArticles } from "../knowledge/corpus.ts";
import { loadCorpusCached } from "../knowledge/knowledge-cache.ts";
import { UserError } from "../user-error.ts";
import { baselineDossier } from "./baseline-dossier.ts";
import { type ProbeRequest, type ProbeResult, probeRequestSchema } from "./probe-protocol.ts";
import { syntheticCorpus } from "./synthetic-corpus.ts";

/** The question a fresh process is asked first, before its warm-up. */
const FIRST_QUESTION = "why does russia want nato to stop expanding";

/**
 * Runs in a fresh child process (see runProbe in corpus-scale-section.ts), so start-up and memory
 * are measured without the parent's caches, JIT or heap. Prints one JSON line: the ProbeResult.
 */
async function measure(request: ProbeRequest): Promise<ProbeResult> {
  const loadStart = performance.now();
  const loaded = loadCorpusCached<KnowledgeTables>(request.knowledgeDir, request.knowledgeCache);
  const loadMs = performance.now() - loadStart;
  const knowledgeKept = loaded.read;
  // Generating the larger corpus stands in for reading a larger folder: it is not timed.
  const corpus =
    request.scale > 1 ? syntheticCorpus(loaded.corpus, request.scale, request.words) : loaded.corpus;
  const indexStart = performance.now();
  // As the bot starts (create-context.ts): the tables kept with the shipped knowledge are read, or
  // worked out and kept for the next start. A larger corpus is built whole.
  let engine: Dossier;
  if (request.engine === "dossier" && request.scale === 1) {
    const built = createDossierWithTables(corpus, loaded.derived);
    engine = built.dossier;
    loaded.keep(built.tables);
  } else {
    engine = request.engine === "dossier" ? createDossier(corpus) : baselineDossier(corpus);
    loaded.keep();
  }
  const indexMs = performance.now() - indexStart;
  const passages = primaryArticles(corpus).reduce((n, article) => n + article.paragraphs.length, 0);
  const rssAfterLoad = settledRss();
  // What start-up leaves to the first question (the embeddings of the documents it reaches, the
  // not-covered questions), with code V8 has not optimized yet: a member asking the moment it starts
  // waits this much more.
  const firstAskStart = performance.now();
  engine.ask(FIRST_QUESTION);
  const firstAskMs = performance.now() - firstAskStart;
  if (request.queries === undefined)
    return { knowledgeKept, loadMs, indexMs, firstAskMs, passages, rssAfterLoad };

  const { questionsFile, warmupRounds, rounds } = request.queries;
  const questions = readEvaluationFile(questionsFile);
  // What the bot does in the background right after start-up (start-dossier.ts).
  const warmUpStart = performance.now();
  const warmUpAsks = await engine.warmUp();
  const warmUpMs = performance.now() - warmUpStart;
  for (let round = 0; round < warmupRounds; round++)
    for (const q of questions) askAsTheBot(engine, q.question);
  const latenciesMs: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of questions) latenciesMs.push(await timedAsk(engine, q.question));
  }
  const rssAfterQueries = settledRss();
  const { hitAt3, unanswerableFlagged } = scoreEvaluation(engine, questions);
  const heldOut =
    request.queries.heldOutFiles && (await heldOutFigures(engine, request.queries.heldOutFiles));
  return {
    knowledgeKept,
    loadMs,
    indexMs,
    firstAskMs,
    passages,
    rssAfterLoad,
    queries: {
      questions: questions.length,
      warmUpAsks,
      warmUpMs,
      latenciesMs,
      rssAfterQueries,
      hitAt3,
      unanswerableFlagged,
      ...(heldOut && { heldOut }),
    },
  };
}

/**
 * Members' own questions: each asked once, as a member asks something no one has asked before, so
 * what the answer path remembers between questions (an unfamiliar word's nearest words, a typo's
 * corrections) is not yet known for its words; the dev questions' rounds time questions asked again.
 */
async function heldOutFigures(engine: Dossier, files: ReadonlyArray<string>) {
  const questions = files.flatMap((file) => readEvaluationFile(file));
  const latenciesMs: number[] = [];
  for (const q of questions) latenciesMs.push(await timedAsk(engine, q.question));
  const { hitAt1, hitAt3, unanswerableFlagged } = scoreEvaluation(engine, questions);
  return { hitAt1, hitAt3, unanswerableFlagged, latenciesMs };
}

/**
 * One ask, timed, in a turn of the event loop of its own, as the bot gets each interaction: between
 * turns V8 runs the work it has queued (a scavenge it has scheduled, the end of incremental marking),
 * which a loop of asks that never yields would push into the asks themselves.
 */
async function timedAsk(engine: Dossier, question: string): Promise<number> {
  await nextTurn();
  const started = performance.now();
  askAsTheBot(engine, question);
  return performance.now() - started;
}

/** An ask whose refusal ("thanks bot" is chat, not a question) is the reply, as the bot gives it. */
function askAsTheBot(engine: Dossier, question: string): void {
  try {
    engine.ask(question);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}

/** RSS after a full collection (the child runs with --expose-gc), so uncollected garbage is not counted. */
function settledRss(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  return process.memoryUsage().rss;
}

const request = probeRequestSchema.parse(JSON.parse(process.argv[2] ?? "{}"));
process.stdout.write(`${JSON.stringify(await measure(request))}\n`);
