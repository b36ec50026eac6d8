import { checkKnowledgeDir } from "../knowledge/load-corpus.ts";
import { formatProblem } from "../knowledge/problems.ts";
import type { CliIo } from "../render/terminal/terminal.ts";
import type { SubCommand } from "./sub-command.ts";

/** `dossier knowledge:check [dir]`: validates every knowledge file; exit code 1 on any problem. */
export function runKnowledgeCheck(io: CliIo, dir: string): number {
  const { corpus, problems } = checkKnowledgeDir(dir);
  if (problems.length > 0) {
    for (const problem of problems) io.err(formatProblem(problem));
    io.err(`knowledge:check: ${problems.length} problem(s) in ${dir}`);
    return 1;
  }
  const citations =
    corpus.demands.reduce(
      (n, d) => n + d.statement.length + d.reasoning.length + d.response.length + d.compromise.length,
      0,
    ) +
    corpus.timeline.reduce((n, e) => n + e.citations.length, 0) +
    corpus.quotes.length +
    corpus.people.reduce((n, p) => n + p.citations.length, 0) +
    corpus.qa.reduce((n, q) => n + q.citations.length, 0);
  io.out(
    `knowledge:check: ok — ${corpus.articles.length} articles, ${corpus.demands.length} demands, ` +
      `${corpus.timeline.length} events, ${corpus.quotes.length} quotes, ${corpus.people.length} people, ` +
      `${corpus.qa.length} Q&A, ${corpus.synonyms.length} synonym groups, ` +
      `${corpus.questionBank.reduce((n, b) => n + b.questions.length, 0)} banked questions, ` +
      `${corpus.notCovered.length} questions not covered` +
      `${corpus.wordVectors ? `, ${corpus.wordVectors.size} word vectors` : ""}; ${citations} citations verified verbatim`,
  );
  return 0;
}

export const knowledgeCheckCommand: SubCommand = {
  name: "knowledge:check",
  usage: "[dir]",
  summary: "validate the knowledge files and verify every citation",
  run: (args, cli) => runKnowledgeCheck(cli.io, args[0] ?? cli.knowledgeDir),
};
