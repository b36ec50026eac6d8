/** One thing wrong in knowledge/, located well enough for a moderator to fix it by hand. */
export interface KnowledgeProblem {
  file: string;
  /** The entry's id, or a path such as "[3]" when the entry has no usable id. */
  entry?: string;
  reason: string;
}

export function formatProblem(problem: KnowledgeProblem): string {
  return problem.entry === undefined
    ? `${problem.file}: ${problem.reason}`
    : `${problem.file} › ${problem.entry}: ${problem.reason}`;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: ReadonlyArray<KnowledgeProblem>) {
    super(`Knowledge: ${problems.length} problem(s)\n${problems.map(formatProblem).join("\n")}`);
    this.name = "KnowledgeError";
  }
}
