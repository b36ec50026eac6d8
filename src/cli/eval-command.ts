import { formatEvaluationReport } from "../eval/format-report.ts";
import { runEvaluation } from "../eval/run-evaluation.ts";
import { parseArguments } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";
import { UsageError } from "./usage-error.ts";

export const evalCommand: SubCommand = {
  name: "eval",
  usage: "<file> [--json]",
  summary: "score an evaluation set (hit@1, hit@3, MRR, unanswerable flagged)",
  run(args, cli) {
    const { values, positionals } = parseArguments("eval", args, { json: { type: "boolean" } });
    const [file, ...extra] = positionals;
    if (file === undefined || extra.length > 0) {
      throw new UsageError(
        '"dossier eval" takes one evaluation file, e.g. tests/eval/questions.json.',
        "eval",
      );
    }
    const report = runEvaluation(file, cli.context().dossier);
    cli.io.out(values.json === true ? JSON.stringify(report, null, 2) : formatEvaluationReport(report));
    return 0;
  },
};
