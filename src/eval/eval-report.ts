import type { EvaluationReport } from "./score-evaluation.ts";

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The evaluation report as plain text for a terminal. */
export function formatEvaluationReport(report: EvaluationReport): string {
  const lines = [
    `Evaluation: ${report.questions} questions (${report.answerable} answerable, ${report.unanswerable} not answered by the articles)`,
    `  hit@1                      ${percent(report.hitAt1)}`,
    `  hit@3                      ${percent(report.hitAt3)}`,
    ...(report.shown
      ? [
          `  as Discord shows the cards ${percent(report.shown.hitAt1)} hit@1, ${percent(report.shown.hitAt3)} hit@3`,
        ]
      : []),
    `  MRR                        ${report.mrr.toFixed(3)}`,
    `  unanswerable flagged       ${percent(report.unanswerableFlagged)}`,
    `  answerable flagged wrongly ${percent(report.answerableUnconfident)}`,
    `  "not covered" precision    ${percent(report.notCoveredPrecision)} (recall: unanswerable flagged)`,
  ];
  if (report.misses.length > 0) {
    lines.push("", `Misses (${report.misses.length}):`);
    for (const miss of report.misses) {
      const why = miss.answerable
        ? miss.rank === undefined
          ? "no excerpt contains a gold phrase"
          : `first gold excerpt at rank ${miss.rank}`
        : "answered confidently, but the articles do not cover it";
      lines.push(`- ${miss.id}: ${miss.question}`, `    ${why}${miss.confident ? "" : " (unconfident)"}`);
      if (miss.refused) lines.push(`    refused: ${miss.refused}`);
      for (const excerpt of miss.excerpts)
        lines.push(`    › ${excerpt.length > 140 ? `${excerpt.slice(0, 139)}…` : excerpt}`);
      for (const phrase of miss.expected) lines.push(`    expected: ${phrase}`);
    }
  }
  return lines.join("\n");
}

/** Several sets side by side, then each set's report: the tuned sets beside the held-out one. */
export function formatEvaluationReports(
  reports: ReadonlyArray<{ file: string; report: EvaluationReport }>,
): string {
  const width = Math.max(...reports.map(({ file }) => file.length), 4);
  const table = [
    `${"set".padEnd(width)}  hit@1   hit@3   MRR    unanswerable flagged  answerable flagged wrongly  "not covered" precision  shown hit@1  shown hit@3`,
    ...reports.map(
      ({ file, report }) =>
        `${file.padEnd(width)}  ${percent(report.hitAt1).padStart(6)}  ${percent(report.hitAt3).padStart(6)}  ${report.mrr.toFixed(3)}  ${percent(report.unanswerableFlagged).padStart(20)}  ${percent(report.answerableUnconfident).padStart(26)}  ${percent(report.notCoveredPrecision).padStart(23)}  ${(report.shown ? percent(report.shown.hitAt1) : "—").padStart(11)}  ${(report.shown ? percent(report.shown.hitAt3) : "—").padStart(11)}`,
    ),
  ];
  return [
    ...table,
    ...reports.flatMap(({ file, report }) => ["", `== ${file}`, formatEvaluationReport(report)]),
  ].join("\n");
}
