import type { BenchOptions, BenchRow, BenchSection, BenchTable } from "./bench-section.ts";
import type { EngineName, ProbeResult } from "./probe-protocol.ts";
import { runProbe } from "./run-probe.ts";
import { formatMb, formatMs, formatPercent, formatRatio, median, percentile } from "./stats.ts";
import type { SyntheticWords } from "./synthetic-corpus.ts";

export interface CorpusScaleSpec {
  id: string;
  title: string;
  /** 1 = the shipped knowledge; 100 = 100 generated variants of every primary article added. */
  scale: number;
  /** How the generated variants' words relate to the shipped ones (see synthetic-corpus.ts). */
  words?: SyntheticWords;
  targets: { startMs?: number; p99Ms: number };
}

interface EngineFigures {
  startMs: number;
  loadMs: number;
  indexMs: number;
  rssAfterLoad: number;
  passages: number;
  queries: NonNullable<ProbeResult["queries"]>;
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
      const ours = await measureEngine("dossier", spec, plan, options);
      const baseline = await measureEngine("baseline", spec, plan, options);
      return tableOf(spec, plan, ours, baseline);
    },
  };
}

interface Plan {
  runs: number;
  warmupRounds: number;
  rounds: number;
}

function planFor(scale: number, options: BenchOptions): Plan {
  if (options.quick) return { runs: 1, warmupRounds: 1, rounds: 1 };
  return { runs: 7, warmupRounds: 2, rounds: scale > 1 ? 5 : 20 };
}

async function measureEngine(engine: EngineName, spec: CorpusScaleSpec, plan: Plan, options: BenchOptions) {
  const results: ProbeResult[] = [];
  for (let run = 0; run < plan.runs; run++) {
    options.progress(`${spec.title}: ${engine} run ${run + 1}/${plan.runs}`);
    const queries =
      run === 0
        ? { questionsFile: options.questionsFile, warmupRounds: plan.warmupRounds, rounds: plan.rounds }
        : undefined;
    results.push(
      await runProbe({
        engine,
        scale: spec.scale,
        ...(spec.words === undefined ? {} : { words: spec.words }),
        knowledgeDir: options.knowledgeDir,
        queries,
      }),
    );
  }
  const queries = results[0]?.queries;
  if (queries === undefined) throw new Error(`bench: the ${engine} run with queries reported none`);
  return {
    startMs: median(results.map((r) => r.loadMs + r.indexMs)),
    loadMs: median(results.map((r) => r.loadMs)),
    indexMs: median(results.map((r) => r.indexMs)),
    rssAfterLoad: median(results.map((r) => r.rssAfterLoad)),
    passages: results[0]?.passages ?? 0,
    queries,
  } satisfies EngineFigures;
}

function tableOf(
  spec: CorpusScaleSpec,
  plan: Plan,
  ours: EngineFigures,
  baseline: EngineFigures,
): BenchTable {
  const p = (figures: EngineFigures, q: number) => percentile(figures.queries.latenciesMs, q);
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
    timeRow("ask p50", p(ours, 50), p(baseline, 50)),
    timeRow("ask p99", p(ours, 99), p(baseline, 99), spec.targets.p99Ms),
    {
      measure: "RSS after load",
      ours: formatMb(ours.rssAfterLoad),
      baseline: formatMb(baseline.rssAfterLoad),
      ratio: formatRatio(ours.rssAfterLoad, baseline.rssAfterLoad),
    },
    {
      measure: "RSS after queries",
      ours: formatMb(ours.queries.rssAfterQueries),
      baseline: formatMb(baseline.queries.rssAfterQueries),
      ratio: formatRatio(ours.queries.rssAfterQueries, baseline.queries.rssAfterQueries),
    },
    {
      measure: "hit@3 (answerable eval questions)",
      ours: formatPercent(ours.queries.hitAt3),
      baseline: formatPercent(baseline.queries.hitAt3),
      ratio: pointsDifference(ours.queries.hitAt3, baseline.queries.hitAt3),
    },
    {
      measure: "unanswerable questions flagged",
      ours: formatPercent(ours.queries.unanswerableFlagged),
      baseline: formatPercent(baseline.queries.unanswerableFlagged),
      ratio: pointsDifference(ours.queries.unanswerableFlagged, baseline.queries.unanswerableFlagged),
    },
  ];
  return {
    title: `${spec.title} — ${ours.passages} passages`,
    rows,
    notes: [
      `start-up and RSS after load: medians of ${plan.runs} fresh processes each${spec.scale > 1 ? "; the generated corpus is built before the clock starts, so load is the shipped folder's" : ""}.`,
      ...(spec.scale > 1 ? [wordsNote(spec.words ?? "shuffled", spec.scale)] : []),
      `latency: ${ours.queries.questions} eval questions × ${plan.rounds} round(s) after ${plan.warmupRounds} warm-up round(s), each ask timed alone.`,
      "baseline: MiniSearch with default options over the same paragraphs; its excerpts are whole paragraphs.",
    ],
  };
}

function wordsNote(words: SyntheticWords, scale: number): string {
  return words === "own-vocabulary"
    ? "copies keep the words the shipped articles share and respell those only one of them uses, so rare words stay rare."
    : `copies reuse the shipped words, so every term occurs in ${scale}× as many passages: a worst case for posting lists.`;
}

function pointsDifference(ours: number, baseline: number): string {
  const points = Math.round((ours - baseline) * 100);
  return `${points >= 0 ? "+" : ""}${points} pts`;
}
