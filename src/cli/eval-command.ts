import { formatEvaluationReports } from "../eval/eval-report.ts";
import { runEvaluation } from "../eval/score-evaluation.ts";
import { shownCards } from "../render/discord/render-answer-page.ts";
import { parseArguments, UsageError } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";

export const evalCommand: SubCommand = {
  name: "eval",
  usage: "<file>... [--json]",
  summary: "score evaluation sets side by side (hit@1, hit@3, MRR, unanswerable flagged)",
  run(args, cli) {
    const { values, positionals } = parseArguments("eval", args, { json: { type: "boolean" } });
    if (positionals.length === 0) {
      throw new UsageError(
        '"dossier eval" takes evaluation files, e.g. tests/eval/dev.json tests/eval/holdout.json.',
        "eval",
      );
    }
    const { dossier } = cli.context();
    const reports = positionals.map((file) => ({ file, report: runEvaluation(file, dossier, shownCards) }));
    cli.io.out(
      values.json === true
        ? JSON.stringify(reports.length === 1 ? reports[0]?.report : reports, null, 2)
        : formatEvaluationReports(reports),
    );
    return 0;
  },
};
