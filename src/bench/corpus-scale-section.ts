import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BenchOptions, BenchRow, BenchSection, BenchTable } from "./bench-section.ts";
import { type EngineName, type ProbeRequest, type ProbeResult, probeResultSchema } from "./probe-protocol.ts";
import { runProcess, startScript } from "./run-process.ts";
import { formatMb, formatMs, formatPercent, formatRatio, median, percentile } from "./stats.ts";
import type { SyntheticWords } from "./synthetic-corpus.ts";

export interface CorpusScaleSpec {
  id: string;
  title: string;
  /** 1 = the shipped knowledge; 100 = 100 generated variants of every primary article added. */
  scale: number;
  /** How the generated variants' words relate to the shipped ones (see synthetic-corpus.ts). */
  words?: SyntheticWords;
  /** Another way of generating them, measured too and shown as extra rows of the same table. */
  alsoWords?: SyntheticWords;
  targets: { startMs?: number; p99Ms: number };
}

/** Figures of the `alsoWords` corpus, for both engines. */
interface VariantFigures {
  words: SyntheticWords;
  ours: EngineFigures;
  baseline: EngineFigures;
}

interface EngineFigures {
  /** A start that reads the knowledge as an earlier start kept it: a restart. */
  startMs: number;
  /** A start with nothing kept yet: the first after an install, an upgrade or a knowledge edit. */
  firstStartMs: number;
  /** Start-up and then the first answer, in one fresh process (medians). */
  firstAnswerMs: number;
  loadMs: number;
  indexMs: number;
  rssAfterLoad: number;
  passages: number;
  /** The first query run's report (hit rates, warm-up); latencies and RSS below are of every run. */
  queries: NonNullable<ProbeResult["queries"]>;
  /** Each query run's latencies, in the order asked. */
  latencyRuns: number[][];
  /** Each query run's held-out latencies (each question asked once in that process). */
  heldOutRuns: number[][];
  /** RSS after the queries: the median of the query runs. */
  rssAfterQueries: number;
}

/**
 * Start-up, latency, memory and hit@3 of the Dossier against plain MiniSearch on one corpus size.
 * Every figure comes from fresh child processes: start-up and memory are medians over several.
 */
export function corpusScaleSection(spec: CorpusScaleSpec): BenchSection {
  return {
    id: spec.id,
    async run(options) {
      const plan = planFor(spec.scale, options);
      const { ours, baseline } = await measureEngines(spec, spec.words ?? "shuffled", plan, options);
      const variant =
        spec.alsoWords === undefined
          ? undefined
          : { words: spec.alsoWords, ...(await measureEngines(spec, spec.alsoWords, plan, options)) };
      return tableOf(spec, plan, ours, baseline, variant);
    },
  };
}

interface Plan {
  runs: number;
  /**
   * The first runs of each engine that also time questions, the engines taking turns: the machine's
   * load drifts over a bench, and one process of each, minutes apart, compared one engine's quiet
   * minute with the other's busy one (MiniSearch's p50 read 0.11 to 0.18 ms from one bench to the next).
   */
  queryRuns: number;
  warmupRounds: number;
  rounds: number;
  /** Held-out sets: each question asked once and timed, then scored. */
  heldOutFiles: string[];
}

/**
 * Questions written by people who saw only the articles, never tuned on: every held-out set on the
 * shipped corpus (2,000 and more questions); at 100× the first four (plain MiniSearch takes 25 ms a
 * question there), enough for a p99 that is not the slowest one or two; one in a quick run.
 */
const HELD_OUT_SETS_AT_SCALE = 4;

function planFor(scale: number, options: BenchOptions): Plan {
  const evalDir = fileURLToPath(new URL("../../tests/eval/", import.meta.url));
  const heldOutFiles = readdirSync(evalDir)
    .filter((file) => /^holdout(-\d+)?\.json$/.test(file))
    .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
    .map((file) => join(evalDir, file))
    .slice(0, options.quick ? 1 : scale > 1 ? HELD_OUT_SETS_AT_SCALE : undefined);
  if (options.quick) return { runs: 1, queryRuns: 1, warmupRounds: 1, rounds: 1, heldOutFiles };
  // At 100× MiniSearch takes 25 ms a question: one run each keeps that section to minutes.
  return { runs: 7, queryRuns: scale > 1 ? 1 : 3, warmupRounds: 2, rounds: scale > 1 ? 5 : 20, heldOutFiles };
}

type HeldOut = NonNullable<ProbeResult["queries"]>["heldOut"];

function heldOutRows(ours: HeldOut, baseline: HeldOut) {
  if (!ours || !baseline) return [];
  return [
    {
      measure: "held-out hit@1",
      ours: formatPercent(ours.hitAt1),
      baseline: formatPercent(baseline.hitAt1),
      ratio: pointsDifference(ours.hitAt1, baseline.hitAt1),
    },
    {
      measure: "held-out hit@3",
      ours: formatPercent(ours.hitAt3),
      baseline: formatPercent(baseline.hitAt3),
      ratio: pointsDifference(ours.hitAt3, baseline.hitAt3),
    },
    {
      measure: "held-out unanswerable flagged",
      ours: formatPercent(ours.unanswerableFlagged),
      baseline: formatPercent(baseline.unanswerableFlagged),
      ratio: pointsDifference(ours.unanswerableFlagged, baseline.unanswerableFlagged),
    },
  ];
}

/** Members' own questions, each asked once (see probe.ts): what a member waits for. */
function firstAskRows(
  ours: EngineFigures,
  baseline: EngineFigures,
  p99Limit: number | undefined,
): BenchRow[] {
  if (ours.heldOutRuns.length === 0 || baseline.heldOutRuns.length === 0) return [];
  const row = (q: number, limit?: number): BenchRow => {
    const a = medianPercentile(ours.heldOutRuns, q);
    const b = medianPercentile(baseline.heldOutRuns, q);
    return {
      measure: `held-out questions, each asked once: p${q}`,
      ours: formatMs(a),
      baseline: formatMs(b),
      ratio: formatRatio(a, b),
      ...(limit === undefined ? {} : { target: { label: `≤ ${limit} ms`, met: a <= limit } }),
    };
  };
  return [row(50), row(99, p99Limit)];
}

/** A percentile of each run's samples, then the median of those: one busy process moves it little. */
function medianPercentile(runs: ReadonlyArray<ReadonlyArray<number>>, q: number): number {
  return median(runs.map((samples) => percentile(samples, q)));
}

/** Both engines, in fresh processes that take turns (see Plan.queryRuns). */
async function measureEngines(
  spec: CorpusScaleSpec,
  words: SyntheticWords,
  plan: Plan,
  options: BenchOptions,
) {
  const engines: EngineName[] = ["dossier", "baseline"];
  const results = new Map<EngineName, ProbeResult[]>(engines.map((engine) => [engine, []]));
  const firstStarts = new Map<EngineName, ProbeResult[]>(engines.map((engine) => [engine, []]));
  const label = spec.scale > 1 && words !== (spec.words ?? "shuffled") ? `, ${words}` : "";
  // Both engines keep the verified knowledge between starts as the bundled bot does: loading it is
  // the same work for either, not the search engine's.
  const cacheDir = mkdtempSync(join(tmpdir(), "dossier-bench-knowledge-"));
  try {
    for (let run = 0; run < plan.runs; run++) {
      // Each goes first in every other run, so that neither has the machine's quieter turn throughout.
      for (const engine of run % 2 === 0 ? engines : [...engines].reverse()) {
        options.progress(`${spec.title}${label}: ${engine} run ${run + 1}/${plan.runs}`);
        const queries =
          run < plan.queryRuns
            ? {
                questionsFile: options.questionsFile,
                heldOutFiles: plan.heldOutFiles,
                warmupRounds: plan.warmupRounds,
                rounds: plan.rounds,
              }
            : undefined;
        const request = {
          engine,
          scale: spec.scale,
          words,
          knowledgeDir: options.knowledgeDir,
          knowledgeCache: { file: join(cacheDir, `${engine}-${run}.cache`), codeVersion: randomUUID() },
        };
        // The first start keeps the knowledge; the second, a restart, reads it.
        firstStarts.get(engine)?.push(await runProbe(request));
        const restart = await runProbe({ ...request, queries });
        if (!restart.knowledgeKept)
          throw new Error("bench: a restart did not read the knowledge kept by the start before it");
        results.get(engine)?.push(restart);
      }
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const figuresOf = (engine: EngineName): EngineFigures => {
    const runs = results.get(engine) ?? [];
    const starts = firstStarts.get(engine) ?? [];
    const queryRuns = runs.flatMap((r) => (r.queries ? [r.queries] : []));
    const [queries] = queryRuns;
    if (queries === undefined) throw new Error(`bench: the ${engine} runs with queries reported none`);
    return {
      startMs: median(runs.map((r) => r.loadMs + r.indexMs)),
      firstStartMs: median(starts.map((r) => r.loadMs + r.indexMs)),
      firstAnswerMs: median(runs.map((r) => r.loadMs + r.indexMs + r.firstAskMs)),
      loadMs: median(runs.map((r) => r.loadMs)),
      indexMs: median(runs.map((r) => r.indexMs)),
      rssAfterLoad: median(runs.map((r) => r.rssAfterLoad)),
      passages: runs[0]?.passages ?? 0,
      queries,
      latencyRuns: queryRuns.map((q) => q.latenciesMs),
      heldOutRuns: queryRuns.flatMap((q) => (q.heldOut ? [q.heldOut.latenciesMs] : [])),
      rssAfterQueries: median(queryRuns.map((q) => q.rssAfterQueries)),
    };
  };
  return { ours: figuresOf("dossier"), baseline: figuresOf("baseline") };
}

function tableOf(
  spec: CorpusScaleSpec,
  plan: Plan,
  ours: EngineFigures,
  baseline: EngineFigures,
  variant?: VariantFigures,
): BenchTable {
  const p = (figures: EngineFigures, q: number) => medianPercentile(figures.latencyRuns, q);
  // The later half of the asks, in the order asked: V8 has optimized the code by then (see notes).
  const later = (figures: EngineFigures) =>
    medianPercentile(
      figures.latencyRuns.map((latencies) => latencies.slice(Math.floor(latencies.length / 2))),
      99,
    );
  const target = (limit: number | undefined, value: number) =>
    limit === undefined ? undefined : { label: `≤ ${limit} ms`, met: value <= limit };
  const timeRow = (measure: string, a: number, b: number, limit?: number): BenchRow => ({
    measure,
    ours: formatMs(a),
    baseline: formatMs(b),
    ratio: formatRatio(a, b),
    ...(target(limit, a) ? { target: target(limit, a) } : {}),
  });
  const rows: BenchRow[] = [
    timeRow("start-up: load + index", ours.startMs, baseline.startMs, spec.targets.startMs),
    timeRow("  of which knowledge load", ours.loadMs, baseline.loadMs),
    timeRow("  of which index build", ours.indexMs, baseline.indexMs),
    timeRow("start-up, then the first answer", ours.firstAnswerMs, baseline.firstAnswerMs),
    timeRow("first start (nothing kept yet): load + index", ours.firstStartMs, baseline.firstStartMs),
    {
      measure: "warm-up, in the background after start-up",
      ours: formatMs(ours.queries.warmUpMs),
      baseline: "none",
    },
    timeRow("ask p50", p(ours, 50), p(baseline, 50)),
    timeRow("ask p99", p(ours, 99), p(baseline, 99), spec.targets.p99Ms),
    timeRow("  p99 of the later half of the asks", later(ours), later(baseline)),
    ...firstAskRows(ours, baseline, spec.targets.p99Ms),
    {
      measure: "RSS after load",
      ours: formatMb(ours.rssAfterLoad),
      baseline: formatMb(baseline.rssAfterLoad),
      ratio: formatRatio(ours.rssAfterLoad, baseline.rssAfterLoad),
    },
    {
      measure: "RSS after queries",
      ours: formatMb(ours.rssAfterQueries),
      baseline: formatMb(baseline.rssAfterQueries),
      ratio: formatRatio(ours.rssAfterQueries, baseline.rssAfterQueries),
    },
    {
      measure: "hit@3 (development questions)",
      ours: formatPercent(ours.queries.hitAt3),
      baseline: formatPercent(baseline.queries.hitAt3),
      ratio: pointsDifference(ours.queries.hitAt3, baseline.queries.hitAt3),
    },
    ...heldOutRows(ours.queries.heldOut, baseline.queries.heldOut),
    {
      measure: "unanswerable questions flagged",
      ours: formatPercent(ours.queries.unanswerableFlagged),
      baseline: formatPercent(baseline.queries.unanswerableFlagged),
      ratio: pointsDifference(ours.queries.unanswerableFlagged, baseline.queries.unanswerableFlagged),
    },
  ];
  if (variant) {
    const name = variant.words === "own-vocabulary" ? "own-vocabulary copies" : `${variant.words} copies`;
    const v = variant;
    rows.push(
      timeRow(`${name}: index build`, v.ours.indexMs, v.baseline.indexMs),
      timeRow(`${name}: ask p50`, p(v.ours, 50), p(v.baseline, 50)),
      timeRow(`${name}: ask p99`, p(v.ours, 99), p(v.baseline, 99), spec.targets.p99Ms),
      {
        measure: `${name}: RSS after load`,
        ours: formatMb(v.ours.rssAfterLoad),
        baseline: formatMb(v.baseline.rssAfterLoad),
        ratio: formatRatio(v.ours.rssAfterLoad, v.baseline.rssAfterLoad),
      },
      {
        measure: `${name}: hit@3`,
        ours: formatPercent(v.ours.queries.hitAt3),
        baseline: formatPercent(v.baseline.queries.hitAt3),
        ratio: pointsDifference(v.ours.queries.hitAt3, v.baseline.queries.hitAt3),
      },
    );
  }
  return {
    title: `${spec.title} — ${ours.passages} passages`,
    rows,
    notes: [
      `every figure from fresh processes run as npm start runs the bot (bundled, with package.json's Node flags and allocator setting). Start-up and RSS after load: medians of ${plan.runs} processes each, restarts: each reads the knowledge as verified and kept by a first start just before it, with the tables worked out from it (see src/knowledge/knowledge-cache.ts), as the bundled bot does between starts; a first start parses and checks it all and works the tables out${spec.scale > 1 ? "; the generated corpus is built before the clock starts, so load is the shipped folder's" : ""}.`,
      "the first answer: one question asked right after start-up, before the warm-up: what start-up leaves to the first questions (the embeddings of the documents they reach, the not-covered questions read when an answer would first be confident) and code V8 has not optimized yet.",
      ...(spec.scale > 1 ? [wordsNote(spec.words ?? "shuffled", spec.scale)] : []),
      ...(variant ? [`${variant.words} copies: ${wordsNote(variant.words, spec.scale)}`] : []),
      `warm-up: what the bot does right after start-up, between events: it asks ${ours.queries.warmUpAsks} questions once (question-bank phrasings, then those the knowledge lists as not covered), so V8 has optimized the answer path before members ask (without it, the first few hundred asks include ones of several ms).`,
      `latency: after the warm-up, ${ours.queries.questions} eval questions × ${plan.rounds} round(s) after ${plan.warmupRounds} more warm-up round(s), each ask timed alone in a turn of the event loop of its own, as the bot gets each interaction; the later-half row leaves out whatever V8 still optimizes in the first rounds. ${plan.queryRuns === 1 ? "One process of each engine times them" : `${plan.queryRuns} processes of each engine time them, the engines taking turns; each latency is the median of their percentiles`}.`,
      `held-out questions: the ${ours.queries.heldOut?.latenciesMs.length ?? 0} questions of ${plan.heldOutFiles.length === 1 ? "the first held-out set" : `${plan.heldOutFiles.length} held-out sets`}, in members' words and longer than the eval questions, each asked once after those rounds and timed (as a member's own question: an unfamiliar word's nearest words are not yet known), then scored (the held-out rows).`,
      "baseline: MiniSearch with default options over the same paragraphs; its excerpts are whole paragraphs.",
    ],
  };
}

function wordsNote(words: SyntheticWords, scale: number): string {
  return words === "own-vocabulary"
    ? "each copy keeps the words the shipped articles share and respells those only one of them uses, so rare words stay rare (a larger corpus on the same story)."
    : `copies reuse the shipped words, so every term occurs in ${scale}× as many passages: a worst case for posting lists.`;
}

function pointsDifference(ours: number, baseline: number): string {
  const points = Math.round((ours - baseline) * 100);
  return `${points >= 0 ? "+" : ""}${points} pts`;
}

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const BUNDLE = fileURLToPath(new URL("../build/bundle.mjs", import.meta.url));
/** The probe runs as `npm start` runs the bot: bundled, without the TypeScript loader, with its flags. */
const PROBE = fileURLToPath(new URL("../../dist/bench/probe.js", import.meta.url));

/** Built once per bench, when a source changed since the last build (as `npm start` builds). */
let built: Promise<void> | undefined;

function buildProbe(): Promise<void> {
  built ??= runProcess(process.execPath, [BUNDLE, "--if-stale"], { cwd: PROJECT_ROOT }).then(
    ({ code, stderr }) => {
      if (code !== 0) throw new Error(`bench: building the probe failed: ${stderr.trim()}`);
    },
  );
  return built;
}

/** Measures in a new Node process and returns its report; rejects with the child's stderr if it fails. */
async function runProbe(request: ProbeRequest): Promise<ProbeResult> {
  await buildProbe();
  const start = startScript();
  const { code, stdout, stderr } = await runProcess(
    process.execPath,
    [...start.flags, PROBE, JSON.stringify(request)],
    { cwd: PROJECT_ROOT, env: { ...process.env, ...start.env } },
  );
  const lastLine = stdout.trim().split("\n").at(-1) ?? "";
  if (code !== 0 || lastLine === "") {
    throw new Error(
      `bench probe (${request.engine}, ${request.scale}×) exited with ${code}: ${stderr.trim()}`,
    );
  }
  return probeResultSchema.parse(JSON.parse(lastLine));
}
