import { DEFAULT_QUESTIONS_FILE, runBench } from "../bench/run-bench.ts";
import { parseArguments, UsageError } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";

export const benchCommand: SubCommand = {
  name: "bench",
  usage: "[--quick] [--questions file]",
  summary: "the benchmark report: start-up, latency, memory against plain MiniSearch (not a test)",
  async run(args, cli) {
    const options = { quick: { type: "boolean" }, questions: { type: "string" } } as const;
    const { values, positionals } = parseArguments("bench", args, options);
    if (positionals.length > 0)
      throw new UsageError(`"dossier bench" takes no arguments; got "${positionals.join(" ")}".`, "bench");
    const report = await runBench({
      quick: values.quick === true,
      knowledgeDir: cli.knowledgeDir,
      questionsFile: values.questions ?? DEFAULT_QUESTIONS_FILE,
      progress: (message) => cli.io.err(message),
    });
    cli.io.out(report);
    return 0;
  },
};
