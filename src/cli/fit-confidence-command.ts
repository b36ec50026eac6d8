import { CONFIDENCE_MODEL, CONFIDENT_PROBABILITY } from "../answer/ask/confidence.ts";
import { fitOnObserved, misjudgedAt, observeQuestions, tunedQuestions } from "../eval/fit-confidence.ts";
import { parseArguments, UsageError } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";

const PROBABILITIES = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];

/**
 * `dossier fit-confidence [folder]`: refits the confidence model on the tuned evaluation sets (never
 * the held-out ones) and prints it, to paste into src/answer/ask/confidence.ts, with what it and the
 * shipped model would misjudge at each probability.
 */
export const fitConfidenceCommand: SubCommand = {
  name: "fit-confidence",
  usage: "[folder]",
  summary: "refit the confidence model on the tuned evaluation sets (not holdout*.json) and print it",
  run(args, cli) {
    const { positionals } = parseArguments("fit-confidence", args, {});
    if (positionals.length > 1)
      throw new UsageError('"dossier fit-confidence" takes one folder, e.g. tests/eval.', "fit-confidence");
    const questions = tunedQuestions(positionals[0] ?? "tests/eval");
    const observed = observeQuestions(cli.context().dossier, questions);
    const model = fitOnObserved(observed);
    const table = (label: string, rows: ReturnType<typeof misjudgedAt>) => [
      label,
      "  probability  answerable flagged  unanswerable answered",
      ...rows.map(
        (row) =>
          `  ${row.probability.toFixed(2).padStart(11)}  ${String(row.answerableFlagged).padStart(18)}  ${String(row.unanswerableAnswered).padStart(21)}`,
      ),
    ];
    const round = (x: number) => Number(x.toFixed(4));
    cli.io.out(
      [
        `Fitted on ${observed.filter((q) => q.checked).length} of ${questions.length} tuned questions (the rest fail the checks of names and answer types, or were refused).`,
        ...table("Refitted:", misjudgedAt(model, observed, PROBABILITIES)),
        ...table(
          `Shipped (used at ${CONFIDENT_PROBABILITY}):`,
          misjudgedAt(CONFIDENCE_MODEL, observed, PROBABILITIES),
        ),
        "",
        "export const CONFIDENCE_MODEL: ConfidenceModel = " +
          JSON.stringify(
            {
              typicalUnansweredNearer: round(model.typicalUnansweredNearer),
              bias: round(model.bias),
              weights: Object.fromEntries(Object.entries(model.weights).map(([k, v]) => [k, round(v)])),
            },
            null,
            2,
          ) +
          ";",
      ].join("\n"),
    );
    return 0;
  },
};
